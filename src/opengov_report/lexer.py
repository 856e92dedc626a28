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

import collections
import itertools
import operator
import re
from collections.abc import Iterator
from itertools import accumulate, compress, count, repeat
from typing import Any

from lark import Token
from lark.common import LexerConf
from lark.lexer import Lexer

from ._memo import Memo
from .document import (
    Block,
    CellData,
    Front,
    FrontItem,
    MetaLine,
    Noise,
    NoiseKind,
    Numbering,
    NumberingAnomaly,
    NumberingStyle,
    Row,
    Span,
    Table,
    TableLayout,
    TitleLine,
)
from .document import new_blank as _blank
from .document import new_heading as _heading
from .document import new_paragraph as _paragraph
from .document import new_span as _span
from .document import pending_row as _pending_row
from .numerals import chinese_number

__all__ = ["MAX_DEPTH", "NodeToken", "TokenListLexer", "tokenize"]

#: the kind of a line, by its text, for lines whose kind depends on nothing else and which
#: are one segment (see ``_Lines.segment``): a bounded memo, shared by all texts (and
#: threads: every entry is right for its key, whoever wrote it)
_LINE_KINDS: dict[str, str] = {"": "blank"}
_LINE_KINDS_MAX = 16384
#: the kinds that go into that memo: a segment of any other kind carries more data (a
#: heading's numbering, a glued row's cells) or is part of a line
_MEMO_KINDS = frozenset(
    {"blank", "cell", "tsv", "para", "pipe", "pipe_rule", "spaced", "url", "rule", "chrome"}
)

#: a cell segment longer than this may be an indented paragraph (see _cell_tables)
_LONG_CELL = 51
#: the heading lines (without run-in text) met so far, by their text: the numbering mark,
#: and the ends of the mark and the title as offsets in the line (bounded)
_HEADING_LINES: dict[str, tuple[str, int, int]] = {}
_HEADING_LINES_MAX = 4096
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
_SENTENCE_END_RE = re.compile("[" + _SENTENCE_END + "]")
#: the sentence ends a run-in heading may follow (a whole report on one line)
_RUNIN_END_RE = re.compile("[。！？；：]")
#: possessive (``*+``): a plain ``(?:…)*`` keeps a backtracking mark per digit, ~117 bytes each
_DIGIT_RUN_RE = re.compile(r"[0-9０-９](?:[ \u3000]?[0-9０-９])*+")
_NOT_A_CELL_BEFORE = frozenset("第（(〔[【约近共计达超逾")
#: a digit run followed by one of these is a quantity in prose or a numbering, not a cell
_NOT_A_CELL_AFTER = frozenset(
    "条件个人次篇项家起份年月日号时分秒期届批轮名位元万亿%％.．、)）〕]】:：-/"
)
_PROSE_PUNCT = "。，；！？"
_PROSE_PUNCT_RE = re.compile("[" + _PROSE_PUNCT + "]")
#: what decides whether text is prose: brackets, and sentence punctuation outside them
_PROSE_SCAN_RE = re.compile("[（(）)，,；;！？。]")
_CHROME_PREFIXES = (
    "当前位置", "您当前的位置", "您现在的位置", "首页>", "首页 >", "分享到", "打印本页",
    "关闭窗口", "【打印】", "【关闭】", "字体：", "【字体", "扫一扫", "相关链接",
    "上一篇", "下一篇",
)  # fmt: skip
#: the characters a URL, a rule or a line of site chrome can start with
_NOISE_FIRST = frozenset("hw" + "=＝-_*~#" + "—－" + "".join(p[0] for p in _CHROME_PREFIXES))
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
    """A Lark token that carries the node it stands for (a heading, the title block, or
    None), and the blocks that follow it up to the next heading (``blocks``, in order)."""

    __slots__ = ("blocks", "node")
    node: Any
    blocks: list[Block]


_new_str = str.__new__


class TokenListLexer(Lexer):
    """A Lark lexer that hands the parser a token list made by :func:`tokenize`."""

    def __init__(self, lexer_conf: LexerConf) -> None:
        pass

    def lex(self, lexer_state: Any, parser_state: Any = None) -> Iterator[Token]:
        tokens: list[NodeToken] = lexer_state
        return iter(tokens)


# --------------------------------------------------------------------------- segments


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
_NON_WS_RUN_RE = re.compile("[^" + _WS + "]+")


def _lstrip_at(text: str, start: int, end: int) -> int:
    """The first offset at or after ``start`` (and before ``end``) that is not white space."""
    # the pattern always matches (maybe empty), and never past ``end``
    return _WS_RUN_RE.match(text, start, end).end() if start < end else start  # type: ignore[union-attr]


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


def _numbering_of(mark: str) -> Numbering:
    """The :class:`Numbering` of a numbering mark (the text :data:`_NUMBERING_RE` matched),
    memoised: a report repeats a few dozen marks."""
    return _NUMBERINGS[mark]


def _new_numbering(mark: str) -> Numbering:
    m = _NUMBERING_RE.fullmatch(mark)
    assert m is not None
    style, ordinal = _numbering(m)
    return Numbering(style, ordinal, mark)


#: the numbering of a mark, by its text (one shared object: numberings are frozen)
_NUMBERINGS: Memo[str, Numbering] = Memo(_new_numbering, 4096)


