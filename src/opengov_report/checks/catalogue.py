"""The closed catalogue of rules, and running it over reports.

``check(report)`` runs every report rule; ``check_pair(previous, current)`` the rules over two
consecutive reports of one agency; ``check_corpus(reports)`` pairs a corpus's reports by agency
and year and runs both.  Findings come in a deterministic order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .._chars import squash
from ..errors import OpenGovReportError
from ..model.report import AnnualReport
from . import (  # noqa: F401  (importing a family registers its rules)
    applications,
    crossyear,
    disclosure,
    legacy,
    outline,
    prose,
    reviews,
    text,
    values,
)
from .context import Context
from .finding import Finding, new_finding
from .registry import Rule, RuleScope, registered, select_rules

__all__ = ["RULES", "check", "check_corpus", "check_pair", "rule_by_code"]

#: every rule, ordered by code
RULES: tuple[Rule, ...] = registered()
_BY_CODE = {r.code: r for r in RULES}
_REPORT_RULES = tuple(r for r in RULES if r.scope is RuleScope.REPORT)


def rule_by_code(code: str) -> Rule:
    """The rule with this code; raises KeyError when there is none."""
    return _BY_CODE[code]


def _guarded(rule: Rule, args: tuple[object, ...], source: str | None) -> list[Finding]:
    """Run a rule on ``args``: its findings, each naming the report's file (``source``; a
    finding is rebuilt directly, ``attrs.evolve`` costs several times as much).

    An exception other than the library's own is a bug in the rule, reported as such rather
    than leaked."""
    run = rule.run
    assert run is not None  # every registered rule has its function
    try:
        return _with_source(list(run(*args, rule)), source)
    except OpenGovReportError:
        raise
    except _BUGS as exc:
        raise _bug(rule, exc) from exc


#: what a rule raises when it has a bug (reported as such, never leaked)
_BUGS = (ArithmeticError, LookupError, TypeError, ValueError, AttributeError)


def _bug(rule: Rule, exc: Exception) -> OpenGovReportError:
    return OpenGovReportError(f"rule {rule.code} failed (a bug: please report it): {exc!r}")


def _with_source(found: list[Finding], source: str | None) -> list[Finding]:
    """``found``, each finding naming ``source`` (the report rules build theirs with it, from
    ``Context.source``: only the others are rebuilt)."""
    for i, f in enumerate(found):
        if f.source != source:
            found[i] = new_finding(
                f.code, f.severity, f.message, f.locations, f.expected, f.actual, source
            )
    return found


def check(
    report: AnnualReport,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> tuple[Finding, ...]:
    """Run the report rules on one report.

    ``select``/``ignore`` take rule codes, prefixes (``A``, ``A1``), names or ``ALL``; an
    unknown entry raises :class:`~opengov_report.checks.UnknownRuleError`.  The findings are
    ordered by source, line, column, code and message.
    """
    if select is None and ignore is None:
        rules = _REPORT_RULES
    else:
        rules = tuple(r for r in select_rules(RULES, select, ignore) if r.scope is RuleScope.REPORT)
    ctx = Context(report)
    found: list[Finding] = []
    # the rules run in the loop itself (a try costs nothing in Python 3.11 until it raises):
    # with some thirty rules a report, a call per rule is a measurable share of a check
    for r in rules:
        run = r.run
        assert run is not None  # every registered rule has its function
        try:
            found += run(ctx, r)
        except OpenGovReportError:
            raise
        except _BUGS as exc:
            raise _bug(r, exc) from exc
    _with_source(found, ctx.source).sort(key=_order)
    return tuple(found)


def _order(f: Finding) -> tuple[int, int, str, str]:
    """:meth:`Finding.sort_key` without the source, which is the same for every finding of a
    report (the order is the same), and with :attr:`Finding.span` read inline: the key is
    computed for every finding."""
    for location in f.locations:
        span = location.span
        if span is not None and location.source is None:
            return span.line, span.column, f.code, f.message
    return 0, 0, f.code, f.message


def check_pair(
    previous: AnnualReport,
    current: AnnualReport,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> tuple[Finding, ...]:
    """Run the cross-year rules on two consecutive reports of one agency (``previous`` is the
    report on the year before ``current``); findings point into ``current``."""
    rules = [r for r in select_rules(RULES, select, ignore) if r.scope is RuleScope.PAIR]
    found = [f for r in rules for f in _guarded(r, (previous, current), current.source)]
    return tuple(sorted(found, key=Finding.sort_key))


def consecutive_pairs(
    reports: Sequence[AnnualReport],
) -> list[tuple[AnnualReport, AnnualReport]]:
    """Pairs (year Y−1, year Y) of reports of the same agency, by their metadata.

    Reports without an agency or a year are not paired; where an agency has two reports for
    one year, neither is paired for that year (which one is right cannot be told).
    """
    dated = [(r.metadata.agency, r.metadata.year) for r in reports]
    return [(reports[i], reports[j]) for i, j in consecutive_indices(dated)]


def consecutive_indices(dated: Sequence[tuple[str | None, int | None]]) -> list[tuple[int, int]]:
    """:func:`consecutive_pairs` on ``(agency, year)`` items: the pairs of their indices.

    For a caller that keeps the reports elsewhere (the ``check`` command writes their tables
    to a temporary file) and loads only the paired ones."""
    by_key: dict[tuple[str, int], list[int]] = {}
    for i, (agency, year) in enumerate(dated):
        if agency and year is not None:
            by_key.setdefault((squash(agency), year), []).append(i)
    pairs = []
    for (agency, year), found in sorted(by_key.items()):
        before = by_key.get((agency, year - 1))
        if len(found) == 1 and before is not None and len(before) == 1:
            pairs.append((before[0], found[0]))
    return pairs


def check_corpus(
    reports: Iterable[AnnualReport],
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> tuple[Finding, ...]:
    """Every report rule on every report, and the cross-year rules on every pair of
    consecutive reports of one agency (see :func:`consecutive_pairs`)."""
    all_reports = list(reports)
    found: list[Finding] = []
    for r in all_reports:
        found.extend(check(r, select=select, ignore=ignore))
    for previous, current in consecutive_pairs(all_reports):
        found.extend(check_pair(previous, current, select=select, ignore=ignore))
    return tuple(sorted(found, key=Finding.sort_key))
