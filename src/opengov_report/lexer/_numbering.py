"""Numbering marks (一、 （一） 1. （1） ① 第一章 …): what they match, and the style and ordinal
of each."""

from __future__ import annotations

import re

from .._memo import Memo
from ..document import Numbering, NumberingStyle
from ..numerals import chinese_number

__all__ = [
    "CN_NUMERALS",
    "NUMBERING_RE",
    "numbering",
    "numbering_of",
    "section_word_end",
]

NUMBERING_RE = re.compile(
    r"(?P<cnp>[（(](?P<cnp_n>[一二三四五六七八九十]{1,3})[）)])"
    r"|(?P<arp>[（(](?P<arp_n>[0-9０-９]{1,2})[）)])"
    r"|(?P<cn>(?P<cn_n>[一二三四五六七八九十]{1,3})(?P<cn_d>[、．.]))"
    r"|(?P<ar>(?P<ar_n>[0-9０-９]{1,2})(?P<ar_d>[、．.])(?![0-9０-９]))"
    r"|(?P<circ>[①-⑳])"
    r"|(?P<chap>第(?P<chap_n>[一二三四五六七八九十0-9]{1,3})(?P<chap_k>章|部分))"
)


def numbering(m: re.Match[str]) -> tuple[NumberingStyle, int]:
    if m.group("cnp"):
        return NumberingStyle.CN_PAREN, chinese_number(m.group("cnp_n"))
    if m.group("arp"):
        return NumberingStyle.AR_PAREN, int(m.group("arp_n"))
    if m.group("cn"):
        style = NumberingStyle.CN_COMMA if m.group("cn_d") == "、" else NumberingStyle.CN_DOT
        return style, chinese_number(m.group("cn_n"))
    if m.group("ar"):
        style = NumberingStyle.AR_COMMA if m.group("ar_d") == "、" else NumberingStyle.AR_DOT
        return style, int(m.group("ar_n"))
    if m.group("circ"):
        return NumberingStyle.CIRCLED, ord(m.group("circ")) - ord("①") + 1
    n = m.group("chap_n")
    ordinal = int(n) if n.isdigit() else chinese_number(n)
    style = NumberingStyle.CHAPTER if m.group("chap_k") == "章" else NumberingStyle.PART
    return style, ordinal


def numbering_of(mark: str) -> Numbering:
    """The :class:`Numbering` of a numbering mark (the text :data:`NUMBERING_RE` matched),
    memoised: a report repeats a few dozen marks."""
    return NUMBERINGS[mark]


def _new_numbering(mark: str) -> Numbering:
    m = NUMBERING_RE.fullmatch(mark)
    assert m is not None
    style, ordinal = numbering(m)
    return Numbering(style, ordinal, mark)


#: the numbering of a mark, by its text (one shared object: numberings are frozen)
NUMBERINGS: Memo[str, Numbering] = Memo(_new_numbering, 4096)


CN_NUMERALS = ("", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十")
#: words that end the title of a report section (二、主动公开政府信息情况, 六、其他需要报告的事项)
SECTION_WORDS = ("情况", "事项", "概述", "措施", "方面")


SECTION_WORD_RE = re.compile("|".join(SECTION_WORDS))


def section_word_end(text: str, start: int, limit: int) -> int:
    """End of the first section word (情况, 事项 …) in ``text[start:limit]``, or -1."""
    m = SECTION_WORD_RE.search(text, start, limit)
    return m.end() if m is not None else -1
