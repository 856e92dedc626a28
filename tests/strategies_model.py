"""Hypothesis strategies for the typed model and findings (a private test helper).

They build models that satisfy the classes' own validators (kinds and numbers agree, no cell
twice, plausible years) but are otherwise arbitrary: labels, raw texts and spans are random.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from hypothesis import strategies as st

from opengov_report import (
    AnnualReport,
    ApplicationTable,
    DisclosureTable2019,
    DisclosureTable2021,
    Era,
    EraEvidence,
    Finding,
    LegacyRow,
    LegacyTable,
    Location,
    Metadata,
    Missing,
    ProseStatement,
    ReviewTable,
    Severity,
    Span,
    TableCell,
    UnrecognizedRow,
    Value,
    ValueKind,
    parse_document,
)

__all__ = ["findings", "reports", "spans", "values"]

#: small real texts: the report's document is re-parsed from its text on load
_TEXTS = (
    "",
    "一、总体情况\n本年度……\n",
    "市住建局2019年度政府信息公开工作年度报告\n\n一、总体情况\n\t1\n\t无\n",
    "二、主动公开政府信息情况\r\n\t第二十条第（一）项\t信息内容\r\n",
)
_DOCUMENTS = tuple(parse_document(t) for t in _TEXTS)

texts = st.text(max_size=12)
ids = st.text(alphabet="abcdefghij_.0123456789", min_size=1, max_size=10)
units = st.none() | st.sampled_from(("件", "人次", "万元", "元", "个"))


@st.composite
def spans(draw: st.DrawFn) -> Span:
    start = draw(st.integers(0, 10**6))
    end = draw(st.integers(start, start + 1000))
    return Span(start, end, draw(st.integers(1, 10**5)), draw(st.integers(1, 500)))


optional_spans = st.none() | spans()
amounts = st.integers(0, 8).flatmap(
    lambda places: st.decimals(
        min_value=0, max_value=Decimal(10**12), places=places, allow_nan=False, allow_infinity=False
    )
)


@st.composite
def values(draw: st.DrawFn) -> Value:
    kind = draw(st.sampled_from(ValueKind))
    number: int | Decimal | None = None
    if kind is ValueKind.COUNT:
        number = draw(st.integers(1, 10**15))
    elif kind is ValueKind.ZERO:
        number = 0
    elif kind is ValueKind.AMOUNT:
        number = draw(amounts)
    elif kind is ValueKind.CHANGE:
        number = draw(st.integers(-(10**12), 10**12).filter(bool))
    return Value(kind, draw(texts), number, draw(units), draw(optional_spans))


table_cells = st.builds(
    TableCell,
    row=ids,
    column=ids,
    value=values(),
    row_label=texts,
    column_label=st.none() | texts,
    recovered=st.booleans(),
)
missing = st.builds(Missing, row=ids, column=st.none() | ids, reason=texts)
unrecognized = st.builds(
    UnrecognizedRow,
    label=texts,
    values=st.lists(texts, max_size=3).map(tuple),
    line=st.integers(1, 10**5),
)


def _tuples(elements: st.SearchStrategy[object], max_size: int = 3) -> st.SearchStrategy[tuple]:  # type: ignore[type-arg]
    return st.lists(elements, max_size=max_size).map(tuple)


def _grid(cls: type) -> st.SearchStrategy[object]:
    cells = st.lists(table_cells, max_size=6, unique_by=lambda c: (c.row, c.column)).map(tuple)
    extra = {"era": st.sampled_from((Era.V2019, Era.V2021))} if cls is ApplicationTable else {}
    return st.builds(
        cls,
        cells=cells,
        missing=_tuples(missing),
        unrecognized=_tuples(unrecognized, 2),
        span=optional_spans,
        **extra,
    )


legacy_rows = st.builds(
    LegacyRow,
    id=ids,
    label=texts,
    path=_tuples(ids),
    unit=units,
    value=values(),
    cumulative=st.none() | values(),
)
legacy_tables = st.builds(
    LegacyTable,
    rows=_tuples(legacy_rows, 4),
    columns=st.sampled_from((("value",), ("value", "cumulative"))),
    missing=_tuples(missing, 2),
    unrecognized=_tuples(unrecognized, 2),
    span=optional_spans,
)
metadata = st.builds(
    Metadata,
    title=st.none() | texts,
    agency=st.none() | texts,
    year=st.none() | st.integers(1949, 2200),
    published=st.none() | st.dates(datetime.date(1990, 1, 1), datetime.date(2100, 12, 31)),
    signatory=st.none() | texts,
    spans=_tuples(st.tuples(st.sampled_from(("title", "agency", "year")), spans())),
)


@st.composite
def reports(draw: st.DrawFn) -> AnnualReport:
    """An arbitrary valid report (its document is one of a few small real texts)."""
    return AnnualReport(
        document=draw(st.sampled_from(_DOCUMENTS)),
        era=draw(st.sampled_from(Era)),
        era_evidence=draw(
            _tuples(
                st.builds(EraEvidence, era=st.sampled_from(Era), reason=texts, span=optional_spans)
            )
        ),
        metadata=draw(metadata),
        disclosure=draw(st.none() | _grid(DisclosureTable2019) | _grid(DisclosureTable2021)),  # type: ignore[arg-type]
        applications=draw(st.none() | _grid(ApplicationTable)),  # type: ignore[arg-type]
        reviews=draw(st.none() | _grid(ReviewTable)),  # type: ignore[arg-type]
        legacy=draw(st.none() | legacy_tables),
        statements=draw(_tuples(st.builds(ProseStatement, table=ids, text=texts, span=spans()), 2)),
        source=draw(st.none() | texts),
    )


numbers = st.none() | st.integers(-(10**12), 10**12) | amounts
locations = st.builds(
    Location,
    table=st.none() | ids,
    row=st.none() | ids,
    column=st.none() | ids,
    label=texts,
    span=optional_spans,
    source=st.none() | texts,
)
findings = st.builds(
    Finding,
    code=st.from_regex(r"[A-Z][0-9]{3}", fullmatch=True),
    severity=st.sampled_from(Severity),
    message=texts,
    locations=_tuples(locations),
    expected=numbers,
    actual=numbers,
    source=st.none() | texts,
)
