"""Hypothesis strategies for property-based tests of code that reads or writes reports.

Models, consistent by construction (or not: ``consistent=False``):
:func:`values`, :func:`application_tables`, :func:`review_tables`, :func:`disclosure_tables`,
:func:`legacy_tables`, :func:`metadata`, :func:`reports`.  Broken models:
:func:`inconsistent_reports` gives ``(report, violated_rule_codes)``.  Text:
:func:`report_texts` gives ``(text, expected_report)`` with real-world noise; compare reports
with :func:`report_content`.  Installing the package registers the model types with
hypothesis, so ``st.from_type(AnnualReport)`` works.  See docs/testing.md.

Needs hypothesis (``pip install hypothesis``, or the ``strategies`` extra); importing
:mod:`opengov_report` itself never imports it.
"""

from __future__ import annotations

from ..errors import OpenGovReportError

try:
    import hypothesis  # noqa: F401
except ImportError as exc:  # pragma: no cover - the test environment has hypothesis
    raise OpenGovReportError(
        "opengov_report.strategies needs hypothesis: pip install hypothesis "
        "(or pip install 'opengov-report[strategies]')"
    ) from exc

from ._errors import StrategyArgumentError
from ._plugin import register
from ._reports import AGENCIES, inconsistent_reports, metadata, reports
from ._tables import application_tables, disclosure_tables, legacy_tables, review_tables
from ._text import report_content, report_texts
from ._values import values

__all__ = [
    "AGENCIES",
    "StrategyArgumentError",
    "application_tables",
    "disclosure_tables",
    "inconsistent_reports",
    "legacy_tables",
    "metadata",
    "register",
    "report_content",
    "report_texts",
    "reports",
    "review_tables",
    "values",
]
