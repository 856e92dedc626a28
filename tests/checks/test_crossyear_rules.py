"""Rules X1xx, pairing by agency and year, and the corpus entry point."""

from __future__ import annotations

from opengov_report import Severity, check_corpus, check_pair, parse
from opengov_report.checks import consecutive_pairs

from .texts import consistent_grid, report_text


def _carry(forward: str, carried: str) -> tuple[str, str]:
    before = consistent_grid()
    before["new_received"].update(natural_person=str(3 + int(forward)), total=str(4 + int(forward)))
    before["carried_forward"].update(natural_person=forward, total=forward)
    now = consistent_grid()
    now["carried_over"].update(natural_person=carried, total=carried)
    now["new_received"].update(natural_person=str(4 - int(carried)), total=str(5 - int(carried)))
    return report_text(year=2022, applications=before), report_text(year=2023, applications=now)


def test_x101_carried_forward_becomes_carried_over() -> None:
    a, b = _carry("2", "2")
    previous, current = parse(a), parse(b)
    assert check_pair(previous, current, select=["X101"]) == ()
    a, b = _carry("2", "1")
    found = check_pair(parse(a), parse(b), select=["X101"])
    assert sorted(str(f.locations[0].column) for f in found) == ["natural_person", "total"]
    assert all(f.severity is Severity.WARNING for f in found)
    natural = next(f for f in found if f.locations[0].column == "natural_person")
    assert (natural.expected, natural.actual) == (2, 1)
    assert natural.locations[1].label.endswith("(2022年)")


def test_x102_in_force_continuity() -> None:
    before = parse(report_text(year=2022, disclosure={"norm_in_force": "10"}))
    ok = parse(report_text(year=2023, disclosure={"norm_issued": "3", "norm_repealed": "1",
                                                   "norm_in_force": "12"}))  # fmt: skip
    assert check_pair(before, ok, select=["X102"]) == ()
    bad = parse(report_text(year=2023, disclosure={"norm_issued": "3", "norm_repealed": "1",
                                                    "norm_in_force": "15"}))  # fmt: skip
    found = check_pair(before, bad, select=["X102"])
    assert [(f.locations[0].row, f.expected, f.actual) for f in found] == [
        ("normative_documents", 13, 16)
    ]


def test_x103_previous_items_2019_format() -> None:
    before = parse(report_text(year=2019, disclosure={"lic_previous": "30", "lic_change": "增2"}))
    ok = parse(report_text(year=2020, disclosure={"lic_previous": "32"}))
    assert check_pair(before, ok, select=["X103"]) == ()
    bad = parse(report_text(year=2020, disclosure={"lic_previous": "31"}))
    found = check_pair(before, bad, select=["X103"])
    assert [(f.locations[0].row, f.expected, f.actual) for f in found] == [
        ("admin_license", 32, 31)
    ]


def test_pairing_by_agency_and_year() -> None:
    a, b = _carry("2", "1")
    other = report_text(year=2023, agency="另一局")
    reports = [parse(b), parse(other), parse(a)]
    pairs = consecutive_pairs(reports)
    assert [(p.metadata.year, c.metadata.year) for p, c in pairs] == [(2022, 2023)]
    codes = {f.code for f in check_corpus(reports)}
    assert "X101" in codes
    # two reports for one agency and year: which one is right cannot be told, no pair
    assert consecutive_pairs([*reports, parse(b)]) == []
