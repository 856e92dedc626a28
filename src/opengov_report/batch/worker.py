"""The per-file function of a batch: one :class:`Source` in, one compact :class:`FileResult`
out, never an exception for a bad file.

The same function runs in-process (``jobs=1``), in a process pool and on Dask workers, so it
takes and returns only picklable, immutable data.  A result holds the figures and findings, not
the document tree: pickling a tree across processes costs more than parsing it, so the whole
:class:`~opengov_report.AnnualReport` is kept only on request (``keep_report``).
"""

from __future__ import annotations

import os
import time
import traceback
import zipfile
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from ..checks import Finding, check
from ..checks.outline import nothing_recognized
from ..errors import OpenGovReportError
from ..model.era import Era
from ..model.report import AnnualReport, Metadata
from ..model.tables import Figure
from ..report import parse
from ..source import Errors
from .sources import Source, read_source_bytes

__all__ = ["FileResult", "Options", "process_one", "process_source"]


def _codes(value: Iterable[str] | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


@attrs.frozen(slots=True)
class Options:
    """What to do with each file: run the checks (``check``, with ``select``/``ignore`` as for
    :func:`opengov_report.check`) and keep the whole report (``keep_report``) or the report
    without its document tree (``keep_tables``: metadata and tables, e.g. for the cross-year
    checks, at a fraction of the cost of sending a tree between processes).  ``figures``
    False leaves the result's ``figures`` empty: for a caller that keeps the report, whose
    ``figures()`` gives the same, so that they need not be sent between processes twice.
    ``transform``, a module-level function (it is pickled by name), is called in the worker
    on each report (after the checks); what it returns is the result's ``output``.  For a
    caller that needs something made from the report (a line of text, a JSON record), this
    sends that instead of the report: the costly part of a parallel batch is sending and
    rebuilding objects, not the workers' parsing."""

    check: bool = True
    select: tuple[str, ...] | None = attrs.field(default=None, converter=_codes)
    ignore: tuple[str, ...] | None = attrs.field(default=None, converter=_codes)
    keep_report: bool = False
    keep_tables: bool = False
    figures: bool = True
    transform: Callable[[AnnualReport], Any] | None = None
    #: how bytes are decoded (see :func:`opengov_report.decode`)
    encoding: str | None = None
    errors: Errors = "strict"
    #: the largest input read, in bytes (None: the default, 50 MB; 0: no limit)
    max_size: int | None = None


@attrs.frozen(slots=True)
class FileResult:
    """What a batch learnt from one file.

    ``path`` is the source's name (``archive.zip!member.txt`` for a zip member).  When ``ok``,
    ``era``, ``metadata``, ``figures`` and ``findings`` hold what was recognised (``findings``
    is empty when checks were not asked for, ``figures`` when not asked for) and ``error``
    is None.  When not ``ok``, ``error`` says why: the library's own message for a file that
    cannot be read, decoded or recognised (``error_type`` names the
    :class:`~opengov_report.OpenGovReportError` subclass), or, for any other exception (a
    bug), its type and the traceback text.  ``seconds`` is the time spent on the file,
    ``size`` its size in bytes (0 when it could not be read).  ``report`` is the whole model
    with its document tree with ``keep_report``, the model without its tree with
    ``keep_tables``, else None.  ``output`` is what ``Options.transform`` made of the report
    (None without one).  ``recognized`` is False for a file read without error in which no
    report was recognised (no title, no outline heading, no table: rule O100).
    """

    path: str
    ok: bool
    error: str | None = None
    error_type: str | None = None
    metadata: Metadata | None = None
    era: Era | None = None
    figures: tuple[Figure, ...] = ()
    findings: tuple[Finding, ...] = ()
    seconds: float = 0.0
    size: int = 0
    report: AnnualReport | None = attrs.field(default=None, eq=False, repr=False)
    output: Any = attrs.field(default=None, repr=False)
    recognized: bool = True


def process_source(
    source: Source, options: Options = Options(), archive: zipfile.ZipFile | None = None
) -> FileResult:
    """Read, decode, parse, recognise and (optionally) check one source.

    Never raises for a bad file: a failure is a result with ``ok`` False (``BaseException``s
    that are not ``Exception``s, such as ``KeyboardInterrupt``, still propagate).  ``archive``
    is the source's zip archive when the caller already has it open.
    """
    start = time.perf_counter()
    size = 0
    try:
        data = read_source_bytes(source, archive, max_size=options.max_size)
        size = len(data)
        report = attrs.evolve(
            parse(data, encoding=options.encoding, errors=options.errors), source=source.name
        )
        findings = (
            check(report, select=options.select, ignore=options.ignore) if options.check else ()
        )
        output = options.transform(report) if options.transform is not None else None
    except OpenGovReportError as exc:
        return FileResult(
            path=source.name,
            ok=False,
            error=_with_name(str(exc), source.name),
            error_type=type(exc).__name__,
            seconds=time.perf_counter() - start,
            size=size,
        )
    except Exception as exc:  # a bug: still one failed file, not a stopped batch
        return FileResult(
            path=source.name,
            ok=False,
            error=f"{source.name}: internal error (a bug: please report it): {exc!r}\n"
            + traceback.format_exc(),
            error_type=type(exc).__name__,
            seconds=time.perf_counter() - start,
            size=size,
        )
    return FileResult(
        path=source.name,
        ok=True,
        metadata=report.metadata,
        era=report.era,
        figures=report.figures() if options.figures else (),
        findings=findings,
        seconds=time.perf_counter() - start,
        size=size,
        report=_kept(report, options),
        output=output,
        recognized=not nothing_recognized(report),
    )


def _kept(report: AnnualReport, options: Options) -> AnnualReport | None:
    if options.keep_report:
        return report
    return report.without_document() if options.keep_tables else None


def _with_name(message: str, name: str) -> str:
    return message if message.startswith(name) else f"{name}: {message}"


def process_one(
    path: str | os.PathLike[str] | Source,
    *,
    check: bool = True,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    keep_report: bool = False,
) -> FileResult:
    """Process one file (or a :class:`Source`), as a batch does; see :func:`process_source`."""
    source = path if isinstance(path, Source) else Source(name=os.fspath(path), path=str(path))
    options = Options(check=check, select=select, ignore=ignore, keep_report=keep_report)
    return process_source(source, options)
