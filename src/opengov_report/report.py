"""``parse``: from a report's text, bytes or file to its typed model."""

from __future__ import annotations

import os

import attrs

from ._parse import parse_document
from .errors import OpenGovReportError, ParseError
from .inputs import extract
from .model.report import AnnualReport
from .recognize import recognize
from .source import Errors

__all__ = ["parse"]


def parse(
    source: str | bytes | os.PathLike[str],
    *,
    encoding: str | None = None,
    errors: Errors = "strict",
    max_size: int | None = None,
) -> AnnualReport:
    """Parse a report into its typed model: era, metadata and statistical tables.

    ``source`` is the text (``str``), raw bytes, or a path to a file (a :class:`pathlib.Path`; a
    str is always text, and one that names an existing file raises
    :class:`~opengov_report.InputError` saying so, rather than giving an empty report).  The
    document tree stays reachable as ``report.document``; every figure points back to its line
    and column.  Bytes and files are sniffed: an HTML page, a .docx or a PDF is read through its
    extra into text (see :func:`~opengov_report.extract`), and ``report.provenance`` maps a span
    of that text back to the original file (``report.provenance.locate(figure.span)``).

    ``encoding`` names the bytes' encoding instead of detecting it, and ``errors="replace"``
    reads bytes that are not valid in it as U+FFFD (reported by rule I101) instead of raising
    (see :func:`~opengov_report.decode`); both are for bytes and files, not for a str.  Bytes
    and files larger than ``max_size`` bytes (default 50 MB,
    :data:`~opengov_report.source.MAX_INPUT_SIZE`; 0: no limit) raise
    :class:`~opengov_report.InputError`.

    Raises :class:`~opengov_report.DecodeError` when bytes are not text and
    :class:`~opengov_report.InputError` when a file cannot be read.  Any text gives a report:
    one with nothing recognisable has era ``unknown`` and no tables.
    """
    extracted = extract(source, encoding=encoding, errors=errors, max_size=max_size)
    doc = parse_document(extracted.text)
    try:
        report = recognize(doc, source=extracted.path)
    except OpenGovReportError:
        raise
    except (IndexError, ValueError, KeyError, AssertionError, TypeError) as exc:
        raise ParseError(f"internal error while recognising the report: {exc!r}") from exc
    if extracted.provenance is not None:
        report = attrs.evolve(report, provenance=extracted.provenance)
    return report
