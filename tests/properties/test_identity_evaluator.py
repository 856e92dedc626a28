"""The fast paths of the identity arithmetic agree with the plain one, on random tables with
blank, 无, dash, unreadable and absent cells.

The plain reading is :func:`~opengov_report.checks.arithmetic._compare_read` (each term read
by its kind, the outcome named); the fast paths are :func:`~.arithmetic.holds` and
:meth:`~opengov_report.checks.grid.GridIndex.holds` (plain numbers through
:func:`~opengov_report.model.identities.sums_equal`) and :func:`~.arithmetic.value_finding`
(one fused pass that builds the finding)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import event, given
from hypothesis import strategies as st

import opengov_report.checks  # noqa: F401  (registers the rules)
from opengov_report.checks.arithmetic import (
    Status,
    Term,
    _compare_read,
    compare,
    holds,
    value_finding,
)
from opengov_report.checks.finding import Location, Severity
from opengov_report.checks.grid import GridIndex
from opengov_report.checks.registry import registered
from opengov_report.model.identities import sums_equal
from opengov_report.model.tables import TableCell
from opengov_report.model.values import Value, parse_value

_Key = tuple[str, str]
_Case = tuple[dict[_Key, Value], list[_Key], list[_Key]]
_RULE = next(r for r in registered() if r.code == "A101")
_KEYS = [(f"r{i}", c) for i in range(4) for c in ("a", "b")]
#: what a cell may hold: mostly small numbers (so that sums often agree and often do not),
#: else blank-like, a decimal or unreadable
_TEXTS = st.one_of(
    st.integers(0, 4).map(str),
    st.integers(0, 4).map(str),
    st.integers(0, 4).map(str),
    st.sampled_from(["", "\u3000", "无", "——", "-", "1.5", "?!"]),
)


@st.composite
def _identities(draw: st.DrawFn) -> _Case:
    """A table (some cells absent) and an identity over some of its cells and others."""
    table = {
        key: parse_value(text)
        for key in _KEYS
        if (text := draw(st.one_of(_TEXTS, _TEXTS, _TEXTS, st.none()))) is not None
    }
    keys = draw(st.permutations(_KEYS))
    n_left = draw(st.integers(1, 3))
    n_right = draw(st.integers(1, 4))
    return table, keys[:n_left], keys[n_left : n_left + n_right]


def _location(key: tuple[str, str]) -> Location:
    return Location("t", key[0], key[1], "/".join(key))


@given(_identities())
def test_fast_paths_agree_with_the_plain_reading(
    case: _Case,
) -> None:
    table, left_keys, right_keys = case
    left = [Term(table.get(k), _location(k)) for k in left_keys]
    right = [Term(table.get(k), _location(k)) for k in right_keys]
    plain = _compare_read(left, right)
    fast = holds(left, right)
    event(plain.status.value)
    assert fast == (plain.status is Status.HOLDS)
    assert compare(left, right).status is plain.status

    cells = tuple(TableCell(r, c, v) for (r, c), v in table.items())
    grid = GridIndex("t", cells, {}, {})
    assert grid.holds(left_keys, right_keys) == fast

    finding = value_finding(
        _RULE,
        [t.value for t in left],
        [t.value for t in right],
        lambda: tuple(t.location for t in (*left, *right)),
        "what",
        "L",
        "R",
    )
    if plain.status in (Status.HOLDS, Status.UNCHECKABLE):
        assert finding is None
        return
    assert finding is not None
    assert (finding.actual, finding.expected) == (plain.left, plain.right)
    severity = {
        Status.HOLDS_IF_BLANK_ZERO: Severity.INFO,
        Status.SIDE_BLANK: Severity.WARNING,
        Status.MISMATCH: _RULE.severity,
    }[plain.status]
    assert finding.severity is severity
    assert finding.locations == tuple(t.location for t in (*left, *right))


_NUMBERS = st.one_of(st.none(), st.integers(-5, 5), st.decimals(-5, 5, places=1))


@given(st.lists(_NUMBERS, max_size=5), st.lists(_NUMBERS, max_size=5))
def test_sums_equal_is_the_sum_of_each_side_unless_a_term_is_unknown(
    left: list[int | Decimal | None], right: list[int | Decimal | None]
) -> None:
    known_left = [n for n in left if n is not None]
    known_right = [n for n in right if n is not None]
    expected = None
    if len(known_left) + len(known_right) == len(left) + len(right):
        expected = sum(known_left, Decimal(0)) == sum(known_right, Decimal(0))
    # sums_equal reads the sides lazily (map objects, as the grid gives them)
    assert sums_equal(iter(left), iter(right)) == expected
