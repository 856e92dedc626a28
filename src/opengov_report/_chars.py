"""The one vocabulary of white space: which characters separate words on a line, which end a
line, and which make a cell or a value blank.

White space is what Unicode calls White_Space (Python's ``str.isspace``, and ``\\s`` in a
``re`` pattern over text) together with the two invisible characters reports carry as
padding, the zero-width space U+200B and the byte-order mark U+FEFF.  Every set of blank or
space characters in the package is one of the names below, and every regular-expression
class of them is built from these strings; ``BLANK`` equals ``\\s`` plus U+200B and U+FEFF
exactly (a test holds it to that).
"""

from __future__ import annotations

import re

__all__ = [
    "BLANK", "BLANK_RE", "BLANK_SET", "FULL_WIDTH_ASCII", "LINE_BREAKS", "NON_BLANK_RUN_RE",
    "SPACE", "TAB", "ZERO_WIDTH", "is_blank", "split_blank", "squash",
]  # fmt: skip

#: the characters that separate words on one line: the ASCII space, the no-break space, the
#: ogham space mark, the typographic spaces U+2000-U+200A, the narrow no-break and medium
#: mathematical spaces, the ideographic space U+3000 (the width of one Chinese character)
#: and the information separator U+001F, which ``str.isspace`` counts
_SPACES = (
    " \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\x1f"
)
#: invisible characters that reports carry as padding: zero-width space, byte-order mark
ZERO_WIDTH = "\u200b\ufeff"
#: the white space within a line; a tab is not in it, since in a report's text a tab
#: separates the cells of a table row
SPACE = _SPACES + ZERO_WIDTH
TAB = "\t"
#: the characters that end a line (those ``str.splitlines`` splits at that are white space)
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
#: what a blank cell or value may hold: a text made only of these is blank (blank is not zero)
BLANK = SPACE + TAB + LINE_BREAKS
BLANK_SET = frozenset(BLANK)

#: ``BLANK`` and ``SPACE`` are written into regular-expression classes as they are
#: (``"[" + BLANK + "]"``): none of their characters is special inside a class

#: full-width ASCII (！ … ～, ０ … ９, Ａ … ｚ) to ASCII, one character for one so that offsets
#: hold: a ``str.translate`` table
FULL_WIDTH_ASCII: dict[int, int] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}

#: a run of blank characters, and a run of anything else
BLANK_RE = re.compile("[" + BLANK + "]+")
NON_BLANK_RUN_RE = re.compile("[^" + BLANK + "]+")


def is_blank(text: str) -> bool:
    """True when ``text`` holds nothing but :data:`BLANK` characters (or nothing)."""
    return not text.strip(BLANK)


def squash(text: str) -> str:
    """``text`` without its :data:`BLANK` characters (``三、 本年 度`` → ``三、本年度``)."""
    # str.split() splits at the characters of BLANK but the zero-width ones (in C, faster than
    # a regular expression or a translation table); those two are then dropped
    squashed = "".join(text.split())
    if "\u200b" in squashed:
        squashed = squashed.replace("\u200b", "")
    if "\ufeff" in squashed:
        squashed = squashed.replace("\ufeff", "")
    return squashed


def split_blank(text: str) -> list[str]:
    """The runs of ``text`` between its :data:`BLANK` characters (``str.split()`` that also
    splits at the zero-width ones)."""
    return NON_BLANK_RUN_RE.findall(text)
