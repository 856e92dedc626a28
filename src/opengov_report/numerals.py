"""Chinese numerals: 一 … 九十九 (ordinals of headings, months, days) and digit-by-digit years
(二〇二〇); the numbering prefixes of headings and row labels (一、 （一） 1. ① 其中：)."""

from __future__ import annotations

import re

from ._chars import BLANK

__all__ = ["FULL_WIDTH_DIGITS", "NUMBERING_PREFIX", "chinese_number", "strip_numbering"]

#: full-width digits ０…９ to ASCII, one character for one (offsets kept): ``str.translate``
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

#: a leading numbering prefix (一、 （一） （1） 1. ① 其中：) with the white space around it;
#: ``1.`` only when no digit follows (``1.5`` is a number)
NUMBERING_PREFIX = re.compile(
    "[" + BLANK + "]*(?:"
    r"[(（][一二三四五六七八九十]{1,3}[)）]"
    r"|[(（][0-9]{1,2}[)）]"
    r"|[一二三四五六七八九十]{1,3}[、.．]"
    r"|[0-9]{1,2}(?:[、.．](?![0-9]))"
    r"|[①-⑳]"
    r"|其中[:：]?"
    ")[" + BLANK + "]*"
)

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


def strip_numbering(text: str) -> tuple[str, str]:
    """Split a leading numbering prefix (一、 （一） 1. ① 其中：) from raw text:
    ``(prefix, rest)``; leading white space goes with the prefix."""
    m = NUMBERING_PREFIX.match(text)
    if m is None or m.end() == 0:
        return "", text
    return text[: m.end()], text[m.end() :]
