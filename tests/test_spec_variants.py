"""The variants real reports come in, as the domain documents list them (format-spec §4–§6,
§8, §9; design.md "Layouts beyond the seeds"), each in the layouts real pages come in.

Every text here is written from the documents' words: a small report in the official form
(labels as format-spec prints them), and, for each documented variant, the same report with
only that one thing changed (a label typo, a long parenthetical instruction, an extra row, a
value written otherwise …).  Each is then laid out as real pages come: a table row a line
with tab-separated cells (``tab``), a cell a line as a Word table is copied (``cell_lines``),
the whole page on one line with cells spaced (``one_line``) or glued with nothing between
(``glued``).  What is asserted is what a careful
reader reads from the text written here — the cells, the era, the year — never what the code
printed.  Where a layout makes a cell undecidable (a blank cell that vanished when the page
was flattened, digits glued with no identity to cut them by), the reader reads nothing there,
and so must the library: missing, not wrong.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from decimal import Decimal

import attrs
import pytest

from opengov_report import AnnualReport, Era, ValueKind, check, parse
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from layout_variants import lines_glued, one_line, spaces_for_tabs

# ------------------------------------------------------------------ layouts


def _tab(text: str) -> str:
    """The text as written: a table row a line, cells separated by tabs."""
    return text


def _one_line(text: str) -> str:
    """The page on one line, each cell and line break a space (a scraped web page): blank
    cells vanish with the white space around them."""
    return " ".join(one_line(spaces_for_tabs(text)).split())


def _glued(text: str) -> str:
    """The page on one line with nothing between lines or cells: digits of neighbouring cells
    run together (a crawler's text of a table)."""
    return "".join(lines_glued(text).split())


def _cell_lines(text: str) -> str:
    """A cell a line, each starting with a tab, a blank line after each row (a Word table
    copied as text: seeds 000, 001, 004); empty cells are lines with only the tab."""
    out: list[str] = []
    for line in text.split("\n"):
        if "\t" not in line:
            out.append(line)
            continue
        out.extend("\t" + cell for cell in line.split("\t"))
        out.append("")
    return "\n".join(out)


LAYOUTS: dict[str, Callable[[str], str]] = {
    "tab": _tab,
    "cell_lines": _cell_lines,
    "one_line": _one_line,
    "glued": _glued,
}

# ------------------------------------------------------------------ the 2021 form (§4)

#: table 三's values in the base report: 自然人, 商业企业, 科研机构, 社会公益组织,
#: 法律服务机构, 其他, 总计.  Every identity of §4.5 holds: per column 一 + 二 = （七） + 四 and
#: （七） = the results; per row 总计 = the six applicant columns.
_T3 = {
    "new_received": (12, 3, 0, 0, 1, 0, 16),
    "carried_over": (1, 0, 0, 0, 0, 0, 1),
    "granted": (5, 1, 0, 0, 0, 0, 6),
    "partially_granted": (2, 0, 0, 0, 0, 0, 2),
    "denied.third_party_rights": (1, 0, 0, 0, 0, 0, 1),
    "denied.internal_affairs": (1, 0, 0, 0, 0, 0, 1),
    "unable.no_info": (2, 1, 0, 0, 1, 0, 4),
    "not_processed.repeat": (1, 0, 0, 0, 0, 0, 1),
    "other.other_reasons": (1, 0, 0, 0, 0, 0, 1),
    "total_processed": (13, 2, 0, 0, 1, 0, 16),
    "carried_forward": (0, 1, 0, 0, 0, 0, 1),
}
_COLUMNS = (
    "natural_person", "commercial_enterprise", "research_institution",
    "social_welfare_organization", "legal_service_organization", "other_organization", "total",
)  # fmt: skip
_ZERO = (0,) * 7


def _join(*parts: list[str]) -> str:
    return "\n".join(line for part in parts for line in part) + "\n"


def _cells(row: str) -> str:
    return "\t".join(str(v) for v in _T3.get(row, _ZERO))


def _text_2021(cells: Callable[[str], str]) -> str:
    """The base report of the 2021 form with table 三's cells written by ``cells``."""
    return _join(_HEAD_2021, _T2_2021, _T3_HEAD, _t3_rows_2021(cells), _T4, _TAIL)


_TITLE_2021 = "某市某局2022年政府信息公开工作年度报告"
_HEAD_2021 = [
    _TITLE_2021,
    "一、总体情况",
    "2022年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，现将有关情况报告如下。",
    "二、主动公开政府信息情况",
]
_T2_2021 = [
    "第二十条第（一）项\t\t\t",
    "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
    "规章\t0\t0\t3",
    "行政规范性文件\t4\t1\t25",
    "第二十条第（五）项\t\t\t",
    "信息内容\t本年处理决定数量\t\t",
    "行政许可\t120\t\t",
    "第二十条第（六）项\t\t\t",
    "信息内容\t本年处理决定数量\t\t",
    "行政处罚\t35\t\t",
    "行政强制\t2\t\t",
    "第二十条第（八）项\t\t\t",
    "信息内容\t本年收费金额（单位：万元）\t\t",
    "行政事业性收费\t1.5\t\t",
]
_T3_HEAD = [
    "三、收到和处理政府信息公开申请情况",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况\t\t\t\t\t\t",
    "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计",
    "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t",
]


def _t3_rows_2021(cells: Callable[[str], str] = _cells) -> list[str]:
    """Table 三's rows of the 2021 form (format-spec §4.3), each row's cells written by
    ``cells``: a row label a line, the cells a rowspan or colspan covers as empty cells."""
    return [
        f"一、本年新收政府信息公开申请数量\t\t\t{cells('new_received')}",
        f"二、上年结转政府信息公开申请数量\t\t\t{cells('carried_over')}",
        f"三、本年度办理结果\t（一）予以公开\t\t{cells('granted')}",
        "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t"
        + cells("partially_granted"),
        f"\t（三）不予公开\t1.属于国家秘密\t{cells('denied.state_secret')}",
        f"\t\t2.其他法律行政法规禁止公开\t{cells('denied.law_forbidden')}",
        f"\t\t3.危及“三安全一稳定”\t{cells('denied.safety_stability')}",
        f"\t\t4.保护第三方合法权益\t{cells('denied.third_party_rights')}",
        f"\t\t5.属于三类内部事务信息\t{cells('denied.internal_affairs')}",
        f"\t\t6.属于四类过程性信息\t{cells('denied.process_info')}",
        f"\t\t7.属于行政执法案卷\t{cells('denied.enforcement_case')}",
        f"\t\t8.属于行政查询事项\t{cells('denied.admin_query')}",
        f"\t（四）无法提供\t1.本机关不掌握相关政府信息\t{cells('unable.no_info')}",
        f"\t\t2.没有现成信息需要另行制作\t{cells('unable.need_creation')}",
        f"\t\t3.补正后申请内容仍不明确\t{cells('unable.unclear')}",
        f"\t（五）不予处理\t1.信访举报投诉类申请\t{cells('not_processed.complaint')}",
        f"\t\t2.重复申请\t{cells('not_processed.repeat')}",
        f"\t\t3.要求提供公开出版物\t{cells('not_processed.publication')}",
        f"\t\t4.无正当理由大量反复申请\t{cells('not_processed.massive_requests')}",
        f"\t\t5.要求行政机关确认或重新出具已获取信息\t{cells('not_processed.confirm_info')}",
        "\t（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t"
        + cells("other.overdue_correction"),
        "\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t"
        + cells("other.overdue_fee"),
        f"\t\t3.其他\t{cells('other.other_reasons')}",
        f"\t（七）总计\t\t{cells('total_processed')}",
        f"四、结转下年度继续办理\t\t\t{cells('carried_forward')}",
    ]


_T3_ROWS_2021 = _t3_rows_2021()
#: table 四: 行政复议 1 0 0 1 2; 未经复议直接起诉 0 1 0 0 1; 复议后起诉 all 0
_T4 = [
    "四、政府信息公开行政复议、行政诉讼情况",
    "行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t",
    "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t",
    "\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计"
    "\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计",
    "1\t0\t0\t1\t2\t0\t1\t0\t0\t1\t0\t0\t0\t0\t0",
]
_TAIL = [
    "五、存在的主要问题及改进情况",
    "一是公开内容还不够全面；二是解读形式还不够丰富。下一步，我们将持续改进。",
    "六、其他需要报告的事项",
    "本年度未收取信息处理费。",
    "某市某局",
    "2023年1月20日",
]


BASE_2021 = _text_2021(_cells)

# ------------------------------------------------------------------ the 2019 form (§5)

_TITLE_2019 = "某县某局2020年政府信息公开工作年度报告"
_T2_2019 = [
    "第二十条第（一）项\t\t\t",
    "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
    "规章\t0\t0\t3",
    "规范性文件\t4\t3\t25",
    "第二十条第（五）项\t\t\t",
    "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
    "行政许可\t56\t增3\t120",
    "其他对外管理服务事项\t8\t0\t14",
    "第二十条第（六）项\t\t\t",
    "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
    "行政处罚\t210\t减13\t35",
    "行政强制\t12\t0\t2",
    "第二十条第（八）项\t\t\t",
    "信息内容\t上一年项目数量\t本年增/减\t",
    "行政事业性收费\t6\t0\t",
    "第二十条第（九）项\t\t\t",
    "信息内容\t采购项目数量\t采购总金额\t",
    "政府集中采购\t7\t4995万\t",
]
#: table 三 of the 2019 form: （六）其他处理 one row with values (format-spec §5.3)
_T3_ROWS_2019 = [
    *_T3_ROWS_2021[: next(i for i, r in enumerate(_T3_ROWS_2021) if "（六）" in r)],
    f"\t（六）其他处理\t\t{_cells('other.other_reasons')}",
    f"\t（七）总计\t\t{_cells('total_processed')}",
    f"四、结转下年度继续办理\t\t\t{_cells('carried_forward')}",
]
BASE_2019 = _join(
    [_TITLE_2019, *_HEAD_2021[1:]], _T2_2019, _T3_HEAD, _T3_ROWS_2019, _T4, _TAIL
).replace("2022年，", "2020年，")

# ------------------------------------------------------------------ the legacy 统计表 (§6)

_TITLE_LEGACY = "某县某局2016年政府信息公开工作年度报告"
_LEGACY_HEAD = [
    _TITLE_LEGACY,
    "一、概述",
    "2016年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，现将有关情况报告如下。",
    "二、存在的问题及改进措施",
    "公开的及时性还需提高。",
    "附件：2016年度政府信息公开工作情况统计表",
]
_LEGACY_TABLE = [
    "统计指标\t单位\t统计数",
    "一、主动公开情况\t\t",
    "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）\t条\t60",
    "其中：主动公开规范性文件数\t条\t5",
    "二、依申请公开情况\t\t",
    "（一）收到申请数\t件\t8",
    "（二）申请办结数\t件\t7",
    "（三）申请答复数\t件\t7",
    "三、行政复议数量\t件\t1",
    "四、行政诉讼数量\t件\t0",
    "五、被举报投诉数量\t件\t2",
]
BASE_LEGACY = _join(_LEGACY_HEAD, _LEGACY_TABLE)

# ------------------------------------------------------------------ what a reader reads

#: a cell: (table, row, column); legacy rows use the column ``value`` or ``cumulative``
Key = tuple[str, str, str]
#: what a cell holds: a number (int, or Decimal for amounts), or the kind of a non-number
Expected = int | Decimal | ValueKind


def _t3_cells(rows: tuple[str, ...], values: Mapping[str, tuple[int, ...]]) -> dict[Key, Expected]:
    return {
        ("applications", row, column): v
        for row in rows
        for column, v in zip(_COLUMNS, values.get(row, _ZERO), strict=True)
    }


_ROWS_2021 = (
    "new_received", "carried_over", "granted", "partially_granted",
    "denied.state_secret", "denied.law_forbidden", "denied.safety_stability",
    "denied.third_party_rights", "denied.internal_affairs", "denied.process_info",
    "denied.enforcement_case", "denied.admin_query", "unable.no_info", "unable.need_creation",
    "unable.unclear", "not_processed.complaint", "not_processed.repeat",
    "not_processed.publication", "not_processed.massive_requests", "not_processed.confirm_info",
    "other.overdue_correction", "other.overdue_fee", "other.other_reasons", "total_processed",
    "carried_forward",
)  # fmt: skip
#: the 2019 form: （六）其他处理 is one row (format-spec §5.3)
_ROWS_2019 = (*_ROWS_2021[:20], "other", "total_processed", "carried_forward")
_T4_CELLS: dict[Key, Expected] = {
    ("reviews", group, column): v
    for group, values in (
        ("review", (1, 0, 0, 1, 2)),
        ("litigation_direct", (0, 1, 0, 0, 1)),
        ("litigation_after_review", (0, 0, 0, 0, 0)),
    )
    for column, v in zip(("upheld", "corrected", "other", "pending", "total"), values, strict=True)
}
_T2_2021_CELLS: dict[Key, Expected] = {
    ("disclosure", "regulations", "issued"): 0,
    ("disclosure", "regulations", "repealed"): 0,
    ("disclosure", "regulations", "in_force"): 3,
    ("disclosure", "normative_documents", "issued"): 4,
    ("disclosure", "normative_documents", "repealed"): 1,
    ("disclosure", "normative_documents", "in_force"): 25,
    ("disclosure", "admin_license", "decisions"): 120,
    ("disclosure", "admin_penalty", "decisions"): 35,
    ("disclosure", "admin_enforcement", "decisions"): 2,
    ("disclosure", "admin_fees", "amount"): Decimal("1.5"),
}
_T2_2019_CELLS: dict[Key, Expected] = {
    ("disclosure", "regulations", "new_made"): 0,
    ("disclosure", "regulations", "new_published"): 0,
    ("disclosure", "regulations", "total_published"): 3,
    ("disclosure", "normative_documents", "new_made"): 4,
    ("disclosure", "normative_documents", "new_published"): 3,
    ("disclosure", "normative_documents", "total_published"): 25,
    ("disclosure", "admin_license", "previous_items"): 56,
    ("disclosure", "admin_license", "change"): 3,
    ("disclosure", "admin_license", "decisions"): 120,
    ("disclosure", "other_services", "previous_items"): 8,
    ("disclosure", "other_services", "change"): 0,
    ("disclosure", "other_services", "decisions"): 14,
    ("disclosure", "admin_penalty", "previous_items"): 210,
    ("disclosure", "admin_penalty", "change"): -13,
    ("disclosure", "admin_penalty", "decisions"): 35,
    ("disclosure", "admin_enforcement", "previous_items"): 12,
    ("disclosure", "admin_enforcement", "change"): 0,
    ("disclosure", "admin_enforcement", "decisions"): 2,
    ("disclosure", "admin_fees", "previous_items"): 6,
    ("disclosure", "admin_fees", "change"): 0,
    ("disclosure", "procurement", "items"): 7,
    ("disclosure", "procurement", "amount"): Decimal(4995),
}
_LEGACY_CELLS: dict[Key, Expected] = {
    ("legacy", "proactive_total", "value"): 60,
    ("legacy", "主动公开规范性文件数", "value"): 5,
    ("legacy", "applications_received", "value"): 8,
    ("legacy", "applications_closed", "value"): 7,
    ("legacy", "applications_answered", "value"): 7,
    ("legacy", "reviews", "value"): 1,
    ("legacy", "litigations", "value"): 0,
    ("legacy", "complaints", "value"): 2,
}

#: cells whose digits run together in the glued layout with no identity to cut them by (a
#: row of table 二 has no sum): ``4125`` is 4 1 25, 4 12 5 or 41 2 5 — a reader cannot tell
_GLUED_T2_2021 = frozenset(
    ("disclosure", "normative_documents", c) for c in ("issued", "repealed", "in_force")
)
_GLUED_T2_2019 = frozenset(
    {
        *(("disclosure", "normative_documents", c)
          for c in ("new_made", "new_published", "total_published")),
        # 56增3120: 56 before the sign, then 增3 120, 增31 20 or 增312 0
        ("disclosure", "admin_license", "change"),
        ("disclosure", "admin_license", "decisions"),
        # 8014, 1202: 8 0 14 or 80 1 4 …; 12 0 2 or 1 20 2 (2 either way)
        *(("disclosure", "other_services", c)
          for c in ("previous_items", "change", "decisions")),
        ("disclosure", "admin_enforcement", "previous_items"),
        ("disclosure", "admin_enforcement", "change"),
        # 210减1335: 210 before the sign, then 减1 335, 减13 35 or 减133 5
        ("disclosure", "admin_penalty", "change"),
        ("disclosure", "admin_penalty", "decisions"),
        # 74995万: 7 4995万, 74 995万 …
        ("disclosure", "procurement", "items"),
        ("disclosure", "procurement", "amount"),
    }
)  # fmt: skip


@attrs.frozen
class Variant:
    """A report in the tab layout, and what a careful reader reads from it: its era and
    year, every cell it states, and, per layout, the cells that layout leaves undecidable
    (read right, or not at all)."""

    text: str
    era: Era
    year: int
    cells: Mapping[Key, Expected]
    undecided: Mapping[str, frozenset[Key]] = attrs.field(factory=dict)
    #: the codes of the findings a careful reader raises on the tab layout (the other
    #: layouts raise some of them, and O105 for the cells they leave undecidable)
    findings: frozenset[str] = frozenset()
    #: per layout, findings a careful reader would not raise but the library does today
    #: (each with its reason where the variant is defined)
    findings_left: Mapping[str, frozenset[str]] = attrs.field(factory=dict)

    def changed(
        self,
        old: str,
        new: str,
        count: int = -1,
        cells: Mapping[Key, Expected] | None = None,
        undecided: Mapping[str, frozenset[Key]] | None = None,
        findings: frozenset[str] | None = None,
    ) -> Variant:
        """The same report with ``old`` written ``new`` (which must occur)."""
        assert old in self.text, old
        text = self.text.replace(old, new, count)
        return attrs.evolve(
            self,
            text=text,
            cells={**self.cells, **(cells or {})},
            undecided={
                layout: self.undecided.get(layout, frozenset())
                | (undecided or {}).get(layout, frozenset())
                for layout in LAYOUTS
            },
            findings=self.findings if findings is None else findings,
        )


V2021 = Variant(
    BASE_2021,
    Era.V2021,
    2022,
    {**_T2_2021_CELLS, **_t3_cells(_ROWS_2021, _T3), **_T4_CELLS},
    {"glued": _GLUED_T2_2021},
)
V2019 = Variant(
    BASE_2019,
    Era.V2019,
    2020,
    {
        **_T2_2019_CELLS,
        **_t3_cells(_ROWS_2019, _T3 | {"other": _T3["other.other_reasons"]}),
        **_T4_CELLS,
    },
    {"glued": _GLUED_T2_2019},
)
VLEGACY = Variant(BASE_LEGACY, Era.LEGACY, 2016, _LEGACY_CELLS)


def _read(report: AnnualReport) -> dict[Key, Expected]:
    out: dict[Key, Expected] = {}
    for f in report.figures():
        value = f.value
        if value.kind is ValueKind.UNREADABLE:
            continue  # kept raw (digits no cut decided): no number is claimed
        out[f.table, f.row, f.column] = value.number if value.number is not None else value.kind
    return out


def _assert_reads(variant: Variant, layout: str) -> AnnualReport:
    report = parse(LAYOUTS[layout](variant.text))
    assert report.era is variant.era
    assert report.metadata.year == variant.year
    got = _read(report)
    undecided = variant.undecided.get(layout, frozenset())
    wrong = {k: (got[k], want) for k, want in variant.cells.items() if k in got and got[k] != want}
    assert wrong == {}, "read wrong (got, written)"
    lost = {k: want for k, want in variant.cells.items() if k not in got and k not in undecided}
    assert lost == {}, "stated but not read"
    extra = {k: v for k, v in got.items() if k not in variant.cells}
    assert extra == {}, "read where the text states nothing"
    codes = {f.code for f in check(report)}
    if layout == "tab":
        assert codes == variant.findings
    else:  # and O105 where the layout left cells undecidable
        left = variant.findings_left.get(layout, frozenset())
        assert codes <= variant.findings | left | ({"O105"} if undecided else set())
    return report


# ------------------------------------------------------------------ the variants

VARIANTS: dict[str, Variant] = {
    # §4: the 2021 form as printed
    "2021 form": V2021,
    # §5: the 2019 form (table 二's five blocks, （六） one row, 增3 / 减13, 4995万)
    "2019 form": V2019,
    # §6.2–6.3: the national 统计表, row labels numbered like headings
    "legacy 统计表": VLEGACY,
    # §9.1 (S003): 本年废止件数 printed 本年度止件数
    "本年度止件数": V2021.changed("本年废止件数", "本年度止件数"),
    # design.md: 本年废止件数 printed 本年废纸件数
    "本年废纸件数": V2021.changed("本年废止件数", "本年废纸件数"),
    # §9.2 (R-CC22): 情况 for 情形 in （二）'s instruction
    "只计这一情况": V2021.changed("只计这一情形", "只计这一情况"),
    # §9.2 (R-CC22): 内容 for 内部
    "三类内容事务信息": V2021.changed("属于三类内部事务信息", "属于三类内容事务信息"),
    # §9.2 (R-CC22): the captions with a space and ASCII brackets
    "第二十条 第(一)项": V2021.changed("第二十条第（", "第二十条 第(").changed("）项", ")项"),
    # §9.2 (R-HY22), §7: the column head 现行有效件数 (历史累计)
    "现行有效件数 (历史累计)": V2021.changed("现行有效件数", "现行有效件数 (历史累计)"),
    # §9.2 (R-JY22 …): head cells broken inside a word by a line break in the cell
    "商业 企业": V2021.changed("商业企业", "商业 企业").changed("科研机构", "科研 机构"),
    # §4.1, §9.2 (R-XJ23): each table introduced by a sentence
    "该部分以表格形式报告": V2021.changed("情况\n", "情况\n该部分以表格形式报告。表格如下：\n"),
    # §8: 采购总金额 in 元 (R-SH19) and in 亿元 (S004)
    "251000元": V2019.changed(
        "4995万", "251000元", cells={("disclosure", "procurement", "amount"): Decimal(251000)}
    ),
    "2.14亿元": V2019.changed(
        "4995万", "2.14亿元", cells={("disclosure", "procurement", "amount"): Decimal("2.14")}
    ),
    # §8 (R-WH20): a value written - (not applicable)
    "value -": V2019.changed(
        "行政强制\t12\t0\t2",
        "行政强制\t12\t0\t-",
        cells={("disclosure", "admin_enforcement", "decisions"): ValueKind.DASH},
        findings=frozenset({"V102"}),
    ),
    # §8 (R-WH20): a negative change written -13 as the Hubei guidance says
    "本年增/减 -13": V2019.changed("减13", "-13", undecided={"glued": frozenset()}),
    # §5.2, §9.2 (R-WH20): long parenthetical instructions inside the labels
    "R-WH20 labels": V2019.changed("规章\t", "规章（设区的市、自治州人民政府应提供相关数据）\t")
    .changed("上一年项目数量", "上一年项目数量（指2019年事项数）")
    .changed("本年增/减", "本年增/减（指2020年增加或减少的事项数，减用负值表示，如-8）")
    .changed("处理决定数量", "处理决定数量（指2020年办件量）"),
    # §9.2 (R-WH20): an extra row 其他主动公开文件 in block （一）
    "其他主动公开文件": V2019.changed(
        "规范性文件\t4\t3\t25\n", "规范性文件\t4\t3\t25\n其他主动公开文件\t17\t17\t41\n"
    ),
    # design.md: 本年度新制作数量, 本年度公开数量
    "本年度新制作数量": V2019.changed("本年新制作数量", "本年度新制作数量").changed(
        "本年新公开数量", "本年度公开数量"
    ),
}


# §4.3 (R-SH19): the 总计 column left blank in the result rows （一）…（六） while the other
# columns are filled.  Blank is not 0; once the page is flattened the blanks vanish and which
# of a row's cells was blank is no longer written: undecidable, so never read (as 0 or other)
_RESULT_ROWS = tuple(r for r in _ROWS_2021 if r not in
                     ("new_received", "carried_over", "total_processed", "carried_forward"))  # fmt: skip


def _blank_total(row: str) -> str:
    values = [str(v) for v in _T3.get(row, _ZERO)]
    return "\t".join([*values[:-1], ""] if row in _RESULT_ROWS else values)


_FLAT_RESULTS = frozenset(("applications", r, c) for r in _RESULT_ROWS for c in _COLUMNS)
VARIANTS["blank 总计 cells"] = attrs.evolve(
    V2021,
    text=_text_2021(_blank_total),
    cells={**V2021.cells, **{("applications", r, "total"): ValueKind.BLANK for r in _RESULT_ROWS}},
    undecided={"one_line": _FLAT_RESULTS, "glued": _FLAT_RESULTS | _GLUED_T2_2021},
    # the blank 总计 cells, and the sums they leave open (rules.md: blank arithmetic)
    findings=frozenset({"V101", "A102", "A103"}),
)


# §8 [U] and the brief: thousands separators in table cells.  1222 more applications of
# natural persons, all granted: 一 1,234 … 1,238; （一） 1,227 … 1,228; （七） 1,235 … 1,238
# (every identity still holds)
_BIG = {
    "new_received": (1234, 3, 0, 0, 1, 0, 1238),
    "granted": (1227, 1, 0, 0, 0, 0, 1228),
    "total_processed": (1235, 2, 0, 0, 1, 0, 1238),
}


def _grouped(separator: str) -> Callable[[str], str]:
    def cells(row: str) -> str:
        values = _BIG.get(row) or _T3.get(row, _ZERO)
        return "\t".join(f"{v:,}".replace(",", separator) for v in values)

    return cells


#: glued, 一's cells run ``1,234300101,238``: the groups of three after each comma are
#: written, but where 1,234's 4 ends and the next cell starts the identities must tell
_BIG_CELLS = frozenset(("applications", r, c) for r in _BIG for c in _COLUMNS)
for _name, _sep in (("1,234", ","), ("1，234", "，")):
    VARIANTS[_name] = attrs.evolve(
        V2021,
        text=_text_2021(_grouped(_sep)),
        cells={**V2021.cells, **_t3_cells(tuple(_BIG), _BIG)},
        undecided={"glued": _BIG_CELLS | _GLUED_T2_2021},
    )


# design.md, §8: tables 三 and 四 replaced by a sentence; the report is still of the 2021 form
# (table 二 says so), and the sentences are no zeros
VARIANTS["tables replaced by a sentence"] = attrs.evolve(
    V2021,
    text=_join(
        _HEAD_2021,
        _T2_2021,
        ["三、收到和处理政府信息公开申请情况", "本年度未收到政府信息公开申请。"],
        ["四、政府信息公开行政复议、行政诉讼情况", "本年度未发生行政复议和行政诉讼。"],
        _TAIL,
    ),
    cells=_T2_2021_CELLS,
)


# §6.6 and design.md: regional legacy tables.  指标名称 / 计量单位 / 年末统计, the regional
# labels of the same indicators, and an extra row 行政申诉数
_REGIONAL = [
    "指标名称\t计量单位\t年末统计",
    "主动公开信息数\t条\t425",
    "申请总数\t件\t12",
    "对申请的答复总数\t件\t11",
    "行政复议数\t件\t1",
    "行政诉讼数\t件\t0",
    "行政申诉数\t件\t3",
]
VARIANTS["指标名称/计量单位/年末统计"] = attrs.evolve(
    VLEGACY,
    text=_join(_LEGACY_HEAD, _REGIONAL),
    cells={
        ("legacy", "proactive_total", "value"): 425,
        ("legacy", "applications_received", "value"): 12,
        ("legacy", "applications_answered", "value"): 11,
        ("legacy", "reviews", "value"): 1,
        ("legacy", "litigations", "value"): 0,
        # the regional tables' complaints row (forms.LEGACY_INDICATOR_VARIANTS)
        ("legacy", "complaints", "value"): 3,
    },
)
# §6.6 (莆田 2009): two value columns, the year's and the cumulative one.  Glued, the two
# run together (主动公开信息数条4251516: 425 1516, 42 51516 …): no identity joins them
_TWO_COLUMNS = [
    "指标名称\t计量单位\t2016年度\t历年累计",
    "主动公开信息数\t条\t425\t1516",
    "申请总数\t件\t12\t40",
    "对申请的答复总数\t件\t11\t39",
    "行政复议数\t件\t1\t2",
    "行政诉讼数\t件\t0\t1",
]
_TWO_COLUMN_CELLS: dict[Key, Expected] = {
    ("legacy", row, column): v
    for row, values in (
        ("proactive_total", (425, 1516)),
        ("applications_received", (12, 40)),
        ("applications_answered", (11, 39)),
        ("reviews", (1, 2)),
        ("litigations", (0, 1)),
    )
    for column, v in zip(("value", "cumulative"), values, strict=True)
}
VARIANTS["本年度/历年累计"] = attrs.evolve(
    VLEGACY,
    text=_join(_LEGACY_HEAD, _TWO_COLUMNS),
    cells=_TWO_COLUMN_CELLS,
    undecided={"glued": frozenset(_TWO_COLUMN_CELLS)},
)


# §9.1 (S003, S004, R-XX19): ASCII brackets and commas in table 三's labels, U+FF0E after the
# sub-rows' numbers, labels spaced out by a PDF's extraction
VARIANTS["(一) 予以公开"] = (
    V2021.changed("（一）予以公开", "(一) 予以公开")
    .changed(
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)",
    )
    .changed("（三）不予公开", "(三) 不予公开")
)
VARIANTS["1．属于国家秘密"] = V2021.changed("\t1.", "\t1．").changed("\t2.", "\t2．")
VARIANTS["三、 本年 度办 理结 果"] = V2021.changed(
    "三、本年度办理结果", "三、 本年 度办 理结 果"
).changed("尚未审结", "尚 未 审 结")
# §8 (S001): 无 and —— in table 二
VARIANTS["无 and ——"] = V2019.changed(
    "规章\t0\t0\t3",
    "规章\t无\t无\t3",
    cells={
        ("disclosure", "regulations", "new_made"): ValueKind.NONE,
        ("disclosure", "regulations", "new_published"): ValueKind.NONE,
    },
    findings=frozenset({"V102"}),
).changed(
    "行政许可\t56\t增3\t120",
    "行政许可\t——\t——\t120",
    cells={
        ("disclosure", "admin_license", "previous_items"): ValueKind.DASH,
        ("disclosure", "admin_license", "change"): ValueKind.DASH,
    },
    # glued, ————120 leaves the dashes' cells to count, not to cut: 120 is the last
    undecided={"glued": frozenset()},
)
# thousands separators in a legacy table's cumulative column
VARIANTS["历年累计 1,516"] = attrs.evolve(
    VARIANTS["本年度/历年累计"], text=VARIANTS["本年度/历年累计"].text.replace("1516", "1,516")
)


