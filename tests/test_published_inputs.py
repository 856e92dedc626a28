"""Reports as government sites publish them: an article page inside the site's chrome, a Word
attachment, a PDF.

Each case is one small 2021-format report (the official tables of ``tests/forms.py``, the values
below) written the way real pages write it: HTML with navigation, breadcrumbs, share buttons,
scripts and styles around the report, paragraphs indented with ``&nbsp;`` or U+3000, cells
holding ``<p><span>`` nests, labels broken by ``<br>``, pages in GBK, tables quoted inside a
script (``\\"``); .docx with the title in the page header, labels broken by a line break, numbers
padded with spaces; PDFs with a title on two lines, page numbers, a row broken by a page break.
What is asserted is what a reader reads from the values written here: era, year, agency, the
key figures (table 三's 总计 column of 一, 二, （七）, 四 and （一）予以公开; table 四's three
总计) and that blank cells are blank, never zero.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from opengov_report import (
    AnnualReport,
    DecodeError,
    DocxOrigin,
    Era,
    InputFormat,
    ValueKind,
    extract,
    parse,
)
from opengov_report.model.forms import (
    APPLICANT_COLUMNS,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
    application_rows,
)
from tests.forms import (
    DISCLOSURE_KEYS,
    Form,
    Grid,
    Span,
    applications_grid,
    make_form,
    to_docx,
    to_pdf,
)

# ------------------------------------------------------------------ the report

AGENCY = "某市生态环境局"
TITLE = f"{AGENCY}2022年政府信息公开工作年度报告"

#: table 三 by row: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计 ("" is a
#: blank cell).  Per column 一 + 二 = （七） + 四 and （七） = the sum of the result rows; per row
#: 总计 = the six applicant columns.  自然人 21 + 2 = 19 + 4; 商业企业 3 + 0 = 2 + 1;
#: 法律服务机构 1 = 1 + 0; 总计 25 + 2 = 22 + 5.
_T3: dict[str, tuple[str, ...]] = {
    "new_received": ("21", "3", "", "", "1", "", "25"),
    "carried_over": ("2", "0", "", "", "", "", "2"),
    "granted": ("10", "1", "", "", "0", "", "11"),
    "partially_granted": ("3", "1", "", "", "", "", "4"),
    "unable.no_info": ("5", "0", "", "", "1", "", "6"),
    "not_processed.repeat": ("1", "", "", "", "", "", "1"),
    "total_processed": ("19", "2", "", "", "1", "", "22"),
    "carried_forward": ("4", "1", "", "", "0", "", "5"),
}
APPLICATIONS = {
    row: dict(zip(APPLICANT_COLUMNS, _T3.get(row, ("",) * 7), strict=True))
    for row in application_rows("2021")
}
#: table 四: 行政复议 1 维持, 1 尚未审结 (总计 2); 未经复议直接起诉 none (0 throughout);
#: 复议后起诉 1 维持 (总计 1)
_T4 = {
    "review": ("1", "0", "0", "1", "2"),
    "litigation_direct": ("0", "0", "0", "0", "0"),
    "litigation_after_review": ("1", "0", "0", "0", "1"),
}
REVIEWS = {g: dict(zip(REVIEW_COLUMNS, _T4[g], strict=True)) for g in REVIEW_GROUPS}
DISCLOSURE = dict(
    zip(DISCLOSURE_KEYS, ("0", "0", "0", "3", "1", "12", "56", "230", "4", "0"), strict=True)
)

FORM = make_form(APPLICATIONS, REVIEWS, DISCLOSURE, agency=AGENCY)

#: the key figures a reader reads from the values above
KEY_FIGURES = {
    ("applications", "new_received", "total"): 25,
    ("applications", "carried_over", "total"): 2,
    ("applications", "total_processed", "total"): 22,
    ("applications", "carried_forward", "total"): 5,
    ("applications", "granted", "total"): 11,
    ("reviews", "review", "total"): 2,
    ("reviews", "litigation_direct", "total"): 0,
    ("reviews", "litigation_after_review", "total"): 1,
}
#: cells left blank above: blank, never 0
BLANK_CELLS = (
    ("applications", "new_received", "research_institution"),
    ("applications", "carried_over", "legal_service_organization"),
    ("applications", "granted", "other_organization"),
    ("applications", "not_processed.repeat", "commercial_enterprise"),
    ("applications", "total_processed", "social_welfare_organization"),
)
#: cells written as 0 above: 0, never blank
ZERO_CELLS = (
    ("applications", "carried_over", "commercial_enterprise"),
    ("applications", "granted", "legal_service_organization"),
    ("applications", "carried_forward", "legal_service_organization"),
)


def assert_reads_the_report(report: AnnualReport) -> None:
    """Title, era, year, agency, the key figures, and blank cells blank (0 cells 0)."""
    assert report.metadata.title == TITLE
    assert report.era is Era.V2021
    assert report.metadata.year == 2022
    assert report.metadata.agency == AGENCY
    cells = {(f.table, f.row, f.column): f.value for f in report.figures()}
    got = {key: cells[key].number if key in cells else None for key in KEY_FIGURES}
    assert got == KEY_FIGURES
    for key in BLANK_CELLS:
        assert cells[key].kind is ValueKind.BLANK, key
    for key in ZERO_CELLS:
        assert (cells[key].kind, cells[key].number) == (ValueKind.ZERO, 0), key


# ------------------------------------------------------------------ HTML as sites publish it

_CHROME_HEAD = """<head>
<meta http-equiv="X-UA-Compatible" content="IE=edge">
{charset}
<title>{title}_政府信息公开年报_某市人民政府</title>
<link rel="stylesheet" href="/css/article.css">
<style type="text/css">
.TRS_Editor p{{line-height:2;font-size:16px;}} td>p{{margin:0}}
</style>
<script type="text/javascript">var _hmt = _hmt || []; var s = "<td>一、假</td>";</script>
</head>"""

_CHROME_TOP = """<div class="top"><a href="/">首页</a> | <a href="/wza">无障碍</a> | 繁体</div>
<div class="nav"><ul><li><a href="/zwgk">政务公开</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 政府信息公开年报</div>
<div class="article">
<div class="art-title">{title}</div>
<div class="art-info">发布时间：2023-01-18 10:21 &nbsp;&nbsp; 来源：{agency} &nbsp;&nbsp; 字号：[ <a href="#">大</a> <a href="#">中</a> <a href="#">小</a> ] &nbsp; 浏览次数：<span id="hits"></span></div>
<div class="TRS_Editor">"""

_CHROME_BOTTOM = """</div>
<div class="share">分享到：<a class="wx" href="#">微信</a><a class="wb" href="#">微博</a></div>
<div class="print"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="footer"><p>主办：某市人民政府办公室　承办：某市大数据中心</p>
<p>网站标识码：1234000001　<a href="https://beian.miit.gov.cn">京ICP备05001234号</a></p></div>
<script>document.getElementById("hits").innerHTML = "12";</script>
</body></html>"""


def _label_breaks(text: str) -> str:
    """A long label broken by ``<br>`` in the middle, as editors wrap cells by hand."""
    if len(text) < 9 or text[0].isdigit():
        return html.escape(text)
    middle = len(text) // 2
    return html.escape(text[:middle]) + "<br>" + html.escape(text[middle:])


def html_table(
    grid: Grid,
    *,
    head_rows: int = 0,
    cell: Callable[[str], str] = html.escape,
    blank: str = "",
    quote: str = '"',
) -> str:
    """A grid as an HTML table with its spans; ``head_rows`` rows go in ``<thead>`` (and the rest
    in ``<tbody>``) when given; ``cell`` writes a non-empty cell's content; ``blank`` is what an
    empty value cell holds (``""`` or ``&nbsp;``); ``quote`` quotes the attributes."""
    q = quote
    rows = []
    for r, row in enumerate(grid):
        cells = []
        for span in row:
            attrs = f" style={q}border:1px solid #000;text-align:center{q}"
            if span.rows > 1:
                attrs += f" rowspan={q}{span.rows}{q}"
            if span.cols > 1:
                attrs += f" colspan={q}{span.cols}{q}"
            content = cell(span.text) if span.text else blank
            cells.append(f"<td{attrs}>{content}</td>")
        rows.append((r, "<tr>" + "".join(cells) + "</tr>"))
    body = "\n".join(row for _, row in rows)
    if head_rows:
        head = "\n".join(row for r, row in rows if r < head_rows)
        rest = "\n".join(row for r, row in rows if r >= head_rows)
        body = f"<thead>\n{head}\n</thead>\n<tbody>\n{rest}\n</tbody>"
    return f"<table border={q}1{q} cellspacing={q}0{q} width={q}100%{q}>\n{body}\n</table>"


def _p(text: str, indent: str = "&nbsp;&nbsp;&nbsp;&nbsp;") -> str:
    return (
        f'<p style="text-indent:2em;font-family:仿宋_GB2312;">{indent}'
        f'<span style="font-size:16px;">{html.escape(text)}</span></p>'
    )


def site_page(
    form: Form,
    *,
    charset: str = '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
    indent: str = "&nbsp;&nbsp;&nbsp;&nbsp;",
    table: Callable[[Grid], str] = html_table,
    layout_table: bool = False,
) -> str:
    """The report as an article page of a government site: the site's chrome around it, its
    paragraphs as ``<p>`` with inline styles and indents, its tables by ``table``; with
    ``layout_table`` the whole article sits in a cell of a layout table, next to a menu."""
    body = []
    for block in form.blocks:
        body.append(_p(block, indent) if isinstance(block, str) else table(block))
    body.append(_p(f"{AGENCY}", indent))
    body.append(_p("2023年1月18日", indent))
    article = (
        _CHROME_TOP.format(title=html.escape(form.title), agency=AGENCY)
        + "\n".join(body)
        + _CHROME_BOTTOM
    )
    if layout_table:
        article = (
            '<table width="1000" align="center"><tr><td width="200" valign="top">'
            "<p>信息公开指南</p><p>信息公开制度</p><p>信息公开年报</p></td>"
            f'<td valign="top">{article}</td></tr></table>'
        )
    head = _CHROME_HEAD.format(charset=charset, title=html.escape(form.title))
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml">\n{head}\n<body>\n{article}'
    )


def _p_span(text: str) -> str:
    """A cell's content as editors leave it: a paragraph holding spans."""
    return (
        '<p style="margin:0;text-align:center;"><span style="font-family:宋体;">'
        f'<span style="font-size:14px;">{_label_breaks(text)}</span></span></p>'
    )


