"""Where the extracted text came from: origins in the original HTML, .docx or PDF file.

An input reader (:mod:`opengov_report.inputs`) turns a file into text (a line per paragraph,
a tab-separated line per table row) and records, for each line of that text, the origin of
each of its segments (a paragraph has one segment, a table row one per cell).
:meth:`Provenance.locate` maps a :class:`~opengov_report.document.Span` of the extracted text
back to the original.  These are facts a report carries (:attr:`AnnualReport.provenance
<opengov_report.model.report.AnnualReport.provenance>`), so they live in the model, below the
readers that make them.
"""

from __future__ import annotations

import bisect
import enum
from typing import TypeAlias

import attrs

from ..document import Span

__all__ = [
    "DocxOrigin",
    "HtmlOrigin",
    "InputFormat",
    "LineOrigins",
    "Origin",
    "PdfOrigin",
    "Provenance",
]


class InputFormat(enum.Enum):
    """What a source was read as."""

    TEXT = "text"
    HTML = "html"
    DOCX = "docx"
    PDF = "pdf"


@attrs.frozen(slots=True)
class HtmlOrigin:
    """An element of an HTML page: the 1-based ``line`` and ``column`` of its start tag in the
    decoded page (``column`` is None when the tag could not be found on its line, e.g. for an
    element the parser implied), and the tag name."""

    line: int
    column: int | None
    tag: str


@attrs.frozen(slots=True)
class DocxOrigin:
    """A place in a .docx body, as python-docx counts it (0-based): ``paragraph`` indexes
    ``document.paragraphs`` (body paragraphs); ``table``, ``row`` and ``cell`` give
    ``document.tables[table].cell(row, cell)`` (``cell`` is the grid column, so every column a
    merged cell covers points to that cell's first column).  Unused fields are None."""

    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None


@attrs.frozen(slots=True)
class PdfOrigin:
    """A box on a PDF page: 1-based ``page`` and the box ``x0, top, x1, bottom`` in points from
    the page's top-left corner (pdfplumber's coordinates)."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


Origin: TypeAlias = HtmlOrigin | DocxOrigin | PdfOrigin

#: the origins of one line of extracted text: (1-based start column, origin), by column
LineOrigins: TypeAlias = tuple[tuple[int, Origin], ...]


@attrs.frozen(slots=True)
class Provenance:
    """The map from the extracted text back to the original file.

    ``lines[i]`` holds the origins of line ``i + 1`` of the extracted text: the segments
    (paragraph, or each cell of a table row) that start at each column.  Empty for lines an
    adapter added itself (the blank lines it puts between blocks).
    """

    format: InputFormat
    lines: tuple[LineOrigins, ...] = attrs.field(repr=False)

    def locate(self, span: Span | None) -> Origin | None:
        """The origin of the text at ``span`` (its line and column in the extracted text): the
        segment of that line that starts at or before the column; None when ``span`` is None
        or its line has no origin."""
        return None if span is None else self.at(span.line, span.column)

    def at(self, line: int, column: int = 1) -> Origin | None:
        """The origin of 1-based ``line`` and ``column`` of the extracted text, or None."""
        if not 1 <= line <= len(self.lines):
            return None
        segments = self.lines[line - 1]
        if not segments:
            return None
        i = bisect.bisect_right([c for c, _ in segments], column) - 1
        return segments[max(i, 0)][1]
