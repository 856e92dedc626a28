"""The examples in each rule's documentation: a report text the rule passes and one it fails.

docs/rules.md shows them (``opengov-report rules --markdown``) and a test runs them, so that
they cannot go stale: the failing text makes its rule fire, the passing one does not.

An example is a fragment of a report: a title, a heading, and the rows of the table the rule
reads, written in the pipe layout (``| cell | cell |``), which the parser reads as it reads a
table with a tab between cells.  Other rules may fire on a fragment (a table the format wants
is absent, rows of a table are not found): an example speaks for its own rule only.  The
fragments below are the heads and rows of the official forms (format-spec §4.2–§4.4, §5.2,
§6.3), with the numbers an example changes as parameters.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..model.forms import REPORT_OUTLINE

__all__ = [
    "APPLICATIONS_HEAD",
    "APPLICATIONS_SECTION",
    "DISCLOSURE_SECTION",
    "LEGACY_HEAD",
    "OUTLINE",
    "REVIEWS_HEAD",
    "REVIEWS_SECTION",
    "TITLE",
    "TITLE_2019_FORMAT",
    "ZEROS",
    "Example",
    "applications_results",
    "applications_rows",
    "disclosure_2019",
    "disclosure_2021",
    "example",
    "reviews_row",
    "sections",
]


@attrs.frozen(slots=True)
class Example:
    """A report text a rule is shown on; for a rule over two consecutive reports, ``previous``
    is the text of the report on the year before."""

    text: str
    previous: str | None = None


def example(*lines: str, previous: Sequence[str] | None = None) -> Example:
    """An example from its lines (each ends with a newline)."""
    before = None if previous is None else "".join(line + "\n" for line in previous)
    return Example("".join(line + "\n" for line in lines), before)


#: the six official section headings, in order (model/forms.REPORT_OUTLINE)
OUTLINE: tuple[str, ...] = tuple(title for title, _ in REPORT_OUTLINE)


def sections(*headings: str) -> tuple[str, ...]:
    """The lines of an outline: each heading with ``无。`` under it."""
    return tuple(line for heading in headings for line in (heading, "无。"))


#: the title of a report in the 2021 format, and of one in the 2019 format (a report on 2020)
TITLE = "某市某局2022年政府信息公开工作年度报告"
TITLE_2019_FORMAT = "某市某局2020年政府信息公开工作年度报告"

DISCLOSURE_SECTION = "二、主动公开政府信息情况"
APPLICATIONS_SECTION = "三、收到和处理政府信息公开申请情况"
REVIEWS_SECTION = "四、政府信息公开行政复议、行政诉讼情况"

#: the two head rows of table 三 (format-spec §4.3: 法人或其他组织 over its five columns)
APPLICATIONS_HEAD = (
    "| | 自然人 | 法人或其他组织 | | | | | 总计 |",
    "| | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |",
)
#: the two head rows of table 四 (format-spec §4.4; its one data row follows them)
REVIEWS_HEAD = (
    "| 行政复议 | | | | | 行政诉讼 |",
    "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 |",
)
#: a legacy report's title, the heading of its 统计表 and the table's head (format-spec §6.2)
LEGACY_HEAD = (
    "某区某局2016年政府信息公开工作年度报告",
    "附件：2016年度政府信息公开工作情况统计表",
    "| 统计指标 | 单位 | 统计数 |",
)


def applications_rows(
    *,
    new: str = "4 | 1 | 0 | 0 | 0 | 0 | 5",
    carried_over: str = "2 | 0 | 0 | 0 | 0 | 0 | 2",
    granted: str = "3 | 1 | 0 | 0 | 0 | 0 | 4",
    total: str = "3 | 1 | 0 | 0 | 0 | 0 | 4",
    carried_forward: str = "3 | 0 | 0 | 0 | 0 | 0 | 3",
) -> tuple[str, ...]:
    """Table 三 with its head and the rows 一, 二, 三（一）, （七） and 四, each row's seven cells
    given as written (by default they add up: 4 + 2 = 3 + 3 for 自然人)."""
    return (
        *APPLICATIONS_HEAD,
        f"| 一、本年新收政府信息公开申请数量 | {new} |",
        f"| 二、上年结转政府信息公开申请数量 | {carried_over} |",
        f"| 三、本年度办理结果 | （一）予以公开 | {granted} |",
        f"| | （七）总计 | {total} |",
        f"| 四、结转下年度继续办理 | {carried_forward} |",
    )


#: the seven cells of a row of table 三 with nothing in it
ZEROS = "0 | 0 | 0 | 0 | 0 | 0 | 0"


def applications_results(*, total: str) -> tuple[str, ...]:
    """Table 三 of the 2021 format with its head and every row of 三、本年度办理结果 (format-spec
    §4.3): 4 applications granted (3 by 自然人, 1 by 商业企业), 1 that 本机关不掌握 (自然人),
    and （七）总计 as ``total`` (they add up to 4 | 1 | 0 | 0 | 0 | 0 | 5)."""
    return (
        *APPLICATIONS_HEAD,
        "| 三、本年度办理结果 | （一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |",
        f"| | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | {ZEROS} |",
        f"| | （三）不予公开 | 1.属于国家秘密 | {ZEROS} |",
        f"| | | 2.其他法律行政法规禁止公开 | {ZEROS} |",
        f"| | | 3.危及“三安全一稳定” | {ZEROS} |",
        f"| | | 4.保护第三方合法权益 | {ZEROS} |",
        f"| | | 5.属于三类内部事务信息 | {ZEROS} |",
        f"| | | 6.属于四类过程性信息 | {ZEROS} |",
        f"| | | 7.属于行政执法案卷 | {ZEROS} |",
        f"| | | 8.属于行政查询事项 | {ZEROS} |",
        "| | （四）无法提供 | 1.本机关不掌握相关政府信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        f"| | | 2.没有现成信息需要另行制作 | {ZEROS} |",
        f"| | | 3.补正后申请内容仍不明确 | {ZEROS} |",
        f"| | （五）不予处理 | 1.信访举报投诉类申请 | {ZEROS} |",
        f"| | | 2.重复申请 | {ZEROS} |",
        f"| | | 3.要求提供公开出版物 | {ZEROS} |",
        f"| | | 4.无正当理由大量反复申请 | {ZEROS} |",
        f"| | | 5.要求行政机关确认或重新出具已获取信息 | {ZEROS} |",
        "| | （六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 "
        f"| {ZEROS} |",
        "| | | 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 "
        f"| {ZEROS} |",
        f"| | | 3.其他 | {ZEROS} |",
        f"| | （七）总计 | {total} |",
    )


def reviews_row(cells: str) -> tuple[str, ...]:
    """Table 四: its head and its data row of fifteen cells."""
    return (*REVIEWS_HEAD, f"| {cells} |")


def disclosure_2021(
    *, normative: str = "3 | 1 | 10", fees: str = "0", penalties: bool = True
) -> tuple[str, ...]:
    """Table 二 of the 2021 format (format-spec §4.2); ``normative`` is the row
    行政规范性文件 (本年制发件数 | 本年废止件数 | 现行有效件数); without ``penalties``, the
    blocks after 第二十条第（五）项 are left out."""
    rows = (
        "| 第二十条第（一）项 |",
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
        "| 规章 | 0 | 0 | 2 |",
        f"| 行政规范性文件 | {normative} |",
        "| 第二十条第（五）项 |",
        "| 信息内容 | 本年处理决定数量 |",
        "| 行政许可 | 12 |",
    )
    if not penalties:
        return rows
    return (
        *rows,
        "| 第二十条第（六）项 |",
        "| 信息内容 | 本年处理决定数量 |",
        "| 行政处罚 | 3 |",
        "| 行政强制 | 0 |",
        "| 第二十条第（八）项 |",
        "| 信息内容 | 本年收费金额（单位：万元） |",
        f"| 行政事业性收费 | {fees} |",
    )


def disclosure_2019(
    *, normative: str = "2 | 2 | 8", license_items: str = "30 | 增2 | 40"
) -> tuple[str, ...]:
    """The first two blocks of table 二 of the 2019 format (format-spec §5.2): ``normative``
    is the row 规范性文件 (本年新制作数量 | 本年新公开数量 | 对外公开总数量), ``license_items``
    the row 行政许可 (上一年项目数量 | 本年增/减 | 处理决定数量)."""
    return (
        "| 第二十条第（一）项 |",
        "| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |",
        "| 规章 | 0 | 0 | 0 |",
        f"| 规范性文件 | {normative} |",
        "| 第二十条第（五）项 |",
        "| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |",
        f"| 行政许可 | {license_items} |",
        "| 其他对外管理服务事项 | 0 | 0 | 0 |",
    )
