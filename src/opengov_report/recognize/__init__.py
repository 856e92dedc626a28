"""Recognition: from a document tree to the typed model of an annual report.

Tables are recognised by their labels (matched after normalising width, spacing,
punctuation and numbering) and by structure, never by position in one known document.
"""

from __future__ import annotations

from typing import TypeVar

from .._blocks import blocks_of
from .._gc import gc_paused
from ..document import Document
from ..model.era import Era, EraEvidence
from ..model.report import AnnualReport
from ..model.tables import (
    APPLICATIONS,
    REVIEWS,
    ApplicationTable,
    DisclosureTable2019,
    DisclosureTable2021,
    ReviewTable,
)
from .applications import recognize_applications
from .disclosure import recognize_disclosure
from .era import decide_era, era_of_stream
from .legacy import recognize_legacy
from .legacy_stream import fuller_legacy, read_legacy_stream
from .metadata import extract_metadata
from .prose import find_statements
from .reviews import recognize_reviews
from .rows import row_views
from .stream import Squashed, StreamTables, numbers_read, read_stream_tables
from .stream_disclosure import read_stream_disclosure

__all__ = ["recognize"]


def recognize(doc: Document, *, source: str | None = None) -> AnnualReport:
    """Recognise the era, metadata and statistical tables of a parsed report."""
    with gc_paused():  # as while parsing: many objects made, no cycles among them
        # In a function of its own, so that the row views and other intermediate objects
        # are freed (by reference counting) before the collector is re-enabled: otherwise
        # its first collection would walk all of them for nothing.
        return _recognize(doc, source)


def _recognize(doc: Document, source: str | None) -> AnnualReport:
    blocks = blocks_of(doc)
    views = row_views(blocks.tables)
    metadata = extract_metadata(doc, blocks.paragraphs)
    text = doc.text
    stream = _Stream(text)
    era, evidence = decide_era(doc, views, metadata.year, stream.tables)
    applications = recognize_applications(views, era)
    reviews = recognize_reviews(views)
    disclosure = recognize_disclosure(views, era)
    legacy = recognize_legacy(views)
    legacy_by_lines = era is Era.LEGACY and legacy is not None and _decided_by_labels(evidence)
    if (_incomplete(applications) or _incomplete(reviews)) and not legacy_by_lines:
        found = stream.tables()
        if _incomplete(applications):
            applications = _fuller(applications, found.applications)
        if _incomplete(reviews):
            reviews = _fuller(reviews, found.reviews)
        if not _decided_by_labels(evidence):
            era, evidence = _stream_era(era, evidence, found, applications)
    if not (applications or reviews) and not _decided_later(era, evidence):
        # a 统计表 the lines do not show (or show cut into pieces), in a report no later
        # table or label places after 2018
        legacy = fuller_legacy(legacy, read_legacy_stream(text))
    if _incomplete(disclosure) and era in (Era.V2019, Era.V2021):
        read = read_stream_disclosure(stream.squashed(), era)
        if read is not None and numbers_read(read) > numbers_read(disclosure):
            disclosure = read
    if legacy is not None and era is Era.UNKNOWN and applications is None and reviews is None:
        # a 统计表 read from the text, and no table of the later formats
        era = Era.LEGACY
        evidence = (*evidence, EraEvidence(era, "legacy 统计表 read from the text", legacy.span))
    present = {t for t, table in ((APPLICATIONS, applications), (REVIEWS, reviews)) if table}
    statements = find_statements(blocks.paragraphs, present)
    return AnnualReport(
        document=doc,
        era=era,
        era_evidence=evidence,
        metadata=metadata,
        disclosure=disclosure,
        applications=applications,
        reviews=reviews,
        legacy=legacy,
        statements=statements,
        source=source,
    )


class _Stream:
    """The text's character stream and tables 三 and 四 read from it, each made once, when
    first asked for (most reports with tab-separated tables never ask)."""

    __slots__ = ("_squashed", "_tables", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._squashed: Squashed | None = None
        self._tables: StreamTables | None = None

    def squashed(self) -> Squashed:
        if self._squashed is None:
            self._squashed = Squashed(self._text)
        return self._squashed

    def tables(self) -> StreamTables:
        """Tables 三 and 四 read whatever their era (the table's own shape decides)."""
        if self._tables is None:
            self._tables = read_stream_tables(self.squashed(), Era.UNKNOWN)
        return self._tables


_AnyGrid = ApplicationTable | ReviewTable | DisclosureTable2019 | DisclosureTable2021
_Grid = TypeVar("_Grid", ApplicationTable, ReviewTable)


def _incomplete(table: _AnyGrid | None) -> bool:
    """No table, or one with cells missing: worth reading the character stream."""
    return table is None or bool(table.missing)


def _fuller(lines: _Grid | None, stream: _Grid | None) -> _Grid | None:
    """The table read from lines, unless the stream reader read more of its numbers (or
    found the table where the lines found none)."""
    if stream is not None and (lines is None or numbers_read(stream) > numbers_read(lines)):
        return stream
    return lines


def _decided_later(era: Era, evidence: tuple[EraEvidence, ...]) -> bool:
    """Whether a table label of the 2019 or 2021 format decided the era."""
    return era in (Era.V2019, Era.V2021) and _decided_by_labels(evidence)


def _decided_by_labels(evidence: tuple[EraEvidence, ...]) -> bool:
    """Whether a table label that signs one era decided it (not one shared by 2019/2021)."""
    return any(
        e.reason.startswith("table label") and "2019 or 2021" not in e.reason for e in evidence
    )


def _stream_era(
    era: Era,
    evidence: tuple[EraEvidence, ...],
    found: StreamTables,
    applications: ApplicationTable | None,
) -> tuple[Era, tuple[EraEvidence, ...]]:
    """The era a flattened page's table labels sign (本年制发件数 → 2021, 本年新制作数量 →
    2019); else, when table 三 was read from the stream, the era its （六） signs, over an era
    no label decided (a 2021 shape also over the year's); unchanged otherwise."""
    decided = era_of_stream(found)
    if decided is None:
        return era, evidence
    signed, why = decided
    if found.era_sign is not None:
        return signed, (why,)
    if applications is None or applications is not found.applications:
        return era, evidence
    if era not in (Era.V2019, Era.V2021) or signed is Era.V2021:
        return signed, (*evidence, why)
    return era, evidence
