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
from .errors import DecodeError, InputError, MissingExtraError, OpenGovReportError, ParseError
from .inputs import (
    DocxOrigin,
    Extracted,
    HtmlOrigin,
    InputFormat,
    Origin,
    PdfOrigin,
    Provenance,
    extract,
    sniff,
)
from .model.era import Era, EraEvidence
from .model.report import AnnualReport, Metadata
from .model.tables import (
    ApplicationTable,
    DisclosureTable2019,
    DisclosureTable2021,
    Figure,
    LegacyRow,
    LegacyTable,
    Missing,
    ProseStatement,
    ReviewTable,
    TableCell,
    UnrecognizedRow,
)
from .model.values import Value, ValueKind, parse_value
from .parse import grammar_text, parse_document
from .report import parse
from .source import decode

__version__ = "0.1.0"

__all__ = [
    "AnnualReport",
    "ApplicationTable",
    "Blank",
    "Cell",
    "DecodeError",
    "DisclosureTable2019",
    "DisclosureTable2021",
    "Document",
    "DocxOrigin",
    "Era",
    "EraEvidence",
    "Extracted",
    "Figure",
    "Front",
    "Heading",
    "HtmlOrigin",
    "InputError",
    "InputFormat",
    "LegacyRow",
    "LegacyTable",
    "MetaLine",
    "Metadata",
    "Missing",
    "MissingExtraError",
    "Noise",
    "NoiseKind",
    "Numbering",
    "NumberingAnomaly",
    "NumberingStyle",
    "OpenGovReportError",
    "Origin",
    "Paragraph",
    "ParseError",
    "PdfOrigin",
    "ProseStatement",
    "Provenance",
    "ReviewTable",
    "Row",
    "Section",
    "Span",
    "Table",
    "TableCell",
    "TableLayout",
    "TitleLine",
    "UnrecognizedRow",
    "Value",
    "ValueKind",
    "__version__",
    "decode",
    "extract",
    "grammar_text",
    "parse",
    "parse_document",
    "parse_value",
    "sniff",
    "walk",
]
