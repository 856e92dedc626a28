"""Reading a grid table's cells as identity terms, with the labels the report wrote."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING

from .._chars import is_blank, squash
from .._memo import Memo
from ..model.forms import (
    APPLICANT_HEAD_LABELS,
    APPLICATION_ROW_TEXT,
    DISCLOSURE_COLUMN_LABELS,
    DISCLOSURE_ROW_LABELS,
    DISCLOSURE_ROW_LABELS_BY_FORMAT,
    REVIEW_COLUMN_LABELS,
    REVIEW_GROUP_LABELS,
)
from ..model.identities import sums_equal
from ..model.tables import (
    APPLICATIONS,
    DISCLOSURE,
    LEGACY,
    REVIEWS,
    ApplicationTable,
    DisclosureTable2019,
    DisclosureTable2021,
    LegacyTable,
    ReviewTable,
    TableCell,
)
from ..model.values import Value
from .arithmetic import Term, value_finding
from .finding import Finding, Location, Number, new_location

if TYPE_CHECKING:
    from .registry import Rule

__all__ = [
    "ROW_LABELS",
    "GridIndex",
    "column_cells",
    "grid_index",
    "official_column_label",
    "official_column_labels",
    "official_row_label",
    "row_cells",
    "row_labels",
]

#: the official row labels of each grid table (the reviews table's rows are its groups)
ROW_LABELS: Mapping[str, Mapping[str, str]] = {
    APPLICATIONS: APPLICATION_ROW_TEXT,
    REVIEWS: REVIEW_GROUP_LABELS,
    DISCLOSURE: DISCLOSURE_ROW_LABELS,
}

_COLUMN_LABELS = {
    APPLICATIONS: APPLICANT_HEAD_LABELS,
    REVIEWS: REVIEW_COLUMN_LABELS,
    DISCLOSURE: DISCLOSURE_COLUMN_LABELS,
    LEGACY: {"value": "统计数", "cumulative": "累计"},
}


def column_cells(rows: tuple[str, ...], column: str) -> tuple[tuple[str, str], ...]:
    """The ``(row, column)`` cells of ``rows`` in ``column``: made once, not once per report
    (the identities are over the same cells in every report)."""
    return _COLUMN_CELLS[rows, column]


def row_cells(row: str, columns: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The ``(row, column)`` cells of ``row`` in ``columns`` (as :func:`column_cells`)."""
    return _ROW_CELLS[row, columns]


_Cells = tuple[tuple[str, str], ...]
_COLUMN_CELLS: Memo[tuple[tuple[str, ...], str], _Cells] = Memo(
    lambda key: tuple([(row, key[1]) for row in key[0]]), 4096
)
_ROW_CELLS: Memo[tuple[str, tuple[str, ...]], _Cells] = Memo(
    lambda key: tuple([(key[0], column) for column in key[1]]), 4096
)


def official_column_label(table: str, column: str) -> str:
    """The official Chinese label of a grid column (``natural_person`` → 自然人), else the id."""
    return _COLUMN_LABELS.get(table, {}).get(column, column)


def official_column_labels(table: str) -> Mapping[str, str]:
    """The official labels of a table's columns by id (``official_column_label(table, c)`` is
    ``official_column_labels(table).get(c, c)``)."""
    return _COLUMN_LABELS.get(table, {})


def official_row_label(table: str, row: str, written: str = "") -> str:
    """A row's label as written (white space removed), else the official one (the rows of
    the reviews table have none of their own: 行政复议 …), else the id."""
    if not is_blank(written):
        return squash(written)
    if table == REVIEWS:
        return REVIEW_GROUP_LABELS.get(row, row)
    return row


