"""Rules O1xx on real reports of the corpus (the cases written from the forms are in
tests/data/rules/O1xx.toml)."""

from __future__ import annotations

from opengov_report import check, parse


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


def test_a_row_missing_from_table_two_is_named_as_its_form_prints_it() -> None:
    # corpus pingtan/019 (2019 form): …规范性文件1077第二十条第（五）项…: the row the glued digits
    # leave undecided is 规范性文件, as the 2019 form and the report print it, not the 2021
    # form's 行政规范性文件; pingtan/029 (2021 form) prints 行政规范性文件
    from tests.conftest import CORPUS

    def named(name: str) -> list[str]:
        report = parse(CORPUS / "pingtan" / name)
        return [f.message for f in check(report, select=["O105"]) if "规范性文件" in f.message]

    (message,) = named("019_caizhengju_2019.txt")
    assert "row 规范性文件 missing" in message
    (message,) = named("029_shiyanqu_2022.txt")
    assert "row 行政规范性文件 missing" in message