# §9.1 (S003): a label wrapped after its values (2. 没有现成信息需要 … / 另行制作), an extra
# empty cell in row 四, 3.其他 with one leading tab, a group label starting its line
VARIANTS["S003 cells"] = (
    V2021.changed(
        "\t\t2.没有现成信息需要另行制作\t0\t0\t0\t0\t0\t0\t0",
        "\t\t2.没有现成信息需要\t0\t0\t0\t0\t0\t0\t0\n\t\t另行制作\t\t\t\t\t\t\t",
    )
    .changed("四、结转下年度继续办理\t\t\t", "四、结转下年度继续办理\t\t\t\t")
    .changed("\t\t3.其他\t", "\t3.其他\t")
    .changed("\t（五）不予处理\t", "（五）不予处理\t")
)
# §9.1 (S004): headings numbered 四． and 5、 in a 一、 sequence: the tables read the same; the
# numbering is what a careful reader flags (O103)
VARIANTS["四． and 5、"] = V2021.changed(
    "四、政府信息公开行政复议", "四．政府信息公开行政复议", findings=frozenset({"O103"})
).changed("五、存在的主要问题", "5、存在的主要问题")
# §9.2 (R-HY22): 现行有效件数 left blank for 规章
VARIANTS["现行有效 blank"] = V2021.changed(
    "规章\t0\t0\t3",
    "规章\t0\t0\t",
    cells={("disclosure", "regulations", "in_force"): ValueKind.BLANK},
    # flattened, the blank vanishes: 0 0 for three cells is not decidable
    undecided={
        layout: frozenset(
            ("disclosure", "regulations", c) for c in ("issued", "repealed", "in_force")
        )
        for layout in ("one_line", "glued")
    },
    findings=frozenset({"V101"}),
)
# §9.2 (R-HY22): a prose summary of table 三 before the table, agreeing with it
VARIANTS["prose summary of table 三"] = V2021.changed(
    "三、收到和处理政府信息公开申请情况\n",
    "三、收到和处理政府信息公开申请情况\n"
    "2022年，本机关共收到政府信息公开申请16件，上年结转1件，办结16件，结转下年度继续办理1件。\n",
)
# design.md: a report whose numbers do not add up is read as written and flagged: 一's 总计
# printed 17 (12 + 3 + 1 is 16, and 一 + 二 is then 18 against （七） + 四 = 17)
VARIANTS["numbers that do not add up"] = V2021.changed(
    f"一、本年新收政府信息公开申请数量\t\t\t{_cells('new_received')}",
    "一、本年新收政府信息公开申请数量\t\t\t12\t3\t0\t0\t1\t0\t17",
    cells={("applications", "new_received", "total"): 17},
    # glued, 123001017 has no cut that adds up: the row is not read (never cut to fit)
    undecided={"glued": frozenset(("applications", "new_received", c) for c in _COLUMNS)},
    findings=frozenset({"A101", "A103"}),
)


