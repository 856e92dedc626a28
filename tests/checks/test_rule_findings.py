"""Every finding carries its rule's code and severity from the registry: a rule's body gives
only the message, the places and the numbers (``Rule.finding``).

The one exception is blank arithmetic (docs/checks.md): an identity that holds only if blank
cells are read as 0 is said at info, one with a whole side left blank at warning, never above
the rule's severity."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from hypothesis import given, settings

from opengov_report import RULES, AnnualReport, Finding, Severity, check, check_pair, parse
from opengov_report.checks.registry import Rule, RuleScope
from opengov_report.strategies import inconsistent_reports
from tests.conftest import CORPUS, LAYOUT_PATHS, SEED_PATHS

_REPORT_RULES = [r for r in RULES if r.scope is RuleScope.REPORT]
#: the words of the two milder findings of blank arithmetic (arithmetic.value_finding)
_BLANK_ARITHMETIC = ("holds only if the", "is left blank, but")


def assert_from_registry(rule: Rule, findings: Iterable[Finding]) -> int:
    """Assert that each of ``findings`` (found by ``rule`` alone) has the rule's code and
    severity, or a milder one for blank arithmetic; the number of findings."""
    n = 0
    for f in findings:
        n += 1
        assert f.code == rule.code, (rule.code, f.message)
        if f.severity is not rule.severity:
            assert any(words in f.message for words in _BLANK_ARITHMETIC), (rule.code, f)
            assert rule.severity.at_least(f.severity), (rule.code, f)
    return n


def _each_rule(report: AnnualReport) -> dict[str, int]:
    return {r.code: assert_from_registry(r, check(report, select=[r.code])) for r in _REPORT_RULES}


def test_real_reports_seeds_and_layouts() -> None:
    paths = [*SEED_PATHS, *LAYOUT_PATHS, *sorted(CORPUS.rglob("*.txt"))]
    fired: dict[str, int] = dict.fromkeys((r.code for r in _REPORT_RULES), 0)
    for path in paths:
        for code, n in _each_rule(parse(path)).items():
            fired[code] += n
    # the real reports make a third of the rules fire (every rule fires on its documented
    # failing example: test_rule_examples.py)
    assert sum(1 for n in fired.values() if n) >= 10, fired


@settings(max_examples=20, deadline=None)
@given(inconsistent_reports())
def test_drawn_inconsistent_reports(drawn: tuple[AnnualReport, frozenset[str]]) -> None:
    report, _ = drawn
    assert sum(_each_rule(report).values()) > 0


def test_a_rule_cannot_make_a_finding_more_serious_than_itself() -> None:
    (warning,) = [r for r in RULES if r.code == "X101"]
    assert warning.finding("m").severity is Severity.WARNING
    assert warning.finding("m", severity=Severity.INFO).severity is Severity.INFO
    with pytest.raises(ValueError, match="X101"):
        warning.finding("m", severity=Severity.ERROR)
    f = warning.finding("m", expected=2, actual=1, source="a.txt")
    assert (f.code, f.message, f.locations, f.expected, f.actual, f.source) == (
        "X101", "m", (), 2, 1, "a.txt",
    )  # fmt: skip


def test_pair_rules_on_the_corpus_pairs() -> None:
    from opengov_report.checks import consecutive_pairs

    reports = [parse(p) for p in sorted(CORPUS.rglob("*.txt"))]
    pairs = consecutive_pairs(reports)
    assert pairs
    for previous, current in pairs:
        for r in RULES:
            if r.scope is RuleScope.PAIR:
                assert_from_registry(r, check_pair(previous, current, select=[r.code]))
