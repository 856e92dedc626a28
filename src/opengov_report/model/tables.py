"""The statistical tables of a report, as typed, immutable data.

Every table keeps, for each cell it found, the :class:`~opengov_report.model.values.Value`
(raw text, kind, number, unit, span), the row and column ids of the official catalogue, and the
labels as the report writes them.  What the report's table should have but does not is listed in
``missing``; rows whose labels matched nothing are kept in ``unrecognized``.  Accounting
identities are not enforced here (see :mod:`opengov_report.checks`): an inconsistent real report
still loads.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from .._pickling import pickled_by_fields
from ..document import Span
from .era import Era
from .values import Value

__all__ = [
    "APPLICATIONS",
    "DISCLOSURE",
    "LEGACY",
    "REVIEWS",
    "ApplicationTable",
    "DisclosureTable",
    "DisclosureTable2019",
    "DisclosureTable2021",
    "Figure",
    "LegacyRow",
    "LegacyTable",
    "Missing",
    "ProseStatement",
    "ReviewTable",
    "TableCell",
    "UnrecognizedRow",
]

#: table ids: the contract for downstream users and the serializers
APPLICATIONS = "applications"
REVIEWS = "reviews"
DISCLOSURE = "disclosure"
LEGACY = "legacy"


@pickled_by_fields
@attrs.frozen(slots=True)
class Figure:
    """One number (or blank, 无, dash …) of a recognised table, in long form.

    ``table``/``row``/``column`` are the stable ids; ``value`` keeps the raw text, its kind and
    its place; ``row_label`` is the label as the report writes it; ``unit`` is the unit of the
    row (legacy tables) or of the value; ``recovered`` marks a value split out of glued digits
    by the table's identities.
    """

    table: str
    row: str
    column: str
    value: Value
    row_label: str = ""
    unit: str | None = None
    recovered: bool = False

    @property
    def span(self) -> Span | None:
        """Where the value is in the source (line and column), or None."""
        return self.value.span


@pickled_by_fields
@attrs.frozen(slots=True)
class TableCell:
    """A cell of a grid table: its row and column ids, its value, and the labels as written."""

    row: str
    column: str
    value: Value
    row_label: str = ""
    column_label: str | None = None
    recovered: bool = False


@pickled_by_fields
@attrs.frozen(slots=True)
class Missing:
    """Something the report's table should hold but which was not found: a whole row
    (``column`` is None) or one cell, and why (``reason``: e.g. ``"lost"``, ``"unresolved"``,
    ``"ambiguous"``)."""

    row: str
    column: str | None = None
    reason: str = "not found"


@pickled_by_fields
@attrs.frozen(slots=True)
class UnrecognizedRow:
    """A table row whose label matched nothing in the catalogue, kept as it was."""

    label: str
    values: tuple[str, ...]
    line: int


def _no_duplicate_cells(
    instance: object, attribute: attrs.Attribute[object], value: object
) -> None:
    cells: tuple[TableCell, ...] = value  # type: ignore[assignment]
    keys = [(c.row, c.column) for c in cells]
    if len(set(keys)) != len(keys):
        raise ValueError(f"{type(instance).__name__}: a (row, column) cell appears twice")


class _Grid:
    """Accessors shared by the grid tables (rows × columns of ids)."""

    __slots__ = ()
    table_id: str = ""
    cells: tuple[TableCell, ...]
    missing: tuple[Missing, ...]

    def cell(self, row: str, column: str) -> Value | None:
        """The value at (row, column), or None when the table does not have that cell."""
        for c in self.cells:
            if c.row == row and c.column == column:
                return c.value
        return None

    def row(self, row: str) -> dict[str, Value]:
        """The row's values by column id (empty if the row was not found)."""
        return {c.column: c.value for c in self.cells if c.row == row}

    @property
    def row_ids(self) -> tuple[str, ...]:
        """The ids of the rows found, in table order."""
        seen: dict[str, None] = {}
        for c in self.cells:
            seen.setdefault(c.row, None)
        return tuple(seen)

    @property
    def column_ids(self) -> tuple[str, ...]:
        """The ids of the columns found, in table order."""
        seen: dict[str, None] = {}
        for c in self.cells:
            seen.setdefault(c.column, None)
        return tuple(seen)

    def figures(self) -> Iterator[Figure]:
        for c in self.cells:
            yield Figure(
                self.table_id, c.row, c.column, c.value, c.row_label, c.value.unit, c.recovered
            )