# §9.2 (R-CC22): blank organisation cells, 0 written only in 自然人 and 总计.  Flattened, the
# blanks vanish and a row 12 3 1 16 no longer says which organisation column holds 3 and 1
def _blank_organisations(row: str) -> str:
    values = _T3.get(row, _ZERO)
    return "\t".join(str(v) if i in (0, 6) or v else "" for i, v in enumerate(values))


_ORGANISATIONS = _COLUMNS[1:6]
VARIANTS["blank organisation cells"] = attrs.evolve(
    V2021,
    text=_text_2021(_blank_organisations),
    cells={
        **V2021.cells,
        **{
            ("applications", r, c): ValueKind.BLANK
            for r in _ROWS_2021
            for i, c in enumerate(_COLUMNS)
            if c in _ORGANISATIONS and not _T3.get(r, _ZERO)[i]
        },
    },
    undecided={
        layout: frozenset(k for k in V2021.cells if k[0] == "applications")
        | (_GLUED_T2_2021 if layout == "glued" else frozenset())
        for layout in ("one_line", "glued")
    },
    # the blank cells, and the sums that hold only with them as 0 (info, rules.md)
    findings=frozenset({"V101", "A101", "A102", "A103"}),
)


# §6.3 (S000): the head spaced with U+3000, values padded with it, 其中 rows indented
VARIANTS["统　计　指　标"] = (
    VLEGACY.changed("统计指标\t单位\t统计数", "统　计　指　标\t单　位\t统计数")
    .changed("\t条\t60", "\t条\t　60")
    .changed("其中：主动公开规范性文件数", "　其中：主动公开规范性文件数")
)
# §6.6 (定西 2008): 指标名称 / 计量单位 / 代码 / 本期实际 / 本年累计
_DINGXI = [
    "指标名称\t计量单位\t代码\t本期实际\t本年累计",
    "主动公开信息数\t条\t01\t425\t1516",
    "申请总数\t件\t02\t12\t40",
    "对申请的答复总数\t件\t03\t11\t39",
    "行政复议数\t件\t04\t1\t2",
    "行政诉讼数\t件\t05\t0\t1",
    "行政申诉数\t件\t06\t3\t5",
]
_DINGXI_CELLS: dict[Key, Expected] = {
    **_TWO_COLUMN_CELLS,
    ("legacy", "complaints", "value"): 3,
    ("legacy", "complaints", "cumulative"): 5,
}
VARIANTS["代码/本期实际/本年累计"] = attrs.evolve(
    VLEGACY,
    text=_join(_LEGACY_HEAD, _DINGXI),
    cells=_DINGXI_CELLS,
    undecided={"glued": frozenset(_DINGXI_CELLS)},  # 主动公开信息数条014251516
)


