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

import importlib

#: ``typing.TYPE_CHECKING`` without importing ``typing`` (type checkers take it as true)
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__version__ = "0.1.0"

# The public names are imported on first use (PEP 562), so that ``import opengov_report`` (and
# so the command line's start, which catches Ctrl-C only once its own module runs) loads
# nothing heavy; what they are is the same as an eager import's.  ``_PUBLIC``: the
# submodule each name comes from ("" for a subpackage of that name); the imports below are
# the same, for type checkers (a test holds them equal).
_PUBLIC: dict[str, str] = {
    "batch": "",
    "RULES": "checks",
    "Finding": "checks",
    "Location": "checks",
    "Rule": "checks",
    "RuleTag": "checks",
    "Severity": "checks",
    "UnknownRuleError": "checks",
    "check": "checks",
    "check_corpus": "checks",
    "check_pair": "checks",
    "Blank": "document",
    "Cell": "document",
    "Document": "document",
    "Front": "document",
    "Heading": "document",
    "MetaLine": "document",
    "Noise": "document",
    "NoiseKind": "document",
    "Numbering": "document",
    "NumberingAnomaly": "document",
    "NumberingStyle": "document",
    "Paragraph": "document",
    "Row": "document",
    "Section": "document",
    "Span": "document",
    "Table": "document",
    "TableLayout": "document",
    "TitleLine": "document",
    "walk": "document",
    "DecodeError": "errors",
    "InputError": "errors",
    "MissingExtraError": "errors",
    "OpenGovReportError": "errors",
    "ParseError": "errors",
    "SerializationError": "errors",
    "DocxOrigin": "inputs",
    "Extracted": "inputs",
    "HtmlOrigin": "inputs",
    "InputFormat": "inputs",
    "Origin": "inputs",
    "PdfOrigin": "inputs",
    "Provenance": "inputs",
    "extract": "inputs",
    "sniff": "inputs",
    "Era": "model.era",
    "EraEvidence": "model.era",
    "AnnualReport": "model.report",
    "Metadata": "model.report",
    "ApplicationTable": "model.tables",
    "DisclosureTable2019": "model.tables",
    "DisclosureTable2021": "model.tables",
    "Figure": "model.tables",
    "LegacyRow": "model.tables",
    "LegacyTable": "model.tables",
    "Missing": "model.tables",
    "ProseStatement": "model.tables",
    "ReviewTable": "model.tables",
    "TableCell": "model.tables",
    "UnrecognizedRow": "model.tables",
    "Value": "model.values",
    "ValueKind": "model.values",
    "parse_value": "model.values",
    "grammar_text": "_parse",
    "parse_document": "_parse",
    "render": "_render",
    "parse": "report",
    "converter": "serialize",
    "findings_from_json": "serialize",
    "findings_to_json": "serialize",
    "from_json": "serialize",
    "json_schema": "serialize",
    "tidy_rows": "serialize",
    "to_json": "serialize",
    "decode": "source",
}

if TYPE_CHECKING:
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


if not TYPE_CHECKING:  # type checkers read the imports above

    def __getattr__(name: str) -> Any:
        """A public name, imported on first use; or a submodule not imported yet."""
        module = _PUBLIC.get(name)
        if module is None:
            try:
                return importlib.import_module(f"{__name__}.{name}")
            except ModuleNotFoundError as exc:
                if exc.name != f"{__name__}.{name}":
                    raise
                raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
        if module:
            value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
        else:
            value = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(globals()) | set(__all__))
