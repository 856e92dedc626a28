"""The outline of a report run together on one line (scraped pages): where sections start."""

from __future__ import annotations

from opengov_report import parse_document

_REST = (
    "二、主动公开政府信息情况 本年度主动公开信息12条。三、收到和处理政府信息公开申请情况 "
    "本年度未收到申请。四、政府信息公开行政复议、行政诉讼情况 无。五、存在的主要问题及改进情况 "
    "公开质量有待提高。六、其他需要报告的事项 无。"
)


def _level_one(text: str) -> list[str]:
    doc = parse_document(text)
    return [s.heading.numbering.text + s.title[:4] for s in doc.sections() if s.level == 1]


def test_a_section_after_a_colon_starts_a_section() -> None:
    text = "根据《条例》要求，特编制此报告：一、总体情况 本年度工作有序推进。" + _REST
    assert _level_one(text)[:2] == ["一、总体情况", "二、主动公开"]


def test_the_first_section_after_unpunctuated_text_starts_a_section() -> None:
    text = "如有疑问请联系本局办公室（电话：0591-1234567）一、总体情况 本年度工作有序推进。" + _REST
    assert _level_one(text)[:2] == ["一、总体情况", "二、主动公开"]


def test_a_section_run_into_its_table_ends_at_its_section_word() -> None:
    review = (
        "四、政府信息公开行政复议、行政诉讼情况行政复议 行政诉讼 结果维持 结果纠正 其他结果 "
        "尚未审结 总计 未经复议直接起诉 复议后起诉 " + "0 " * 15
    )
    text = (
        "一、总体情况 本年度工作有序推进。二、主动公开政府信息情况 本年度主动公开信息12条。"
        "三、收到和处理政府信息公开申请情况 本年度未收到申请。"
        + review
        + "五、存在的主要问题及改进情况 "
        "公开质量有待提高。六、其他需要报告的事项 无。"
    )
    doc = parse_document(text)
    four = [s for s in doc.sections() if s.heading.numbering.text == "四、"]
    assert [s.title for s in four] == ["政府信息公开行政复议、行政诉讼情况"]


def test_a_subsection_titled_by_its_field_ends_at_fangmian() -> None:
    # （一）主动公开方面 then a long first sentence: the title is the field
    text = (
        "一、总体情况 本年度工作有序推进。（一）主动公开方面 本区切实落实国务院办公厅、省政府办公厅关于"
        "政务公开工作的有关要求，持续推进基础信息公开，深化重点领域信息公开，全年共主动公开政府信息"
        "14571条。（二）依申请公开方面 全年收到申请75件。" + _REST
    )
    doc = parse_document(text)
    titles = [s.title for s in doc.sections() if s.heading.numbering.text.startswith("（")]
    assert titles == ["主动公开方面", "依申请公开方面"]
