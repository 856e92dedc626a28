"""Layouts beyond the seeds (design.md): each synthetic fixture gives a sensible tree."""

from __future__ import annotations

from opengov_report import (
    Document,
    MetaLine,
    Noise,
    NoiseKind,
    NumberingStyle,
    Paragraph,
    TableLayout,
    parse_document,
)
from tests.conftest import LAYOUTS


def _doc(name: str) -> tuple[str, Document]:
    data = (LAYOUTS / name).read_bytes()
    doc = parse_document(data)
    text = data.decode("utf-8")
    assert doc.text == text
    return text, doc


def _titles(doc: Document) -> list[tuple[int, str]]:
    return [(h.level, h.numbering.text + h.title) for h in doc.headings()]


def test_one_line_report() -> None:
    _, doc = _doc("one_line.txt")
    assert doc.title == "某某区民政局2021年政府信息公开工作年度报告"
    assert [t for lvl, t in _titles(doc) if lvl == 1] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    tables = list(doc.tables())
    assert [t.layout for t in tables] == [TableLayout.GLUED, TableLayout.GLUED]
    # the glued digits stay one cell, with the row label before them
    rows = [r.values for r in tables[1].rows]
    assert rows[0] == ("本年新收政府信息公开申请数量", "4100005")
    assert rows[1] == ("上年结转政府信息公开申请数量", "0000000")
    assert rows[0][0] + rows[0][1] in doc.text
    first = [r.values for r in tables[0].rows]
    assert first[-1] == ("行政规范性文件", "1012")


def test_tabless_cells_one_per_line() -> None:
    _, doc = _doc("tabless_lines.txt")
    assert [t for _, t in _titles(doc)] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
    ]
    disclosure, applications = list(doc.tables())
    assert disclosure.layout is TableLayout.LINES
    assert [r.values for r in disclosure.rows][-2:] == [
        ("规章", "0", "0", "0"),
        ("行政规范性文件", "2", "0", "5"),
    ]
    # numbered labels followed by values are rows, not headings
    rows = [r.values for r in applications.rows]
    assert rows[-2] == ("一、本年新收政府信息公开申请数量", "3", "0", "0", "0", "0", "0", "3")


def test_space_separated_cells() -> None:
    _, doc = _doc("spaced_cells.txt")
    disclosure, applications = list(doc.tables())
    assert disclosure.layout is TableLayout.SPACED
    assert [r.values for r in disclosure.rows] == [
        ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
        ("规章", "0", "0", "0"),
        ("行政规范性文件", "3", "1", "12"),
    ]
    assert [r.values for r in applications.rows][2] == ("四、结转下年度继续办理",) + ("0",) * 7
    assert len(list(doc.headings())) == 3


def test_bare_cr_line_endings() -> None:
    text, doc = _doc("bare_cr.txt")
    assert "\n" not in text
    assert doc.newline == "\r"
    assert [t for _, t in _titles(doc)] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
    ]
    (table,) = doc.tables()
    assert [r.values for r in table.rows][1] == ("信息内容", "本年新\n制作数量")
    lines = [h.span.line for h in doc.headings()]
    assert lines == [3, 5, 15]


def test_scraper_header_and_pipe_table() -> None:
    _, doc = _doc("scraper_header.txt")
    assert doc.front is not None
    meta = {m.key: m.value for m in doc.front.items if isinstance(m, MetaLine)}
    assert meta["发布日期"] == "2022-01-25"
    assert meta["来源"] == "某市交通运输局"
    noise = {n.kind for n in doc.leaves() if isinstance(n, Noise)}
    assert {NoiseKind.URL, NoiseKind.RULE, NoiseKind.CHROME} <= noise
    (table,) = doc.tables()
    assert table.layout is TableLayout.PIPE
    assert [r.values for r in table.rows if not r.is_rule] == [
        ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
        ("规章", "0", "0", "0"),
        ("行政规范性文件", "4", "1", "20"),
    ]
    assert sum(r.is_rule for r in table.rows) == 1


