"""Batch processing: many reports (files, folders, zip archives), in parallel, in order, with
flat memory; one bad file is one failed result, never a stopped batch.

    >>> from opengov_report import batch
    >>> for result in batch.process(["reports/"], jobs=2):      # doctest: +SKIP
    ...     print(result.path, result.ok, result.era, len(result.findings))

:func:`process` is the entry point; :func:`process_one` is the same per-file function for one
file; :class:`Progress` is the progress line and summary the command line shows; the optional
:mod:`opengov_report.batch.on_dask` runs the per-file function on a Dask cluster
(``pip install 'opengov-report[dask]'``).  See docs/batch.md.
"""

from __future__ import annotations

from .progress import Progress
from .run import default_jobs, process, process_sources
from .sources import (
    DEFAULT_GLOB,
    MEMBER_SEPARATOR,
    Source,
    iter_sources,
    matches,
    read_source_bytes,
)
from .worker import FileResult, Options, process_one, process_source

__all__ = [
    "DEFAULT_GLOB",
    "MEMBER_SEPARATOR",
    "FileResult",
    "Options",
    "Progress",
    "Source",
    "default_jobs",
    "iter_sources",
    "matches",
    "process",
    "process_one",
    "process_source",
    "process_sources",
    "read_source_bytes",
]
