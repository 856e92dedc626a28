"""JSON for reports and findings: a cattrs converter, ``to_json`` and ``from_json``.

The JSON of a report is an object with ``format_version`` (:data:`FORMAT_VERSION`), the model's
fields in their declared order and ``text``, the decoded source text: reading it back re-parses
that text (the document tree is lossless), so ``from_json(to_json(r)) == r`` and the restored
report has its ``document`` too.  Encodings: enums by value; ``Decimal`` as a string (exact);
``int | Decimal`` numbers as a JSON integer or a string; dates as ``YYYY-MM-DD``; a
:class:`~opengov_report.document.Span` as ``[start, end, line, column]``; a field whose type is
a union of classes (the disclosure table) carries its class name under ``"type"``.
The shape is described by :func:`~opengov_report.serialize.schema.json_schema`.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from .._parse import parse_document
from ..checks.finding import Finding
from ..document import Document, Span
from ..errors import SerializationError
from ..model.report import AnnualReport
from ._types import RENAMES, TAG, class_union, is_number_union, union_args

__all__ = [
    "FORMAT_VERSION",
    "converter",
    "findings_from_json",
    "findings_to_json",
    "from_data",
    "from_json",
    "make_converter",
    "to_data",
    "to_json",
]

#: the version of the JSON format; a reader accepts every version up to its own
FORMAT_VERSION = 1


def _strict(kind: type, name: str) -> Callable[[Any, Any], Any]:
    def structure(data: Any, _: Any) -> Any:
        if type(data) is not kind:
            raise TypeError(f"expected {name}, got {type(data).__name__}")
        return data

    return structure


def _structure_float(data: Any, _: Any) -> float:
    """A JSON number (integer or not) as a float: PDF coordinates."""
    if type(data) not in (int, float):
        raise TypeError(f"expected a number, got {type(data).__name__}")
    return float(data)


def _structure_decimal(data: Any, _: Any) -> Decimal:
    if not isinstance(data, str):
        raise TypeError(f"expected a decimal string, got {type(data).__name__}")
    try:
        number = Decimal(data)
    except InvalidOperation:
        raise ValueError(f"not a decimal number: {data!r}") from None
    if not number.is_finite():
        raise ValueError(f"not a finite decimal number: {data!r}")
    return number


def _structure_date(data: Any, _: Any) -> datetime.date:
    if not isinstance(data, str):
        raise TypeError(f"expected a date string, got {type(data).__name__}")
    return datetime.date.fromisoformat(data)


def _structure_span(data: Any, _: Any) -> Span:
    if (
        not isinstance(data, list | tuple)
        or len(data) != 4
        or not all(type(n) is int for n in data)
    ):
        raise TypeError("a span is [start, end, line, column]")
    return Span(*data)


def _structure_document(data: Any, _: Any) -> Document:
    if not isinstance(data, str):
        raise TypeError("a report's text is a string")
    return parse_document(data)


def _structure_number(data: Any, tp: Any) -> int | Decimal | None:
    if data is None and type(None) in (union_args(tp) or ()):
        return None
    if type(data) is int:
        return data
    if isinstance(data, str):
        return _structure_decimal(data, Decimal)
    raise TypeError(f"expected an integer or a decimal string, got {type(data).__name__}")


def _unstructure_number(number: int | Decimal | None) -> int | str | None:
    return str(number) if isinstance(number, Decimal) else number


def make_converter() -> cattrs.Converter:
    """A new converter with the hooks of the report JSON format (see the module docstring)."""
    conv = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
    for kind, name in ((str, "a string"), (int, "an integer"), (bool, "a boolean")):
        conv.register_structure_hook(kind, _strict(kind, name))
    conv.register_structure_hook(float, _structure_float)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    conv.register_structure_hook(datetime.date, _structure_date)
    conv.register_unstructure_hook(Span, lambda s: [s.start, s.end, s.line, s.column])
    conv.register_structure_hook(Span, _structure_span)
    # by predicate: registering the class itself would resolve the tree's forward references
    conv.register_unstructure_hook_func(lambda tp: tp is Document, lambda d: d.text)
    conv.register_structure_hook_func(lambda tp: tp is Document, _structure_document)
    conv.register_structure_hook_func(is_number_union, _structure_number)
    conv.register_unstructure_hook_func(is_number_union, _unstructure_number)

    def unstructure_tagged(tp: Any) -> Callable[[Any], Any]:
        def unstructure(value: Any) -> Any:
            if value is None:
                return None
            return {TAG: type(value).__name__, **conv.unstructure(value, type(value))}

        return unstructure

    def structure_tagged(data: Any, tp: Any) -> Any:
        members = class_union(tp) or ()
        if data is None and type(None) in (union_args(tp) or ()):
            return None
        if not isinstance(data, Mapping) or TAG not in data:
            raise TypeError(f"expected an object with a {TAG!r} key")
        by_name = {m.__name__: m for m in members}
        cls = by_name.get(data[TAG])
        if cls is None:
            raise ValueError(f"{TAG} {data[TAG]!r} is none of {sorted(by_name)}")
        return conv.structure({k: v for k, v in data.items() if k != TAG}, cls)

    conv.register_unstructure_hook_factory(
        lambda tp: class_union(tp) is not None, unstructure_tagged
    )
    conv.register_structure_hook_func(lambda tp: class_union(tp) is not None, structure_tagged)

    for cls, renames in RENAMES.items():
        overrides: dict[str, Any] = {
            name: override(rename=json_name) for name, json_name in renames.items()
        }
        conv.register_unstructure_hook(cls, make_dict_unstructure_fn(cls, conv, **overrides))
        conv.register_structure_hook(cls, make_dict_structure_fn(cls, conv, **overrides))
    return conv


#: the converter of the report JSON format
converter = make_converter()


def to_data(report: AnnualReport) -> dict[str, Any]:
    """The report as JSON-ready data: ``format_version`` first, the fields, ``text`` last."""
    data: dict[str, Any] = converter.unstructure(report, AnnualReport)
    text = data.pop("text")
    return {"format_version": FORMAT_VERSION, **data, "text": text}


def from_data(data: object) -> AnnualReport:
    """The report of JSON data made by :func:`to_data` (of this or an older format version).

    Raises :class:`~opengov_report.SerializationError` when the data is not such a report.
    """
    if not isinstance(data, Mapping):
        raise SerializationError("a report's JSON is an object")
    body = dict(data)
    if "format_version" not in body and {"era", "figures", "document"} <= body.keys():
        raise SerializationError(
            "this is a line of `opengov-report parse --json` (a view of the report for reading: "
            "figures and the document tree), not the report's model: write the model with "
            "`opengov-report export -f json` or opengov_report.to_json to read it back"
        )
    _check_version(body.pop("format_version", None))
    try:
        report: AnnualReport = converter.structure(body, AnnualReport)
    except Exception as exc:  # cattrs, attrs validators, the parser: all one error here
        raise SerializationError(f"not a report in the JSON format: {_describe(exc)}") from exc
    return report


def to_json(report: AnnualReport, *, indent: int | None = None) -> str:
    """The report as JSON text (UTF-8 characters kept, not escaped); deterministic."""
    return json.dumps(to_data(report), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes) -> AnnualReport:
    """Read a report back from :func:`to_json` text.

    Raises :class:`~opengov_report.SerializationError` on anything else.
    """
    return from_data(_loads(text))


def findings_to_json(findings: Iterable[Finding], *, indent: int | None = None) -> str:
    """Findings as JSON: ``{"format_version": …, "findings": [...]}``."""
    items = [converter.unstructure(f, Finding) for f in findings]
    data = {"format_version": FORMAT_VERSION, "findings": items}
    return json.dumps(data, ensure_ascii=False, indent=indent)


def findings_from_json(text: str | bytes) -> tuple[Finding, ...]:
    """Read findings back from :func:`findings_to_json` text."""
    data = _loads(text)
    if not isinstance(data, dict) or set(data) != {"format_version", "findings"}:
        raise SerializationError("findings JSON is an object with format_version and findings")
    _check_version(data["format_version"])
    try:
        found: tuple[Finding, ...] = converter.structure(data["findings"], tuple[Finding, ...])
    except Exception as exc:
        raise SerializationError(f"not findings in the JSON format: {_describe(exc)}") from exc
    return found


def _loads(text: str | bytes) -> Any:
    try:
        return json.loads(text)
    except (ValueError, TypeError) as exc:
        raise SerializationError(f"not JSON: {exc}") from None


def _check_version(version: object) -> None:
    if type(version) is not int or version < 1:
        raise SerializationError("format_version is missing or not a positive integer")
    if version > FORMAT_VERSION:
        raise SerializationError(
            f"format_version {version} is newer than this library reads ({FORMAT_VERSION}): "
            "upgrade opengov-report"
        )


def _format_leaf(exc: BaseException, tp: type | None) -> str:
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown field(s) {sorted(exc.extra_fields)}"
    return f"{type(exc).__name__}: {exc}"


def _describe(exc: BaseException) -> str:
    if isinstance(exc, cattrs.BaseValidationError):
        notes = cattrs.transform_error(exc, format_exception=_format_leaf)
        return "; ".join(notes) if notes else str(exc)
    return f"{type(exc).__name__}: {exc}"
