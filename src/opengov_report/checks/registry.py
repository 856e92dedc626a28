"""The rule registry: every rule's code, name, severity, tag, summary and explanation.

Rules register themselves with the :func:`rule` decorator in their family's module
(``applications``, ``reviews`` …); :mod:`.catalogue` imports the families and exposes the
closed, ordered catalogue.  Codes are stable: a code, once released, keeps its meaning.

A rule's body is called with the rule itself (``this``) after what it reads, and makes each
finding with :meth:`Rule.finding`: the code and the severity are the registry's, written once
in the decorator; the body gives only the message, the places and the numbers.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

import attrs

from ..errors import OpenGovReportError
from .examples import Example
from .finding import Finding, Location, Number, Severity, new_finding

if TYPE_CHECKING:
    from ..model.report import AnnualReport
    from .context import Context

__all__ = [
    "PairCheck",
    "ReportCheck",
    "Rule",
    "RuleScope",
    "RuleTag",
    "UnknownRuleError",
    "registered",
    "rule",
    "select_rules",
]

ReportCheck = Callable[["Context", "Rule"], Iterable[Finding]]
PairCheck = Callable[["AnnualReport", "AnnualReport", "Rule"], Iterable[Finding]]
_Check = TypeVar("_Check", bound=Callable[..., Iterable[Finding]])


class RuleTag(enum.Enum):
    """Where a rule comes from (format-spec §0): printed on the form, implied by the labels,
    expected in practice only, or a rule on values, layout or prose."""

    OFFICIAL = "official"
    STRUCTURAL = "structural"
    HEURISTIC = "heuristic"
    VALUE = "value"
    LAYOUT = "layout"
    PROSE = "prose"


class RuleScope(enum.Enum):
    """What a rule reads: one report, or two consecutive reports of one agency."""

    REPORT = "report"
    PAIR = "pair"


class UnknownRuleError(OpenGovReportError, ValueError):
    """A ``select``/``ignore`` entry names no rule code or prefix."""


@attrs.frozen(slots=True)
class Rule:
    """One rule of the catalogue.

    ``code`` (``A101``) and ``name`` (``applications-balance``) are stable; ``severity`` is the
    severity of a plain violation (a finding may be milder, e.g. when only blank cells are
    involved); ``explanation`` cites the identity in format-spec terms; ``failing`` is a text
    the rule fires on and ``passing`` a like one it does not (see :mod:`.examples`).
    """

    code: str
    name: str
    severity: Severity
    tag: RuleTag
    summary: str
    explanation: str
    scope: RuleScope = RuleScope.REPORT
    failing: Example = attrs.field(kw_only=True, repr=False)
    passing: Example = attrs.field(kw_only=True, repr=False)
    #: the rule's body: called with the report's :class:`~.context.Context` (a pair rule: the
    #: previous and the current report) and the rule itself
    run: Callable[..., Iterable[Finding]] | None = attrs.field(default=None, eq=False, repr=False)

    def finding(
        self,
        message: str,
        locations: tuple[Location, ...] = (),
        *,
        expected: Number | None = None,
        actual: Number | None = None,
        source: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding of this rule: its code and severity, the body's message and places.

        ``severity`` is for blank arithmetic only (:func:`~.arithmetic.value_finding`): an
        identity that holds if blank cells are read as 0 is said more mildly than the rule's
        severity, never more seriously."""
        if severity is None:
            severity = self.severity
        elif not self.severity.at_least(severity):
            raise ValueError(f"rule {self.code}: {severity.value} is above its severity")
        return new_finding(self.code, severity, message, locations, expected, actual, source)


_REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    severity: Severity,
    tag: RuleTag,
    summary: str,
    explanation: str,
    *,
    failing: Example,
    passing: Example,
    scope: RuleScope = RuleScope.REPORT,
) -> Callable[[_Check], _Check]:
    """Register the decorated function as the rule ``code``.

    The function takes the :class:`~.context.Context` of the report being checked (two
    reports for a pair rule) and the :class:`Rule` itself, and yields findings made with
    :meth:`Rule.finding`.  ``failing`` and ``passing`` are the examples of its documentation:
    a text it fires on, and a like one it does not.
    """

    def decorate(func: _Check) -> _Check:
        if code in _REGISTRY:
            raise ValueError(f"rule code {code} registered twice")
        if any(r.name == name for r in _REGISTRY.values()):
            raise ValueError(f"rule name {name} registered twice")
        _REGISTRY[code] = Rule(
            code,
            name,
            severity,
            tag,
            summary,
            explanation,
            scope,
            failing=failing,
            passing=passing,
            run=func,
        )
        return func

    return decorate


def registered() -> tuple[Rule, ...]:
    """Every registered rule, ordered by code."""
    return tuple(_REGISTRY[c] for c in sorted(_REGISTRY))


def select_rules(
    rules: Sequence[Rule],
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> tuple[Rule, ...]:
    """The rules chosen by ``select`` and not removed by ``ignore``.

    Entries are codes (``A101``), prefixes (``A``, ``A1``), rule names (``applications-balance``)
    or ``ALL``; ``select=None`` selects every rule.  An entry that names nothing raises
    :class:`UnknownRuleError`, so a typo is never a silent no-op.
    """

    def matches(entry: str) -> set[str]:
        key = entry.strip()
        if key.upper() == "ALL":
            return {r.code for r in rules}
        found = {r.code for r in rules if r.code.startswith(key.upper()) or r.name == key}
        if not key or not found:
            raise UnknownRuleError(f"unknown rule code, prefix or name: {entry!r}")
        return found

    chosen: set[str] = {r.code for r in rules}
    if select is not None:
        chosen = set().union(*(matches(e) for e in select))
    if ignore is not None:
        for entry in ignore:
            chosen -= matches(entry)
    return tuple(r for r in rules if r.code in chosen)
