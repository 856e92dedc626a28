"""Rules V1xx (values) and D2xx (table 二), through the parser: each fires where it should and
stays silent where it must not."""

from __future__ import annotations

from opengov_report import Finding, Severity, check, parse

from .texts import consistent_grid, report_text


def _codes(findings: tuple[Finding, ...]) -> list[tuple[str, Severity]]:
    return [(f.code, f.severity) for f in findings]


def test_consistent_reports_of_both_eras_give_no_finding() -> None:
    for year in (2020, 2022):
        assert check(parse(report_text(year=year))) == ()


def test_v101_blank_cells_one_finding_per_row_with_every_cell() -> None:
    grid = consistent_grid()
    grid["denied.state_secret"].update(commercial_enterprise="", research_institution="")
    found = check(parse(report_text(applications=grid)), select=["V101"])
    assert len(found) == 1
    f = found[0]
    assert f.severity is Severity.WARNING
    assert [loc.column for loc in f.locations] == ["commercial_enterprise", "research_institution"]
    assert "商业企业" in f.message and "科研机构" in f.message
    assert all(loc.span is not None for loc in f.locations)
    assert f.line is not None


def test_v102_none_and_dash_are_info_not_zero() -> None:
    grid = consistent_grid()
    grid["carried_over"].update(natural_person="无", total="——")
    report = parse(report_text(applications=grid))
    found = check(report, select=["V102"])
    assert _codes(found) == [("V102", Severity.INFO)]
    assert "无" in found[0].message and "——" in found[0].message
    # and the identities over them say so at info, never as an error
    assert all(f.severity is Severity.INFO for f in check(report, select=["A"]))
    assert check(report, select=["A"]) != ()


def test_v103_unreadable_value() -> None:
    grid = consistent_grid()
    grid["granted"]["commercial_enterprise"] = "约1"
    report = parse(report_text(applications=grid))
    found = check(report, select=["V103"])
    assert _codes(found) == [("V103", Severity.WARNING)]
    assert "约1" in found[0].message
    assert found[0].locations[0].column == "commercial_enterprise"
    # identities over an unreadable cell are not checked at all
    assert [f for f in check(report, select=["A"]) if f.locations[0].row == "granted"] == []


def test_v104_negative_count_but_not_a_signed_change() -> None:
    grid = consistent_grid()
    grid["carried_forward"]["natural_person"] = "-1"
    found = check(parse(report_text(applications=grid)), select=["V104"])
    assert _codes(found) == [("V104", Severity.ERROR)]
    assert found[0].actual == -1
    # 本年增/减 holds signed changes
    text = report_text(year=2020, disclosure={"lic_change": "-5"})
    assert check(parse(text), select=["V104"]) == ()


def test_v105_amount_or_unit_in_a_count_cell() -> None:
    grid = consistent_grid()
    grid["granted"]["natural_person"] = "2.5"
    grid["new_received"]["natural_person"] = "4件"
    found = check(parse(report_text(applications=grid)), select=["V105"])
    assert sorted(str(f.locations[0].row) for f in found) == ["granted", "new_received"]
    assert all(f.severity is Severity.WARNING for f in found)
    # an amount in an amount cell is fine
    assert check(parse(report_text(disclosure={"fees": "1.25"})), select=["V105"]) == ()


def test_d201_issued_more_than_in_force() -> None:
    text = report_text(disclosure={"norm_issued": "12", "norm_in_force": "10"})
    found = check(parse(text), select=["D201"])
    assert _codes(found) == [("D201", Severity.WARNING)]
    assert (found[0].expected, found[0].actual) == (10, 12)
    assert "行政规范性文件" in found[0].message


def test_d202_published_more_than_total_2019() -> None:
    text = report_text(year=2020, disclosure={"norm_published": "9", "norm_total": "8"})
    found = check(parse(text), select=["D202"])
    assert _codes(found) == [("D202", Severity.WARNING)]
    assert found[0].locations[0].column == "new_published"


def test_d203_items_cannot_go_negative() -> None:
    text = report_text(year=2020, disclosure={"lic_previous": "3", "lic_change": "减5"})
    found = check(parse(text), select=["D203"])
    assert _codes(found) == [("D203", Severity.ERROR)]
    assert found[0].actual == -2
    ok = report_text(year=2020, disclosure={"lic_previous": "3", "lic_change": "减3"})
    assert check(parse(ok), select=["D203"]) == ()
