"""``opengov-report export``: reports as JSON, their figures as JSON lines, CSV or Parquet, or
a corpus as a DuckDB database."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from ..errors import OpenGovReportError
from ..model.report import AnnualReport
from ..serialize.converter import to_data
from ..serialize.database import build_database
from ..serialize.parquet import write_parquet
from ..serialize.tidy import write_csv, write_jsonl
from .common import EXIT_ERROR, EXIT_OK
from .runner import add_batch_arguments, run_batch

__all__ = ["FORMATS", "register"]

#: formats that need a report's document tree (its text), not only its tables
_WHOLE_REPORT = frozenset({"json", "duckdb"})

#: the formats, and whether each can go to standard output
FORMATS = {"json": True, "jsonl": True, "csv": True, "parquet": False, "duckdb": False}


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``export`` command."""
    p = commands.add_parser(
        "export",
        help="write reports as JSON, their figures as JSON lines, CSV or Parquet, or a "
        "DuckDB database of reports, figures and findings",
        description="Export reports.  json: the full model of each report (one object for one "
        "file, else an array), readable with opengov_report.from_json.  jsonl, csv, parquet: "
        "one row per figure.  duckdb: tables reports, figures and findings.  A directory "
        "stands for every report file below it; '-' reads standard input.",
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="report files, folders or zip archives ('-' for stdin)",
    )
    p.add_argument("--format", "-f", choices=tuple(FORMATS), default="json", dest="format")
    p.add_argument(
        "--output",
        "-o",
        metavar="OUT",
        help="the output file (default: standard output; required for parquet and duckdb)",
    )
    p.add_argument(
        "--bom", action="store_true", help="csv: start with a UTF-8 BOM (for Excel users)"
    )
    add_batch_arguments(p)
    p.set_defaults(run=_run)


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    fmt: str = args.format
    target: str | None = args.output if args.output not in (None, "-") else None
    if target is None and not FORMATS[fmt]:
        print(f"opengov-report: export --format {fmt} needs --output/-o FILE", file=err)
        return EXIT_ERROR
    failed = False

    def reports() -> Iterator[AnnualReport]:
        nonlocal failed
        whole = fmt in _WHOLE_REPORT
        for result in run_batch(
            args.paths,
            err,
            jobs=args.jobs,
            quiet=args.quiet,
            glob=args.glob,
            check=False,
            keep_report=whole,
            keep_tables=not whole,
        ):
            if result.report is None:
                failed = True
            else:
                yield result.report

    single = (
        fmt == "json"
        and len(args.paths) == 1
        and (args.paths[0] == "-" or Path(args.paths[0]).is_file())
        and not args.paths[0].lower().endswith(".zip")
    )
    try:
        _write(fmt, reports(), target, out, single=single, bom=args.bom)
    except OpenGovReportError as exc:
        print(f"opengov-report: {exc}", file=err)
        return EXIT_ERROR
    except BrokenPipeError:
        raise
    except OSError as exc:
        print(f"opengov-report: cannot write {target}: {exc.strerror or exc}", file=err)
        return EXIT_ERROR
    return EXIT_ERROR if failed else EXIT_OK


def _write(
    fmt: str,
    reports: Iterator[AnnualReport],
    target: str | None,
    out: TextIO,
    *,
    single: bool,
    bom: bool,
) -> None:
    if fmt == "parquet":
        assert target is not None
        write_parquet(reports, target)
        return
    if fmt == "duckdb":
        assert target is not None
        build_database(reports, target)
        return
    if target is None:
        _write_text(fmt, reports, out, single=single, bom=bom)
        return
    tmp = target + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as handle:
        _write_text(fmt, reports, handle, single=single, bom=bom)
    os.replace(tmp, target)


def _write_text(
    fmt: str, reports: Iterator[AnnualReport], out: TextIO, *, single: bool, bom: bool
) -> None:
    """Write as the reports come: memory does not grow with the number of reports."""
    if fmt == "json":
        if single:
            first = next(reports, None)
            if first is not None:  # else the one input could not be read: nothing to write
                out.write(json.dumps(to_data(first), ensure_ascii=False, indent=2) + "\n")
            return
        out.write("[")
        for i, report in enumerate(reports):
            item = json.dumps(to_data(report), ensure_ascii=False, indent=2)
            out.write(("," if i else "") + "\n" + item)
        out.write("\n]\n")
    elif fmt == "jsonl":
        write_jsonl(reports, out)
    else:
        write_csv(reports, out, bom=bom)
