"""Small builders of consistent models for the rule tests (by construction, not by parsing)."""

from __future__ import annotations

from collections.abc import Mapping

from opengov_report import (
    AnnualReport,
    ApplicationTable,
    Era,
    Metadata,
    ReviewTable,
    Span,
    TableCell,
    parse_document,
    parse_value,
)
from opengov_report.checks.applications import result_rows
from opengov_report.model.forms import (
    APPLICANT_COLUMNS,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
    application_rows,
)

ORGS = APPLICANT_COLUMNS[:6]


def span_for(i: int) -> Span:
    """A distinct fake span per cell, so that locations can be told apart."""
    return Span(i * 10, i * 10 + 1, i + 1, 1)


def consistent_applications(
    era: Era, new: Mapping[str, int], results: Mapping[str, Mapping[str, int]]
) -> dict[str, dict[str, str]]:
    """A consistent applications grid (raw texts) from new applications and result counts
    per applicant column; carried over = 0, carried forward = new − processed (must be ≥ 0)."""
    rows = application_rows("2021" if era is Era.V2021 else "2019")
    grid: dict[str, dict[str, int]] = {r: dict.fromkeys(ORGS, 0) for r in rows}
    for col in ORGS:
        grid["new_received"][col] = new.get(col, 0)
        for r in result_rows(era):
            grid[r][col] = results.get(r, {}).get(col, 0)
        processed = sum(grid[r][col] for r in result_rows(era))
        grid["total_processed"][col] = processed
        grid["carried_forward"][col] = grid["new_received"][col] - processed
        assert grid["carried_forward"][col] >= 0
    return {
        r: {**{c: str(v) for c, v in cols.items()}, "total": str(sum(cols.values()))}
        for r, cols in grid.items()
    }


def applications_table(raw: Mapping[str, Mapping[str, str]], era: Era) -> ApplicationTable:
    cells = []
    i = 0
    for row, cols in raw.items():
        for col in (*ORGS, "legal_entity_subtotal", "total"):
            if col in cols:
                cells.append(TableCell(row, col, parse_value(cols[col], span_for(i)), row))
                i += 1
    return ApplicationTable(tuple(cells), era=era)


def reviews_table(raw: Mapping[str, Mapping[str, str]]) -> ReviewTable:
    cells = []
    i = 500
    for group in REVIEW_GROUPS:
        for col in REVIEW_COLUMNS:
            if col in raw.get(group, {}):
                cells.append(TableCell(group, col, parse_value(raw[group][col], span_for(i))))
                i += 1
    return ReviewTable(tuple(cells))


def report(
    *,
    era: Era = Era.V2021,
    applications: ApplicationTable | None = None,
    reviews: ReviewTable | None = None,
    metadata: Metadata | None = None,
    **fields: object,
) -> AnnualReport:
    return AnnualReport(
        document=parse_document(""),
        era=era,
        metadata=metadata or Metadata(),
        applications=applications,
        reviews=reviews,
        **fields,  # type: ignore[arg-type]
    )
