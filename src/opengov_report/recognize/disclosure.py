"""二、主动公开政府信息情况: 第二十条 blocks of a caption, a head row and data rows.

Values are aligned to the head row's columns by order within the block, not by grid position
(merged cells leave empty cells that shift positions).  Without a head row, a row takes its
era's official columns.  The amount column of 2021 (本年收费金额（单位：万元）) gives bare numbers
the unit 万元; the 2019 procurement amount has no printed unit, so a bare number keeps none;
本年增/减 values are signed.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model.era import Era
from ..model.tables import DisclosureTable2019, DisclosureTable2021, Missing, TableCell
from .labels import match_disclosure_column, match_disclosure_item, match_disclosure_row
from .rows import RowView, cell_value, trim_values

__all__ = ["DEFAULT_COLUMNS", "recognize_disclosure"]

#: the official columns of each row, by era
DEFAULT_COLUMNS: dict[Era, dict[str, tuple[str, ...]]] = {
    Era.V2019: {
        "regulations": ("new_made", "new_published", "total_published"),
        "normative_documents": ("new_made", "new_published", "total_published"),
        "admin_license": ("previous_items", "change", "decisions"),
        "other_services": ("previous_items", "change", "decisions"),
        "admin_penalty": ("previous_items", "change", "decisions"),
        "admin_enforcement": ("previous_items", "change", "decisions"),
        "admin_fees": ("previous_items", "change"),
        "procurement": ("items", "amount"),
    },
    Era.V2021: {
        "regulations": ("issued", "repealed", "in_force"),
        "normative_documents": ("issued", "repealed", "in_force"),
        "admin_license": ("decisions",),
        "admin_penalty": ("decisions",),
        "admin_enforcement": ("decisions",),
        "admin_fees": ("amount",),
    },
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
        if not view.labels:
            continue
        first = view.labels[0].content
        if match_disclosure_item(first) is not None and not view.has_values:
            head = []
            continue
        cols = [(c, x.content) for x in view.labels if (c := match_disclosure_column(x.content))]
        if cols and not view.has_values:
            head = cols
            ids = {c for c, _ in cols}
            if ids & _COLUMNS_2021:
                head_eras.add(Era.V2021)
            if ids & _COLUMNS_2019:
                head_eras.add(Era.V2019)
            continue
        row = match_disclosure_row(view.label) or match_disclosure_row(first)
        if row is not None and view.values and all(r != row for r, _, _ in found):
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
        if not columns or values is None:
            missing.extend(Missing(row, c, "cell count does not fit") for c in columns or ["?"])
            continue
        for column, cell in zip(columns, values, strict=True):
            label = labels.get(column, "")
            unit = "万元" if column == "amount" and "万元" in label else None
            value = cell_value(cell, default_unit=unit, signed=column == "change")
            cells.append(TableCell(row, column, value, view.label, label or None))
    expected = list(defaults)
    present = {r for r, _, _ in found}
    missing.extend(Missing(r, None, "not found") for r in expected if r not in present)
    span = found[0][1].labels[0].span if found[0][1].labels else None
    table_cls = DisclosureTable2021 if era is Era.V2021 else DisclosureTable2019
    return table_cls(tuple(cells), tuple(missing), (), span)
