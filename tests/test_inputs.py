"""Reading HTML pages, Word files and PDFs: the files are generated here (from drawn models and
from the seeds) and must give the same figures as their text version; provenance points into
the original; formats are chosen by content; a missing extra says which one to install."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from opengov_report import (
    AnnualReport,
    DecodeError,
    DocxOrigin,
    HtmlOrigin,
    InputError,
    InputFormat,
    MissingExtraError,
    PdfOrigin,
    ValueKind,
    extract,
    from_json,
    json_schema,
    parse,
    parse_document,
    sniff,
    to_json,
)
from opengov_report.cli import main
from opengov_report.model.forms import (
    APPLICANT_COLUMNS,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
    application_rows,
)
from tests.conftest import SEED_PATHS, seed_ids
from tests.forms import (
    DISCLOSURE_KEYS,
    Form,
    form_of_document,
    make_form,
    raw_grid,
    to_docx,
    to_html,
    to_pdf,
    to_text,
)

FigureKey = tuple[str, str, str]
values = st.one_of(st.integers(0, 999).map(str), st.sampled_from(["", "无", "——", "0"]))


@st.composite
def forms(draw: st.DrawFn) -> Form:
    apps = {r: {c: draw(values) for c in APPLICANT_COLUMNS} for r in application_rows("2021")}
    reviews = {g: {c: draw(values) for c in REVIEW_COLUMNS} for g in REVIEW_GROUPS}
    disclosure = {k: draw(st.integers(0, 99).map(str)) for k in DISCLOSURE_KEYS}
    return make_form(apps, reviews, disclosure)


def figures(report: AnnualReport) -> dict[FigureKey, tuple[ValueKind, object]]:
    return {(f.table, f.row, f.column): (f.value.kind, f.value.number) for f in report.figures()}


def assert_same_report(form: Form, data: bytes, fmt: InputFormat) -> AnnualReport:
    """``data`` reads back to the drawn values, and to the figures of the text version."""
    report = parse(data)
    assert report.provenance is not None
    assert report.provenance.format is fmt
    assert raw_grid(report, "applications") == form.applications
    assert raw_grid(report, "reviews") == form.reviews
    assert figures(report) == figures(parse(to_text(form)))
    assert [h.numbering.text for h in report.document.headings()] == [
        "一、",
        "二、",
        "三、",
        "四、",
        "五、",
    ]
    return report


# -- generated files read back to the same figures ---------------------------------------------


@settings(max_examples=25, deadline=None)
@given(forms(), st.booleans())
def test_html_reads_back(form: Form, indent: bool) -> None:
    report = assert_same_report(form, to_html(form, indent=indent).encode(), InputFormat.HTML)
    assert report.metadata.agency == "某市某局"


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # shrinking a file writer is slow
)
@given(forms())
def test_docx_reads_back(form: Form) -> None:
    assert_same_report(form, to_docx(form), InputFormat.DOCX)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # shrinking a file writer is slow
)
@given(forms(), st.sampled_from([None, 4, 9, 17]), st.booleans())
def test_pdf_reads_back(form: Form, break_after: int | None, page_numbers: bool) -> None:
    data = to_pdf(form, break_after=break_after, page_numbers=page_numbers)
    report = assert_same_report(form, data, InputFormat.PDF)
    assert report.provenance is not None
    pages = []
    for f in report.figures():
        if f.table == "applications":
            origin = report.provenance.locate(f.value.span)
            assert isinstance(origin, PdfOrigin)
            pages.append(origin.page)
    # the applications table is broken by a page break (forced, or where the page is full,
    # with or without a page number between its rows): its rows come from two pages, in order
    assert sorted(set(pages)) == [pages[0], pages[0] + 1]
    assert pages == sorted(pages)
    if break_after is not None:
        assert pages.count(pages[0]) == (break_after - 3) * len(APPLICANT_COLUMNS)


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(forms())
def test_pdf_without_ruling_lines_never_invents(form: Form) -> None:
    """A table drawn without lines is not found as a table: its rows come out as spaced text,
    where a blank cell leaves no trace.  What is recognised from it must still be right: rows
    whose cells cannot be placed are missing, never shifted into wrong columns."""
    expected = figures(parse(to_text(form)))
    got = figures(parse(to_pdf(form, ruled=False)))
    assert got  # the simplest rows (table 二) come through
    assert {k: v for k, v in got.items() if expected.get(k) != v} == {}


def _seed_form(path: Path) -> Form:
    return form_of_document(parse(path).document)


_WRITERS: dict[str, Callable[[Form], bytes]] = {
    "html": lambda form: to_html(form).encode("utf-8"),
    "docx": to_docx,
    "pdf": to_pdf,
}


@pytest.mark.parametrize("writer", sorted(_WRITERS))
@pytest.mark.parametrize("path", SEED_PATHS, ids=seed_ids())
def test_seed_tables_read_back(path: Path, writer: str) -> None:
    """Each seed's lines and tables, written as a file, give the figures of its text."""
    form = _seed_form(path)
    expected = parse(to_text(form))
    report = parse(_WRITERS[writer](form))
    assert report.era == expected.era
    assert figures(report) == figures(expected)
    assert [s.title for s in report.document.sections()] == [
        s.title for s in expected.document.sections()
    ]


