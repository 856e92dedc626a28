"""PDF files to text: text lines in reading order, ruled tables as tab-separated rows.

Uses pdfplumber (the ``pdf`` extra): on each page, tables are found from their ruling lines
and read cell by cell (a merged cell gives its text in its top-left position and empty cells
elsewhere); the text outside the tables is read line by line; both are put in order from the
top of the page.  A table broken by a page break continues on the next page as more rows.  Every
line's origin is its page and box; a table row's cells each have their own box.  A PDF without
a text layer (a scan) is refused: it needs OCR first.

Every page is read or the file is refused: pdfminer passes over what it cannot read (a page the
page tree names but that is missing, a content stream that is missing or does not decompress)
without a word, so fewer pages than the page tree's ``/Count``, and any such content stream,
raise :class:`~opengov_report.DecodeError` naming the page.
"""

from __future__ import annotations

import io
import zlib
from typing import Any

from ..errors import DecodeError, InputError, MissingExtraError, OpenGovReportError
from ..model.provenance import InputFormat, PdfOrigin, Provenance
from .text_builder import TextBuilder, cell_text

__all__ = ["extract_pdf"]


def extract_pdf(data: bytes) -> tuple[str, Provenance]:
    """The text of a PDF file and the provenance of its lines."""
    try:
        import pdfplumber  # noqa: PLC0415 (an optional extra)
    except ImportError:
        raise MissingExtraError("reading PDF files", "pdf", "pdfplumber") from None
    out = TextBuilder()
    chars = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = pdf.pages
            declared = _declared_pages(pdf.doc)
            if declared is not None and len(pages) < declared:
                raise DecodeError(
                    f"the PDF file cannot be read whole: its page tree has {declared} pages, "
                    f"of which {declared - len(pages)} are missing or damaged"
                )
            for page in pages:
                _check_contents(page)
                chars += len(page.chars)
                _page(page, out)
                page.close()
    except OpenGovReportError:
        raise
    except Exception as exc:  # pdfminer raises many kinds for damaged or encrypted files
        raise DecodeError(f"the PDF file cannot be read: {exc}") from None
    if not chars:
        raise InputError("the PDF has no text layer (a scanned document?): it needs OCR first")
    return out.build(InputFormat.PDF)


def _declared_pages(doc: Any) -> int | None:
    """The number of pages the document's page tree declares (``/Count``), if it says."""
    from pdfminer.pdftypes import resolve1  # noqa: PLC0415 (pdfplumber's own dependency)

    tree = resolve1(doc.catalog.get("Pages"))
    count = resolve1(tree.get("Count")) if isinstance(tree, dict) else None
    return count if isinstance(count, int) and not isinstance(count, bool) else None


def _check_contents(page: Any) -> None:
    """Raise unless every content stream of the page can be read whole.

    pdfminer reads a missing stream as empty, and compressed data that does not decompress
    as what it can get of it (often nothing); here each stream's filters are applied up to
    its zlib compression, which must decompress whole, before pdfminer reads it (a second
    decoding of the page's content, which costs little beside reading it)."""
    from pdfminer.ascii85 import ascii85decode, asciihexdecode  # noqa: PLC0415
    from pdfminer.pdftypes import (  # noqa: PLC0415 (pdfplumber's own dependency)
        LITERALS_ASCII85_DECODE,
        LITERALS_ASCIIHEX_DECODE,
        LITERALS_FLATE_DECODE,
        PDFStream,
        resolve1,
    )

    where = f"the PDF file cannot be read whole: the content of page {page.page_number}"
    for content in page.page_obj.contents:
        stream = resolve1(content)
        if not isinstance(stream, PDFStream):
            raise DecodeError(f"{where} is missing")
        data = stream.rawdata
        if data is None:  # decoded already
            continue
        objid, genno = stream.objid, stream.genno
        if stream.decipher is not None and objid is not None and genno is not None:
            data = stream.decipher(objid, genno, data, stream.attrs)  # an encrypted file
        for name, _ in stream.get_filters():
            if name in LITERALS_ASCII85_DECODE:
                data = ascii85decode(data)
            elif name in LITERALS_ASCIIHEX_DECODE:
                data = asciihexdecode(data)
            elif name in LITERALS_FLATE_DECODE:
                try:
                    data = zlib.decompress(data)
                except zlib.error:
                    raise DecodeError(
                        f"{where} is damaged (its compressed data does not decompress)"
                    ) from None
            else:  # other filters: pdfminer's decoders raise on damaged data
                break


def _page(page: Any, out: TextBuilder) -> None:
    number: int = page.page_number
    tables = page.find_tables()
    rest = page
    for table in tables:
        rest = rest.outside_bbox(table.bbox)
    blocks: list[tuple[float, float, int, Any]] = []
    for i, table in enumerate(tables):
        x0, top, _, _ = table.bbox
        blocks.append((top, x0, i, table))
    for i, line in enumerate(rest.extract_text_lines(return_chars=False)):
        blocks.append((line["top"], line["x0"], len(tables) + i, line))
    blocks.sort(key=lambda b: (b[0], b[1], b[2]))
    for _, _, _, block in blocks:
        if isinstance(block, dict):
            origin = PdfOrigin(number, block["x0"], block["top"], block["x1"], block["bottom"])
            out.line(block["text"].replace("\t", " "), origin)
        else:
            _table(block, number, out)


def _table(table: Any, number: int, out: TextBuilder) -> None:
    for row, texts in zip(table.rows, table.extract(), strict=True):
        cells: list[tuple[str, PdfOrigin | None]] = []
        for box, text in zip(row.cells, texts, strict=True):
            origin = PdfOrigin(number, *box) if box is not None else None
            cells.append((cell_text(text or ""), origin))
        out.row(cells)
