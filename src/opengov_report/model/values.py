"""A table cell's value: blank is not zero.

An empty cell, ``0``, ``无`` and ``——`` are different facts, and stay different: each is a
:class:`Value` of its own :class:`ValueKind`, with the raw text and its place in the source.
Never is a number invented.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

import attrs

from .._chars import BLANK
from .._memo import Memo
from .._pickling import pickled_by_fields
from .._slots import builder
from ..document import Span

__all__ = [
    "AMOUNT_UNIT_SPELLINGS",
    "MONEY_UNITS",
    "Value",
    "ValueKind",
    "format_value",
    "new_value",
    "parse_value",
]


class ValueKind(enum.Enum):
    """What a cell holds."""

    COUNT = "count"  # a positive integer
    ZERO = "zero"  # an explicit 0
    AMOUNT = "amount"  # money (Decimal), with its unit when written
    CHANGE = "change"  # a signed change: 增23, 减13, +5, -2
    NONE = "none"  # 无
    DASH = "dash"  # ——, —, -, /: not applicable
    BLANK = "blank"  # nothing written
    UNREADABLE = "unreadable"  # anything else, kept raw


_NUMBER_KINDS = frozenset({ValueKind.COUNT, ValueKind.ZERO, ValueKind.AMOUNT, ValueKind.CHANGE})


def _check_number(
    instance: Value, attribute: attrs.Attribute[int | Decimal | None], number: int | Decimal | None
) -> None:
    kind = instance.kind
    if isinstance(number, bool):
        raise TypeError("a value's number cannot be a bool")
    if kind not in _NUMBER_KINDS:
        if number is not None:
            raise ValueError(f"a {kind.value} value has no number")
        return
    if kind is ValueKind.AMOUNT:
        if not isinstance(number, Decimal) or number < 0:
            raise ValueError("an amount is a non-negative Decimal")
        return
    if not isinstance(number, int):
        raise TypeError(f"a {kind.value} value's number is an int")
    if kind is ValueKind.COUNT and number <= 0:
        raise ValueError("a count is positive (0 is ZERO)")
    if kind is ValueKind.ZERO and number != 0:
        raise ValueError("a zero value's number is 0")


@pickled_by_fields
@attrs.frozen(slots=True)
class Value:
    """A cell's value: ``kind``, the exact ``raw`` text, the ``number`` (int, or Decimal for
    amounts; None for blank, 无, dash and unreadable), the ``unit`` and the ``span``."""

    kind: ValueKind
    raw: str
    number: int | Decimal | None = attrs.field(default=None, validator=_check_number)
    unit: str | None = None
    span: Span | None = attrs.field(default=None, eq=True)

    @property
    def is_number(self) -> bool:
        return self.number is not None

    @property
    def is_blank(self) -> bool:
        return self.kind is ValueKind.BLANK

    def as_int(self) -> int | None:
        """The number when it is an integer (counts, zeros, changes), else None."""
        return self.number if isinstance(self.number, int) else None

    def amount_in_yuan(self) -> Decimal | None:
        """An amount converted to 元 when its unit is known, else None."""
        if self.kind is not ValueKind.AMOUNT or self.unit not in _YUAN:
            return None
        assert isinstance(self.number, Decimal)
        return self.number * _YUAN[self.unit]

    @classmethod
    def blank(cls, span: Span | None = None) -> Value:
        return cls(ValueKind.BLANK, "", None, None, span)


_YUAN = {
    "元": Decimal(1),
    "千元": Decimal(1000),
    "万元": Decimal(10000),
    "百万元": Decimal(1000000),
    "亿元": Decimal(100000000),
}
#: the units of money a value may carry (元 … 亿元)
MONEY_UNITS = frozenset(_YUAN)
_AMOUNT_UNITS = {"元": "元", "千元": "千元", "万元": "万元", "万": "万元", "百万元": "百万元",
                 "亿元": "亿元", "亿": "亿元"}  # fmt: skip
#: how an amount's unit may be written after its digits, longest first (万元 before 万 and 元)
AMOUNT_UNIT_SPELLINGS = tuple(sorted(_AMOUNT_UNITS, key=lambda unit: (-len(unit), unit)))
_COUNT_UNITS = ("人次", "件", "条", "个", "人", "次", "篇", "项", "家", "起", "份")
_DASHES = frozenset(
    {"——", "—", "–", "-", "－", "―", "/", "／", "\\", "--", "———", "－－", "─", "——-"}
)
_NONE = frozenset({"无", "没有", "无。", "暂无"})
_INT_RE = re.compile(r"[0-9]{1,15}")
_DEC_RE = re.compile(r"[0-9]{1,15}\.[0-9]{1,8}")
_GROUPED_RE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3}){1,5}")
_SPACED_DIGITS_RE = re.compile(r"[0-9]{1,3}(?: [0-9]{3}){1,5}")
_CHANGE_RE = re.compile(r"(增加|新增|增|减少|减|\+|-|−)([0-9]{1,12})")
#: the CJK ideographs that a value :func:`parse_value` reads can hold (units, 增/减, 无 …),
#: taken from its own tables so that readers who skip non-values follow them
VALUE_IDEOGRAPHS = "".join(
    sorted(
        {
            ch
            for word in (*_AMOUNT_UNITS, *_COUNT_UNITS, *_NONE, *_DASHES, _CHANGE_RE.pattern)
            for ch in word
            if "\u4e00" <= ch <= "\u9fff"
        }
    )
)


def _normalise(raw: str) -> str:
    # (NFKC writes the full-width comma ， as ",", not the minus sign − as "-")
    text = unicodedata.normalize("NFKC", raw).strip(BLANK)
    return text.replace("−", "-")


def parse_value(
    raw: str,
    span: Span | None = None,
    *,
    default_unit: str | None = None,
    signed: bool = False,
) -> Value:
    """Read a cell's text as a :class:`Value`; never raises.

    ``default_unit`` (an amount column such as 本年收费金额（单位：万元）) makes every bare
    number an amount in that unit, 0 included; ``signed`` (the 本年增/减 column) makes a bare
    non-zero integer a change.  ``增0``/``减0`` are an explicit zero.  A minus sign is a fact:
    ``-5`` is a change even outside a signed column (the checks flag it in a count column).
    """
    if default_unit is None and not signed:
        kind, number, unit = classify_plain(raw)
    else:
        kind, number, unit = _classify(raw, default_unit, signed)
    return new_value(kind, raw, number, unit, span)


# A Value built by parse_value needs no validation: _classify only returns (kind, number)
# pairs that _check_number accepts.  Building it through the slots' own descriptors skips
# attrs' __init__ and its validator (a third of the cost of a Value; recognition makes one per
# table cell).  Public construction, Value(...), keeps its validator.
#: ``Value(kind, raw, number, unit, span)`` for fields known to be valid (those
#: :func:`classify_plain` and :func:`parse_value` read), built without the validator
new_value: Callable[[ValueKind, str, int | Decimal | None, str | None, Span | None], Value] = (
    builder(Value, ("kind", "raw", "number", "unit", "span"))
)


_Reading = tuple[ValueKind, int | Decimal | None, str | None]


def _classify(raw: str, default_unit: str | None, signed: bool) -> _Reading:
    """(kind, number, unit) of a cell's text: cells repeat (0, blank, small counts), so the
    reading is memoised by text (:data:`_READINGS`)."""
    return _READINGS[raw, default_unit, signed]


def _read(key: tuple[str, str | None, bool]) -> _Reading:
    """:func:`_classify` of ``(raw, default_unit, signed)``, not memoised."""
    raw, default_unit, signed = key
    text = _normalise(raw)
    if not text:
        return ValueKind.BLANK, None, None
    if text in _NONE:
        return ValueKind.NONE, None, None
    if text in _DASHES or (len(text) <= 4 and all(c in "—–-－―" for c in text)):
        return ValueKind.DASH, None, None
    number_text, unit = _split_unit(text)
    if _GROUPED_RE.fullmatch(number_text) or _SPACED_DIGITS_RE.fullmatch(number_text):
        number_text = number_text.replace(",", "").replace(" ", "")
    if _INT_RE.fullmatch(number_text):
        n = int(number_text)
        if unit in _AMOUNT_UNITS.values() or (unit is None and default_unit is not None):
            return ValueKind.AMOUNT, Decimal(n), unit or default_unit
        if n == 0:
            return ValueKind.ZERO, 0, unit
        if signed and unit is None:
            return ValueKind.CHANGE, n, None
        return ValueKind.COUNT, n, unit
    if _DEC_RE.fullmatch(number_text):
        if unit is not None and unit not in _AMOUNT_UNITS.values():
            return ValueKind.UNREADABLE, None, None
        try:
            amount = Decimal(number_text)
        except InvalidOperation:  # pragma: no cover - the regex admits only valid decimals
            return ValueKind.UNREADABLE, None, None
        return ValueKind.AMOUNT, amount, unit or default_unit
    m = _CHANGE_RE.fullmatch(text)
    if m is not None:
        n = int(m.group(2))
        if n == 0:
            return ValueKind.ZERO, 0, None
        sign = -1 if m.group(1) in ("减少", "减", "-") else 1
        return ValueKind.CHANGE, sign * n, None
    return ValueKind.UNREADABLE, None, None


_READINGS: Memo[tuple[str, str | None, bool], _Reading] = Memo(_read, 8192)
_PLAIN_READINGS: Memo[str, _Reading] = Memo(lambda raw: _classify(raw, None, False), 8192)
#: ``classify_plain(raw)`` is ``_classify(raw, None, False)``: the reading outside any unit or
#: sign column (most cells), memoised by the text alone (a cheaper key than the three
#: arguments)
classify_plain: Callable[[str], _Reading] = _PLAIN_READINGS.__getitem__


_AMOUNT_UNITS_LONGEST_FIRST = tuple(sorted(_AMOUNT_UNITS.items(), key=lambda kv: -len(kv[0])))


def _split_unit(text: str) -> tuple[str, str | None]:
    for written, unit in _AMOUNT_UNITS_LONGEST_FIRST:
        if text.endswith(written) and len(text) > len(written):
            return text[: -len(written)].strip(BLANK), unit
    for unit in _COUNT_UNITS:
        if text.endswith(unit) and len(text) > len(unit):
            return text[: -len(unit)].strip(BLANK), unit
    return text, None


def format_value(value: Value) -> str:
    """The text of a value for rendering: its raw text, or a canonical form when it has none.

    An unreadable value whose text would read as a number (glued digits that no cut decided,
    ``206912106`` for two columns) is written with a ``?`` after it, so that the rendered
    text is not read back as a number the report does not state."""
    raw = value.raw.strip(BLANK)
    if value.kind is ValueKind.UNREADABLE and raw and parse_value(raw).is_number:
        return raw + "?"
    if raw or value.kind is ValueKind.BLANK:
        return raw
    kind, number = value.kind, value.number
    if kind is ValueKind.NONE:
        return "无"
    if kind is ValueKind.DASH:
        return "——"
    if kind is ValueKind.CHANGE and isinstance(number, int):
        return f"增{number}" if number > 0 else f"减{-number}"
    if kind is ValueKind.AMOUNT:
        return f"{number}{value.unit or ''}"
    if kind in (ValueKind.COUNT, ValueKind.ZERO):
        return f"{number}{value.unit or ''}"
    return ""
