"""Pausing the cyclic garbage collector while a tree of many objects without cycles is built."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused"]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while the tree is built.

    Parsing allocates one object per line or cell and frees none of them, so every
    collection the allocations trigger walks the whole growing tree for nothing (a third of
    the time at 5 MB).  The tree holds no reference cycles; the collector is re-enabled (if
    it was enabled) as soon as the tree is built, and runs as usual from then on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
