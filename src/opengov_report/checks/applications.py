"""Rules A1xx: the applications table (三、收到和处理政府信息公开申请情况).

format-spec §4.3–§4.5.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.era import Era
from ..model.forms import (
    APPLICANT_COLUMNS,
    APPLICANT_HEAD_LABELS,
    APPLICATION_COLUMN_IDENTITIES,
    APPLICATION_FORM,
    APPLICATION_GROUP_TEXT,
    APPLICATION_ROW_TEXT,
)
from .context import Context
from .examples import (
    APPLICATIONS_HEAD,
    APPLICATIONS_SECTION,
    TITLE,
    ZEROS,
    applications_results,
    applications_rows,
    example,
)
from .finding import Finding, Severity
from .grid import GridIndex, column_cells, row_cells
from .registry import Rule, RuleTag, rule

__all__ = ["result_rows"]

_ORGANISATIONS = APPLICANT_COLUMNS[1:6]
_SUBTOTAL = "legal_entity_subtotal"
#: each group row (（三）不予公开 …) with its numbered sub-rows, in catalogue order
_GROUP_SUBS = {
    group: tuple(r for r in APPLICATION_ROW_TEXT if r.startswith(group + "."))
    for group in APPLICATION_GROUP_TEXT
}


def _identities(era: Era) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """Table 三's column identities for ``era`` (``forms.APPLICATION_COLUMN_IDENTITIES``)."""
    return APPLICATION_COLUMN_IDENTITIES["2021" if era is Era.V2021 else "2019"]


def result_rows(era: Era) -> tuple[str, ...]:
    """The rows whose sum is （七）总计 in a table of ``era``: (一)…(六), sub-rows not subtotals."""
    return _identities(era)[1][1]


def _columns(g: GridIndex) -> tuple[str, ...]:
    return tuple(c for c in g.column_ids if c in APPLICANT_HEAD_LABELS)


@rule(
    "A101",
    "applications-balance",
    Severity.ERROR,
    RuleTag.OFFICIAL,
    "一 + 二 = 三（七）总计 + 四, per column of the applications table.",
    "The identity printed on the form (本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项"
    "之和): for every applicant column, new applications (一、本年新收政府信息公开申请数量) plus "
    "those carried over (二、上年结转政府信息公开申请数量) equal the applications processed "
    "(三、本年度办理结果, whose total is （七）总计) plus those carried forward "
    "(四、结转下年度继续办理).  format-spec §4.5 T3-1 (OFFICIAL).",
    failing=example(
        TITLE,
        APPLICATIONS_SECTION,
        *applications_rows(carried_forward="1 | 0 | 0 | 0 | 0 | 0 | 1"),
    ),
    passing=example(TITLE, APPLICATIONS_SECTION, *applications_rows()),
)
def applications_balance(ctx: Context, this: Rule) -> Iterator[Finding]:
    report = ctx.report
    table, g = report.applications, ctx.grid("applications")
    if table is None or g is None:
        return
    names: tuple[str, str] | None = None  # the sides' names, the same for every column
    left_rows, right_rows = _identities(table.era)[0]
    for col in _columns(g):
        left = column_cells(left_rows, col)
        right = column_cells(right_rows, col)
        if g.holds(left, right):
            continue
        if names is None:
            names = (
                " + ".join(map(g.row_label, left_rows)),
                " + ".join(map(g.row_label, right_rows)),
            )
        finding = g.identity_finding(
            this,
            left,
            right,
            what=f"column {g.column_label(col)}",
            left_name=names[0],
            right_name=names[1],
            source=ctx.source,
        )
        if finding is not None:
            yield finding


@rule(
    "A102",
    "applications-results-total",
    Severity.ERROR,
    RuleTag.STRUCTURAL,
    "（七）总计 = the sum of the results rows （一）…（六）, per column.",
    "（七）总计 is the total of 三、本年度办理结果: （一）予以公开 + （二）部分公开 + the eight "
    "（三）不予公开 reasons + the three （四）无法提供 reasons + the five （五）不予处理 reasons + "
    "（六）其他处理 (one row in the 2019 format, three sub-rows in the 2021 format).  "
    "Subtotal rows a report adds for a group are not counted twice.  "
    "format-spec §4.5 T3-2 (STRUCTURAL).",
    failing=example(
        TITLE, APPLICATIONS_SECTION, *applications_results(total="3 | 1 | 0 | 0 | 0 | 0 | 4")
    ),
    passing=example(
        TITLE, APPLICATIONS_SECTION, *applications_results(total="4 | 1 | 0 | 0 | 0 | 0 | 5")
    ),
)
def applications_results_total(ctx: Context, this: Rule) -> Iterator[Finding]:
    report = ctx.report
    table, g = report.applications, ctx.grid("applications")
    if table is None or g is None:
        return
    total_rows, parts = _identities(table.era)[1]
    for col in _columns(g):
        left = column_cells(total_rows, col)
        right = column_cells(parts, col)
        if g.holds(left, right):
            continue
        finding = g.identity_finding(
            this,
            left,
            right,
            what=f"column {g.column_label(col)}",
            left_name=g.row_label("total_processed"),
            right_name="（一）…（六）",
            source=ctx.source,
        )
        if finding is not None:
            yield finding