# issue 15 item 7, design.md: tables missing, the outline and the year still tell the format;
# tables 三 and 四 stated in sentences, table 二 only pointed to (a careful reader flags that
# one as missing: O104)
VARIANTS["tables missing"] = attrs.evolve(
    V2019,
    text=_join(
        [_TITLE_2019, *_HEAD_2021[1:]],
        ["本年度主动公开政府信息情况详见门户网站。"],
        ["三、收到和处理政府信息公开申请情况", "本年度未收到政府信息公开申请。"],
        ["四、政府信息公开行政复议、行政诉讼情况", "本年度未发生行政复议和行政诉讼。"],
        _TAIL,
    ).replace("2022年，", "2020年，"),
    cells={},
    undecided={},
    findings=frozenset({"O104"}),
)
# a report on 2016 without its 统计表: legacy by its year
VARIANTS["legacy report without its table"] = attrs.evolve(
    VLEGACY, text=_join(_LEGACY_HEAD[:-1]), cells={}
)


# thousands separators in table 二 (S001 prints 行政许可's 处理决定数量 1440): one number in a
# column of its own; glued after a signed change (增31,440) it may be 增3 1,440 or 增31 ,440
_LICENSE_2019 = ("disclosure", "admin_license", "decisions")
for _sep in (",", "，"):
    VARIANTS[f"1{_sep}200 in table 二"] = V2021.changed(
        "行政许可\t120",
        f"行政许可\t1{_sep}200",
        cells={("disclosure", "admin_license", "decisions"): 1200},
    )
    VARIANTS[f"1{_sep}440 in table 二 (2019)"] = V2019.changed(
        "行政许可\t56\t增3\t120",
        f"行政许可\t56\t增3\t1{_sep}440",
        cells={_LICENSE_2019: 1440},
    )


