"""Rules D2xx: the proactive-disclosure table (二、主动公开政府信息情况), format-spec §4.2, §5.2."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.era import Era
from ..model.values import Value
from .context import Context
from .examples import (
    DISCLOSURE_SECTION,
    TITLE,
    TITLE_2019_FORMAT,
    disclosure_2019,
    disclosure_2021,
    example,
)
from .finding import Finding, Severity
from .registry import Rule, RuleTag, rule

__all__: list[str] = []

_DOCUMENT_ROWS = ("regulations", "normative_documents")
_ITEM_ROWS = ("admin_license", "other_services", "admin_penalty", "admin_enforcement",
              "admin_fees")  # fmt: skip


def _int(value: Value | None) -> int | None:
    """The value's integer when it is a number as written (blank, 无 and dash are not)."""
    return value.as_int() if value is not None else None


def _not_greater(this: Rule, ctx: Context, era: Era, small: str, large: str) -> Iterator[Finding]:
    table, g = ctx.report.disclosure, ctx.grid("disclosure")
    if table is None or g is None or table.era is not era:
        return
    for row in _DOCUMENT_ROWS:
        a, b = _int(g.value(row, small)), _int(g.value(row, large))
        if a is not None and b is not None and a > b:
            yield this.finding(
                f"row {g.row_label(row)}: {g.column_label(small)} {a} is more than "
                f"{g.column_label(large)} {b}",
                (g.location(row, small), g.location(row, large)),
                expected=b,
                actual=a,
                source=ctx.source,
            )


@rule(
    "D201",
    "disclosure-issued-exceeds-in-force",
    Severity.WARNING,
    RuleTag.HEURISTIC,
    "本年制发件数 > 现行有效件数 for 规章 or 行政规范性文件 (2021 format).",
    "Documents issued this year are normally still in force at its end, so 本年制发件数 ≤ "
    "现行有效件数.  It can fail legitimately when a document issued this year was repealed or "
    "expired within the year.  format-spec §4.5 T2-1 (HEURISTIC).",
    failing=example(TITLE, DISCLOSURE_SECTION, *disclosure_2021(normative="12 | 0 | 10")),
    passing=example(TITLE, DISCLOSURE_SECTION, *disclosure_2021(normative="3 | 1 | 10")),
)
def disclosure_issued_exceeds_in_force(ctx: Context, this: Rule) -> Iterator[Finding]:
    yield from _not_greater(this, ctx, Era.V2021, "issued", "in_force")


@rule(
    "D202",
    "disclosure-published-exceeds-total",
    Severity.WARNING,
    RuleTag.STRUCTURAL,
    "本年新公开数量 > 对外公开总数量 for 规章 or 规范性文件 (2019 format).",
    "对外公开总数量 is the number of documents published in total, which includes those "
    "published this year, so 本年新公开数量 ≤ 对外公开总数量 — if, as its label says, the total "
    "is cumulative.  format-spec §5.5 T2-19-1.",
    failing=example(TITLE_2019_FORMAT, DISCLOSURE_SECTION, *disclosure_2019(normative="9 | 9 | 8")),
    passing=example(TITLE_2019_FORMAT, DISCLOSURE_SECTION, *disclosure_2019(normative="2 | 2 | 8")),
)
def disclosure_published_exceeds_total(ctx: Context, this: Rule) -> Iterator[Finding]:
    yield from _not_greater(this, ctx, Era.V2019, "new_published", "total_published")


@rule(
    "D203",
    "disclosure-items-negative",
    Severity.ERROR,
    RuleTag.STRUCTURAL,
    "上一年项目数量 + 本年增/减 < 0 (2019 format).",
    "本年增/减 is the change of the number of items (事项) against 上一年项目数量; the number of "
    "items at the end of the year cannot be negative.  format-spec §5.5 T2-19-2.",
    failing=example(
        TITLE_2019_FORMAT, DISCLOSURE_SECTION, *disclosure_2019(license_items="3 | 减5 | 0")
    ),
    passing=example(
        TITLE_2019_FORMAT, DISCLOSURE_SECTION, *disclosure_2019(license_items="3 | 减3 | 0")
    ),
)
def disclosure_items_negative(ctx: Context, this: Rule) -> Iterator[Finding]:
    report = ctx.report
    table, g = report.disclosure, ctx.grid("disclosure")
    if table is None or g is None or table.era is not Era.V2019:
        return
    for row in _ITEM_ROWS:
        previous, change = _int(g.value(row, "previous_items")), _int(g.value(row, "change"))
        if previous is not None and change is not None and previous + change < 0:
            yield this.finding(
                f"row {g.row_label(row)}: {g.column_label('previous_items')} {previous} "
                f"{change:+d} leaves {previous + change} items",
                (g.location(row, "change"), g.location(row, "previous_items")),
                expected=0,
                actual=previous + change,
                source=ctx.source,
            )
