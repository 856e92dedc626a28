"""PDF files to text: text lines in reading order, ruled tables as tab-separated rows.

Uses pdfplumber (the ``pdf`` extra): on each page, tables are found from their ruling lines
and read cell by cell (a merged cell gives its text in its top-left position and empty cells
elsewhere); the text outside the tables is read line by line; both are put in order from the
top of the page.  A table broken by a page break continues on the next page as more rows.  Every
line's origin is its page and box; a table row's cells each have their own box.  A PDF without
a text layer (a scan) is refused: it needs OCR first.
"""

from __future__ import annotations

import io
from typing import Any

from ..errors import DecodeError, InputError, MissingExtraError
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
            for page in pdf.pages:
                chars += len(page.chars)
                _page(page, out)
                page.close()
    except Exception as exc:  # pdfminer raises many kinds for damaged or encrypted files
        raise DecodeError(f"the PDF file cannot be read: {exc}") from None
    if not chars:
        raise InputError("the PDF has no text layer (a scanned document?): it needs OCR first")
    return out.build(InputFormat.PDF)


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
