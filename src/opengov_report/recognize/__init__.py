"""Recognition: from a document tree to the typed model of an annual report.

Tables are recognised by their labels (matched after normalising width, spacing,
punctuation and numbering) and by structure, never by position in one known document.
"""

from __future__ import annotations

from .._blocks import blocks_of
from ..document import Document
from ..model.report import AnnualReport
from ..model.tables import APPLICATIONS, REVIEWS
from ..parse import _gc_paused
from .applications import recognize_applications
from .disclosure import recognize_disclosure
from .era import decide_era
from .legacy_stream import recognize_legacy_text
from .metadata import extract_metadata
from .prose import find_statements
from .reviews import recognize_reviews
from .rows import row_views

__all__ = ["recognize"]


def recognize(doc: Document, *, source: str | None = None) -> AnnualReport:
    """Recognise the era, metadata and statistical tables of a parsed report."""
    with _gc_paused():  # as while parsing: many objects made, no cycles among them
        # In a function of its own, so that the row views and other intermediate objects
        # are freed (by reference counting) before the collector is re-enabled: otherwise
        # its first collection would walk all of them for nothing.
        return _recognize(doc, source)


def _recognize(doc: Document, source: str | None) -> AnnualReport:
    blocks = blocks_of(doc)
    views = row_views(blocks.tables)
    metadata = extract_metadata(doc, blocks.paragraphs)
    era, evidence = decide_era(doc, views, metadata.year)
    applications = recognize_applications(views, era)
    reviews = recognize_reviews(views)
    disclosure = recognize_disclosure(views, era)
    legacy = recognize_legacy_text(doc.text, views)
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
