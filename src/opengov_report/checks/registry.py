"""The rule registry: every rule's code, name, severity, tag, summary and explanation.

Rules register themselves with the :func:`rule` decorator in their family's module
(``applications``, ``reviews`` …); :mod:`.catalogue` imports the families and exposes the
closed, ordered catalogue.  Codes are stable: a code, once released, keeps its meaning.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

import attrs

from ..errors import OpenGovReportError
from .finding import Finding, Severity

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

ReportCheck = Callable[["Context"], Iterable[Finding]]
PairCheck = Callable[["AnnualReport", "AnnualReport"], Iterable[Finding]]
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
    involved); ``explanation`` cites the identity in format-spec terms.
    """

    code: str
    name: str
    severity: Severity
    tag: RuleTag
    summary: str
    explanation: str
    scope: RuleScope = RuleScope.REPORT
    run: Callable[..., Iterable[Finding]] | None = attrs.field(default=None, eq=False, repr=False)


_REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    severity: Severity,
    tag: RuleTag,
    summary: str,
    explanation: str,
    *,
    scope: RuleScope = RuleScope.REPORT,
) -> Callable[[_Check], _Check]:
    """Register the decorated function as the rule ``code``.

    The function takes the :class:`~.context.Context` of the report being checked (two
    reports for a pair rule) and yields findings.
    """

    def decorate(func: _Check) -> _Check:
        if code in _REGISTRY:
            raise ValueError(f"rule code {code} registered twice")
        if any(r.name == name for r in _REGISTRY.values()):
            raise ValueError(f"rule name {name} registered twice")
        _REGISTRY[code] = Rule(code, name, severity, tag, summary, explanation, scope, func)
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
