"""Chinese numerals: 一 … 九十九 (ordinals of headings, months, days) and digit-by-digit years
(二〇二〇)."""

from __future__ import annotations

__all__ = ["FULL_WIDTH_DIGITS", "chinese_number"]

#: full-width digits ０…９ to ASCII, one character for one (offsets kept): ``str.translate``
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip


def chinese_number(text: str) -> int:
    """The value of ``text``: 十一 → 11, 二十三 → 23, 二〇二〇 → 2020 (unknown characters: 0)."""
    if "十" not in text:
        value = 0
        for ch in text:
            value = value * 10 + _DIGITS.get(ch, 0)
        return value
    tens, _, ones = text.partition("十")
    return (_DIGITS.get(tens, 0) if tens else 1) * 10 + (_DIGITS.get(ones, 0) if ones else 0)
