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

import re
from collections.abc import Iterator, Sequence
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
    NOISE_KINDS,
    ROW_CODES,
    ROW_KINDS,
    ROW_LAYOUTS,
    SegmentKind,
    where,
)
from ._numbering import numbering_of
from ._segment import segment
from ._state import LexState
from ._text import (
    META_KEYS,
    META_RE,
    NON_WS_RUN_RE,
    PAGE_RE,
    TITLE_MAX,
    WS,
    is_header_row,
    is_value,
    lstrip_at,
    many_values,
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


class _Lines(LexState):
    """The passes over one text after the first (:func:`._segment.segment`), and its tokens."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._codes: str | None = None  # the kinds as ROW_CODES letters, for _table

    # -- pass 2: title block, tables, headings -----------------------------------------

    def structure(self) -> None:
        self.row_first = [False] * len(self.kinds)
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
        for i in self.long_cells:
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
        for i in self.runins:
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
        line_starts = self.line_starts
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
        self.row_first, self.runins = [], []
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
                rows.append(Row(_tile(self.text, self.line_starts, self.stops[end - 1], bounds)))
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
        column = start - self.line_starts[line - 1] + 1
        return _span(start, self.stops[end - 1], line, column)

    def _heading_token(self, i: int) -> NodeToken:
        text = self.text
        mark, mark_end = self.num[i]
        start, stop, line = self.starts[i], self.stops[i], self.lines[i]
        title = text[mark_end : self.title_end[i]].strip(WS)
        chunk = text[start:stop]
        span = _span(start, stop, line, start - self.line_starts[line - 1] + 1)
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
        tok.column = start - self.line_starts[line - 1] + 1
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
    return _tile(text, lx.line_starts, stop, bounds)


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
    segment(lines)
    lines.structure()
    return lines.tokens()
