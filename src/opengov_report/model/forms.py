"""The official forms as data: tables 二, 三 and 四 of the 2019 and 2021 forms and the legacy
统计表: rows in order, their numbering, labels and known variants, columns, units and the
identities between cells.

This is the declarative description that recognition aligns with the text (see
:mod:`opengov_report.recognize.stream` and :mod:`opengov_report.recognize.labels`), and that
checks, rendering and the strategies read their labels and row orders from; it holds facts of
the forms (国办公开办函〔2019〕60号 and 〔2021〕30号, 国办发〔2014〕32号, see docs/format-spec.md
§4–§6), never matching code.  Labels are written as the forms print them; readers fold width,
spacing and quotes themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

__all__ = [
    "APPLICANT_COLUMNS",
    "APPLICANT_COLUMN_LABELS",
    "APPLICANT_HEAD_LABELS",
    "APPLICATION_COLUMN_IDENTITIES",
    "APPLICATION_FORM",
    "APPLICATION_GROUP_TEXT",
    "APPLICATION_ROW_TEXT",
    "DISCLOSURE_BLOCK_CAPTION",
    "DISCLOSURE_COLUMN_LABELS",
    "DISCLOSURE_COLUMN_VARIANTS",
    "DISCLOSURE_FORM",
    "DISCLOSURE_ROW_LABELS",
    "DISCLOSURE_ROW_LABELS_BY_FORMAT",
    "LEGACY_FORM",
    "LEGACY_INDICATOR_LABELS",
    "LEGACY_INDICATOR_VARIANTS",
    "LEGACY_UNITS",
    "REPORT_OUTLINE",
    "REVIEW_COLUMNS",
    "REVIEW_COLUMNS_FLAT",
    "REVIEW_COLUMN_LABELS",
    "REVIEW_FORM_HEAD",
    "REVIEW_GROUPS",
    "REVIEW_GROUP_LABELS",
    "REVIEW_GROUP_SUMS",
    "REVIEW_GROUP_TOTAL",
    "ROW_SUMS_APPLICATIONS",
    "FormRow",
    "LegacyIndicator",
    "applicant_result_rows",
    "application_rows",
]


#: the six sections of the 2019 and 2021 outlines, in order: (official title with its
#: numbering, words that identify a section whose wording varies); format-spec §4.1, §5.1
REPORT_OUTLINE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("一、总体情况", ("总体情况", "概述", "基本情况", "总体")),
    ("二、主动公开政府信息情况", ("主动公开",)),
    ("三、收到和处理政府信息公开申请情况", ("申请",)),
    ("四、政府信息公开行政复议、行政诉讼情况", ("复议", "诉讼")),
    ("五、存在的主要问题及改进情况", ("问题", "改进", "不足")),
    ("六、其他需要报告的事项", ("其他需要报告", "其他事项", "需要报告")),
)


@attrs.frozen(slots=True)
class FormRow:
    """A row of a form's table as printed: ``id`` (the model's row id; a group that holds no
    values starts with ``@``), its ``numbering`` (``一、``, ``（一）``, ``1.``), the label
    and its known variants (the official wording first), and which formats print it
    (``"2019"``, ``"2021"``)."""

    id: str
    numbering: str
    labels: tuple[str, ...]
    formats: frozenset[str] = frozenset({"2019", "2021"})

    @property
    def is_group(self) -> bool:
        """A group heading of the table (三、本年度办理结果, （三）不予公开 …): no values."""
        return self.id.startswith("@")


_BOTH = frozenset({"2019", "2021"})
_2019 = frozenset({"2019"})
_2021 = frozenset({"2021"})

#: 三、收到和处理政府信息公开申请情况: every row in printed order.  （六）其他处理 is a row with
#: values in the 2019 form and a group of three sub-rows in the 2021 form.
APPLICATION_FORM: tuple[FormRow, ...] = (
    FormRow("new_received", "一、", ("本年新收政府信息公开申请数量", "本年新收申请数量",
                                     "新收政府信息公开申请数量")),
    FormRow("carried_over", "二、", ("上年结转政府信息公开申请数量", "上年结转申请数量")),
    FormRow("@results", "三、", ("本年度办理结果",)),
    FormRow("granted", "（一）", ("予以公开",)),
    FormRow("partially_granted", "（二）", (
        "部分公开（区分处理的，只计这一情形，不计其他情形）",
        "部分公开（区分处理的，只计这一情况，不计其他情形）",
        "部分公开",
    )),
    FormRow("@denied", "（三）", ("不予公开",)),
    FormRow("denied.state_secret", "1.", ("属于国家秘密",)),
    FormRow("denied.law_forbidden", "2.", ("其他法律行政法规禁止公开",)),
    FormRow("denied.safety_stability", "3.", ("危及“三安全一稳定”", "危及三安全一稳定")),
    FormRow("denied.third_party_rights", "4.", ("保护第三方合法权益",)),
    FormRow("denied.internal_affairs", "5.", ("属于三类内部事务信息", "属于三类内容事务信息")),
    FormRow("denied.process_info", "6.", ("属于四类过程性信息",)),
    FormRow("denied.enforcement_case", "7.", ("属于行政执法案卷",)),
    FormRow("denied.admin_query", "8.", ("属于行政查询事项",)),
    FormRow("@unable", "（四）", ("无法提供",)),
    FormRow("unable.no_info", "1.", ("本机关不掌握相关政府信息",)),
    FormRow("unable.need_creation", "2.", ("没有现成信息需要另行制作", "没有现成信息需要")),
    FormRow("unable.unclear", "3.", ("补正后申请内容仍不明确",)),
    FormRow("@not_processed", "（五）", ("不予处理",)),
    FormRow("not_processed.complaint", "1.", ("信访举报投诉类申请",)),
    FormRow("not_processed.repeat", "2.", ("重复申请",)),
    FormRow("not_processed.publication", "3.", ("要求提供公开出版物",)),
    FormRow("not_processed.massive_requests", "4.", ("无正当理由大量反复申请",)),
    FormRow("not_processed.confirm_info", "5.", ("要求行政机关确认或重新出具已获取信息",)),
    FormRow("other", "（六）", ("其他处理",)),
    FormRow("other.overdue_correction", "1.", (
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "申请人无正当理由逾期不补正",
    ), _2021),
    FormRow("other.overdue_fee", "2.", (
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "申请人逾期未按收费通知要求缴纳费用",
    ), _2021),
    FormRow("other.other_reasons", "3.", ("其他",), _2021),
    FormRow("total_processed", "（七）", ("总计", "合计")),
    FormRow("carried_forward", "四、", ("结转下年度继续办理", "结转下年度继续办理申请数量")),
)  # fmt: skip

#: the applicant columns of table 三, in printed order: 自然人, the five 法人或其他组织
#: columns, 总计
APPLICANT_COLUMNS: tuple[str, ...] = (
    "natural_person", "commercial_enterprise", "research_institution",
    "social_welfare_organization", "legal_service_organization", "other_organization", "total",
)  # fmt: skip

#: each row of table 三: 总计 (column 6) = the sum of columns 0–5 (STRUCTURAL: the column
#: is named 总计 over the applicant columns)
ROW_SUMS_APPLICATIONS: tuple[tuple[tuple[int, ...], int], ...] = (((0, 1, 2, 3, 4, 5), 6),)


def applicant_result_rows(fmt: str) -> tuple[str, ...]:
    """The rows that add up to （七）总计 in each column (OFFICIAL: （七） totals the results):
    （一）, （二）, the sub-rows of （三）–（五）, and （六） (2019) or its sub-rows (2021)."""
    out = []
    for row in APPLICATION_FORM:
        if row.is_group or fmt not in row.formats:
            continue
        if row.id in ("new_received", "carried_over", "total_processed", "carried_forward"):
            continue
        if fmt == "2021" and row.id == "other":
            continue
        out.append(row.id)
    return tuple(out)


#: table 三's identities in every column, as (left rows, right rows) whose sums are equal, the
#: stated total on the left: （七）总计 + 四 = 一 + 二 (OFFICIAL: what was received is processed
#: or carried forward), and （七）总计 = the sum of the results (:func:`applicant_result_rows`)
APPLICATION_COLUMN_IDENTITIES: Mapping[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = (
    MappingProxyType(
        {
            fmt: (
                (("total_processed", "carried_forward"), ("new_received", "carried_over")),
                (("total_processed",), applicant_result_rows(fmt)),
            )
            for fmt in ("2019", "2021")
        }
    )
)


#: 四、政府信息公开行政复议、行政诉讼情况: the head labels, any of which may open or continue
#: the flattened head before the fifteen values
REVIEW_FORM_HEAD: tuple[str, ...] = (
    "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正",
    "其他结果", "尚未审结", "总计", "维持", "纠正", "其他", "结果", "审结", "尚未",
)  # fmt: skip

#: the fifteen cells of table 四 in printed order: (group, column)
REVIEW_COLUMNS_FLAT: tuple[tuple[str, str], ...] = tuple(
    (group, column)
    for group in ("review", "litigation_direct", "litigation_after_review")
    for column in ("upheld", "corrected", "other", "pending", "total")
)

#: in each group of table 四, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (STRUCTURAL), as
#: (the total's column, the parts' columns)
REVIEW_GROUP_TOTAL: tuple[str, tuple[str, ...]] = (
    "total",
    ("upheld", "corrected", "other", "pending"),
)
#: the same identity over the fifteen cells in printed order (positions in
#: :data:`REVIEW_COLUMNS_FLAT`), as (parts, total) for each group: what a run of the fifteen
#: values must satisfy
REVIEW_GROUP_SUMS: tuple[tuple[tuple[int, ...], int], ...] = tuple(
    (
        tuple(REVIEW_COLUMNS_FLAT.index((group, c)) for c in REVIEW_GROUP_TOTAL[1]),
        REVIEW_COLUMNS_FLAT.index((group, REVIEW_GROUP_TOTAL[0])),
    )
    for group in ("review", "litigation_direct", "litigation_after_review")
)


#: 二、主动公开政府信息情况: each format's rows in printed order, with their labels (the
#: official one first) and columns (ids of the model; ``amount`` is money, in 万元 in the 2021
#: form, ``change`` a signed 本年增/减)
#: how each block of table 二 is captioned: the article of the 条例 it reports on
#: (第二十条第（一）项 信息内容 本年制发件数 …); format-spec §4.2, §5.2
DISCLOSURE_BLOCK_CAPTION = "第二十条第"

DISCLOSURE_FORM: dict[str, tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]] = {
    "2019": (
        ("regulations", ("规章",), ("new_made", "new_published", "total_published")),
        ("normative_documents", ("规范性文件", "行政规范性文件"),
         ("new_made", "new_published", "total_published")),
        ("admin_license", ("行政许可",), ("previous_items", "change", "decisions")),
        ("other_services", ("其他对外管理服务事项",), ("previous_items", "change", "decisions")),
        ("admin_penalty", ("行政处罚",), ("previous_items", "change", "decisions")),
        ("admin_enforcement", ("行政强制",), ("previous_items", "change", "decisions")),
        ("admin_fees", ("行政事业性收费",), ("previous_items", "change")),
        ("procurement", ("政府集中采购",), ("items", "amount")),
    ),
    "2021": (
        ("regulations", ("规章",), ("issued", "repealed", "in_force")),
        ("normative_documents", ("行政规范性文件", "规范性文件"),
         ("issued", "repealed", "in_force")),
        ("admin_license", ("行政许可",), ("decisions",)),
        ("admin_penalty", ("行政处罚",), ("decisions",)),
        ("admin_enforcement", ("行政强制",), ("decisions",)),
        ("admin_fees", ("行政事业性收费",), ("amount",)),
    ),
}  # fmt: skip


def application_rows(fmt: str) -> tuple[str, ...]:
    """The ids of table 三's rows that hold values in format ``fmt`` (``"2019"`` or
    ``"2021"``), in printed order: （六） is one row in 2019, three sub-rows in 2021."""
    return tuple(
        row.id
        for row in APPLICATION_FORM
        if not row.is_group and fmt in row.formats and not (fmt == "2021" and row.id == "other")
    )


#: each row of table 三 as the form prints it, with its numbering (一、本年新收…)
APPLICATION_ROW_TEXT: dict[str, str] = {
    row.id: row.numbering + row.labels[0] for row in APPLICATION_FORM if not row.is_group
}
#: the head labels of table 三's columns
APPLICANT_COLUMN_LABELS: dict[str, str] = {
    "natural_person": "自然人",
    "commercial_enterprise": "商业企业",
    "research_institution": "科研机构",
    "social_welfare_organization": "社会公益组织",
    "legal_service_organization": "法律服务机构",
    "other_organization": "其他",
    "total": "总计",
}
#: table 四's groups and result columns, with their labels
REVIEW_GROUP_LABELS: dict[str, str] = {
    "review": "行政复议",
    "litigation_direct": "未经复议直接起诉",
    "litigation_after_review": "复议后起诉",
}
REVIEW_COLUMN_LABELS: dict[str, str] = {
    "upheld": "结果维持",
    "corrected": "结果纠正",
    "other": "其他结果",
    "pending": "尚未审结",
    "total": "总计",
}
#: the groups of table 四 and its result columns, in printed order
REVIEW_GROUPS: tuple[str, ...] = tuple(REVIEW_GROUP_LABELS)
REVIEW_COLUMNS: tuple[str, ...] = tuple(REVIEW_COLUMN_LABELS)

#: each group of result rows that has numbered sub-rows (（三）不予公开 …), as the form prints it
#: with its numbering; ``other`` is （六）其他处理, a group in the 2021 form only
APPLICATION_GROUP_TEXT: Mapping[str, str] = MappingProxyType({
    group: row.numbering + row.labels[0]
    for row in APPLICATION_FORM
    for group in (row.id.lstrip("@"),)
    if any(sub.id.startswith(group + ".") for sub in APPLICATION_FORM)
})  # fmt: skip
#: every head label a table 三 may print, in printed order: the form's columns, and 小计
#: (``legal_entity_subtotal``, the 法人或其他组织 subtotal) where a report adds it before 总计
APPLICANT_HEAD_LABELS: Mapping[str, str] = MappingProxyType({
    **{k: v for k, v in APPLICANT_COLUMN_LABELS.items() if k != "total"},
    "legal_entity_subtotal": "小计",
    "total": APPLICANT_COLUMN_LABELS["total"],
})  # fmt: skip

#: table 二's rows with the labels each format prints (2019: 规范性文件; 2021: 行政规范性文件)
DISCLOSURE_ROW_LABELS_BY_FORMAT: Mapping[str, Mapping[str, str]] = MappingProxyType({
    fmt: MappingProxyType({row: names[0] for row, names, _ in rows})
    for fmt, rows in DISCLOSURE_FORM.items()
})  # fmt: skip
#: table 二's rows with their official labels, over both formats: the 2021 form's where it
#: prints the row (行政规范性文件; the 2019 form's 规范性文件 is a variant, see
#: :data:`DISCLOSURE_FORM`), the 2019 form's for the rows only it has (政府集中采购 …)
DISCLOSURE_ROW_LABELS: Mapping[str, str] = MappingProxyType({
    **DISCLOSURE_ROW_LABELS_BY_FORMAT["2019"], **DISCLOSURE_ROW_LABELS_BY_FORMAT["2021"],
})  # fmt: skip
#: table 二's columns with their official head labels (2021: 本年制发件数 …; 2019: 本年新制作数量 …)
DISCLOSURE_COLUMN_LABELS: Mapping[str, str] = MappingProxyType({
    "issued": "本年制发件数",
    "repealed": "本年废止件数",
    "in_force": "现行有效件数",
    "decisions": "本年处理决定数量",
    "amount": "本年收费金额（单位：万元）",
    "new_made": "本年新制作数量",
    "new_published": "本年新公开数量",
    "total_published": "对外公开总数量",
    "previous_items": "上一年项目数量",
    "change": "本年增/减",
    "items": "采购项目数量",
})  # fmt: skip
#: table 二's column heads as reports print them: the official label first, then the
#: variants and typos seen (format-spec §9, design.md: 本年度止件数 and 本年废纸件数 for
#: 本年废止件数, R-HY22's 现行有效件数 (历史累计), 本年度新制作数量 and 本年度公开数量 …)
DISCLOSURE_COLUMN_VARIANTS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "issued": ("本年制发件数", "本年度制发件数"),
    "repealed": ("本年废止件数", "本年度止件数", "本年废纸件数", "本年度废止件数"),
    "in_force": ("现行有效件数", "现行有效件数（历史累计）"),
    "decisions": ("本年处理决定数量", "处理决定数量", "本年度处理决定数量"),
    "amount": ("本年收费金额（单位：万元）", "本年收费金额", "采购总金额"),
    "new_made": ("本年新制作数量", "本年度新制作数量"),
    "new_published": ("本年新公开数量", "本年度公开数量", "本年度新公开数量"),
    "total_published": ("对外公开总数量",),
    "previous_items": ("上一年项目数量",),
    "change": ("本年增/减", "本年增减", "本年增／减"),
    "items": ("采购项目数量",),
})  # fmt: skip


# ------------------------------------------------------------------ legacy 统计表


@attrs.frozen(slots=True)
class LegacyIndicator:
    """A row of the legacy 统计表 (统计指标 / 单位 / 统计数): ``id`` (the model's row id: the
    well-known ids of :data:`LEGACY_INDICATOR_LABELS`, else the label without numbering, 其中
    and white space), the ``label`` as printed after its numbering, the ``unit`` (None: a
    section or group row, which holds no value) and the rows under it, in printed order.  A
    row's numbering is its depth (一、 → （一） → 1.) and place; a label that starts with
    其中 is a part of the row above and is not numbered."""

    id: str
    label: str
    unit: str | None
    children: tuple[LegacyIndicator, ...] = ()


_L = LegacyIndicator

#: the indicators of the national 《政府信息公开情况统计表》 (国办发〔2014〕32号, reports on
#: 2014–2018) that the library knows, in printed order (format-spec §6.3–§6.4: the 统计内容 is
#: that circular's; the rows are as reports print them, a subset of every variant seen)
LEGACY_FORM: tuple[LegacyIndicator, ...] = (
    _L("主动公开情况", "主动公开情况", None, (
        _L("proactive_total", "主动公开政府信息数", "条", (
            _L("主动公开规范性文件数", "其中：主动公开规范性文件数", "条"),
        )),
        _L("通过不同渠道和方式公开政府信息的情况", "通过不同渠道和方式公开政府信息的情况", None, (
            _L("政府网站公开政府信息数", "政府网站公开政府信息数", "条"),
            _L("政务微博公开政府信息数", "政务微博公开政府信息数", "条"),
            _L("政务微信公开政府信息数", "政务微信公开政府信息数", "条"),
        )),
    )),
    _L("回应解读情况", "回应解读情况", None, (
        _L("回应公众关注热点或重大舆情数", "回应公众关注热点或重大舆情数", "次"),
        _L("参加或举办新闻发布会总次数", "参加或举办新闻发布会总次数", "次"),
    )),
    _L("依申请公开情况", "依申请公开情况", None, (
        _L("applications_received", "收到申请数", "件", (
            _L("当面申请数", "当面申请数", "件"),
            _L("网络申请数", "网络申请数", "件"),
            _L("信函申请数", "信函申请数", "件"),
        )),
        _L("applications_closed", "申请办结数", "件", (
            _L("按时办结数", "按时办结数", "件"),
            _L("延期办结数", "延期办结数", "件"),
        )),
        _L("applications_answered", "申请答复数", "件", (
            _L("属于已主动公开范围数", "属于已主动公开范围数", "件"),
            _L("同意公开答复数", "同意公开答复数", "件"),
            _L("不同意公开答复数", "不同意公开答复数", "件"),
        )),
    )),
    _L("reviews", "行政复议数量", "件"),
    _L("litigations", "行政诉讼数量", "件"),
    _L("complaints", "举报投诉数量", "件"),
    _L("fees", "依申请公开信息收取的费用", "万元"),
    _L("机构建设和保障经费情况", "机构建设和保障经费情况", None, (
        _L("政府信息公开工作专门机构数", "政府信息公开工作专门机构数", "个"),
        _L("从事政府信息公开工作人员数", "从事政府信息公开工作人员数", "人"),
    )),
)  # fmt: skip

#: the well-known legacy indicators: their ids with the national form's label
LEGACY_INDICATOR_LABELS: Mapping[str, str] = MappingProxyType({
    "proactive_total": "主动公开政府信息数",
    "applications_received": "收到申请数",
    "applications_closed": "申请办结数",
    "applications_answered": "申请答复数",
    "reviews": "行政复议数量",
    "litigations": "行政诉讼数量",
    "complaints": "举报投诉数量",
    "fees": "依申请公开信息收取的费用",
})  # fmt: skip
#: the labels regional tables give the same indicators (定西 2008, 莆田 2009 and the Fujian
#: tables of 2009–2018: 指标名称 / 计量单位 / 年末统计 or 本年度 / 历年累计)
LEGACY_INDICATOR_VARIANTS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "proactive_total": ("主动公开信息数", "主动公开文件数"),
    "applications_received": (
        "受理依申请公开信息总数", "受理政府信息公开申请总数", "正式受理政府信息公开申请数",
        "申请总数",
    ),
    # 正式受理…申请数 其中：1．在办 件 2．办结 件 (the unit 件 cut off the label)
    "applications_closed": ("办结件", "办结"),
    "applications_answered": ("对申请的答复总数", "对申请的答复数"),
    "reviews": ("行政复议数", "受理政府信息公开工作行政复议数"),
    "litigations": ("行政诉讼数", "收到政府信息公开工作行政诉讼数"),
    # 行政申诉 (and 举报) is the complaints row of the regional tables; 接受行政诉讼、举报数 is
    # a typo of 接受行政申诉、举报数 seen in print (a separate 行政诉讼数 row follows it)
    "complaints": (
        "举报投诉数量", "被举报投诉数量", "行政申诉数", "行政申诉、举报数", "接受行政申诉、举报数",
        "接受行政诉讼、举报数",
    ),
})  # fmt: skip
#: the units a legacy table writes in its 单位 column (national and regional tables)
LEGACY_UNITS: frozenset[str] = frozenset([
    "条", "件", "个", "人", "人次", "次", "篇", "项", "万元", "元", "千元", "家", "起", "份",
    "期", "场", "批", "小时", "天", "%", "％", "户", "台", "套", "本", "册", "页",
])  # fmt: skip
