"""``process``: many reports, in parallel, results streamed in input order, memory flat.

The sources are listed lazily; at most a fixed window of them is in flight at any time (read,
queued or being processed), and each result is handed over as soon as it and every result
before it are ready.  So memory does not grow with the number of files, only with the window.
"""

from __future__ import annotations

import collections
import os
import signal
import zipfile
from collections.abc import Generator, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..checks import RULES, select_rules
from ..errors import InputError
from .sources import DEFAULT_GLOB, Source, iter_sources, read_source_bytes
from .worker import FileResult, Options, process_source

__all__ = ["default_jobs", "process", "process_sources"]

#: tasks in flight per worker process: enough to keep every worker busy, few enough to keep
#: memory flat
_WINDOW_PER_JOB = 4


def default_jobs() -> int:
    """The number of CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def process(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    glob: str = DEFAULT_GLOB,
    check: bool = True,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    keep_report: bool = False,
) -> Generator[FileResult, None, None]:
    """Process every report named by ``paths``: files, folders and zip archives.

    Folders are walked recursively for files whose name matches ``glob`` (and for zip
    archives); a zip archive gives its members matching ``glob``, named
    ``archive.zip!member.txt`` (see :func:`~opengov_report.batch.iter_sources`).  Each file is
    read, decoded, parsed, recognised and, with ``check`` (default), checked (``select`` and
    ``ignore`` as for :func:`opengov_report.check`; an unknown code raises
    :class:`~opengov_report.UnknownRuleError` before anything is read).

    Returns a generator of :class:`FileResult`, one per file, in input order, each as soon as it
    is ready.  A file that cannot be read, decoded or recognised gives a failed result (``ok``
    False, ``error`` set) and the batch goes on.  ``jobs`` worker processes run in parallel
    (default: the number of CPUs); ``jobs=1`` runs everything in this process, with no pool.
    ``keep_report`` puts the whole :class:`~opengov_report.AnnualReport` (document tree included)
    in each result: costly across processes, use it only when the tree is needed.
    """
    select_rules(RULES, select, ignore)  # fail fast on a typo, not once per file
    options = Options(check=check, select=select, ignore=ignore, keep_report=keep_report)
    return process_sources(iter_sources(paths, glob=glob), jobs=jobs, options=options)


def process_sources(
    sources: Iterable[Source], *, jobs: int | None = None, options: Options | None = None
) -> Generator[FileResult, None, None]:
    """Process already listed sources (see :func:`iter_sources`) with ``options`` (default:
    check, keep no report); see :func:`process`."""
    if options is None:
        options = Options()
    if jobs is None:
        jobs = default_jobs()
    if jobs < 1:
        raise InputError(f"jobs must be at least 1, not {jobs}")
    if jobs == 1:
        return _in_process(sources, options)
    return _in_pool(sources, jobs, options)


class _Archives:
    """Keeps the zip archive of the current members open while they are read in order."""

    def __init__(self) -> None:
        self._path: str | None = None
        self._zip: zipfile.ZipFile | None = None

    def get(self, source: Source) -> zipfile.ZipFile | None:
        if source.member is None or source.path is None or source.data is not None:
            return None
        if source.path != self._path:
            self.close()
            self._path = source.path
            try:
                self._zip = zipfile.ZipFile(source.path)
            except (OSError, zipfile.BadZipFile, EOFError):
                self._zip = None  # reading the member reports the error
        return self._zip

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
        self._path = self._zip = None


def _in_process(sources: Iterable[Source], options: Options) -> Generator[FileResult, None, None]:
    archives = _Archives()
    try:
        for source in sources:
            yield process_source(source, options, archives.get(source))
    finally:
        archives.close()


def _loaded(source: Source, archives: _Archives, max_size: int | None) -> Source:
    """A zip member with its bytes read here, in the parent: workers then need not reopen the
    archive (whose central directory is read once per opening) for every member."""
    if source.member is None or source.data is not None or source.error is not None:
        return source
    try:
        data = read_source_bytes(source, archives.get(source), max_size=max_size)
    except InputError as exc:
        return Source(name=source.name, path=source.path, member=source.member, error=str(exc))
    return Source(name=source.name, path=source.path, member=source.member, data=data)


def _ignore_interrupts() -> None:
    """A worker's initializer: Ctrl-C goes to the whole process group, and the parent alone
    handles it (it stops the pool); a worker that took it would print a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _new_pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)


def _in_pool(
    sources: Iterable[Source], jobs: int, options: Options
) -> Generator[FileResult, None, None]:
    window = jobs * _WINDOW_PER_JOB
    archives = _Archives()
    pending: collections.deque[tuple[Source, Future[FileResult]]] = collections.deque()
    pool = _new_pool(jobs)
    try:
        for source in sources:
            task = _loaded(source, archives, options.max_size)
            try:
                pending.append((task, pool.submit(process_source, task, options)))
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _new_pool(jobs)
                pending.append((task, pool.submit(process_source, task, options)))
            if len(pending) >= window:
                yield _outcome(*pending.popleft())
        archives.close()
        while pending:
            yield _outcome(*pending.popleft())
    finally:
        archives.close()
        # on an interrupt (or an error, or the consumer closing the generator) the queued tasks
        # are cancelled and the running ones finish: their workers then exit quietly
        pool.shutdown(wait=True, cancel_futures=True)


def _outcome(source: Source, future: Future[FileResult]) -> FileResult:
    try:
        return future.result()
    except Exception as exc:  # the worker died (killed, out of memory) or could not pickle
        return FileResult(
            path=source.name,
            ok=False,
            error=f"{source.name}: the worker process failed: {exc!r}",
            error_type=type(exc).__name__,
        )
