"""The applications (A1xx) and reviews (R101) rules: each fires on a violation and stays silent
on a consistent table."""

from __future__ import annotations

from opengov_report import Era, Severity, check

from .builders import (
    ORGS,
    applications_table,
    consistent_applications,
    report,
    reviews_table,
)


def _apps(era: Era = Era.V2021) -> dict[str, dict[str, str]]:
    return consistent_applications(
        era,
        {"natural_person": 10, "commercial_enterprise": 3},
        {"granted": {"natural_person": 4, "commercial_enterprise": 1},
         "unable.no_info": {"natural_person": 2}, "denied.state_secret": {"natural_person": 1}},
    )  # fmt: skip


def test_consistent_applications_give_no_finding() -> None:
    for era in (Era.V2019, Era.V2021):
        table = applications_table(_apps(era), era)
        assert check(report(applications=table), select=["A", "R"]) == ()


def test_a101_balance_fires_on_the_column_that_does_not_add_up() -> None:
    raw = _apps()
    raw["carried_over"]["natural_person"] = "2"
    raw["carried_over"]["total"] = "2"
    findings = check(report(applications=applications_table(raw, Era.V2021)), select=["A101"])
    assert [(f.code, f.severity) for f in findings] == [
        ("A101", Severity.ERROR),
        ("A101", Severity.ERROR),
    ]
    assert {f.locations[0].column for f in findings} == {"natural_person", "total"}
    natural = next(f for f in findings if f.locations[0].column == "natural_person")
    assert (natural.expected, natural.actual) == (12, 10)


def test_a102_results_total() -> None:
    raw = _apps()
    raw["total_processed"]["commercial_enterprise"] = "2"
    found = check(report(applications=applications_table(raw, Era.V2021)), select=["A102"])
    assert [(f.locations[0].row, f.locations[0].column) for f in found] == [
        ("total_processed", "commercial_enterprise")
    ]
    assert (found[0].expected, found[0].actual) == (1, 2)


def test_a103_row_total_and_blank_arithmetic() -> None:
    raw = _apps()
    raw["granted"]["total"] = "6"
    raw["denied.state_secret"]["commercial_enterprise"] = ""
    found = check(report(applications=applications_table(raw, Era.V2021)), select=["A103"])
    by_row = {f.locations[0].row: f for f in found}
    assert by_row["granted"].severity is Severity.ERROR
    assert (by_row["granted"].expected, by_row["granted"].actual) == (5, 6)
    # a blank cell that only holds as 0 is said, at info
    assert by_row["denied.state_secret"].severity is Severity.INFO
    assert "blank" in by_row["denied.state_secret"].message
    assert set(by_row) == {"granted", "denied.state_secret"}


def test_side_left_blank_is_a_warning_not_an_error() -> None:
    raw = _apps()
    raw["granted"]["total"] = ""
    found = check(report(applications=applications_table(raw, Era.V2021)), select=["A103"])
    assert [(f.severity, f.locations[0].row) for f in found] == [(Severity.WARNING, "granted")]


def test_r101_group_total() -> None:
    good = {g: {"upheld": "1", "corrected": "0", "other": "2", "pending": "0", "total": "3"}
            for g in ("review", "litigation_direct", "litigation_after_review")}  # fmt: skip
    assert check(report(reviews=reviews_table(good)), select=["R"]) == ()
    bad = {**good, "litigation_direct": {**good["litigation_direct"], "pending": "1"}}
    found = check(report(reviews=reviews_table(bad)), select=["R"])
    assert [(f.code, f.locations[0].row, f.severity) for f in found] == [
        ("R101", "litigation_direct", Severity.ERROR)
    ]
    assert "未经复议直接起诉" in found[0].message


def test_a104_group_subtotal_row_a_report_adds() -> None:
    raw = _apps()
    raw["denied"] = dict.fromkeys(raw["granted"], "0")
    raw["denied"]["natural_person"] = "1"
    raw["denied"]["total"] = "1"
    table = applications_table(raw, Era.V2021)
    assert check(report(applications=table), select=["A104"]) == ()
    raw["denied"]["natural_person"] = "2"
    raw["denied"]["total"] = "2"
    found = check(report(applications=applications_table(raw, Era.V2021)), select=["A104"])
    assert {(f.locations[0].row, f.locations[0].column) for f in found} == {
        ("denied", "natural_person"),
        ("denied", "total"),
    }
    # the subtotal row is not counted twice in （七）总计
    assert check(report(applications=applications_table(raw, Era.V2021)), select=["A102"]) == ()


def test_a105_subtotal_column() -> None:
    raw = _apps()
    for cols in raw.values():
        cols["legal_entity_subtotal"] = str(sum(int(cols[c]) for c in ORGS[1:]))
    table = applications_table(raw, Era.V2021)
    assert check(report(applications=table), select=["A103", "A105"]) == ()
    raw["granted"]["legal_entity_subtotal"] = "5"
    found = check(report(applications=applications_table(raw, Era.V2021)), select=["A105"])
    assert [(f.locations[0].row, f.expected, f.actual) for f in found] == [("granted", 1, 5)]
    # with a 小计 column, 总计 = 自然人 + 小计
    found = check(report(applications=applications_table(raw, Era.V2021)), select=["A103"])
    assert [(f.locations[0].row, f.expected, f.actual) for f in found] == [("granted", 9, 5)]


def test_a102_uses_the_2019_single_other_row() -> None:
    raw = _apps(Era.V2019)
    raw["other"]["natural_person"] = "1"
    found = check(report(applications=applications_table(raw, Era.V2019)), select=["A102"])
    assert [(f.locations[0].column, f.expected, f.actual) for f in found] == [
        ("natural_person", 8, 7)
    ]
    assert "other" in {loc.row for loc in found[0].locations}
