"""opengov_report: read Chinese government information-disclosure annual reports.

Parse a 政府信息公开工作年度报告 (text, bytes or a file) into a lossless document tree::

    >>> import opengov_report
    >>> doc = opengov_report.parse_document("一、总体情况\\n本年度……\\n")
    >>> [s.title for s in doc.sections()]
    ['总体情况']
    >>> doc.text == "一、总体情况\\n本年度……\\n"
    True
"""

from __future__ import annotations

from .document import (
    Blank,
    Cell,
    Document,
    Front,
    Heading,
    MetaLine,
    Noise,
    NoiseKind,
    Numbering,
    NumberingAnomaly,
    NumberingStyle,
    Paragraph,
    Row,
    Section,
    Span,
    Table,
    TableLayout,
    TitleLine,
    walk,
)
from .errors import DecodeError, InputError, OpenGovReportError, ParseError
from .parse import grammar_text, parse_document
from .source import decode

__version__ = "0.1.0"

__all__ = [
    "Blank",
    "Cell",
    "DecodeError",
    "Document",
    "Front",
    "Heading",
    "InputError",
    "MetaLine",
    "Noise",
    "NoiseKind",
    "Numbering",
    "NumberingAnomaly",
    "NumberingStyle",
    "OpenGovReportError",
    "Paragraph",
    "ParseError",
    "Row",
    "Section",
    "Span",
    "Table",
    "TableLayout",
    "TitleLine",
    "__version__",
    "decode",
    "grammar_text",
    "parse_document",
    "walk",
]
