"""The forms' identities, with tables and row lists written out from the forms themselves.

format-spec §4.5: T3-1 一 + 二 = （七） + 四 per column (OFFICIAL, printed on the form), T3-2
（七）总计 = （一）+（二）+ the eight （三） reasons + the three （四） reasons + the five （五）
reasons + （六） (one row in the 2019 form, three sub-rows in the 2021 form), T3-3 总计 = the six
applicant columns, T4-1 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 in each group.

The rows of table 三 are typed here in the order the forms print them (国办公开办函〔2019〕60号
and 〔2021〕30号); nothing is taken from the library's catalogue or its check functions, so
that a wrong row list in the library cannot also be the test's.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from opengov_report import (
    ApplicationTable,
    Era,
    ReviewTable,
    Severity,
    Span,
    TableCell,
    check,
    parse_value,
)
from opengov_report.checks.applications import result_rows
from opengov_report.checks.arithmetic import Status, Term, compare, holds
from opengov_report.checks.finding import Finding, Location
from opengov_report.model.forms import applicant_result_rows, application_rows
from opengov_report.model.values import Value

from .builders import report

#: the applicant columns in printed order: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构,
#: 其他, then 总计
_COLUMNS = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_organization",
    "legal_service_organization",
    "other_organization",
)
#: （一）…（五） of 三、本年度办理结果, as both forms print them
_RESULTS_COMMON = (
    "granted",
    "partially_granted",
    "denied.state_secret",
    "denied.law_forbidden",
    "denied.safety_stability",
    "denied.third_party_rights",
    "denied.internal_affairs",
    "denied.process_info",
    "denied.enforcement_case",
    "denied.admin_query",
    "unable.no_info",
    "unable.need_creation",
    "unable.unclear",
    "not_processed.complaint",
    "not_processed.repeat",
    "not_processed.publication",
    "not_processed.massive_requests",
    "not_processed.confirm_info",
)
#: the results that add up to （七）总计: （六）其他处理 one row (2019) or three (2021)
RESULTS = {
    "2019": (*_RESULTS_COMMON, "other"),
    "2021": (
        *_RESULTS_COMMON,
        "other.overdue_correction",
        "other.overdue_fee",
        "other.other_reasons",
    ),
}
#: every row of table 三 that holds values, in printed order
ROWS = {
    fmt: ("new_received", "carried_over", *results, "total_processed", "carried_forward")
    for fmt, results in RESULTS.items()
}
_ERA = {"2019": Era.V2019, "2021": Era.V2021}


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_the_rows_that_add_up_to_the_total_are_the_form_s(fmt: str) -> None:
    assert applicant_result_rows(fmt) == RESULTS[fmt]
    assert result_rows(_ERA[fmt]) == RESULTS[fmt]


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_the_rows_with_values_are_the_form_s(fmt: str) -> None:
    assert application_rows(fmt) == ROWS[fmt]


def _table(fmt: str, grid: dict[str, list[int]]) -> ApplicationTable:
    """Table 三 with the six applicant columns of ``grid`` and 总计 their sum."""
    cells = []
    for i, (row, values) in enumerate(grid.items()):
        for j, (column, value) in enumerate(
            zip((*_COLUMNS, "total"), (*values, sum(values)), strict=True)
        ):
            span = Span(100 * i + 10 * j, 100 * i + 10 * j + 1, i + 1, j + 1)
            cells.append(TableCell(row, column, parse_value(str(value), span), row))
    return ApplicationTable(tuple(cells), era=_ERA[fmt])


def _consistent(fmt: str) -> dict[str, list[int]]:
    """A table 三 where every identity holds: each result row k holds k + 1 in 自然人 and 1 in
    科研机构; 一 holds the total plus 3 in each column, 四 those 3."""
    grid = {row: [0] * 6 for row in ROWS[fmt]}
    for k, row in enumerate(RESULTS[fmt]):
        grid[row][0] = k + 1
        grid[row][2] = 1
    total = [sum(grid[r][c] for r in RESULTS[fmt]) for c in range(6)]
    grid["total_processed"] = total
    grid["carried_over"] = [1] * 6
    grid["new_received"] = [t + 2 for t in total]
    grid["carried_forward"] = [3] * 6
    return grid


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_a_table_that_keeps_every_identity_gives_no_finding(fmt: str) -> None:
    table = _table(fmt, _consistent(fmt))
    assert check(report(era=_ERA[fmt], applications=table), select=["A"]) == ()


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_every_result_row_counts_in_the_total(fmt: str) -> None:
    """One more in any result row's 自然人 breaks T3-2 in that column and in 总计 (the row's
    总计 follows), by exactly 1, and nothing else."""
    for row in RESULTS[fmt]:
        grid = _consistent(fmt)
        grid[row][0] += 1
        found = check(report(era=_ERA[fmt], applications=_table(fmt, grid)), select=["A"])
        assert [(f.code, f.locations[0].column) for f in found] == [
            ("A102", "natural_person"),
            ("A102", "total"),
        ], row
        assert found[0].actual == sum(k + 1 for k in range(len(RESULTS[fmt])))
        assert found[0].expected == found[0].actual + 1
        assert row in {loc.row for loc in found[0].locations}


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_a_row_not_among_the_results_is_not_in_the_total(fmt: str) -> None:
    """The 2021 form's （六） is a group: a value a report writes in it is not a result (it is
    a subtotal, rule A104); in the 2019 form （六）'s sub-rows do not exist."""
    grid = _consistent(fmt)
    extra = "other" if fmt == "2021" else "other.other_reasons"
    grid[extra] = [5, 0, 0, 0, 0, 0]
    found = check(report(era=_ERA[fmt], applications=_table(fmt, grid)), select=["A102"])
    assert found == ()


