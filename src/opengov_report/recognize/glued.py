"""Splitting digits that ran together (``123001016`` → 12 3 0 0 1 0 16) by a row's total.

Dynamic programming over split points, memoised on (position, parts left, remaining sum) and
pruned (a part never exceeds what remains, enough digits must remain for the parts), so the cost
is bounded by the number of reachable states, not by the number of compositions.  It returns at
most ``limit`` solutions, so a caller tells unique (1) from ambiguous (2+) cheaply, and never
chooses between solutions.
"""

from __future__ import annotations

import functools

__all__ = ["split_candidates", "split_grouped"]

#: how many states one call may visit before it gives up (returns what it found, capped)
_STATE_BUDGET = 200_000


def _parts_of(digits: str, start: int, end: int) -> int | None:
    """The number written by ``digits[start:end]``, or None with a leading zero (``05``)."""
    if end - start > 1 and digits[start] == "0":
        return None
    return int(digits[start:end])


def split_candidates(
    digits: str, n: int, *, total_last: bool = True, limit: int = 2
) -> tuple[tuple[int, ...], ...]:
    """Up to ``limit`` ways to cut ``digits`` into ``n`` numbers without leading zeros,
    where (with ``total_last``) the last number is the sum of the others.

    Deterministic order: shorter first parts first.  ``()`` when no split exists (the row's
    numbers do not add up, or the text is damaged).
    """
    if not digits.isascii() or not digits.isdigit() or n < 1 or len(digits) < n:
        return ()
    if not total_last:
        return _plain(digits, n, limit)
    out: list[tuple[int, ...]] = []
    length = len(digits)
    # the total is a suffix; the first n-1 parts must sum to it
    for cut in range(n - 1, length):
        total = _parts_of(digits, cut, length)
        if total is None:
            continue
        for parts in _sum_splits(digits[:cut], n - 1, total, limit - len(out)):
            out.append((*parts, total))
            if len(out) >= limit:
                return tuple(out)
    return tuple(out)


def _sum_splits(prefix: str, k: int, total: int, limit: int) -> list[tuple[int, ...]]:
    budget = [_STATE_BUDGET]

    # the state of one search (it counts against this call's budget, and dies with it): not a
    # module-level memo, so not a Memo; unbounded, but the budget bounds its entries
    @functools.cache
    def count(pos: int, left: int, remaining: int) -> int:
        budget[0] -= 1
        if budget[0] < 0:
            return 0
        if left == 0:
            return 1 if pos == len(prefix) and remaining == 0 else 0
        if len(prefix) - pos < left:
            return 0
        ways = 0
        for end in range(pos + 1, len(prefix) - left + 2):
            value = _parts_of(prefix, pos, end)
            if value is None or value > remaining:
                break
            ways += count(end, left - 1, remaining - value)
            if ways >= limit:
                return ways
        return ways

    out: list[tuple[int, ...]] = []

    def walk(pos: int, left: int, remaining: int, acc: tuple[int, ...]) -> None:
        if len(out) >= limit:
            return
        if left == 0:
            out.append(acc)
            return
        for end in range(pos + 1, len(prefix) - left + 2):
            value = _parts_of(prefix, pos, end)
            if value is None or value > remaining:
                break
            if count(end, left - 1, remaining - value):
                walk(end, left - 1, remaining - value, (*acc, value))

    if count(0, k, total):
        walk(0, k, total, ())
    return out


def _plain(digits: str, n: int, limit: int) -> tuple[tuple[int, ...], ...]:
    out: list[tuple[int, ...]] = []

    def walk(pos: int, left: int, acc: tuple[int, ...]) -> None:
        if len(out) >= limit:
            return
        if left == 0:
            if pos == len(digits):
                out.append(acc)
            return
        for end in range(pos + 1, len(digits) - left + 2):
            value = _parts_of(digits, pos, end)
            if value is None:
                break
            walk(end, left - 1, (*acc, value))

    walk(0, n, ())
    return tuple(out)


def split_grouped(
    digits: str, groups: int, size: int, *, limit: int = 2
) -> tuple[tuple[int, ...], ...]:
    """Up to ``limit`` ways to cut ``digits`` into ``groups`` runs of ``size`` numbers each,
    the last of every run the sum of the others (table 四: three groups of 结果维持, 结果纠正,
    其他结果, 尚未审结 and their 总计).  ``()`` when none exists or the text is too long to
    try (more than 12 digits a number on average)."""
    length = len(digits)
    if not digits.isascii() or not digits.isdigit() or length > groups * size * 12:
        return ()
    out: list[tuple[int, ...]] = []

    def cut(pos: int, group: int, acc: tuple[int, ...]) -> None:
        if group == groups:
            if pos == length:
                out.append(acc)
            return
        left = groups - group - 1
        for end in range(pos + size, length - left * size + 1):
            for parts in split_candidates(digits[pos:end], size, total_last=True, limit=limit):
                cut(end, group + 1, acc + parts)
                if len(out) >= limit:
                    return

    cut(0, 0, ())
    return tuple(out)
