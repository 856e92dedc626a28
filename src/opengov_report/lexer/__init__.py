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
from collections.abc import Callable, Iterator
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
    BLANK_RUN_KINDS,
    FRONT_KINDS,
    FRONT_NOISE_KINDS,
    NOISE_KINDS,
    ROW_CODES,
    ROW_KINDS,
    ROW_LAYOUTS,
    SegmentKind,
)
from ._levels import MAX_DEPTH, HeadingLevel, assign_levels, heading_levels, rejoin_demoted
from ._numbering import numbering_of
from ._page import front, page_numbers
from ._segment import segment
from ._state import LexState
from ._tables import cell_tables, line_tables, spaced_tables
from ._text import (
    META_RE,
    NON_WS_RUN_RE,
    WS,
    lstrip_at,
    trim,
)

__all__ = [
    "MAX_DEPTH",
    "PASSES",
    "HeadingLevel",
    "NodeToken",
    "SegmentKind",
    "TokenListLexer",
    "heading_levels",
    "tokenize",
]


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
    """The tokens of one text, from the state the passes left."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._codes: str | None = None  # the kinds as ROW_CODES letters, for _table

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


#: the passes, in order; each reads and refines the state the ones before it left
PASSES: tuple[Callable[[LexState], None], ...] = (
    segment,  # lines cut into segments, each classified by its text (_segment, _classify)
    front,  # the title block: leading titles, meta lines, noise, blank lines (_page)
    cell_tables,  # tab-led cells, tab-separated and pipe rows, wrapped cells (_tables)
    spaced_tables,  # runs of space-separated rows, and a header line above them (_tables)
    line_tables,  # one cell per line: runs of short lines holding values (_tables)
    page_numbers,  # lone page numbers among the last lines or between prose (_page)
    assign_levels,  # headings' depths, or paragraphs (_levels.heading_levels)
    rejoin_demoted,  # a numbered line made a paragraph takes its run-in text back (_levels)
)


def tokenize(text: str) -> list[NodeToken]:
    """Cut ``text`` into classified tokens for the layout grammar."""
    lines = _Lines(text)
    for lex_pass in PASSES:
        lex_pass(lines)
    return lines.tokens()
