"""Reading reports where they are published: text, HTML pages, Word (.docx) files and PDFs.

:func:`extract` turns what a user hands us into the text the layout grammar reads, choosing
the reader from the content (magic bytes, markup), never from the file name.  HTML, .docx and
PDF need optional extras (``html``, ``docx``, ``pdf``); their text comes with a
:class:`Provenance` that maps each line (and each table cell) of the extracted text back to
the original file.  See ``docs/inputs.md``.
"""

from __future__ import annotations

import os
from pathlib import Path

import attrs

from ..errors import InputError, OpenGovReportError
from ..model.provenance import DocxOrigin, HtmlOrigin, InputFormat, Origin, PdfOrigin, Provenance
from ..source import Errors, check_size, decode, read_bytes, refuse_file_name
from ._sniff import sniff
from .docx import extract_docx
from .html import decode_html, extract_html
from .pdf import extract_pdf

__all__ = [
    "DocxOrigin",
    "Extracted",
    "HtmlOrigin",
    "InputFormat",
    "Origin",
    "PdfOrigin",
    "Provenance",
    "extract",
    "sniff",
]


@attrs.frozen(slots=True)
class Extracted:
    """A source read as text: the ``text`` the grammar parses, the ``format`` it was read as,
    the ``provenance`` of its lines (None for text, which is its own original) and the file
    ``path`` (None when not read from a file)."""

    text: str
    format: InputFormat
    provenance: Provenance | None = attrs.field(default=None, repr=False)
    path: str | None = None


def extract(
    source: str | bytes | os.PathLike[str],
    *,
    encoding: str | None = None,
    errors: Errors = "strict",
    max_size: int | None = None,
) -> Extracted:
    """Read ``source`` as a report's text.

    A ``str`` is the text itself (never sniffed, so that every string parses as text); a
    one-line str that names an existing file raises :class:`~opengov_report.InputError`
    saying to pass a :class:`pathlib.Path` (a path given as str would otherwise give an empty
    report, silently).
    ``bytes`` and files are sniffed (:func:`sniff`): a PDF, a .docx or an HTML page is
    converted to text through its extra; anything else is decoded (:func:`~opengov_report.decode`).

    Raises :class:`~opengov_report.InputError` when a file cannot be read or its format is not
    supported, :class:`~opengov_report.MissingExtraError` (an ``InputError``) when the extra
    its format needs is not installed, and :class:`~opengov_report.DecodeError` when the bytes
    are neither text nor a readable HTML, .docx or PDF file.  ``encoding`` and ``errors`` are
    :func:`~opengov_report.decode`'s, for text and HTML pages (a named encoding overrides a
    page's ``<meta charset>``).  Bytes and files larger than ``max_size`` bytes (default
    :data:`~opengov_report.source.MAX_INPUT_SIZE`, 50 MB; 0: no limit) raise
    :class:`~opengov_report.InputError` before anything is decoded.
    """
    if isinstance(source, str):
        refuse_file_name(source)
        return Extracted(source, InputFormat.TEXT)
    if isinstance(source, (bytes, bytearray, memoryview)):
        check_size("the input", len(source), max_size)
        return _extract_bytes(bytes(source), None, encoding, errors)
    if isinstance(source, os.PathLike):
        path = Path(source)
        data = read_bytes(path, max_size=max_size)
        try:
            return _extract_bytes(data, str(path), encoding, errors)
        except OpenGovReportError as exc:
            exc.args = (f"{path}: {exc}",)
            raise exc from None
    raise InputError(f"expected text (str), bytes or a path, not {type(source).__name__}")


def _extract_bytes(
    data: bytes, path: str | None, encoding: str | None, errors: Errors
) -> Extracted:
    fmt = sniff(data)
    if fmt is InputFormat.PDF:
        text, provenance = extract_pdf(data)
    elif fmt is InputFormat.DOCX:
        text, provenance = extract_docx(data)
    elif fmt is InputFormat.HTML:
        text, provenance = extract_html(decode_html(data, encoding=encoding, errors=errors))
    else:
        return Extracted(decode(data, encoding=encoding, errors=errors), fmt, None, path)
    return Extracted(text, fmt, provenance, path)
