"""Classifying a segment by its text alone: its kind, and the segments it splits into (a
heading and its run-in text, the rows of a glued table)."""

from __future__ import annotations

import re
from typing import TypeAlias

from ._kinds import SegmentKind, tab_kind
from ._numbering import NUMBERING_RE, section_word_end
from ._state import LONG_CELL, LexState, add_segment
from ._text import (
    CELL_RUN_RE,
    CHROME_PREFIXES,
    META_KEYS,
    META_RE,
    NOISE_FIRST,
    NOT_A_CELL_AFTER,
    NOT_A_CELL_BEFORE,
    PIPE_RULE_RE,
    RULE_RE,
    SENTENCE_END,
    SENTENCE_END_RE,
    URL_RE,
    WS,
    head_row,
    is_spaced_row,
    lstrip_at,
    prose_free,
    punctuation_outside_brackets,
)

__all__ = ["classify", "kind_of"]

#: text after a section word (情况, 事项) that makes it run-in text rather than title
RUNIN_MIN = 8
#: a heading's title (up to its first sentence end) is at most this many characters
HEADING_TITLE_MAX = 60
#: the fewest characters of a title cut short by an indent, a space or a year
_TITLE_MIN = 2
#: a paragraph's indent run into the line after a heading's title (crawled text keeps it)
_INDENT_RE = re.compile("[\u3000 ]{2}")
#: where the text run into a long heading starts: a space, or a year (2018年, 2017年以来)
_RUNIN_START_RE = re.compile("[\u3000 ]|(?:19|20)[0-9]{2}年")
#: or the first item of a list, after a title without digits (…的主要形式1.门户网站…)
_LIST_START_RE = re.compile("(?<![0-9])1[.．、](?![0-9])")
_DIGIT_RE = re.compile("[0-9]")

#: a heading found by :func:`kind_of`: its numbering mark's match, and the end of its title
Heading: TypeAlias = tuple[re.Match[str], int]


def classify(st: LexState, a: int, b: int, stop: int, line: int, body: str) -> None:
    """Classify the segment ``text[a:b]`` and add it, or the segments it splits into: a
    heading and its run-in text, or the rows of a glued table."""
    kind, heading = kind_of(st.text, a, b, body)
    if kind == "para" and _is_meta_line(body):
        # a site's line of fields (来源：某局　发布时间：2024-01-25　浏览次数：123): its
        # last digits are no table cell
        add_segment(st, a, b, stop, line, "para")
        return
    if kind == "para" or (kind == "spaced" and head_row(st.text, a, b) is not None):
        # (a spaced line holding a table's head and then its values is that whole table:
        # 行政复议 行政诉讼 结果维持…总计 0 1 1 0 2 1 0 0 0 1 0 0 0 0 0)
        if not _add_glued(st, a, b, stop, line):
            add_segment(st, a, b, stop, line, kind)
        return
    if kind != "heading":
        i = add_segment(st, a, b, stop, line, kind)
        if kind == "cell" and b - a > LONG_CELL:
            st.long_cells.append(i)
        return
    assert heading is not None
    m, title_end = heading
    split = title_end < b
    i = add_segment(st, a, title_end if split else b, title_end if split else stop, line, kind)
    st.num[i] = (m.group(), m.end())
    st.title_end[i] = title_end
    if split:
        # the run-in text after a heading's title is a segment of its own: a
        # paragraph, or a table whose cells ran together
        rest, _ = kind_of(st.text, title_end, b, st.text[title_end:b])
        if rest != "para" or not _add_glued(st, title_end, b, stop, line):
            st.runins.append(add_segment(st, title_end, b, stop, line, "runin"))


def kind_of(text: str, a: int, b: int, body: str) -> tuple[SegmentKind, Heading | None]:
    """The kind of the segment ``body == text[a:b]`` taken alone, and for a heading, its
    numbering and the end of its title."""
    if "\t" in body:
        return tab_kind(body), None
    stripped = body.strip(WS)
    if not stripped:
        return "blank", None
    if stripped[0] == "|" and stripped.count("|") >= 2:
        return ("pipe_rule" if PIPE_RULE_RE.fullmatch(stripped) else "pipe"), None
    if stripped[0] in NOISE_FIRST:  # a URL, a rule or site chrome starts with one
        if URL_RE.fullmatch(stripped):
            return "url", None
        if RULE_RE.fullmatch(stripped):
            return "rule", None
        if stripped.startswith(CHROME_PREFIXES):
            return "chrome", None
    if is_spaced_row(stripped):
        return "spaced", None
    # the numbering starts where the line's leading white space ends
    m = NUMBERING_RE.match(text, b - len(body.lstrip(WS)), b)
    title_end = -1 if m is None else _title_end(text, b, m)
    if m is None or title_end < 0:
        return "para", None
    return "heading", (m, title_end)


#: the words that sign a change of table 二 (本年增/减: 增3, 减13) written between digits
_SIGN_WORDS = frozenset("增减")


