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


def test_table_two_run_into_prose_is_a_table_block_ended_by_the_heading_glued_to_it() -> None:
    """pingtan/026, 030, 034: table 二 between two sentences of section 二's （一）, the next
    heading glued to its last value (…行政事业性收费7816 (二)主动公开政府信息的主要类别 2021年，…
    and …行政事业性收费5949.09(二)…): the table is a table block, (二) and (三) are headings
    of their own, titled as printed, and the amount keeps its decimals in one cell."""
    for name, fee in (
        ("026_caizhengju_2021.txt", "7816"),
        ("030_caizhengju_2023.txt", "5949.09"),
        ("034_caizhengju_2025.txt", "4166.214619"),
    ):
        doc = parse_document(CORPUS / "pingtan" / name)
        section = doc.find_section("主动公开政府信息情况")
        assert section is not None, name
        titles = [s.heading.numbering.text + s.title for s in section.sections]
        assert titles[:3] == [
            "(一)主动公开政府信息的数量",
            "(二)主动公开政府信息的主要类别",
            "(三)主动公开政府信息的主要形式",
        ], name
        (table,) = section.sections[0].tables
        assert table.text.startswith("第二十条第（一）项信息内容本年制发件数"), name
        assert table.text.rstrip().endswith("行政事业性收费" + fee), name
        assert any(cell.text == fee for row in table.rows for cell in row.cells), name


def test_a_heading_title_ends_before_a_list_or_a_sentence_run_into_it() -> None:
    """pingtan/019: （三）主动公开政府信息的主要形式1.门户网站在…; pingtan/021:
    （一）存在的主要问题2019年，我局…; pingtan/010: 二、存在问题及下一步工作计划 目前，我区…"""
    cases = {
        "019_caizhengju_2019.txt": "（三）主动公开政府信息的主要形式",
        "021_junshan_2019.txt": "（一）存在的主要问题",
        "010_shiyanqu_2014.txt": "二、存在问题及下一步工作计划",
    }
    for name, heading in cases.items():
        doc = parse_document(CORPUS / "pingtan" / name)
        assert heading in [h.numbering.text + h.title for h in doc.headings()], name


def test_a_comma_inside_a_row_label_s_note_does_not_make_it_a_heading() -> None:
    """pingtan/025: （二）部分公开（区分处理的，只计这一情形，不计其他情形）4000004（三）不予公开
    1.属于国家秘密0000000…: table 三's rows, glued; the commas are the note's, no heading."""
    doc = parse_document(CORPUS / "pingtan" / "025_ziranziyuanju_2020.txt")
    assert not any(h.title.startswith("部分公开") for h in doc.headings())


def test_table_four_s_head_and_spaced_values_on_one_line_are_a_table_block() -> None:
    """pingtan/029: 行政复议 行政诉讼 结果维持结果纠正其他结果尚未审结总计 未经复议直接起诉 复议后起诉
    …总计 0 1 1 0 2 1 0 0 0 1 0 0 0 0 0 五、存在的主要问题…: one line holding table 四's head
    and its fifteen values is the table, a block of section 四, not a paragraph."""
    doc = parse_document(CORPUS / "pingtan" / "029_shiyanqu_2022.txt")
    section = doc.find_section("政府信息公开行政法复议、行政诉讼情况")  # 行政法复议: as printed
    assert section is not None
    (table,) = section.tables
    assert table.text.startswith("行政复议 行政诉讼 结果维持")
    assert table.text.rstrip().endswith("0 1 1 0 2 1 0 0 0 1 0 0 0 0 0")
    assert "结果维持" not in section.body_text()
