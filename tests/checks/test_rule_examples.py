"""The examples of every rule's documentation hold: the failing text makes the rule fire (with
the registry's code and severity), the passing text does not; docs/rules.md shows both."""

from __future__ import annotations

import pytest

from opengov_report import RULES, Finding, check, check_pair, parse
from opengov_report.checks.docs import rule_text, rules_markdown
from opengov_report.checks.examples import Example
from opengov_report.checks.registry import Rule, RuleScope

from .test_rule_findings import assert_from_registry


def _findings(rule: Rule, example: Example) -> tuple[Finding, ...]:
    """What ``rule`` alone finds in the example."""
    if rule.scope is RuleScope.PAIR:
        assert example.previous is not None, f"{rule.code}: a pair rule's example has two texts"
        return check_pair(parse(example.previous), parse(example.text), select=[rule.code])
    assert example.previous is None, f"{rule.code}: a report rule's example has one text"
    return check(parse(example.text), select=[rule.code])


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_the_failing_example_fires_and_the_passing_one_does_not(rule: Rule) -> None:
    fired = _findings(rule, rule.failing)
    assert assert_from_registry(rule, fired) > 0, f"{rule.code}: its failing example passes"
    assert _findings(rule, rule.passing) == (), f"{rule.code}: its passing example fires"
    assert rule.failing != rule.passing


def test_the_rules_page_and_the_rules_command_show_both_examples() -> None:
    page = rules_markdown()
    for r in RULES:
        section = page.split(f"### {r.code}\n", 1)[1].split("\n### ", 1)[0]
        text = rule_text(r)
        for example in (r.failing, r.passing):
            for source in (example.text, example.previous or ""):
                assert "\n".join(source.splitlines()) in section, r.code
                for line in source.splitlines():
                    assert f"    {line}\n" in text, (r.code, line)
        assert section.count("```text") == (4 if r.scope is RuleScope.PAIR else 2)
