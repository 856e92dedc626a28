"""Every object the package builds without its constructor (opengov_report._slots.BUILDERS)
is the object the constructor makes from the same fields: of the same class, equal, printing,
hashing and pickling alike.  One parametrised test over every builder, with hypothesis drawing
the fields; a builder this file does not know fails the coverage test."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import opengov_report
import opengov_report.checks.values
import opengov_report.lexer._tokens
import opengov_report.recognize.build
from opengov_report import _slots
from opengov_report.checks.finding import Finding, Location, Severity
from opengov_report.document import (
    Blank,
    CellData,
    Heading,
    Numbering,
    NumberingAnomaly,
    NumberingStyle,
    Paragraph,
    Row,
    Span,
)
from opengov_report.model.tables import TableCell
from opengov_report.model.values import Value, parse_value

_Cell = opengov_report.checks.values._Cell
_NodeToken = opengov_report.lexer._tokens.NodeToken

_TEXT = st.text(max_size=6)
_OPTIONAL = st.none() | _TEXT
_SPANS = st.builds(
    lambda start, length, line, column: Span(start, start + length, line, column),
    st.integers(0, 500),
    st.integers(0, 50),
    st.integers(1, 40),
    st.integers(1, 40),
)
_VALUES = st.builds(parse_value, st.sampled_from(["", "0", "12", "无", "——", "3万元", "x", "1.5"]))
_NUMBERS = st.none() | st.integers(-50, 50) | st.decimals(places=2, allow_nan=False)
_LOCATIONS = st.builds(Location, _OPTIONAL, _OPTIONAL, _OPTIONAL, _TEXT, st.none() | _SPANS)
_CELL_DATA = st.tuples(
    _TEXT, st.integers(0, 99), st.integers(1, 9), st.integers(1, 9), _TEXT,
    st.integers(0, 99), st.integers(0, 99),
)  # fmt: skip


class _Source:
    """A lexer's segments, as a pending row reads them."""

    def __init__(self, parts: tuple[CellData, ...]) -> None:
        self.parts = parts

    def row_parts(self, first: int, end: int) -> tuple[CellData, ...]:
        return self.parts

    def row_text(self, first: int, end: int) -> str:
        return "".join(p[0] for p in self.parts)

    def row_span(self, first: int, end: int) -> Span:
        return Span(0, 1, 1, 1)


def _value_fields(value: Value, span: Span | None) -> tuple[Any, ...]:
    return (value.kind, value.raw, value.number, value.unit, span)


def _token(typ: str, start: int, line: int, column: int, blocks: list[Any], node: Any) -> Any:
    token = _NodeToken(typ, "", start, line, column, None, None, None)
    token.blocks, token.node = blocks, node
    return token


#: for each class with a builder: (the builder's arguments, drawn; what the constructor makes
#: of them)
_CASES: dict[type, tuple[st.SearchStrategy[tuple[Any, ...]], Callable[..., Any]]] = {
    Span: (_SPANS.map(attrs.astuple), Span),
    Paragraph: (st.tuples(_TEXT, _SPANS), Paragraph),
    Blank: (st.tuples(_TEXT, _SPANS), Blank),
    Heading: (
        st.tuples(
            _TEXT,
            _SPANS,
            st.builds(Numbering, st.sampled_from(NumberingStyle), st.integers(1, 20), _TEXT),
            _TEXT,
            st.integers(1, 4),
            st.none() | st.sampled_from(NumberingAnomaly),
        ),
        Heading,
    ),
    # a pending row: its cells are read from the source on first access
    Row: (
        st.tuples(st.booleans(), st.lists(_CELL_DATA, min_size=1, max_size=3).map(tuple)).map(
            lambda t: (t[0], (_Source(t[1]), 0, 1))
        ),
        lambda is_rule, pending: Row(pending[0].parts, is_rule),
    ),
    Value: (st.tuples(_VALUES, st.none() | _SPANS).map(lambda t: _value_fields(*t)), Value),
    TableCell: (
        st.tuples(_TEXT, _TEXT, _VALUES, _TEXT, _OPTIONAL, st.booleans()),
        TableCell,
    ),
    Location: (
        st.tuples(_OPTIONAL, _OPTIONAL, _OPTIONAL, _TEXT, st.none() | _SPANS, _OPTIONAL),
        Location,
    ),
    Finding: (
        st.tuples(
            _TEXT,
            st.sampled_from(Severity),
            _TEXT,
            st.lists(_LOCATIONS, max_size=2).map(tuple),
            _NUMBERS,
            _NUMBERS,
            _OPTIONAL,
        ),
        Finding,
    ),
    _NodeToken: (
        st.tuples(
            st.sampled_from(["H1", "PARA"]),
            st.integers(0, 99),
            st.just(""),
            st.integers(1, 9),
            st.integers(1, 9),
            st.none(),
            st.none(),
            st.none(),
            st.just([]),
            st.none() | _TEXT,
        ),
        lambda typ, start, _value, line, column, _el, _ec, _ep, blocks, node: _token(
            typ, start, line, column, blocks, node
        ),
    ),
    _Cell: (
        st.tuples(st.integers(0, 9), _TEXT, _TEXT, _TEXT, _VALUES, _TEXT, _OPTIONAL),
        _Cell,
    ),
}