_CN_NUMERALS = ("", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十")
#: words that end the title of a report section (二、主动公开政府信息情况, 六、其他需要报告的事项)
_SECTION_WORDS = ("情况", "事项", "概述", "措施", "方面")


_SECTION_WORD_RE = re.compile("|".join(_SECTION_WORDS))


def _section_word_end(text: str, start: int, limit: int) -> int:
    """End of the first section word (情况, 事项 …) in ``text[start:limit]``, or -1."""
    m = _SECTION_WORD_RE.search(text, start, limit)
    return m.end() if m is not None else -1


def _is_value(s: str) -> bool:
    return _VALUE_RE.fullmatch(s) is not None


class _Lines:
    """The passes over one text.

    The segments are kept in parallel lists indexed by segment number (``starts``,
    ``ends``, ``stops``, ``lines``, ``kinds``), and what only some segments have in dicts
    keyed by that number: a per-segment object costs more to build than the lexer spends on
    most lines (table-heavy reports are mostly one short cell per line).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] = []  # offset of the segment
        self.ends: list[int] = []  # end of content (before the line ending)
        self.stops: list[int] = []  # end including the line ending (== end unless last)
        self.lines: list[int] = []  # 1-based line number
        self.kinds: list[str] = []  # see _kind_of; the passes refine it
        self.row_first: list[bool] = []  # lines layout: the lines that start a table row
        self.num: dict[int, tuple[str, int]] = {}  # headings: numbering mark, its end
        self.title_end: dict[int, int] = {}  # headings: end of the title
        self.level: dict[int, int] = {}  # headings: depth
        self.anomaly: dict[int, NumberingAnomaly | None] = {}  # headings
        self.glued: dict[int, list[tuple[int, int]]] = {}  # glued rows: bounds of each cell
        self._runins: list[int] = []  # segments of run-in text after a heading's title
        self._long_cells: list[int] = []  # cells longer than _LONG_CELL (see _cell_tables)
        self._line_starts: list[int] = []
        self._cand: tuple[re.Match[str], int] | None = None  # last heading candidate
        self._codes: str | None = None  # the kinds as _ROW_CODES letters, for _table

    def _add(self, start: int, end: int, stop: int, line: int, kind: str) -> int:
        self.starts.append(start)
        self.ends.append(end)
        self.stops.append(stop)
        self.lines.append(line)
        self.kinds.append(kind)
        return len(self.kinds) - 1

    # -- pass 1: lines, segments and their kinds ----------------------------------------

    def segment(self) -> None:
        """Cut the text into lines (and long lines into segments), classifying each.

        Most lines of a report are table cells, blank lines and short lines met before (the
        labels and headings of the standard tables): a line whose kind depends on its text
        alone, and which is one segment, is remembered in :data:`_LINE_KINDS` (a bounded
        memo keyed by the line's text, shared by all texts).  When most lines are known,
        the runs of known lines go into the segment lists as slices of the line table,
        computed for all lines at once in C (:meth:`_known_lines`); only the other lines
        are classified one by one.  A text of mostly new lines (the first report parsed,
        cells of new numbers) is taken line by line (:meth:`_new_lines`), which then costs
        less than building the line table first."""
        text = self.text
        bounds: list[tuple[int, int, int]] | None = None
        if "\r" not in text or text.count("\r\n") == text.count("\r") == text.count("\n"):
            # one kind of line ending (\n, or \r\n throughout)
            sep = 2 if "\r" in text else 1
            pieces = text.split("\r\n" if sep == 2 else "\n")
            if pieces and not pieces[-1]:
                pieces.pop()  # the text ends with a line ending
        else:  # mixed line endings
            bounds = _split_lines(text)
            pieces = [text[a:b] for a, b, _ in bounds]
            sep = 0
        few = 0
        for piece in pieces:
            if piece and piece.strip(_WS_TAB):
                few += 1
                if few > 5:
                    break
        # a line longer than this may be a whole report run together
        long_line = _ONE_LINE_MIN if few <= 5 else _LONG_LINE
        known: list[str | None] = list(map(_LINE_KINDS.get, pieces))  # None: not known
        others = list(compress(count(), map(operator.is_, known, repeat(None))))
        # the memo's bound, checked once per text: what this text may add fits in it
        if len(_LINE_KINDS) + len(others) > _LINE_KINDS_MAX:
            _LINE_KINDS.clear()
            _LINE_KINDS[""] = "blank"
        remember = len(others) < _LINE_KINDS_MAX
        if len(others) * 2 > len(pieces):
            self._new_lines(pieces, bounds, sep, known, long_line, remember)
        else:
            self._known_lines(pieces, bounds, sep, known, others, long_line, remember)
        self.row_first = [False] * len(self.kinds)

    def _known_lines(
        self,
        pieces: list[str],
        bounds: list[tuple[int, int, int]] | None,
        sep: int,
        known: list[str | None],
        others: list[int],
        long_line: int,
        remember: bool,
    ) -> None:
        """Add the segments of a text whose lines are mostly known (see :meth:`segment`):
        the line table for all lines in C, slices of it for the runs of known lines."""
        if bounds is None:
            lens = list(map(len, pieces))
            line_starts = list(accumulate(map(operator.add, lens, repeat(sep)), initial=0))
            nexts = line_starts[1:]  # a line's stop: where the next one starts …
            if nexts:
                nexts[-1] = len(self.text)  # … or the end of the text
            del line_starts[-1]
            line_ends = list(map(operator.add, line_starts, lens))
        else:
            line_starts = [a for a, _, _ in bounds]
            line_ends = [b for _, b, _ in bounds]
            nexts = [c for _, _, c in bounds]
        self._line_starts = line_starts
        starts, ends, stops, lines, kinds = (
            self.starts,
            self.ends,
            self.stops,
            self.lines,
            self.kinds,
        )
        done = 0  # the lines before this one are in the segment lists
        for k in [*others, len(pieces)]:
            if k > done:  # a run of known lines: one segment each
                starts += line_starts[done:k]
                ends += line_ends[done:k]
                stops += nexts[done:k]
                lines += range(done + 1, k + 1)
                kinds += known[done:k]  # type: ignore[arg-type]
            done = k + 1
            if k == len(pieces):
                break
            piece = pieces[k]
            start, end = line_starts[k], line_ends[k]
            if "\t" in piece and end - start <= _LONG_CELL and "[bookmark:" not in piece:
                # a tab-led line with no other tab is a cell; other tab lines are rows (the
                # commonest lines not known yet: cells of new numbers; here, not in _line)
                kind = "cell" if piece[0] == "\t" and piece.find("\t", 1) < 0 else "tsv"
                starts.append(start)
                ends.append(end)
                stops.append(nexts[k])
                lines.append(done)
                kinds.append(kind)
                if remember:
                    _LINE_KINDS[piece] = kind
                continue
            self._line(done, start, end, nexts[k], piece, long_line, remember)

    def _new_lines(
        self,
        pieces: list[str],
        bounds: list[tuple[int, int, int]] | None,
        sep: int,
        known: list[str | None],
        long_line: int,
        remember: bool,
    ) -> None:
        """Add the segments of a text whose lines are mostly new (see :meth:`segment`), line
        by line; tab lines (cells of new numbers, mostly) are classified here, the others by
        :meth:`_line`."""
        n = len(self.text)
        starts, ends, stops, lines, kinds = (
            self.starts,
            self.ends,
            self.stops,
            self.lines,
            self.kinds,
        )
        line_starts = self._line_starts = []
        pos = 0
        for lineno, piece in enumerate(pieces, 1):
            if bounds is None:
                start = pos
                end = pos + len(piece)
                stop = pos = end + sep if end < n else end
            else:
                start, end, stop = bounds[lineno - 1]
            line_starts.append(start)
            kind = known[lineno - 1]
            if kind is None:
                if "\t" in piece and len(piece) <= _ONE_LINE_MIN and "[bookmark:" not in piece:
                    # a tab-led line with no other tab is a cell; other tab lines are rows
                    kind = "cell" if piece[0] == "\t" and piece.find("\t", 1) < 0 else "tsv"
                    if kind == "cell" and len(piece) > _LONG_CELL:
                        self._long_cells.append(len(kinds))  # not remembered
                    elif remember:
                        _LINE_KINDS[piece] = kind
                else:
                    self._line(lineno, start, end, stop, piece, long_line, remember)
                    continue
            starts.append(start)
            ends.append(end)
            stops.append(stop)
            lines.append(lineno)
            kinds.append(kind)

    def _line(
        self,
        lineno: int,
        start: int,
        end: int,
        stop: int,
        piece: str,
        long_line: int,
        remember: bool,
    ) -> None:
        """Classify line ``lineno`` (``piece``, without its line ending) and add its
        segments; remember its kind when it depends on its text alone (see ``segment``)."""
        text = self.text
        kinds = self.kinds
        heading = _HEADING_LINES.get(piece)
        if heading is not None:  # a heading line seen before (no run-in text)
            mark, mark_end, title_end = heading
            i = self._add(start, end, stop, lineno, "heading")
            self.num[i] = (mark, start + mark_end)
            self.title_end[i] = start + title_end
            return
        if end - start <= long_line and "[bookmark:" not in piece:
            if "\t" in piece:
                # a tab-led line with no other tab is a cell; other tab lines are rows
                kind = "cell" if piece[0] == "\t" and piece.find("\t", 1) < 0 else "tsv"
                i = self._add(start, end, stop, lineno, kind)
                if kind == "cell" and end - start > _LONG_CELL:
                    self._long_cells.append(i)
                    return  # not remembered
            else:
                self._classify(start, end, stop, lineno, piece)
            # a line that is one segment, of a kind that depends on its text alone, is
            # known from now on (the kind of a line longer than _ONE_LINE_MIN depends on
            # how many lines the text has)
            if self.starts[-1] == start and end - start <= _ONE_LINE_MIN and remember:
                kind = kinds[-1]
                if kind in _MEMO_KINDS:  # (the bound: see segment)
                    _LINE_KINDS[piece] = kind
                elif kind == "heading":  # its numbering mark and title, as offsets
                    i = len(kinds) - 1
                    mark, mark_end = self.num[i]
                    if len(_HEADING_LINES) >= _HEADING_LINES_MAX:
                        _HEADING_LINES.clear()
                    _HEADING_LINES[piece] = (mark, mark_end - start, self.title_end[i] - start)
            return
        at = start
        # bookmarks glued to the start of a line
        while "[bookmark:" in piece:
            m = _BOOKMARK_RE.match(text, _lstrip_at(text, at, end), end)
            if m is None:
                break
            self._add(at, m.end(), m.end(), lineno, "bookmark")
            at = m.end()
        if end - at > long_line:
            cuts = self._runin_cuts(at, end)
            for k, (a, b) in enumerate(cuts):
                self._classify(a, b, stop if k + 1 == len(cuts) else b, lineno, text[a:b])
            return
        self._classify(at, end, stop, lineno, text[at:end])

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
            # the next sentence end: one search for them all (a find per mark scanned to the
            # line's end for each mark the rest of the line lacks: quadratic on one-line texts)
            found = _RUNIN_END_RE.search(text, pos, end)
            nxt = found.start() if found is not None else -1
            # an unpunctuated section heading (…1012三、收到和处理…情况…)
            want = expected.get(NumberingStyle.CN_COMMA, 1)
            if want is not None:
                mark = _CN_NUMERALS[want] + "、" if want < len(_CN_NUMERALS) else ""
                lim = nxt if nxt >= 0 else end
                i = text.find(mark, pos, lim) if mark else -1
                # the same mark may number a table row first (四、结转下年度继续办理)
                while i >= 0 and not (
                    i > pos and _section_word_end(text, i + len(mark), min(end, i + 30)) > 0
                ):
                    i = text.find(mark, i + len(mark), lim)
                if i >= 0:
                    cuts.append(i)
                    # the title ends at its section word: what follows (a table's head and
                    # values, run together) is not part of the heading
                    cuts.append(_section_word_end(text, i + len(mark), min(end, i + 30)))
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
                        # a title that ends at its section word ends the heading there
                        cuts.append(_section_word_end(text, m.end(), min(end, m.end() + 30)))
                        expected[style] = ordinal + 1
                        expected.pop(NumberingStyle.CN_PAREN, None)
                elif style is NumberingStyle.CN_PAREN and ordinal == expected.get(style, 1):
                    cuts.append(at)
                    expected[style] = ordinal + 1
            pos = nxt + 1
        bounds = [start, *sorted({c for c in cuts if start < c < end}), end]
        return [(a, b) for a, b in itertools.pairwise(bounds) if b > a] or [(start, end)]

    def _classify(self, a: int, b: int, stop: int, line: int, body: str) -> None:
        """Classify the segment ``text[a:b]`` and add it, or the segments it splits into: a
        heading and its run-in text, or the rows of a glued table."""
        kind = self._kind_of(a, b, body)
        if kind == "para":
            if not self._add_glued(a, b, stop, line):
                self._add(a, b, stop, line, "para")
            return
        if kind != "heading":
            i = self._add(a, b, stop, line, kind)
            if kind == "cell" and b - a > _LONG_CELL:
                self._long_cells.append(i)
            return
        assert self._cand is not None
        m, title_end = self._cand
        split = title_end < b
        i = self._add(a, title_end if split else b, title_end if split else stop, line, kind)
        self.num[i] = (m.group(), m.end())
        self.title_end[i] = title_end
        if split:
            # the run-in text after a heading's title is a segment of its own: a
            # paragraph, or a table whose cells ran together
            rest = self._kind_of(title_end, b, self.text[title_end:b])
            if rest != "para" or not self._add_glued(title_end, b, stop, line):
                self._runins.append(self._add(title_end, b, stop, line, "runin"))

    def _kind_of(self, a: int, b: int, body: str) -> str:
        """The kind of the segment ``body == text[a:b]`` taken alone.  For a heading, its
        numbering match and title end are left in ``self._cand``."""
        if "\t" in body:
            return "cell" if body.startswith("\t") and body.count("\t") == 1 else "tsv"
        stripped = body.strip(_WS)
        if not stripped:
            return "blank"
        if stripped[0] == "|" and stripped.count("|") >= 2:
            return "pipe_rule" if _PIPE_RULE_RE.fullmatch(stripped) else "pipe"
        if stripped[0] in _NOISE_FIRST:  # a URL, a rule or site chrome starts with one
            if _URL_RE.fullmatch(stripped):
                return "url"
            if _RULE_RE.fullmatch(stripped):
                return "rule"
            if stripped.startswith(_CHROME_PREFIXES):
                return "chrome"
        if _is_spaced_row(stripped):
            return "spaced"
        # the numbering starts where the line's leading white space ends
        m = _NUMBERING_RE.match(self.text, b - len(body.lstrip(_WS)), b)
        if m is None or not self._heading_candidate(b, m):
            return "para"
        return "heading"

    def _add_glued(self, a: int, b: int, stop: int, line: int) -> bool:
        """Split text whose table cells ran together into rows: a label, then its digits.

        ``…规章000行政规范性文件1012…`` — a run of digits directly after a label, not
        followed by a unit (条, 件, 年 …) nor by a numbering mark (``1.属于``), ends a row.
        Only text without sentence punctuation outside brackets qualifies (prose quotes
        quantities with units and commas); two or more rows make a glued table.  The digits
        stay one cell, for recognition to split by the table's identities.  Adds the rows
        and returns True, or adds nothing and returns False.
        """
        text = self.text
        if b - a < 8 or not _prose_free(text, a, b):
            return False
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
            head_row = _head_row(text, a, b)  # a one-row table: its head, then its digits
            if head_row is None:
                return False
            pairs = [head_row]
        assert pairs[0][0] == a
        rows: list[tuple[int, int, list[tuple[int, int]]]] = []
        for k, (ls, ds, de) in enumerate(pairs):
            end = pairs[k + 1][0] if k + 1 < len(pairs) else de
            rows.append((ls, end, [(ls, ds), (ds, de)]))
        if pairs[-1][2] < b:
            tail = pairs[-1][2]
            rows.append((tail, b, [(tail, b)]))
        for k, (ls, end, cells) in enumerate(rows):
            i = self._add(ls, end, stop if k + 1 == len(rows) else end, line, "glued")
            self.glued[i] = cells
        return True

    def _heading_candidate(self, end: int, m: re.Match[str]) -> bool:
        text = self.text
        title_start = _lstrip_at(text, m.end(), end)
        if title_start >= end:
            return False  # a bare number
        limit = min(end, title_start + _HEADING_TITLE_MAX)
        found = _SENTENCE_END_RE.search(text, title_start, limit)
        stop = found.end() if found else -1
        word_end = _section_word_end(text, title_start, stop if stop > 0 else limit)
        if (
            word_end > 0
            and text[word_end : word_end + 1] not in _SENTENCE_END
            and (end - word_end >= _RUNIN_MIN or text[end - 1] in _SENTENCE_END)
        ):
            stop = word_end  # 二、主动公开政府信息情况第二十条…: the title ends at 情况
        if stop < 0:
            if end - title_start > _HEADING_TITLE_MAX:
                stop = _section_word_end(text, title_start, limit)
                if stop < 0:
                    return False
            else:
                stop = end
        self._cand = (m, stop)
        return True

    # -- pass 2: title block, tables, headings -----------------------------------------

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
        kinds = self.kinds
        titles = 0
        for i, kind in enumerate(kinds):
            if kind == "blank":
                kinds[i] = "f_blank"
                continue
            if kind in ("url", "rule", "chrome", "bookmark"):
                kinds[i] = "f_" + kind
                continue
            if kind not in ("para", "spaced"):
                return
            content = text[self.starts[i] : self.ends[i]].strip(_WS)
            m = _META_RE.fullmatch(content)
            if m is not None and m.group("key") in _META_KEYS:
                kinds[i] = "f_meta"
                continue
            if (
                titles < 4
                and len(content) <= _TITLE_MAX
                and content[-1] not in "。，；：:,;"
                and not _is_value(content)
            ):
                kinds[i] = "f_title"
                titles += 1
                continue
            return

    def _cell_tables(self) -> None:
        """Tab lines, pipe lines and continuation lines; blanks between them.

        Each step visits only the segments it may change, found by C-level filters over the
        kinds (most segments of a table-heavy report are cells that no step changes)."""
        text = self.text
        kinds, starts, ends = self.kinds, self.starts, self.ends
        n = len(kinds)
        # a tab-led line of prose with no table line near it is an indented paragraph
        # (only a line longer than 51 characters can hold 51 after its tab: the lexer
        # noted such cells as it met them, in order; no line whose kind it remembers)
        for i in self._long_cells:
            if kinds[i] == "cell":
                content = text[starts[i] + 1 : ends[i]].strip(_WS)
                if (
                    len(content) > 50
                    and any(p in content for p in "。，")
                    and not (self._near(i, -1) or self._near(i, 1))
                ):
                    kinds[i] = "para"
        # continuation lines: short text directly under a cell line (or under another
        # continuation line: the candidates are visited in order, so chains follow)
        for i in _where(kinds, _CONT_CANDIDATES):
            if i > 0 and kinds[i - 1] in ("cell", "cont"):
                kind = kinds[i]
                content = text[starts[i] : ends[i]].strip(_WS)
                if len(content) <= 40 and not (kind == "heading" and not self._table_follows(i)):
                    kinds[i] = "cont"
        # blank lines between two table lines belong to the table
        self._mark_table_blanks(_CELL_TABLE_KINDS, n)

    def _mark_table_blanks(self, table_kinds: frozenset[str], n: int) -> None:
        """Each run of blank lines with a table line on both sides becomes table blanks."""
        kinds = self.kinds
        blanks = _where(kinds, _JUST_BLANK)
        k = 0
        while k < len(blanks):
            first = last = blanks[k]
            k += 1
            while k < len(blanks) and blanks[k] == last + 1:
                last = blanks[k]
                k += 1
            if (
                first > 0
                and last + 1 < n
                and kinds[first - 1] in table_kinds
                and kinds[last + 1] in table_kinds
            ):
                for j in range(first, last + 1):
                    kinds[j] = "tblank"

    def _near(self, i: int, step: int) -> bool:
        kinds = self.kinds
        j = i + step
        while 0 <= j < len(kinds) and kinds[j] in ("blank", "f_blank"):
            j += step
        return 0 <= j < len(kinds) and kinds[j] in ("cell", "tsv", "cont")

    def _table_follows(self, i: int) -> bool:
        j = i + 1
        return j < len(self.kinds) and self.kinds[j] in ("cell", "tsv")

    def _spaced_tables(self) -> None:
        """Rows of space-separated cells: only runs of two or more make a table."""
        text = self.text
        kinds = self.kinds
        i = 0
        n = len(kinds)
        while i < n:
            try:
                i = kinds.index("spaced", i)
            except ValueError:
                return
            j = i
            members = [i]
            k = i + 1
            while k < n and kinds[k] in ("spaced", "blank"):
                if kinds[k] == "spaced":
                    members.append(k)
                    j = k
                k += 1
            if len(members) < 2 and not _many_values(text[self.starts[i] : self.ends[i]]):
                kinds[i] = "para"
            else:
                h = i - 1
                while h >= 0 and kinds[h] == "blank":
                    h -= 1
                if (
                    h >= 0
                    and kinds[h] == "para"
                    and _is_header_row(text[self.starts[h] : self.ends[h]].strip(_WS))
                ):
                    kinds[h] = "spaced"
                    i = h
                for m in range(i, j + 1):
                    if kinds[m] == "blank":
                        kinds[m] = "tblank"
            i = j + 1

    def _line_tables(self) -> None:
        """One cell per line without tabs: runs of short lines holding several values."""
        text = self.text
        kinds, starts, ends = self.kinds, self.starts, self.ends
        short: list[int] = []
        for i in _where(kinds, _PARA_HEADING):
            if ends[i] - starts[i] <= 90:
                content = text[starts[i] : ends[i]].strip(_WS)
                if len(content) <= 45 and "。" not in content and "；" not in content:
                    short.append(i)
        # a run: short lines with nothing but blank lines between them
        run: list[int] = []
        for i in short:
            if run and kinds[run[-1] + 1 : i].count("blank") != i - run[-1] - 1:
                self._make_line_table(run)
                run = []
            run.append(i)
        if run:
            self._make_line_table(run)

    def _make_line_table(self, run: list[int]) -> None:
        if len(run) < 6:
            return
        text = self.text
        kinds, starts, ends = self.kinds, self.starts, self.ends
        values = [
            kinds[r] == "para" and _is_value(text[starts[r] : ends[r]].strip(_WS)) for r in run
        ]
        if sum(values) < 3 or len(run) - sum(values) < 2:
            return
        # a numbered line is a row label when values follow it directly, or when it follows a
        # value and another numbered label follows it (三、本年度办理结果 → （一）予以公开 → 0);
        # else it stays a heading and splits the run
        label = [False] * len(run)
        for idx in range(len(run) - 1, -1, -1):
            if kinds[run[idx]] != "heading":
                continue
            nxt = idx + 1
            after_value = idx > 0 and values[idx - 1]
            if nxt < len(run) and (values[nxt] or (label[nxt] and after_value)):
                label[idx] = True
        pieces: list[list[int]] = [[]]
        for idx, r in enumerate(run):
            if kinds[r] == "heading" and not label[idx]:
                pieces.append([])
            else:
                pieces[-1].append(idx)
        row_first = self.row_first
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
                kinds[run[p]] = "line"
                row_first[run[p]] = not values[p] or p == piece[0]
            pending: list[int] = []
            for m in range(members[0], members[-1] + 1):
                if kinds[m] == "blank":
                    pending.append(m)
                elif kinds[m] == "line":
                    # blanks before a row's next value belong to the row, else to the table
                    inner = "lblank" if not row_first[m] else "tblank"
                    for b in pending:
                        kinds[b] = inner
                    pending = []

    def _page_numbers(self) -> None:
        """A lone page number among the last lines, or between two prose lines."""
        text = self.text
        kinds, starts, ends = self.kinds, self.starts, self.ends
        n = len(kinds)
        tail: set[int] = set()
        i = n - 1
        while i >= 0 and len(tail) < 3:
            if kinds[i] not in _BLANK_KINDS:
                tail.add(i)
            i -= 1
        for i in _where(kinds, _JUST_PARA):
            if ends[i] - starts[i] > 24:
                continue
            if not _PAGE_RE.fullmatch(text[starts[i] : ends[i]].strip(_WS)):
                continue
            p = i - 1
            while p >= 0 and kinds[p] in _BLANK_KINDS:
                p -= 1
            q = i + 1
            while q < n and kinds[q] in _BLANK_KINDS:
                q += 1
            prev_kind = kinds[p] if p >= 0 else ""
            next_kind = kinds[q] if q < n else ""
            if i in tail or (prev_kind in ("para", "heading") and next_kind in ("para", "heading")):
                kinds[i] = "page"

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
        kinds = self.kinds
        segs = _where(kinds, _JUST_HEADING)
        numberings = [_numbering_of(self.num[i][0]) for i in segs]
        parsed = [(numbering.style, numbering.ordinal) for numbering in numberings]
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
                    kinds[seg] = "para"  # a list restarting inside deeper text
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
                kinds[seg] = "para"
                continue
            if anomaly is not NumberingAnomaly.MISSTYLED:
                style_level.setdefault(style, place)
                level_style.setdefault(place, style)
            del stack[place - 1 :]
            stack.append((style, n))
            self.level[seg] = place
            self.anomaly[seg] = anomaly

    def _rejoin_demoted(self) -> None:
        """A numbered line demoted to a paragraph takes its run-in text back.

        Run-in text always directly follows its heading's segment; the segment it joins is
        extended, and the run-in segment is marked ``_merged`` (no token of its own)."""
        kinds, ends, stops = self.kinds, self.ends, self.stops
        for i in self._runins:
            if kinds[i - 1] == "heading":
                continue
            if kinds[i - 1] == "para" and ends[i - 1] == self.starts[i]:
                ends[i - 1], stops[i - 1] = ends[i], stops[i]
                kinds[i] = "_merged"
            else:
                kinds[i] = "para"

    # -- tokens ------------------------------------------------------------------------

    def tokens(self) -> list[NodeToken]:
        """The tokens for the grammar: the title block as one ``FRONT`` token, one token per
        heading (``H1`` … ``H8``), and one ``BLOCKS`` token for what precedes the first
        heading.

        Everything that is not a heading — paragraphs, run-in text, tables, blank lines,
        noise — belongs to the section (or document) that holds the token before it,
        whatever follows: the grammar's reductions never depend on it.  So it rides on that
        token (``token.blocks``) instead of being a token of its own: the parser's cost is per
        token, and the grammar's work is the nesting of the sections by depth."""
        text = self.text
        kinds, starts, stops, lines = self.kinds, self.starts, self.stops, self.lines
        line_starts = self._line_starts
        out: list[NodeToken] = []
        front: list[FrontItem] = []
        blocks: list[Block] | None = None  # where the next block goes (None: no token yet)
        node: Block
        i, n = 0, len(kinds)
        while i < n:
            kind = kinds[i]
            first = i
            if kind in _ROW_KINDS:
                node, i = self._table(i)
            elif kind == "heading":
                tok = self._heading_token(i)
                out.append(tok)
                blocks = tok.blocks
                i += 1
                continue
            elif kind in _BLANK_RUNS:  # a run of blank lines: one node
                j = i + 1
                while j < n and kinds[j] == kind:
                    j += 1
                start, stop, line = starts[i], stops[j - 1], lines[i]
                span = _span(start, stop, line, start - line_starts[line - 1] + 1)
                node = _blank(text[start:stop], span)
                i = j
                if kind == "f_blank":
                    front.append(node)
                    continue
            elif kind == "_merged":  # joined to the paragraph before it
                i += 1
                continue
            else:
                start, stop, line = starts[i], stops[i], lines[i]
                span = _span(start, stop, line, start - line_starts[line - 1] + 1)
                chunk = text[start:stop]
                i += 1
                if kind in _NOISE_KINDS:
                    node = Noise(chunk, span, _NOISE_KINDS[kind])
                elif kind.startswith("f_"):  # the title block (a prefix of the segments)
                    front.append(_front_node(kind, chunk, span))
                    continue
                else:  # para, runin
                    node = _paragraph(chunk, span)
            if blocks is None:  # the first block of the body, before any heading
                tok = self._tok("BLOCKS", first, None)
                out.append(tok)
                blocks = tok.blocks
            blocks.append(node)
        if front:
            out.insert(0, self._tok("FRONT", 0, Front(tuple(front))))
        # the rows keep this object until their cells are read (see row_parts): drop what
        # only the passes and the tokens needed (the headings' data: one regex match each)
        self.num, self.title_end, self.level, self.anomaly = {}, {}, {}, {}
        self.row_first, self._runins, self._cand = [], [], None
        return out

    def _table(self, i: int) -> tuple[Table, int]:
        """The table that starts at segment ``i``: its rows, up to the first segment that is
        not a table line.  Returns it and the segment after it.

        The grammar places tables among the blocks of a section; what is inside a table (its
        rows and cells, and the blank lines between rows) the lexer has already decided.
        A row's extent is found here; its cells are built by :meth:`row_parts` when first
        read (see ``Row.parts``)."""
        kinds = self.kinds
        if self._codes is None:
            self._codes = "".join(map(_ROW_CODES.__getitem__, kinds))
        codes = self._codes
        rows: list[Row] = []
        seen: set[str] = set()  # the kinds of the rows' first segments
        n = len(kinds)
        while i < n:
            kind = kinds[i]
            if kind == "line":
                i = self._line_row(i, rows)
            elif kind in _ROW_KINDS:
                # the row's segments: its line (a cell, more cells and wrapped cells' lines
                # for the cells layout), then the blank lines after it
                end = _ROW_RE.match(codes, i).end()  # type: ignore[union-attr]
                rows.append(_pending_row(self, i, end, kind == "pipe_rule"))
                i = end
            else:
                break
            seen.add(kind)
        layouts = {_ROW_LAYOUTS[k] for k in seen}
        layout = layouts.pop() if len(layouts) == 1 else TableLayout.MIXED
        return Table(tuple(rows), layout), i

    def row_parts(self, first: int, end: int) -> tuple[CellData, ...]:
        """The cells of the row of segments ``first`` to ``end`` (any layout but lines)."""
        kind = self.kinds[first]
        if kind == "cell":
            return self._cell_row(first)
        cells = self._row_cells(first, kind)
        if end > first + 1:  # blank lines between two rows belong to the row above
            last = cells[-1]
            cells[-1] = (self.text[last[1] : self.stops[end - 1]], *last[1:])
        return tuple(cells)

    def row_text(self, first: int, end: int) -> str:
        """The text of the row of segments ``first`` to ``end``: its cells tile it."""
        return self.text[self.starts[first] : self.stops[end - 1]]

    def row_span(self, first: int, end: int) -> Span:
        """Where the row of segments ``first`` to ``end`` is (its first cell's position)."""
        start, line = self.starts[first], self.lines[first]
        column = start - self._line_starts[line - 1] + 1
        return _span(start, self.stops[end - 1], line, column)

    def _cell_row(self, i: int) -> tuple[CellData, ...]:
        """The cells of a row of the cells layout: tab-led cells, one per line, each with
        the continuation lines of a wrapped cell; the row ends at the first other line.

        The blank lines after the row (up to the next row) belong to its last cell.  A
        cell's text runs from its start to the end of its last line, so it is cut once when
        the cell is complete."""
        text = self.text
        kinds, starts, ends, stops, lines = (
            self.kinds,
            self.starts,
            self.ends,
            self.stops,
            self.lines,
        )
        line_starts = self._line_starts
        cells: list[CellData] = []
        n = len(kinds)
        j = i
        while True:
            a, ce, stop, line = starts[j], ends[j], stops[j], lines[j]
            content = text[a + 1 : ce]
            j += 1
            while j < n and kinds[j] == "cont":  # a wrapped cell's next line
                stop = stops[j]
                ts, ce = _trim(text, starts[j], ends[j])
                content = content + "\n" + text[ts:ce]
                j += 1
            if j < n and kinds[j] == "cell":
                column = a - line_starts[line - 1] + 1
                cells.append((text[a:stop], a, line, column, content, a + 1, ce))
                continue
            while j < n and kinds[j] == "tblank":
                stop = stops[j]
                j += 1
            column = a - line_starts[line - 1] + 1
            cells.append((text[a:stop], a, line, column, content, a + 1, ce))
            return tuple(cells)

    def _line_row(self, i: int, rows: list[Row]) -> int:
        """A row of the lines layout: a tabless label line, its value lines and the blank
        lines between them, up to the next line marked as a row start.

        The blank lines after the row (up to the next row) belong to its last cell."""
        text = self.text
        kinds, starts, ends, stops, lines = (
            self.kinds,
            self.starts,
            self.ends,
            self.stops,
            self.lines,
        )
        row_first = self.row_first
        line_starts = self._line_starts
        cells: list[CellData] = []
        # the open cell: start, line, column, content, content start, content end, stop
        a = line = column = cs = ce = stop = -1
        content = ""
        j = i
        n = len(kinds)
        while j < n:
            kind = kinds[j]
            if kind == "line" and (j == i or not row_first[j]):
                if a >= 0:
                    cells.append((text[a:stop], a, line, column, content, cs, ce))
                a, stop, line = starts[j], stops[j], lines[j]
                column = a - line_starts[line - 1] + 1
                cs, ce = _trim(text, a, ends[j])
                content = text[cs:ce]
            elif kind == "lblank" and a >= 0:
                stop = stops[j]
            else:
                break
            j += 1
        while j < n and kinds[j] == "tblank":
            stop = stops[j]
            j += 1
        cells.append((text[a:stop], a, line, column, content, cs, ce))
        rows.append(Row(tuple(cells)))
        return j

    def _heading_token(self, i: int) -> NodeToken:
        text = self.text
        mark, mark_end = self.num[i]
        start, stop, line = self.starts[i], self.stops[i], self.lines[i]
        title = text[mark_end : self.title_end[i]].strip(_WS)
        chunk = text[start:stop]
        span = _span(start, stop, line, start - self._line_starts[line - 1] + 1)
        level = self.level[i]
        node = _heading(chunk, span, _numbering_of(mark), title, level, self.anomaly[i])
        return self._tok(_HEADING_TOKENS[level], i, node)

    def _row_cells(self, i: int, kind: str) -> list[CellData]:
        """The cells of a row on one line: tab-separated, pipes, spaced, or glued.

        The row is on one line, so every cell's column is its offset from that line's start;
        cells are built as tuples in place (a helper call per cell cost as much as the cell)."""
        text = self.text
        a, b, stop, line = self.starts[i], self.ends[i], self.stops[i], self.lines[i]
        col0 = self._line_starts[line - 1] - 1  # a cell at offset o is in column o - col0
        cells: list[CellData] = []
        append = cells.append
        if kind == "tsv":
            # cell k owns its leading tab (the first owns the row's start), the last the stop
            own_start = cstart = a
            t = text.find("\t", a, b)
            while t >= 0:
                append(
                    (
                        text[own_start:t],
                        own_start,
                        line,
                        own_start - col0,
                        text[cstart:t],
                        cstart,
                        t,
                    )
                )
                own_start, cstart = t, t + 1
                t = text.find("\t", cstart, b)
            append(
                (text[own_start:stop], own_start, line, own_start - col0, text[cstart:b], cstart, b)
            )
        elif kind in ("pipe", "pipe_rule"):
            # the pipes that separate cells (not escaped as ``\|``), found by str.find
            pipes: list[int] = []
            p = text.find("|", a, b)
            while p >= 0:
                if p == 0 or text[p - 1] != "\\":
                    pipes.append(p)
                p = text.find("|", p + 1, b)
            closing = pipes[-1] if len(pipes) > 1 and not text[pipes[-1] + 1 : b].strip(_WS) else -1
            if closing >= 0:
                pipes[-1] = closing  # the last cell's content ends there; its text at stop
            else:
                pipes.append(b)
            own_start = a
            last_k = len(pipes) - 2
            for k in range(last_k + 1):
                cend = pipes[k + 1]
                own_stop = cend if k < last_k else stop
                # the content, trimmed of white space (as _trim, inline: one call per cell)
                cs = pipes[k] + 1
                while cs < cend and text[cs] in _WS:
                    cs += 1
                ce = cend
                while ce > cs and text[ce - 1] in _WS:
                    ce -= 1
                append(
                    (
                        text[own_start:own_stop],
                        own_start,
                        line,
                        own_start - col0,
                        text[cs:ce],
                        cs,
                        ce,
                    )
                )
                own_start = own_stop
        elif kind == "glued":
            bounds_ = self.glued[i]
            last_k = len(bounds_) - 1
            own_start = a
            for k, (cs, ce) in enumerate(bounds_):
                own_stop = stop if k == last_k else bounds_[k + 1][0]
                append(
                    (
                        text[own_start:own_stop],
                        own_start,
                        line,
                        own_start - col0,
                        text[cs:ce],
                        cs,
                        ce,
                    )
                )
                own_start = own_stop
        else:  # spaced: runs of characters other than white space
            own_start = a
            cs = _lstrip_at(text, a, b)
            while cs < b:
                m = _NON_WS_RUN_RE.match(text, cs, b)
                ce = m.end()  # type: ignore[union-attr]
                nxt = _lstrip_at(text, ce, b)
                own_stop = stop if nxt >= b else ce
                append(
                    (
                        text[own_start:own_stop],
                        own_start,
                        line,
                        own_start - col0,
                        text[cs:ce],
                        cs,
                        ce,
                    )
                )
                own_start, cs = own_stop, nxt
        return cells

    def _tok(self, typ: str, i: int, node: Any) -> NodeToken:
        """A token at the start of segment ``i`` carrying ``node``.

        Built directly (the fields Lark's own constructor sets, without its detour through
        keyword handling and a classmethod): the lexer makes one per line or table.  Its
        string value is empty: the node holds the text, and the parser reads only the type."""
        start, line = self.starts[i], self.lines[i]
        tok: NodeToken = _new_str(NodeToken, "")
        tok.type = typ
        tok.value = ""
        tok.start_pos = start
        tok.line = line
        tok.column = start - self._line_starts[line - 1] + 1
        tok.end_line = tok.end_column = tok.end_pos = None
        tok.node = node
        tok.blocks = []
        return tok


def _front_node(kind: str, chunk: str, span: Span) -> FrontItem:
    """A node of the title block (segment kind ``f_…``)."""
    if kind == "f_title":
        return TitleLine(chunk, span)
    if kind == "f_meta":
        m = _META_RE.fullmatch(chunk.strip(_WS + "\r\n"))
        key, value = (m.group("key"), m.group("value").strip()) if m else ("", chunk)
        return MetaLine(chunk, span, key, value)
    return Noise(chunk, span, _NOISE_KINDS[kind[2:]])


#: one letter per segment kind for finding a row's extent with :data:`_ROW_RE`, in C
_ROW_CODES: collections.defaultdict[str, str] = collections.defaultdict(
    lambda: ".", {"cell": "c", "cont": "n", "tblank": "t"}
)
#: a table row: a cell with more cells and wrapped cells' lines (the cells layout) or one
#: line of another layout, then the blank lines after it
_ROW_RE = re.compile("(?:c[cn]*|.)t*")
_ROW_KINDS = frozenset({"cell", "tsv", "pipe", "pipe_rule", "spaced", "line", "glued"})
_BLANK_RUNS = ("blank", "f_blank")
_HEADING_TOKENS = tuple(f"H{d}" for d in range(MAX_DEPTH + 1))  # by depth (from 1)
#: the kinds of line that make a table of the cells, tab-separated or pipe layouts
_CELL_TABLE_KINDS = frozenset({"cell", "cont", "tsv", "pipe", "pipe_rule"})
_CONT_CANDIDATES = ("para", "spaced", "heading")
_PARA_HEADING = ("para", "heading")
_JUST_BLANK = ("blank",)
_JUST_PARA = ("para",)
_JUST_HEADING = ("heading",)
#: blank lines, as the page-number check skips them
_BLANK_KINDS = frozenset({"blank", "tblank", "f_blank"})
#: the layout of a table's rows, by the kind of their first segment
_ROW_LAYOUTS = {
    "cell": TableLayout.CELLS,
    "line": TableLayout.LINES,
    "tsv": TableLayout.TSV,
    "pipe": TableLayout.PIPE,
    "pipe_rule": TableLayout.PIPE,
    "spaced": TableLayout.SPACED,
    "glued": TableLayout.GLUED,
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


def _where(kinds: list[str], wanted: tuple[str, ...]) -> list[int]:
    """The indices of the segments whose kind is in ``wanted``, in order.

    ``list.index`` scans in C, so the cost in Python is per match, not per segment.  Each
    scan ends at a sentinel appended to the list for its duration (an exception to end it
    cost more than a short list's scan)."""
    out: list[int] = []
    n = len(kinds)
    for kind in wanted:
        kinds.append(kind)
        try:
            i = kinds.index(kind)
            while i < n:
                out.append(i)
                i = kinds.index(kind, i + 1)
        finally:
            kinds.pop()
    if len(wanted) > 1:
        out.sort()
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _WS:
        a += 1
    while b > a and text[b - 1] in _WS:
        b -= 1
    return a, b


def _is_spaced_row(stripped: str) -> bool:
    """A line of three or more space-separated short cells, two or more of them values."""
    if len(stripped) > 200 or _PROSE_PUNCT_RE.search(stripped):
        return False
    parts = stripped.split()
    if len(parts) < 3:
        return False
    parts = [p for q in parts for p in q.split("\u3000") if p]
    if len(parts) < 3 or any(len(p) > 45 for p in parts):
        return False
    return sum(1 for p in parts if _is_value(p)) >= 2


#: words of a table head that make one label-and-digits run a table on its own (table 四 has a
#: single data row, right after its head: …尚未审结总计…复议后起诉…总计210031000000000)
_TABLE_HEAD_WORDS = ("结果维持", "尚未审结")


def _head_row(text: str, a: int, b: int) -> tuple[int, int, int] | None:
    """``text[a:b]`` as a one-row table: a head holding :data:`_TABLE_HEAD_WORDS`, then one
    run of digits that ends the text (a full stop may follow): ``(a, digits start, digits
    end)``, else None."""
    end = b
    while end > a and text[end - 1] in _WS + "。":
        end -= 1
    last = None
    for m in _DIGIT_RUN_RE.finditer(text, a, end):
        last = m
    if last is None or last.end() != end:
        return None
    if not all(w in text[a : last.start()] for w in _TABLE_HEAD_WORDS):
        return None
    return a, last.start(), last.end()


def _prose_free(text: str, a: int, b: int) -> bool:
    """No sentence punctuation outside brackets, but for one final full stop."""
    first = _PROSE_SCAN_RE.search(text, a, b)
    if first is None:
        return True
    if first.group() not in "（(）)":  # prose: a comma or full stop outside brackets
        return first.group() == "。" and first.start() == b - 1
    depth = 0
    for m in _PROSE_SCAN_RE.finditer(text, first.start(), b):
        ch = m.group()
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch != "。" or m.start() < b - 1):
            return False
    return True


def _is_header_row(stripped: str) -> bool:
    """Two or more short space-separated words with no sentence punctuation."""
    if len(stripped) > 120 or _PROSE_PUNCT_RE.search(stripped):
        return False
    parts = [p for q in stripped.split() for p in q.split("\u3000") if p]
    return len(parts) >= 2 and all(len(p) <= 12 for p in parts)


def _many_values(line: str) -> bool:
    """A lone space-separated line of five or more values is a table row on its own."""
    parts = line.split()
    return len(parts) >= 5 and all(_is_value(p) for p in parts)


def tokenize(text: str) -> list[NodeToken]:
    """Cut ``text`` into classified tokens for the layout grammar."""
    lines = _Lines(text)
    lines.segment()
    lines.structure()
    return lines.tokens()
