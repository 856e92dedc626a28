"""The batch's per-file function on Dask: a ``dask.bag`` over the sources, and dataframes of
files, figures and findings.  Needs the ``dask`` extra: ``pip install 'opengov-report[dask]'``.

    >>> from opengov_report.batch import on_dask
    >>> frames = on_dask.to_frames(["reports/"], npartitions=64)   # doctest: +SKIP
    >>> files, figures, findings = dask.compute(*frames)          # doctest: +SKIP

The sources are listed here, in the client (names only, no report is read); each worker reads
its files itself, so on a cluster the paths must name the same files on every worker (a shared
file system).  Each file is processed by :func:`~opengov_report.batch.process_source`, exactly
as :func:`~opengov_report.batch.process` does; a bad file is a row of ``files`` with ``ok``
False and its ``error``.  Nothing here distributes work by itself: that is Dask's scheduler, the
local one or a ``dask.distributed`` cluster (see docs/batch.md).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from ..checks import RULES, select_rules
from ..errors import MissingExtraError
from .sources import DEFAULT_GLOB, iter_sources
from .worker import FileResult, Options, process_source

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe

__all__ = [
    "FIGURE_COLUMNS",
    "FILE_COLUMNS",
    "FINDING_COLUMNS",
    "Frames",
    "figure_rows",
    "file_row",
    "finding_rows",
    "to_bag",
    "to_frames",
]

#: one row per file: what was read and how it went
FILE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("path", "string"),
    ("ok", "bool"),
    ("error_type", "string"),
    ("error", "string"),
    ("era", "string"),
    ("title", "string"),
    ("agency", "string"),
    ("year", "Int64"),
    ("figures", "int64"),
    ("findings", "int64"),
    ("size", "int64"),
    ("seconds", "float64"),
)

#: one row per figure (long form); ``value`` is the exact number as text (Decimal amounts are
#: not turned into floats), None when the cell holds no number (see ``kind``)
FIGURE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("path", "string"),
    ("agency", "string"),
    ("year", "Int64"),
    ("era", "string"),
    ("table", "string"),
    ("row", "string"),
    ("column", "string"),
    ("kind", "string"),
    ("value", "string"),
    ("unit", "string"),
    ("raw", "string"),
    ("line", "Int64"),
    ("col", "Int64"),
    ("recovered", "bool"),
)

#: one row per finding; ``figure`` is the first located cell's ``table/row/column`` id
FINDING_COLUMNS: tuple[tuple[str, str], ...] = (
    ("path", "string"),
    ("code", "string"),
    ("severity", "string"),
    ("message", "string"),
    ("figure", "string"),
    ("line", "Int64"),
    ("col", "Int64"),
    ("expected", "string"),
    ("actual", "string"),
)


class Frames(NamedTuple):
    """The three lazy dataframes of a run; compute them together (``dask.compute(*frames)``)
    so that each file is processed once."""

    files: dask.dataframe.DataFrame
    figures: dask.dataframe.DataFrame
    findings: dask.dataframe.DataFrame


def _number(value: int | Decimal | None) -> str | None:
    return None if value is None else str(value)


def file_row(result: FileResult) -> tuple[Any, ...]:
    """The ``files`` row of a result (columns :data:`FILE_COLUMNS`)."""
    meta = result.metadata
    return (
        result.path,
        result.ok,
        result.error_type,
        result.error,
        result.era.value if result.era is not None else None,
        meta.title if meta else None,
        meta.agency if meta else None,
        meta.year if meta else None,
        len(result.figures),
        len(result.findings),
        result.size,
        result.seconds,
    )


def figure_rows(result: FileResult) -> list[tuple[Any, ...]]:
    """The ``figures`` rows of a result (columns :data:`FIGURE_COLUMNS`)."""
    meta = result.metadata
    agency = meta.agency if meta else None
    year = meta.year if meta else None
    era = result.era.value if result.era is not None else None
    return [
        (
            result.path,
            agency,
            year,
            era,
            f.table,
            f.row,
            f.column,
            f.value.kind.value,
            _number(f.value.number),
            f.unit or f.value.unit,
            f.value.raw,
            f.span.line if f.span else None,
            f.span.column if f.span else None,
            f.recovered,
        )
        for f in result.figures
    ]


def finding_rows(result: FileResult) -> list[tuple[Any, ...]]:
    """The ``findings`` rows of a result (columns :data:`FINDING_COLUMNS`)."""
    return [
        (
            result.path,
            f.code,
            f.severity.value,
            f.message,
            next((loc.figure_id for loc in f.locations if loc.figure_id), None),
            f.line,
            f.column,
            _number(f.expected),
            _number(f.actual),
        )
        for f in result.findings
    ]


def _dask_bag() -> Any:
    try:
        import dask.bag  # noqa: PLC0415  (an optional extra: imported when used)
    except ImportError as exc:
        raise MissingExtraError("running on Dask", "dask", "dask") from exc
    return dask.bag


def to_bag(
    paths: Iterable[str | os.PathLike[str]],
    *,
    glob: str = DEFAULT_GLOB,
    check: bool = True,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    npartitions: int | None = None,
) -> dask.bag.Bag:
    """A lazy ``dask.bag`` of :class:`~opengov_report.batch.FileResult`, one per source.

    ``paths``, ``glob``, ``check``, ``select`` and ``ignore`` are as for
    :func:`~opengov_report.batch.process`; the sources are listed now, read by the workers.
    ``npartitions`` defaults to Dask's choice (about 100 files per partition for big inputs).
    Raises :class:`~opengov_report.MissingExtraError` without the ``dask`` extra.
    """
    bag = _dask_bag()
    select_rules(RULES, select, ignore)
    options = Options(check=check, select=select, ignore=ignore)
    sources = list(iter_sources(paths, glob=glob))
    kwargs = {} if npartitions is None else {"npartitions": npartitions}
    results: dask.bag.Bag = bag.from_sequence(sources, **kwargs).map(process_source, options)
    return results


def to_frames(
    paths: Iterable[str | os.PathLike[str]],
    *,
    glob: str = DEFAULT_GLOB,
    check: bool = True,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    npartitions: int | None = None,
) -> Frames:
    """Lazy dataframes of files, figures and findings over one bag of results (:func:`to_bag`;
    the same arguments).  Columns: :data:`FILE_COLUMNS`, :data:`FIGURE_COLUMNS`,
    :data:`FINDING_COLUMNS`."""
    results: Any = to_bag(  # Bag.map is untyped
        paths, glob=glob, check=check, select=select, ignore=ignore, npartitions=npartitions
    )
    # optimize_graph=False keeps the results' task keys, so computing the three frames
    # together runs each file once
    return Frames(
        files=results.map(file_row).to_dataframe(meta=list(FILE_COLUMNS), optimize_graph=False),
        figures=results.map(figure_rows)
        .flatten()
        .to_dataframe(meta=list(FIGURE_COLUMNS), optimize_graph=False),
        findings=results.map(finding_rows)
        .flatten()
        .to_dataframe(meta=list(FINDING_COLUMNS), optimize_graph=False),
    )
