"""Compact pickling for the small, numerous attrs classes: a value is pickled as its class and
the tuple of its fields, and unpickled by calling the class (its validators run again).

attrs' own ``__getstate__``/``__setstate__`` go through a dict and a Python loop per object;
a batch sends hundreds of spans, values, figures and findings per file from its worker
processes, and that pickling cost more than half of the work of parsing the file, so that two
workers ran no faster than one.  ``pickle``, ``copy`` and ``multiprocessing`` all go through
``__reduce__``.
"""

from __future__ import annotations

import operator
from typing import Any, TypeVar

import attrs

__all__ = ["pickled_by_fields"]

_T = TypeVar("_T")


def pickled_by_fields(cls: type[_T]) -> type[_T]:
    """Class decorator (above ``@attrs.frozen``): pickle instances as ``(cls, fields)``.

    Only for classes whose every field is positional in ``__init__`` and has no converter, so
    that ``cls(*fields)`` rebuilds an equal value.
    """
    fields = attrs.fields(cls)  # type: ignore[arg-type]
    if any(not f.init or f.kw_only or f.converter is not None for f in fields):
        raise TypeError(f"{cls.__name__}: a field that cls(*fields) cannot rebuild")
    if len(fields) < 2:
        raise TypeError(f"{cls.__name__}: pickled_by_fields needs two fields or more")
    values = operator.attrgetter(*(f.name for f in fields))  # a tuple, read in C

    def reduce(self: Any) -> tuple[type[_T], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = reduce  # type: ignore[method-assign]
    return cls
