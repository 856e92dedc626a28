"""check() as its contract states it: every selected rule's findings, each naming the report's
file, ordered by Finding.sort_key; the same as running the rules one by one."""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from opengov_report import AnnualReport, Finding, check, parse
from opengov_report.checks.catalogue import RULES
from opengov_report.checks.context import Context
from opengov_report.checks.registry import RuleScope
from opengov_report.strategies import inconsistent_reports, reports
from tests.conftest import LAYOUT_PATHS, SEED_PATHS


def _one_by_one(report: AnnualReport) -> list[Finding]:
    """Each report rule on a context of its own, its findings given the report's source by
    attrs.evolve, sorted by Finding.sort_key."""
    found = []
    for rule in RULES:
        if rule.scope is RuleScope.REPORT:
            assert rule.run is not None
            found += [
                attrs.evolve(f, source=report.source) for f in rule.run(Context(report), rule)
            ]
    return sorted(found, key=Finding.sort_key)


def _same(report: AnnualReport) -> None:
    found = check(report)
    assert list(found) == _one_by_one(report)
    assert all(f.source == report.source for f in found)
    keys = [f.sort_key() for f in found]
    assert keys == sorted(keys)


def test_seeds_with_and_without_a_source() -> None:
    for path in SEED_PATHS:
        report = parse(path)
        assert report.source is not None
        _same(report)
        _same(attrs.evolve(report, source=None))


@settings(max_examples=25, deadline=None)
@given(inconsistent_reports(), st.none() | st.text(min_size=1, max_size=8))
def test_inconsistent_reports(
    drawn: tuple[AnnualReport, frozenset[str]], source: str | None
) -> None:
    report, _ = drawn
    _same(attrs.evolve(report, source=source))


@settings(max_examples=15, deadline=None)
@given(reports(consistent=False))
def test_reports_drawn_without_consistency(report: AnnualReport) -> None:
    _same(report)


def test_context_walk_is_the_documents() -> None:
    for path in [*SEED_PATHS, *LAYOUT_PATHS]:
        report = parse(path)
        ctx = Context(report)
        assert ctx.sections() == list(report.document.sections())
        assert ctx.paragraphs() == list(report.document.paragraphs())
        assert all(a is b for a, b in zip(ctx.sections(), report.document.sections(), strict=True))