@pytest.mark.parametrize(
    ("row", "column", "left", "right"),
    [
        # T3-1 per column: 一 + 二 on one side, （七） + 四 on the other
        ("new_received", 0, 1, 0),
        ("carried_over", 5, 1, 0),
        ("total_processed", 3, 0, 1),
        ("carried_forward", 1, 0, 1),
    ],
)
def test_the_balance_takes_one_and_two_against_seven_and_four(
    row: str, column: int, left: int, right: int
) -> None:
    fmt = "2021"
    grid = _consistent(fmt)
    grid[row][column] += 1
    found = check(report(applications=_table(fmt, grid)), select=["A101"])
    assert [(f.code, f.locations[0].column) for f in found] == [
        ("A101", _COLUMNS[column]),
        ("A101", "total"),
    ]
    # expected: 一 + 二 (the form's first side is the total of what was received)
    sides = {
        "received": grid["new_received"][column] + grid["carried_over"][column],
        "settled": grid["total_processed"][column] + grid["carried_forward"][column],
    }
    assert sides["received"] - sides["settled"] == left - right
    assert {found[0].expected, found[0].actual} == set(sides.values())
    rows = {loc.row for loc in found[0].locations}
    assert rows == {"new_received", "carried_over", "total_processed", "carried_forward"}


def test_the_row_total_is_the_sum_of_the_six_applicant_columns() -> None:
    fmt = "2021"
    for column in range(6):
        grid = _consistent(fmt)
        table = _table(fmt, grid)
        # 总计 of the 予以公开 row one short of its six columns
        cells = tuple(
            TableCell(c.row, c.column, parse_value(str(int(c.value.raw) - 1), c.value.span), c.row)
            if (c.row, c.column) == ("granted", "total")
            else c
            for c in table.cells
        )
        wrong = ApplicationTable(cells, era=Era.V2021)
        found = check(report(applications=wrong), select=["A103"])
        assert [(f.locations[0].row, f.expected, f.actual) for f in found] == [("granted", 2, 1)], (
            column
        )
        assert {loc.column for loc in found[0].locations} == {*_COLUMNS, "total"}


# ------------------------------------------------------------------ arithmetic


_AT = Location("applications", "r", "c")


def _terms(*raws: str | None) -> list[Term]:
    return [Term(None if raw is None else parse_value(raw), _AT) for raw in raws]