def test_seed_html_with_ragged_rows_matches_the_seed() -> None:
    """HTML allows short rows: a seed's tables written cell for cell give its own figures."""
    path = next(p for p in SEED_PATHS if p.name.startswith("001_"))
    seed = parse(path)
    rows = []
    for table in seed.document.tables():
        rows.append(
            "<table>"
            + "".join(
                "<tr>" + "".join(f"<td>{v.strip()}</td>" for v in row.values) + "</tr>"
                for row in table.rows
            )
            + "</table>"
        )
    # the seed's text around its tables is not needed for its figures: headings are
    heads = [s.heading.text.strip() for s in seed.document.sections() if s.level == 1]
    body = "".join(f"<p>{h}</p>{t}" for h, t in zip(heads[1:4], rows, strict=True))
    page = f"<html><body><p>{seed.metadata.title}</p><p>{heads[0]}</p>{body}</body></html>"
    assert figures(parse(page.encode())) == figures(seed)


# -- provenance ----------------------------------------------------------------------------------


def _a_form() -> Form:
    apps = {
        r: {c: str((i * 7 + j) % 50) for j, c in enumerate(APPLICANT_COLUMNS)}
        for i, r in enumerate(application_rows("2021"))
    }
    reviews = {
        g: {c: str(i + j) for j, c in enumerate(REVIEW_COLUMNS)}
        for i, g in enumerate(REVIEW_GROUPS)
    }
    return make_form(apps, reviews, {k: str(i) for i, k in enumerate(DISCLOSURE_KEYS)})


def test_html_provenance_points_at_the_cell() -> None:
    form = _a_form()
    page = to_html(form)
    report = parse(page.encode())
    assert report.provenance is not None
    lines = page.split("\n")
    for f in report.figures():
        origin = report.provenance.locate(f.value.span)
        assert isinstance(origin, HtmlOrigin)
        assert origin.tag == "td"
        assert origin.column is not None
        cell = lines[origin.line - 1][origin.column - 1 :]
        assert re.match(rf"<td[^>]*><p>{re.escape(f.value.raw)}</p></td>", cell), (f, cell)
    heading = next(report.document.headings())
    origin = report.provenance.locate(heading.span)
    assert isinstance(origin, HtmlOrigin)
    assert origin.tag == "h2"
    assert origin.column is not None
    assert lines[origin.line - 1][origin.column - 1 :].startswith("<h2>一、总体情况")


def test_html_provenance_on_one_line_pages() -> None:
    form = _a_form()
    page = to_html(form, indent=False)
    report = parse(page.encode())
    assert report.provenance is not None
    lines = page.split("\n")
    checked = 0
    for f in report.figures():
        origin = report.provenance.locate(f.value.span)
        assert isinstance(origin, HtmlOrigin)
        assert origin.column is not None
        assert (
            lines[origin.line - 1][origin.column - 1 :]
            .split("</td>")[0]
            .endswith(f"<p>{f.value.raw}</p>")
        )
        checked += 1
    assert checked == len(report.figures()) == 200


def test_docx_provenance_points_at_the_cell() -> None:
    import docx

    form = _a_form()
    data = to_docx(form)
    report = parse(data)
    assert report.provenance is not None
    document = docx.Document(io.BytesIO(data))
    for f in report.figures():
        origin = report.provenance.locate(f.value.span)
        assert isinstance(origin, DocxOrigin)
        assert origin.table is not None and origin.row is not None and origin.cell is not None
        assert document.tables[origin.table].cell(origin.row, origin.cell).text == f.value.raw
    heading = next(report.document.headings())
    origin = report.provenance.locate(heading.span)
    assert isinstance(origin, DocxOrigin)
    assert origin.paragraph is not None
    assert document.paragraphs[origin.paragraph].text == "一、总体情况"


