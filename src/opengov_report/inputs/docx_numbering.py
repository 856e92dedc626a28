"""Word's automatic list numbering, rendered as text: the ``一、`` or ``（一）`` that Word shows
before a paragraph but does not store in it.

Reads ``word/numbering.xml`` (abstract numberings, their levels' start, format and level text,
and the numbering instances with their start overrides) and the paragraph styles that carry a
numbering.  Counters are kept per numbering instance; a level's counter restarts when a
shallower level advances.  Formats: decimal (also zero-padded), Chinese counting, the heavenly
stems (甲乙丙), circled numbers, letters and Roman numerals; bullets and other formats give no
text.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["ListNumbering"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = _W + "val"
_CN_DIGITS = "〇一二三四五六七八九"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_MAX_LEVELS = 9


@attrs.frozen(slots=True)
class _Level:
    start: int
    fmt: str
    text: str
    suffix: str


@attrs.define
class ListNumbering:
    """The numbering definitions of one document and the running counters of its lists."""

    _levels: dict[str, dict[int, _Level]] = attrs.field(factory=dict)  # abstractNumId → levels
    _nums: dict[str, tuple[str, dict[int, int]]] = attrs.field(factory=dict)  # numId → …
    _styles: dict[str, tuple[str | None, str | None, str | None]] = attrs.field(factory=dict)
    _counters: dict[str, list[int]] = attrs.field(factory=dict)

    @classmethod
    def of(cls, document: Any) -> ListNumbering:
        """Read the definitions of a python-docx ``Document`` (none when it has no numbering)."""
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is not None:
            numbering._read_numbering(root)
        try:
            styles = document.part.styles.element
        except (KeyError, NotImplementedError, AttributeError):
            styles = None
        if styles is not None:
            for style in styles.iterchildren(_W + "style"):
                num = style.find(f"{_W}pPr/{_W}numPr")
                based = style.find(_W + "basedOn")
                numbering._styles[style.get(_W + "styleId", "")] = (
                    _val(num, "numId"),
                    _val(num, "ilvl"),
                    based.get(_VAL) if based is not None else None,
                )
        return numbering

    def _read_numbering(self, root: Any) -> None:
        for abstract in root.iterchildren(_W + "abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in abstract.iterchildren(_W + "lvl"):
                ilvl = _int(lvl.get(_W + "ilvl"), 0)
                levels[ilvl] = _Level(
                    _int(_val(lvl, "start"), 1),
                    _val(lvl, "numFmt") or "decimal",
                    _val(lvl, "lvlText") or "",
                    _val(lvl, "suff") or "tab",
                )
            self._levels[abstract.get(_W + "abstractNumId", "")] = levels
        for num in root.iterchildren(_W + "num"):
            starts: dict[int, int] = {}
            for override in num.iterchildren(_W + "lvlOverride"):
                start = _val(override, "startOverride")
                if start is not None:
                    starts[_int(override.get(_W + "ilvl"), 0)] = _int(start, 1)
            self._nums[num.get(_W + "numId", "")] = (_val(num, "abstractNumId") or "", starts)

    def label(self, p: Any) -> str:
        """The number Word shows before paragraph ``p`` (advancing its list), or ``""``."""
        num = p.find(f"{_W}pPr/{_W}numPr")
        num_id, ilvl = _val(num, "numId"), _val(num, "ilvl")
        style = p.find(f"{_W}pPr/{_W}pStyle")
        if num_id is None and style is not None:
            num_id, style_ilvl = self._style_numbering(style.get(_VAL))
            ilvl = ilvl if ilvl is not None else style_ilvl
        if num_id is None or num_id not in self._nums:
            return ""
        abstract_id, starts = self._nums[num_id]
        levels = self._levels.get(abstract_id, {})
        level = min(max(_int(ilvl, 0), 0), _MAX_LEVELS - 1)
        if level not in levels:
            return ""
        counters = self._counters.setdefault(num_id, [0] * _MAX_LEVELS)
        for deeper in range(level + 1, _MAX_LEVELS):
            counters[deeper] = 0
        if counters[level] == 0:
            counters[level] = starts.get(level, levels[level].start)
        else:
            counters[level] += 1
        text = levels[level].text
        for i in range(level + 1):
            if f"%{i + 1}" in text:
                lvl = levels.get(i)
                value = counters[i] or (lvl.start if lvl else 1)
                text = text.replace(f"%{i + 1}", _format(value, lvl.fmt if lvl else "decimal"))
        if levels[level].fmt in ("bullet", "none") or "%" in text:
            return ""
        space = levels[level].suffix != "nothing" and text[-1:].isascii() and text[-1:] != ""
        return text + (" " if space else "")

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, str | None]:
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            num_id, ilvl, based = self._styles[style_id]
            if num_id is not None:
                return num_id, ilvl
            style_id = based
        return None, None


def _val(el: Any, child: str) -> str | None:
    if el is None:
        return None
    found = el.find(_W + child)
    return found.get(_VAL) if found is not None else None


def _int(value: str | None, default: int) -> int:
    if value is None or not value.strip().lstrip("-").isdigit():
        return default
    return int(value)


def _format(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified"):
        return _chinese(n)
    if fmt == "ideographTraditional" and 1 <= n <= len(_STEMS):
        return _STEMS[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter") and n >= 1:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and 1 <= n < 4000:
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(n)


def _chinese(n: int) -> str:
    """一 … 九十九 (and digit by digit beyond)."""
    if n < 0 or n >= 100:
        return "".join(_CN_DIGITS[int(d)] for d in str(abs(n)))
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def _roman(n: int) -> str:
    out = ""
    for value, symbol in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out += symbol
            n -= value
    return out
