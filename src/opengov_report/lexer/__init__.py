"""The line lexer: cuts a report's text into line segments and classifies each one.

One token per line, or per part of a line where a line holds more than one thing (a bookmark
glued to a heading, a heading with run-in text, a whole report on one line).  The lexer decides
what the layout grammar cannot decide with one token of lookahead:

* which lines are table lines (tab-led cells, tab-separated rows, pipe rows, space-separated
  rows, one-value-per-line cells) and where rows start;
* which numbered lines are headings, and at which depth (levels follow the order in which
  numbering styles first appear, and the ordinal sequence; see :func:`heading_levels`);
* where the title block ends.

Each token carries the leaf node it stands for (``token.node``), so the grammar's transformer
only assembles.  Every character of the input is in exactly one token, in order.  All regular
expressions here are anchored and free of nested quantifiers: cost is linear in the input.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Iterator, Sequence
from itertools import accumulate, compress, count, repeat
from typing import Any, TypeAlias

from lark import Token
from lark.common import LexerConf
from lark.lexer import Lexer

from ..document import (
    Block,
    CellData,
    Front,
    FrontItem,
    MetaLine,
    Noise,
    NumberingAnomaly,
    NumberingStyle,
    Row,
    Span,
    Table,
    TableLayout,
    TitleLine,
    _blank,
    _heading,
    _paragraph,
    _pending_row,
    _span,
)
from ._kinds import (
    BLANK_KINDS,
    BLANK_RUN_KINDS,
    CELL_TABLE_KINDS,
    FRONT_KIND,
    FRONT_KINDS,
    FRONT_NOISE_KINDS,
    MEMO_KINDS,
    NOISE_KINDS,
    ROW_CODES,
    ROW_KINDS,
    ROW_LAYOUTS,
    SegmentKind,
    tab_kind,
    where,
)
from ._numbering import CN_NUMERALS, NUMBERING_RE, numbering, numbering_of, section_word_end
from ._text import (
    BOOKMARK_RE,
    CHROME_PREFIXES,
    DIGIT_RUN_RE,
    META_KEYS,
    META_RE,
    NOISE_FIRST,
    NON_WS_RUN_RE,
    NOT_A_CELL_AFTER,
    NOT_A_CELL_BEFORE,
    PAGE_RE,
    PIPE_RULE_RE,
    RULE_RE,
    RUNIN_END_RE,
    SENTENCE_END,
    SENTENCE_END_RE,
    TITLE_MAX,
    URL_RE,
    WS,
    WS_TAB,
    head_row,
    is_header_row,
    is_spaced_row,
    is_value,
    lstrip_at,
    many_values,
    prose_free,
    split_lines,
    trim,
)

__all__ = [
    "MAX_DEPTH",
    "HeadingLevel",
    "NodeToken",
    "SegmentKind",
    "TokenListLexer",
    "heading_levels",
    "tokenize",
]

#: the kind of a line, by its text, for lines whose kind depends on nothing else and which
#: are one segment (see ``_Lines.segment``): a bounded memo, shared by all texts (and
#: threads: every entry is right for its key, whoever wrote it)
LINE_KINDS: dict[str, SegmentKind] = {"": "blank"}
LINE_KINDS_MAX = 16384

#: a cell segment longer than this may be an indented paragraph (see _cell_tables)
LONG_CELL = 51
#: the heading lines (without run-in text) met so far, by their text: the numbering mark,
#: and the ends of the mark and the title as offsets in the line (bounded)
HEADING_LINES: dict[str, tuple[str, int, int]] = {}
HEADING_LINES_MAX = 4096
#: a line longer than this is cut before run-in headings (a report run together) …
LONG_LINE = 2000
#: … or longer than this in a text of at most five non-blank lines
ONE_LINE_MIN = 120
#: text after a section word (情况, 事项) that makes it run-in text rather than title
RUNIN_MIN = 8
#: a heading's title (up to its first sentence end) is at most this many characters
HEADING_TITLE_MAX = 60
#: deepest heading level the grammar nests; deeper numbered lines stay paragraphs
MAX_DEPTH = 8


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
        self.kinds: list[SegmentKind] = []  # see _kind_of; the passes refine it
        self.row_first: list[bool] = []  # lines layout: the lines that start a table row
        self.num: dict[int, tuple[str, int]] = {}  # headings: numbering mark, its end
        self.title_end: dict[int, int] = {}  # headings: end of the title
        self.level: dict[int, int] = {}  # headings: depth
        self.anomaly: dict[int, NumberingAnomaly | None] = {}  # headings
        self.glued: dict[int, list[tuple[int, int]]] = {}  # glued rows: bounds of each cell
        self._runins: list[int] = []  # segments of run-in text after a heading's title
        self._long_cells: list[int] = []  # cells longer than LONG_CELL (see _cell_tables)
        self._line_starts: list[int] = []
        self._cand: tuple[re.Match[str], int] | None = None  # last heading candidate
        self._codes: str | None = None  # the kinds as ROW_CODES letters, for _table

    def _add(self, start: int, end: int, stop: int, line: int, kind: SegmentKind) -> int:
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
        alone, and which is one segment, is remembered in :data:`LINE_KINDS` (a bounded
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
            bounds = split_lines(text)
            pieces = [text[a:b] for a, b, _ in bounds]
            sep = 0
        few = 0
        for piece in pieces:
            if piece and piece.strip(WS_TAB):
                few += 1
                if few > 5:
                    break
        # a line longer than this may be a whole report run together
        long_line = ONE_LINE_MIN if few <= 5 else LONG_LINE
        known: list[SegmentKind | None] = list(map(LINE_KINDS.get, pieces))  # None: not known
        others = list(compress(count(), map(operator.is_, known, repeat(None))))
        # the memo's bound, checked once per text: what this text may add fits in it
        if len(LINE_KINDS) + len(others) > LINE_KINDS_MAX:
            LINE_KINDS.clear()
            LINE_KINDS[""] = "blank"
        remember = len(others) < LINE_KINDS_MAX
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
        known: list[SegmentKind | None],
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
            if "\t" in piece and end - start <= LONG_CELL and "[bookmark:" not in piece:
                # the commonest lines not known yet: cells of new numbers (here, not in _line)
                kind = tab_kind(piece)
                starts.append(start)
                ends.append(end)
                stops.append(nexts[k])
                lines.append(done)
                kinds.append(kind)
                if remember:
                    LINE_KINDS[piece] = kind
                continue
            self._line(done, start, end, nexts[k], piece, long_line, remember)

    def _new_lines(
        self,
        pieces: list[str],
        bounds: list[tuple[int, int, int]] | None,
        sep: int,
        known: list[SegmentKind | None],
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
                if "\t" in piece and len(piece) <= ONE_LINE_MIN and "[bookmark:" not in piece:
                    kind = tab_kind(piece)
                    if kind == "cell" and len(piece) > LONG_CELL:
                        self._long_cells.append(len(kinds))  # not remembered
                    elif remember:
                        LINE_KINDS[piece] = kind
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
        heading = HEADING_LINES.get(piece)
        if heading is not None:  # a heading line seen before (no run-in text)
            mark, mark_end, title_end = heading
            i = self._add(start, end, stop, lineno, "heading")
            self.num[i] = (mark, start + mark_end)
            self.title_end[i] = start + title_end
            return
        if end - start <= long_line and "[bookmark:" not in piece:
            if "\t" in piece:
                kind = tab_kind(piece)
                i = self._add(start, end, stop, lineno, kind)
                if kind == "cell" and end - start > LONG_CELL:
                    self._long_cells.append(i)
                    return  # not remembered
            else:
                self._classify(start, end, stop, lineno, piece)
            # a line that is one segment, of a kind that depends on its text alone, is
            # known from now on (the kind of a line longer than ONE_LINE_MIN depends on
            # how many lines the text has)
            if self.starts[-1] == start and end - start <= ONE_LINE_MIN and remember:
                kind = kinds[-1]
                if kind in MEMO_KINDS:  # (the bound: see segment)
                    LINE_KINDS[piece] = kind
                elif kind == "heading":  # its numbering mark and title, as offsets
                    i = len(kinds) - 1
                    mark, mark_end = self.num[i]
                    if len(HEADING_LINES) >= HEADING_LINES_MAX:
                        HEADING_LINES.clear()
                    HEADING_LINES[piece] = (mark, mark_end - start, self.title_end[i] - start)
            return
        at = start
        # bookmarks glued to the start of a line
        while "[bookmark:" in piece:
            m = BOOKMARK_RE.match(text, lstrip_at(text, at, end), end)
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
                mark = CN_NUMERALS[want] + "、" if want < len(CN_NUMERALS) else ""
                lim = nxt if nxt >= 0 else end
                i = text.find(mark, pos, lim) if mark else -1
                # the same mark may number a table row first (四、结转下年度继续办理)
                while i >= 0 and not (
                    i > pos and section_word_end(text, i + len(mark), min(end, i + 30)) > 0
                ):
                    i = text.find(mark, i + len(mark), lim)
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
            m = NUMBERING_RE.match(text, at, end) if at < end else None
            if m is not None:
                style, ordinal = numbering(m)
                if style in (NumberingStyle.CN_COMMA, NumberingStyle.CN_DOT):
                    style = NumberingStyle.CN_COMMA
                    if ordinal == expected.get(style, ordinal if ordinal <= 2 else 1):
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
            if kind == "cell" and b - a > LONG_CELL:
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

    def _kind_of(self, a: int, b: int, body: str) -> SegmentKind:
        """The kind of the segment ``body == text[a:b]`` taken alone.  For a heading, its
        numbering match and title end are left in ``self._cand``."""
        if "\t" in body:
            return tab_kind(body)
        stripped = body.strip(WS)
        if not stripped:
            return "blank"
        if stripped[0] == "|" and stripped.count("|") >= 2:
            return "pipe_rule" if PIPE_RULE_RE.fullmatch(stripped) else "pipe"
        if stripped[0] in NOISE_FIRST:  # a URL, a rule or site chrome starts with one
            if URL_RE.fullmatch(stripped):
                return "url"
            if RULE_RE.fullmatch(stripped):
                return "rule"
            if stripped.startswith(CHROME_PREFIXES):
                return "chrome"
        if is_spaced_row(stripped):
            return "spaced"
        # the numbering starts where the line's leading white space ends
        m = NUMBERING_RE.match(self.text, b - len(body.lstrip(WS)), b)
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
        if b - a < 8 or not prose_free(text, a, b):
            return False
        pairs: list[tuple[int, int, int]] = []  # (label start, digits start, digits end)
        label_start = a
        for m in DIGIT_RUN_RE.finditer(text, a, b):
            ds, de = m.span()
            nxt = lstrip_at(text, de, b)
            after = text[nxt : nxt + 1]
            before = text[ds - 1 : ds] if ds > a else ""
            if after in NOT_A_CELL_AFTER or before in NOT_A_CELL_BEFORE or ds == label_start:
                continue
            pairs.append((label_start, ds, de))
            label_start = de
        if len(pairs) < 2:
            one_row = head_row(text, a, b)  # a one-row table: its head, then its digits
            if one_row is None:
                return False
            pairs = [one_row]
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
        title_start = lstrip_at(text, m.end(), end)
        if title_start >= end:
            return False  # a bare number
        limit = min(end, title_start + HEADING_TITLE_MAX)
        found = SENTENCE_END_RE.search(text, title_start, limit)
        stop = found.end() if found else -1
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
            front = FRONT_KIND.get(kind)
            if front is not None:  # blank lines and noise
                kinds[i] = front
                continue
            if kind not in ("para", "spaced"):
                return
            content = text[self.starts[i] : self.ends[i]].strip(WS)
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
                content = text[starts[i] + 1 : ends[i]].strip(WS)
                if (
                    len(content) > 50
                    and any(p in content for p in "。，")
                    and not (self._near(i, -1) or self._near(i, 1))
                ):
                    kinds[i] = "para"
        # continuation lines: short text directly under a cell line (or under another
        # continuation line: the candidates are visited in order, so chains follow)
        for i in where(kinds, CONT_CANDIDATES):
            if i > 0 and kinds[i - 1] in ("cell", "cont"):
                kind = kinds[i]
                content = text[starts[i] : ends[i]].strip(WS)
                if len(content) <= 40 and not (kind == "heading" and not self._table_follows(i)):
                    kinds[i] = "cont"
        # blank lines between two table lines belong to the table
        self._mark_table_blanks(CELL_TABLE_KINDS, n)

    def _mark_table_blanks(self, table_kinds: frozenset[SegmentKind], n: int) -> None:
        """Each run of blank lines with a table line on both sides becomes table blanks."""
        kinds = self.kinds
        blanks = where(kinds, JUST_BLANK)
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
            if len(members) < 2 and not many_values(text[self.starts[i] : self.ends[i]]):
                kinds[i] = "para"
            else:
                h = i - 1
                while h >= 0 and kinds[h] == "blank":
                    h -= 1
                if (
                    h >= 0
                    and kinds[h] == "para"
                    and is_header_row(text[self.starts[h] : self.ends[h]].strip(WS))
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
        for i in where(kinds, PARA_HEADING):
            if ends[i] - starts[i] <= 90:
                content = text[starts[i] : ends[i]].strip(WS)
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
        values = [kinds[r] == "para" and is_value(text[starts[r] : ends[r]].strip(WS)) for r in run]
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
                    inner: SegmentKind = "lblank" if not row_first[m] else "tblank"
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
            if kinds[i] not in BLANK_KINDS:
                tail.add(i)
            i -= 1
        for i in where(kinds, JUST_PARA):
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

    # -- heading levels ----------------------------------------------------------------

    def _assign_levels(self) -> None:
        """Give each numbered line its depth and anomaly (:func:`heading_levels`), or make it
        a paragraph."""
        kinds = self.kinds
        segs = where(kinds, JUST_HEADING)
        numberings = [numbering_of(self.num[i][0]) for i in segs]
        levels = heading_levels([(numbering.style, numbering.ordinal) for numbering in numberings])
        for seg, level in zip(segs, levels, strict=True):
            if level is None:
                kinds[seg] = "para"
            else:
                self.level[seg], self.anomaly[seg] = level

    def _rejoin_demoted(self) -> None:
        """A numbered line demoted to a paragraph takes its run-in text back.

        Run-in text always directly follows its heading's segment; the segment it joins is
        extended, and the run-in segment is marked ``merged`` (no token of its own)."""
        kinds, ends, stops = self.kinds, self.ends, self.stops
        for i in self._runins:
            if kinds[i - 1] == "heading":
                continue
            if kinds[i - 1] == "para" and ends[i - 1] == self.starts[i]:
                ends[i - 1], stops[i - 1] = ends[i], stops[i]
                kinds[i] = "merged"
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
            if kind in ROW_KINDS:
                node, i = self._table(i)
            elif kind == "heading":
                tok = self._heading_token(i)
                out.append(tok)
                blocks = tok.blocks
                i += 1
                continue
            elif kind in BLANK_RUN_KINDS:  # a run of blank lines: one node
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
            elif kind == "merged":  # joined to the paragraph before it
                i += 1
                continue
            else:
                start, stop, line = starts[i], stops[i], lines[i]
                span = _span(start, stop, line, start - line_starts[line - 1] + 1)
                chunk = text[start:stop]
                i += 1
                if kind in NOISE_KINDS:
                    node = Noise(chunk, span, NOISE_KINDS[kind])
                elif kind in FRONT_KINDS:  # the title block (a prefix of the segments)
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
            self._codes = "".join(map(ROW_CODES.__getitem__, kinds))
        codes = self._codes
        rows: list[Row] = []
        seen: set[SegmentKind] = set()  # the kinds of the rows' first segments
        n = len(kinds)
        while i < n:
            kind = kinds[i]
            if kind == "line":
                end = _line_row_end(self, i)
                bounds = _line_cells(self, i, end)
                rows.append(Row(_tile(self.text, self._line_starts, self.stops[end - 1], bounds)))
                i = end
            elif kind in ROW_KINDS:
                # the row's segments: its line (a cell, more cells and wrapped cells' lines
                # for the cells layout), then the blank lines after it
                end = _ROW_RE.match(codes, i).end()  # type: ignore[union-attr]
                rows.append(_pending_row(self, i, end, kind == "pipe_rule"))
                i = end
            else:
                break
            seen.add(kind)
        layouts = {ROW_LAYOUTS[k] for k in seen}
        layout = layouts.pop() if len(layouts) == 1 else TableLayout.MIXED
        return Table(tuple(rows), layout), i

    def row_parts(self, first: int, end: int) -> tuple[CellData, ...]:
        """The cells of the row of segments ``first`` to ``end`` (any layout but lines)."""
        return _row_parts(self, first, end)

    def row_text(self, first: int, end: int) -> str:
        """The text of the row of segments ``first`` to ``end``: its cells tile it."""
        return self.text[self.starts[first] : self.stops[end - 1]]

    def row_span(self, first: int, end: int) -> Span:
        """Where the row of segments ``first`` to ``end`` is (its first cell's position)."""
        start, line = self.starts[first], self.lines[first]
        column = start - self._line_starts[line - 1] + 1
        return _span(start, self.stops[end - 1], line, column)

    def _heading_token(self, i: int) -> NodeToken:
        text = self.text
        mark, mark_end = self.num[i]
        start, stop, line = self.starts[i], self.stops[i], self.lines[i]
        title = text[mark_end : self.title_end[i]].strip(WS)
        chunk = text[start:stop]
        span = _span(start, stop, line, start - self._line_starts[line - 1] + 1)
        level = self.level[i]
        node = _heading(chunk, span, numbering_of(mark), title, level, self.anomaly[i])
        return self._tok(_HEADING_TOKENS[level], i, node)

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


# --------------------------------------------------------------------------- cells
#
# The cells of a row, in every layout, are built by one step (:func:`_tile`) from their
# bounds, which each layout finds its own way: each cell's start, and its content's start
# and end.  Cell k owns the text from its start to the next cell's start (the last one to
# the row's stop, the blank lines after the row included), so the cells tile the row.

#: the bounds of a row's cells: their starts, their lines (one line for a row on one line),
#: their contents' starts and ends, and their contents where they are not one slice of the
#: text (a wrapped cell's lines, joined)
_CellBounds: TypeAlias = tuple[list[int], int | list[int], list[int], list[int], list[str] | None]


def _tile(
    text: str, line_starts: list[int], stop: int, bounds: _CellBounds
) -> tuple[CellData, ...]:
    """The cells of a row that ends at ``stop``, from their bounds."""
    starts, lines, content_starts, content_ends, contents = bounds
    stops = starts[1:]
    stops.append(stop)
    if isinstance(lines, int):  # a row on one line
        lines = [lines] * len(starts)
    if contents is None:
        contents = [text[cs:ce] for cs, ce in zip(content_starts, content_ends, strict=True)]
    cells = zip(starts, stops, lines, contents, content_starts, content_ends, strict=True)
    return tuple(
        [
            (text[a:z], a, line, a - line_starts[line - 1] + 1, content, cs, ce)
            for a, z, line, content, cs, ce in cells
        ]
    )


def _row_parts(lx: _Lines, first: int, end: int) -> tuple[CellData, ...]:
    """The cells of the row of segments ``first`` to ``end`` (any layout but lines).  The
    blank lines between two rows belong to the row above (its last cell runs to ``end``)."""
    text, kind, stop = lx.text, lx.kinds[first], lx.stops[end - 1]
    a, b, line = lx.starts[first], lx.ends[first], lx.lines[first]
    if kind == "cell":
        bounds = _cells_layout_cells(lx, first, end)
    elif kind == "tsv":
        bounds = _tsv_cells(text, a, b, line)
    elif kind in ("pipe", "pipe_rule"):
        bounds = _pipe_cells(text, a, b, line)
    elif kind == "glued":
        bounds = _glued_cells(lx.glued[first], a, line)
    else:
        bounds = _spaced_cells(text, a, b, line)
    return _tile(text, lx._line_starts, stop, bounds)


def _tsv_cells(text: str, a: int, b: int, line: int) -> _CellBounds:
    """Tab-separated cells of ``text[a:b]``: cell k owns its leading tab (the first owns the
    row's start)."""
    starts, content_starts, content_ends = [a], [a], []
    t = text.find("\t", a, b)
    while t >= 0:
        content_ends.append(t)
        starts.append(t)
        content_starts.append(t + 1)
        t = text.find("\t", t + 1, b)
    content_ends.append(b)
    return starts, line, content_starts, content_ends, None


def _pipe_cells(text: str, a: int, b: int, line: int) -> _CellBounds:
    """The cells between the pipes of ``text[a:b]`` (not escaped as ``\\|``); a cell's
    content is trimmed of white space, and the text after a closing pipe is the last
    cell's."""
    pipes: list[int] = []
    p = text.find("|", a, b)
    while p >= 0:
        if p == 0 or text[p - 1] != "\\":
            pipes.append(p)
        p = text.find("|", p + 1, b)
    if not (len(pipes) > 1 and not text[pipes[-1] + 1 : b].strip(WS)):
        pipes.append(b)  # no closing pipe: the last cell's content ends at the line's end
    starts = [a, *pipes[1:-1]]
    content_starts: list[int] = []
    content_ends: list[int] = []
    for k in range(len(pipes) - 1):
        cs, ce = trim(text, pipes[k] + 1, pipes[k + 1])
        content_starts.append(cs)
        content_ends.append(ce)
    return starts, line, content_starts, content_ends, None


def _glued_cells(bounds: list[tuple[int, int]], a: int, line: int) -> _CellBounds:
    """A glued row's cells, whose contents' bounds the lexer noted when it cut the row."""
    starts = [a]
    starts += [cs for cs, _ in bounds[1:]]
    return starts, line, [cs for cs, _ in bounds], [ce for _, ce in bounds], None


def _spaced_cells(text: str, a: int, b: int, line: int) -> _CellBounds:
    """The runs of characters other than white space in ``text[a:b]``: cell k owns the
    white space before it."""
    starts, content_starts, content_ends = [a], [], []
    cs = lstrip_at(text, a, b)
    while cs < b:
        ce = NON_WS_RUN_RE.match(text, cs, b).end()  # type: ignore[union-attr]
        content_starts.append(cs)
        content_ends.append(ce)
        starts.append(ce)
        cs = lstrip_at(text, ce, b)
    starts.pop()  # the last cell runs to the row's stop
    return starts, line, content_starts, content_ends, None


def _cells_layout_cells(lx: _Lines, first: int, end: int) -> _CellBounds:
    """The cells of a row of the cells layout: tab-led cells, one per line, each with the
    continuation lines of a wrapped cell (their contents trimmed and joined by ``\\n``)."""
    text, kinds, starts, ends, lines = lx.text, lx.kinds, lx.starts, lx.ends, lx.lines
    cell_starts: list[int] = []
    cell_lines: list[int] = []
    content_starts: list[int] = []
    content_ends: list[int] = []
    contents: list[str] = []
    for j in range(first, end):
        kind = kinds[j]
        if kind == "cell":
            a = starts[j]
            cell_starts.append(a)
            cell_lines.append(lines[j])
            content_starts.append(a + 1)
            content_ends.append(ends[j])
            contents.append(text[a + 1 : ends[j]])
        elif kind == "cont":  # a wrapped cell's next line
            ts, ce = trim(text, starts[j], ends[j])
            content_ends[-1] = ce
            contents[-1] = contents[-1] + "\n" + text[ts:ce]
    return cell_starts, cell_lines, content_starts, content_ends, contents


def _line_row_end(lx: _Lines, i: int) -> int:
    """The end of the row of the lines layout that starts at segment ``i``: a tabless label
    line, its value lines and the blank lines between them, up to the next line marked as a
    row start, then the blank lines after it."""
    kinds, row_first = lx.kinds, lx.row_first
    n = len(kinds)
    j = i + 1
    while j < n and (kinds[j] == "lblank" or (kinds[j] == "line" and not row_first[j])):
        j += 1
    while j < n and kinds[j] == "tblank":
        j += 1
    return j


def _line_cells(lx: _Lines, first: int, end: int) -> _CellBounds:
    """The cells of a row of the lines layout: one per line, trimmed of white space."""
    text, kinds, starts, ends, lines = lx.text, lx.kinds, lx.starts, lx.ends, lx.lines
    cell_starts: list[int] = []
    cell_lines: list[int] = []
    content_starts: list[int] = []
    content_ends: list[int] = []
    for j in range(first, end):
        if kinds[j] == "line":
            cell_starts.append(starts[j])
            cell_lines.append(lines[j])
            cs, ce = trim(text, starts[j], ends[j])
            content_starts.append(cs)
            content_ends.append(ce)
    return cell_starts, cell_lines, content_starts, content_ends, None


def _front_node(kind: SegmentKind, chunk: str, span: Span) -> FrontItem:
    """A node of the title block (a segment of one of :data:`FRONT_KINDS`)."""
    if kind == "f_title":
        return TitleLine(chunk, span)
    if kind == "f_meta":
        m = META_RE.fullmatch(chunk.strip(WS + "\r\n"))
        key, value = (m.group("key"), m.group("value").strip()) if m else ("", chunk)
        return MetaLine(chunk, span, key, value)
    return Noise(chunk, span, FRONT_NOISE_KINDS[kind])


#: a table row: a cell with more cells and wrapped cells' lines (the cells layout) or one
#: line of another layout, then the blank lines after it
_ROW_RE = re.compile("(?:c[cn]*|.)t*")
_HEADING_TOKENS = tuple(f"H{d}" for d in range(MAX_DEPTH + 1))  # by depth (from 1)
CONT_CANDIDATES: tuple[SegmentKind, ...] = ("para", "spaced", "heading")
PARA_HEADING: tuple[SegmentKind, ...] = ("para", "heading")
JUST_BLANK: tuple[SegmentKind, ...] = ("blank",)
JUST_PARA: tuple[SegmentKind, ...] = ("para",)
JUST_HEADING: tuple[SegmentKind, ...] = ("heading",)


#: bracketed styles (（一）, (1), ①) mark sub-items; they never stand in for a level whose
#: style is unbracketed (一、, 1、), nor the other way round
BRACKETED = {
    style: style in (NumberingStyle.CN_PAREN, NumberingStyle.AR_PAREN, NumberingStyle.CIRCLED)
    for style in NumberingStyle
}

#: where a numbered line goes: a heading's depth and anomaly, or None for a paragraph
HeadingLevel: TypeAlias = tuple[int, NumberingAnomaly | None] | None


def heading_levels(numberings: Sequence[tuple[NumberingStyle, int]]) -> list[HeadingLevel]:
    """The depth of each numbered line of a text, by its numbering (style, ordinal) and
    those around it, in order; None for a line that is a paragraph.

    * A style seen for the first time opens the next deeper level; later headings of that
      style go back to that level (as reStructuredText decides title levels).  Depth never
      skips: a style of level 3 right under level 1 is placed at depth 2.
    * A heading continues its level's ordinal sequence, or starts a new deeper level at 1.
    * A heading whose own style cannot continue, but whose ordinal continues an open
      shallower level whose style differs, is placed on that level and marked
      ``MISSTYLED`` (``四．`` then ``5、`` between ``三、`` and ``六、``), provided the
      next heading in that level's style does not take the same or a lower ordinal.
      Bracketed styles never stand in for unbracketed ones, nor the other way round.
    * A numbered line that restarts an open ancestor level at 1 while deeper levels are
      open is a numbered list inside the text (``（1）…。（2）…``): a paragraph.
    * Other breaks (skips, repeats, a first heading not at 1) keep their place and are
      marked ``SKIPPED``, ``REPEATED`` or ``NOT_FIRST``.
    * A line deeper than :data:`MAX_DEPTH` is a paragraph.
    """
    style_level: dict[NumberingStyle, int] = {}
    level_style: dict[int, NumberingStyle] = {}
    stack: list[tuple[NumberingStyle, int]] = []  # (style, ordinal) per open level
    out: list[HeadingLevel] = []

    def next_ordinal(after: int, style: NumberingStyle) -> int | None:
        for k in range(after + 1, len(numberings)):
            if numberings[k][0] is style:
                return numberings[k][1]
        return None

    def same_style(level: int, style: NumberingStyle) -> bool:
        # whether the open heading at ``level`` continues ``style``'s sequence (a misstyled
        # heading stands in for its level's own style)
        return stack[level - 1][0] is style or level_style.get(level) is style

    for idx, (style, n) in enumerate(numberings):
        depth = len(stack)
        own = style_level.get(style)
        place: int | None = None
        anomaly: NumberingAnomaly | None = None
        if own is not None and own <= depth and same_style(own, style):
            prev = stack[own - 1][1]
            if n == prev + 1:
                place = own
            elif n == 1 and own < depth:
                out.append(None)  # a list restarting inside deeper text
                continue
        elif n == 1:
            place = min(own, depth + 1) if own is not None else depth + 1
        if place is None:
            # can it continue a shallower open level of another style?
            for k in range(depth, 0, -1):
                k_style = level_style.get(k, stack[k - 1][0])
                if (
                    k_style is not style
                    and BRACKETED[k_style] == BRACKETED[style]
                    and stack[k - 1][1] + 1 == n
                ):
                    later = next_ordinal(idx, k_style)
                    if later is None or later > n:
                        place, anomaly = k, NumberingAnomaly.MISSTYLED
                    break
        if place is None:
            if own is not None and own <= depth:
                place = own
                prev = stack[own - 1][1] if same_style(own, style) else 0
                anomaly = NumberingAnomaly.SKIPPED if n > prev + 1 else NumberingAnomaly.REPEATED
            else:
                place = min(own, depth + 1) if own is not None else depth + 1
                anomaly = NumberingAnomaly.NOT_FIRST
        if place > MAX_DEPTH:
            out.append(None)
            continue
        if anomaly is not NumberingAnomaly.MISSTYLED:
            style_level.setdefault(style, place)
            level_style.setdefault(place, style)
        del stack[place - 1 :]
        stack.append((style, n))
        out.append((place, anomaly))
    return out


def tokenize(text: str) -> list[NodeToken]:
    """Cut ``text`` into classified tokens for the layout grammar."""
    lines = _Lines(text)
    lines.segment()
    lines.structure()
    return lines.tokens()