# thousands separators in table 四 and in the 统计表.  Table 四 glued
# (…总计1,0010011,0020100…) leaves its cells to a search the grouping does not settle
_REVIEW_BIG = {("reviews", "review", "upheld"): 1001, ("reviews", "review", "total"): 1002}
for _sep in (",", "，"):
    VARIANTS[f"1{_sep}002 in table 四"] = V2021.changed(
        "1\t0\t0\t1\t2\t0\t1",
        f"1{_sep}001\t0\t0\t1\t1{_sep}002\t0\t1",
        cells=_REVIEW_BIG,
        undecided={"glued": frozenset(k for k in V2021.cells if k[0] == "reviews")},
    )
    # glued, the run of table 四 stops at its first comma that groups no thousands there
    # (1,001 then 0011,002…): the table is not found (O104), where it is there with its
    # cells missing (O105)
    VARIANTS[f"1{_sep}002 in table 四"] = attrs.evolve(
        VARIANTS[f"1{_sep}002 in table 四"], findings_left={"glued": frozenset({"O104"})}
    )
    VARIANTS[f"1{_sep}060 in the 统计表"] = VLEGACY.changed(
        "\t条\t60", f"\t条\t1{_sep}060", cells={("legacy", "proactive_total", "value"): 1060}
    )