def _word_html(text: str) -> str:
    """A cell's content as Word's "save as web page" writes it (pasted into a site's editor)."""
    return (
        "<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US "
        "style='font-size:10.5pt;font-family:宋体'>"
        f"{html.escape(text)}<o:p></o:p></span></p>"
    )


_FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def _full_width_digits(table: Grid) -> Grid:
    """The grid with its numbers written in full-width digits (２５), as some editors type them."""
    return tuple(
        tuple(
            Span(s.text.translate(_FULL_WIDTH_DIGITS), s.rows, s.cols) if s.text.isdigit() else s
            for s in row
        )
        for row in table
    )


HTML_CASES: dict[str, Callable[[], bytes]] = {
    "numbers in full-width digits": lambda: site_page(
        FORM, table=lambda g: html_table(_full_width_digits(g))
    ).encode(),
    "article page, <p><span> cells, labels broken by <br>": lambda: site_page(
        FORM, table=lambda g: html_table(g, cell=_p_span)
    ).encode(),
    "U+3000 indents, &nbsp; in blank cells, thead/tbody": lambda: site_page(
        FORM,
        indent="\u3000\u3000",
        table=lambda g: html_table(g, head_rows=3 if len(g[0]) == 2 else 0, blank="&nbsp;"),
    ).encode(),
    "Word's web page pasted into the editor": lambda: site_page(
        FORM,
        table=lambda g: html_table(
            g, cell=_word_html, blank=_word_html("\u00a0").replace("\u00a0", "&nbsp;"), quote="'"
        ),
    ).encode(),
    "the article inside a layout table": lambda: site_page(FORM, layout_table=True).encode(),
    "GBK page declared by <meta charset>": lambda: site_page(
        FORM, charset='<meta charset="gbk">'
    ).encode("gbk"),
    "GB2312 page declared by http-equiv": lambda: site_page(
        FORM, charset='<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />'
    ).encode("gb18030"),
    "GBK page declared as UTF-8": lambda: site_page(FORM).encode("gbk"),
    "GBK page declared as ISO-8859-1": lambda: site_page(
        FORM, charset='<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    ).encode("gbk"),
    "GBK page declared as windows-1252": lambda: site_page(
        FORM, charset='<meta charset="windows-1252">'
    ).encode("gbk"),
    "UTF-8 page declared as GB2312": lambda: site_page(
        FORM, charset='<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    ).encode(),
    "full-width characters as entities": lambda: (
        site_page(FORM)
        .replace("（", "&#65288;")
        .replace("）", "&#xFF09;")
        .replace("“", "&ldquo;")
        .replace("”", "&rdquo;")
        .replace("、", "&#12289;")
        .encode()
    ),
}


@pytest.mark.parametrize("case", HTML_CASES)
def test_html_as_sites_publish_it(case: str) -> None:
    report = parse(HTML_CASES[case]())
    assert_reads_the_report(report)


def test_the_site_chrome_is_not_read_as_the_report() -> None:
    """Nothing of the chrome becomes a section, and the scripts' and styles' text is gone."""
    report = parse(HTML_CASES["article page, <p><span> cells, labels broken by <br>"]())
    text = report.document.text
    assert "_hmt" not in text
    assert "line-height" not in text
    assert "一、假" not in text
    assert "innerHTML" not in text
    assert [h.numbering.text for h in report.document.headings()] == [
        "一、",
        "二、",
        "三、",
        "四、",
        "五、",
    ]


def test_a_label_broken_by_br_is_one_label() -> None:
    report = parse(HTML_CASES["article page, <p><span> cells, labels broken by <br>"]())
    labels = {f.row: f.row_label for f in report.figures() if f.table == "applications"}
    assert "".join(labels["partially_granted"].split()) == (
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    )


def test_blank_nbsp_and_zero_cells_in_html() -> None:
    """``<td></td>``, ``<td>&nbsp;</td>`` and ``<td> </td>`` are blank, ``<td>0</td>`` is 0."""
    grid = applications_grid(APPLICATIONS)
    row = grid[3]  # 一、本年新收…: 科研机构 empty, 社会公益组织 &nbsp;, 其他 a space
    assert row[0].text.startswith("一、")
    assert [s.text for s in row[3:5]] == ["", ""] and row[6].text == ""
    changed = (*row[:4], Span("\u00a0"), row[5], Span(" "), row[7])
    new_grid = (*grid[:3], changed, *grid[4:])
    blocks = tuple(new_grid if b == grid else b for b in FORM.blocks)
    page = site_page(Form(FORM.title, blocks, APPLICATIONS, REVIEWS, DISCLOSURE))
    assert "<td" in page and "\u00a0</td>" in page
    report = parse(page.replace("\u00a0", "&nbsp;").encode())
    assert_reads_the_report(report)
    cells = {(f.table, f.row, f.column): f.value for f in report.figures()}
    for column in ("research_institution", "social_welfare_organization", "other_organization"):
        assert cells[("applications", "new_received", column)].kind is ValueKind.BLANK


def _script_quoted(page: str) -> bytes:
    """The article as a script's string holds it (R-SH19, format-spec §9.2): every attribute
    quote escaped ``\\"`` inside a page."""
    return page.replace('"', '\\"').encode()


def test_html_quoted_inside_a_script_keeps_its_spans() -> None:
    """``rowspan=\\"22\\"``: the spans still hold (R-SH19 was published so), and the page
    reads as the same text as when its quotes are not escaped."""
    page = site_page(FORM)
    assert extract(_script_quoted(page)).text == extract(page.encode()).text
    assert_reads_the_report(parse(_script_quoted(page)))
    small = '<table><tr><td rowspan=\\"2\\">甲</td><td colspan=\\"2\\">乙</td></tr><tr><td>1</td><td>2</td></tr></table>'
    assert extract(small.encode()).text == "甲\t乙\t\n\t1\t2\n"


@pytest.mark.parametrize("declared", ["gb2312", "gbk", "GB18030"])
def test_a_utf8_page_declared_as_gb_is_read_as_utf8(declared: str) -> None:
    """Sites re-encode pages to UTF-8 and keep the old ``<meta>``: bytes that are valid UTF-8
    are UTF-8 (as for text), not a GB page garbled (``年度报告`` read as GB18030 is
    ``骞村害鎶ュ憡``)."""
    page = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={declared}">'
        "</head><body><p>年度报告</p></body></html>"
    )
    assert extract(page.encode()).text == "年度报告\n"
    assert extract(page.encode("gb18030")).text == "年度报告\n"


# ------------------------------------------------------------------ Word attachments


def _docx_with(form: Form, change: Callable[[object], None]) -> bytes:
    import docx

    document = docx.Document(io.BytesIO(to_docx(form)))
    change(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_as_published() -> None:
    """The form's tables with their merges (python-docx merges vertically and horizontally)."""
    assert_reads_the_report(parse(to_docx(FORM)))


def test_docx_title_in_the_page_header() -> None:
    """The title printed in the page header, the body starting with 一、总体情况."""

    def move_title(document: object) -> None:
        body = document.paragraphs  # type: ignore[attr-defined]
        title = body[0]
        assert title.text == TITLE
        title._element.getparent().remove(title._element)
        header = document.sections[0].header  # type: ignore[attr-defined]
        header.is_linked_to_previous = False
        header.paragraphs[0].text = TITLE

    data = _docx_with(FORM, move_title)
    extracted = extract(data)
    assert extracted.text.startswith(f"{TITLE}\n一、总体情况\n")
    assert extracted.provenance is not None
    assert extracted.provenance.at(1) == DocxOrigin()  # not a paragraph of the body
    assert extracted.provenance.at(2) == DocxOrigin(paragraph=0)
    assert_reads_the_report(parse(data))


def test_docx_labels_broken_by_a_line_break_and_padded_numbers() -> None:
    """A label broken by a manual line break (``w:br``) inside its cell, and numbers with
    spaces around them (`` 25 ``)."""

    def change(document: object) -> None:
        for table in document.tables:  # type: ignore[attr-defined]
            for row in table.rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    text = cell.text
                    paragraph = cell.paragraphs[0]
                    if text.isdigit():
                        paragraph.runs[0].text = f" {text} "
                    elif len(text) >= 9 and not text[0].isdigit():
                        paragraph.runs[0].text = text[: len(text) // 2]
                        paragraph.add_run().add_break()
                        paragraph.add_run(text[len(text) // 2 :])

    report = parse(_docx_with(FORM, change))
    assert_reads_the_report(report)
    labels = {f.row: f.row_label for f in report.figures() if f.table == "applications"}
    assert "".join(labels["partially_granted"].split()) == (
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    )


# ------------------------------------------------------------------ PDFs


def test_pdf_with_page_numbers_and_a_wrapped_labels() -> None:
    assert_reads_the_report(parse(to_pdf(FORM, page_numbers=True)))


@pytest.mark.parametrize("break_after", [4, 9, 17])
def test_pdf_table_broken_by_a_page(break_after: int) -> None:
    assert_reads_the_report(parse(to_pdf(FORM, break_after=break_after, page_numbers=True)))


def test_pdf_title_on_two_lines_in_a_large_font() -> None:
    """The agency on one line and the rest of the title on the next, in 20 points."""
    form = Form(
        f"{AGENCY}\n2022年政府信息公开工作年度报告", FORM.blocks, APPLICATIONS, REVIEWS, DISCLOSURE
    )
    assert_reads_the_report(parse(to_pdf(form, title_size=20, page_numbers=True)))


def _split_row(grid: Grid, label: str, cut: int, *, values_below: bool = False) -> Grid:
    """``grid`` with the row labelled ``label`` broken after ``cut`` characters of its label, as
    a row breaks across a page in Word: the start of its label above the break, the rest of
    the label below it, inside the spans that cover the row; its values above the break
    (cells top-aligned), or below it with ``values_below`` (cells aligned to the bottom)."""
    rows = list(grid)
    at = next(i for i, row in enumerate(rows) if any(s.text == label for s in row))
    row = rows[at]
    i = next(j for j, s in enumerate(row) if s.text == label)
    values = row[i + 1 :]
    empty = tuple(Span("") for _ in values)
    top = (*row[:i], Span(label[:cut], 1, row[i].cols), *(empty if values_below else values))
    bottom = (Span(label[cut:], 1, row[i].cols), *(values if values_below else empty))
    rows[at : at + 1] = [top, bottom]
    # every span that covers the broken row grows by one row
    for r in range(at):
        rows[r] = tuple(
            Span(s.text, s.rows + 1, s.cols) if s.rows > 1 and r + s.rows > at else s
            for s in rows[r]
        )
    return tuple(rows)


@pytest.mark.parametrize("values_below", [False, True])
@pytest.mark.parametrize(
    ("label", "cut"),
    [
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 14),
        ("一、本年新收政府信息公开申请数量", 8),
        ("（七）总计", 3),
    ],
)
def test_pdf_row_broken_across_two_pages(label: str, cut: int, values_below: bool) -> None:
    """A row of table 三 broken by the page break: the start of its label at the foot of one
    page, the rest of its label at the top of the next, its values with either part."""
    grid = _split_row(applications_grid(APPLICATIONS), label, cut, values_below=values_below)
    at = next(i for i, row in enumerate(grid) if any(s.text == label[:cut] for s in row))
    blocks = tuple(grid if b == applications_grid(APPLICATIONS) else b for b in FORM.blocks)
    form = Form(FORM.title, blocks, APPLICATIONS, REVIEWS, DISCLOSURE)
    report = parse(to_pdf(form, break_after=at + 1, page_numbers=True))
    assert_reads_the_report(report)
    # the broken row itself, every cell as written
    row = {"（二）": "partially_granted", "一、": "new_received", "（七）": "total_processed"}[
        next(p for p in ("（二）", "一、", "（七）") if label.startswith(p))
    ]
    cells = {
        f.column: f.value.raw for f in report.figures() if (f.table, f.row) == ("applications", row)
    }
    assert cells == APPLICATIONS[row]


def test_a_row_below_a_label_fragment_is_not_joined_to_it() -> None:
    """A row that starts with a numbering of its own is a row, not the rest of a broken label:
    ``（七）`` (its label cut) stays unread rather than lending its values to 四."""
    rows = [
        "三、收到和处理政府信息公开申请情况",
        "\t自然人\t法人或其他组织\t\t\t\t\t总计",
        "\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t",
        "一、本年新收政府信息公开申请数量\t21\t3\t\t\t1\t\t25",
        "二、上年结转政府信息公开申请数量\t2\t0\t\t\t\t\t2",
        "三、本年度办理结果\t（一）予以公开\t10\t1\t\t\t0\t\t11",
        "\t（七）\t19\t2\t\t\t1\t\t22",
        "四、结转下年度继续办理\t\t\t\t\t\t\t",
    ]
    report = parse("\n".join(rows) + "\n")
    cells = {(f.row, f.column): f.value for f in report.figures() if f.table == "applications"}
    assert ("total_processed", "total") not in cells
    assert cells[("carried_forward", "total")].kind is ValueKind.BLANK
    assert cells[("new_received", "total")].number == 25


# ------------------------------------------------------------------ a legacy report (统计表)

LEGACY_TITLE = f"{AGENCY}2017年政府信息公开工作年度报告"
#: the 统计表 (format-spec §6.2–§6.3): 统计指标 | 单位 | 统计数, section rows without unit or
#: value, 其中 and numbered rows indented with U+3000; 举报投诉数量 left blank
_LEGACY_ROWS = (
    ("一、主动公开情况", "", ""),
    ("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", "120"),
    ("\u3000其中：主动公开规范性文件数", "条", "5"),
    ("（二）通过不同渠道和方式公开政府信息的情况", "", ""),
    ("\u30001.政府网站公开政府信息数", "条", "100"),
    ("\u30002.政务微博公开政府信息数", "条", "15"),
    ("\u30003.政务微信公开政府信息数", "条", "5"),
    ("二、依申请公开情况", "", ""),
    ("（一）收到申请数", "件", "8"),
    ("\u30001.当面申请数", "件", "2"),
    ("\u30002.网络申请数", "件", "5"),
    ("\u30003.信函申请数", "件", "1"),
    ("（二）申请办结数", "件", "7"),
    ("（三）申请答复数", "件", "6"),
    ("\u30001.同意公开答复数", "件", "6"),
    ("\u30002.不同意公开答复数", "件", "0"),
    ("三、行政复议数量", "件", "1"),
    ("四、行政诉讼数量", "件", "0"),
    ("五、举报投诉数量", "件", ""),
)
LEGACY_FORM_2017 = Form(
    LEGACY_TITLE,
    (
        "一、概述",
        "2017年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，现将有关情况报告如下。",
        "二、政府信息公开情况统计表",
        (
            (Span("统计指标"), Span("单位"), Span("统计数")),
            *(tuple(Span(c) for c in row) for row in _LEGACY_ROWS),
        ),
        "三、存在的问题及改进措施",
        "无。",
    ),
    {},
    {},
    {},
)
#: the main indicators read from the rows above (None: blank)
LEGACY_FIGURES = {
    "proactive_total": 120,
    "applications_received": 8,
    "applications_closed": 7,
    "applications_answered": 6,
    "reviews": 1,
    "litigations": 0,
    "complaints": None,
}


def assert_reads_the_legacy_report(report: AnnualReport) -> None:
    assert report.metadata.title == LEGACY_TITLE
    assert report.era is Era.LEGACY
    assert report.metadata.year == 2017
    assert report.metadata.agency == AGENCY
    cells = {f.row: f.value for f in report.figures() if f.table == "legacy"}
    assert {row: cells[row].number for row in LEGACY_FIGURES} == LEGACY_FIGURES
    assert cells["complaints"].kind is ValueKind.BLANK
    assert cells["litigations"].kind is ValueKind.ZERO


@pytest.mark.parametrize("layout_table", [False, True])
def test_legacy_report_as_a_site_page(layout_table: bool) -> None:
    page = site_page(LEGACY_FORM_2017, layout_table=layout_table, indent="\u3000\u3000")
    assert_reads_the_legacy_report(parse(page.encode("gb18030")))


def test_legacy_report_as_docx() -> None:
    assert_reads_the_legacy_report(parse(to_docx(LEGACY_FORM_2017)))


def test_legacy_report_as_pdf() -> None:
    assert_reads_the_legacy_report(parse(to_pdf(LEGACY_FORM_2017, page_numbers=True)))


@pytest.mark.parametrize(
    "chrome",
    [
        "首页\n政务公开\n互动交流\n",  # the site's menu, line by line, right before the title
        "信息公开指南\n信息公开制度\n信息公开年报\n",  # a side menu: a yearless "title" of its own
    ],
)
def test_page_chrome_before_the_title_is_not_part_of_it(chrome: str) -> None:
    text = f"{chrome}{TITLE}\n一、总体情况\n2022年，本机关依法公开政府信息。\n"
    metadata = parse(text).metadata
    assert (metadata.title, metadata.agency, metadata.year) == (TITLE, AGENCY, 2022)


def test_a_title_broken_by_br_after_the_chrome() -> None:
    """The agency and the rest of the title on two lines (``<br>``) below the site's menu."""
    page = site_page(FORM).replace(
        f'<div class="art-title">{TITLE}</div>',
        f'<div class="art-title">{AGENCY}<br>2022年政府信息公开工作年度报告</div>',
    )
    assert f"{AGENCY}<br>2022年" in page
    assert_reads_the_report(parse(page.encode()))


@pytest.mark.parametrize(
    ("before", "title"),
    [
        (f"首页\n{AGENCY}\n", TITLE),  # the agency on its own line: part of the title
        ("首页\n互动交流\n", "2022年政府信息公开工作年度报告"),  # a menu entry: not
    ],
)
def test_a_line_before_a_title_opening_with_its_year(before: str, title: str) -> None:
    text = f"{before}2022年政府信息公开工作年度报告\n一、总体情况\n本年度依法公开政府信息。\n"
    assert parse(text).metadata.title == title


@pytest.mark.parametrize(
    "menu", ["首页\n互动交流\n", "网站地图\n联系我们\n", "首页\n政务公开\n", "信息公开\n"]
)
def test_menu_lines_right_above_the_title_are_not_its_agency(menu: str) -> None:
    metadata = parse(f"{menu}{TITLE}\n一、总体情况\n本年度依法公开政府信息。\n").metadata
    assert (metadata.title, metadata.agency) == (TITLE, AGENCY)


@pytest.mark.parametrize("break_after", [9, 17])
def test_pdf_with_a_running_head_on_every_page(break_after: int) -> None:
    """The title repeated at the top of every page (Word's page header), between the rows of
    a table broken by the page."""
    data = to_pdf(FORM, break_after=break_after, page_numbers=True, running_head=TITLE)
    assert extract(data).text.count(TITLE) >= 3
    assert_reads_the_report(parse(data))


def test_docx_title_broken_by_a_line_break() -> None:
    """The title's first paragraph holds the agency, a line break (``w:br``), and the rest."""
    form = Form(
        f"{AGENCY}\n2022年政府信息公开工作年度报告", FORM.blocks, APPLICATIONS, REVIEWS, DISCLOSURE
    )
    data = to_docx(form)
    assert extract(data).text.startswith(f"{AGENCY}\n2022年政府信息公开工作年度报告\n")
    assert_reads_the_report(parse(data))


@pytest.mark.parametrize("writer", ["html", "docx", "pdf"])
def test_a_blank_group_of_table_4_stays_blank(writer: str) -> None:
    """未经复议直接起诉 left blank in all five cells (not 0): blank in every format."""
    reviews = {**REVIEWS, "litigation_direct": dict.fromkeys(REVIEW_COLUMNS, "")}
    form = make_form(APPLICATIONS, reviews, DISCLOSURE, agency=AGENCY)
    writers: dict[str, Callable[[], bytes]] = {
        "html": lambda: site_page(form).encode(),
        "docx": lambda: to_docx(form),
        "pdf": lambda: to_pdf(form, page_numbers=True),
    }
    report = parse(writers[writer]())
    cells = {(f.row, f.column): f.value for f in report.figures() if f.table == "reviews"}
    assert {c: cells[("litigation_direct", c)].kind for c in REVIEW_COLUMNS} == dict.fromkeys(
        REVIEW_COLUMNS, ValueKind.BLANK
    )
    assert cells[("review", "total")].number == 2
    assert cells[("litigation_after_review", "total")].number == 1


def test_a_doc_attachment_saved_as_rtf_is_refused() -> None:
    """Sites publish .doc attachments that are RTF (Word, WPS): their control words are not
    the report's text, and reading them as text would give a report of nothing, silently."""
    rtf = (
        b"{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}}"
        b"\\f0 \\'d2\\'bb\\'a1\\'a2\\par }"
    )
    with pytest.raises(DecodeError, match="RTF"):
        parse(rtf)


def test_a_doc_attachment_that_is_a_web_page_is_read_as_html(tmp_path: Path) -> None:
    """Word's "web page" saved as 年报.doc: sniffed by its content, read as HTML."""
    page = site_page(FORM, table=lambda g: html_table(g, cell=_word_html, quote="'"))
    word = page.replace(
        '<html xmlns="http://www.w3.org/1999/xhtml">',
        '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w="urn:schemas-microsoft-com:office:word">',
    ).split("\n", 1)[1]  # Word writes no doctype
    assert word.startswith("<html xmlns:v=")
    path = tmp_path / "2022年年报.doc"
    path.write_bytes(word.encode("gbk"))
    report = parse(path)
    assert report.provenance is not None and report.provenance.format is InputFormat.HTML
    assert_reads_the_report(report)
