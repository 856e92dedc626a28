"""``opengov-report export``: reports as JSON, their figures as JSON lines, CSV or Parquet, or
a corpus as a DuckDB database."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import TextIO

import attrs

from ..errors import OpenGovReportError
from ..model.report import AnnualReport
from ..serialize.converter import to_data
from ..serialize.database import build_database
from ..serialize.parquet import write_parquet
from ..serialize.tidy import write_csv, write_jsonl
from .common import EXIT_ERROR, EXIT_OK, expand, inputs

__all__ = ["FORMATS", "register"]

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
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files or directories")
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
    p.set_defaults(run=_run)


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    fmt: str = args.format
    target: str | None = args.output if args.output not in (None, "-") else None
    if target is None and not FORMATS[fmt]:
        print(f"opengov-report: export --format {fmt} needs --output/-o FILE", file=err)
        return EXIT_ERROR
    names = list(expand(args.paths))
    status = EXIT_OK
    reports: list[AnnualReport] = []
    for name, report in inputs(names, err):
        if report is None:
            status = EXIT_ERROR
        elif report.source is None:  # standard input: name it in every format
            reports.append(attrs.evolve(report, source=name))
        else:
            reports.append(report)
    single = len(args.paths) == 1 and len(names) == 1 and not Path(args.paths[0]).is_dir()
    try:
        _write(fmt, reports, target, out, single=single, bom=args.bom)
    except OpenGovReportError as exc:
        print(f"opengov-report: {exc}", file=err)
        return EXIT_ERROR
    except BrokenPipeError:
        raise
    except OSError as exc:
        print(f"opengov-report: cannot write {target}: {exc.strerror or exc}", file=err)
        return EXIT_ERROR
    return status


def _write(
    fmt: str,
    reports: list[AnnualReport],
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
    fmt: str, reports: list[AnnualReport], out: TextIO, *, single: bool, bom: bool
) -> None:
    if fmt == "json":
        if single and not reports:
            return  # the one input could not be read: nothing to write
        data = to_data(reports[0]) if single else [to_data(r) for r in reports]
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        write_jsonl(reports, out)
    else:
        write_csv(reports, out, bom=bom)