def test_pdf_provenance_points_at_the_cell() -> None:
    import pdfplumber

    form = _a_form()
    data = to_pdf(form, break_after=10)
    report = parse(data)
    assert report.provenance is not None
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for f in report.figures():
            origin = report.provenance.locate(f.value.span)
            assert isinstance(origin, PdfOrigin)
            page = pdf.pages[origin.page - 1]
            box = page.crop((origin.x0, origin.top, origin.x1, origin.bottom))
            assert box.extract_text().strip() == f.value.raw
        heading = next(report.document.headings())
        origin = report.provenance.locate(heading.span)
        assert isinstance(origin, PdfOrigin)
        assert origin.page == 1
        text = pdf.pages[0].crop((origin.x0, origin.top, origin.x1, origin.bottom)).extract_text()
        assert text == "一、总体情况"


def test_text_has_no_provenance() -> None:
    report = parse(to_text(_a_form()).encode())
    assert report.provenance is None
    assert extract(b"abc").format is InputFormat.TEXT


# -- chosen by content -----------------------------------------------------------------------


def test_format_is_sniffed_from_content_not_the_name(tmp_path: Path) -> None:
    form = _a_form()
    html_as_txt = tmp_path / "report.txt"
    html_as_txt.write_text(to_html(form), encoding="utf-8")
    pdf_as_doc = tmp_path / "report.doc"
    pdf_as_doc.write_bytes(to_pdf(form))
    docx_as_bin = tmp_path / "download.bin"
    docx_as_bin.write_bytes(to_docx(form))
    text_as_pdf = tmp_path / "report.pdf"
    text_as_pdf.write_text(to_text(form), encoding="utf-8")
    expected = figures(parse(to_text(form)))
    for path, fmt in [
        (html_as_txt, InputFormat.HTML),
        (pdf_as_doc, InputFormat.PDF),
        (docx_as_bin, InputFormat.DOCX),
        (text_as_pdf, InputFormat.TEXT),
    ]:
        assert extract(path).format is fmt
        assert figures(parse(path)) == expected
        assert parse(path).source == str(path)


def test_parse_document_reads_the_extracted_text() -> None:
    form = _a_form()
    extracted = extract(to_docx(form))
    doc = parse_document(to_docx(form))
    assert doc.text == extracted.text
    assert parse_document(extracted.text).text == extracted.text


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b"%PDF-1.7\n", InputFormat.PDF),
        (b"\xef\xbb\xbf  <!DOCTYPE html><html>", InputFormat.HTML),
        (b"<!-- saved page --><html lang=zh>", InputFormat.HTML),
        (b'<?xml version="1.0"?>\n<html>', InputFormat.HTML),
        (b"\n<TABLE border=1><tr><td>1</td></tr></TABLE>", InputFormat.HTML),
        ("<p>一、总体情况</p>".encode("utf-16"), InputFormat.HTML),
        ("一、总体情况\n<p>".encode(), InputFormat.TEXT),
        (b"<unknown>", InputFormat.TEXT),
    ],
)
def test_sniff(head: bytes, fmt: InputFormat) -> None:
    assert sniff(head) is fmt


def _zip(name: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, "<x/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_zip("xl/workbook.xml"), "Excel"),
        (_zip("content.xml"), "not a Word document"),
        (b"PK\x03\x04 broken", "damaged ZIP"),
    ],
)
def test_unsupported_archives_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse(data)


def test_damaged_files_raise_library_errors() -> None:
    with pytest.raises(DecodeError, match="PDF"):
        parse(b"%PDF-1.4\nnot really a pdf")
    with pytest.raises(DecodeError, match="Word"):
        parse(_zip("word/document.xml"))


def test_a_pdf_without_text_is_refused() -> None:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.rect(100, 100, 200, 200)  # a scan would be an image: no characters either
    pdf.save()
    with pytest.raises(InputError, match="OCR"):
        parse(out.getvalue())


def test_html_encodings() -> None:
    page = "<html><head><meta charset=gb2312></head><body><p>一、总体情况</p><p>本年度无。</p></body></html>"
    for data in (page.encode("gb18030"), page.encode("utf-8"), page.encode("utf-16")):
        doc = parse_document(data)
        assert [s.title for s in doc.sections()] == ["总体情况"]
    broken = b"<html><body><p>\xff\xfe\xfd</p></body></html>"
    with pytest.raises(DecodeError):
        parse(broken)


