"""二、主动公开政府信息情况: 第二十条 blocks of a caption, a head row and data rows.

Values are aligned to the head row's columns by order within the block, not by grid position
(merged cells leave empty cells that shift positions).  Without a head row, a row takes its
era's official columns.  The amount column of 2021 (本年收费金额（单位：万元）) gives bare numbers
the unit 万元; the 2019 procurement amount has no printed unit, so a bare number keeps none;
本年增/减 values are signed.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._chars import BLANK, is_blank
from ..model.era import Era
from ..model.forms import DISCLOSURE_FORM
from ..model.tables import DisclosureTable2019, DisclosureTable2021, Missing, TableCell
from ..model.values import parse_value
from .build import table_cell
from .glued import split_candidates
from .labels import (
    disclosure_columns_in,
    disclosure_row_of_key,
    disclosure_row_suffix,
    match_disclosure_row_suffix,
)
from .rows import CONTENT, RowView, cell_value, part_span, trim_values

__all__ = ["DEFAULT_COLUMNS", "recognize_disclosure"]

#: the official columns of each row, by era (the forms' facts, model/forms.py)
DEFAULT_COLUMNS: dict[Era, dict[str, tuple[str, ...]]] = {
    era: {row: columns for row, _, columns in DISCLOSURE_FORM[fmt]}
    for era, fmt in ((Era.V2019, "2019"), (Era.V2021, "2021"))
}
_COLUMNS_2021 = frozenset({"issued", "repealed", "in_force"})
_COLUMNS_2019 = frozenset({"new_made", "new_published", "total_published", "previous_items",
                           "change", "items"})  # fmt: skip


def recognize_disclosure(
    views: Sequence[RowView], report_era: Era
) -> DisclosureTable2019 | DisclosureTable2021 | None:
    """The 主动公开 table, or None when the report has no row of it."""
    head: list[tuple[str, str]] = []  # (column id, head label as written)
    found: list[tuple[str, RowView, list[tuple[str, str]]]] = []
    head_eras: set[Era] = set()
    for view in views:
        if not view.label_texts:
            continue
        if view.is_glued:
            # a glued line keeps the caption and the head before the row label
            # (…第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章 | 000)
            in_line = disclosure_columns_in(view.label)
            if in_line or "第二十条" in view.label_key:
                head = in_line
                head_eras.update(_eras_of({c for c, _ in in_line}))
            row = disclosure_row_of_key(view.label_key) or match_disclosure_row_suffix(view.label)
            if row is not None and view.value_texts and all(r != row for r, _, _ in found):
                found.append((row, view, list(head)))
            continue
        read = view.labels_read  # what the row's labels are to this table, worked out once
        if read.disclosure_inert:
            continue  # no caption, head or row of this table: a row of another one
        if read.disclosure_item is not None and not view.has_values:
            head = []
            continue
        cols = read.disclosure_columns
        if cols and not view.has_values:
            head = list(cols)
            head_eras.update(_eras_of({c for c, _ in cols}))
            continue
        row = read.disclosure_row
        if row is not None and view.value_texts and all(r != row for r, _, _ in found):
            found.append((row, view, list(head)))
    if not found:
        return None
    if len(head_eras) == 1:
        era = head_eras.pop()
    elif report_era in (Era.V2019, Era.V2021):
        era = report_era
    elif any(r in ("other_services", "procurement") for r, _, _ in found):
        era = Era.V2019
    else:
        era = Era.V2021
    cells: list[TableCell] = []
    missing: list[Missing] = []
    defaults = DEFAULT_COLUMNS[era]
    for row, view, block_head in found:
        columns = [c for c, _ in block_head] or list(defaults.get(row, ()))
        labels = dict(block_head)
        if len(set(columns)) != len(columns):
            # a damaged head that names a column twice: which value is whose cannot be told
            reason = "the head names a column twice"
            missing.extend(Missing(row, c, reason) for c in dict.fromkeys(columns))
            continue
        # merged cells leave blank cells: drop them from the ends until the values fit
        values = trim_values(view.values, len(columns), trailing_first=True)
        if columns and values is None and view.is_glued:
            cells.extend(_split_glued(row, view, columns, labels, missing))
            continue
        if not columns or values is None:
            missing.extend(Missing(row, c, "cell count does not fit") for c in columns or ["?"])
            continue
        for column, cell in zip(columns, values, strict=True):
            label = labels.get(column, "")
            value = cell_value(cell, default_unit=_unit(column, label), signed=column == "change")
            cells.append(table_cell(row, column, value, _row_label(view, row), label or None))
    expected = list(defaults)
    present = {r for r, _, _ in found}
    missing.extend(Missing(r, None, "not found") for r in expected if r not in present)
    span = found[0][1].first_label_span()
    table_cls = DisclosureTable2021 if era is Era.V2021 else DisclosureTable2019
    return table_cls(tuple(cells), tuple(missing), (), span)


def _eras_of(ids: set[str]) -> set[Era]:
    """The eras a head's columns belong to."""
    return {era for era, own in ((Era.V2021, _COLUMNS_2021), (Era.V2019, _COLUMNS_2019))
            if ids & own}  # fmt: skip


def _unit(column: str, label: str) -> str | None:
    """The unit a bare number takes in this column: 万元 where the head says so."""
    return "万元" if column == "amount" and "万元" in label else None


def _split_glued(
    row: str, view: RowView, columns: list[str], labels: dict[str, str], missing: list[Missing]
) -> list[TableCell]:
    """The cells of a row whose digits ran together (``1012`` for three columns), when only
    one split into the row's columns exists (``000`` is 0, 0, 0); otherwise the cells stay
    missing.  Table 二 has no identity within a row to choose between splits."""
    filled = [c for c in view.values if not is_blank(c[CONTENT])]
    digits = filled[0][CONTENT].strip(BLANK) if len(filled) == 1 else ""
    offset = filled[0][CONTENT].find(digits) if digits else -1
    splits = split_candidates(digits, len(columns), total_last=False) if digits else ()
    if len(splits) != 1 or offset < 0:
        reason = "glued digits: ambiguous split" if splits else "cell count does not fit"
        missing.extend(Missing(row, c, reason) for c in columns)
        return []
    out: list[TableCell] = []
    for column, number in zip(columns, splits[0], strict=True):
        text = str(number)
        label = labels.get(column, "")
        value = parse_value(
            text,
            part_span(filled[0], offset, len(text)),
            default_unit=_unit(column, label),
            signed=column == "change",
        )
        out.append(
            TableCell(row, column, value, _row_label(view, row), label or None, recovered=True)
        )
        offset += len(text)
    return out


def _row_label(view: RowView, row: str) -> str:
    """The row's label as written: a glued line keeps the caption and head before it
    (``第二十条第（一）项信息内容本年制发件数…现行有效件数规章``), and its label is the form's
    label that ends it (``规章``); other rows' labels are their label cells."""
    if view.is_glued:
        found = disclosure_row_suffix(view.label)
        if found is not None and found[0] == row:
            return found[1]
    return view.label
