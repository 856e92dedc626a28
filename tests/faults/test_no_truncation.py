"""Nothing is truncated silently: a deep HTML page is read whole or refused, a damaged or
partly external .docx is refused in our words (issue 16, items 6 and 7)."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

import opengov_report
from opengov_report.inputs.html import MAX_DEPTH
from tests.conftest import SEED_PATHS

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