class GridIndex:
    """The cells of one grid table by (row, column), and their labels as written.

    ``row_labels``/``column_labels`` are the official labels, used where the report's own
    label was not kept (a column found by position).

    Most identities hold in real reports, so the index is built for the fast path: ``numbers``
    maps each cell to its number (None for blank, 无, dash, unreadable), so that
    :meth:`holds` adds up plain numbers without a :class:`Term` or a label; the labels as
    written and the :class:`Location` of a cell are made only when a finding needs them, and
    then once per cell (several rules name the same cells).
    """

    __slots__ = (
        "_column_labels",
        "_column_names",
        "_locations",
        "_row_labels",
        "_row_names",
        "_table_cells",
        "_values",
        "column_ids",
        "numbers",
        "row_ids",
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
        # one pass over the cells (this runs for every table of every report checked)
        values: dict[tuple[str, str], Value] = {}
        numbers: dict[tuple[str, str], Number | None] = {}
        rows: dict[str, None] = {}
        columns: dict[str, None] = {}
        for c in cells:
            row, column = c.row, c.column
            key = (row, column)
            values[key] = v = c.value
            numbers[key] = v.number
            rows[row] = columns[column] = None
        self._table_cells = cells
        self._values = values
        #: the number of each cell that has one (``Value.number``), None for the others
        self.numbers = numbers
        #: the ids of the rows and columns found, in table order (as ``row_ids``/``column_ids``
        #: of the table)
        self.row_ids: tuple[str, ...] = tuple(rows)
        self.column_ids: tuple[str, ...] = tuple(columns)
        self._row_labels = row_labels
        self._column_labels = column_labels
        self._locations: dict[tuple[str, str], Location] = {}
        self._row_names: dict[str, str] | None = None
        self._column_names: dict[str, str] | None = None

    def _names(self) -> tuple[dict[str, str], dict[str, str]]:
        """The label of each row and column found (as :meth:`row_label` and
        :meth:`column_label`), all made at once when a finding first needs one."""
        if self._row_names is None or self._column_names is None:
            # the first label written for each row and column (white space removed)
            rows: dict[str, str] = {}
            columns: dict[str, str] = {}
            cells: Iterable[TableCell] = self._table_cells
            if len(self._values) != len(self._table_cells):  # a cell repeated: the last one
                cells = {(c.row, c.column): c for c in self._table_cells}.values()
            for c in cells:
                if c.row_label and c.row not in rows:
                    rows[c.row] = squash(c.row_label)
                if c.column_label and c.column not in columns:
                    columns[c.column] = squash(c.column_label)
            official_rows, official_columns = self._row_labels, self._column_labels
            self._row_names = {r: rows.get(r) or official_rows.get(r, r) for r in self.row_ids}
            self._column_names = {
                c: columns.get(c) or official_columns.get(c, c) for c in self.column_ids
            }
        return self._row_names, self._column_names

    def value(self, row: str, column: str) -> Value | None:
        return self._values.get((row, column))

    def holds(self, left: Iterable[tuple[str, str]], right: Iterable[tuple[str, str]]) -> bool:
        """Whether every cell of ``left`` and ``right`` is a number and ``sum(left) ==
        sum(right)``: :func:`~.arithmetic.holds` on plain numbers (the same answer, without
        building terms)."""
        get = self.numbers.get
        return sums_equal(map(get, left), map(get, right)) is True

    def row_label(self, row: str) -> str:
        """The row's label as the report writes it, else the official one, else the id."""
        names = self._row_names
        found = (names if names is not None else self._names()[0]).get(row)
        return found if found is not None else self._row_labels.get(row, row)

    def column_label(self, column: str) -> str:
        """The column's label as the report writes it, else the official one, else the id."""
        names = self._column_names
        found = (names if names is not None else self._names()[1]).get(column)
        return found if found is not None else self._column_labels.get(column, column)

    def location(self, row: str, column: str) -> Location:
        """Where the cell is, labelled ``row label / column label`` (made once per cell)."""
        found = self._locations.get((row, column))
        return found if found is not None else self.locations(((row, column),))[0]

    def locations(self, keys: Sequence[tuple[str, str]]) -> tuple[Location, ...]:
        """:meth:`location` of each ``(row, column)`` of ``keys``, in order: what a failing
        identity names (every one of its cells, twenty for （七）总计 = （一）…（六）)."""
        made = self._locations
        found = tuple(map(made.get, keys))
        if all(found):  # a Location is never falsy: every cell was located already
            return found  # type: ignore[return-value]  # (no cast(): a call per finding)
        self._locate([key for key, location in zip(keys, found, strict=True) if location is None])
        return tuple(map(made.__getitem__, keys))

    def locations_made(self) -> Mapping[tuple[str, str], Location]:
        """The locations made so far, by ``(row, column)``."""
        return self._locations

    def _locate(self, keys: list[tuple[str, str]]) -> None:
        """Make the locations of cells not located yet, in one pass (as
        :func:`~.finding.new_locations`, built in this loop: an inconsistent table has its
        every cell located, some 150)."""
        values, made, table, new = self._values, self._locations, self.table, new_location
        # the labels read directly: a failing identity locates every one of its cells
        row_names, column_names = self._names()
        for key in keys:
            row, column = key
            value = values.get(key)
            row_name = row_names.get(row)
            if row_name is None:  # a row the table does not have
                row_name = self.row_label(row)
            column_name = column_names.get(column)
            if column_name is None:
                column_name = self.column_label(column)
            span = value.span if value is not None else None
            made[key] = new(table, row, column, f"{row_name} / {column_name}", span)

    def term(self, row: str, column: str) -> Term:
        """The cell as a term (its value None when the table lacks it)."""
        return Term(self.value(row, column), locate=partial(self.location, row, column))

    def identity_finding(
        self,
        rule: Rule,
        left: Sequence[tuple[str, str]],
        right: Sequence[tuple[str, str]],
        *,
        what: str,
        left_name: str,
        right_name: str,
        source: str | None = None,
    ) -> Finding | None:
        """:func:`~.arithmetic.identity_finding` over these cells (``(row, column)`` pairs)."""
        get = self._values.get
        return value_finding(
            rule,
            list(map(get, left)),
            list(map(get, right)),
            lambda: self.locations((*left, *right)),
            what,
            left_name,
            right_name,
            source,
        )


def row_labels(
    table: ApplicationTable | ReviewTable | DisclosureTable2019 | DisclosureTable2021 | LegacyTable,
) -> Mapping[str, str]:
    """The official labels of a table's rows, as its format prints them (table 二 of the
    2019 form: 规范性文件; of the 2021 form: 行政规范性文件)."""
    if isinstance(table, DisclosureTable2019):
        return DISCLOSURE_ROW_LABELS_BY_FORMAT["2019"]
    return ROW_LABELS.get(table.table_id, {})


def grid_index(
    table: ApplicationTable | ReviewTable | DisclosureTable2019 | DisclosureTable2021,
) -> GridIndex:
    """The index of a grid table's cells, with its official labels."""
    tid = table.table_id
    return GridIndex(tid, table.cells, row_labels(table), _COLUMN_LABELS[tid])
