"""JSON Schema (draft 2020-12) of the report JSON, generated from the attrs classes.

:func:`generate_schema` walks the model's attrs classes and their type hints the way the
converter reads them (see :mod:`opengov_report.serialize._converter`): classes become ``$defs``
entries, ``X | None`` a choice with ``null``, ``tuple[X, ...]`` an array, enums their values,
``Decimal`` a decimal string, ``date`` a ``format: date`` string, a span a four-integer array and
a union of classes the ``"type"``-tagged choice.  The schemas shipped in the package
(``report.schema.json`` and ``findings.schema.json``, read by :func:`json_schema`) are this
output; a test keeps them equal.
Regenerate it with ``python -m opengov_report.serialize --write``.
"""

from __future__ import annotations

import datetime
import enum
import json
import sys
import typing
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import attrs

from ..checks.finding import Finding
from ..document import Document, Span
from ..model.report import AnnualReport
from ._converter import FORMAT_VERSION, converter
from ._types import RENAMES, TAG, class_union, is_number_union, union_args

__all__ = [
    "SCHEMA_FILE",
    "SCHEMA_FILES",
    "generate_findings_schema",
    "generate_schema",
    "json_schema",
    "main",
    "schema_texts",
]

#: the file names of the shipped schemas, inside this package
SCHEMA_FILES = {"report": "report.schema.json", "findings": "findings.schema.json"}
#: the report schema's file name
SCHEMA_FILE = SCHEMA_FILES["report"]
_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_DECIMAL = {
    "type": "string",
    "pattern": "^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$",
    "description": "an exact decimal number, as a string",
}
_SPAN = {
    "type": "array",
    "description": "[start, end, line, column]: offsets into the text; 1-based line and column",
    "prefixItems": [
        {"type": "integer", "minimum": 0},
        {"type": "integer", "minimum": 0},
        {"type": "integer", "minimum": 1},
        {"type": "integer", "minimum": 1},
    ],
    "items": False,
    "minItems": 4,
}


def json_schema(kind: Literal["report", "findings"] = "report") -> dict[str, Any]:
    """The JSON Schema, as shipped (a new copy), of :func:`~opengov_report.to_json`'s output
    (``"report"``) or of :func:`~opengov_report.findings_to_json`'s (``"findings"``)."""
    if kind not in SCHEMA_FILES:
        raise ValueError(f"no schema for {kind!r}: choose one of {sorted(SCHEMA_FILES)}")
    name = SCHEMA_FILES[kind]
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def generate_schema(root: type = AnnualReport) -> dict[str, Any]:
    """The schema of the JSON of ``root`` (an attrs class), generated from its type hints."""
    return _Generator().root(root)


def generate_findings_schema() -> dict[str, Any]:
    """The schema of :func:`~opengov_report.findings_to_json`'s output."""
    return _Generator().envelope("findings", Finding)


