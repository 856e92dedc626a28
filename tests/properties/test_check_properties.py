"""Properties of the check catalogue over generated tables.

- No false alarms: a consistent applications or reviews table (blank, 无 and —— standing for
  nothing) gives no error finding.
- Mutation: change any single number cell of such a table by any non-zero amount, and at least
  one error finding names that cell.

Consistent tables keep the 总计 column filled, and at least one part of each review group (a
total beside four blank parts is an omission, reported as a warning, not an inconsistency).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from opengov_report import Era, Severity, check
from opengov_report.model.forms import (
    APPLICANT_COLUMNS as APPLICATION_COLUMNS,
)
from opengov_report.model.forms import (
    REVIEW_COLUMN_LABELS,
    REVIEW_GROUP_LABELS,
    applicant_result_rows,
    application_rows,
)
from tests.checks.builders import applications_table, report, reviews_table

# the forms' facts (model/forms.py), not the checks' own: a wrong result_rows in the checks
# must fail these properties
APPLICATION_ROWS_2019 = application_rows("2019")
APPLICATION_ROWS_2021 = application_rows("2021")
REVIEW_GROUPS = tuple(REVIEW_GROUP_LABELS)
REVIEW_COLUMNS = tuple(REVIEW_COLUMN_LABELS)
_PARTS = APPLICATION_COLUMNS[:6]


def result_rows(era: Era) -> tuple[str, ...]:
    return applicant_result_rows("2021" if era is Era.V2021 else "2019")


_NOTHING = ("", "无", "——", "0")

Grid = dict[str, dict[str, str]]


@st.composite
def consistent_applications(draw: st.DrawFn) -> tuple[Era, Grid]:
    era = draw(st.sampled_from([Era.V2019, Era.V2021]))
    rows = APPLICATION_ROWS_2021 if era is Era.V2021 else APPLICATION_ROWS_2019
    results = result_rows(era)
    numbers: dict[str, dict[str, int]] = {r: dict.fromkeys(_PARTS, 0) for r in rows}
    for col in _PARTS:
        for r in results:
            numbers[r][col] = draw(st.integers(0, 30) | st.just(0))
        processed = sum(numbers[r][col] for r in results)
        forward = draw(st.integers(0, 10))
        carried = draw(st.integers(0, processed + forward))
        numbers["total_processed"][col] = processed
        numbers["carried_forward"][col] = forward
        numbers["carried_over"][col] = carried
        numbers["new_received"][col] = processed + forward - carried
    grid: Grid = {}
    for r, cols in numbers.items():
        grid[r] = {}
        for col, n in cols.items():
            grid[r][col] = draw(st.sampled_from(_NOTHING)) if n == 0 else str(n)
        grid[r]["total"] = str(sum(cols.values()))
    return era, grid


@st.composite
def consistent_reviews(draw: st.DrawFn) -> Grid:
    grid: Grid = {}
    for g in REVIEW_GROUPS:
        parts = draw(st.lists(st.integers(0, 9), min_size=4, max_size=4))
        keep = draw(st.integers(0, 3))  # this part stays a number
        grid[g] = {
            c: (str(n) if n or i == keep else draw(st.sampled_from(_NOTHING)))
            for i, (c, n) in enumerate(zip(REVIEW_COLUMNS[:4], parts, strict=True))
        }
        grid[g]["total"] = str(sum(parts))
    return grid


def _errors(era: Era, apps: Grid, reviews: Grid) -> list[object]:
    model = report(applications=applications_table(apps, era), reviews=reviews_table(reviews))
    return [f for f in check(model) if f.severity is Severity.ERROR]


@settings(max_examples=100)
@given(consistent_applications(), consistent_reviews())
def test_consistent_tables_give_no_error(apps: tuple[Era, Grid], reviews: Grid) -> None:
    era, grid = apps
    assert _errors(era, grid, reviews) == []


@settings(max_examples=200)
@given(
    consistent_applications(),
    consistent_reviews(),
    st.booleans(),
    st.integers(-50, 50).filter(bool),
    st.data(),
)
def test_any_changed_cell_is_named_by_an_error(
    apps: tuple[Era, Grid], reviews: Grid, in_reviews: bool, delta: int, data: st.DataObject
) -> None:
    era, grid = apps
    target = reviews if in_reviews else grid
    numbered = [(r, c) for r, cols in target.items() for c, v in cols.items() if v.isdigit()]
    row, col = data.draw(st.sampled_from(numbered))
    target[row][col] = str(int(target[row][col]) + delta)
    table = "reviews" if in_reviews else "applications"
    model = report(applications=applications_table(grid, era), reviews=reviews_table(reviews))
    errors = [f for f in check(model) if f.severity is Severity.ERROR]
    named = {(loc.table, loc.row, loc.column) for f in errors for loc in f.locations}
    assert (table, row, col) in named, (row, col, delta, [f.message for f in errors])
    changed = next(
        loc.span
        for f in errors
        for loc in f.locations
        if (loc.table, loc.row, loc.column) == (table, row, col)
    )
    assert changed is not None
