"""The catalogue itself: codes, names, selection, determinism, and docs/rules.md in sync."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from opengov_report import RULES, RuleTag, Severity, UnknownRuleError, check, parse
from opengov_report.checks import select_rules
from opengov_report.checks.docs import rules_markdown

from .texts import consistent_grid, report_text

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_codes_and_names_are_unique_and_well_formed() -> None:
    codes = [r.code for r in RULES]
    assert codes == sorted(codes)
    assert len(set(codes)) == len(codes)
    assert len({r.name for r in RULES}) == len(RULES)
    for r in RULES:
        assert re.fullmatch(r"[A-Z][0-9]{3}", r.code), r.code
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)+", r.name), r.name
        assert r.summary and r.explanation and r.run is not None


def test_official_and_structural_identities_are_errors_heuristics_are_not() -> None:
    for r in RULES:
        if r.tag is RuleTag.OFFICIAL:
            assert r.severity is Severity.ERROR
        if r.tag is RuleTag.HEURISTIC:
            assert r.severity is not Severity.ERROR, r.code


def test_docs_page_is_generated_from_the_catalogue() -> None:
    assert DOCS.read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is stale: run `opengov-report rules --markdown > docs/rules.md`"
    )
    for r in RULES:
        assert f"### {r.code}" in rules_markdown()


def test_select_and_ignore_by_code_prefix_and_name() -> None:
    assert {r.code for r in select_rules(RULES, ["A1"])} == {
        r.code for r in RULES if r.code.startswith("A1")
    }
    assert [r.code for r in select_rules(RULES, ["applications-balance"])] == ["A101"]
    assert select_rules(RULES, ["ALL"], ["ALL"]) == ()
    chosen = select_rules(RULES, ["A", "R"], ["A103"])
    assert "A103" not in {r.code for r in chosen} and "R101" in {r.code for r in chosen}
    assert select_rules(RULES, []) == ()
    for bad in (["Z9"], ["applications"], [""]):
        with pytest.raises(UnknownRuleError):
            select_rules(RULES, bad)
    with pytest.raises(UnknownRuleError):
        select_rules(RULES, None, ["nonsense"])


def test_findings_are_deterministic_and_ordered_by_place() -> None:
    grid = consistent_grid()
    grid["granted"]["total"] = "9"
    grid["carried_forward"]["natural_person"] = ""
    text = report_text(applications=grid, prose="共收到政府信息公开申请8件。")
    first = check(parse(text))
    assert first == check(parse(text))
    keys = [f.sort_key() for f in first]
    assert keys == sorted(keys)
    assert {f.code for f in first} >= {"A101", "A102", "A103", "P101", "V101"}


def test_consistent_reports_of_both_eras_give_no_finding() -> None:
    for year in (2020, 2022):
        assert check(parse(report_text(year=year))) == ()
