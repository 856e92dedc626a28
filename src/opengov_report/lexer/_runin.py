"""Cutting a whole report run together on one line before its run-in headings."""

from __future__ import annotations

import itertools
import re

from ..document import NumberingStyle
from ..model.forms import DISCLOSURE_BLOCK_CAPTION, REPORT_OUTLINE
from ._numbering import CN_NUMERALS, NUMBERING_RE, numbering, section_word_end
from ._text import RUNIN_END_RE, TITLE_MAX, lstrip_at

__all__ = ["runin_cuts"]

#: the official sections' titles by their ordinal (六 → 其他需要报告的事项)
_OFFICIAL_TITLES = {
    k: title.partition("、")[2] for k, (title, _) in enumerate(REPORT_OUTLINE, start=1)
}


def _official_section(text: str, m: re.Match[str], end: int) -> bool:
    """Whether the numbering ``m`` (一、 … 六、) numbers the official section of its ordinal
    by its official title: the section is one, though the ones before it were lost."""
    _, ordinal = numbering(m)
    title = _OFFICIAL_TITLES.get(ordinal)
    return title is not None and text.startswith(title, lstrip_at(text, m.end(), end))


#: a ``（N）`` heading glued to the last value of a table before it (…7816 (二)主动公开…,
#: …5949.09(二)主动公开…); not an article's item (第二十条第（一）项)
_AFTER_VALUE_PAREN_RE = re.compile("[0-9\u3000 ][\u3000 ]*[（(]([一二三四五六七八九十])[）)](?!项)")


def _next_paren_heading(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where in ``text[start:end]`` the first ``（N）`` heading glued to a value starts, and
    its ordinal N; None if there is none."""
    m = _AFTER_VALUE_PAREN_RE.search(text, start, end)
    if m is None:
        return None
    return m.start(1) - 1, CN_NUMERALS.index(m.group(1))


def _unpunctuated_heading(text: str, want: int, pos: int, lim: int, end: int) -> tuple[int, str]:
    """The first section heading numbered ``want`` in ``text[pos:lim]`` whose title ends at
    a section word, and its numbering mark, or (-1, "").  The mark is the outline's own
    (四、), or a slip of style in the sequence the format-spec records (S004: 四． and 5、
    among 一、 … 六、)."""
    if want >= len(CN_NUMERALS):
        return -1, ""
    best, best_mark = -1, ""
    for mark in (CN_NUMERALS[want] + "、", CN_NUMERALS[want] + "．", f"{want}、"):
        i = text.find(mark, pos, lim)
        # the same mark may number a table row first (四、结转下年度继续办理)
        while i >= 0 and not (
            i > pos
            and section_word_end(text, i + len(mark), min(end, i + 30)) > 0
            # after a digit, 5、 may end a number (15、): only the official title decides
            and not (
                mark[0].isdigit()
                and text[i - 1].isdigit()
                and not text.startswith(_OFFICIAL_TITLES.get(want, "\0"), i + len(mark))
            )
        ):
            i = text.find(mark, i + len(mark), lim)
        if i >= 0 and (best < 0 or i < best):
            best, best_mark = i, mark
    return best, best_mark


def runin_cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a very long line (a whole report on one line) before run-in headings.

    A cut is made before ``一、``/``（一）``-style numbering that follows a sentence end
    and continues that style's ordinal sequence within the line, or skips ahead to an
    official section by its official title (a crawler lost 四 and 五: …。六、其他需要报告的事项).
    """
    cuts: list[int] = []
    expected: dict[NumberingStyle, int] = {}
    # a title run into the text: cut after its first 报告/总结 near the start
    for word in ("报告", "总结"):
        i = text.find(word, start, min(end, start + TITLE_MAX))
        if i >= 0 and NUMBERING_RE.match(text, i + 2, end) is None:
            cuts.append(i + 2)
            break
    pos = start
    while pos < end:
        # the next sentence end: one search for them all (a find per mark scanned to the
        # line's end for each mark the rest of the line lacks: quadratic on one-line texts)
        found = RUNIN_END_RE.search(text, pos, end)
        nxt = found.start() if found is not None else -1
        # an unpunctuated section heading (…1012三、收到和处理…情况…)
        want = expected.get(NumberingStyle.CN_COMMA, 1)
        if want is not None:
            lim = nxt if nxt >= 0 else end
            i, mark = _unpunctuated_heading(text, want, pos, lim, end)
            if i >= 0:
                cuts.append(i)
                # the title ends at its section word: what follows (a table's head and
                # values, run together) is not part of the heading
                cuts.append(section_word_end(text, i + len(mark), min(end, i + 30)))
                expected[NumberingStyle.CN_COMMA] = want + 1
                expected.pop(NumberingStyle.CN_PAREN, None)
                pos = i + len(mark)
                continue
        if nxt < 0:
            break
        at = lstrip_at(text, nxt + 1, end)
        if text.startswith(DISCLOSURE_BLOCK_CAPTION, at):
            # table 二 run into the prose before it (…占41.5%。 第二十条第（一）项…), and the
            # heading after it glued to its last value (…行政事业性收费7816 (二)主动公开…)
            cuts.append(at)
            # (up to the prose's next full stop: the table's head has a colon, 单位：万元)
            full_stop = text.find("。", at, end)
            heading = _next_paren_heading(text, at, full_stop if full_stop >= 0 else end)
            if heading is not None:
                cuts.append(heading[0])
                expected[NumberingStyle.CN_PAREN] = heading[1] + 1
        m = NUMBERING_RE.match(text, at, end) if at < end else None
        if m is not None:
            style, ordinal = numbering(m)
            if style in (NumberingStyle.CN_COMMA, NumberingStyle.CN_DOT):
                style = NumberingStyle.CN_COMMA
                want = expected.get(style, ordinal if ordinal <= 2 else 1)
                if ordinal == want or (ordinal > want and _official_section(text, m, end)):
                    cuts.append(at)
                    # a title that ends at its section word ends the heading there
                    cuts.append(section_word_end(text, m.end(), min(end, m.end() + 30)))
                    expected[style] = ordinal + 1
                    expected.pop(NumberingStyle.CN_PAREN, None)
            elif style is NumberingStyle.CN_PAREN and ordinal == expected.get(style, 1):
                cuts.append(at)
                expected[style] = ordinal + 1
        pos = nxt + 1
    bounds = [start, *sorted({c for c in cuts if start < c < end}), end]
    return [(a, b) for a, b in itertools.pairwise(bounds) if b > a] or [(start, end)]
