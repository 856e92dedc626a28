"""Every rule's cases, from a file per rule (tests/data/rules/CODE.toml, described in the README
there): report texts that must make the rule fire and texts that must not, run by one test.

The texts are written from the official forms (format-spec) and the rule's meaning; what a
finding is expected to hold (its cell, severity, numbers, words) is worked out from the text,
not copied from what the library printed."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from opengov_report import RULES, Finding, check, check_pair, parse
from opengov_report.checks import rule_by_code
from opengov_report.checks.registry import RuleScope
from tests.conftest import DATA

from .test_rule_findings import assert_from_registry

CASES = DATA / "rules"
_CASE_KEYS = {"says", "fires", "text", "previous", "before", "finding"}
_FINDING_KEYS = {"at", "label", "involves", "severity", "expected", "actual", "message_has"}


@attrs.frozen
class Case:
    """One case of a rule's file."""

    code: str
    number: int
    says: str
    fires: bool
    text: str
    previous: str | None
    findings: tuple[Mapping[str, Any], ...]

    @property
    def id(self) -> str:
        return f"{self.code}-{self.number}-{'fires' if self.fires else 'silent'}"


def _read(path: Path) -> list[Case]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    code = data["rule"]
    assert code == path.stem, f"{path.name} names rule {code}"
    cases = []
    for number, raw in enumerate(data["case"], 1):
        assert set(raw) <= _CASE_KEYS, (path.name, number, set(raw) - _CASE_KEYS)
        findings = tuple(raw.get("finding", ()))
        for f in findings:
            assert set(f) <= _FINDING_KEYS, (path.name, number, set(f) - _FINDING_KEYS)
        assert raw["fires"] or not findings, (path.name, number, "a silent case has findings")
        before = raw.get("before", data.get("before", ""))
        previous = raw.get("previous")
        cases.append(
            Case(
                code,
                number,
                raw["says"],
                raw["fires"],
                before + raw["text"],
                None if previous is None else before + previous,
                findings,
            )
        )
    return cases


ALL_CASES = [case for path in sorted(CASES.glob("*.toml")) for case in _read(path)]


def _found(case: Case) -> tuple[Finding, ...]:
    rule = rule_by_code(case.code)
    if rule.scope is RuleScope.PAIR:
        assert case.previous is not None, f"{case.id}: a pair rule's case has a previous text"
        return check_pair(parse(case.previous), parse(case.text), select=[case.code])
    assert case.previous is None, f"{case.id}: a report rule's case has one text"
    return check(parse(case.text), select=[case.code])


def _number(value: Any) -> int | Decimal:
    return Decimal(str(value)) if isinstance(value, float) else int(value)


def _matches(finding: Finding, want: Mapping[str, Any]) -> None:
    first = finding.locations[0] if finding.locations else None
    if "at" in want:
        assert first is not None and first.figure_id == want["at"], finding
    if "label" in want:
        assert first is not None and first.label == want["label"], finding
    places = {loc.figure_id for loc in finding.locations}
    for place in want.get("involves", ()):
        assert place in places, (place, finding)
    if "severity" in want:
        assert finding.severity.value == want["severity"], finding
    for key in ("expected", "actual"):
        if key in want:
            assert getattr(finding, key) == _number(want[key]), (key, finding)
    for words in want.get("message_has", ()):
        assert words in finding.message, (words, finding.message)


@pytest.mark.parametrize("case", ALL_CASES, ids=[c.id for c in ALL_CASES])
def test_rule_case(case: Case) -> None:
    found = _found(case)
    if not case.fires:
        assert found == (), f"{case.id} ({case.says}): fired {[f.message for f in found]}"
        return
    assert assert_from_registry(rule_by_code(case.code), found) > 0, f"{case.id}: did not fire"
    if case.findings:
        assert len(found) == len(case.findings), [f.message for f in found]
        for finding, want in zip(found, case.findings, strict=True):
            _matches(finding, want)


def test_every_rule_has_a_file_of_cases_that_fire_and_cases_that_do_not() -> None:
    by_rule: dict[str, set[bool]] = {}
    for case in ALL_CASES:
        by_rule.setdefault(case.code, set()).add(case.fires)
    assert {code: outcomes for code, outcomes in by_rule.items() if outcomes != {True, False}} == {}
    assert sorted(by_rule) == [r.code for r in RULES]
