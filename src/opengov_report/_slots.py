"""The one way the package builds objects without their constructors: :func:`builder`.

A frozen attrs class sets each field in its generated ``__init__`` through
``object.__setattr__`` by name, and runs its validators; for the objects the pipeline makes by
the hundred (a span per line, a value and a table cell per cell, a location per cell a finding
names, a Lark token per line) that costs more than the work itself.  A builder made here
allocates the object and sets its slots through the slots' own descriptors, in one generated
function (as attrs generates ``__init__``), so it costs what the hand-written version cost.

It is used only where the fields are valid by construction (the builder skips validators and
``__attrs_post_init__``), and it guards against the class changing: the names it sets must be
the class's fields, in order.  A named tuple has :func:`tuple_builder`, under the same guard.
Every builder is listed in :data:`BUILDERS`, and a test holds
each one against its class's constructor (tests/test_builders.py).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

__all__ = ["BUILDERS", "builder", "fields_of", "tuple_builder"]

_T = TypeVar("_T")

#: every builder made, with its class, the fields it sets and those it leaves unset (a named
#: tuple's builder takes one tuple of the values, the others the values one by one)
BUILDERS: list[tuple[type, Callable[..., Any], tuple[str, ...], tuple[str, ...]]] = []

_NOT_FIELDS = frozenset({"__weakref__", "__dict__"})


def fields_of(cls: type) -> tuple[str, ...]:
    """The fields of ``cls`` in order: an attrs class's fields, else the names of the slots
    along its bases (the base's first)."""
    if attrs.has(cls):
        return tuple(a.name for a in attrs.fields(cls))
    if issubclass(cls, tuple):
        return tuple(getattr(cls, "_fields", ()))
    names: list[str] = []
    for klass in reversed(cls.__mro__):
        slots = klass.__dict__.get("__slots__", ())
        names.extend(n for n in ((slots,) if isinstance(slots, str) else slots))
    return tuple(n for n in names if n not in _NOT_FIELDS)


def _descriptor(cls: type, name: str) -> Any:
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return klass.__dict__[name]
    raise TypeError(f"{cls.__name__} has no slot {name!r}")  # pragma: no cover


def builder(
    cls: type[_T],
    names: tuple[str, ...],
    *,
    unset: tuple[str, ...] = (),
    allocate: Callable[..., Any] = object.__new__,
    allocate_args: tuple[Any, ...] = (),
) -> Callable[..., _T]:
    """A function ``build(*values)`` that makes a ``cls`` with the field ``names[i]`` set to
    ``values[i]``, without calling the constructor.

    ``names`` must be the class's fields in order, less ``unset`` (fields the object reads
    later, e.g. a row's cells built on first access): a ``TypeError`` otherwise, so that a
    field added to the class is added to its builder too.  An attrs field's default (not a
    factory) is the parameter's default.  ``allocate(cls, *allocate_args)`` makes the empty
    object (``object.__new__``; ``str.__new__`` with ``""`` for a ``str`` subclass)."""
    fields = fields_of(cls)
    if tuple(f for f in fields if f not in unset) != names or not set(unset) <= set(fields):
        raise TypeError(f"{cls.__name__} fields are {fields}, not {names} (unset: {unset})")
    defaults: dict[str, Any] = {}
    if attrs.has(cls):
        for a in attrs.fields(cls):
            if a.default is not attrs.NOTHING and not isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
                defaults[a.name] = a.default
    namespace: dict[str, Any] = {
        "_allocate": allocate,
        "_cls": cls,
        "_args": allocate_args,
    }
    params: list[str] = []
    body: list[str] = [
        "    obj = _allocate(_cls, *_args)" if allocate_args else "    obj = _allocate(_cls)"
    ]
    for i, name in enumerate(names):
        arg = f"v{i}_{name.lstrip('_')}"
        namespace[f"_set{i}"] = _descriptor(cls, name).__set__
        if name in defaults:
            namespace[f"_default{i}"] = defaults[name]
            params.append(f"{arg}=_default{i}")
        elif any(n in defaults for n in names[:i]):
            raise TypeError(f"{cls.__name__}.{name} has no default but a field before it has")
        else:
            params.append(arg)
        body.append(f"    _set{i}(obj, {arg})")
    body.append("    return obj")
    source = f"def build({', '.join(params)}):\n" + "\n".join(body) + "\n"
    exec(compile(source, f"<builder of {cls.__name__}>", "exec"), namespace)
    build: Callable[..., _T] = namespace["build"]
    build.__name__ = f"new_{cls.__name__}"
    build.__qualname__ = build.__name__
    build.__doc__ = f"``{cls.__name__}({', '.join(names)})`` built without its constructor."
    BUILDERS.append((cls, build, names, unset))
    return build


_Tuple = TypeVar("_Tuple", bound=tuple[Any, ...])


def tuple_builder(cls: type[_Tuple], names: tuple[str, ...]) -> Callable[[tuple[Any, ...]], _Tuple]:
    """A function ``build(values)`` that makes the named tuple ``cls`` from the tuple of its
    fields' values, without the Python-level ``__new__`` of ``NamedTuple`` (``tuple.__new__``
    in C); ``names`` must be its fields in order."""
    fields = fields_of(cls)
    if fields != names:
        raise TypeError(f"{cls.__name__} fields are {fields}, not {names}")
    build: Callable[[tuple[Any, ...]], _Tuple] = functools.partial(tuple.__new__, cls)
    BUILDERS.append((cls, build, names, ()))
    return build