def test_html_layout_table_and_markup() -> None:
    """A page laid out in a table is read as running text; its inner table as a table; spans
    expand into empty cells; scripts, styles and whitespace do not leak into the text."""
    page = """<html><head><title>x</title><style>td{}</style></head><body>
<table><tr><td>菜单</td><td>
  <p>一、总体情况</p><p>本年度
     收到申请。<br>第二行&nbsp;文字</p>
  <script>var a = "<td>";</script>
  <table>
    <thead><tr><th rowspan=2>项目</th><th colspan="2">数量</th></tr></thead>
    <tbody><tr><td>甲</td><td>乙</td></tr>
    <tr><td>合计</td><td>1</td><td>2<br>件</td></tr></tbody>
  </table>
</td></tr></table></body></html>"""
    text = extract(page.encode()).text
    assert text == (
        "菜单\n一、总体情况\n本年度 收到申请。\n第二行\u00a0文字\n"
        "项目\t数量\t\n\t甲\t乙\n合计\t1\t2件\n"
    )


def test_html_blank_cells_stay_blank() -> None:
    page = "<table><tr><td>规章</td><td>&nbsp;</td><td> </td><td>0</td><td>无</td></tr></table>"
    assert extract(page.encode()).text == "规章\t\t\t0\t无\n"


def test_html_table_caption_is_a_line() -> None:
    page = "<table><caption>（单位：件）</caption><tr><td>规章</td><td>1</td></tr></table>"
    extracted = extract(page.encode())
    assert extracted.text == "（单位：件）\n规章\t1\n"
    assert extracted.provenance is not None
    assert extracted.provenance.at(1) == HtmlOrigin(1, 8, "caption")
    assert extracted.provenance.at(2, 4) == HtmlOrigin(1, 48, "td")


