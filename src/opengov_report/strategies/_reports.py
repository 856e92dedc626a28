"""Whole reports: metadata and tables of one era; and reports with planted violations."""

from __future__ import annotations

import datetime
from typing import Any

import attrs
from hypothesis import strategies as st

from .._memo import Memo
from ..document import Document
from ..model.era import Era
from ..model.forms import APPLICANT_COLUMNS as APPLICATION_COLUMNS
from ..model.forms import (
    APPLICATION_COLUMN_IDENTITIES,
    REVIEW_COLUMN_LABELS,
    REVIEW_GROUP_LABELS,
    REVIEW_GROUP_TOTAL,
)
from ..model.report import AnnualReport, Metadata
from ..model.tables import (
    ApplicationTable,
    DisclosureTable2019,
    DisclosureTable2021,
    LegacyTable,
    ReviewTable,
    TableCell,
)
from ..model.values import Value, ValueKind, parse_value
from ._errors import check_era
from ._tables import (
    application_tables,
    disclosure_tables,
    legacy_tables,
    review_tables,
)

__all__ = ["inconsistent_reports", "metadata", "reports"]

REVIEW_GROUPS = tuple(REVIEW_GROUP_LABELS)
REVIEW_COLUMNS = tuple(REVIEW_COLUMN_LABELS)

#: agency names as reports write them (each ends the way the reader expects an agency to)
AGENCIES = (
    "某市人民政府",
    "某县财政局",
    "周村区人民政府",
    "某市生态环境局",
    "某区人民政府办公室",
    "某镇人民政府",
    "某省交通运输厅",
    "某市住房和城乡建设委员会",
)
_YEARS = {Era.LEGACY: (2008, 2018), Era.V2019: (2019, 2020), Era.V2021: (2021, 2030)}
_ERAS = (Era.V2021, Era.V2019, Era.LEGACY)
#: the document of a report that was built, not read: what parsing an empty text gives
_EMPTY = Document(None, (), "\n")


@st.composite
def metadata(draw: st.DrawFn, era: Era | None = None, titled: bool | None = None) -> Metadata:
    """What a report of ``era`` states about itself: a title naming agency and year
    (``某市人民政府2021年政府信息公开工作年度报告``), a signatory and a publication date early
    the next year; each may be absent.  Without a title, the agency is the signatory (as
    the reader takes it) and the year is unknown.
    """
    check_era(era, _ERAS, "metadata")
    era = era if era is not None else draw(st.sampled_from(_ERAS))
    low, high = _YEARS.get(era, (2008, 2030))
    agency = draw(st.sampled_from(AGENCIES))
    year = draw(st.integers(low, high))
    has_title = draw(st.booleans()) if titled is None else titled
    word = draw(st.sampled_from(("年", "年度")))
    title = f"{agency}{year}{word}政府信息公开工作年度报告" if has_title else None
    published = None
    signatory = None
    if draw(st.booleans()):
        published = datetime.date(year + 1, draw(st.integers(1, 3)), draw(st.integers(1, 28)))
        if draw(st.booleans()):
            signatory = agency
    if title is None:
        return Metadata(agency=signatory, published=published, signatory=signatory)
    return Metadata(title, agency, year, published, signatory)


def _part(what: str, era: Era, flag: bool) -> st.SearchStrategy[Any]:
    """The strategy of one part of a report (built once: building one costs more than a draw).
    ``flag`` is ``consistent`` for tables and "must have a title" for metadata."""
    return _PART[what, era, flag]


def _make_part(key: tuple[str, Era, bool]) -> st.SearchStrategy[Any]:
    what, era, flag = key
    if what == "legacy":
        return legacy_tables(consistent=flag)
    if what == "disclosure":
        return disclosure_tables(era, flag)
    if what == "applications":
        return application_tables(era, flag)
    if what == "reviews":
        return review_tables(flag)
    return metadata(era, titled=True if flag else None)


_PART: Memo[tuple[str, Era, bool], st.SearchStrategy[Any]] = Memo(_make_part, 64)


