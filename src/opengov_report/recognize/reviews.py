"""四、政府信息公开行政复议、行政诉讼情况: three groups × five results.

The official table has no row labels: a header (行政复议 | 行政诉讼 …) and one data row of 15
values, read in the official order (review, litigation without review, litigation after
review; each 结果维持, 结果纠正, 其他结果, 尚未审结, 总计) unless the header lists the result
columns in another order.  Reports that label each group's row (行政复议 | 0 | 0 …) are read by
those labels.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._chars import BLANK, is_blank
from ..document import CellData
from ..model.tables import Missing, ReviewTable, TableCell
from ..model.values import parse_value
from .build import row_cells
from .glued import split_grouped
from .label_facts import LabelFacts
from .labels import (
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
)
from .rows import CONTENT, RowView, part_span, trim_values

__all__ = ["recognize_reviews"]


def recognize_reviews(views: Sequence[RowView]) -> ReviewTable | None:
    """The review/litigation table, or None when the report has no header or row of it."""
    for view in views:
        if view.is_glued and _is_glued_head(view):
            return _from_glued(view)
    start = -1
    for i, view in enumerate(views):
        if view.labels_read.names_review and not view.has_values:
            start = i
            break
    labelled = _labelled_rows(views)
    if start < 0 and not labelled:
        return None
    columns = tuple(REVIEW_COLUMNS)
    cells: list[TableCell] = []
    missing: list[Missing] = []
    if start >= 0:
        header_cols: list[str] = []
        data: RowView | None = None
        for view in views[start + 1 : start + 8]:
            if view.table_index != views[start].table_index:
                break
            if view.has_values and all(_is_header_word(f) for f in view.facts):
                data = view  # the data row (it may carry the head's last word as a label)
                break
            if not view.label_texts and len(view.value_texts) >= len(REVIEW_GROUPS) * len(columns):
                data = view  # a data row left entirely blank: blank cells, not a lost row
                break
            cols = [c for c in (f.review_column for f in view.facts) if c]
            if len(cols) >= len(columns) and not header_cols:
                header_cols = cols[: len(columns)]
        if header_cols and sorted(header_cols) == sorted(columns):
            columns = tuple(header_cols)
        if data is not None:
            fitted = trim_values(data.values, len(REVIEW_GROUPS) * len(columns))
            if fitted is None:
                missing.extend(Missing(g, None, "cell count does not fit") for g in REVIEW_GROUPS)
            else:
                width = len(columns)  # the groups side by side, each with its columns
                for k, group in enumerate(REVIEW_GROUPS):
                    own = fitted[k * width : (k + 1) * width]
                    cells.extend(row_cells(group, columns, own, _GROUP_LABELS[group]))
        elif not labelled:
            missing.extend(Missing(g, None, "not found") for g in REVIEW_GROUPS)
    if not cells and labelled:
        for group, view in labelled.items():
            fitted = trim_values(view.values, len(columns))
            if fitted is None:
                missing.append(Missing(group, None, "cell count does not fit"))
                continue
            cells.extend(row_cells(group, columns, fitted, view.label))
        missing.extend(Missing(g, None, "not found") for g in REVIEW_GROUPS if g not in labelled)
    first = views[start] if start >= 0 else next(iter(labelled.values()))
    span = first.first_label_span()
    return ReviewTable(tuple(cells), tuple(missing), (), span)


_GROUP_LABELS = {
    "review": "行政复议",
    "litigation_direct": "行政诉讼 未经复议直接起诉",
    "litigation_after_review": "行政诉讼 复议后起诉",
}


def _is_header_word(fact: LabelFacts) -> bool:
    """行政复议, 行政诉讼, a group or a result column: words of the head, not a row label."""
    return fact.key in ("行政复议", "行政诉讼") or bool(fact.review_group or fact.review_column)


def _labelled_rows(views: Sequence[RowView]) -> dict[str, RowView]:
    """Rows that carry a group label and five values (行政复议 | 0 | 0 | 0 | 0 | 0)."""
    out: dict[str, RowView] = {}
    for view in views:
        if not view.label_texts or not view.has_values:
            continue
        group = view.facts[-1].review_group
        if group is not None and group not in out and len(view.value_texts) >= len(REVIEW_COLUMNS):
            out[group] = view
    return out


def _glued_digits(view: RowView) -> CellData | None:
    """The digits cell of a glued line (its last cell, however long the run: a run of more
    digits than one number has reads as no value)."""
    cells = [c for c in (*view.labels, *view.values) if not is_blank(c[CONTENT])]
    last = cells[-1] if len(cells) >= 2 else None
    digits = last[CONTENT].strip(BLANK) if last is not None else ""
    return last if digits.isascii() and digits.isdigit() else None


def _is_glued_head(view: RowView) -> bool:
    """A glued line holding the head of table 四 (…结果维持…尚未审结…总计) and its digits."""
    key = view.label_key
    heads = "行政复议" in key and "结果维持" in key and "尚未审结" in key
    return heads and _glued_digits(view) is not None


def _from_glued(view: RowView) -> ReviewTable:
    """Table 四 from one glued line: its 15 numbers are cut out of the digits where only one
    cut makes every group's 总计 the sum of its four results; else the cells stay missing."""
    cell = _glued_digits(view)
    assert cell is not None
    digits = cell[CONTENT].strip(BLANK)
    offset = cell[CONTENT].find(digits)
    splits = split_grouped(digits, len(REVIEW_GROUPS), len(REVIEW_COLUMNS))
    span = view.first_label_span()
    if len(splits) != 1:
        reason = "glued digits: ambiguous split" if splits else "glued digits: no split adds up"
        missing = tuple(Missing(g, c, reason) for g in REVIEW_GROUPS for c in REVIEW_COLUMNS)
        return ReviewTable((), missing, (), span)
    cells: list[TableCell] = []
    for k, number in enumerate(splits[0]):
        group = REVIEW_GROUPS[k // len(REVIEW_COLUMNS)]
        column = REVIEW_COLUMNS[k % len(REVIEW_COLUMNS)]
        text = str(number)
        value = parse_value(text, part_span(cell, offset, len(text)))
        cells.append(TableCell(group, column, value, _GROUP_LABELS[group], recovered=True))
        offset += len(text)
    return ReviewTable(tuple(cells), (), (), span)
