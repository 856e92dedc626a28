"""``opengov-report render``: a report written back as text in the official layout."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from .._atomic import replace_atomically
from ..render import LAYOUTS, render
from .common import EXIT_ERROR, EXIT_OK, inputs

__all__ = ["register"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``render`` command."""
    p = commands.add_parser(
        "render",
        help="write a report back as text: the official outline, tables as cells, TSV or Markdown",
        description="Read a report (text, or a published format) and write it in the official "
        "section order with its tables in one layout: cells (one tab-led cell per line), tsv "
        "or markdown.  Values are written as they were: blank, 0, 无, ——, amounts with units.  "
        "'-' reads standard input.",
    )
    p.add_argument("path", metavar="PATH", help="a report file, or '-'")
    p.add_argument("--layout", "-l", choices=LAYOUTS, default="cells")
    p.add_argument("--output", "-o", metavar="OUT", help="the output file (default: stdout)")
    p.set_defaults(run=_run)


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    ((_, report),) = inputs([args.path], err)
    if report is None:
        return EXIT_ERROR
    text = render(report, layout=args.layout)
    if args.output in (None, "-"):
        out.write(text)
        return EXIT_OK
    try:
        replace_atomically(args.output, lambda tmp: _write(tmp, text))
    except OSError as exc:
        print(f"opengov-report: cannot write {args.output}: {exc.strerror or exc}", file=err)
        return EXIT_ERROR
    return EXIT_OK


def _write(path: Path, text: str) -> bool:
    path.write_text(text, encoding="utf-8", newline="")
    return True
