"""Pairing reports by agency and year, and the corpus entry point (the cases of each rule X1xx
are in tests/data/rules/X10*.toml)."""

from __future__ import annotations

from opengov_report import check_corpus, parse
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


def test_pairing_by_agency_and_year() -> None:
    a, b = _carry("2", "1")
    other = report_text(year=2023, agency="另一局")
    reports = [parse(b), parse(other), parse(a)]
    pairs = consecutive_pairs(reports)
    assert [(p.metadata.year, c.metadata.year) for p, c in pairs] == [(2022, 2023)]
    found = [f for f in check_corpus(reports) if f.code == "X101"]
    assert found
    # the previous year's cell is labelled with its year
    assert found[0].locations[1].label.endswith("(2022年)")
    # two reports for one agency and year: which one is right cannot be told, no pair
    assert consecutive_pairs([*reports, parse(b)]) == []
