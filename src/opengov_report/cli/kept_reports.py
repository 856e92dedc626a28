"""Reports kept for the cross-year rules, on disk rather than in memory.

``opengov-report check`` can pair two reports of one agency only once it has seen them all
(the inputs come in any order).  Keeping every dated report's tables in memory until then
made its memory grow with the corpus; :class:`KeptReports` writes each one, pickled and
compressed, to an anonymous temporary file and keeps only its agency, year and place in
memory, then reads back just the reports that pair.  A batch worker packs the report
(:meth:`KeptReports.pack`), so that the process which writes the file only copies bytes.
"""

from __future__ import annotations

import pickle
import tempfile
import zlib
from collections.abc import Iterator
from types import TracebackType
from typing import NamedTuple

from ..checks.catalogue import consecutive_indices
from ..model.report import AnnualReport

__all__ = ["KeptReports", "PackedReport"]


class PackedReport(NamedTuple):
    """A dated report as :class:`KeptReports` stores it: its agency and year, and the report
    pickled and compressed."""

    agency: str
    year: int
    data: bytes


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
    def pack(report: AnnualReport) -> PackedReport | None:
        """``report`` (usually ``report.without_document()``) as it will be stored, or None
        when it is not dated (an agency and a year): only dated reports can pair."""
        agency, year = report.metadata.agency, report.metadata.year
        if not agency or year is None:
            return None
        data = zlib.compress(pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL), 1)
        return PackedReport(agency, year, data)

    def add(self, report: AnnualReport) -> None:
        """Keep ``report`` (usually ``report.without_document()``) if it is dated."""
        packed = self.pack(report)
        if packed is not None:
            self.add_packed(packed)

    def add_packed(self, packed: PackedReport) -> None:
        """Keep a report that :meth:`pack` packed (in this process or another)."""
        offset = self._file.seek(0, 2)
        self._file.write(packed.data)
        self._places.append((offset, len(packed.data)))
        self._dated.append((packed.agency, packed.year))

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