def test_holds_needs_every_term_a_number_and_equal_sums() -> None:
    assert holds(_terms("3", "4"), _terms("7"))
    assert holds(_terms("0"), _terms("0", "0"))
    assert not holds(_terms("3", "4"), _terms("8"))
    assert not holds(_terms("3", "5"), _terms("7"))  # more on the left
    assert not holds(_terms("3", "4"), _terms("6"))
    assert not holds(_terms("7"), _terms("3", "5"))  # more on the right
    for blank in ("", "无", "—", None, "约7"):
        assert not holds(_terms(blank, "7"), _terms("7"))
        assert not holds(_terms("7"), _terms("7", blank))
    # an amount: a Decimal number with its unit read
    assert holds(_terms("1.5万元", "2.5万元"), _terms("4万元"))


@pytest.mark.parametrize(
    ("left", "right", "status", "sums", "blanks"),
    [
        (("3", "4"), ("7",), Status.HOLDS, (7, 7), 0),
        (("3", "4"), ("8",), Status.MISMATCH, (7, 8), 0),
        (("8",), ("3", "4"), Status.MISMATCH, (8, 7), 0),
        # blank, 无 and a dash are read as 0 only to say how the identity would hold
        (("3", ""), ("3",), Status.HOLDS_IF_BLANK_ZERO, (3, 3), 1),
        (("3", "无"), ("3", "—"), Status.HOLDS_IF_BLANK_ZERO, (3, 3), 2),
        (("3", ""), ("4",), Status.MISMATCH, (3, 4), 1),
        (("4",), ("3", ""), Status.MISMATCH, (4, 3), 1),
        # a whole side blank-like, the other not 0
        (("", "无"), ("5",), Status.SIDE_BLANK, (0, 5), 2),
        (("5",), ("",), Status.SIDE_BLANK, (5, 0), 1),
        # nothing to compare: a missing cell, an unreadable one, everything blank
        (("3", None), ("3",), Status.UNCHECKABLE, (0, 0), 0),
        (("3",), ("约3",), Status.UNCHECKABLE, (0, 0), 0),
        (("", "无"), ("—",), Status.UNCHECKABLE, (0, 0), 0),
    ],
)
def test_compare(
    left: tuple[str | None, ...],
    right: tuple[str | None, ...],
    status: Status,
    sums: tuple[int, int],
    blanks: int,
) -> None:
    outcome = compare(_terms(*left), _terms(*right))
    assert outcome.status is status
    assert (outcome.left, outcome.right) == sums
    assert len(outcome.blanks) == blanks
    assert all(t.value is not None and not t.value.is_number for t in outcome.blanks)


def test_compare_sums_amounts_exactly() -> None:
    outcome = compare(_terms("0.1万元", "0.2万元"), _terms("0.3万元"))
    assert outcome.status is Status.HOLDS
    assert outcome.left == outcome.right == Decimal("0.3")
    outcome = compare(_terms("0.1万元", "0.2万元"), _terms("0.4万元"))
    assert (outcome.status, outcome.left, outcome.right) == (
        Status.MISMATCH,
        Decimal("0.3"),
        Decimal("0.4"),
    )


def test_a_term_needs_a_place() -> None:
    with pytest.raises(ValueError, match="location"):
        Term(Value.blank())


# ------------------------------------------------------------------ what a finding says

#: the rows' labels as the 2021 form prints them
_PRINTED = {
    "new_received": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "total_processed": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
    "granted": "（一）予以公开",
    "denied": "（三）不予公开",
    "unable": "（四）无法提供",
}


def _printed(table: ApplicationTable) -> ApplicationTable:
    """``table`` with the rows labelled as the form prints them."""
    return ApplicationTable(
        tuple(attrs.evolve(c, row_label=_PRINTED.get(c.row, c.row)) for c in table.cells),
        era=table.era,
    )


def _one(found: tuple[Finding, ...], code: str) -> Finding:
    assert [f.code for f in found] == [code]
    assert found[0].severity is Severity.ERROR
    assert found[0].source == "r.txt"
    return found[0]


def test_a101_names_the_column_and_both_sides_as_printed() -> None:
    grid = _consistent("2021")
    grid["carried_over"][0] += 1
    table = _printed(_table("2021", grid))
    found = check(report(applications=table, source="r.txt"), select=["A101"])
    assert [f.locations[0].column for f in found] == ["natural_person", "total"]
    finding = _one(found[:1], "A101")
    message = finding.message
    assert message.startswith("column 自然人: ")
    settled = f"{_PRINTED['total_processed']} + {_PRINTED['carried_forward']}"
    received = f"{_PRINTED['new_received']} + {_PRINTED['carried_over']}"
    assert message.index(settled) < message.index(received)