# §9.1 (S001): empty cells written as U+00A0 or U+3000 (blank, not missing, not 0)
def _blank_organisations_as(space: str) -> Callable[[str], str]:
    def cells(row: str) -> str:
        return (
            _blank_organisations(row)
            .replace("\t\t", f"\t{space}\t")
            .replace("\t\t", f"\t{space}\t")
        )

    return cells


for _name, _space in (("U+00A0 empty cells", "\u00a0"), ("U+3000 empty cells", "\u3000")):
    VARIANTS[_name] = attrs.evolve(
        VARIANTS["blank organisation cells"], text=_text_2021(_blank_organisations_as(_space))
    )
# §9.1 (S004, S003): [bookmark: _GoBack] glued to a heading, a page number after the
# signature, the title wrapped with the year spaced out (铜官区住建局 2023 年… / 工作年度报告)
VARIANTS["S004 noise, S003 title"] = (
    V2021.changed(
        "四、政府信息公开行政复议、行政诉讼情况",
        "四、政府信息公开行政复议、行政诉讼情况[bookmark: _GoBack]",
    )
    .changed("2023年1月20日\n", "2023年1月20日\n1\n")
    .changed(_TITLE_2021, "某市某局 2022 年政府信息公开\n工作年度报告")
)


# §9.2 (R-XX19): the empty 2019 template published as the report: table 三's labels with
# blank cells, one 0 (一's 自然人).  Flattened, the one 0 could be any cell of any row
def _template_cells(row: str) -> str:
    return "\t".join(["0" if row == "new_received" else ""] + [""] * 6)