@rule(
    "A103",
    "applications-row-total",
    Severity.ERROR,
    RuleTag.STRUCTURAL,
    "总计 = 自然人 + the five 法人或其他组织 columns, per row.",
    "The 总计 column of the applications table is the total over the applicants: 自然人 + 商业企业 "
    "+ 科研机构 + 社会公益组织 + 法律服务机构 + 其他 (or 自然人 + 小计 where a report adds a 小计 "
    "column for 法人或其他组织).  format-spec §4.5 T3-3 (STRUCTURAL).",
    failing=example(
        TITLE,
        APPLICATIONS_SECTION,
        *APPLICATIONS_HEAD,
        "| 三、本年度办理结果 | （一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 5 |",
    ),
    passing=example(
        TITLE,
        APPLICATIONS_SECTION,
        *APPLICATIONS_HEAD,
        "| 三、本年度办理结果 | （一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |",
    ),
)
def applications_row_total(ctx: Context, this: Rule) -> Iterator[Finding]:
    report = ctx.report
    table, g = report.applications, ctx.grid("applications")
    if table is None or g is None:
        return
    columns = set(_columns(g))
    if "total" not in columns:
        return
    parts = ("natural_person", *(_ORGANISATIONS if _SUBTOTAL not in columns else (_SUBTOTAL,)))
    names: tuple[str, str] | None = None  # the sides' names, the same for every row
    for row in g.row_ids:
        left = ((row, "total"),)
        right = row_cells(row, parts)
        if g.holds(left, right):
            continue
        if names is None:
            names = (g.column_label("total"), " + ".join(g.column_label(c) for c in parts))
        finding = g.identity_finding(
            this,
            left,
            right,
            what=f"row {g.row_label(row)}",
            left_name=names[0],
            right_name=names[1],
            source=ctx.source,
        )
        if finding is not None:
            yield finding


def _denied_with_subtotal(subtotal: int) -> tuple[str, ...]:
    """（三）不予公开 with a value row of ``subtotal`` a report adds above its sub-rows (the
    form's, model/forms.py): one application 属于国家秘密 (自然人), the other sub-rows 0."""
    rows = [row for row in APPLICATION_FORM if row.id.startswith("denied.")]
    return (
        f"| | （三）不予公开 | {subtotal} | 0 | 0 | 0 | 0 | 0 | {subtotal} |",
        f"| | | {rows[0].numbering}{rows[0].labels[0]} | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        *(f"| | | {row.numbering}{row.labels[0]} | {ZEROS} |" for row in rows[1:]),
    )


@rule(
    "A104",
    "applications-group-subtotal",
    Severity.ERROR,
    RuleTag.STRUCTURAL,
    "A group subtotal row a report adds (（三）不予公开 …) = the sum of its sub-rows.",
    "The official table gives （三）不予公开, （四）无法提供, （五）不予处理 and (2021) "
    "（六）其他处理 no values of their own; where a report adds a value row for such a group, "
    "it is the sum of the group's numbered sub-rows.  "
    "format-spec §4.5 (subtotal rows, STRUCTURAL).",
    failing=example(
        TITLE,
        APPLICATIONS_SECTION,
        *APPLICATIONS_HEAD,
        *_denied_with_subtotal(2),
    ),
    passing=example(
        TITLE,
        APPLICATIONS_SECTION,
        *APPLICATIONS_HEAD,
        *_denied_with_subtotal(1),
    ),
)
def applications_group_subtotal(ctx: Context, this: Rule) -> Iterator[Finding]:
    report = ctx.report
    table, g = report.applications, ctx.grid("applications")
    if table is None or g is None:
        return
    rows = set(g.row_ids)
    for group, subs in _GROUP_SUBS.items():
        if group not in rows or not any(s in rows for s in subs):
            continue
        for col in _columns(g):
            left = ((group, col),)
            right = column_cells(subs, col)
            if g.holds(left, right):
                continue
            finding = g.identity_finding(
                this,
                left,
                right,
                what=f"{APPLICATION_GROUP_TEXT[group]}, column {g.column_label(col)}",
                left_name=g.row_label(group),
                right_name="its sub-rows",
                source=ctx.source,
            )
            if finding is not None:
                yield finding


@rule(
    "A105",
    "applications-subtotal-column",
    Severity.ERROR,
    RuleTag.STRUCTURAL,
    "小计 = the five 法人或其他组织 columns, per row, where a report adds a 小计 column.",
    "The official table has no 小计 column, but some reports add one under 法人或其他组织; it is "
    "then the sum of 商业企业, 科研机构, 社会公益组织, 法律服务机构 and 其他.  (STRUCTURAL)",
    failing=example(
        TITLE,
        APPLICATIONS_SECTION,
        "| | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 小计 | 总计 |",
        "| 一、本年新收政府信息公开申请数量 | 4 | 1 | 2 | 0 | 0 | 0 | 4 | 8 |",
    ),
    passing=example(
        TITLE,
        APPLICATIONS_SECTION,
        "| | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 小计 | 总计 |",
        "| 一、本年新收政府信息公开申请数量 | 4 | 1 | 2 | 0 | 0 | 0 | 3 | 7 |",
    ),
)
def applications_subtotal_column(ctx: Context, this: Rule) -> Iterator[Finding]:
    report = ctx.report
    table, g = report.applications, ctx.grid("applications")
    if table is None or g is None or _SUBTOTAL not in g.column_ids:
        return
    for row in g.row_ids:
        left = ((row, _SUBTOTAL),)
        right = row_cells(row, _ORGANISATIONS)
        if g.holds(left, right):
            continue
        finding = g.identity_finding(
            this,
            left,
            right,
            what=f"row {g.row_label(row)}",
            left_name=g.column_label(_SUBTOTAL),
            right_name="the five 法人或其他组织 columns",
            source=ctx.source,
        )
        if finding is not None:
            yield finding
