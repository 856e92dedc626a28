"""Reading a grid table's cells as identity terms, with the labels the report wrote."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from ..model.tables import (
    APPLICATIONS,
    DISCLOSURE,
    LEGACY,
    REVIEWS,
    ApplicationTable,
    DisclosureTable2019,
    DisclosureTable2021,
    ReviewTable,
    TableCell,
)
from ..model.values import Value
from ..recognize.labels import (
    APPLICATION_COLUMN_LABELS,
    APPLICATION_ROW_LABELS,
    DISCLOSURE_COLUMN_LABELS,
    DISCLOSURE_ROW_LABELS,
    REVIEW_COLUMN_LABELS,
    REVIEW_GROUP_LABELS,
)
from .arithmetic import Term
from .finding import Location

__all__ = [
    "ROW_LABELS",
    "GridIndex",
    "grid_index",
    "official_column_label",
    "official_row_label",
    "squash",
]

#: the official row labels of each grid table (the reviews table's rows are its groups)
ROW_LABELS: Mapping[str, Mapping[str, str]] = {
    APPLICATIONS: APPLICATION_ROW_LABELS,
    REVIEWS: REVIEW_GROUP_LABELS,
    DISCLOSURE: DISCLOSURE_ROW_LABELS,
}

_COLUMN_LABELS = {
    APPLICATIONS: APPLICATION_COLUMN_LABELS,
    REVIEWS: REVIEW_COLUMN_LABELS,
    DISCLOSURE: DISCLOSURE_COLUMN_LABELS,
    LEGACY: {"value": "统计数", "cumulative": "累计"},
}


def squash(text: str) -> str:
    """A label as written, with its white space removed (``三、 本年 度`` → ``三、本年度``)."""
    return "".join(text.split())


def official_column_label(table: str, column: str) -> str:
    """The official Chinese label of a grid column (``natural_person`` → 自然人), else the id."""
    return _COLUMN_LABELS.get(table, {}).get(column, column)


def official_row_label(table: str, row: str, written: str = "") -> str:
    """A row's label as written (white space removed), else the official one (the rows of
    the reviews table have none of their own: 行政复议 …), else the id."""
    if written.strip():
        return squash(written)
    if table == REVIEWS:
        return REVIEW_GROUP_LABELS.get(row, row)
    return row


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
        return Term(self.value(row, column), locate=partial(self.location, row, column))


def grid_index(
    table: ApplicationTable | ReviewTable | DisclosureTable2019 | DisclosureTable2021,
) -> GridIndex:
    """The index of a grid table's cells, with its official labels."""
    tid = table.table_id
    return GridIndex(tid, table.cells, ROW_LABELS[tid], _COLUMN_LABELS[tid])
