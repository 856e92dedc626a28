"""Rules R1xx: the reviews and litigation table (四、政府信息公开行政复议、行政诉讼情况)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.forms import REVIEW_GROUP_LABELS, REVIEW_GROUP_TOTAL
from .context import Context
from .examples import REVIEWS_SECTION, TITLE, example, reviews_row
from .finding import Finding, Severity
from .grid import row_cells
from .registry import Rule, RuleTag, rule

__all__: list[str] = []


@rule(
    "R101",
    "reviews-group-total",
    Severity.ERROR,
    RuleTag.STRUCTURAL,
    "总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, for 行政复议 and both kinds of 行政诉讼.",
    "Each of the three groups of the table (行政复议, 未经复议直接起诉, 复议后起诉) has five "
    "columns, the last of which, 总计, is the total of the other four.  format-spec §4.4–§4.5 "
    "T4-1 (STRUCTURAL).",
    failing=example(
        TITLE,
        REVIEWS_SECTION,
        *reviews_row("1 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0"),
    ),
    passing=example(
        TITLE,
        REVIEWS_SECTION,
        *reviews_row("1 | 0 | 0 | 1 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0"),
    ),
)
def reviews_group_total(ctx: Context, this: Rule) -> Iterator[Finding]:
    report = ctx.report
    table, g = report.reviews, ctx.grid("reviews")
    if table is None or g is None:
        return
    total, parts = REVIEW_GROUP_TOTAL
    for group in g.row_ids:
        left = ((group, total),)
        right = row_cells(group, parts)
        if g.holds(left, right):
            continue
        finding = g.identity_finding(
            this,
            left,
            right,
            what=REVIEW_GROUP_LABELS.get(group, group),
            left_name="总计",
            right_name="结果维持 + 结果纠正 + 其他结果 + 尚未审结",
            source=ctx.source,
        )
        if finding is not None:
            yield finding
