"""The line lexer: cuts a report's text into line segments and classifies each one.

One token per line, or per part of a line where a line holds more than one thing (a bookmark
glued to a heading, a heading with run-in text, a whole report on one line).  The lexer decides
what the layout grammar cannot decide with one token of lookahead:

* which lines are table lines (tab-led cells, tab-separated rows, pipe rows, space-separated
  rows, one-value-per-line cells) and where rows start;
* which numbered lines are headings, and at which depth (levels follow the order in which
  numbering styles first appear, and the ordinal sequence; see :func:`_assign_levels`);
* where the title block ends.

Each token carries the leaf node it stands for (``token.node``), so the grammar's transformer
only assembles.  Every character of the input is in exactly one token, in order.  All regular
expressions here are anchored and free of nested quantifiers: cost is linear in the input.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

from lark import Token
from lark.common import LexerConf
from lark.lexer import Lexer

from .document import (
    Blank,
    CellData,
    Heading,
    MetaLine,
    Noise,
    NoiseKind,
    Numbering,
    NumberingAnomaly,
    NumberingStyle,
    Paragraph,
    Row,
    Span,
    TitleLine,
)
from .numerals import chinese_number

__all__ = ["MAX_DEPTH", "NodeToken", "TokenListLexer", "tokenize"]

#: a line longer than this is cut before run-in headings (a report run together) …
_LONG_LINE = 2000
#: … or longer than this in a text of at most five non-blank lines
_ONE_LINE_MIN = 120
#: deepest heading level the grammar nests; deeper numbered lines stay paragraphs
MAX_DEPTH = 8

_WS = " \u3000\u00a0\u2002\u2003\u2009\u200b\ufeff"
_WS_TAB = _WS + "\t"


_NUMBERING_RE = re.compile(
    r"(?P<cnp>[（(](?P<cnp_n>[一二三四五六七八九十]{1,3})[）)])"
    r"|(?P<arp>[（(](?P<arp_n>[0-9０-９]{1,2})[）)])"
    r"|(?P<cn>(?P<cn_n>[一二三四五六七八九十]{1,3})(?P<cn_d>[、．.]))"
    r"|(?P<ar>(?P<ar_n>[0-9０-９]{1,2})(?P<ar_d>[、．.])(?![0-9０-９]))"
    r"|(?P<circ>[①-⑳])"
    r"|(?P<chap>第(?P<chap_n>[一二三四五六七八九十0-9]{1,3})(?P<chap_k>章|部分))"
)
_BOOKMARK_RE = re.compile(r"\[bookmark:[^\]\n]{0,200}\]")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+")
_RULE_RE = re.compile(r"[=＝\-_*~#]{3,}[^=＝\-_*~#]{0,20}[=＝\-_*~#]{0,}|[—－]{6,}")
_PIPE_RULE_RE = re.compile(r"\|?[\s:：\-|—]{3,}\|?")
_META_RE = re.compile(r"(?P<key>[^\s：:，。]{2,8})\s{0,3}[：:]\s{0,3}(?P<value>\S.{0,80})")
_PAGE_RE = re.compile(
    r"(?:[-－—]\s{0,2})?[0-9]{1,3}(?:\s{0,2}[-－—])?|第[0-9]{1,3}页(?:共[0-9]{1,3}页)?"
)
_VALUE_RE = re.compile(
    r"[+＋\-－−]?[0-9０-９]{1,12}(?:[.．][0-9０-９]{1,6})?"
    r"(?:万元|亿元|千元|万|亿|元|件|条|个|人次|人|次|篇|项|家|起|份|%)?"
    r"|[增减][0-9０-９]{1,9}"
    r"|无|[—\-－–―/／]{1,3}"
)
_SENTENCE_END = "。！？；：:"
_DIGIT_RUN_RE = re.compile(r"[0-9０-９](?:[ \u3000]?[0-9０-９])*")
_NOT_A_CELL_BEFORE = frozenset("第（(〔[【约近共计达超逾")
#: a digit run followed by one of these is a quantity in prose or a numbering, not a cell
_NOT_A_CELL_AFTER = frozenset(
    "条件个人次篇项家起份年月日号时分秒期届批轮名位元万亿%％.．、)）〕]】:：-/"
)
_PROSE_PUNCT = "。，；！？"
_CHROME_PREFIXES = (
    "当前位置", "您当前的位置", "您现在的位置", "首页>", "首页 >", "分享到", "打印本页",
    "关闭窗口", "【打印】", "【关闭】", "字体：", "【字体", "扫一扫", "相关链接",
    "上一篇", "下一篇",
)  # fmt: skip
_META_KEYS = frozenset(
    [
        "发布日期",
        "发布时间",
        "成文日期",
        "生效日期",
        "来源",
        "信息来源",
        "发布机构",
        "发文机关",
        "索引号",
        "文号",
        "发文字号",
        "作者",
        "浏览次数",
        "点击数",
        "阅读次数",
        "访问量",
        "字号",
        "分类",
        "主题分类",
        "公开方式",
        "公开范围",
        "公开时限",
        "时间",
        "日期",
        "标题",
        "链接",
        "网址",
        "URL",
        "正文",
    ]
)

#: a title line is at most this many characters
_TITLE_MAX = 60
#: text after a section word (情况, 事项) that makes it run-in text rather than title
_RUNIN_MIN = 8
#: a heading's title (up to its first sentence end) is at most this many characters
_HEADING_TITLE_MAX = 60


class NodeToken(Token):
    """A Lark token that carries the leaf node it stands for (None for markers)."""

    __slots__ = ("node",)
    node: Any

    def __new__(cls, type: str, value: str, start_pos: int, line: int, column: int) -> NodeToken:
        # Lark's own constructor takes a detour through keyword handling and a classmethod;
        # this one sets the same fields directly (the lexer makes one token per row or line)
        inst = str.__new__(cls, value)
        inst.type = type
        inst.value = value
        inst.start_pos = start_pos
        inst.line = line
        inst.column = column
        inst.end_line = inst.end_column = inst.end_pos = None
        inst.node = None
        return inst


class TokenListLexer(Lexer):
    """A Lark lexer that hands the parser a token list made by :func:`tokenize`."""

    def __init__(self, lexer_conf: LexerConf) -> None:
        pass

    def lex(self, lexer_state: Any, parser_state: Any = None) -> Iterator[Token]:
        tokens: list[NodeToken] = lexer_state
        return iter(tokens)


# --------------------------------------------------------------------------- segments


class _Seg:
    """A classified piece of a line (internal, mutable while the passes run)."""

    __slots__ = (
        "anomaly",
        "cells",
        "end",
        "kind",
        "level",
        "line",
        "num",
        "row_first",
        "start",
        "stop",
        "title_end",
    )

    def __init__(
        self,
        start: int,
        end: int,
        stop: int,
        line: int,
        kind: str,
        cells: list[tuple[int, int]] | None = None,
    ) -> None:
        self.start = start  # offset of the segment
        self.end = end  # end of content (before the line ending)
        self.stop = stop  # end including the line ending (== end unless it ends its line)
        self.line = line
        self.kind = kind  # see _classify_one
        self.num: re.Match[str] | None = None  # heading candidate: the numbering match
        self.title_end = 0  # heading candidate: end of the title
        self.level = 0
        self.anomaly: NumberingAnomaly | None = None
        self.row_first = False
        self.cells = cells  # glued rows: content bounds of each cell


def _split_lines(text: str) -> list[tuple[int, int, int]]:
    """(start, content end, end with line ending) of each line; ``\\n``, ``\\r\\n``, ``\\r``."""
    out: list[tuple[int, int, int]] = []
    n = len(text)
    if "\r" not in text:
        pos = 0
        while pos < n:
            nl = text.find("\n", pos)
            if nl < 0:
                out.append((pos, n, n))
                break
            out.append((pos, nl, nl + 1))
            pos = nl + 1
        return out
    pos = 0
    while pos < n:
        cr = text.find("\r", pos)
        lf = text.find("\n", pos)
        if cr < 0 and lf < 0:
            out.append((pos, n, n))
            break
        if cr < 0 or (0 <= lf < cr):
            out.append((pos, lf, lf + 1))
            pos = lf + 1
        elif cr + 1 < n and text[cr + 1] == "\n":
            out.append((pos, cr, cr + 2))
            pos = cr + 2
        else:
            out.append((pos, cr, cr + 1))
            pos = cr + 1
    return out


_WS_RUN_RE = re.compile("[" + _WS + "]*")


def _lstrip_at(text: str, start: int, end: int) -> int:
    """The first offset at or after ``start`` (and before ``end``) that is not white space."""
    return min(_WS_RUN_RE.match(text, start, end).end(), end) if start < end else start  # type: ignore[union-attr]


def _few_lines(text: str, lines: list[tuple[int, int, int]]) -> bool:
    """Whether the text has at most five non-blank lines (a report on one line)."""
    count = 0
    for start, end, _ in lines:
        if end > start and text[start:end].strip(_WS_TAB):
            count += 1
            if count > 5:
                return False
    return True


def _numbering(m: re.Match[str]) -> tuple[NumberingStyle, int]:
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


_CN_NUMERALS = ("", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十")
#: words that end the title of a report section (二、主动公开政府信息情况, 六、其他需要报告的事项)
_SECTION_WORDS = ("情况", "事项", "概述", "措施")


def _section_word_end(text: str, start: int, limit: int) -> int:
    """End of the first section word (情况, 事项 …) in ``text[start:limit]``, or -1."""
    best = -1
    for word in _SECTION_WORDS:
        i = text.find(word, start, limit)
        if i >= 0 and (best < 0 or i + len(word) < best):
            best = i + len(word)
    return best


def _is_value(s: str) -> bool:
    return _VALUE_RE.fullmatch(s) is not None


class _Lines:
    """The passes over one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.segs: list[_Seg] = []
        self._line_starts: list[int] = []

    # -- pass 1: lines and segments ---------------------------------------------------

    def segment(self) -> None:
        text = self.text
        lines = _split_lines(text)
        few_lines = _few_lines(text, lines)
        has_bookmarks = "[bookmark:" in text
        # a line longer than this may be a whole report run together
        long_line = _ONE_LINE_MIN if few_lines else _LONG_LINE
        segs = self.segs
        line_starts = self._line_starts
        for lineno, (start, end, stop) in enumerate(lines, 1):
            line_starts.append(start)
            if end - start <= long_line and (
                not has_bookmarks or text.find("[bookmark:", start, end) < 0
            ):
                # a tab-led line with no other tab is a cell: classified here, on the way
                cell = text.startswith("\t", start) and text.find("\t", start + 1, end) < 0
                segs.append(_Seg(start, end, stop, lineno, "cell" if cell else ""))
                continue
            pos = start
            # bookmarks glued to the start of a line
            while has_bookmarks:
                at = _lstrip_at(text, pos, end)
                m = _BOOKMARK_RE.match(text, at, end)
                if m is None:
                    break
                segs.append(_Seg(pos, m.end(), m.end(), lineno, "bookmark"))
                pos = m.end()
            if end - pos > long_line:
                for a, b in self._runin_cuts(pos, end):
                    segs.append(_Seg(a, b, b, lineno, ""))
                last = self.segs[-1]
                last.stop = stop
                continue
            segs.append(_Seg(pos, end, stop, lineno, ""))

    def _runin_cuts(self, start: int, end: int) -> list[tuple[int, int]]:
        """Cut a very long line (a whole report on one line) before run-in headings.

        A cut is made before ``一、``/``（一）``-style numbering that follows a sentence end
        and continues that style's ordinal sequence within the line.
        """
        text = self.text
        cuts: list[int] = []
        expected: dict[NumberingStyle, int] = {}
        # a title run into the text: cut after its first 报告/总结 near the start
        for word in ("报告", "总结"):
            i = text.find(word, start, min(end, start + _TITLE_MAX))
            if i >= 0 and _NUMBERING_RE.match(text, i + 2, end) is None:
                cuts.append(i + 2)
                break
        pos = start
        while pos < end:
            nxt = -1
            for mark in "。！？；":
                i = text.find(mark, pos, end)
                if i >= 0 and (nxt < 0 or i < nxt):
                    nxt = i
            # an unpunctuated section heading (…1012三、收到和处理…情况…)
            want = expected.get(NumberingStyle.CN_COMMA)
            if want is not None:
                mark = _CN_NUMERALS[want] + "、" if want < len(_CN_NUMERALS) else ""
                i = text.find(mark, pos, nxt if nxt >= 0 else end) if mark else -1
                if i > pos and _section_word_end(text, i + len(mark), min(end, i + 30)) > 0:
                    cuts.append(i)
                    expected[NumberingStyle.CN_COMMA] = want + 1
                    expected.pop(NumberingStyle.CN_PAREN, None)
                    pos = i + len(mark)
                    continue
            if nxt < 0:
                break
            at = _lstrip_at(text, nxt + 1, end)
            m = _NUMBERING_RE.match(text, at, end) if at < end else None
            if m is not None:
                style, ordinal = _numbering(m)
                if style in (NumberingStyle.CN_COMMA, NumberingStyle.CN_DOT):
                    style = NumberingStyle.CN_COMMA
                    if ordinal == expected.get(style, ordinal if ordinal <= 2 else 1):
                        cuts.append(at)
                        expected[style] = ordinal + 1
                        expected.pop(NumberingStyle.CN_PAREN, None)
                elif style is NumberingStyle.CN_PAREN and ordinal == expected.get(style, 1):
                    cuts.append(at)
                    expected[style] = ordinal + 1
            pos = nxt + 1
        bounds = [start, *sorted(set(cuts)), end]
        return [(a, b) for a, b in itertools.pairwise(bounds) if b > a] or [(start, end)]

    # -- pass 2: classify each segment ------------------------------------------------

    def classify(self) -> None:
        out: list[_Seg] = []
        for seg in self.segs:
            if seg.kind:  # bookmarks, and cells already classified while segmenting
                out.append(seg)
                continue
            out.extend(self._classify_one(seg))
            head = out[-1]
            if head.kind == "heading" and head.title_end < head.end:
                # the run-in text after a heading's title is a segment of its own: a
                # paragraph, or a table whose cells ran together
                rest = _Seg(head.title_end, head.end, head.stop, head.line, "")
                head.stop = head.end = head.title_end
                parts = self._classify_one(rest)
                if len(parts) == 1 and parts[0].kind != "glued":
                    parts[0].kind = "runin"
                out.extend(parts)
        self.segs = out

    def _classify_one(self, seg: _Seg) -> list[_Seg]:
        """Classify a segment; returns it, or the rows it splits into (glued tables)."""
        text = self.text
        a, b = seg.start, seg.end
        body = text[a:b]
        if "\t" in body:
            seg.kind = "cell" if body.startswith("\t") and body.count("\t") == 1 else "tsv"
            return [seg]
        stripped = body.strip(_WS)
        if not stripped:
            seg.kind = "blank"
        elif stripped[0] == "|" and stripped.count("|") >= 2:
            seg.kind = "pipe_rule" if _PIPE_RULE_RE.fullmatch(stripped) else "pipe"
        elif _URL_RE.fullmatch(stripped):
            seg.kind = "url"
        elif _RULE_RE.fullmatch(stripped):
            seg.kind = "rule"
        elif stripped.startswith(_CHROME_PREFIXES):
            seg.kind = "chrome"
        elif _is_spaced_row(stripped):
            seg.kind = "spaced"
        else:
            at = _lstrip_at(text, a, b)
            m = _NUMBERING_RE.match(text, at, b)
            if m is None or not self._heading_candidate(seg, m):
                seg.kind = "para"
                return self._glued_rows(seg) or [seg]
        return [seg]

    def _glued_rows(self, seg: _Seg) -> list[_Seg] | None:
        """Split text whose table cells ran together into rows: a label, then its digits.

        ``…规章000行政规范性文件1012…`` — a run of digits directly after a label, not
        followed by a unit (条, 件, 年 …) nor by a numbering mark (``1.属于``), ends a row.
        Only text without sentence punctuation outside brackets qualifies (prose quotes
        quantities with units and commas); two or more rows make a glued table.  The digits
        stay one cell, for recognition to split by the table's identities.
        """
        text = self.text
        a, b = seg.start, seg.end
        if b - a < 8 or not _prose_free(text, a, b):
            return None
        pairs: list[tuple[int, int, int]] = []  # (label start, digits start, digits end)
        label_start = a
        for m in _DIGIT_RUN_RE.finditer(text, a, b):
            ds, de = m.span()
            nxt = _lstrip_at(text, de, b)
            after = text[nxt : nxt + 1]
            before = text[ds - 1 : ds] if ds > a else ""
            if after in _NOT_A_CELL_AFTER or before in _NOT_A_CELL_BEFORE or ds == label_start:
                continue
            pairs.append((label_start, ds, de))
            label_start = de
        if len(pairs) < 2:
            return None
        rows: list[_Seg] = []
        first = pairs[0][0]
        for k, (ls, ds, de) in enumerate(pairs):
            end = pairs[k + 1][0] if k + 1 < len(pairs) else de
            rows.append(_Seg(ls, end, end, seg.line, "glued", cells=[(ls, ds), (ds, de)]))
        if pairs[-1][2] < b:
            tail = pairs[-1][2]
            rows.append(_Seg(tail, b, b, seg.line, "glued", cells=[(tail, b)]))
        assert first == a
        rows[-1].stop = seg.stop
        return rows

    def _heading_candidate(self, seg: _Seg, m: re.Match[str]) -> bool:
        text = self.text
        title_start = _lstrip_at(text, m.end(), seg.end)
        if title_start >= seg.end:
            return False  # a bare number
        limit = min(seg.end, title_start + _HEADING_TITLE_MAX)
        stop = -1
        for i in range(title_start, limit):
            if text[i] in _SENTENCE_END:
                stop = i + 1
                break
        word_end = _section_word_end(text, title_start, stop if stop > 0 else limit)
        if (
            word_end > 0
            and text[word_end : word_end + 1] not in _SENTENCE_END
            and (seg.end - word_end >= _RUNIN_MIN or text[seg.end - 1] in _SENTENCE_END)
        ):
            stop = word_end  # 二、主动公开政府信息情况第二十条…: the title ends at 情况
        if stop < 0:
            if seg.end - title_start > _HEADING_TITLE_MAX:
                stop = _section_word_end(text, title_start, limit)
                if stop < 0:
                    return False
            else:
                stop = seg.end
        seg.kind = "heading"
        seg.num = m
        seg.title_end = stop
        return True

    # -- pass 3: title block, tables, headings -----------------------------------------

    def structure(self) -> None:
        self._front()
        self._cell_tables()
        self._spaced_tables()
        self._line_tables()
        self._page_numbers()
        self._assign_levels()
        self._rejoin_demoted()

    def _front(self) -> None:
        """Mark the title block: leading titles, meta lines, noise and blanks."""
        text = self.text
        titles = 0
        for seg in self.segs:
            kind = seg.kind
            if kind == "blank":
                seg.kind = "f_blank"
                continue
            if kind in ("url", "rule", "chrome", "bookmark"):
                seg.kind = "f_" + kind
                continue
            if kind not in ("para", "spaced"):
                return
            content = text[seg.start : seg.end].strip(_WS)
            m = _META_RE.fullmatch(content)
            if m is not None and m.group("key") in _META_KEYS:
                seg.kind = "f_meta"
                continue
            if (
                titles < 4
                and len(content) <= _TITLE_MAX
                and content[-1] not in "。，；：:,;"
                and not _is_value(content)
            ):
                seg.kind = "f_title"
                titles += 1
                continue
            return

    def _cell_tables(self) -> None:
        """Tab lines, pipe lines and continuation lines; blanks between them; row starts."""
        segs = self.segs
        text = self.text
        n = len(segs)
        # a tab-led line of prose with no table line near it is an indented paragraph
        for i, seg in enumerate(segs):
            if seg.kind == "cell":
                content = text[seg.start + 1 : seg.end].strip(_WS)
                if (
                    len(content) > 50
                    and any(p in content for p in "。，")
                    and not (self._near(i, -1) or self._near(i, 1))
                ):
                    seg.kind = "para"
        # continuation lines: short text directly under a cell line
        for i in range(1, n):
            seg, prev = segs[i], segs[i - 1]
            if prev.kind in ("cell", "cont") and seg.kind in ("para", "spaced", "heading"):
                content = text[seg.start : seg.end].strip(_WS)
                if len(content) <= 40 and not (
                    seg.kind == "heading" and not self._table_follows(i)
                ):
                    seg.kind = "cont"
        self._mark_table_blanks(("cell", "cont", "tsv", "pipe", "pipe_rule"))
        # row starts in the cells layout: the first cell after a blank or another row kind
        prev_kind = ""
        for seg in segs:
            if seg.kind == "cell" and prev_kind not in ("cell", "cont"):
                seg.row_first = True
            prev_kind = seg.kind

    def _near(self, i: int, step: int) -> bool:
        j = i + step
        while 0 <= j < len(self.segs) and self.segs[j].kind in ("blank", "f_blank"):
            j += step
        return 0 <= j < len(self.segs) and self.segs[j].kind in ("cell", "tsv", "cont")

    def _table_follows(self, i: int) -> bool:
        j = i + 1
        return j < len(self.segs) and self.segs[j].kind in ("cell", "tsv")

    def _mark_table_blanks(self, table_kinds: tuple[str, ...]) -> None:
        """Blank lines between two table lines belong to the table."""
        segs = self.segs
        last_table = -1
        for i, seg in enumerate(segs):
            if seg.kind in table_kinds:
                if last_table >= 0:
                    for j in range(last_table + 1, i):
                        if segs[j].kind == "blank":
                            segs[j].kind = "tblank"
                last_table = i
            elif seg.kind != "blank":
                last_table = -1

    def _spaced_tables(self) -> None:
        """Rows of space-separated cells: only runs of two or more make a table."""
        segs = self.segs
        i = 0
        n = len(segs)
        while i < n:
            if segs[i].kind != "spaced":
                i += 1
                continue
            j = i
            members = [i]
            k = i + 1
            while k < n and segs[k].kind in ("spaced", "blank"):
                if segs[k].kind == "spaced":
                    members.append(k)
                    j = k
                k += 1
            if len(members) < 2 and not _many_values(self.text, segs[i]):
                segs[i].kind = "para"
            else:
                h = i - 1
                while h >= 0 and segs[h].kind == "blank":
                    h -= 1
                if (
                    h >= 0
                    and segs[h].kind == "para"
                    and _is_header_row(self.text[segs[h].start : segs[h].end].strip(_WS))
                ):
                    segs[h].kind = "spaced"
                    i = h
                for m in range(i, j + 1):
                    if segs[m].kind == "blank":
                        segs[m].kind = "tblank"
            i = j + 1

    def _line_tables(self) -> None:
        """One cell per line without tabs: runs of short lines holding several values."""
        segs = self.segs
        text = self.text
        n = len(segs)
        short = []
        for seg in segs:
            is_short = False
            if seg.kind in ("para", "heading") and seg.end - seg.start <= 90:
                content = text[seg.start : seg.end].strip(_WS)
                is_short = len(content) <= 45 and "。" not in content and "；" not in content
            short.append(is_short)
        i = 0
        while i < n:
            if not short[i]:
                i += 1
                continue
            run = [i]
            k = i + 1
            while k < n and (short[k] or segs[k].kind == "blank"):
                if short[k]:
                    run.append(k)
                k += 1
            i = k
            self._make_line_table(run)

    def _make_line_table(self, run: list[int]) -> None:
        segs = self.segs
        text = self.text
        contents = [text[segs[r].start : segs[r].end].strip(_WS) for r in run]
        values = [
            _is_value(c) and segs[r].kind == "para" for r, c in zip(run, contents, strict=True)
        ]
        if len(run) < 6 or sum(values) < 3 or len(run) - sum(values) < 2:
            return
        # a numbered line is a row label when values follow it directly, or when it follows a
        # value and another numbered label follows it (三、本年度办理结果 → （一）予以公开 → 0);
        # else it stays a heading and splits the run
        label = [False] * len(run)
        for idx in range(len(run) - 1, -1, -1):
            r = run[idx]
            if segs[r].kind != "heading":
                continue
            nxt = idx + 1
            after_value = idx > 0 and values[idx - 1]
            if nxt < len(run) and (values[nxt] or (label[nxt] and after_value)):
                label[idx] = True
        pieces: list[list[int]] = [[]]
        for idx, r in enumerate(run):
            if segs[r].kind == "heading" and not label[idx]:
                pieces.append([])
            else:
                pieces[-1].append(idx)
        for piece in pieces:
            # a piece starts at its first line that is followed by values within 12 lines
            if not piece:
                continue
            first_value = next((p for p in piece if values[p]), None)
            if first_value is None:
                continue
            nvalues = sum(1 for p in piece if values[p])
            if len(piece) < 6 or nvalues < 3 or len(piece) - nvalues < 2:
                continue
            members = [run[p] for p in piece]
            for p in piece:
                seg = segs[run[p]]
                seg.kind = "line"
                seg.row_first = not values[p] or p == piece[0]
            pending: list[int] = []
            for m in range(members[0], members[-1] + 1):
                if segs[m].kind == "blank":
                    pending.append(m)
                elif segs[m].kind == "line":
                    # blanks before a row's next value belong to the row, else to the table
                    inner = "lblank" if not segs[m].row_first else "tblank"
                    for b in pending:
                        segs[b].kind = inner
                    pending = []

    def _page_numbers(self) -> None:
        """A lone page number among the last lines, or between two prose lines."""
        segs = self.segs
        text = self.text
        nonblank = [i for i, s in enumerate(segs) if s.kind not in ("blank", "tblank", "f_blank")]
        tail = set(nonblank[-3:])
        for pos, i in enumerate(nonblank):
            seg = segs[i]
            if seg.kind != "para" or seg.end - seg.start > 24:
                continue
            content = text[seg.start : seg.end].strip(_WS)
            if not _PAGE_RE.fullmatch(content):
                continue
            prev_kind = segs[nonblank[pos - 1]].kind if pos > 0 else ""
            next_kind = segs[nonblank[pos + 1]].kind if pos + 1 < len(nonblank) else ""
            if i in tail or (prev_kind in ("para", "heading") and next_kind in ("para", "heading")):
                seg.kind = "page"

    # -- heading levels ----------------------------------------------------------------

    def _assign_levels(self) -> None:
        """Give each numbered line a depth, or demote it to a paragraph.

        * A style seen for the first time opens the next deeper level; later headings of that
          style go back to that level (as reStructuredText decides title levels).
        * A heading continues its level's ordinal sequence, or starts a new deeper level at 1.
        * A heading whose own style cannot continue, but whose ordinal continues an open
          shallower level whose style differs, is placed on that level and marked
          ``MISSTYLED`` (``四．`` then ``5、`` between ``三、`` and ``六、``), provided the
          next heading in that level's style does not take the same or a lower ordinal.
        * A numbered line that restarts an open ancestor level at 1 while deeper levels are
          open is a numbered list inside the text (``（1）…。（2）…``): a paragraph.
        * Other breaks (skips, repeats, a first heading not at 1) keep their place and are
          marked.
        """
        segs = [s for s in self.segs if s.kind == "heading"]
        parsed = [_numbering(s.num) for s in segs if s.num is not None]
        style_level: dict[NumberingStyle, int] = {}
        level_style: dict[int, NumberingStyle] = {}
        stack: list[tuple[NumberingStyle, int]] = []  # (style, ordinal) per open level

        def next_ordinal(after: int, style: NumberingStyle) -> int | None:
            for k in range(after + 1, len(parsed)):
                if parsed[k][0] is style:
                    return parsed[k][1]
            return None

        for idx, seg in enumerate(segs):
            style, n = parsed[idx]
            depth = len(stack)
            own = style_level.get(style)
            place: int | None = None
            anomaly: NumberingAnomaly | None = None
            holds = own is not None and own <= depth
            if holds and own is not None and _same_level_style(stack, level_style, own, style):
                prev = stack[own - 1][1]
                if n == prev + 1:
                    place = own
                elif n == 1 and own < depth:
                    seg.kind = "para"  # a list restarting inside deeper text
                    continue
            elif n == 1:
                place = min(own, depth + 1) if own is not None else depth + 1
            if place is None:
                # can it continue a shallower open level of another style?
                for k in range(depth, 0, -1):
                    k_style = level_style.get(k, stack[k - 1][0])
                    if (
                        k_style is not style
                        and _BRACKETED[k_style] == _BRACKETED[style]
                        and stack[k - 1][1] + 1 == n
                    ):
                        later = next_ordinal(idx, k_style)
                        if later is None or later > n:
                            place, anomaly = k, NumberingAnomaly.MISSTYLED
                        break
            if place is None:
                if own is not None and own <= depth:
                    place = own
                    same = _same_level_style(stack, level_style, own, style)
                    prev = stack[own - 1][1] if same else 0
                    anomaly = (
                        NumberingAnomaly.SKIPPED if n > prev + 1 else NumberingAnomaly.REPEATED
                    )
                else:
                    place = min(own, depth + 1) if own is not None else depth + 1
                    anomaly = NumberingAnomaly.NOT_FIRST
            if place > MAX_DEPTH:
                seg.kind = "para"
                continue
            if anomaly is not NumberingAnomaly.MISSTYLED:
                style_level.setdefault(style, place)
                level_style.setdefault(place, style)
            del stack[place - 1 :]
            stack.append((style, n))
            seg.level = place
            seg.anomaly = anomaly

    def _rejoin_demoted(self) -> None:
        """A numbered line demoted to a paragraph takes its run-in text back."""
        out: list[_Seg] = []
        for seg in self.segs:
            if seg.kind == "runin" and out and out[-1].kind != "heading":
                prev = out[-1]
                if prev.kind == "para" and prev.end == seg.start:
                    prev.end, prev.stop = seg.end, seg.stop
                    continue
                seg.kind = "para"
            out.append(seg)
        self.segs = out

    # -- tokens ------------------------------------------------------------------------

    def tokens(self) -> list[NodeToken]:
        text = self.text
        segs = self.segs
        out: list[NodeToken] = []
        in_table = False
        i, n = 0, len(segs)
        while i < n:
            seg = segs[i]
            kind = seg.kind
            table_kind = kind in _ROW_KINDS
            if table_kind and not in_table:
                out.append(self._tok("TABLE_START", "", seg, None))
            in_table = table_kind
            if kind == "heading":
                out.append(self._heading_token(seg))
            elif kind in ("cell", "line"):
                i = self._grouped_row(i, out)
                continue
            elif kind in _ROW_KINDS:
                cells = self._row_cells(seg, kind)
                i = self._absorb_blanks(i + 1, cells)
                typ = _ROW_TOKENS[kind]
                out.append(self._tok(typ, "", seg, Row(tuple(cells), kind == "pipe_rule")))
                continue
            elif kind in _BLANK_TOKENS:
                j = i + 1
                while j < n and segs[j].kind == kind:
                    j += 1
                last = segs[j - 1]
                chunk = text[seg.start : last.stop]
                node = Blank(chunk, self._span(seg.start, last.stop, seg))
                out.append(self._tok(_BLANK_TOKENS[kind], chunk, seg, node))
                i = j
                continue
            else:
                span = self._span(seg.start, seg.stop, seg)
                chunk = text[seg.start : seg.stop]
                if kind.startswith("f_"):
                    out.append(self._front_token(seg, kind, chunk, span))
                elif kind in _NOISE_KINDS:
                    noise = Noise(chunk, span, _NOISE_KINDS[kind])
                    out.append(self._tok("NOISE", chunk, seg, noise))
                else:  # para, runin
                    typ = "RUNIN" if kind == "runin" else "PARA"
                    out.append(self._tok(typ, chunk, seg, Paragraph(chunk, span)))
            i += 1
        return out

    def _grouped_row(self, i: int, out: list[NodeToken]) -> int:
        """A row of one cell per line: tab-led cells and their continuation lines, or a
        tabless label line, its value lines and the blank lines between them."""
        text = self.text
        segs = self.segs
        first = segs[i]
        cells: list[CellData] = []
        if first.kind == "cell":
            member, extra = "cell", "cont"
        else:
            member, extra = "line", "lblank"
        j = i
        n = len(segs)
        line_starts = self._line_starts
        while j < n:
            seg = segs[j]
            if seg.kind == member and (j == i or not seg.row_first):
                if member == "cell":  # the hot path of table-heavy reports: inlined _cell
                    a, b = seg.start, seg.end
                    column = a - line_starts[seg.line - 1] + 1
                    cells.append(
                        (text[a : seg.stop], a, seg.line, column, text[a + 1 : b], a + 1, b)
                    )
                else:
                    cs, ce = _trim(text, seg.start, seg.end)
                    cells.append(self._cell(seg, seg.start, cs, ce, seg.stop))
            elif seg.kind == extra and cells:
                cells[-1] = self._extend(cells[-1], seg, continuation=extra == "cont")
            else:
                break
            j += 1
        j = self._absorb_blanks(j, cells)
        typ = "CELL_ROW" if member == "cell" else "LINE_ROW"
        out.append(self._tok(typ, "", first, Row(tuple(cells))))
        return j

    def _extend(self, cell: CellData, seg: _Seg, *, continuation: bool) -> CellData:
        """Give a cell the next line: a wrapped cell's continuation, or a blank line."""
        text = self.text
        own = cell[0] + text[seg.start : seg.stop]
        if not continuation:
            return (own, *cell[1:])
        cs, ce = _trim(text, seg.start, seg.end)
        return (own, cell[1], cell[2], cell[3], cell[4] + "\n" + text[cs:ce], cell[5], ce)

    def _absorb_blanks(self, j: int, cells: list[CellData]) -> int:
        """Blank lines between two rows of a table belong to the row above them."""
        segs = self.segs
        while j < len(segs) and segs[j].kind == "tblank":
            cells[-1] = self._extend(cells[-1], segs[j], continuation=False)
            j += 1
        return j

    def _front_token(self, seg: _Seg, kind: str, chunk: str, span: Span) -> NodeToken:
        if kind == "f_title":
            return self._tok("FRONT_TITLE", chunk, seg, TitleLine(chunk, span))
        if kind == "f_meta":
            m = _META_RE.fullmatch(chunk.strip(_WS + "\r\n"))
            key, value = (m.group("key"), m.group("value").strip()) if m else ("", chunk)
            return self._tok("FRONT_META", chunk, seg, MetaLine(chunk, span, key, value))
        node = Noise(chunk, span, _NOISE_KINDS[kind[2:]])
        return self._tok("FRONT_NOISE", chunk, seg, node)

    def _heading_token(self, seg: _Seg) -> NodeToken:
        text = self.text
        assert seg.num is not None
        style, ordinal = _numbering(seg.num)
        numbering = Numbering(style, ordinal, seg.num.group(0))
        title = text[_lstrip_at(text, seg.num.end(), seg.end) : seg.title_end].strip(_WS)
        chunk = text[seg.start : seg.stop]
        span = self._span(seg.start, seg.stop, seg)
        node = Heading(chunk, span, numbering, title, seg.level, seg.anomaly)
        return self._tok(f"H{seg.level}", chunk, seg, node)

    def _row_cells(self, seg: _Seg, kind: str) -> list[CellData]:
        """The cells of a row on one line: tab-separated, pipes, spaced, or glued."""
        text = self.text
        a, b, stop = seg.start, seg.end, seg.stop
        cells: list[CellData] = []
        if kind == "tsv":
            bounds = [a - 1]
            i = text.find("\t", a, b)
            while i >= 0:
                bounds.append(i)
                i = text.find("\t", i + 1, b)
            bounds.append(b)
            for k in range(len(bounds) - 1):
                own_start = a if k == 0 else bounds[k]
                cstart = a if k == 0 else bounds[k] + 1
                cend = bounds[k + 1]
                own_stop = cend if k < len(bounds) - 2 else stop
                cells.append(self._cell(seg, own_start, cstart, cend, own_stop))
        elif kind in ("pipe", "pipe_rule"):
            pipes = [i for i in range(a, b) if text[i] == "|" and text[i - 1 : i] != "\\"]
            closing = pipes[-1] if len(pipes) > 1 and not text[pipes[-1] + 1 : b].strip(_WS) else -1
            seps = pipes[:-1] if closing >= 0 else pipes
            for k, p in enumerate(seps):
                own_start = a if k == 0 else p
                last = k + 1 == len(seps)
                cend = (closing if closing >= 0 else b) if last else seps[k + 1]
                own_stop = stop if last else seps[k + 1]
                cs, ce = _trim(text, p + 1, cend)
                cells.append(self._cell(seg, own_start, cs, ce, own_stop))
        elif kind == "glued":
            assert seg.cells is not None
            for k, (cs, ce) in enumerate(seg.cells):
                own_start = a if k == 0 else cs
                own_stop = stop if k + 1 == len(seg.cells) else seg.cells[k + 1][0]
                cells.append(self._cell(seg, own_start, cs, ce, own_stop))
        else:  # spaced
            parts: list[tuple[int, int]] = []
            i = _lstrip_at(text, a, b)
            while i < b:
                j = i
                while j < b and text[j] not in _WS:
                    j += 1
                parts.append((i, j))
                i = _lstrip_at(text, j, b)
            for k, (cs, ce) in enumerate(parts):
                own_start = a if k == 0 else parts[k - 1][1]
                own_stop = stop if k + 1 == len(parts) else ce
                cells.append(self._cell(seg, own_start, cs, ce, own_stop))
        return cells

    def _cell(self, seg: _Seg, own_start: int, cstart: int, cend: int, own_stop: int) -> CellData:
        text = self.text
        line = seg.line
        column = own_start - self._line_starts[line - 1] + 1
        return (text[own_start:own_stop], own_start, line, column, text[cstart:cend], cstart, cend)

    def _span(self, start: int, end: int, seg: _Seg) -> Span:
        return Span(start, end, seg.line, start - self._line_starts[seg.line - 1] + 1)

    def _tok(self, typ: str, value: str, seg: _Seg, node: Any, at: int | None = None) -> NodeToken:
        start = seg.start if at is None else at
        tok = NodeToken(typ, value, start, seg.line, start - self._line_starts[seg.line - 1] + 1)
        tok.node = node
        return tok