def test_paragraph_indented_with_a_tab_is_prose() -> None:
    text = "一、总体情况\n\t2021年，我局认真贯彻落实《条例》，扎实推进政府信息公开各项工作，取得了较好的成效，全年主动公开信息120条。\n"
    doc = parse_document(text)
    assert not list(doc.tables())
    section = next(doc.sections())
    assert any(isinstance(c, Paragraph) for c in section.children)


def test_tab_decides_row_versus_heading() -> None:
    text = "三、收到和处理政府信息公开申请情况\n\t四、结转下年度继续办理\n\t0\n\n四、结转下年度继续办理\t\t0\t0\n"
    doc = parse_document(text)
    assert [h.title for h in doc.headings()] == ["收到和处理政府信息公开申请情况"]
    (table,) = doc.tables()
    assert table.rows[0].values == ("四、结转下年度继续办理", "0")
    assert table.rows[1].values == ("四、结转下年度继续办理", "", "0", "0")


def test_numbering_styles() -> None:
    text = "\n".join(
        [
            "第一章 总则",
            "一、总体情况",
            "（一）主动公开",
            "1、规章",
            "（1）制发",
            "①小项",
            "(2)废止",
            "2.行政规范性文件",
            "(二)依申请公开",
            "二．其他",
            "第二章 附则",
        ]
    )
    doc = parse_document(text)
    got = [(h.level, h.numbering.style, h.numbering.ordinal) for h in doc.headings()]
    assert got == [
        (1, NumberingStyle.CHAPTER, 1),
        (2, NumberingStyle.CN_COMMA, 1),
        (3, NumberingStyle.CN_PAREN, 1),
        (4, NumberingStyle.AR_COMMA, 1),
        (5, NumberingStyle.AR_PAREN, 1),
        (6, NumberingStyle.CIRCLED, 1),
        (5, NumberingStyle.AR_PAREN, 2),
        # `2.` is a new style (AR_DOT) whose ordinal continues level 4 (`1、`): misstyled
        (4, NumberingStyle.AR_DOT, 2),
        (3, NumberingStyle.CN_PAREN, 2),
        (2, NumberingStyle.CN_DOT, 2),
        (1, NumberingStyle.CHAPTER, 2),
    ]
    anomalies = [h.anomaly.value if h.anomaly else None for h in doc.headings()]
    assert anomalies[7] == "misstyled"
    assert anomalies[9] == "misstyled"


def test_run_in_heading_keeps_heading_and_body_apart() -> None:
    text = (
        "二、组织领导\n（三）积极开展专业培训，加强队伍建设。专门召集各科室负责人进行专题培训。\n"
    )
    doc = parse_document(text)
    sub = next(s for s in doc.sections() if s.level == 2)
    assert sub.title == "积极开展专业培训，加强队伍建设。"
    body = sub.children[0]
    assert isinstance(body, Paragraph)
    assert body.content == "专门召集各科室负责人进行专题培训。"
    assert sub.heading.span.line == body.span.line


def test_numbered_list_inside_text_is_not_a_heading() -> None:
    text = "一、总体情况\n（1）主动公开\n1、推进决策公开。\n（1）开设专栏，做好预公开。（2）建立制度。\n2、推进管理公开。\n"
    doc = parse_document(text)
    assert [h.numbering.text + h.title for h in doc.headings()] == [
        "一、总体情况",
        "（1）主动公开",
        "1、推进决策公开。",
        "2、推进管理公开。",
    ]


def test_skipped_and_repeated_ordinals_are_marked() -> None:
    doc = parse_document("一、甲\n三、乙\n三、丙\n")
    assert [h.anomaly.value if h.anomaly else None for h in doc.headings()] == [
        None,
        "skipped",
        "repeated",
    ]


def test_find_section_ignores_spacing_and_width() -> None:
    doc = parse_document("一、总体情况\n二、主动公开政府信息情况\n正文\n")
    found = doc.find_section("主动 公开")
    assert found is not None and found.heading.numbering.ordinal == 2
    assert doc.find_section("不存在") is None


def test_empty_and_blank_inputs() -> None:
    assert parse_document("").text == ""
    assert parse_document(b"").text == ""
    doc = parse_document("\n\r\n  \n")
    assert doc.text == "\n\r\n  \n"
    assert not list(doc.sections())