@st.composite
def reports(
    draw: st.DrawFn, era: Era | None = None, consistent: bool = True, complete: bool = False
) -> AnnualReport:
    """An :class:`~opengov_report.AnnualReport` of ``era`` (None: 2021, 2019 or legacy) with
    metadata and the era's tables, consistent by construction unless ``consistent=False``.

    A 2019/2021 report has tables 二, 三 and 四 and a legacy report its 统计表; with
    ``complete=False`` a table may be absent.  The report always states enough for a reader to
    decide its era (a title with the year, or a table whose labels decide).  ``document`` is an
    empty document: the report was built, not read (``render`` gives its text).
    """
    check_era(era, _ERAS, "reports")
    era = era if era is not None else draw(st.sampled_from(_ERAS))

    def present() -> bool:
        return complete or draw(st.sampled_from((True, True, True, False)))

    if era is Era.LEGACY:
        table = draw(_part("legacy", era, consistent)) if present() else None
        meta = draw(_part("metadata", era, table is None))
        return AnnualReport(_EMPTY, era, metadata=meta, legacy=table)
    disclosure = draw(_part("disclosure", era, consistent)) if present() else None
    applications = draw(_part("applications", era, consistent)) if present() else None
    reviews = draw(_part("reviews", era, consistent)) if present() else None
    meta = draw(_part("metadata", era, disclosure is None))
    return AnnualReport(
        _EMPTY,
        era,
        metadata=meta,
        disclosure=disclosure,
        applications=applications,
        reviews=reviews,
    )


# ------------------------------------------------------------------ planted violations

_Cell = tuple[str, str]
#: (rule code, left cells, right cells): an identity the check catalogue tests
_Identity = tuple[str, tuple[_Cell, ...], tuple[_Cell, ...]]
_BLANK_LIKE = frozenset({ValueKind.BLANK, ValueKind.NONE, ValueKind.DASH})


def _application_identities(table: ApplicationTable) -> list[_Identity]:
    """The identities the A rules test on a table of this shape."""
    out: list[_Identity] = []
    fmt = "2021" if table.era is Era.V2021 else "2019"
    balance, results_total = APPLICATION_COLUMN_IDENTITIES[fmt]
    columns = table.column_ids
    rows = table.row_ids
    orgs = APPLICATION_COLUMNS[1:6]
    subtotal = "legal_entity_subtotal" if "legal_entity_subtotal" in columns else None
    people = ("natural_person", subtotal) if subtotal else ("natural_person", *orgs)
    for c in columns:
        for code, (left, right) in (("A101", balance), ("A102", results_total)):
            out.append((code, tuple((r, c) for r in left), tuple((r, c) for r in right)))
        for group in ("denied", "unable", "not_processed", "other"):
            subs = tuple((r, c) for r in rows if r.startswith(group + "."))
            if group in rows and subs:
                out.append(("A104", ((group, c),), subs))
    for r in rows:
        out.append(("A103", ((r, "total"),), tuple((r, c) for c in people)))
        if subtotal:
            out.append(("A105", ((r, subtotal),), tuple((r, c) for c in orgs)))
    return out


def _review_identities() -> list[_Identity]:
    total, parts = REVIEW_GROUP_TOTAL
    return [("R101", ((g, total),), tuple((g, c) for c in parts)) for g in REVIEW_GROUPS]


def _plant(
    draw: st.DrawFn, cells: tuple[TableCell, ...], identities: list[_Identity]
) -> tuple[tuple[TableCell, ...], frozenset[str]]:
    """Change one cell's number so that every identity it is part of fails, even with blank
    cells read as 0; where the other side of such an identity is all blank, write one of its
    cells as 0 (which changes no sum) so that the failure is an error, not an omission."""
    grid: dict[_Cell, Value] = {(c.row, c.column): c.value for c in cells}
    target = draw(st.sampled_from(sorted(grid)))
    old = grid[target].number if grid[target].kind not in _BLANK_LIKE else 0
    assert isinstance(old, int)
    delta = draw(st.integers(1, 9))
    new = old - delta if old >= delta and draw(st.booleans()) else old + delta
    grid[target] = parse_value(str(new))
    codes: set[str] = set()
    for code, left, right in identities:
        if target not in left and target not in right:
            continue
        codes.add(code)
        other = right if target in left else left
        if all(grid[c].kind in _BLANK_LIKE for c in other):
            grid[other[0]] = parse_value("0")
    planted = tuple(attrs.evolve(c, value=grid[(c.row, c.column)]) for c in cells)
    return planted, frozenset(codes)


