"""The passes that find the page's furniture: the title block (titles, a scraper's meta
lines, noise and blank lines before the body) and lone page numbers."""

from __future__ import annotations

from ._kinds import BLANK_KINDS, FRONT_KIND, SegmentKind, where
from ._state import LexState
from ._text import META_KEYS, META_RE, PAGE_RE, TITLE_MAX, WS, is_value

__all__ = ["front", "page_numbers"]

_JUST_PARA: tuple[SegmentKind, ...] = ("para",)


def front(st: LexState) -> None:
    """Mark the title block: leading titles, meta lines, noise and blanks."""
    text = st.text
    kinds = st.kinds
    titles = 0
    for i, kind in enumerate(kinds):
        front = FRONT_KIND.get(kind)
        if front is not None:  # blank lines and noise
            kinds[i] = front
            continue
        if kind not in ("para", "spaced"):
            return
        content = text[st.starts[i] : st.ends[i]].strip(WS)
        m = META_RE.fullmatch(content)
        if m is not None and m.group("key") in META_KEYS:
            kinds[i] = "f_meta"
            continue
        if (
            titles < 4
            and len(content) <= TITLE_MAX
            and content[-1] not in "。，；：:,;"
            and not is_value(content)
        ):
            kinds[i] = "f_title"
            titles += 1
            continue
        return


def page_numbers(st: LexState) -> None:
    """A lone page number among the last lines, or between two prose lines."""
    text = st.text
    kinds, starts, ends = st.kinds, st.starts, st.ends
    n = len(kinds)
    tail: set[int] = set()
    i = n - 1
    while i >= 0 and len(tail) < 3:
        if kinds[i] not in BLANK_KINDS:
            tail.add(i)
        i -= 1
    for i in where(kinds, _JUST_PARA):
        if ends[i] - starts[i] > 24:
            continue
        if not PAGE_RE.fullmatch(text[starts[i] : ends[i]].strip(WS)):
            continue
        p = i - 1
        while p >= 0 and kinds[p] in BLANK_KINDS:
            p -= 1
        q = i + 1
        while q < n and kinds[q] in BLANK_KINDS:
            q += 1
        prev_kind = kinds[p] if p >= 0 else ""
        next_kind = kinds[q] if q < n else ""
        if i in tail or (prev_kind in ("para", "heading") and next_kind in ("para", "heading")):
            kinds[i] = "page"
