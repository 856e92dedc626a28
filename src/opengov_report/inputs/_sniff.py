"""Content detection: is a file a PDF, a .docx, an HTML page or text?

Decided from the bytes, never from the file name: magic numbers for PDF and ZIP (a ZIP is a
.docx when it holds ``word/document.xml``), markup at the start of the decoded text for HTML.
"""

from __future__ import annotations

import io
import re
import zipfile

from ..errors import InputError
from ..model.provenance import InputFormat

__all__ = ["looks_like_html", "sniff"]

#: the PDF header may follow some junk; readers look for it in the first kilobyte
_PDF_WINDOW = 1024
_ZIP_MAGIC = b"PK\x03\x04"
#: the first thing in an HTML page: a doctype, an XML declaration or comment before one, or
#: one of the elements a page or a fragment starts with
_HTML_START_RE = re.compile(
    r"(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*){0,5}"
    r"<(?:!doctype\s+html|html|head|body|meta|title|link|style|script|table|div|p|h[1-6])[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_HTML_WINDOW = 4096


def sniff(data: bytes) -> InputFormat:
    """The format of a file's bytes: PDF, DOCX, HTML or TEXT.

    Raises :class:`InputError` for a ZIP archive that is not a Word document (an .xlsx, an
    .odt …).  Bytes that are neither PDF, ZIP nor markup are TEXT: decoding them decides
    whether they really are text.
    """
    if b"%PDF-" in data[:_PDF_WINDOW]:
        return InputFormat.PDF
    if data.startswith(_ZIP_MAGIC):
        return _zip_format(data)
    if looks_like_html(_prefix_text(data)):
        return InputFormat.HTML
    return InputFormat.TEXT


def looks_like_html(text: str) -> bool:
    """Whether ``text`` starts (after white space and a BOM) with HTML markup."""
    return _HTML_START_RE.match(text.lstrip("\ufeff \t\r\n\f")) is not None


def _prefix_text(data: bytes) -> str:
    head = data[:_HTML_WINDOW].removeprefix(b"\xef\xbb\xbf")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="replace")
    # markup is ASCII in every encoding we read: a lossless single-byte decoding suffices
    return head.decode("latin-1")


def _zip_format(data: bytes) -> InputFormat:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(f"the input is a damaged ZIP archive: {exc}") from None
    if "word/document.xml" in names:
        return InputFormat.DOCX
    if "xl/workbook.xml" in names:
        raise InputError("the input is an Excel workbook (.xlsx), not a report")
    raise InputError("the input is a ZIP archive that is not a Word document (.docx)")