_T3_TEMPLATE = _t3_cells(_ROWS_2019, {})
VARIANTS["R-XX19 empty template"] = attrs.evolve(
    V2019,
    text=_join(
        [_TITLE_2019, *_HEAD_2021[1:]],
        _T2_2019,
        _T3_HEAD,
        [
            *_t3_rows_2021(_template_cells)[
                : next(i for i, r in enumerate(_T3_ROWS_2021) if "（六）" in r)
            ],
            f"\t（六）其他处理\t\t{_template_cells('other')}",
            f"\t（七）总计\t\t{_template_cells('total_processed')}",
            f"四、结转下年度继续办理\t\t\t{_template_cells('carried_forward')}",
        ],
        _T4,
        _TAIL,
    ).replace("2022年，", "2020年，"),
    cells={
        **{k: v for k, v in V2019.cells.items() if k[0] != "applications"},
        **dict.fromkeys(_T3_TEMPLATE, ValueKind.BLANK),
        ("applications", "new_received", "natural_person"): 0,
    },
    undecided={
        "one_line": frozenset(_T3_TEMPLATE),
        "glued": frozenset(_T3_TEMPLATE) | _GLUED_T2_2019,
    },
    # the blank cells, and the sums that hold only with them as 0 (info)
    findings=frozenset({"V101", "A101", "A103"}),
    # flattened, a table 三 of labels and one 0 is not taken for a table (O104), where it is
    # there with its cells blank
    findings_left={"one_line": frozenset({"O104"}), "glued": frozenset({"O104"})},
)


# ------------------------------------------------------------------ the tests


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("name", list(VARIANTS))
def test_a_documented_variant_is_read_as_written(name: str, layout: str) -> None:
    """Every cell the text states is read, as written (or, where the layout made it
    undecidable, not at all); nothing is read that it does not state; era and year are the
    text's; the findings are those a careful reader raises."""
    _assert_reads(VARIANTS[name], layout)


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_tables_replaced_by_a_sentence_are_statements_not_zeros(layout: str) -> None:
    report = _assert_reads(VARIANTS["tables replaced by a sentence"], layout)
    assert report.applications is None and report.reviews is None
    assert {s.table for s in report.statements} == {"applications", "reviews"}


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_an_extra_row_is_no_row_of_the_form(layout: str) -> None:
    """其他主动公开文件 17 17 41 (R-WH20) gives its numbers to no row of the form."""
    report = _assert_reads(VARIANTS["其他主动公开文件"], layout)
    assert report.disclosure is not None
    numbers = {c.value.number for c in report.disclosure.cells}
    assert not numbers & {17, 41}


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("separator", [",", "，"])
def test_thousands_separators_are_read_as_one_number(separator: str, layout: str) -> None:
    report = _assert_reads(VARIANTS["1" + separator + "234"], layout)
    table = report.applications
    assert table is not None
    cell = table.cell("new_received", "natural_person")
    if layout != "glued":
        assert cell is not None and cell.number == 1234
        assert cell.raw.strip() == "1" + separator + "234"


