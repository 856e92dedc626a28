"""Tables replaced by a sentence: 本年度未收到政府信息公开申请, 未发生行政复议和行政诉讼.

Such sentences are recorded as statements; they are never turned into zeros.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .._chars import BLANK
from ..document import Paragraph
from ..model.tables import APPLICATIONS, REVIEWS, ProseStatement

__all__ = ["find_statements"]

# bounded, anchored-free but linear: no nested quantifiers.  Each table's pattern comes with
# words one of which every match contains: a paragraph without them is passed over without
# running the pattern (a substring search is many times faster than the pattern's scan)
_PATTERNS = (
    (
        APPLICATIONS,
        ("申请",),
        re.compile(
            r"(?:未|没有|无)(?:收到|受理|接到)?[^。；]{0,12}(?:政府信息公开|依申请公开|信息公开)申请"
            r"|收到[^。；]{0,12}申请\s{0,2}[0０零]\s{0,2}件"
            r"|申请(?:数量)?(?:为)?\s{0,2}[0０零]\s{0,2}件"
        ),
    ),
    (
        REVIEWS,
        ("行政复议", "行政诉讼"),
        re.compile(
            r"(?:未|没有|无)(?:发生|收到|出现|有|产生)?[^。；]{0,40}(?:行政复议|行政诉讼)"
            r"|(?:行政复议|行政诉讼)[^。；]{0,12}(?:均为|为)\s{0,2}[0０零]"
        ),
    ),
)


def find_statements(
    paragraphs: Iterable[Paragraph], tables_present: set[str]
) -> tuple[ProseStatement, ...]:
    """Sentences that state a table's content, for the tables the report does not have
    (``paragraphs``: the document's, in order)."""
    out: list[ProseStatement] = []
    wanted = [(t, words, p) for t, words, p in _PATTERNS if t not in tables_present]
    if not wanted:
        return ()
    found: set[str] = set()
    for leaf in paragraphs:
        text = leaf.text
        for table, words, pattern in wanted:
            if table in found or not any(w in text for w in words):
                continue
            m = pattern.search(text)
            if m is not None:
                sentence = _sentence_around(text, m.start(), m.end())
                out.append(ProseStatement(table, sentence, leaf.span))
                found.add(table)
    return tuple(out)


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(p, 0, start) for p in "。；！？\n") + 1
    rights = [i for i in (text.find(p, end) for p in "。；！？\n") if i >= 0]
    right = min(rights) + 1 if rights else len(text)
    return text[left:right].strip(BLANK)
