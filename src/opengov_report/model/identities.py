"""The one evaluator of the forms' identities: ``sum(left) == sum(right)`` over the numbers of
cells, where a cell whose number is unknown leaves the identity undecided.

The identities themselves are data in :mod:`.forms` (``ROW_SUMS_APPLICATIONS``,
``APPLICATION_COLUMN_IDENTITIES``, ``REVIEW_GROUP_SUMS``); what a cell's number is belongs to
the caller: the checks give ``None`` for a blank, 无, dash or unreadable cell (blank is not
zero, so the identity does not hold *as written*, and :mod:`opengov_report.checks.arithmetic`
then reads it again term by term), while recognition, choosing between readings of glued
digits, counts a blank or a mark as 0 and gives ``None`` only for a cell it has not read.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

__all__ = ["sums_equal"]

_Term = int | Decimal | None


def sums_equal(
    left: Iterable[int | Decimal | None], right: Iterable[int | Decimal | None]
) -> bool | None:
    """``sum(left) == sum(right)``, or None when a term is None (the identity is undecided).

    One pass, stopping at the first None: this runs for every identity of every table
    checked, and for every reading of a glued row that recognition weighs."""
    total: int | Decimal = 0
    for n in left:
        if n is None:
            return None
        total += n
    for n in right:
        if n is None:
            return None
        total -= n
    return total == 0
