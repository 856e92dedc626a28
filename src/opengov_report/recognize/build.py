"""Model objects that recognition makes by the hundred, built without re-checking them.

A report has a :class:`TableCell` and a :class:`Value` per table cell, each with the
:class:`Span` of the cell's content.  Their constructors check what recognition already
guarantees (a cell's content span comes from the cell's own offsets; the fields of a table cell
are plain strings), and attrs' generated ``__init__`` costs more than the work itself.  These
builders set the slots directly: the objects are the same (same class, same fields, equal to
the ones the constructors make: tested).  Public construction keeps every check.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._slots import slot_setters
from ..document import CellData, Span
from ..model.tables import TableCell
from ..model.values import Value, classify_plain

__all__ = ["content_span", "row_cells", "table_cell"]

_new = object.__new__

_SPAN_SETTERS = slot_setters(Span, ("start", "end", "line", "column"))
# a Value read by parse_value is valid by construction (see model/values.py)
_VALUE_SETTERS = slot_setters(Value, ("kind", "raw", "number", "unit", "span"))
_TABLE_CELL_SETTERS = slot_setters(
    TableCell, ("row", "column", "value", "row_label", "column_label", "recovered")
)


def content_span(cell: CellData) -> Span:
    """``Cell(*cell).content_span``: where a stored cell's content is (its offsets, and the
    line and column where it starts), which the cell's offsets make valid."""
    _, own_start, line, column, _, start, end = cell
    span: Span = _new(Span)
    set_start, set_end, set_line, set_column = _SPAN_SETTERS
    set_start(span, start)
    set_end(span, end)
    set_line(span, line)
    set_column(span, column + start - own_start)
    return span


def table_cell(
    row: str,
    column: str,
    value: Value,
    row_label: str = "",
    column_label: str | None = None,
    recovered: bool = False,
) -> TableCell:
    """``TableCell(row, column, value, row_label, column_label, recovered)``."""
    cell: TableCell = _new(TableCell)
    set_row, set_column, set_value, set_row_label, set_column_label, set_recovered = (
        _TABLE_CELL_SETTERS
    )
    set_row(cell, row)
    set_column(cell, column)
    set_value(cell, value)
    set_row_label(cell, row_label)
    set_column_label(cell, column_label)
    set_recovered(cell, recovered)
    return cell


def row_cells(
    row: str, columns: Sequence[str], cells: Sequence[CellData], row_label: str
) -> list[TableCell]:
    """The table cells of one row: for each column and the cell aligned with it,
    ``TableCell(row, column, cell_value(cell), row_label)`` (the value read by
    :func:`~opengov_report.model.values.parse_value`, without a unit or sign context).

    The hot loop of recognition (a report has some 150 such cells): one call per row, with
    the span, value and table cell of each built in place.
    """
    if len(columns) != len(cells):
        raise ValueError(f"{len(cells)} cells for {len(columns)} columns")
    out: list[TableCell] = []
    append = out.append
    new = _new
    span_class, value_class, cell_class = Span, Value, TableCell
    classify = classify_plain
    set_start, set_end, set_line, set_column = _SPAN_SETTERS
    set_kind, set_raw, set_number, set_unit, set_span = _VALUE_SETTERS
    set_row, set_col, set_value, set_row_label, set_column_label, set_recovered = (
        _TABLE_CELL_SETTERS
    )
    # (the lengths are checked above: zip's strict check costs a little on every cell)
    for column, (_, own_start, line, col, raw, start, end) in zip(columns, cells, strict=False):
        span: Span = new(span_class)
        set_start(span, start)
        set_end(span, end)
        set_line(span, line)
        set_column(span, col + start - own_start)
        kind, number, unit = classify(raw)
        value: Value = new(value_class)
        set_kind(value, kind)
        set_raw(value, raw)
        set_number(value, number)
        set_unit(value, unit)
        set_span(value, span)
        table_cell: TableCell = new(cell_class)
        set_row(table_cell, row)
        set_col(table_cell, column)
        set_value(table_cell, value)
        set_row_label(table_cell, row_label)
        set_column_label(table_cell, None)
        set_recovered(table_cell, False)
        append(table_cell)
    return out
