"""Tidy rows: one row per figure (every value of every recognised table), as CSV or JSON lines.

A row has the report's ``source``, ``agency``, ``year`` and ``era``; the figure's ``table``,
``row`` and ``column`` ids; ``kind`` (count, zero, amount, change, none, dash, blank,
unreadable: blank, 0, 无 and —— stay apart); ``value`` (the number, exact; None for anything
that is not a number); ``unit``; ``raw`` (the cell's text as written); ``line`` and ``col``
(1-based, where the value is in the source, None when it has no place); ``label`` (the row's
label as written) and ``recovered`` (split out of glued digits).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any, TextIO

import attrs

from ..model.report import AnnualReport

__all__ = ["COLUMNS", "TidyRow", "plain_decimal", "tidy_rows", "write_csv", "write_jsonl"]

#: the columns of a tidy row, in order
COLUMNS = (
    "source",
    "agency",
    "year",
    "era",
    "table",
    "row",
    "column",
    "kind",
    "value",
    "unit",
    "raw",
    "line",
    "col",
    "label",
    "recovered",
)


@attrs.frozen(slots=True)
class TidyRow:
    """One figure of one report, flat (see the module docstring for the columns)."""

    source: str | None
    agency: str | None
    year: int | None
    era: str
    table: str
    row: str
    column: str
    kind: str
    value: int | Decimal | None
    unit: str | None
    raw: str
    line: int | None
    col: int | None
    label: str
    recovered: bool

    def as_tuple(self) -> tuple[Any, ...]:
        """The values in :data:`COLUMNS` order."""
        return (self.source, self.agency, self.year, self.era, self.table, self.row,
                self.column, self.kind, self.value, self.unit, self.raw, self.line, self.col,
                self.label, self.recovered)  # fmt: skip


def tidy_rows(report: AnnualReport, source: str | None = None) -> Iterator[TidyRow]:
    """The report's figures as tidy rows, in table order; ``source`` overrides the report's."""
    name = source if source is not None else report.source
    meta = report.metadata
    for f in report.figures():
        span = f.span
        yield TidyRow(
            source=name,
            agency=meta.agency,
            year=meta.year,
            era=report.era.value,
            table=f.table,
            row=f.row,
            column=f.column,
            kind=f.value.kind.value,
            value=f.value.number,
            unit=f.unit,
            raw=f.value.raw,
            line=span.line if span is not None else None,
            col=span.column if span is not None else None,
            label=f.row_label,
            recovered=f.recovered,
        )


def rows_of(reports: Iterable[AnnualReport | Iterable[TidyRow]]) -> Iterator[TidyRow]:
    """The tidy rows of ``reports``, each a report (its :func:`tidy_rows`) or rows already made."""
    for item in reports:
        if isinstance(item, AnnualReport):
            yield from tidy_rows(item)
        else:
            yield from item


def write_csv(
    reports: Iterable[AnnualReport | Iterable[TidyRow]],
    out: TextIO,
    *,
    bom: bool = False,
    header: bool = True,
) -> int:
    """Write a header and the tidy rows of ``reports`` (reports or rows) as CSV; returns the
    number of rows.

    ``bom`` starts the output with U+FEFF so that Excel reads it as UTF-8.  An absent value
    (None) is an empty field; ``kind`` tells a blank cell from a ``0``, ``无`` or a dash.
    Amounts are written in positional notation (``0.00000001``), exactly.
    ``recovered`` is ``true``/``false``.  Open a file with ``newline=""``.  ``header`` False
    leaves out the header (for output written in parts: the first part has it).
    """
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    if header:
        writer.writerow(COLUMNS)
    count = 0
    for row in rows_of(reports):
        writer.writerow(_csv_field(v) for v in row.as_tuple())
        count += 1
    return count


def _csv_field(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return plain_decimal(value)
    return str(value)


def plain_decimal(number: Decimal) -> str:
    """The decimal in positional notation (``0.00000001``, not ``1E-8``), exactly."""
    return format(number, "f")


def write_jsonl(reports: Iterable[AnnualReport | Iterable[TidyRow]], out: TextIO) -> int:
    """Write the tidy rows as JSON lines (one object per row, keys in :data:`COLUMNS` order);
    returns the number of rows.  Integers are JSON numbers, amounts exact decimal strings in
    positional notation."""
    count = 0
    for row in rows_of(reports):
        record = dict(zip(COLUMNS, row.as_tuple(), strict=True))
        if isinstance(row.value, Decimal):
            record["value"] = plain_decimal(row.value)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count