_ROW_KINDS = frozenset({"cell", "tsv", "pipe", "pipe_rule", "spaced", "line", "glued"})
_BLANK_TOKENS = {"blank": "BLANK", "f_blank": "FRONT_BLANK"}
_ROW_TOKENS = {
    "tsv": "TSV_ROW",
    "pipe": "PIPE_ROW",
    "pipe_rule": "PIPE_RULE",
    "spaced": "SPACED_ROW",
    "glued": "GLUED_ROW",
}
_NOISE_KINDS = {
    "bookmark": NoiseKind.BOOKMARK,
    "page": NoiseKind.PAGE_NUMBER,
    "rule": NoiseKind.RULE,
    "url": NoiseKind.URL,
    "chrome": NoiseKind.CHROME,
}


#: bracketed styles (（一）, (1), ①) mark sub-items; they never stand in for a level whose
#: style is unbracketed (一、, 1、), nor the other way round
_BRACKETED = {
    style: style in (NumberingStyle.CN_PAREN, NumberingStyle.AR_PAREN, NumberingStyle.CIRCLED)
    for style in NumberingStyle
}


def _same_level_style(
    stack: list[tuple[NumberingStyle, int]],
    level_style: dict[int, NumberingStyle],
    level: int,
    style: NumberingStyle,
) -> bool:
    """Whether the open heading at ``level`` continues ``style``'s sequence (a misstyled
    heading stands in for its level's own style)."""
    return stack[level - 1][0] is style or level_style.get(level) is style


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _WS:
        a += 1
    while b > a and text[b - 1] in _WS:
        b -= 1
    return a, b


