"""What the rules of one ``check`` share: the report, and what is derived from it once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

from .._blocks import Blocks, blocks_of
from ..document import Paragraph, Section
from ..model.report import AnnualReport
from .grid import GridIndex, grid_index

__all__ = ["Context"]

_T = TypeVar("_T")


class Context:
    """The report being checked, with a memo for what several rules derive from it (the
    figures the value rules look at, an index of a table's cells, the counts its prose
    states), so that each is computed once per check and not once per rule."""

    __slots__ = ("_blocks", "_grids", "_memo", "report", "source")

    def __init__(self, report: AnnualReport) -> None:
        self.report = report
        #: the report's file: the ``source`` of the findings (built with it, not rebuilt)
        self.source = report.source
        self._memo: dict[str, Any] = {}
        self._grids: dict[str, GridIndex | None] = {}
        self._blocks: Blocks | None = None

    def memo(self, key: str, compute: Callable[[AnnualReport], _T]) -> _T:
        """``compute(report)``, computed once per key.

        State of one check of one report (it lives and dies with the context, and its values
        are of this report), not a module-level memo: so a dict here, not a
        :class:`~opengov_report._memo.Memo`."""
        if key not in self._memo:
            self._memo[key] = compute(self.report)
        return cast(_T, self._memo[key])

    def grid(self, table: str) -> GridIndex | None:
        """The index of the report's grid table ``table`` (``applications``, ``reviews``,
        ``disclosure``), or None when the report has none."""
        if table in self._grids:
            return self._grids[table]
        found = getattr(self.report, table)
        index = self._grids[table] = grid_index(found) if found is not None else None
        return index

    def built_grid(self, table: str) -> GridIndex | None:
        """:meth:`grid` when a rule has asked for it already, else None (without building
        it)."""
        return self._grids.get(table)

    def sections(self) -> list[Section]:
        """``report.document.sections()``: every section, depth first, in source order."""
        return self._walk().sections

    def paragraphs(self) -> list[Paragraph]:
        """``report.document.paragraphs()``: every paragraph, in source order."""
        return self._walk().paragraphs

    def _walk(self) -> Blocks:
        """The sections and the paragraphs of the document (and its tables), from one walk
        of its tree (the outline rules want the one, the prose rules the other)."""
        if self._blocks is None:
            self._blocks = blocks_of(self.report.document)
        return self._blocks