def _plant_disclosure(
    draw: st.DrawFn, table: DisclosureTable2019 | DisclosureTable2021, what: str
) -> DisclosureTable2019 | DisclosureTable2021:
    """V104: a negative 处理决定数量; D203 (2019): 本年增/减 below −上一年项目数量."""
    grid = {(c.row, c.column): c for c in table.cells}
    k = draw(st.integers(1, 9))
    if what == "V104":
        rows = sorted(r for r, c in grid if c == "decisions")
        row = draw(st.sampled_from(rows))
        changed = {(row, "decisions"): parse_value(f"-{k}")}
    else:
        rows = sorted(r for r, c in grid if c == "change")
        row = draw(st.sampled_from(rows))
        previous = grid[(row, "previous_items")].value.as_int() or 0
        text = draw(st.sampled_from((f"减{previous + k}", f"-{previous + k}")))
        changed = {
            (row, "previous_items"): parse_value(str(previous)),
            (row, "change"): parse_value(text, signed=True),
        }
    cells = tuple(
        attrs.evolve(c, value=changed.get((c.row, c.column), c.value)) for c in table.cells
    )
    return attrs.evolve(table, cells=cells)


def _plant_legacy(draw: st.DrawFn, table: LegacyTable) -> LegacyTable:
    """L101: the 其中 part (主动公开规范性文件数) made larger than its row."""
    parent = next(r for r in table.rows if r.id == "proactive_total")
    part = next(r for r in table.rows if r.path[:-1] == parent.path)
    p = parent.value.as_int() or 0
    changed = {
        parent.id: attrs.evolve(parent, value=parse_value(str(p))),
        part.id: attrs.evolve(part, value=parse_value(str(p + draw(st.integers(1, 9))))),
    }
    return attrs.evolve(table, rows=tuple(changed.get(r.id, r) for r in table.rows))


@st.composite
def inconsistent_reports(draw: st.DrawFn) -> tuple[AnnualReport, frozenset[str]]:
    """A report with one or more planted violations, and the codes of the rules they
    violate: ``opengov_report.check`` must report each code as an error.

    Planted, each in a cell of its own: one cell of table 三 changed so that every identity
    it is part of fails even with blank cells read as 0 (A101 applications-balance, A102
    results-total, A103 row-total, and where the table has them A104 group-subtotal and A105
    subtotal-column); the same in table 四 (R101 reviews-group-total); a
    negative 处理决定数量 in table 二 (V104 value-negative); in a 2019 table 二, 本年增/减 taking
    more items than 上一年项目数量 had (D203 disclosure-items-negative).  A legacy report gets
    a 其中 row larger than its row (L101 legacy-part-exceeds-parent).
    """
    era = draw(st.sampled_from((Era.V2021, Era.V2019, Era.LEGACY)))
    report = draw(reports(era=era, complete=True))
    if era is Era.LEGACY:
        assert report.legacy is not None
        broken_legacy = _plant_legacy(draw, report.legacy)
        return attrs.evolve(report, legacy=broken_legacy), frozenset({"L101"})
    kinds = ["applications", "reviews", "V104"] + (["D203"] if era is Era.V2019 else [])
    chosen = draw(st.sets(st.sampled_from(kinds), min_size=1))
    codes: set[str] = set()
    applications = report.applications
    reviews = report.reviews
    disclosure = report.disclosure
    assert applications is not None
    assert reviews is not None
    assert disclosure is not None
    if "applications" in chosen:
        cells, found = _plant(draw, applications.cells, _application_identities(applications))
        applications = ApplicationTable(cells, era=applications.era)
        codes |= found
    if "reviews" in chosen:
        cells, found = _plant(draw, reviews.cells, _review_identities())
        reviews = ReviewTable(cells)
        codes |= found
    for code in sorted(chosen & {"V104", "D203"}):
        disclosure = _plant_disclosure(draw, disclosure, code)
        codes.add(code)
    broken = attrs.evolve(report, applications=applications, reviews=reviews, disclosure=disclosure)
    return broken, frozenset(codes)
