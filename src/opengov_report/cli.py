"""The ``opengov-report`` command line.

Exit status: 0 when everything was read, 2 on a usage error or when any input could not be read
or decoded (the other inputs are still processed, and each failure is one line on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs

from . import __version__
from .document import Document, Row, Section, Table, walk
from .errors import OpenGovReportError
from .parse import parse_document
from .source import decode

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="opengov-report",
        description="Read 政府信息公开工作年度报告 (government information-disclosure annual "
        "reports): outline, tables, numbers and their consistency.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p_parse = commands.add_parser(
        "parse",
        help="print each report's outline (headings, tables) or its document tree as JSON",
        description="Print each report's outline: headings with their levels and tables with "
        "their row and column counts.  '-' reads standard input.",
    )
    p_parse.add_argument("files", nargs="+", metavar="FILE", help="report files ('-' for stdin)")
    p_parse.add_argument("--json", action="store_true", help="print the document tree as JSON")
    p_parse.set_defaults(run=_cmd_parse)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args, sys.stdout, sys.stderr)
    except BrokenPipeError:  # `opengov-report parse … | head`
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    return status


def _inputs(names: Sequence[str], err: TextIO) -> Iterator[tuple[str, Document | None]]:
    """Parse each named input, reporting failures on ``err`` as ``name: message``."""
    for name in names:
        try:
            if name == "-":
                doc = parse_document(decode(sys.stdin.buffer.read()))
                yield "<stdin>", doc
            else:
                yield name, parse_document(Path(name))
        except OpenGovReportError as exc:
            message = str(exc)
            if not message.startswith(name):
                message = f"{name}: {message}"
            print(f"opengov-report: {message}", file=err)
            yield name, None


def _cmd_parse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    status = EXIT_OK
    many = len(args.files) > 1
    for name, doc in _inputs(args.files, err):
        if doc is None:
            status = EXIT_ERROR
            continue
        if args.json:
            record = {"source": name, "document": document_to_json(doc)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        if many:
            out.write(f"==> {name} <==\n")
        out.write(outline(doc))
    return status


def outline(doc: Document) -> str:
    """A readable outline: the title, each heading indented by level, and each table."""
    lines: list[str] = []
    if doc.title:
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


def _node_json(node: Any) -> Any:
    if isinstance(node, Row):
        return {
            "type": "Row",
            "is_rule": node.is_rule,
            "cells": [_node_json(c) for c in node.cells],
        }
    if attrs.has(type(node)):
        data: dict[str, Any] = {"type": type(node).__name__}
        for field in attrs.fields(type(node)):
            data[field.name] = _node_json(getattr(node, field.name))
        return data
    if isinstance(node, tuple):
        return [_node_json(n) for n in node]
    if hasattr(node, "value") and not isinstance(node, (str, int)):
        return node.value  # enums
    return node
