"""Cell values: blank is not zero, units and signs are facts, nothing is invented."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opengov_report import Span, Value, ValueKind, parse_value
from opengov_report.model.values import format_value


@pytest.mark.parametrize(
    ("raw", "kind", "number", "unit"),
    [
        ("", ValueKind.BLANK, None, None),
        ("\u3000", ValueKind.BLANK, None, None),
        ("\u00a0 ", ValueKind.BLANK, None, None),
        ("0", ValueKind.ZERO, 0, None),
        ("０", ValueKind.ZERO, 0, None),
        ("12", ValueKind.COUNT, 12, None),
        ("１２", ValueKind.COUNT, 12, None),
        ("1,234", ValueKind.COUNT, 1234, None),
        ("无", ValueKind.NONE, None, None),
        ("——", ValueKind.DASH, None, None),
        ("—", ValueKind.DASH, None, None),
        ("-", ValueKind.DASH, None, None),
        ("/", ValueKind.DASH, None, None),
        ("增23", ValueKind.CHANGE, 23, None),
        ("减13", ValueKind.CHANGE, -13, None),
        ("减少5", ValueKind.CHANGE, -5, None),
        ("增加5", ValueKind.CHANGE, 5, None),
        ("新增5", ValueKind.CHANGE, 5, None),
        ("+5", ValueKind.CHANGE, 5, None),
        ("-8", ValueKind.CHANGE, -8, None),
        ("增0", ValueKind.ZERO, 0, None),
        ("4995万", ValueKind.AMOUNT, Decimal(4995), "万元"),
        ("2.14亿元", ValueKind.AMOUNT, Decimal("2.14"), "亿元"),
        ("251000元", ValueKind.AMOUNT, Decimal(251000), "元"),
        ("1.5", ValueKind.AMOUNT, Decimal("1.5"), None),
        ("12件", ValueKind.COUNT, 12, "件"),
        ("0件", ValueKind.ZERO, 0, "件"),
        ("约10", ValueKind.UNREADABLE, None, None),
        ("1.2.3", ValueKind.UNREADABLE, None, None),
        ("12a", ValueKind.UNREADABLE, None, None),
    ],
)
def test_parse_value(raw: str, kind: ValueKind, number: object, unit: str | None) -> None:
    value = parse_value(raw)
    assert value.kind is kind
    assert value.number == number
    assert value.unit == unit
    assert value.raw == raw


def test_blank_zero_none_dash_are_different_facts() -> None:
    kinds = {parse_value(raw).kind for raw in ("", "0", "无", "——")}
    assert len(kinds) == 4


def test_column_context() -> None:
    assert parse_value("3", default_unit="万元") == Value(ValueKind.AMOUNT, "3", Decimal(3), "万元")
    assert parse_value("0", default_unit="万元").kind is ValueKind.AMOUNT
    assert parse_value("5", signed=True).number == 5
    assert parse_value("5", signed=True).kind is ValueKind.CHANGE
    assert parse_value("0", signed=True).kind is ValueKind.ZERO


def test_amount_in_yuan() -> None:
    assert parse_value("2.14亿元").amount_in_yuan() == Decimal("214000000.00")
    assert parse_value("1.5").amount_in_yuan() is None  # unknown unit: not assumed


@pytest.mark.parametrize(
    ("kind", "number"),
    [
        (ValueKind.COUNT, None),
        (ValueKind.COUNT, 0),
        (ValueKind.ZERO, 1),
        (ValueKind.BLANK, 0),
        (ValueKind.AMOUNT, 3),
        (ValueKind.AMOUNT, Decimal(-1)),
        (ValueKind.COUNT, True),
    ],
)
def test_validators_reject_inconsistent_values(kind: ValueKind, number: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        Value(kind, "x", number)  # type: ignore[arg-type]


@given(st.text(max_size=30))
def test_never_raises_and_keeps_raw(raw: str) -> None:
    value = parse_value(raw)
    assert value.raw == raw


_VALUE_TEXTS = st.one_of(
    st.text(max_size=12),
    st.from_regex(r"[增减+\-]?[0-9０-９,. ]{1,14}(万元|万|亿元|元|件|人次)?", fullmatch=True),
)


@given(_VALUE_TEXTS, st.sampled_from([None, "万元"]), st.booleans())
def test_parsed_values_pass_the_public_validators(
    raw: str, default_unit: str | None, signed: bool
) -> None:
    # parse_value builds its Values without running the validator: what it builds must be
    # what the public constructor accepts, field for field
    value = parse_value(raw, default_unit=default_unit, signed=signed)
    rebuilt = Value(value.kind, value.raw, value.number, value.unit, value.span)
    assert rebuilt == value
    assert type(value) is Value


@given(st.integers(min_value=0, max_value=10**12))
def test_integers(n: int) -> None:
    value = parse_value(str(n))
    assert value.number == n
    assert value.kind is (ValueKind.ZERO if n == 0 else ValueKind.COUNT)


@given(
    st.one_of(
        st.builds(lambda n: Value(ValueKind.COUNT, "", n), st.integers(1, 10**9)),
        st.builds(
            lambda n: Value(ValueKind.CHANGE, "", n), st.integers(-(10**6), 10**6).filter(bool)
        ),
        st.builds(
            lambda d, u: Value(ValueKind.AMOUNT, "", d, u),
            st.decimals(min_value=0, max_value=10**6, places=2),
            st.sampled_from(["元", "万元", "亿元"]),
        ),
        st.just(Value(ValueKind.NONE, "")),
        st.just(Value(ValueKind.DASH, "")),
        st.just(Value(ValueKind.ZERO, "", 0)),
    )
)
def test_format_then_parse_round_trips(value: Value) -> None:
    again = parse_value(format_value(value))
    assert (again.kind, again.number, again.unit) == (value.kind, value.number, value.unit)


def test_an_unreadable_run_of_digits_is_not_rendered_as_a_number() -> None:
    from opengov_report.model.values import Value, ValueKind, format_value, parse_value

    glued = Value(ValueKind.UNREADABLE, "206912106")
    assert format_value(glued) == "206912106?"
    assert parse_value(format_value(glued)).number is None
    assert format_value(Value(ValueKind.UNREADABLE, "约12")) == "约12"


# -- what the mutation run (benchmarks/mutation.py) found untested ---------------------------


def test_zero_width_characters_are_blank_around_a_value() -> None:
    assert parse_value("\u200b12\ufeff") == Value(ValueKind.COUNT, "\u200b12\ufeff", 12)
    assert parse_value("\ufeff\u200b").kind is ValueKind.BLANK


def test_a_minus_sign_is_a_minus() -> None:
    # U+2212 has no compatibility mapping: NFKC keeps it, the reader maps it
    assert parse_value("\u22125") == Value(ValueKind.CHANGE, "\u22125", -5)
    assert parse_value("\u22125", signed=True).number == -5


def test_the_span_is_kept() -> None:
    span = Span(3, 5, 1, 4)
    assert parse_value("12", span).span == span
    assert parse_value("12", span, signed=True).span == span
    assert parse_value("12", span, default_unit="万元").span == span


def test_format_value_writes_the_raw_text_else_a_canonical_form() -> None:
    assert format_value(parse_value("１２")) == "１２"
    assert format_value(parse_value("4995万")) == "4995万"
    assert format_value(Value(ValueKind.COUNT, "\u200b7\u3000", 7)) == "7"
    assert format_value(Value(ValueKind.CHANGE, "", 1)) == "增1"
    assert format_value(Value(ValueKind.CHANGE, "", -3)) == "减3"
    assert format_value(Value(ValueKind.COUNT, "", 5)) == "5"
    assert format_value(Value(ValueKind.AMOUNT, "", Decimal(5), "万元")) == "5万元"
    assert format_value(Value(ValueKind.AMOUNT, "", Decimal(5))) == "5"
    assert format_value(Value(ValueKind.UNREADABLE, "")) == ""
    assert format_value(Value(ValueKind.NONE, "")) == "无"
    assert format_value(Value.blank()) == ""


def test_blank_keeps_its_span() -> None:
    span = Span(0, 0, 2, 1)
    assert Value.blank(span) == Value(ValueKind.BLANK, "", None, None, span)
    assert Value.blank().kind is ValueKind.BLANK


@pytest.mark.parametrize(
    ("kind", "number", "error", "message"),
    [
        (ValueKind.COUNT, True, TypeError, "a value's number cannot be a bool"),
        (ValueKind.BLANK, 1, ValueError, "a blank value has no number"),
        (ValueKind.AMOUNT, Decimal(-1), ValueError, "an amount is a non-negative Decimal"),
        (ValueKind.COUNT, Decimal(1), TypeError, "a count value's number is an int"),
        (ValueKind.COUNT, 0, ValueError, "a count is positive (0 is ZERO)"),
        (ValueKind.ZERO, 1, ValueError, "a zero value's number is 0"),
    ],
)
def test_the_validators_say_what_is_wrong(
    kind: ValueKind, number: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=f"^{re.escape(message)}$"):
        Value(kind, "x", number)  # type: ignore[arg-type]


def test_digits_grouped_by_spaces_are_one_number() -> None:
    # a thousands group set off by a space (1 234), as by a comma (1,234), is one number;
    # two numbers side by side are not (1 2)
    assert parse_value("1 234").number == 1234
    assert parse_value("12 345 678").number == 12345678
    assert parse_value("1 2").kind is ValueKind.UNREADABLE


def test_runs_of_dashes_up_to_two_double_dashes_say_not_applicable() -> None:
    # —— (format-spec §8) and its doublings, up to ———— (two double dashes); a longer run is a
    # rule drawn in the cell, and a letter is no dash
    for text in ("—", "——", "———", "————", "－－－－", "-–-–"):
        assert parse_value(text).kind is ValueKind.DASH, text
    for text in ("—————", "X", "—X"):
        assert parse_value(text).kind is ValueKind.UNREADABLE, text


def test_a_zero_width_space_before_the_unit_is_blank() -> None:
    # scraped pages leave U+200B and U+FEFF inside cells: 4995​万 is 4995 万元
    value = parse_value("4995\u200b万")
    assert (value.kind, value.number, value.unit) == (ValueKind.AMOUNT, Decimal(4995), "万元")
    value = parse_value("12\ufeff件")
    assert (value.kind, value.number) == (ValueKind.COUNT, 12)


def test_as_int_is_the_number_of_counts_only() -> None:
    assert parse_value("12").as_int() == 12
    assert parse_value("0").as_int() == 0
    assert parse_value("增3").as_int() == 3
    assert parse_value("2.5万").as_int() is None
    assert parse_value("——").as_int() is None
