"""Reading a grid table's cells as identity terms, with the labels the report wrote."""

from __future__ import annotations

from collections.abc import Mapping

from ..model.tables import TableCell
from ..model.values import Value
from .arithmetic import Term
from .finding import Location

__all__ = ["GridIndex", "squash"]


def squash(text: str) -> str:
    """A label as written, with its white space removed (``三、 本年 度`` → ``三、本年度``)."""
    return "".join(text.split())


class GridIndex:
    """The cells of one grid table by (row, column), and their labels as written.

    ``row_labels``/``column_labels`` are the official labels, used where the report's own
    label was not kept (a column found by position).
    """

    __slots__ = (
        "_cells",
        "_column_labels",
        "_columns_written",
        "_row_labels",
        "_rows_written",
        "table",
    )

    def __init__(
        self,
        table: str,
        cells: tuple[TableCell, ...],
        row_labels: Mapping[str, str],
        column_labels: Mapping[str, str],
    ) -> None:
        self.table = table
        self._cells = {(c.row, c.column): c for c in cells}
        self._row_labels = row_labels
        self._column_labels = column_labels
        self._rows_written: dict[str, str] = {}
        self._columns_written: dict[str, str] = {}
        for c in cells:
            if c.row_label and c.row not in self._rows_written:
                self._rows_written[c.row] = squash(c.row_label)
            if c.column_label and c.column not in self._columns_written:
                self._columns_written[c.column] = squash(c.column_label)

    def value(self, row: str, column: str) -> Value | None:
        cell = self._cells.get((row, column))
        return cell.value if cell is not None else None

    def row_label(self, row: str) -> str:
        """The row's label as the report writes it, else the official one, else the id."""
        return self._rows_written.get(row) or self._row_labels.get(row, row)

    def column_label(self, column: str) -> str:
        """The column's label as the report writes it, else the official one, else the id."""
        return self._columns_written.get(column) or self._column_labels.get(column, column)

    def location(self, row: str, column: str) -> Location:
        cell = self._cells.get((row, column))
        span = cell.value.span if cell is not None else None
        label = f"{self.row_label(row)} / {self.column_label(column)}"
        return Location(self.table, row, column, label, span)

    def term(self, row: str, column: str) -> Term:
        """The cell as a term (its value None when the table lacks it)."""
        return Term(self.value(row, column), self.location(row, column))
