"""Nothing is truncated silently: a deep HTML page is read whole or refused, a damaged or
partly external .docx is refused in our words, a PDF with a page that cannot be read is refused
(issue 16, items 6 and 7)."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest

import opengov_report
from opengov_report import PdfOrigin
from opengov_report.inputs.html import MAX_DEPTH
from tests.conftest import CORPUS, SEED_PATHS

SEED = SEED_PATHS[-1].read_text(encoding="utf-8")


def _page(depth: int) -> bytes:
    """The seed as a page, its first heading inside ``depth`` nested divs, the rest after."""
    body = "".join(f"<p>{line}</p>" for line in SEED.splitlines())
    nested = "<div>" * depth + "<p>说明</p>" + "</div>" * depth
    return f"<html><body>{nested}{body}</body></html>".encode()


@pytest.mark.parametrize("depth", [10, 300, 900, 1000, 2000, MAX_DEPTH - 3])
def test_a_deep_page_is_read_whole(depth: int) -> None:
    """libxml2 stops at 256 levels unless told otherwise, and drops the rest of the page; the
    page is walked without recursion, so it is read as deep as libxml2 reads (``MAX_DEPTH - 3``:
    the divs, ``<html>``, ``<body>`` and the ``<p>`` inside)."""
    shallow = opengov_report.parse(_page(1))
    deep = opengov_report.parse(_page(depth))
    assert shallow.figures()
    assert [f.value.raw for f in deep.figures()] == [f.value.raw for f in shallow.figures()]
    assert "说明" in deep.document.text


@pytest.mark.parametrize("depth", [MAX_DEPTH - 2, 3000, 100_000])
def test_a_page_too_deep_to_read_whole_is_refused_naming_the_limit(depth: int) -> None:
    with pytest.raises(opengov_report.InputError) as info:
        opengov_report.parse(_page(depth))
    message = str(info.value)
    assert f"nests its elements more than {MAX_DEPTH} levels deep" in message
    assert "XML_PARSE_HUGE" not in message  # libxml2's advice is for its API, not for a user


def test_a_deep_table_cell_is_read_whole() -> None:
    """A cell's text is gathered without recursion too."""
    spans = "<span>" * 1500 + "4" + "</span>" * 1500
    page = (
        "<html><body><table><tr><td>项目</td><td>数量</td></tr>"
        f"<tr><td>收到申请数</td><td>{spans}2</td></tr></table></body></html>"
    )
    text = opengov_report.extract(page.encode()).text
    assert text.splitlines() == ["项目\t数量", "收到申请数\t42"]


def _docx(edit: dict[str, bytes | None]) -> bytes:
    document = docx.Document()
    document.add_paragraph("一、总体情况")
    buffer = io.BytesIO()
    document.save(buffer)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src,
        zipfile.ZipFile(out, "w") as dst,
    ):
        for info in src.infolist():
            data = src.read(info)
            if info.filename in edit:
                replaced = edit[info.filename]
                if replaced is None:
                    continue
                data = replaced(data) if callable(replaced) else replaced
            dst.writestr(info, data)
    return out.getvalue()


