"""Evaluating an identity over cells, with blank arithmetic kept honest.

A term is a cell's :class:`~opengov_report.model.values.Value` with its :class:`Location`.
Blank, 无 and dash are not zero: an identity holds as written only when every term is a
number.  When some terms are blank-like, the identity is read again with them as 0, and the
outcome says which case it is, so that rules can report "holds only if blanks are 0" at a
lower severity instead of a plain mismatch, and "a whole side was left blank" as an omission.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from .._chars import squash
from ..model.identities import sums_equal
from ..model.values import Value, ValueKind
from .finding import Finding, Location, Number, Severity

if TYPE_CHECKING:
    from .registry import Rule

__all__ = [
    "Outcome",
    "Term",
    "compare",
    "holds",
    "identity_finding",
    "render_side",
    "value_finding",
]

_BLANK_LIKE = frozenset({ValueKind.BLANK, ValueKind.NONE, ValueKind.DASH})
# compared by identity in the hot loop (hashing an enum member is a Python-level call)
_UNREADABLE = ValueKind.UNREADABLE
_NUMBER_TYPES = (int, Decimal)  # not ``int | Decimal``: that builds a union at every call


class Term:
    """One cell of an identity: its value (None when the table lacks the cell) and place.

    The place is built only when a finding needs it (``locate``): an identity that holds
    costs no :class:`Location`.
    """

    __slots__ = ("_locate", "_location", "value")

    def __init__(
        self,
        value: Value | None,
        location: Location | None = None,
        *,
        locate: Callable[[], Location] | None = None,
    ) -> None:
        if location is None and locate is None:
            raise ValueError("a term needs a location or a way to locate it")
        self.value = value
        self._location = location
        self._locate = locate

    @property
    def location(self) -> Location:
        if self._location is None:
            assert self._locate is not None
            self._location = self._locate()
        return self._location

    @property
    def short(self) -> str:
        """The value as written, for messages (``∅`` for an empty cell)."""
        if self.value is None:
            return "?"
        raw = squash(self.value.raw)
        return raw or "∅"


class Status(enum.Enum):
    """How an identity came out."""

    HOLDS = "holds"  # every term a number, and equal
    MISMATCH = "mismatch"  # numbers (blank-like terms read as 0) that do not add up
    HOLDS_IF_BLANK_ZERO = "holds_if_blank_zero"  # holds only with blank-like terms as 0
    SIDE_BLANK = "side_blank"  # one side entirely blank-like, the other not 0
    UNCHECKABLE = "uncheckable"  # a term is absent or unreadable, or everything is blank


@attrs.frozen(slots=True)
class Outcome:
    """The result of :func:`compare`: status, both sums (blank-like as 0) and the blank-like
    terms."""

    status: Status
    left: Number = 0
    right: Number = 0
    blanks: tuple[Term, ...] = ()


def _number(value: Value) -> Number | None:
    n = value.number
    return n if isinstance(n, _NUMBER_TYPES) else None


def holds(left: Sequence[Term], right: Sequence[Term]) -> bool:
    """The fast path: every term a number as written, and the sums equal
    (:func:`~opengov_report.model.identities.sums_equal`, a blank-like term unknown)."""
    return sums_equal(map(_term_number, left), map(_term_number, right)) is True


def _term_number(term: Term) -> Number | None:
    v = term.value
    return None if v is None else v.number


def compare(left: Sequence[Term], right: Sequence[Term]) -> Outcome:
    """Evaluate ``sum(left) == sum(right)``."""
    if holds(left, right):
        lsum = _sum(left)
        return Outcome(Status.HOLDS, lsum, lsum)
    return _compare_read(left, right)


def _compare_read(left: Sequence[Term], right: Sequence[Term]) -> Outcome:
    """:func:`compare` once :func:`holds` has said no: read the terms one by one."""
    terms = (*left, *right)
    blanks: list[Term] = []
    for t in terms:
        v = t.value
        if v is None or v.kind is ValueKind.UNREADABLE:
            return Outcome(Status.UNCHECKABLE)
        if v.kind in _BLANK_LIKE:
            blanks.append(t)
    if len(blanks) == len(terms):
        return Outcome(Status.UNCHECKABLE)
    lsum = _sum(left)
    rsum = _sum(right)
    if not blanks:
        return Outcome(Status.HOLDS if lsum == rsum else Status.MISMATCH, lsum, rsum)
    if lsum == rsum:
        return Outcome(Status.HOLDS_IF_BLANK_ZERO, lsum, rsum, tuple(blanks))
    left_blank = all(t in blanks for t in left)
    right_blank = all(t in blanks for t in right)
    if left_blank or right_blank:
        return Outcome(Status.SIDE_BLANK, lsum, rsum, tuple(blanks))
    return Outcome(Status.MISMATCH, lsum, rsum, tuple(blanks))


def _sum(terms: Sequence[Term]) -> Number:
    total: Number = 0
    for t in terms:
        n = _number(t.value) if t.value is not None else None
        if n is not None:
            total = total + n
    return total


def render_side(terms: Sequence[Term], total: Number) -> str:
    """``a + b = 12`` with the values as written (one term: just its value)."""
    if len(terms) == 1:
        return terms[0].short
    return " + ".join(t.short for t in terms) + f" = {total}"


def identity_finding(
    rule: Rule,
    left: Sequence[Term],
    right: Sequence[Term],
    *,
    what: str,
    left_name: str,
    right_name: str,
    source: str | None = None,
) -> Finding | None:
    """The finding for one identity ``left == right`` (None when it holds as written).

    ``left`` is the side the report states (a total), ``right`` the side it must equal (its
    parts): the finding's ``actual`` is the left sum and ``expected`` the right sum, and its
    locations list the left cells first.

    ``what`` says where (``自然人`` column, row ``1.属于国家秘密`` …); ``left_name`` and
    ``right_name`` name the sides as the report labels them.  A mismatch is reported at
    ``rule``'s severity; one that disappears when blank cells are read as 0 at ``info``; a side left
    entirely blank against a non-zero side at ``warning`` (an omission, not an inconsistency).
    ``source`` is the finding's ``source`` (the report's file).
    """
    return value_finding(
        rule,
        [t.value for t in left],
        [t.value for t in right],
        lambda: tuple(t.location for t in (*left, *right)),
        what=what,
        left_name=left_name,
        right_name=right_name,
        source=source,
    )


def _written(value: Value) -> str:
    """:attr:`Term.short` of a term with this value."""
    raw = value.raw
    if raw.isdigit():  # the common case: nothing to squash
        return raw
    return squash(raw) or "∅"


def value_finding(
    rule: Rule,
    left: Sequence[Value | None],
    right: Sequence[Value | None],
    locate: Callable[[], tuple[Location, ...]],
    what: str,
    left_name: str,
    right_name: str,
    source: str | None = None,
) -> Finding | None:
    """:func:`identity_finding` over the terms' values, with ``locate`` giving the terms'
    locations (left first) only when there is a finding.

    It reads the values once (the statuses of :func:`compare`, in one pass) and builds no
    :class:`Term`: the grid rules call it (positionally: one call per identity that does not
    hold on plain numbers) with the cells' values.

    A value has a number exactly when it is of a number kind (``Value``'s validator;
    recognition builds only such values), so the number alone tells the terms apart: no kind
    is read for the numbers that make up almost every term.  Both sides are read in the
    function itself (the same loop twice): a call per side is a measurable share here."""
    lsum: Number = 0
    left_blanks = 0
    for v in left:
        if v is None:
            return None  # absent: uncheckable
        n = v.number
        if n is not None:
            lsum += n
        elif v.kind is _UNREADABLE:
            return None
        else:
            left_blanks += 1
    rsum: Number = 0
    right_blanks = 0
    for v in right:
        if v is None:
            return None
        n = v.number
        if n is not None:
            rsum += n
        elif v.kind is _UNREADABLE:
            return None
        else:
            right_blanks += 1
    blanks = left_blanks + right_blanks
    if blanks == len(left) + len(right):
        return None  # everything blank: uncheckable
    if lsum == rsum and not blanks:
        return None  # holds
    locations = locate()
    if blanks and lsum == rsum:
        return rule.finding(
            f"{what}: {left_name} = {right_name} holds only if the {blanks} blank "
            f"cell{'s' if blanks > 1 else ''} (∅, 无, ——) {'are' if blanks > 1 else 'is'} "
            "read as 0",
            locations,
            expected=rsum,
            actual=lsum,
            source=source,
            severity=Severity.INFO,
        )
    lhs = _render(left, lsum)
    rhs = _render(right, rsum)
    if blanks and (left_blanks == len(left) or right_blanks == len(right)):
        blank_side = left_name if left_blanks == len(left) else right_name
        return rule.finding(
            f"{what}: {blank_side} is left blank, but {left_name} = {lhs} and {right_name} = {rhs}",
            locations,
            expected=rsum,
            actual=lsum,
            source=source,
            severity=Severity.WARNING,
        )
    note = ""
    if blanks:
        note = f" (even with {blanks} blank cell{'s' if blanks > 1 else ''} read as 0)"
    return rule.finding(
        f"{what}: {left_name} = {lhs}, but {right_name} = {rhs}{note}",
        locations,
        expected=rsum,
        actual=lsum,
        source=source,
    )


def _render(values: Sequence[Value | None], total: Number) -> str:
    """:func:`render_side` over the values (none of them None: an absent term makes the
    identity uncheckable)."""
    # _written inlined for the digits that almost every term is
    written = [raw if (raw := v.raw).isdigit() else _written(v) for v in values if v is not None]
    if len(written) == 1:
        return written[0]
    return " + ".join(written) + f" = {total}"