def _add_glued(st: LexState, a: int, b: int, stop: int, line: int) -> bool:
    """Split text whose table cells ran together into rows: a label, then its digits.

    ``…规章000行政规范性文件1012…`` — a run of digits directly after a label, not
    followed by a unit (条, 件, 年 …) nor by a numbering mark (``1.属于``), ends a row.
    Only text without sentence punctuation outside brackets qualifies (prose quotes
    quantities with units and commas); two or more rows make a glued table.  The digits
    stay one cell, for recognition to split by the table's identities.  Adds the rows
    and returns True, or adds nothing and returns False.
    """
    text = st.text
    if b - a < 8 or not prose_free(text, a, b):
        return False
    pairs: list[tuple[int, int, int]] = []  # (label start, digits start, digits end)
    label_start = a
    for m in CELL_RUN_RE.finditer(text, a, b):
        ds, de = m.span()
        nxt = lstrip_at(text, de, b)
        after = text[nxt : nxt + 1]
        before = text[ds - 1 : ds] if ds > a else ""
        if after in NOT_A_CELL_AFTER or before in NOT_A_CELL_BEFORE or ds == label_start:
            continue
        if pairs and ds == pairs[-1][2] + 1 and before in _SIGN_WORDS:
            # 行政许可56增3120: a signed change (本年增/减) between two runs of the row's
            # digits; the row's values run on
            pairs[-1] = (pairs[-1][0], pairs[-1][1], de)
            label_start = de
            continue
        pairs.append((label_start, ds, de))
        label_start = de
    if len(pairs) < 2:
        one_row = head_row(text, a, b)  # a one-row table: its head, then its digits
        if one_row is None:
            return False
        pairs = [one_row]
    assert pairs[0][0] == a
    # each row: its start and end, and its cells' content starts and ends
    rows: list[tuple[int, int, tuple[list[int], list[int]]]] = []
    for k, (ls, ds, de) in enumerate(pairs):
        end = pairs[k + 1][0] if k + 1 < len(pairs) else de
        rows.append((ls, end, ([ls, ds], [ds, de])))
    if pairs[-1][2] < b:
        tail = pairs[-1][2]
        rows.append((tail, b, ([tail], [b])))
    for k, (ls, end, cells) in enumerate(rows):
        i = add_segment(st, ls, end, stop if k + 1 == len(rows) else end, line, "glued")
        st.glued[i] = cells
    return True


def _title_end(text: str, end: int, m: re.Match[str]) -> int:
    """Where the title of a heading whose numbering ``m`` matched ends (the line ends at
    ``end``), or -1 for a numbered line that is not a heading."""
    title_start = lstrip_at(text, m.end(), end)
    if title_start >= end:
        return -1  # a bare number
    limit = min(end, title_start + HEADING_TITLE_MAX)
    found = SENTENCE_END_RE.search(text, title_start, limit)
    stop = found.end() if found else -1
    indent = _INDENT_RE.search(text, title_start + _TITLE_MIN, stop if stop > 0 else limit)
    if indent is not None:
        return indent.start()  # （一）主动公开情况　　本年度…: the next paragraph's indent
    comma = _comma_outside_brackets(text, title_start, stop) if stop > 0 else -1
    if comma >= 0:
        # a sentence before the stop: run-in text, if it opens as such (…的主要类别 2021年，在…)
        cut = _runin_start(text, title_start + _TITLE_MIN, comma)
        if cut >= 0:
            return cut
    word_end = section_word_end(text, title_start, stop if stop > 0 else limit)
    if (
        word_end > 0
        and text[word_end : word_end + 1] not in SENTENCE_END
        and (end - word_end >= RUNIN_MIN or text[end - 1] in SENTENCE_END)
    ):
        stop = word_end  # 二、主动公开政府信息情况第二十条…: the title ends at 情况
    if stop < 0:
        if end - title_start > HEADING_TITLE_MAX:
            stop = section_word_end(text, title_start, limit)
            if stop < 0:
                # a long run-in text after a space (…的数量 区管委会办公室…, pages whose
                # lines were joined by one) or opening with the year it speaks of
                # (三、围绕社会重大关切加强政策解读舆情回应2018年围绕…)
                return _runin_start(text, title_start + _TITLE_MIN, limit)
        else:
            stop = end
    return stop


def _runin_start(text: str, start: int, end: int) -> int:
    """Where in ``text[start:end]`` text run into a heading's title starts (a space, a year,
    or a list's first item after a title without digits), or -1."""
    found = _RUNIN_START_RE.search(text, start, end)
    stop = found.start() if found is not None else end
    item = _LIST_START_RE.search(text, start, stop)
    if item is not None and _DIGIT_RE.search(text, start, item.start()) is None:
        return item.start()
    return stop if found is not None else -1


def _comma_outside_brackets(text: str, start: int, end: int) -> int:
    """The first ``，`` of ``text[start:end]`` outside brackets, or -1."""
    return next(
        (m.start() for m in punctuation_outside_brackets(text, start, end) if m.group() == "，"),
        -1,
    )


def _is_meta_line(body: str) -> bool:
    """Whether ``body`` is a ``key：value`` line of a page's meta fields (发布时间：…)."""
    m = META_RE.fullmatch(body.strip(WS))
    return m is not None and m.group("key") in META_KEYS