def test_a_damaged_docx_part_is_our_error() -> None:
    data = _docx({"word/document.xml": lambda d: d[: len(d) // 2]})  # type: ignore[dict-item]
    with pytest.raises(opengov_report.DecodeError) as info:
        opengov_report.parse(data)
    assert "the Word file cannot be read: an XML part of it is damaged or cut short" in str(
        info.value
    )


def test_a_docx_with_external_content_is_refused() -> None:
    def chunk(d: bytes) -> bytes:
        return d.replace(b"</w:body>", b'<w:altChunk r:id="rId99"/></w:body>')

    with pytest.raises(opengov_report.InputError, match="altChunk"):
        opengov_report.parse(_docx({"word/document.xml": chunk}))  # type: ignore[dict-item]


def test_custom_xml_paragraphs_are_read() -> None:
    def wrap(d: bytes) -> bytes:
        return d.replace(
            b"<w:body>",
            b'<w:body><w:customXml w:element="x"><w:p><w:r><w:t>\xe8\xaf\xb4\xe6\x98\x8e'
            b"</w:t></w:r></w:p></w:customXml>",
        )

    report = opengov_report.parse(_docx({"word/document.xml": wrap}))  # type: ignore[dict-item]
    assert report.document.text.startswith("说明")


def _pdf(pages: int = 3) -> bytes:
    """A PDF of ``pages`` pages, each with two lines naming it, its content compressed."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, invariant=1, pageCompression=1)
    for n in range(1, pages + 1):
        pdf.setFont("Helvetica", 12)
        pdf.drawString(72, 720, f"page {n} line one")
        pdf.drawString(72, 700, f"page {n} line two")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _unused_object(data: bytes, like: bytes) -> bytes:
    """An object number the file does not have, written with as many digits as ``like``."""
    used = {int(m.group(1)) for m in re.finditer(rb"(?m)^(\d+) 0 obj", data)}
    low = 10 ** (len(like) - 1) if len(like) > 1 else 1
    return str(next(n for n in range(low, 10 ** len(like)) if n not in used)).encode()


def test_the_pdf_helper_reads_every_page() -> None:
    text = opengov_report.extract(_pdf()).text
    assert text.splitlines() == [f"page {n} line {w}" for n in (1, 2, 3) for w in ("one", "two")]


def test_a_damaged_pdf_page_object_is_refused() -> None:
    """pdfminer passes over a page the page tree names but that is not a page object."""
    data = _pdf()
    pages = list(re.finditer(rb"/Type /Page(?!s)", data))
    assert len(pages) == 3
    damaged = data[: pages[1].end() - 1] + b"x" + data[pages[1].end() :]  # /Type /Pagx
    with pytest.raises(opengov_report.DecodeError, match="page tree has 3 pages, of which 1"):
        opengov_report.extract(damaged)


def _page_content(data: bytes, page: int) -> tuple[int, int]:
    """Where the content stream of page ``page`` (1-based) is: the start and end of its data."""
    streams = [m.span(1) for m in re.finditer(rb"\nstream\r?\n(.*?)endstream", data, re.S)]
    assert len(streams) == 3  # one content stream per page, nothing else
    return streams[page - 1]


def test_a_pdf_page_whose_content_does_not_decompress_is_refused() -> None:
    """pdfminer reads compressed data that does not decompress as nothing, silently."""
    data = _pdf()
    start, end = _page_content(data, 2)
    mid = (start + end) // 2
    damaged = data[: mid - 10] + data[mid - 10 : mid + 10][::-1] + data[mid + 10 :]
    with pytest.raises(opengov_report.DecodeError, match="content of page 2 is damaged"):
        opengov_report.extract(damaged)


def test_a_pdf_page_whose_content_is_missing_is_refused() -> None:
    data = _pdf()
    refs = list(re.finditer(rb"/Contents (\d+) 0 R", data))
    assert len(refs) == 3
    ref = refs[1].group(1)
    damaged = data[: refs[1].start(1)] + _unused_object(data, ref) + data[refs[1].end(1) :]
    with pytest.raises(opengov_report.DecodeError, match="content of page 2 is missing"):
        opengov_report.extract(damaged)


def test_an_encrypted_pdf_passes_the_content_check() -> None:
    """The streams of an encrypted file are checked once deciphered, as pdfminer reads them."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    secret = pdfencrypt.StandardEncryption("", ownerPassword="owner", canCopy=1)
    pdf = canvas.Canvas(out, invariant=1, pageCompression=1, encrypt=secret)
    pdf.drawString(72, 720, "page 1 line one")
    pdf.showPage()
    pdf.save()
    assert b"page 1" not in out.getvalue()
    assert opengov_report.extract(out.getvalue()).text == "page 1 line one\n"


def test_the_real_pdf_is_read_whole() -> None:
    """The corpus PDF passes the checks, and text comes from each of its pages (six: the
    pages pdftotext wrote, each ended by a form feed)."""
    folder = CORPUS / "pdf"
    expected = (folder / "001_huaian_2024.pdftotext.txt").read_text(encoding="utf-8")
    extracted = opengov_report.extract(folder / "001_huaian_2024.pdf")
    assert extracted.provenance is not None
    pages = {
        origin.page
        for line in extracted.provenance.lines
        for _, origin in line
        if isinstance(origin, PdfOrigin)
    }
    assert pages == set(range(1, expected.count("\f") + 1)) == set(range(1, 7))
