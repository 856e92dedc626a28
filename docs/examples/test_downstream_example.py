"""A downstream test suite using opengov_report's strategies (run it with pytest).

The application code under test here is ``new_applications``, a small function such as a
dashboard would have: how many applications did the agency receive?
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import opengov_report
from opengov_report import AnnualReport, Era, Severity
from opengov_report.strategies import (
    inconsistent_reports,
    report_content,
    report_texts,
    reports,
)


def new_applications(report: AnnualReport) -> int | None:
    """The application code under test: 一、本年新收政府信息公开申请数量 (总计), or None when the
    report does not give it as a number (no table, or a blank, 无 or —— cell)."""
    table = report.applications
    if table is None:
        return None
    value = table.cell("new_received", "total")
    return value.as_int() if value is not None else None


# st.from_type works once the package is installed: opengov_report registers its strategies
@settings(max_examples=50)
@given(st.from_type(AnnualReport))
def test_new_applications_is_never_negative(report: AnnualReport) -> None:
    n = new_applications(report)
    assert n is None or n >= 0


@settings(max_examples=50)
@given(reports(era=Era.V2021))
def test_new_applications_is_the_sum_of_the_applicant_columns(report: AnnualReport) -> None:
    n = new_applications(report)
    if n is None or report.applications is None:
        return
    row = report.applications.row("new_received")
    # some reports add a 小计 column for 法人或其他组织: it is not an applicant column
    skip = ("total", "legal_entity_subtotal")
    parts = [v.as_int() or 0 for column, v in row.items() if column not in skip]
    assert n == sum(parts)  # consistent reports: blank, 无 and —— stand for 0 here


@settings(max_examples=25)
@given(report_texts(noise=True))
def test_the_reader_copes_with_noisy_text(case: tuple[str, AnnualReport]) -> None:
    text, expected = case  # CRLF, NBSP, spaced labels, page numbers, a split title …
    assert report_content(opengov_report.parse(text)) == report_content(expected)


@settings(max_examples=25)
@given(inconsistent_reports())
def test_a_validator_rejects_broken_reports(case: tuple[AnnualReport, frozenset[str]]) -> None:
    report, violated = case
    errors = {f.code for f in opengov_report.check(report) if f.severity is Severity.ERROR}
    assert violated <= errors