def _fields(obj: Any) -> tuple[Any, ...]:
    if isinstance(obj, tuple):
        return tuple(obj)
    return tuple(getattr(obj, name) for name in _slots.fields_of(type(obj)))


def _same(fast: Any, made: Any) -> None:
    """Of one class, equal, with the same fields, printing, hashing and pickling alike."""
    assert type(fast) is type(made)
    assert fast == made
    assert _fields(fast) == _fields(made)
    assert repr(fast) == repr(made)
    if isinstance(made, _NodeToken):  # a Lark token: a str whose node and blocks ride along
        return
    assert hash(fast) == hash(made)
    assert pickle.loads(pickle.dumps(fast)) == made
    assert copy.deepcopy(fast) == made


def test_every_builder_is_tested() -> None:
    built = [cls for cls, *_ in _slots.BUILDERS]
    assert len(built) == len(set(built))  # one builder per class
    assert set(built) == set(_CASES)


@pytest.mark.parametrize(
    ("cls", "build"),
    [(cls, build) for cls, build, *_ in _slots.BUILDERS],
    ids=lambda x: getattr(x, "__name__", ""),
)
@settings(max_examples=40)
@given(data=st.data())
def test_a_builder_makes_what_the_constructor_makes(
    cls: type, build: Callable[..., Any], data: st.DataObject
) -> None:
    args_strategy, construct = _CASES[cls]
    args = data.draw(args_strategy)
    fast = build(args) if issubclass(cls, tuple) else build(*args)
    made = construct(*args)
    if cls is Row:
        assert fast.is_rule is made.is_rule
        _ = fast.parts  # read once: the pending row becomes the constructor's row
    _same(fast, made)


def test_builders_with_defaults_take_them_from_the_class() -> None:
    (location_builder,) = [b for c, b, *_ in _slots.BUILDERS if c is Location]
    assert location_builder("t", "r", "c", "l", None) == Location("t", "r", "c", "l", None)
    (cell_builder,) = [b for c, b, *_ in _slots.BUILDERS if c is TableCell]
    value = parse_value("1")
    assert cell_builder("r", "c", value) == TableCell("r", "c", value)


def test_the_guard_refuses_names_that_are_not_the_fields() -> None:
    with pytest.raises(TypeError, match="fields are"):
        _slots.builder(Span, ("start", "end", "line"))  # one missing
    with pytest.raises(TypeError, match="fields are"):
        _slots.builder(Span, ("end", "start", "line", "column"))  # out of order
    with pytest.raises(TypeError, match="fields are"):
        _slots.builder(Row, ("parts", "is_rule", "_pending"), unset=("parts",))  # set and unset
    with pytest.raises(TypeError, match="fields are"):
        _slots.tuple_builder(_Cell, ("run", "table"))
    assert len({cls for cls, *_ in _slots.BUILDERS}) == len(_CASES)  # none registered