def test_a101_when_four_alone_equals_one_plus_two() -> None:
    # 一 5 + 二 0 against （七） 2 + 四 5: 7 ≠ 5, though 四 alone is 5
    grid = {row: [0] * 6 for row in ROWS["2021"]}
    grid["new_received"][0] = 5
    grid["granted"][0] = 2
    grid["total_processed"][0] = 2
    grid["carried_forward"][0] = 5
    found = check(report(applications=_table("2021", grid)), select=["A101"])
    assert [(f.locations[0].column, f.expected, f.actual) for f in found] == [
        ("natural_person", 5, 7),
        ("total", 5, 7),
    ]


def test_a102_a103_a104_name_what_they_compare() -> None:
    grid = _consistent("2021")
    grid["total_processed"][0] += 1
    table = _printed(_table("2021", grid))
    a102 = check(report(applications=table, source="r.txt"), select=["A102"])
    finding = _one(a102[:1], "A102")
    assert finding.message.startswith("column 自然人: （七）总计 = ")
    assert ", but （一）…（六） = " in finding.message
    # one cell of 予以公开 changed alone: its row's 总计 no longer the six columns
    cells = tuple(
        attrs.evolve(c, value=parse_value("99", c.value.span))
        if (c.row, c.column) == ("granted", "research_institution")
        else c
        for c in table.cells
    )
    wrong = ApplicationTable(cells, era=Era.V2021)
    a103 = check(report(applications=wrong, source="r.txt"), select=["A103"])
    finding = _one(a103, "A103")
    assert finding.message.startswith("row （一）予以公开: 总计 = ")
    assert (
        ", but 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 = "
        in finding.message
    )


def test_a104_checks_every_group_a_report_adds_a_subtotal_for() -> None:
    # a subtotal row for （四）无法提供 only (none for （三）): it is checked
    grid = _consistent("2021")
    grid["unable"] = [sum(grid[r][c] for r in RESULTS["2021"][10:13]) for c in range(6)]
    table = _printed(_table("2021", grid))
    assert check(report(applications=table), select=["A104"]) == ()
    grid["unable"][0] += 1
    table = _printed(_table("2021", grid))
    found = check(report(applications=table, source="r.txt"), select=["A104"])
    assert [(f.locations[0].row, f.locations[0].column) for f in found] == [
        ("unable", "natural_person"),
        ("unable", "total"),
    ]
    finding = _one(found[:1], "A104")
    assert finding.message.startswith("（四）无法提供, column 自然人: （四）无法提供 = ")
    assert ", but its sub-rows = " in finding.message


def test_a105_names_the_subtotal_column() -> None:
    grid = _consistent("2021")
    table = _table("2021", grid)
    subtotal = tuple(
        TableCell(row, "legal_entity_subtotal", parse_value(str(sum(values[1:])), None), row)
        for row, values in grid.items()
    )
    cells = tuple(
        attrs.evolve(c, value=parse_value("7", None))
        if (c.row, c.column) == ("granted", "legal_entity_subtotal")
        else c
        for c in (*table.cells, *subtotal)
    )
    found = check(
        report(applications=_printed(ApplicationTable(cells, era=Era.V2021)), source="r.txt"),
        select=["A105"],
    )
    finding = _one(found, "A105")
    assert finding.message.startswith(
        "row （一）予以公开: 小计 = 7, but the five 法人或其他组织 columns = "
    )
    assert (finding.expected, finding.actual) == (1, 7)


def test_r101_names_the_group_and_both_sides() -> None:
    good = {"upheld": "1", "corrected": "0", "other": "2", "pending": "0", "total": "3"}
    cells = tuple(
        TableCell(group, column, parse_value(raw, None))
        for group in ("review", "litigation_direct", "litigation_after_review")
        for column, raw in {**good, "total": "4" if group == "review" else "3"}.items()
    )
    found = check(report(reviews=ReviewTable(cells), source="r.txt"), select=["R101"])
    finding = _one(found, "R101")
    assert finding.message.startswith(
        "行政复议: 总计 = 4, but 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = "
    )
    assert (finding.expected, finding.actual) == (3, 4)