@attrs.frozen(slots=True)
class _GridTable(_Grid):
    """The fields every grid table has."""

    cells: tuple[TableCell, ...] = attrs.field(validator=_no_duplicate_cells)
    missing: tuple[Missing, ...] = ()
    unrecognized: tuple[UnrecognizedRow, ...] = ()
    span: Span | None = None


@attrs.frozen(slots=True)
class ApplicationTable(_GridTable):
    """三、收到和处理政府信息公开申请情况: rows × applicant columns.

    ``era`` decides the （六）其他处理 shape (2019: one row ``other``; 2021: three sub-rows).
    """

    table_id = APPLICATIONS
    era: Era = attrs.field(default=Era.V2021, kw_only=True)


@attrs.frozen(slots=True)
class ReviewTable(_GridTable):
    """四、政府信息公开行政复议、行政诉讼情况: three groups × five result columns."""

    table_id = REVIEWS


@attrs.frozen(slots=True)
class DisclosureTable2019(_GridTable):
    """二、主动公开政府信息情况 in the 2019 format (第二十条 items, 本年新制作数量 …)."""

    table_id = DISCLOSURE

    @property
    def era(self) -> Era:
        return Era.V2019


@attrs.frozen(slots=True)
class DisclosureTable2021(_GridTable):
    """二、主动公开政府信息情况 in the 2021 format (本年制发件数, 现行有效件数 …)."""

    table_id = DISCLOSURE

    @property
    def era(self) -> Era:
        return Era.V2021


DisclosureTable = DisclosureTable2019 | DisclosureTable2021


@pickled_by_fields
@attrs.frozen(slots=True)
class LegacyRow:
    """A row of a legacy 统计表: its id, its label as written, its place in the hierarchy
    (``path``: the ids of its ancestors and itself), unit, value and, where the table has a
    历年累计 column, the cumulative value."""

    id: str
    label: str
    path: tuple[str, ...]
    unit: str | None
    value: Value
    cumulative: Value | None = None

    @property
    def level(self) -> int:
        return len(self.path)


@attrs.frozen(slots=True)
class LegacyTable:
    """The legacy 统计表 (统计指标 / 单位 / 统计数, or a regional variant)."""

    table_id = LEGACY
    rows: tuple[LegacyRow, ...]
    columns: tuple[str, ...] = ("value",)
    missing: tuple[Missing, ...] = ()
    unrecognized: tuple[UnrecognizedRow, ...] = ()
    span: Span | None = None

    def row(self, row_id: str) -> LegacyRow | None:
        """The first row with this id, or None."""
        return next((r for r in self.rows if r.id == row_id), None)

    def cell(self, row: str, column: str = "value") -> Value | None:
        found = self.row(row)
        if found is None:
            return None
        return found.value if column == "value" else found.cumulative

    def figures(self) -> Iterator[Figure]:
        for r in self.rows:
            yield Figure(LEGACY, r.id, "value", r.value, r.label, r.unit)
            if r.cumulative is not None:
                yield Figure(LEGACY, r.id, "cumulative", r.cumulative, r.label, r.unit)


@attrs.frozen(slots=True)
class ProseStatement:
    """A table's content stated in a sentence instead (本年度未收到政府信息公开申请): recorded as
    a statement, never turned into zeros."""

    table: str
    text: str
    span: Span
