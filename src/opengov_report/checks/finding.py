"""What a check reports: a :class:`Finding` with its rule code, severity and the cells involved.

Findings are plain, immutable data: the rule that found them (``code``), how serious they are
(:class:`Severity`), a message that names the labels as the report writes them, every cell
involved (:class:`Location`: table, row and column ids, the label, the span in the source) and,
for arithmetic rules, the expected and the actual value.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from decimal import Decimal

import attrs

from .._pickling import pickled_by_fields
from .._slots import builder
from ..document import Span

__all__ = [
    "Finding",
    "Location",
    "Severity",
    "new_finding",
    "new_location",
    "new_locations",
]


class Severity(enum.Enum):
    """How serious a finding is; the values are the strings users filter on."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for error, 1 for warning, 0 for info: compare severities with it."""
        return _RANK[self]

    def at_least(self, other: Severity) -> bool:
        """True when this severity is ``other`` or more serious."""
        return self.rank >= other.rank


_RANK = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}


@pickled_by_fields
@attrs.frozen(slots=True)
class Location:
    """One place a finding involves: a cell (table, row and column ids), a table row (column
    None), a heading or a sentence (table None); ``label`` as the report writes it; ``span``
    where it is in the source (None when the thing is absent from the report); ``source``
    the file of another report, for a cross-year finding's cells of the previous year (None:
    the finding's own report)."""

    table: str | None = None
    row: str | None = None
    column: str | None = None
    label: str = ""
    span: Span | None = None
    source: str | None = None

    @property
    def figure_id(self) -> str | None:
        """``table/row/column`` (or ``table/row``) of a cell or row, else None."""
        if self.table is None or self.row is None:
            return None
        return "/".join(p for p in (self.table, self.row, self.column) if p is not None)


Number = int | Decimal


@pickled_by_fields
@attrs.frozen(slots=True)
class Finding:
    """One thing a rule found in a report (or in a pair of reports).

    ``expected``/``actual`` are set by arithmetic rules (what the identity wants, what the
    report has); ``source`` is the report's file path when it has one; ``locations`` are in the
    order the message names them, the cell the finding is about first.
    """

    code: str
    severity: Severity
    message: str
    locations: tuple[Location, ...] = ()
    expected: Number | None = None
    actual: Number | None = None
    source: str | None = None

    @property
    def span(self) -> Span | None:
        """The first located place of the finding, or None."""
        for loc in self.locations:
            if loc.span is not None and loc.source is None:
                return loc.span
        return None

    @property
    def line(self) -> int | None:
        span = self.span
        return span.line if span is not None else None

    @property
    def column(self) -> int | None:
        span = self.span
        return span.column if span is not None else None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Deterministic order: source, line, column, code, message."""
        span = self.span
        return (
            self.source or "",
            span.line if span is not None else 0,
            span.column if span is not None else 0,
            self.code,
            self.message,
        )


# Findings and their locations are made by the thousand when a corpus has inconsistent
# reports (about 40 findings and 150 locations a file): attrs' generated ``__init__`` (a
# frozen class sets each field through ``object.__setattr__`` by name) costs more than the
# rest of the work of a finding.  Neither class checks or converts its fields, so setting the
# slots directly makes the same objects (tested against the constructors).

#: ``Location(table, row, column, label, span, source=None)``
new_location: Callable[..., Location] = builder(
    Location, ("table", "row", "column", "label", "span", "source")
)
#: ``Finding(code, severity, message, locations, expected, actual, source)``
new_finding: Callable[
    [str, Severity, str, tuple[Location, ...], Number | None, Number | None, str | None], Finding
] = builder(Finding, ("code", "severity", "message", "locations", "expected", "actual", "source"))


def new_locations(
    table: str | None, places: Iterable[tuple[str | None, str | None, str, Span | None]]
) -> list[Location]:
    """``Location(table, row, column, label, span)`` for each ``(row, column, label, span)``
    of ``places`` (of the report being checked), built without the generated ``__init__``."""
    new = new_location
    return [new(table, row, column, label, span) for row, column, label, span in places]