def test_docx_merged_cells_expand(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("一、总体情况")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "项目"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "数量"
    table.cell(1, 1).text = "甲"
    table.cell(1, 2).text = "乙"
    table.cell(2, 0).text = "合计"
    table.cell(2, 1).text = "1"
    table.cell(2, 2).add_paragraph("件")
    table.cell(2, 2).paragraphs[0].text = "2"
    path = tmp_path / "t.docx"
    document.save(str(path))
    extracted = extract(path)
    assert extracted.text == "一、总体情况\n项目\t数量\t\n\t甲\t乙\n合计\t1\t2件\n"
    assert extracted.provenance is not None
    assert extracted.provenance.at(3, 2) == DocxOrigin(table=0, row=1, cell=1)
    assert extracted.provenance.at(2, 1) == DocxOrigin(table=0, row=0, cell=0)
    assert extracted.provenance.at(1) == DocxOrigin(paragraph=0)
    assert extracted.provenance.at(99) is None


# -- missing extras ----------------------------------------------------------------------------


def test_the_core_imports_no_extra() -> None:
    code = (
        "import sys, opengov_report; opengov_report.parse('一、总体情况\\n');"
        "print(sorted(m for m in ('lxml', 'docx', 'pdfplumber', 'pdfminer', 'pypdfium2')"
        " if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert done.stdout.decode().strip() == "[]"


@pytest.mark.parametrize(
    ("module", "extra", "make"),
    [
        ("pdfplumber", "pdf", to_pdf),
        ("docx", "docx", to_docx),
        ("lxml", "html", lambda f: to_html(f).encode()),
    ],
)
def test_missing_extra_names_it(
    monkeypatch: pytest.MonkeyPatch, module: str, extra: str, make: Callable[[Form], bytes]
) -> None:
    data = make(_a_form())
    for name in list(sys.modules):
        if name == module or name.startswith(module + "."):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(
        MissingExtraError, match=re.escape(f"pip install 'opengov-report[{extra}]'")
    ) as info:
        parse(data)
    assert info.value.extra == extra
    assert isinstance(info.value, ImportError)


# -- the command line --------------------------------------------------------------------------


def test_cli_reads_a_pdf_and_a_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    form = _a_form()
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(to_pdf(form, break_after=8))
    word = tmp_path / "report.docx"
    word.write_bytes(to_docx(form))
    assert main(["parse", str(pdf), str(word)]) == 0
    out = capsys.readouterr().out
    assert out.count("table applications: 175 values") == 2
    assert main(["parse", "--json", str(word)]) == 0
    record = json.loads(capsys.readouterr().out)
    origins = [f["origin"] for f in record["figures"]]
    assert all(o["format"] == "docx" and o["table"] is not None for o in origins)


def test_cli_sniffs_standard_input(tmp_path: Path) -> None:
    page = to_html(_a_form()).encode("utf-8")
    path = tmp_path / "page.bin"
    path.write_bytes(page)
    via_stdin = subprocess.run(
        [sys.executable, "-m", "opengov_report", "parse", "-"],
        input=page,
        capture_output=True,
        check=True,
    )
    via_file = subprocess.run(
        [sys.executable, "-m", "opengov_report", "parse", str(path)],
        capture_output=True,
        check=True,
    )
    assert via_stdin.stdout == via_file.stdout
    assert "table applications: 175 values" in via_stdin.stdout.decode("utf-8")


def test_cli_missing_extra_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(to_pdf(_a_form()))
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    assert main(["parse", str(pdf)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"opengov-report: {pdf}: reading PDF files needs the 'pdf' extra")


# -- robustness: any input gives text or a library error ----------------------------------------

_tags = st.sampled_from(
    ["<table>", "</table>", "<tr>", "</tr>", "<td rowspan=3>", "<td colspan=x>", "<th rowspan=0>",
     "</td>", "<p>", "</p>", "<br>", "<div>", "</div>", "<script>", "</script>", "<pre>", "\t",
     "<table><tr><td><table>", "<!--", "-->", "&nbsp;", "&#0;", "&#xD800;", "一、总体情况", "0", "\n"]
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_tags, st.text(max_size=8)), max_size=40))
def test_any_html_gives_text_or_a_library_error(parts: list[str]) -> None:
    page = "<html><body>" + "".join(parts)
    try:
        extracted = extract(page.encode("utf-8", "surrogatepass"))
    except (DecodeError, InputError):
        return
    assert extracted.provenance is not None
    assert len(extracted.provenance.lines) == extracted.text.count("\n")
    assert parse_document(extracted.text).text == extracted.text


@settings(max_examples=20, deadline=None)
@given(st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04"]), st.binary(max_size=300))
def test_damaged_binary_files_give_library_errors(magic: bytes, rest: bytes) -> None:
    with pytest.raises((DecodeError, InputError)):
        extract(magic + rest)


def _numbered_docx() -> bytes:
    """A .docx whose headings are numbered by Word's list numbering (一、 and （一）), whose
    table labels are numbered by a style's list (1. 2.), with a start override."""
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    numbering = document.part.numbering_part.element
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    abstract = parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%3."/></w:lvl>'
        "</w:abstractNum>"
    )
    first_num.addprevious(abstract)
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(
        parse_xml(
            f'<w:num {w} w:numId="91"><w:abstractNumId w:val="90"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>'
        )
    )

    def numbered(text: str, num: int, level: int) -> None:
        p = document.add_paragraph(text)
        p._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>')
        )

    document.add_paragraph("某局2022年政府信息公开工作年度报告")
    numbered("总体情况", 90, 0)
    numbered("主动公开情况", 90, 1)
    numbered("依申请公开情况", 90, 1)
    document.add_paragraph("本年度无。")
    numbered("收到和处理政府信息公开申请情况", 90, 0)
    table = document.add_table(rows=2, cols=2)
    for r, label in enumerate(["属于国家秘密", "其他法律行政法规禁止公开"]):
        cell = table.cell(r, 0)
        cell.text = label
        cell.paragraphs[0]._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {w}><w:ilvl w:val="2"/><w:numId w:val="90"/></w:numPr>')
        )
        table.cell(r, 1).text = str(r)
    numbered("政府信息公开行政复议、行政诉讼情况", 91, 0)
    document.add_paragraph("列表", style="List Number")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_list_numbering_is_written_out() -> None:
    extracted = extract(_numbered_docx())
    assert extracted.text == (
        "某局2022年政府信息公开工作年度报告\n"
        "一、总体情况\n（一）主动公开情况\n（二）依申请公开情况\n本年度无。\n"
        "二、收到和处理政府信息公开申请情况\n"
        "1. 属于国家秘密\t0\n2. 其他法律行政法规禁止公开\t1\n"
        "四、政府信息公开行政复议、行政诉讼情况\n"
        "1. 列表\n"
    )
    doc = parse_document(extracted.text)
    assert [(h.numbering.text, h.level) for h in doc.headings()] == [
        ("一、", 1),
        ("（一）", 2),
        ("（二）", 2),
        ("二、", 1),
        ("四、", 1),
        ("1.", 2),
    ]


def test_provenance_survives_the_json_round_trip() -> None:
    import jsonschema

    form = _a_form()
    for data in (to_html(form).encode(), to_docx(form), to_pdf(form, break_after=10)):
        report = parse(data)
        text = to_json(report)
        jsonschema.validate(json.loads(text), json_schema())
        back = from_json(text)
        assert back.provenance is not None and back.provenance == report.provenance
        for f in report.figures():
            assert back.provenance.locate(f.value.span) == report.provenance.locate(f.value.span)
