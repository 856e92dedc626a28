"""Outlines of real reports whose headings run into their text (hebei crawler cells: a whole
report on one line, paragraphs opened by U+3000), read by eye from the corpus texts."""

from __future__ import annotations

from opengov_report import check, parse, parse_document
from tests.conftest import CORPUS


def _numberings(name: str) -> list[str]:
    doc = parse_document(CORPUS / "hebei" / name)
    return [h.numbering.text for h in doc.headings()]


def test_a_heading_whose_text_opens_with_a_year_is_a_heading() -> None:
    # hebei/001: …出国（境）培训。三、围绕社会重大关切加强政策解读舆情回应2018年围绕人社工作重点…
    assert [n for n in _numberings("001_rst_2018.txt") if n.endswith("、")] == [
        "一、", "二、", "三、", "四、", "五、", "六、",
    ]  # fmt: skip
    report = parse(CORPUS / "hebei" / "001_rst_2018.txt")
    assert [f for f in check(report) if f.code == "O103"] == []


def test_a_paren_heading_followed_by_ideographic_spaces_and_a_year() -> None:
    # hebei/004: 一、概述 … （一）进一步完善制度机制建设　　2017年以来，我厅印发了…
    numberings = _numberings("004_kjt_2017.txt")
    assert numberings[:4] == ["一、", "（一）", "（二）", "（三）"]
    report = parse(CORPUS / "hebei" / "004_kjt_2017.txt")
    assert [f for f in check(report) if f.code == "O103"] == []


def test_an_official_section_after_lost_ones_is_a_heading() -> None:
    # hebei/003: the crawler lost 四 and 五; …增强政策解读的针对性和实效性。六、其他需要报告的事项…
    assert [n for n in _numberings("003_rst_2022.txt") if n.endswith("、")] == [
        "一、", "二、", "三、", "六、",
    ]  # fmt: skip
    report = parse(CORPUS / "hebei" / "003_rst_2022.txt")
    missing = [f.message for f in check(report) if f.code == "O101"]
    assert len(missing) == 2 and not any("六、" in m for m in missing)


def test_table_rows_of_a_pdf_copied_as_text_are_no_headings() -> None:
    """pdf/001 as pdftotext prints it: table 三's labels one piece a line, its values
    elsewhere (（三）不 / 予公开 …); the outline is the report's six sections and the five
    of 一、总体情况, and table 三 is one table block of section 三."""
    doc = parse_document(CORPUS / "pdf" / "001_huaian_2024.pdftotext.txt")
    assert [h.numbering.text for h in doc.headings()] == [
        "一、", "（一）", "（二）", "（三）", "（四）", "（五）",
        "二、", "三、", "四、", "五、", "六、",
    ]  # fmt: skip
    section = doc.find_section("收到和处理政府信息公开申请情况")
    assert section is not None
    assert len(section.tables) == 1 and not section.sections


def test_a_report_run_onto_one_line_after_a_header_of_many_lines() -> None:
    """pingtan/032: the crawler's header takes ten lines, the report one line of 1,946
    characters holding its six sections (…电话：0591-86175957。一、总体情况2024年，…); it is
    cut at its headings as a one-line page is."""
    doc = parse_document(CORPUS / "pingtan" / "032_shehuishiyeju_2024.txt")
    top = [h.numbering.text + h.title for h in doc.headings() if h.level == 1]
    assert top == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政法复议、行政诉讼情况",  # 行政法复议: the report's own typo
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]


def test_table_two_run_into_the_prose_before_it_starts_a_block() -> None:
    """pingtan/026: …主动公开的政府信息占41.5%。 第二十条第（一）项信息内容本年制发件数…: table
    二's first caption starts a block of its own, not the end of the paragraph before it."""
    doc = parse_document(CORPUS / "pingtan" / "026_caizhengju_2021.txt")
    texts = [block.text for block in doc.leaves()]
    assert any(t.startswith("第二十条第（一）项信息内容本年制发件数") for t in texts)
    assert not any("占41.5%。" in t and "第二十条" in t for t in texts)