class _Generator:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.tagged: set[type] = set()

    def root(self, cls: type) -> dict[str, Any]:
        self._collect_tagged(cls, set())
        body = self._object(cls)
        body["properties"] = {"format_version": _version(), **body["properties"]}
        body["required"] = ["format_version", *body["required"]]
        return {
            "$schema": _DIALECT,
            "$id": f"https://opengov-report.invalid/schema/{cls.__name__}/v{FORMAT_VERSION}",
            "title": f"opengov_report {cls.__name__} (format version {FORMAT_VERSION})",
            **body,
            "$defs": dict(sorted(self.defs.items())),
        }

    def envelope(self, key: str, cls: type) -> dict[str, Any]:
        """An object with ``format_version`` and ``key``: an array of ``cls``."""
        self._collect_tagged(cls, set())
        items = self._type(cls)
        return {
            "$schema": _DIALECT,
            "$id": f"https://opengov-report.invalid/schema/{key}/v{FORMAT_VERSION}",
            "title": f"opengov_report {key} (format version {FORMAT_VERSION})",
            "type": "object",
            "properties": {
                "format_version": _version(),
                key: {"type": "array", "items": items},
            },
            "required": ["format_version", key],
            "additionalProperties": False,
            "$defs": dict(sorted(self.defs.items())),
        }

    def _collect_tagged(self, tp: Any, seen: set[Any]) -> None:
        if tp in seen or tp is Document or tp is Span:
            return
        seen.add(tp)
        members = class_union(tp)
        if members is not None:
            self.tagged.update(members)
        if isinstance(tp, type) and attrs.has(tp):
            for hint in _hints(tp).values():
                self._collect_tagged(hint, seen)
            return
        for arg in typing.get_args(tp):
            if arg is not Ellipsis:
                self._collect_tagged(arg, seen)

    def _object(self, cls: type) -> dict[str, Any]:
        hints = _hints(cls)
        renames = RENAMES.get(cls, {})
        properties: dict[str, Any] = {}
        required: list[str] = []
        if cls in self.tagged:
            properties[TAG] = {"const": cls.__name__}
            required.append(TAG)
        for field in attrs.fields(cls):
            name = renames.get(field.name, field.name)
            schema = self._type(hints[field.name])
            if field.default is attrs.NOTHING:
                required.append(name)
            elif not isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                schema = {**schema, "default": converter.unstructure(field.default)}
            properties[name] = schema
        out: dict[str, Any] = {"type": "object"}
        doc = _first_line(cls.__doc__)
        if doc:
            out["description"] = doc
        out.update(properties=properties, required=required, additionalProperties=False)
        return out

    def _ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserve: recursive classes terminate
            self.defs[name] = self._object(cls)
        return {"$ref": f"#/$defs/{name}"}

    def _type(self, tp: Any) -> dict[str, Any]:
        if tp is Span:
            return dict(_SPAN)
        if tp is Document:
            return {"type": "string", "description": "the report's decoded source text"}
        if is_number_union(tp):
            choices: list[dict[str, Any]] = [{"type": "integer"}, dict(_DECIMAL)]
            if type(None) in (union_args(tp) or ()):
                choices.append({"type": "null"})
            return {"anyOf": choices}
        args = union_args(tp)
        if args is not None:
            return {"anyOf": [self._type(a) for a in args]}
        if tp is type(None):
            return {"type": "null"}
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is float:
            return {"type": "number"}
        if tp is Decimal:
            return dict(_DECIMAL)
        if tp is datetime.date:
            return {"type": "string", "format": "date"}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"enum": [m.value for m in tp]}
        if isinstance(tp, type) and attrs.has(tp):
            return self._ref(tp)
        if typing.get_origin(tp) is tuple:
            items = typing.get_args(tp)
            if len(items) == 2 and items[1] is Ellipsis:
                return {"type": "array", "items": self._type(items[0])}
            return {
                "type": "array",
                "prefixItems": [self._type(i) for i in items],
                "items": False,
                "minItems": len(items),
            }
        raise TypeError(f"no JSON Schema for type {tp!r}")


def _version() -> dict[str, Any]:
    return {
        "type": "integer",
        "minimum": 1,
        "maximum": FORMAT_VERSION,
        "description": "the version of the JSON format this was written in",
    }


def _hints(cls: type) -> dict[str, Any]:
    hints: dict[str, Any] = typing.get_type_hints(cls)
    return hints


def _first_line(doc: str | None) -> str:
    if not doc:
        return ""
    return " ".join(doc.strip().split("\n\n")[0].split())


def schema_texts() -> dict[str, str]:
    """The text of each shipped schema file as the generator makes it now, by file name."""
    made = {"report": generate_schema(), "findings": generate_findings_schema()}
    return {
        SCHEMA_FILES[kind]: json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
        for kind, schema in made.items()
    }


def main(argv: list[str]) -> int:
    """Print the report schema, or with ``--write`` rewrite the shipped files; exit status."""
    texts = schema_texts()
    if argv == ["--write"]:
        for name, text in texts.items():
            Path(__file__).with_name(name).write_text(text, encoding="utf-8")
        return 0
    sys.stdout.write(texts[SCHEMA_FILE])
    return 0
