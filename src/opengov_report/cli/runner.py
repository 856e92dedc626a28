"""Running a command over many inputs: ``--jobs``/``--quiet``/``--glob``, a progress line on a
terminal, one line per failure and a summary at the end, all on stderr.

A command adds the options with :func:`add_batch_arguments` and iterates :func:`run_batch`::

    for result in run_batch(args.files, err, jobs=args.jobs, quiet=args.quiet, glob=args.glob):
        if result.ok:
            ...  # result.figures, result.findings (result.report with keep_report=True,
                 # result.output with transform=…)

Inputs are files, folders (walked for ``--glob``), zip archives and ``-`` (standard input).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TextIO

from ..batch import FileResult, Options, Progress, Source, default_jobs, iter_sources
from ..batch.run import process_sources
from ..batch.sources import DEFAULT_GLOB, OnSkip
from ..checks import RULES, select_rules
from ..model.report import AnnualReport
from ..source import ERRORS, MAX_INPUT_SIZE, Errors, read_limited, size_limit, too_large

__all__ = ["STDIN", "add_batch_arguments", "add_decoding_arguments", "run_batch"]

#: the input name that means standard input
STDIN = "-"


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("at least 1")
    return jobs


def add_batch_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``-j/--jobs``, ``-q/--quiet`` and ``--glob`` to a command's parser."""
    parser.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help="worker processes (default: the number of CPUs; 1 runs in this process)",
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress line and no summary on stderr (failures are still reported)",
    )
    add_decoding_arguments(parser)
    parser.add_argument(
        "--glob",
        default=DEFAULT_GLOB,
        metavar="PATTERN",
        help="the file names to read in folders and zip archives, one pattern or several "
        "separated by commas (default: %(default)s)",
    )


def _megabytes(text: str) -> int:
    try:
        mb = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of megabytes: {text!r}") from None
    if not math.isfinite(mb) or mb < 0:
        raise argparse.ArgumentTypeError("a number of megabytes, 0 or more")
    return int(mb * 1_000_000)


def add_decoding_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--encoding``, ``--errors`` (how bytes are decoded) and ``--max-size`` to a
    command's parser."""
    parser.add_argument(
        "--max-size",
        type=_megabytes,
        default=None,
        metavar="MB",
        help=f"the largest input read, in megabytes (default: {MAX_INPUT_SIZE // 1_000_000}; "
        "0: no limit); a larger file or archive member fails",
    )
    parser.add_argument(
        "--encoding",
        metavar="CODEC",
        help="the inputs' encoding (gbk, big5, utf-16-le …) instead of detecting it "
        "(detected: UTF-8, UTF-16, GB18030)",
    )
    parser.add_argument(
        "--errors",
        choices=ERRORS,
        default="strict",
        help="strict: an input with bytes not valid in its encoding fails, naming where; "
        "replace: they are read as U+FFFD, and check reports them (rule I101) "
        "(default: %(default)s)",
    )


def _sources(
    names: Sequence[str], glob: str, stdin: TextIO | None, on_skip: OnSkip, max_size: int | None
) -> Iterator[Source]:
    for name in names:
        if name == STDIN:
            stream = stdin if stdin is not None else sys.stdin
            yield read_stdin(stream, max_size)
        else:
            yield from iter_sources([name], glob=glob, on_skip=on_skip)


def read_stdin(stream: TextIO, max_size: int | None) -> Source:
    """Standard input as a source: its bytes, read up to one byte past the limit (a larger
    input is a failed source, not a process out of memory)."""
    limit = size_limit(max_size)
    data = read_limited(stream.buffer, limit)
    if limit is not None and len(data) > limit:
        return Source(name="<stdin>", error=str(too_large("<stdin>", len(data), limit, more=True)))
    return Source(name="<stdin>", data=data)


def _count(names: Sequence[str], glob: str) -> int:
    return sum(1 if n == STDIN else sum(1 for _ in iter_sources([n], glob=glob)) for n in names)


def run_batch(
    names: Sequence[str],
    err: TextIO,
    *,
    jobs: int | None = None,
    quiet: bool = False,
    glob: str = DEFAULT_GLOB,
    check: bool = True,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    keep_report: bool = False,
    keep_tables: bool = False,
    transform: Callable[[AnnualReport], Any] | None = None,
    stdin: TextIO | None = None,
    encoding: str | None = None,
    errors: Errors = "strict",
    max_size: int | None = None,
    note_unrecognized: bool = True,
) -> Iterator[FileResult]:
    """Process the named inputs with :mod:`opengov_report.batch`, reporting on ``err``.

    Yields every result in input order, failed ones included.  Each failure is also written to
    ``err`` as ``opengov-report: NAME: MESSAGE``, and each input that is listed but not read (a
    file in a folder that does not match ``glob``, a nested archive) as ``opengov-report:
    skipped NAME: REASON`` unless ``quiet``; a named folder or archive with no report file in it
    is said so even when ``quiet``.  Skipped inputs are counted in the summary and do not change
    the exit status.  With ``note_unrecognized``, a file read in which no report was recognised
    is said so (``check`` turns it off: the finding O100 says it).  Unless ``quiet``, a progress
    line is drawn while it runs when ``err`` is a terminal, and a summary line is written at the
    end when more than one file was processed or any was skipped.  The inputs are listed once up
    front to know the total; a single input runs in this process whatever ``jobs`` says.
    ``transform`` is :class:`~opengov_report.batch.Options`'s: a module-level function run in
    the workers on each report, whose return value is the result's ``output``.  ``encoding`` and
    ``errors`` are :func:`opengov_report.decode`'s; ``max_size`` the largest input read, in
    bytes (None: 50 MB; 0: no limit).
    """
    select_rules(RULES, select, ignore)
    total = _count(names, glob)
    workers = 1 if total <= 1 else min(jobs or default_jobs(), total)
    options = Options(
        check=check,
        select=select,
        ignore=ignore,
        keep_report=keep_report,
        keep_tables=keep_tables,
        # a kept report has the figures (report.figures()): not sent between processes twice;
        # a command with a transform reads only its output
        figures=not (keep_report or keep_tables or transform is not None),
        transform=transform,
        encoding=encoding,
        errors=errors,
        max_size=max_size,
    )
    progress = Progress(err, total=total, enabled=False if quiet else None)

    def skipped(name: str, reason: str) -> None:
        progress.skip()
        if not quiet or name in names:  # a named input with nothing to read: said even so
            progress.message(f"opengov-report: skipped {name}: {reason}")

    sources = _sources(names, glob, stdin, skipped, max_size)
    try:
        for result in process_sources(sources, jobs=workers, options=options):
            progress.add(result)
            if not result.ok:
                progress.message(f"opengov-report: {result.error}")
            elif not result.recognized and note_unrecognized:
                progress.message(
                    f"opengov-report: {result.path}: no report was recognised (no title, no "
                    "outline heading, no table)"
                )
            yield result
    finally:
        progress.close()
    if not quiet and (progress.files > 1 or progress.skipped):
        err.write(f"opengov-report: {progress.summary()}\n")
