"""``opengov-report parse``: era, metadata, outline and tables of each report, or JSON."""

from __future__ import annotations

import argparse
import json
import os
from decimal import Decimal
from typing import Any, TextIO

import attrs

from .._memo import Memo
from ..document import Cell, Document, Row, Section, Span, Table, walk
from ..model.report import AnnualReport
from .common import EXIT_ERROR, EXIT_OK
from .runner import STDIN, add_batch_arguments, run_batch

__all__ = ["document_to_json", "outline", "register", "report_to_json", "summary"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``parse`` command."""
    p_parse = commands.add_parser(
        "parse",
        help="print each report's era, metadata, outline and tables (or all of it as JSON)",
        description="Print each report's era, metadata, outline (headings with their levels, "
        "tables with their row and column counts) and the values of its recognised tables.  "
        "Folders are read recursively (the files matching --glob) and zip archives member by "
        "member; '-' reads standard input.  Text, HTML pages, Word (.docx) files and PDFs are "
        "accepted, recognised by their content (HTML, .docx and PDF need the html, docx and "
        "pdf extras).",
    )
    p_parse.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="report files, folders or zip archives ('-' for stdin)",
    )
    p_parse.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object per report: era, metadata, figures and the document tree "
        "(a view for reading, not the model: from_json does not read it back, `export -f json` "
        "writes what it reads)",
    )
    add_batch_arguments(p_parse)
    p_parse.set_defaults(run=_run)


def _many(names: list[str]) -> bool:
    """More than one report may come: several names, a folder or an archive."""
    return len(names) > 1 or any(
        name != STDIN and (os.path.isdir(name) or name.lower().endswith(".zip")) for name in names
    )


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    status = EXIT_OK
    many = _many(args.files)
    # the text is made in the workers: sending it costs far less than sending a report's tree
    results = run_batch(
        args.files,
        err,
        jobs=args.jobs,
        quiet=args.quiet,
        glob=args.glob,
        encoding=args.encoding,
        errors=args.errors,
        max_size=args.max_size,
        check=False,
        transform=json_pieces if args.json else summary,
    )
    for result in results:
        if not result.ok:
            status = EXIT_ERROR
            continue
        if args.json:
            for piece in result.output:
                out.write(piece.decode("utf-8", "surrogatepass"))
            continue
        if many:
            out.write(f"==> {result.path} <==\n")
        out.write(result.output)
    return status


def json_line(report: AnnualReport) -> str:
    """One line of ``parse --json``: the report as JSON (:func:`report_to_json`) with its
    source's name first."""
    return b"".join(json_pieces(report)).decode("utf-8", "surrogatepass")


def json_pieces(report: AnnualReport) -> list[bytes]:
    """:func:`json_line` in UTF-8, in pieces of about 64k characters (each whole characters),
    to be written one after the other.

    The document tree is written node by node (a long table row a few hundred cells at a
    time): neither the tree as JSON-ready data nor the line as one string is ever whole in
    memory, only the pieces, about five bytes for each byte of a Chinese text (ten characters
    of JSON for each of the text, most of them ASCII: as a ``str`` of Chinese, two bytes each).
    """
    record = {"source": report.source, **_model_json(report)}
    out = _Pieces()
    out.add(json.dumps(record, ensure_ascii=False)[:-1])  # the closing brace comes last
    out.add(', "document": ')
    _write_node(report.document, out)
    out.add("}\n")
    return out.done()


def summary(report: AnnualReport) -> str:
    """Era, metadata, outline and the recognised tables, for a person to read."""
    meta = report.metadata
    lines = [f"era: {report.era.value}"]
    for field in ("title", "agency", "year", "published", "signatory"):
        value = getattr(meta, field)
        if value is not None:
            lines.append(f"{field}: {value}")
    lines.append("")
    lines.append(outline(report.document, title=False).rstrip("\n"))
    for table in report.tables:
        figures = list(table.figures())
        lines.append("")
        lines.append(f"table {table.table_id}: {len(figures)} values")
        if table.missing:
            missing = ", ".join(
                m.row + (f"/{m.column}" if m.column else "") for m in table.missing[:12]
            )
            more = f" (+{len(table.missing) - 12} more)" if len(table.missing) > 12 else ""
            lines.append(f"  missing: {missing}{more}")
        rows: dict[str, list[str]] = {}
        for f in figures:
            rows.setdefault(f.row, []).append(f"{f.column}={f.value.raw.strip() or '∅'}")
        for row, cells in rows.items():
            lines.append(f"  {row}: " + " ".join(cells))
    for statement in report.statements:
        lines.append("")
        lines.append(f"stated in prose ({statement.table}): {statement.text}")
    return "\n".join(lines) + "\n"


def report_to_json(report: AnnualReport) -> dict[str, Any]:
    """The model as JSON-ready data: era, metadata, figures, statements and the tree."""
    return {**_model_json(report), "document": document_to_json(report.document)}


def _model_json(report: AnnualReport) -> dict[str, Any]:
    """:func:`report_to_json` without the tree."""
    meta = report.metadata
    return {
        "era": report.era.value,
        "era_evidence": [e.reason for e in report.era_evidence],
        "metadata": {
            "title": meta.title,
            "agency": meta.agency,
            "year": meta.year,
            "published": meta.published.isoformat() if meta.published else None,
            "signatory": meta.signatory,
        },
        "figures": [
            {
                "table": f.table,
                "row": f.row,
                "column": f.column,
                "kind": f.value.kind.value,
                "value": _number_json(f.value.number),
                "unit": f.value.unit,
                "raw": f.value.raw,
                "line": f.span.line if f.span else None,
                "col": f.span.column if f.span else None,
                "origin": _origin_json(report, f.span),
            }
            for f in report.figures()
        ],
        "missing": {
            t.table_id: [{"row": m.row, "column": m.column, "reason": m.reason} for m in t.missing]
            for t in report.tables
        },
        "statements": [{"table": s.table, "text": s.text} for s in report.statements],
    }


def _origin_json(report: AnnualReport, span: Span | None) -> dict[str, Any] | None:
    """Where a value is in the original HTML, .docx or PDF file (None for text input)."""
    if report.provenance is None or span is None:
        return None
    origin = report.provenance.locate(span)
    if origin is None:
        return None
    return {"format": report.provenance.format.value, **attrs.asdict(origin)}


def _number_json(number: object) -> object:
    if isinstance(number, Decimal):
        return str(number)
    return number


def outline(doc: Document, *, title: bool = True) -> str:
    """A readable outline: the title, each heading indented by level, and each table."""
    lines: list[str] = []
    if title and doc.title:
        lines.append(f"title: {doc.title}")
    for node in walk(doc):
        if isinstance(node, Section):
            h = node.heading
            mark = f"  [{h.anomaly.value}]" if h.anomaly is not None else ""
            lines.append(f"{'  ' * (h.level - 1)}{h.numbering.text}{h.title}{mark}")
        elif isinstance(node, Table):
            rows, cols = node.shape
            lines.append(
                f"{'':>4}table: {rows} rows × {cols} columns ({node.layout.value}), "
                f"line {node.span.line}"
            )
    return "\n".join(lines) + "\n"


def document_to_json(doc: Document) -> dict[str, Any]:
    """The document tree as JSON-ready data; every node has a ``type``."""
    data: dict[str, Any] = _node_json(doc)
    return data


#: the field names of each attrs class met in a tree (None: not an attrs class)
_FIELD_NAMES: Memo[type, tuple[str, ...] | None] = Memo(
    lambda kind: tuple(f.name for f in attrs.fields(kind)) if attrs.has(kind) else None, 256
)
#: a row stores its cells as tuples of :class:`Cell`'s fields, in order
_CELL_FIELDS = tuple(f.name for f in attrs.fields(Cell))
_PLAIN = (str, int, float, bool, type(None))


def _node_json(node: Any) -> Any:
    kind = type(node)
    if kind in _PLAIN:
        return node
    if kind is Row:
        return {
            "type": "Row",
            "is_rule": node.is_rule,
            "cells": [
                {"type": "Cell", **dict(zip(_CELL_FIELDS, p, strict=True))} for p in node.parts
            ],
        }
    fields = _FIELD_NAMES[kind]
    if fields is not None:
        data: dict[str, Any] = {"type": kind.__name__}
        for name in fields:
            data[name] = _node_json(getattr(node, name))
        return data
    if isinstance(node, tuple):
        return [_node_json(n) for n in node]
    if hasattr(node, "value") and not isinstance(node, (str, int)):
        return node.value  # enums
    return node


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


#: cells of a row encoded at a time by :func:`_write_node`
_CELL_BATCH = 256


def _write_node(node: Any, out: _Pieces) -> None:
    """Write ``node`` as :func:`document_to_json` and ``json.dumps`` write it, node by node:
    a node with a tuple of nodes (the document, a section, a table …) is written around
    them, the others at once."""
    kind = type(node)
    if kind is Row:
        out.add(f'{{"type": "Row", "is_rule": {_dumps(node.is_rule)}, "cells": [')
        parts = node.parts
        for i in range(0, len(parts), _CELL_BATCH):
            cells = [
                {"type": "Cell", **dict(zip(_CELL_FIELDS, p, strict=True))}
                for p in parts[i : i + _CELL_BATCH]
            ]
            out.add((", " if i else "") + _dumps(cells)[1:-1])
        out.add("]}")
        return
    fields = _FIELD_NAMES[kind]
    if fields is None or not any(type(getattr(node, name)) is tuple for name in fields):
        out.add(_dumps(_node_json(node)))
        return
    out.add(f'{{"type": {_dumps(kind.__name__)}')
    for name in fields:
        value = getattr(node, name)
        out.add(f", {_dumps(name)}: ")
        if type(value) is tuple:
            out.add("[")
            for i, child in enumerate(value):
                if i:
                    out.add(", ")
                _write_node(child, out)
            out.add("]")
        else:
            _write_node(value, out)
    out.add("}")


class _Pieces:
    """Strings written one after the other, kept as UTF-8 pieces of about 64k characters (a
    list of the small strings themselves would cost about 50 bytes each)."""

    __slots__ = ("_buffer", "_pieces", "_size")

    def __init__(self) -> None:
        self._pieces: list[bytes] = []
        self._buffer: list[str] = []
        self._size = 0

    def add(self, text: str) -> None:
        self._buffer.append(text)
        self._size += len(text)
        if self._size >= 65536:
            self._flush()

    def done(self) -> list[bytes]:
        """The pieces, in order (the last one ending with what was written last)."""
        self._flush()
        return self._pieces

    def _flush(self) -> None:
        if self._buffer:
            self._pieces.append("".join(self._buffer).encode("utf-8", "surrogatepass"))
            self._buffer.clear()
            self._size = 0
