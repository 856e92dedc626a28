"""Type introspection shared by the converter and the schema generator, so that both read the
attrs classes the same way (which unions are tagged, which field is renamed)."""

from __future__ import annotations

import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from ..model.report import AnnualReport

__all__ = ["RENAMES", "TAG", "class_union", "is_number_union", "union_args"]

#: the key naming the class of a value whose declared type is a union of attrs classes
TAG = "type"

#: JSON names of fields that are stored differently: the report's document is its text
RENAMES: dict[type, dict[str, str]] = {AnnualReport: {"document": "text"}}


def union_args(tp: Any) -> tuple[Any, ...] | None:
    """The members of a union type (``A | B`` or ``Optional[A]``), or None for other types."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return typing.get_args(tp)
    return None


def class_union(tp: Any) -> tuple[type, ...] | None:
    """The attrs classes of a union of two or more attrs classes (None allowed besides),
    which the JSON tags with :data:`TAG`; None for any other type."""
    args = union_args(tp)
    if args is None:
        return None
    members = tuple(a for a in args if a is not type(None))
    if len(members) < 2 or not all(isinstance(a, type) and attrs.has(a) for a in members):
        return None
    return members


def is_number_union(tp: Any) -> bool:
    """True for ``int | Decimal`` (None allowed besides): a number that is an int or exact."""
    args = union_args(tp)
    if args is None:
        return False
    return {a for a in args if a is not type(None)} == {int, Decimal}
