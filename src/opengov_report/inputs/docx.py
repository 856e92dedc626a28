"""Word (.docx) files to text: body paragraphs as lines, tables as tab-separated rows.

Uses python-docx (the ``docx`` extra) to open the package and reads the body's XML in order.
A paragraph's tabs and line breaks are kept (a tab in Word is a tab in the copied text), and the
list number Word shows before it (automatic numbering, :mod:`.docx_numbering`) is written out; a
table's merged cells (``gridSpan``, ``vMerge``) are expanded into empty cells, the text in the
top-left position.  The header printed on the first page comes first (a title may stand
there); other headers, footers, footnotes, comments and deleted (tracked) text are not read.
Every line's origin is the paragraph, or the table, row and cell, it came from (all None for
the header's lines, which are not in python-docx's lists of the body).
"""

from __future__ import annotations

import io
import zlib
from typing import Any

from ..errors import DecodeError, InputError, MissingExtraError
from ..model.provenance import DocxOrigin, InputFormat, Provenance
from .docx_numbering import ListNumbering
from .text_builder import TextBuilder, cell_text

__all__ = ["extract_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_P, _TBL, _TR, _TC, _SDT = _W + "p", _W + "tbl", _W + "tr", _W + "tc", _W + "sdt"
_TEXT = {_W + "t": None, _W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n"}
_TEXT_TAGS = frozenset((*_TEXT, _W + "noBreakHyphen", _W + "softHyphen"))


def extract_docx(data: bytes) -> tuple[str, Provenance]:
    """The text of a .docx file's body and the provenance of its lines."""
    try:
        import docx  # noqa: PLC0415 (an optional extra)
    except ImportError:
        raise MissingExtraError("reading Word files", "docx", "python-docx") from None
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        numbering = ListNumbering.of(document)
    except Exception as exc:  # python-docx, zipfile and lxml raise many kinds
        raise DecodeError(f"the Word file cannot be read: {_why(exc)}") from None
    reader = _Reader(numbering)
    header = _first_page_header(document)
    if header is not None:
        reader.blocks(header, top=False)
    reader.blocks(body, top=True)
    return reader.out.build(InputFormat.DOCX)


def _first_page_header(document: Any) -> Any:
    """The XML of the header printed on the first page (the first section's first-page header
    when it has one, else its default header), or None when the section has none.

    Some reports print their title (or the agency's name) there rather than in the body; it
    is read as the first lines of the text, where a reader sees it.  Other pages' headers
    repeat it, and footers hold page numbers: neither is read."""
    sections = document.sections
    if not len(sections):
        return None
    first = sections[0]
    header = first.first_page_header if first.different_first_page_header_footer else first.header
    return None if header.is_linked_to_previous else header._element


def _why(exc: Exception) -> str:
    """Why a .docx could not be opened, in our words (the library's detail in brackets)."""
    import zipfile  # noqa: PLC0415

    import lxml.etree  # noqa: PLC0415 (installed with python-docx)

    if isinstance(exc, lxml.etree.XMLSyntaxError):
        line, column = exc.position if exc.position else (None, None)
        where = f" (line {line}, column {column})" if line is not None else ""
        return f"an XML part of it is damaged or cut short{where} [{exc.msg}]"
    if isinstance(exc, (zipfile.BadZipFile, EOFError, zlib.error)):
        return f"the ZIP archive it is made of is damaged or cut short [{exc}]"
    if isinstance(exc, KeyError):
        return f"a part it needs is missing [{exc}]"
    return f"it is damaged or not a Word document [{type(exc).__name__}: {exc}]"


class _Reader:
    """Reads body elements in order into a :class:`TextBuilder`."""

    def __init__(self, numbering: ListNumbering) -> None:
        self.out = TextBuilder()
        self.numbering = numbering
        self.paragraphs = 0
        self.tables = 0

    def blocks(self, parent: Any, *, top: bool) -> None:
        for child in parent:
            tag = child.tag
            if tag == _P:
                index = self.paragraphs if top else None
                self.paragraphs += 1 if top else 0
                text = self.paragraph(child)
                if text.strip():
                    self.out.line(text, DocxOrigin(paragraph=index))
            elif tag == _TBL:
                index = self.tables if top else None
                self.tables += 1 if top else 0
                self.table(child, index)
            elif tag == _SDT:  # a content control: its content is body content
                for content in child.iterchildren(_W + "sdtContent"):
                    self.blocks(content, top=False)
            elif tag == _W + "customXml":  # custom markup around paragraphs and tables
                self.blocks(child, top=False)
            elif tag == _W + "altChunk":  # content imported from another part: not read
                raise InputError(
                    "the Word file imports part of its content from another file (w:altChunk), "
                    "which is not read: open it in Word and save it, then read it again"
                )

    def paragraph(self, p: Any) -> str:
        """The paragraph's text, with the list number Word shows before it."""
        text = _paragraph_text(p)
        label = self.numbering.label(p)
        return label + text if text.strip() else text

    def table(self, tbl: Any, index: int | None) -> None:
        for r, tr in enumerate(tbl.iterchildren(_TR)):
            cells: list[tuple[str, DocxOrigin | None]] = []
            before = _int_attr(tr.find(f"{_W}trPr/{_W}gridBefore"), 0)
            cells.extend(("", None) for _ in range(before))
            column = before
            for tc in tr.iterchildren(_TC):
                span = _int_attr(tc.find(f"{_W}tcPr/{_W}gridSpan"), 1)
                vmerge = tc.find(f"{_W}tcPr/{_W}vMerge")
                continued = vmerge is not None and vmerge.get(_W + "val", "continue") == "continue"
                origin = DocxOrigin(table=index, row=r, cell=column)
                text = "" if continued else cell_text("\n".join(self.cell_lines(tc)))
                cells.append((text, origin))
                cells.extend(("", origin) for _ in range(span - 1))
                column += span
            if cells:
                self.out.row(cells)

    def cell_lines(self, tc: Any) -> list[str]:
        lines: list[str] = []
        for child in tc:
            if child.tag == _P:
                lines.append(self.paragraph(child))
            elif child.tag in (_TBL, _SDT):  # a table in a cell: its text joins the cell's
                lines.extend(self.paragraph(p) for p in child.iter(_P))
        return lines


def _paragraph_text(p: Any) -> str:
    parts: list[str] = []
    for el in p.iter(*_TEXT_TAGS, _MC_FALLBACK):
        if el.tag == _MC_FALLBACK or _inside_fallback(el, p):
            continue
        fixed = _TEXT.get(el.tag)
        if el.tag == _W + "t":
            parts.append(el.text or "")
        elif el.tag == _W + "noBreakHyphen":
            parts.append("-")
        elif fixed is not None:
            parts.append(fixed)
    return "".join(parts)


def _inside_fallback(el: Any, stop: Any) -> bool:
    node = el.getparent()
    while node is not None and node is not stop:
        if node.tag == _MC_FALLBACK:
            return True
        node = node.getparent()
    return False


def _int_attr(el: Any, default: int) -> int:
    if el is None:
        return default
    value = el.get(_W + "val", "")
    return min(int(value), 1000) if value.isdigit() else default
