"""The check catalogue: accounting identities (勾稽关系) and layout rules, as findings that
point at the source.

    >>> import opengov_report
    >>> report = opengov_report.parse(text)                # doctest: +SKIP
    >>> for f in opengov_report.check(report):             # doctest: +SKIP
    ...     print(f.line, f.column, f.code, f.message)

Every rule has a stable code (``A101``), a name (``applications-balance``), a severity, a tag
(official, structural, heuristic …), a summary, an explanation and two examples (an
:class:`Example` text it fires on and one it passes): see :data:`RULES` and docs/rules.md,
which is generated from them.
"""

from __future__ import annotations

from .catalogue import RULES, check, check_corpus, check_pair, consecutive_pairs, rule_by_code
from .examples import Example
from .finding import Finding, Location, Severity
from .registry import Rule, RuleScope, RuleTag, UnknownRuleError, select_rules

__all__ = [
    "RULES",
    "Example",
    "Finding",
    "Location",
    "Rule",
    "RuleScope",
    "RuleTag",
    "Severity",
    "UnknownRuleError",
    "check",
    "check_corpus",
    "check_pair",
    "consecutive_pairs",
    "rule_by_code",
    "select_rules",
]
