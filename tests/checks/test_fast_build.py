"""The checks' unchecked builders make the same findings and locations as the constructors."""

from __future__ import annotations

import copy
import pickle
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengov_report import Span, parse
from opengov_report.checks import Finding, Location, Severity
from opengov_report.checks.finding import new_finding, new_locations
from opengov_report.checks.grid import grid_index
from tests.conftest import SEED_PATHS


def _new_location(
    table: str | None, row: str | None, column: str | None, label: str, span: Span | None
) -> Location:
    (location,) = new_locations(table, [(row, column, label, span)])
    return location


_TEXT = st.text(max_size=6)
_SPANS = st.none() | st.builds(
    lambda start, length, line, column: Span(start, start + length, line, column),
    st.integers(0, 500),
    st.integers(0, 50),
    st.integers(1, 40),
    st.integers(1, 40),
)
_OPTIONAL = st.none() | _TEXT
_LOCATIONS = st.builds(_new_location, _OPTIONAL, _OPTIONAL, _OPTIONAL, _TEXT, _SPANS)
_DECIMALS = st.decimals(places=2, allow_nan=False, allow_infinity=False)
_NUMBERS = st.none() | st.integers(-50, 50) | _DECIMALS


def _same(fast: object, built: object) -> None:
    """Equal, of one class, hashing, printing, pickling and copying alike."""
    assert type(fast) is type(built)
    assert fast == built
    assert hash(fast) == hash(built)
    assert repr(fast) == repr(built)
    assert attrs.asdict(fast) == attrs.asdict(built)  # type: ignore[arg-type]
    assert pickle.loads(pickle.dumps(fast)) == built
    assert copy.deepcopy(fast) == built


@settings(max_examples=60)
@given(_OPTIONAL, _OPTIONAL, _OPTIONAL, _TEXT, _SPANS)
def test_new_locations_are_the_constructors(
    table: str | None, row: str | None, column: str | None, label: str, span: Span | None
) -> None:
    fast = _new_location(table, row, column, label, span)
    _same(fast, Location(table, row, column, label, span))
    assert fast.figure_id == Location(table, row, column, label, span).figure_id
    assert fast.source is None
    assert attrs.evolve(fast, source="x.txt") == Location(table, row, column, label, span, "x.txt")


@settings(max_examples=60)
@given(
    _TEXT,
    st.sampled_from(Severity),
    _TEXT,
    st.lists(_LOCATIONS, max_size=3).map(tuple),
    _NUMBERS,
    _NUMBERS,
    _OPTIONAL,
)
def test_new_finding_is_the_constructors(
    code: str,
    severity: Severity,
    message: str,
    locations: tuple[Location, ...],
    expected: int | Decimal | None,
    actual: int | Decimal | None,
    source: str | None,
) -> None:
    fast = new_finding(code, severity, message, locations, expected, actual, source)
    built = Finding(code, severity, message, locations, expected, actual, source)
    _same(fast, built)
    assert fast.sort_key() == built.sort_key()
    assert (fast.span, fast.line, fast.column) == (built.span, built.line, built.column)


def test_fast_built_objects_stay_frozen() -> None:
    location = _new_location("applications", "granted", "total", "（一）予以公开 / 总计", None)
    finding = new_finding("A101", Severity.ERROR, "m", (location,), 1, 2, None)
    for obj, field in ((location, "label"), (finding, "message")):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(obj, field, "changed")


@settings(max_examples=30)
@given(
    _OPTIONAL,
    st.lists(st.tuples(_OPTIONAL, _OPTIONAL, _TEXT, _SPANS), max_size=5),
)
def test_new_locations_in_order(
    table: str | None, places: list[tuple[str | None, str | None, str, Span | None]]
) -> None:
    made = new_locations(table, places)
    assert made == [Location(table, *place) for place in places]


def test_grid_locations_are_the_constructors() -> None:
    located = 0
    for path in SEED_PATHS:
        report = parse(path)
        for table in (report.disclosure, report.applications, report.reviews):
            if table is None:
                continue
            g = grid_index(table)
            keys = [(c.row, c.column) for c in table.cells]
            for (row, column), fast in zip(keys, g.locations(keys), strict=True):
                value = g.value(row, column)
                label = f"{g.row_label(row)} / {g.column_label(column)}"
                span = value.span if value is not None else None
                _same(fast, Location(g.table, row, column, label, span))
                assert g.location(row, column) is fast
                located += 1
    assert located > 300