def test_a_grouping_that_is_not_one_leaves_the_cells_missing() -> None:
    """``1,23`` is no grouping of thousands, ``12,3456`` neither: the row is not read (and
    never as 1 and 23, or 123)."""
    for bad in ("1,23", "12,3456"):
        text = BASE_2021.replace("12\t3\t0\t0\t1\t0\t16", f"{bad}\t3\t0\t0\t1\t0\t16", 1)
        for rewrite in LAYOUTS.values():
            table = parse(rewrite(text)).applications
            assert table is not None
            row = table.row("new_received")
            assert row.get("natural_person") is None or not row["natural_person"].is_number
            assert all(
                v.number in (None, 3, 0, 1, 16) for k, v in row.items() if k != "natural_person"
            )


def test_a_grouped_number_in_a_row_that_does_not_add_up_is_not_read_from_a_flat_page() -> None:
    """``1,234 3 0 0 1 0 1,239``: the comma may part two cells as well as group thousands,
    and the row's 总计 does not settle it (1234 + 3 + 1 is not 1239): on a page whose cells
    are only spaced, the row stays unread.  Its tab-separated cells say where each ends."""
    text = VARIANTS["1,234"].text.replace("1,238", "1,239", 1)
    table = parse(_one_line(text)).applications
    assert table is not None
    assert table.row("new_received") == {}
    tab = parse(text).applications
    assert tab is not None
    assert tab.row("new_received")["total"].number == 1239


def test_a_row_wrapped_onto_a_line_of_values_reads_with_its_rest() -> None:
    """Copied out of a PDF, a row of table 三 wraps after its fifth value (the two blank
    cells of its label's span before the values): ``一、…⇥⇥⇥12⇥3⇥0⇥0⇥1`` then ``0⇥17``.
    The blank cells are the span's; the row is 12 3 0 0 1 0 17 — even where it does not add
    up (17), so that no identity can repair a misreading."""
    row = "一、本年新收政府信息公开申请数量\t\t\t12\t3\t0\t0\t1\t0\t17"
    text = VARIANTS["numbers that do not add up"].text
    assert row in text
    report = parse(text.replace(row, row.replace("\t1\t0\t17", "\t1\n0\t17")))
    table = report.applications
    assert table is not None
    got = table.row("new_received")
    assert [got[c].number for c in _COLUMNS] == [12, 3, 0, 0, 1, 0, 17]


@pytest.mark.parametrize("variant", ["本年度/历年累计", "代码/本期实际/本年累计"])
def test_a_legacy_head_a_cell_a_line_places_the_values_by_its_columns(variant: str) -> None:
    """The head and every cell on a line of its own (text copied out of a PDF table): the
    head's value columns still say which value is which, and a value is never read into
    another column (the year's value as the cumulative one, a 代码 as the value)."""
    text = VARIANTS[variant].text
    lines = [cell for line in text.split("\n") for cell in line.split("\t")]
    report = parse("\n".join(lines))
    assert report.legacy is not None
    got = _read(report)
    wrong = {k: (got[k], want) for k, want in VARIANTS[variant].cells.items()
             if k in got and got[k] != want}  # fmt: skip
    assert wrong == {}
    assert got.get(("legacy", "proactive_total", "value")) in (None, 425)


def test_a_row_that_lost_its_last_value_to_a_line_of_its_own_is_not_read_short() -> None:
    """``二、…⇥⇥⇥1⇥0⇥0⇥0⇥0⇥0`` then ``1`` alone on the next line (wrapped, or a page
    number: the line does not say).  The other rows show that their label's span leaves two
    blank cells before the values, so the row has six values for seven columns: it is read
    (from the text's stream) as 1 0 0 0 0 0 1, or not at all — never with a span cell as a
    blank 自然人 and every value a column off."""
    row = "二、上年结转政府信息公开申请数量\t\t\t1\t0\t0\t0\t0\t0\t1"
    text = VARIANTS["numbers that do not add up"].text
    assert row in text
    report = parse(text.replace(row, row[: -len("\t1")] + "\n1"))
    table = report.applications
    assert table is not None
    got = table.row("carried_over")
    assert got == {} or [got[c].number for c in _COLUMNS] == [1, 0, 0, 0, 0, 0, 1]
    assert [table.row("new_received")[c].number for c in _COLUMNS] == [12, 3, 0, 0, 1, 0, 17]


def test_a_code_glued_to_its_values_leaves_the_row_missing_and_says_why() -> None:
    """定西's rows glued (主动公开信息数条014251516): the code and the two values cannot be
    told apart; each row is missing, for that reason, and no number is read."""
    report = parse(_glued(VARIANTS["代码/本期实际/本年累计"].text))
    assert report.legacy is not None
    assert not [r for r in report.legacy.rows if r.value.is_number]
    reasons = {m.reason for m in report.legacy.missing}
    assert reasons == {"glued digits: the row's 代码 and values ran together"}


def test_r_sh19_value_cells_misaligned_with_their_heads_are_read_by_order() -> None:
    """format-spec §5.2: in R-SH19's HTML the values of 第（五）项 carry other colspans than
    their heads (head: 上一年项目数量 ×1, 本年增/减 ×2; data: the first value ×2, the second
    ×1): the values are read by their order in the block, not by grid position."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from layout_variants import html_page

    page = html_page(V2019.text)
    for old, new in (
        ("<td>第二十条第（五）项</td><td></td><td></td><td></td>",
         '<td colspan="5">第二十条第（五）项</td>'),
        ("<td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr><tr><td>行政许可",
         '<td>上一年项目数量</td><td colspan="2">本年增/减</td><td>处理决定数量</td></tr>'
         "<tr><td>行政许可"),
        ("<td>行政许可</td><td>56</td>", '<td>行政许可</td><td colspan="2">56</td>'),
        ("<td>其他对外管理服务事项</td><td>8</td>", '<td>其他对外管理服务事项</td><td colspan="2">8</td>'),
    ):  # fmt: skip
        assert old in page, old
        page = page.replace(old, new, 1)
    report = parse(page.encode("utf-8"))
    assert report.era is Era.V2019 and report.metadata.year == 2020
    assert _read(report) == V2019.cells
