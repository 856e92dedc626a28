"""``parse``: from a report's text, bytes or file to its typed model."""

from __future__ import annotations

import os

from .errors import OpenGovReportError, ParseError
from .model.report import AnnualReport
from .parse import parse_document
from .recognize import recognize
from .source import read_source

__all__ = ["parse"]


def parse(source: str | bytes | os.PathLike[str]) -> AnnualReport:
    """Parse a report into its typed model: era, metadata and statistical tables.

    ``source`` is the text (``str``), raw bytes, or a path to a file.  The document tree stays
    reachable as ``report.document``; every figure points back to its line and column.

    Raises :class:`~opengov_report.DecodeError` when bytes are not text and
    :class:`~opengov_report.InputError` when a file cannot be read.  Any text gives a report:
    one with nothing recognisable has era ``unknown`` and no tables.
    """
    text, path = read_source(source)
    doc = parse_document(text)
    try:
        return recognize(doc, source=path)
    except OpenGovReportError:
        raise
    except (IndexError, ValueError, KeyError, AssertionError, TypeError) as exc:
        raise ParseError(f"internal error while recognising the report: {exc!r}") from exc
