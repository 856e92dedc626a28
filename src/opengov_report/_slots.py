"""Slot setters of attrs classes, for the builders that make model objects by the hundred.

A frozen attrs class sets each field in its generated ``__init__`` through
``object.__setattr__`` by name, which costs more than the rest of the work of a table cell or
a finding.  The builders (``recognize/build.py``, ``checks/finding.py``) make such objects with
``object.__new__`` and the slots' own setters instead, only for classes whose fields are
neither checked nor converted (or whose values are valid by construction), and tests compare
what they make with the constructors' objects.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

__all__ = ["slot_setters"]


def slot_setters(cls: type, names: tuple[str, ...]) -> tuple[Callable[[Any, Any], None], ...]:
    """The slot setters of an attrs class's fields, which must be exactly ``names``: a field
    added to the class must be added to its builder too."""
    fields = tuple(a.name for a in attrs.fields(cls))
    if fields != names:  # pragma: no cover - a guard against the classes changing
        raise TypeError(f"{cls.__name__} fields are {fields}, not {names}")
    return tuple(cls.__dict__[name].__set__ for name in names)
