"""A bounded memo read at the speed of a dict: what the pipeline keeps of texts it has seen.

Recognition looks up several things per cell and per row (a cell's kind by its text, a row's
shape by its cells' kinds, a row's labels by their texts); the lexer and the checks keep a
few readings of texts that come back in report after report (numbering marks, section
titles, legacy labels, 无 and dash cells).  ``functools.lru_cache`` costs
about twice a plain dict lookup per call; a :class:`Memo` is a dict whose misses are filled
by ``__missing__``, so that ``memo[key]`` and ``map(memo.__getitem__, keys)`` are a dict's own
lookups.  It is emptied when full: a bound on memory, never a change in what it answers.

It is the one mechanism of module-level memoisation in the package (a function of one
hashable key; several arguments make a tuple key).  What is not a Memo, and why: the state of
one run (``checks.Context.memo``, one report's derived data; ``glued``'s search, bounded by
its budget), the parser built once (``_parse._parser``), and the lexer's line memos that its
pass fills as it reads (``lexer/_segment.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

__all__ = ["Memo"]

_K = TypeVar("_K")
_V = TypeVar("_V")


class Memo(dict[_K, _V]):
    """``make(key)`` for every key read, each made once while it stays in the memo (at most
    ``limit`` entries)."""

    __slots__ = ("_limit", "_make")

    def __init__(self, make: Callable[[_K], _V], limit: int) -> None:
        super().__init__()
        self._make = make
        self._limit = limit

    def cache_clear(self) -> None:
        """Empty the memo (the name ``functools``' caches give it: benchmarks/mutation.py
        empties every memo of the package between two tests this way)."""
        self.clear()

    def __missing__(self, key: _K) -> _V:
        if len(self) >= self._limit:
            self.clear()
        value = self[key] = self._make(key)
        return value
