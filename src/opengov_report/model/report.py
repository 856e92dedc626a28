"""The typed model of one annual report: metadata, era and statistical tables."""

from __future__ import annotations

import datetime

import attrs

from ..document import Document, Span
from .era import Era, EraEvidence
from .provenance import Provenance
from .tables import (
    ApplicationTable,
    DisclosureTable2019,
    DisclosureTable2021,
    Figure,
    LegacyTable,
    ProseStatement,
    ReviewTable,
)

__all__ = ["AnnualReport", "Metadata"]


def _year_range(
    instance: object, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is not None and not 1949 <= value <= 2200:
        raise ValueError(f"implausible report year {value}")


@attrs.frozen(slots=True)
class Metadata:
    """What the report says about itself; each field is None when the report does not state
    it.  ``spans`` tells where each stated field was found (field name → span)."""

    title: str | None = None
    agency: str | None = None
    year: int | None = attrs.field(default=None, validator=_year_range)
    published: datetime.date | None = None
    signatory: str | None = None
    spans: tuple[tuple[str, Span], ...] = ()

    def span_of(self, field: str) -> Span | None:
        """Where ``field`` was read from, or None."""
        return next((s for name, s in self.spans if name == field), None)


@attrs.frozen(slots=True)
class AnnualReport:
    """A 政府信息公开工作年度报告 as a typed, immutable model.

    ``document`` is the lossless document tree it was recognised from; ``source`` the file
    path when it was read from a file.  Tables the report does not have are None;
    ``statements`` records tables replaced by a sentence.  ``provenance`` is set when the
    report was read from an HTML page, a .docx or a PDF: the document tree is then the text
    extracted from it, and ``provenance.locate(span)`` gives the place in the original file.
    """

    document: Document = attrs.field(eq=False, repr=False)
    era: Era
    era_evidence: tuple[EraEvidence, ...] = ()
    metadata: Metadata = Metadata()
    disclosure: DisclosureTable2019 | DisclosureTable2021 | None = None
    applications: ApplicationTable | None = None
    reviews: ReviewTable | None = None
    legacy: LegacyTable | None = None
    statements: tuple[ProseStatement, ...] = ()
    source: str | None = None
    provenance: Provenance | None = attrs.field(default=None, eq=False, repr=False)

    def without_document(self) -> AnnualReport:
        """The same report with an empty document tree: its metadata and tables at a fraction
        of the memory (to keep many reports for cross-year checks, or to send them between
        processes)."""
        return attrs.evolve(self, document=Document(None, ()))

    def figures(self) -> tuple[Figure, ...]:
        """Every value of every recognised table, in long form, in table order."""
        out: list[Figure] = []
        for table in (self.disclosure, self.applications, self.reviews, self.legacy):
            if table is not None:
                out.extend(table.figures())
        return tuple(out)

    @property
    def tables(
        self,
    ) -> tuple[
        DisclosureTable2019 | DisclosureTable2021 | ApplicationTable | ReviewTable | LegacyTable,
        ...,
    ]:
        """The recognised tables, in the order of the official outline."""
        found = (self.disclosure, self.applications, self.reviews, self.legacy)
        return tuple(t for t in found if t is not None)
