"""``opengov-report render``: a report written back as text in the official layout."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from .._atomic import replace_atomically
from .._render import LAYOUTS, MISSING_TABLE, render
from ..checks.outline import nothing_recognized
from .common import EXIT_ERROR, EXIT_OK, inputs
from .runner import add_decoding_arguments

__all__ = ["register"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``render`` command."""
    p = commands.add_parser(
        "render",
        help="write a report back as text: the official outline, tables as cells, TSV or Markdown",
        description="Read a report (text, or a published format) and write it in the official "
        "section order with its tables in one layout: cells (one tab-led cell per line), tsv "
        "or markdown.  Values are written as they were: blank, 0, 无, ——, amounts with units.  "
        "Only what the report holds is written: a missing table is marked "
        f"{MISSING_TABLE}, sections whose text the model does not keep stay empty (see "
        "--stock-prose).  A text in which no report is recognised is refused (exit 2).  "
        "'-' reads standard input.",
    )
    p.add_argument("path", metavar="PATH", help="a report file, or '-'")
    p.add_argument(
        "--layout",
        "-l",
        choices=LAYOUTS,
        default="cells",
        help="how tables are written: cells (one tab-led cell per line, as Word exports them), "
        "tsv (a row per line) or markdown (pipe tables) (default: %(default)s)",
    )
    p.add_argument(
        "--stock-prose",
        action="store_true",
        help="fill the sections the model holds no text for with stock sentences, and write "
        "a missing table as 本年度无相关情况。 (made-up text, e.g. for test fixtures)",
    )
    p.add_argument("--output", "-o", metavar="OUT", help="the output file (default: stdout)")
    add_decoding_arguments(p)
    p.set_defaults(run=_run)


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    ((name, report),) = inputs(
        [args.path], err, encoding=args.encoding, errors=args.errors, max_size=args.max_size
    )
    if report is None:
        return EXIT_ERROR
    if nothing_recognized(report):
        print(
            f"opengov-report: {name}: no report was recognised (no title, no outline heading, "
            "no table): nothing to render",
            file=err,
        )
        return EXIT_ERROR
    text = render(report, layout=args.layout, stock_prose=args.stock_prose)
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