def _is_spaced_row(stripped: str) -> bool:
    """A line of three or more space-separated short cells, two or more of them values."""
    if len(stripped) > 200 or any(p in stripped for p in _PROSE_PUNCT):
        return False
    parts = stripped.split()
    if len(parts) < 3:
        return False
    parts = [p for q in parts for p in q.split("\u3000") if p]
    if len(parts) < 3 or any(len(p) > 45 for p in parts):
        return False
    return sum(1 for p in parts if _is_value(p)) >= 2


def _prose_free(text: str, a: int, b: int) -> bool:
    """No sentence punctuation outside brackets, but for one final full stop."""
    body = text[a:b]
    if "（" not in body and "(" not in body:
        stop = body.find("。")
        return not any(p in body for p in "，,；;！？") and stop in (-1, len(body) - 1)
    depth = 0
    for i in range(a, b):
        ch = text[i]
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif (depth == 0 and ch in "，,；;！？") or (ch == "。" and i < b - 1 and depth == 0):
            return False
    return True


def _is_header_row(stripped: str) -> bool:
    """Two or more short space-separated words with no sentence punctuation."""
    if len(stripped) > 120 or any(p in stripped for p in _PROSE_PUNCT):
        return False
    parts = [p for q in stripped.split() for p in q.split("\u3000") if p]
    return len(parts) >= 2 and all(len(p) <= 12 for p in parts)


def _many_values(text: str, seg: _Seg) -> bool:
    """A lone space-separated line of five or more values is a table row on its own."""
    parts = text[seg.start : seg.end].split()
    return len(parts) >= 5 and all(_is_value(p) for p in parts)


def tokenize(text: str) -> list[NodeToken]:
    """Cut ``text`` into classified tokens for the layout grammar."""
    lines = _Lines(text)
    lines.segment()
    lines.classify()
    lines.structure()
    return lines.tokens()
