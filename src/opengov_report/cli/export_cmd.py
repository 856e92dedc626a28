"""``opengov-report export``: reports as JSON, their figures as JSON lines, CSV or Parquet, or
a corpus as a DuckDB database."""

from __future__ import annotations

import argparse
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from .._atomic import replace_atomically
from ..batch import FileResult
from ..errors import OpenGovReportError
from ..model.report import AnnualReport
from ..serialize import to_data
from ..serialize.database import build_database
from ..serialize.parquet import write_parquet
from ..serialize.tidy import write_csv, write_jsonl
from .common import EXIT_ERROR, EXIT_OK
from .runner import add_batch_arguments, run_batch

__all__ = ["FORMATS", "register"]

#: formats written from the reports in this process that need each report's document tree
#: (its text), not only its tables (json needs it too, but is made in the workers)
_WHOLE_REPORT = frozenset({"duckdb"})

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
    p.add_argument(
        "--format",
        "-f",
        choices=tuple(FORMATS),
        default="json",
        dest="format",
        help="json: each report's whole model (readable with opengov_report.from_json); "
        "jsonl, csv, parquet: one row per figure; duckdb: a database of reports, figures and "
        "findings (default: %(default)s)",
    )
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


def _json_item(report: AnnualReport) -> str:
    """``--format json``: one report's object (made in a batch worker)."""
    return json.dumps(to_data(report), ensure_ascii=False, indent=2)


def _jsonl_part(report: AnnualReport) -> str:
    """``--format jsonl``: one report's lines (made in a batch worker)."""
    part = io.StringIO()
    write_jsonl([report], part)
    return part.getvalue()


def _csv_part(report: AnnualReport) -> str:
    """``--format csv``: one report's rows without the header (made in a batch worker)."""
    part = io.StringIO(newline="")
    write_csv([report], part, header=False)
    return part.getvalue()


#: the text formats, each made report by report in the batch's workers: sending the text back
#: costs far less than sending the report
_PARTS = {"json": _json_item, "jsonl": _jsonl_part, "csv": _csv_part}


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    fmt: str = args.format
    target: str | None = args.output if args.output not in (None, "-") else None
    if target is None and not FORMATS[fmt]:
        print(f"opengov-report: export --format {fmt} needs --output/-o FILE", file=err)
        return EXIT_ERROR
    failed = False
    read = 0

    def results() -> Iterator[FileResult]:
        nonlocal failed, read
        whole = fmt in _WHOLE_REPORT
        for result in run_batch(
            args.paths,
            err,
            jobs=args.jobs,
            quiet=args.quiet,
            glob=args.glob,
            encoding=args.encoding,
            errors=args.errors,
            max_size=args.max_size,
            check=False,
            keep_report=whole,
            keep_tables=not whole and fmt not in _PARTS,
            transform=_PARTS.get(fmt),
        ):
            if not result.ok:
                failed = True
            else:
                read += 1
                yield result

    single = (
        fmt == "json"
        and len(args.paths) == 1
        and (args.paths[0] == "-" or Path(args.paths[0]).is_file())
        and not args.paths[0].lower().endswith(".zip")
    )

    def write(path: Path | None) -> bool:
        """Write everything to ``path`` (or ``out``); whether any input was read."""
        if fmt in _PARTS:
            parts = (str(r.output) for r in results())
            if path is None:
                _write_text(fmt, parts, out, single=single, bom=args.bom)
            else:
                with path.open("w", encoding="utf-8", newline="") as handle:
                    _write_text(fmt, parts, handle, single=single, bom=args.bom)
        else:
            assert path is not None
            reports = (r.report for r in results() if r.report is not None)
            _write_binary(fmt, reports, path)
        return read > 0

    try:
        if target is None:
            write(None)
        elif not replace_atomically(target, write):
            # no input could be read (or there was none): the previous output stays
            print(f"opengov-report: no report was read; {target} left as it was", file=err)
            failed = True
    except OpenGovReportError as exc:
        print(f"opengov-report: {exc}", file=err)
        return EXIT_ERROR
    except BrokenPipeError:
        raise
    except OSError as exc:
        print(f"opengov-report: cannot write {target}: {exc.strerror or exc}", file=err)
        return EXIT_ERROR
    return EXIT_ERROR if failed else EXIT_OK


def _write_binary(fmt: str, reports: Iterator[AnnualReport], target: Path) -> None:
    if fmt == "parquet":
        write_parquet(reports, target)
    else:
        build_database(reports, target)


def _write_text(fmt: str, parts: Iterator[str], out: TextIO, *, single: bool, bom: bool) -> None:
    """Write the parts as they come: memory does not grow with the number of reports."""
    if fmt == "json":
        if single:
            first = next(parts, None)
            if first is not None:  # else the one input could not be read: nothing to write
                out.write(first + "\n")
            return
        out.write("[")
        for i, item in enumerate(parts):
            out.write(("," if i else "") + "\n" + item)
        out.write("\n]\n")
        return
    if fmt == "csv":
        write_csv((), out, bom=bom)  # the header
    for part in parts:
        out.write(part)
