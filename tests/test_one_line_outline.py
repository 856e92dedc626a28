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
