"""Model objects that recognition makes by the hundred, built without re-checking them.

A report has a :class:`TableCell` and a :class:`Value` per table cell, each with the
:class:`Span` of the cell's content.  Their constructors check what recognition already
guarantees (a cell's content span comes from the cell's own offsets; the fields of a table cell
are plain strings), and attrs' generated ``__init__`` costs more than the work itself.  These
builders (:func:`opengov_report._slots.builder`, as ``document.new_span`` and
``model.values.new_value``) set the slots directly: the objects are the same (same class, same
fields, equal to the ones the constructors make: tests/test_builders.py).  Public
construction keeps every check.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .._slots import builder
from ..document import CellData, Span, new_span
from ..model.tables import TableCell
from ..model.values import classify_plain, new_value

__all__ = ["content_span", "row_cells", "table_cell"]

#: ``TableCell(row, column, value, row_label="", column_label=None, recovered=False)``
table_cell: Callable[..., TableCell] = builder(
    TableCell, ("row", "column", "value", "row_label", "column_label", "recovered")
)


def content_span(cell: CellData) -> Span:
    """``Cell(*cell).content_span``: where a stored cell's content is (its offsets, and the
    line and column where it starts), which the cell's offsets make valid."""
    _, own_start, line, column, _, start, end = cell
    return new_span(start, end, line, column + start - own_start)


def row_cells(
    row: str, columns: Sequence[str], cells: Sequence[CellData], row_label: str
) -> list[TableCell]:
    """The table cells of one row: for each column and the cell aligned with it,
    ``TableCell(row, column, cell_value(cell), row_label)`` (the value read by
    :func:`~opengov_report.model.values.parse_value`, without a unit or sign context).

    The hot loop of recognition (a report has some 150 such cells): one call per row, the
    builders' locals bound once.
    """
    if len(columns) != len(cells):
        raise ValueError(f"{len(cells)} cells for {len(columns)} columns")
    span_of, value_of, cell_of, classify = new_span, new_value, table_cell, classify_plain
    out: list[TableCell] = []
    append = out.append
    # (the lengths are checked above: zip's strict check costs a little on every cell)
    for column, (_, own_start, line, col, raw, start, end) in zip(columns, cells, strict=False):
        kind, number, unit = classify(raw)
        span = span_of(start, end, line, col + start - own_start)
        append(cell_of(row, column, value_of(kind, raw, number, unit, span), row_label))
    return out
