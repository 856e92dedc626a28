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

from . import batch
from ._parse import grammar_text, parse_document
from ._render import render
from .checks import (
    RULES,
    Finding,
    Location,
    Rule,
    RuleTag,
    Severity,
    UnknownRuleError,
    check,
    check_corpus,
    check_pair,
)
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
from .errors import (
    DecodeError,
    InputError,
    MissingExtraError,
    OpenGovReportError,
    ParseError,
    SerializationError,
)
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
from .report import parse
from .serialize import (
    converter,
    findings_from_json,
    findings_to_json,
    from_json,
    json_schema,
    tidy_rows,
    to_json,
)
from .source import decode

__version__ = "0.1.0"

__all__ = [
    "RULES",
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
    "Finding",
    "Front",
    "Heading",
    "HtmlOrigin",
    "InputError",
    "InputFormat",
    "LegacyRow",
    "LegacyTable",
    "Location",
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
    "Rule",
    "RuleTag",
    "Section",
    "SerializationError",
    "Severity",
    "Span",
    "Table",
    "TableCell",
    "TableLayout",
    "TitleLine",
    "UnknownRuleError",
    "UnrecognizedRow",
    "Value",
    "ValueKind",
    "__version__",
    "batch",
    "check",
    "check_corpus",
    "check_pair",
    "converter",
    "decode",
    "extract",
    "findings_from_json",
    "findings_to_json",
    "from_json",
    "grammar_text",
    "json_schema",
    "parse",
    "parse_document",
    "parse_value",
    "render",
    "sniff",
    "tidy_rows",
    "to_json",
    "walk",
]
