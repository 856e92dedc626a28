"""Rules X1xx: consecutive reports of one agency (format-spec §7).

Findings point into the current year's report; the previous year's cells are among the
locations with their own ``source``.  All are warnings: agencies merge and split, columns get
re-attributed, documents expire without being repealed.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ..model.era import Era
from ..model.report import AnnualReport
from .arithmetic import Term, identity_finding
from .examples import (
    APPLICATIONS_SECTION,
    DISCLOSURE_SECTION,
    TITLE,
    TITLE_2019_FORMAT,
    applications_rows,
    disclosure_2019,
    disclosure_2021,
    example,
)
from .finding import Finding, Severity
from .grid import grid_index
from .registry import Rule, RuleScope, RuleTag, rule

__all__: list[str] = []


def _earlier(term: Term, report: AnnualReport) -> Term:
    """A term of the previous year's report: its location names that report's file."""
    year = report.metadata.year
    label = f"{term.location.label} ({year}年)" if year is not None else term.location.label
    return Term(term.value, attrs.evolve(term.location, label=label, source=report.source))


def _years(previous: AnnualReport, current: AnnualReport) -> str:
    return f"{previous.metadata.year or '?'}→{current.metadata.year or '?'}"


@rule(
    "X101",
    "crossyear-carried-over",
    Severity.WARNING,
    RuleTag.STRUCTURAL,
    "Last year's 结转下年度继续办理 differs from this year's 上年结转政府信息公开申请数量.",
    "What a report carries forward (四、结转下年度继续办理) is what the next year's report of "
    "the same agency carries over (二、上年结转政府信息公开申请数量), per applicant column.  "
    "Structural by the labels, but agencies merge and split and applications get re-attributed "
    "between columns, so it is a warning.  format-spec §7 X-1.",
    scope=RuleScope.PAIR,
    failing=example(
        "某市某局2023年政府信息公开工作年度报告",
        APPLICATIONS_SECTION,
        *applications_rows(
            new="5 | 1 | 0 | 0 | 0 | 0 | 6", carried_over="1 | 0 | 0 | 0 | 0 | 0 | 1"
        ),
        previous=(TITLE, APPLICATIONS_SECTION, *applications_rows()),
    ),
    passing=example(
        "某市某局2023年政府信息公开工作年度报告",
        APPLICATIONS_SECTION,
        *applications_rows(
            new="3 | 1 | 0 | 0 | 0 | 0 | 4", carried_over="3 | 0 | 0 | 0 | 0 | 0 | 3"
        ),
        previous=(TITLE, APPLICATIONS_SECTION, *applications_rows()),
    ),
)
def crossyear_carried_over(
    previous: AnnualReport, current: AnnualReport, this: Rule
) -> Iterator[Finding]:
    if previous.applications is None or current.applications is None:
        return
    before, now = grid_index(previous.applications), grid_index(current.applications)
    for col in current.applications.column_ids:
        if col not in previous.applications.column_ids:
            continue
        finding = identity_finding(
            this,
            [now.term("carried_over", col)],
            [_earlier(before.term("carried_forward", col), previous)],
            what=f"{_years(previous, current)}, column {now.column_label(col)}",
            left_name=now.row_label("carried_over"),
            right_name=f"last year's {before.row_label('carried_forward')}",
        )
        if finding is not None:
            yield finding


@rule(
    "X102",
    "crossyear-in-force",
    Severity.WARNING,
    RuleTag.HEURISTIC,
    "现行有效件数 ≠ last year's 现行有效件数 + 本年制发件数 − 本年废止件数 (2021 format).",
    "Documents in force at the end of a year are those in force a year before, plus those "
    "issued, minus those repealed.  It fails legitimately with expiry without repeal, "
    "revisions and changes of scope.  format-spec §7 X-2 (HEURISTIC).",
    scope=RuleScope.PAIR,
    failing=example(
        "某市某局2023年政府信息公开工作年度报告",
        DISCLOSURE_SECTION,
        *disclosure_2021(normative="3 | 1 | 15"),
        previous=(TITLE, DISCLOSURE_SECTION, *disclosure_2021(normative="3 | 1 | 10")),
    ),
    passing=example(
        "某市某局2023年政府信息公开工作年度报告",
        DISCLOSURE_SECTION,
        *disclosure_2021(normative="3 | 1 | 12"),
        previous=(TITLE, DISCLOSURE_SECTION, *disclosure_2021(normative="3 | 1 | 10")),
    ),
)
def crossyear_in_force(
    previous: AnnualReport, current: AnnualReport, this: Rule
) -> Iterator[Finding]:
    p, c = previous.disclosure, current.disclosure
    if p is None or c is None or p.era is not Era.V2021 or c.era is not Era.V2021:
        return
    before, now = grid_index(p), grid_index(c)
    for row in ("regulations", "normative_documents"):
        finding = identity_finding(
            this,
            [now.term(row, "in_force"), now.term(row, "repealed")],
            [_earlier(before.term(row, "in_force"), previous), now.term(row, "issued")],
            what=f"{_years(previous, current)}, row {now.row_label(row)}",
            left_name="现行有效件数 + 本年废止件数",
            right_name="last year's 现行有效件数 + 本年制发件数",
        )
        if finding is not None:
            yield finding


@rule(
    "X103",
    "crossyear-previous-items",
    Severity.WARNING,
    RuleTag.STRUCTURAL,
    "上一年项目数量 ≠ last year's 上一年项目数量 + 本年增/减 (2019 format, 2019→2020).",
    "The items (事项) of a year are those of the year before plus the change the previous "
    "report gave: for 行政许可, 其他对外管理服务事项, 行政处罚, 行政强制, 行政事业性收费.  "
    "Structural by the labels; a warning since lists get reorganised.  format-spec §7 X-3.",
    scope=RuleScope.PAIR,
    failing=example(
        TITLE_2019_FORMAT,
        DISCLOSURE_SECTION,
        *disclosure_2019(license_items="31 | 增1 | 40"),
        previous=(
            "某市某局2019年政府信息公开工作年度报告",
            DISCLOSURE_SECTION,
            *disclosure_2019(license_items="30 | 增2 | 40"),
        ),
    ),
    passing=example(
        TITLE_2019_FORMAT,
        DISCLOSURE_SECTION,
        *disclosure_2019(license_items="32 | 增1 | 40"),
        previous=(
            "某市某局2019年政府信息公开工作年度报告",
            DISCLOSURE_SECTION,
            *disclosure_2019(license_items="30 | 增2 | 40"),
        ),
    ),
)
def crossyear_previous_items(
    previous: AnnualReport, current: AnnualReport, this: Rule
) -> Iterator[Finding]:
    p, c = previous.disclosure, current.disclosure
    if p is None or c is None or p.era is not Era.V2019 or c.era is not Era.V2019:
        return
    before, now = grid_index(p), grid_index(c)
    for row in ("admin_license", "other_services", "admin_penalty", "admin_enforcement",
                "admin_fees"):  # fmt: skip
        finding = identity_finding(
            this,
            [now.term(row, "previous_items")],
            [
                _earlier(before.term(row, "previous_items"), previous),
                _earlier(before.term(row, "change"), previous),
            ],
            what=f"{_years(previous, current)}, row {now.row_label(row)}",
            left_name="上一年项目数量",
            right_name="last year's 上一年项目数量 + 本年增/减",
        )
        if finding is not None:
            yield finding
