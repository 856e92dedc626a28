"""三、收到和处理政府信息公开申请情况: rows by label, columns by header or official order.

Rows are found by their labels wherever they are (a damaged PDF can merge this table with the
one before it, or lose its header); group labels (（三）不予公开 …) give the context in which
sub-row labels (``1.属于国家秘密``, ``3.其他``) are read.  Columns follow the header when one is
found (a report may add a 小计 column), else the official order, and only where the number of
cells fits.  Glued digits (``…申请数量123001016``) are split by the table's identities; a
split that is not unique is left unresolved and reported as missing.  Nothing is invented.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .._chars import BLANK, is_blank
from ..document import CellData, Span
from ..model.era import Era
from ..model.tables import ApplicationTable, Missing, TableCell, UnrecognizedRow
from ..model.values import Value, parse_value
from .build import row_cells
from .glued_rows import split_glued_rows
from .label_facts import LabelFacts, label_facts
from .labels import (
    APPLICATION_COLUMNS,
    APPLICATION_ROWS_2019,
    APPLICATION_ROWS_2021,
    application_row_of_key,
)
from .rows import CONTENT, RowView, part_span, trim_values

__all__ = ["recognize_applications"]

_TOP_LEVEL = frozenset(
    {"new_received", "carried_over", "granted", "partially_granted", "total_processed",
     "carried_forward"}
)  # fmt: skip


_SUBTOTAL_GROUPS = frozenset({"denied", "unable", "not_processed"})


class _Found:
    """A matched row: its id, its label as written, its value cells (or glued digits), and
    the row of values only that follows it in its table, if any (a wrapped row's rest)."""

    __slots__ = ("label", "rest", "row_id", "view")

    def __init__(self, row_id: str, label: str, view: RowView, rest: RowView | None) -> None:
        self.row_id = row_id
        self.label = label
        self.view = view
        self.rest = rest


def _rest_of(views: Sequence[RowView], index: int) -> RowView | None:
    """The row after ``views[index]`` when it holds values only, in the same table."""
    if index + 1 >= len(views):
        return None
    nxt = views[index + 1]
    if nxt.table_index != views[index].table_index or nxt.label_texts or not nxt.value_texts:
        return None
    return nxt


#: the rows whose labels span the same label columns of the form (format-spec §4.3): 一、二、
#: 四 span all three; （一）, （二） and （七） the last two.  The cells a span covers show as blank
#: cells before the row's values where a text keeps them
_SPANS: dict[str, str] = {
    **dict.fromkeys(("new_received", "carried_over", "carried_forward"), "three"),
    **dict.fromkeys(("granted", "partially_granted", "total_processed"), "two"),
}


def _leading_blanks(cells: tuple[CellData, ...]) -> int:
    n = 0
    while n < len(cells) and is_blank(cells[n][CONTENT]):
        n += 1
    return n


def _span_blanks(found: Sequence[_Found], width: int) -> dict[str, int]:
    """How many blank cells the label spans leave before the values in this text: for each
    kind of span, the leading blank cells of its rows that have exactly the table's width of
    cells after them, where those rows agree (``一、…⇥⇥⇥12⇥3⇥0⇥0⇥1⇥0⇥16``: two)."""
    seen: dict[str, set[int]] = {}
    for f in found:
        span = _SPANS.get(f.row_id)
        if span is None or f.view.is_glued:
            continue
        values = f.view.values
        lead = _leading_blanks(values)
        if lead and len(values) - lead == width:
            seen.setdefault(span, set()).add(lead)
    return {span: leads.pop() for span, leads in seen.items() if len(leads) == 1}


def _fit(f: _Found, width: int, spans: dict[str, int]) -> tuple[CellData, ...] | None:
    """The row's value cells fitted to the table's width.

    Where the table's rows show how many blank cells their label's span leaves
    (:func:`_span_blanks`), a row with that span drops that many, and no more are taken for
    the span: a row that would fit only by counting one of them as a value lost a cell
    (``二、…⇥⇥⇥1⇥0⇥0⇥0⇥0⇥0``, its last value wrapped onto a line of its own) and does not fit.
    A row that does not fit, or fits only with a blank first value, and whose values go on
    in a row of values only (``0⇥17``: the line wrapped), is read with that rest where the
    whole fits."""
    values = f.view.values
    k = spans.get(_SPANS.get(f.row_id, ""), 0)
    if k and _leading_blanks(values) >= k:
        values = values[k:]
        # blank cells beyond the span's are the row's (自然人 left blank) or stray (S003:
        # 四、结转下年度继续办理⇥⇥0…); trailing ones go first
        fitted = trim_values(values, width, trailing_first=True)
    else:
        fitted = trim_values(values, width)
    if f.rest is None or (fitted is not None and not is_blank(fitted[0][CONTENT])):
        return fitted
    whole = trim_values(values + f.rest.values, width, trailing_first=bool(k))
    return whole if whole is not None else fitted


def _values_written_in_words(view: RowView, width: int) -> tuple[str, tuple[CellData, ...]] | None:
    """The label and value cells of a row whose first values hold words (``约4``, ``4件左右``),
    read as labels: the short cells after the row's own label that hold a digit and no
    numbering are the values the form wants there, kept as written (unreadable: rule V103
    reports them), when with them the row has the table's width; None otherwise."""
    labels = view.labels
    k = len(labels)
    while k > 1 and _is_worded_value(labels[k - 1][CONTENT]):
        k -= 1
    if k == len(labels):
        return None
    cells = trim_values(labels[k:] + view.values, width)
    if cells is None:
        return None
    return " ".join(cell[CONTENT].strip(BLANK) for cell in labels[:k]), cells


def _is_worded_value(text: str) -> bool:
    text = text.strip(BLANK)
    return (
        len(text) <= _WORDED_VALUE_MAX
        and any(c.isdigit() for c in text)
        and _NUMBERING_RE.match(text) is None
    )


#: the longest cell read as a value written in words, and a row label's numbering
_WORDED_VALUE_MAX = 8
_NUMBERING_RE = re.compile(r"[(（]?[0-9０-９一二三四五六七八九十]{1,3}[)）、.．]")


def _broken_row(views: Sequence[RowView], index: int, group: str | None) -> tuple[str, str] | None:
    """The row id and whole label of ``views[index]`` (a row with values whose label names no
    row) when a neighbouring row without values holds the other part of its label.

    A row broken by a page break leaves the start of its label at the foot of one page and
    the rest at the top of the next, its values with either part (``一、本年新收政府`` /
    ``信息公开申请数量``; ``（七）`` / ``总计``).  Every row of table 三 starts with its
    numbering, so the upper part starts with one and the lower part does not; the two are
    one row when, besides, the labels together name a row of the form, and the upper part,
    when it is the one without values, names no row by itself (it would be read as that
    row, blank)."""
    view = views[index]
    numbered = _NUMBERING_RE.match(view.label) is not None
    if numbered and index + 1 < len(views):
        below = views[index + 1]
        if _without_values(below) and _NUMBERING_RE.match(below.label) is None:
            return _joined_row(view, below, group)
    if not numbered and index > 0:
        above = views[index - 1]
        if _without_values(above) and _NUMBERING_RE.match(above.label) is not None:
            fact = label_facts(above.label)
            if fact.application_row(fact.application_group or group) is None:
                return _joined_row(above, view, group)
    return None


def _without_values(view: RowView) -> bool:
    """A row with a label and no values (every cell after its label blank)."""
    return not view.has_values and bool(view.label_texts)


def _joined_row(upper: RowView, lower: RowView, group: str | None) -> tuple[str, str] | None:
    label = upper.labels_read.written + lower.labels_read.written
    fact = label_facts(label)
    row_id = fact.application_row(fact.application_group or group)
    return (row_id, label) if row_id is not None else None


def _names_review(fact: LabelFacts) -> bool:
    """A word only table 四's head holds: a group (行政复议 …) or a result other than 总计."""
    return fact.review_group is not None or fact.review_column not in (None, "total")


def recognize_applications(views: Sequence[RowView], report_era: Era) -> ApplicationTable | None:
    """The applications table, or None when the report has no row of it."""
    found: list[_Found] = []
    found_ids: set[str] = set()
    header_columns: list[str] = []
    unrecognized: list[UnrecognizedRow] = []
    group: str | None = None
    first_index = -1
    pending_unknown: list[RowView] = []  # rows no label matched, kept if a known row follows
    for index, view in enumerate(views):
        facts = view.facts
        if not facts:
            continue  # a row without labels is neither a header nor a row of this table
        row_id: str | None = None
        columns = view.labels_read.application_columns
        if len(columns) >= 2 and not view.has_values:
            # a header row (自然人 … 总计), even with a stray empty cell after its labels:
            # its 总计 is a column, not the row （七）总计
            header_columns.extend(columns)
            continue
        if not view.has_values and any(_names_review(f) for f in facts):
            continue  # a head of table 四 (… 尚未审结 | 总计 | 结果维持 …): its 总计 is a column
        for fact in facts:
            g = fact.application_group
            r = fact.application_row(g or group)
            if g is not None:
                group = g
            if r is not None:
                row_id = r
        if row_id is None and len(facts) > 1:
            row_id = application_row_of_key(view.label_key, group)
        label = view.labels_read.written
        if row_id is None and view.has_values:
            broken = _broken_row(views, index, group)
            if broken is not None:
                row_id, label = broken
        if row_id is None and facts and group in _SUBTOTAL_GROUPS:
            # a group label alone with values of its own: a subtotal row a report adds
            last = facts[-1].application_group
            if last == group and view.has_values:
                row_id = group
        if row_id is not None and view.value_texts:
            if row_id in _TOP_LEVEL:
                group = None
            if row_id in found_ids:
                continue  # a repeated row: the first one stands
            found_ids.add(row_id)
            found.append(_Found(row_id, label, view, _rest_of(views, index)))
            if first_index < 0:
                first_index = index
            if pending_unknown:
                unrecognized.extend(
                    UnrecognizedRow(v.label, v.value_texts, v.line) for v in pending_unknown
                )
                pending_unknown = []
            continue
        if columns and not view.has_values:
            if header_columns:
                header_columns.extend(columns)
            continue
        if first_index >= 0 and view.label_texts and view.has_values:
            pending_unknown.append(view)
    if not found:
        return None
    era = _table_era(found, report_era)
    table_columns = _columns(header_columns)
    by_row: dict[str, list[TableCell]] = {}  # each row's cells, in column order
    missing: list[Missing] = []
    glued: list[_Found] = []
    spans = _span_blanks(found, len(table_columns))
    for f in found:
        if f.view.is_glued:
            glued.append(f)
            continue
        label = f.label
        fitted = _fit(f, len(table_columns), spans)
        if fitted is None:
            worded = _values_written_in_words(f.view, len(table_columns))
            if worded is not None:
                label, fitted = worded
        if fitted is None:
            missing.extend(Missing(f.row_id, c, "cell count does not fit") for c in table_columns)
            continue
        by_row[f.row_id] = row_cells(f.row_id, table_columns, fitted, label)
    if glued:
        known = [c for row in by_row.values() for c in row]
        for c in _resolve_glued(glued, table_columns, known, missing):
            by_row.setdefault(c.row, []).append(c)
    expected = APPLICATION_ROWS_2021 if era is Era.V2021 else APPLICATION_ROWS_2019
    present = {f.row_id for f in found}
    missing.extend(Missing(r, None, "not found") for r in expected if r not in present)
    # the official rows in their order (each row's cells are in column order already), then
    # the cells of other rows (subtotals a report adds …) by column, in the order found
    order = _ORDER_2021 if era is Era.V2021 else _ORDER_2019
    official = sorted((r for r in by_row if r in order), key=order.__getitem__)
    cells = [c for r in official for c in by_row[r]]
    extra = [c for r, row in by_row.items() if r not in order for c in row]
    if extra:
        col_order = {c: i for i, c in enumerate(table_columns)}
        extra.sort(key=lambda c: col_order.get(c.column, 99))
        cells.extend(extra)
    first_view = views[first_index]
    span = first_view.first_label_span()
    return ApplicationTable(tuple(cells), tuple(missing), tuple(unrecognized), span, era=era)


_ORDER_2019 = {r: i for i, r in enumerate(APPLICATION_ROWS_2019)}
_ORDER_2021 = {r: i for i, r in enumerate(APPLICATION_ROWS_2021)}


def _table_era(found: list[_Found], report_era: Era) -> Era:
    ids = {f.row_id for f in found}
    if any(i.startswith("other.") for i in ids):
        return Era.V2021
    if "other" in ids:
        return Era.V2019
    return report_era if report_era in (Era.V2019, Era.V2021) else Era.V2021


def _columns(header: list[str]) -> tuple[str, ...]:
    """Columns from the header when it names them all, 自然人 first, else official.  总计
    closes the table whatever row of a two-row head names it (自然人 | 法人或其他组织 | 总计
    over 商业企业 … 其他 | 小计)."""
    seen: list[str] = []
    for c in header:
        if c not in seen:
            seen.append(c)
    official = tuple(APPLICATION_COLUMNS)
    if len(seen) >= len(official) and seen[0] == official[0] and set(official) <= set(seen):
        return (*(c for c in seen if c != official[-1]), official[-1])
    return official


def _resolve_glued(
    glued: list[_Found], columns: tuple[str, ...], known: list[TableCell], missing: list[Missing]
) -> list[TableCell]:
    """Split rows whose digits ran together, by each row's total and the column identities."""
    digits_cells: list[CellData | None] = []
    for f in glued:
        values = [v for v in f.view.values if not is_blank(v[CONTENT])]
        digits_cells.append(values[0] if len(values) == 1 else None)
    known_rows: dict[str, tuple[int | None, ...]] = {}
    for c in known:
        number = c.value.number
        row = known_rows.setdefault(c.row, (None,) * len(columns))
        idx = columns.index(c.column)
        known_rows[c.row] = (
            *row[:idx],
            number if isinstance(number, int) else None,
            *row[idx + 1 :],
        )
    results = split_glued_rows(
        [
            (f.row_id, d[CONTENT] if d is not None else "")
            for f, d in zip(glued, digits_cells, strict=True)
        ],
        len(columns),
        known_rows,
    )
    out: list[TableCell] = []
    for f, cell, result in zip(glued, digits_cells, results, strict=True):
        if cell is None or result.parts is None:
            reason = result.reason if cell is not None else "cell count does not fit"
            missing.extend(Missing(f.row_id, c, reason) for c in columns)
            continue
        for column, (value_text, offset) in zip(columns, result.parts, strict=True):
            value = _count(value_text, part_span(cell, offset, len(value_text)))
            out.append(TableCell(f.row_id, column, value, f.label, recovered=True))
    return out


def _count(text: str, span: Span) -> Value:
    return parse_value(text, span)
