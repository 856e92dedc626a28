"""Rules O1xx: outline, numbering and table completeness."""

from __future__ import annotations

from opengov_report import Severity, check, parse

from .texts import report_text

_SECTIONS = (
    "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)  # fmt: skip


def _outline(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in check(parse(text), select=["O"])]


def test_o101_missing_section_and_wording_variants() -> None:
    assert _outline(report_text()) == []
    variant = (
        "一、信息公开工作总体情况", "二、主动公开政府信息情况", "三、依申请公开政府信息情况",
        "四、因政府信息公开申请行政复议、提起行政诉讼的情况",
        "五、政府信息公开工作存在的主要问题及改进措施", "六、其他需要报告的事项",
    )  # fmt: skip
    assert _outline(report_text(sections=variant)) == []
    without_six = _SECTIONS[:5]
    assert [c for c, _ in _outline(report_text(sections=without_six))] == ["O101"]
    found = check(parse(report_text(sections=without_six)), select=["O101"])
    assert "六、其他需要报告的事项" in found[0].message
    assert found[0].severity is Severity.WARNING


def test_o102_order() -> None:
    swapped = (_SECTIONS[0], _SECTIONS[1], _SECTIONS[2], _SECTIONS[3], _SECTIONS[5], _SECTIONS[4])
    renumbered = tuple(f"{'一二三四五六'[i]}、{t[2:]}" for i, t in enumerate(swapped))
    found = check(parse(report_text(sections=renumbered)), select=["O102"])
    assert [f.locations[0].label for f in found] == ["六、存在的主要问题及改进情况"]


def test_o103_numbering_slips() -> None:
    slipped = (*_SECTIONS[:3], "四．政府信息公开行政复议、行政诉讼情况", "5、存在的主要问题及改进情况",
               _SECTIONS[5])  # fmt: skip
    found = check(parse(report_text(sections=slipped)), select=["O103"])
    assert [f.locations[0].label for f in found] == [
        "四．政府信息公开行政复议、行政诉讼情况",
        "5、存在的主要问题及改进情况",
    ]
    skipped = (_SECTIONS[0], _SECTIONS[1], _SECTIONS[3])
    assert [c for c, _ in _outline(report_text(sections=skipped))].count("O103") == 1


def test_o104_table_missing_unless_stated_in_a_sentence() -> None:
    text = report_text()
    head, _, rest = text.partition("三、收到和处理政府信息公开申请情况\n")
    _, _, tail = rest.partition("四、政府信息公开行政复议")
    without = (
        head + "三、收到和处理政府信息公开申请情况\n情况见下。\n\n四、政府信息公开行政复议" + tail
    )
    found = check(parse(without), select=["O104"])
    assert [f.severity for f in found] == [Severity.WARNING]
    assert found[0].locations[0].label == "三、收到和处理政府信息公开申请情况"
    stated = without.replace("情况见下。", "本年度未收到政府信息公开申请。")
    assert check(parse(stated), select=["O104"]) == ()


def test_o105_lost_rows_and_o106_unknown_rows() -> None:
    text = report_text().replace("二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n", "")
    found = check(parse(text), select=["O105"])
    assert [(f.locations[1].row, f.severity) for f in found] == [("carried_over", Severity.WARNING)]
    assert "二、上年结转政府信息公开申请数量" in found[0].message
    # three cells that no reading of the row fits (3 + 1 is not 9): the row stays missing
    cut = report_text().replace("（一）予以公开\t3\t1\t0\t0\t0\t0\t4", "（一）予以公开\t3\t1\t9")
    found = check(parse(cut), select=["O105"])
    assert [f.locations[0].table for f in found] == ["applications"]
    assert [loc.column for loc in found[0].locations[1:]] == [
        "natural_person", "commercial_enterprise", "research_institution",
        "social_welfare_organization", "legal_service_organization", "other_organization",
        "total",
    ]  # fmt: skip
    extra = report_text().replace("（七）总计", "（八）行政申诉数\t1\t0\t0\t0\t0\t0\t1\n（七）总计")
    found = check(parse(extra), select=["O106"])
    assert [f.severity for f in found] == [Severity.INFO]
    assert found[0].line is not None
    assert "行政申诉数" in found[0].message


def test_a_glued_cell_left_uncut_is_reported_once() -> None:
    # corpus pingtan/012: 主动公开信息数 条 2111016 (two glued columns, more than one cut fits)
    from tests.conftest import CORPUS

    report = parse(CORPUS / "pingtan" / "012_gonganju_2015.txt")
    found = check(report, select=["O105", "V103"])
    assert [f.code for f in found] == ["O105", "O105"]
    assert "glued digits" in found[0].message


def test_table_row_labels_a_pdf_put_on_lines_of_their_own_are_no_headings() -> None:
    # corpus pdf/001's pdftotext: 5.要求行政机关确认或重新出 / 2、申请人逾期未按收费通知要 /
    # 3、其他 are rows of table 三, numbered, each on a line of its own
    from tests.conftest import CORPUS

    report = parse(CORPUS / "pdf" / "001_huaian_2024.pdftotext.txt")
    assert check(report, select=["O103"]) == ()
    # a real numbering slip in the outline is still reported
    text = report_text().replace("五、存在的主要问题", "七、存在的主要问题")
    assert {f.code for f in check(parse(text), select=["O103"])} == {"O103"}
