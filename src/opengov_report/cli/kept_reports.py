"""Reports kept for the cross-year rules, on disk rather than in memory.

``opengov-report check`` can pair two reports of one agency only once it has seen them all
(the inputs come in any order).  Keeping every dated report's tables in memory until then
made its memory grow with the corpus; :class:`KeptReports` writes each one, pickled and
compressed, to an anonymous temporary file and keeps only its agency, year and place in
memory, then reads back just the reports that pair.
"""

from __future__ import annotations

import pickle
import tempfile
import zlib
from collections.abc import Iterator
from types import TracebackType

from ..checks.catalogue import consecutive_indices
from ..model.report import AnnualReport

__all__ = ["KeptReports"]


class KeptReports:
    """Dated reports written to a temporary file (deleted on :meth:`close`), paired on demand.

    Use as a context manager.  Reports without an agency or a year are not kept: they cannot
    be paired.  The file holds this process's own pickles only.
    """

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
        self._places: list[tuple[int, int]] = []  # offset and length of each report
        self._dated: list[tuple[str | None, int | None]] = []

    def __len__(self) -> int:
        return len(self._places)

    @staticmethod
    def pairable(report: AnnualReport) -> bool:
        """Whether ``report`` is dated (an agency and a year): only such reports can pair."""
        return bool(report.metadata.agency) and report.metadata.year is not None

    def add(self, report: AnnualReport) -> None:
        """Keep ``report`` (usually ``report.without_document()``) if it is dated."""
        if not self.pairable(report):
            return
        agency, year = report.metadata.agency, report.metadata.year
        data = zlib.compress(pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL), 1)
        offset = self._file.seek(0, 2)
        self._file.write(data)
        self._places.append((offset, len(data)))
        self._dated.append((agency, year))

    def pairs(self) -> Iterator[tuple[AnnualReport, AnnualReport]]:
        """The consecutive pairs (see :func:`~opengov_report.checks.consecutive_pairs`), in
        its order, each read back from the file."""
        for i, j in consecutive_indices(self._dated):
            yield self._load(i), self._load(j)

    def _load(self, index: int) -> AnnualReport:
        offset, length = self._places[index]
        self._file.seek(offset)
        report = pickle.loads(zlib.decompress(self._file.read(length)))
        assert isinstance(report, AnnualReport)
        return report

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> KeptReports:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
