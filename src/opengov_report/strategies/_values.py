"""Cell values: raw texts drawn by kind, read with the reader's own rules."""

from __future__ import annotations

from collections.abc import Collection
from decimal import Decimal

from hypothesis import strategies as st

from .._memo import Memo
from ..model.values import Value, ValueKind, parse_value
from ._errors import StrategyArgumentError, check_positive

__all__ = ["amount_texts", "small_counts", "up_to", "values", "written", "zero_texts"]

_BLANK_LIKE = ("", "无", "——")
_DASHES = ("——", "—", "-", "/")
_AMOUNT_UNITS = ("万元", "元", "亿元", "万")
_UNREADABLE = ("约10", "若干", "1.2.3", "待统计")
_ZERO_TEXTS = st.sampled_from(("0", *_BLANK_LIKE))


def _make_count_text(max_count: int) -> st.SearchStrategy[str]:
    return st.integers(1, max_count).map(str)


_COUNT_TEXT: Memo[int, st.SearchStrategy[str]] = Memo(_make_count_text, 64)
_count_text = _COUNT_TEXT.__getitem__


def amount_texts(*, unit: bool) -> st.SearchStrategy[str]:
    return _AMOUNT_TEXTS[unit]


def _make_amount_texts(unit: bool) -> st.SearchStrategy[str]:
    """An amount as written: ``12``, ``2.14``, and with ``unit`` also ``4995万``, ``2.14亿元``."""
    number = st.one_of(
        st.integers(0, 9999).map(str),
        st.decimals(Decimal("0.01"), Decimal("9999.99"), places=2).map(str),
    )
    if not unit:
        return number
    return st.one_of(
        number, st.tuples(number, st.sampled_from(_AMOUNT_UNITS)).map(lambda p: p[0] + p[1])
    )


_AMOUNT_TEXTS: Memo[bool, st.SearchStrategy[str]] = Memo(_make_amount_texts, 8)


def _texts(kind: ValueKind, max_count: int) -> st.SearchStrategy[str]:
    if kind is ValueKind.COUNT:
        return _count_text(max_count)
    if kind is ValueKind.ZERO:
        return st.sampled_from(("0", "增0"))
    if kind is ValueKind.AMOUNT:
        decimal = st.decimals(Decimal("0.01"), Decimal("9999.99"), places=2).map(str)
        with_unit = st.tuples(st.integers(0, 9999).map(str), st.sampled_from(_AMOUNT_UNITS))
        return st.one_of(decimal, with_unit.map(lambda p: p[0] + p[1]))
    if kind is ValueKind.CHANGE:
        return st.tuples(st.sampled_from(("增", "减", "+", "-")), _count_text(max_count)).map(
            lambda p: p[0] + p[1]
        )
    if kind is ValueKind.NONE:
        return st.just("无")
    if kind is ValueKind.DASH:
        return st.sampled_from(_DASHES)
    if kind is ValueKind.BLANK:
        return st.sampled_from(("", "\u3000", "\u00a0"))
    return st.sampled_from(_UNREADABLE)


def values(
    *, kinds: Collection[ValueKind] | None = None, max_count: int = 500
) -> st.SearchStrategy[Value]:
    """Cell values of the given ``kinds`` (all kinds by default), as the reader makes them
    from their raw text (``12``, ``0``, ``4995万``, ``增23``, ``无``, ``——``, a blank …).

    Shrinks towards ``12``-like small counts, then ``0``.
    """
    check_positive(max_count, "max_count", "values")
    chosen = [k for k in ValueKind if kinds is None or k in kinds]
    if not chosen:
        raise StrategyArgumentError("values(kinds=...) needs at least one kind")
    return st.one_of([_texts(k, max_count) for k in chosen]).map(parse_value)


def written(draw: st.DrawFn, n: int, *, blanks: bool = True) -> str:
    """How a count ``n`` is written in a cell: a non-zero count as its digits, a zero as
    ``0`` or, with ``blanks``, as a blank cell, ``无`` or ``——`` (blank is not zero, but a
    table stays consistent when those are read as 0)."""
    if n != 0:
        return str(n)
    if not blanks:
        return "0"
    return draw(_ZERO_TEXTS)


def zero_texts() -> st.SearchStrategy[str]:
    """How a row writes its zeros: ``0``, a blank cell, ``无`` or ``——`` (shrinks to ``0``)."""
    return _ZERO_TEXTS


def up_to(n: int) -> st.SearchStrategy[int]:
    """Integers 0..n (strategies are cached: building one costs more than drawing from it)."""
    return _UP_TO[n]


def _make_up_to(n: int) -> st.SearchStrategy[int]:
    return st.integers(0, n)


_UP_TO: Memo[int, st.SearchStrategy[int]] = Memo(_make_up_to, 256)


def small_counts(max_count: int) -> st.SearchStrategy[int]:
    """Counts that are often 0 (tables are sparse), shrinking to 0."""
    return _SMALL_COUNTS[max_count]


def _make_small_counts(max_count: int) -> st.SearchStrategy[int]:
    return st.one_of(st.just(0), st.integers(1, max_count))


_SMALL_COUNTS: Memo[int, st.SearchStrategy[int]] = Memo(_make_small_counts, 64)
