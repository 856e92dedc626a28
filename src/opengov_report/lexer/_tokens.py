"""The last step: the tokens the layout grammar parses, each carrying the node it stands for.

The title block is one ``FRONT`` token, each heading one token (``H1`` … ``H8``), and what
precedes the first heading one ``BLOCKS`` token.  Everything that is not a heading —
paragraphs, run-in text, tables, blank lines, noise — rides on the token before it
(``token.blocks``): the grammar's reductions never depend on it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from lark import Token
from lark.common import LexerConf
from lark.lexer import Lexer

from .._chars import BLANK
from .._slots import builder
from ..document import (
    Block,
    Front,
    FrontItem,
    MetaLine,
    Noise,
    Row,
    Span,
    Table,
    TableLayout,
    TitleLine,
    new_blank,
    new_heading,
    new_paragraph,
    new_span,
    pending_row,
)
from ._cells import RowSource, line_cells, line_row_end, tile
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
from ._levels import MAX_DEPTH
from ._numbering import numbering_of
from ._state import LexState
from ._text import META_RE, WS

__all__ = ["NodeToken", "TokenListLexer", "tokens"]


class NodeToken(Token):
    """A Lark token that carries the node it stands for (a heading, the title block, or
    None), and the blocks that follow it up to the next heading (``blocks``, in order)."""

    __slots__ = ("blocks", "node")
    node: Any
    blocks: list[Block]


#: ``NodeToken`` with every slot set (Lark's eight, then ``blocks`` and ``node``), made as
#: ``str.__new__(NodeToken, "")``: without the detour of Lark's own constructor through keyword
#: handling and a classmethod (the lexer makes one per line or table)
_new_token: Callable[..., NodeToken] = builder(
    NodeToken,
    ("type", "start_pos", "value", "line", "column", "end_line", "end_column", "end_pos",
     "blocks", "node"),
    allocate=str.__new__,
    allocate_args=("",),
)  # fmt: skip


class TokenListLexer(Lexer):
    """A Lark lexer that hands the parser a token list made by :func:`tokenize`."""

    def __init__(self, lexer_conf: LexerConf) -> None:
        pass

    def lex(self, lexer_state: Any, parser_state: Any = None) -> Iterator[Token]:
        tokens: list[NodeToken] = lexer_state
        return iter(tokens)


#: a table row: a cell with more cells and wrapped cells' lines (the cells layout) or one
#: line of another layout, then the blank lines after it (over the kinds as ROW_CODES)
_ROW_RE = re.compile("(?:c[cn]*|.)t*")
_HEADING_TOKENS = tuple(f"H{d}" for d in range(MAX_DEPTH + 1))  # by depth (from 1)


def tokens(st: LexState) -> list[NodeToken]:
    """The tokens for the grammar: the title block as one ``FRONT`` token, one token per
    heading (``H1`` … ``H8``), and one ``BLOCKS`` token for what precedes the first
    heading.

    Everything that is not a heading — paragraphs, run-in text, tables, blank lines,
    noise — belongs to the section (or document) that holds the token before it,
    whatever follows: the grammar's reductions never depend on it.  So it rides on that
    token (``token.blocks``) instead of being a token of its own: the parser's cost is per
    token, and the grammar's work is the nesting of the sections by depth."""
    text = st.text
    kinds, starts, stops, lines = st.kinds, st.starts, st.stops, st.lines
    line_starts = st.line_starts
    source = RowSource(st)  # where the rows find their cells when first read
    codes = ""  # the kinds as ROW_CODES letters, made when the first table is met
    out: list[NodeToken] = []
    front: list[FrontItem] = []
    blocks: list[Block] | None = None  # where the next block goes (None: no token yet)
    node: Block
    i, n = 0, len(kinds)
    while i < n:
        kind = kinds[i]
        first = i
        if kind in ROW_KINDS:
            if not codes:
                codes = "".join(map(ROW_CODES.__getitem__, kinds))
            node, i = _table(st, source, codes, i)
        elif kind == "heading":
            tok = _heading_token(st, i)
            out.append(tok)
            blocks = tok.blocks
            i += 1
            continue
        elif kind in BLANK_RUN_KINDS:  # a run of blank lines: one node
            j = i + 1
            while j < n and kinds[j] == kind:
                j += 1
            start, stop, line = starts[i], stops[j - 1], lines[i]
            span = new_span(start, stop, line, start - line_starts[line - 1] + 1)
            node = new_blank(text[start:stop], span)
            i = j
            if kind == "f_blank":
                front.append(node)
                continue
        elif kind == "merged":  # joined to the paragraph before it
            i += 1
            continue
        else:
            start, stop, line = starts[i], stops[i], lines[i]
            span = new_span(start, stop, line, start - line_starts[line - 1] + 1)
            chunk = text[start:stop]
            i += 1
            if kind in NOISE_KINDS:
                node = Noise(chunk, span, NOISE_KINDS[kind])
            elif kind in FRONT_KINDS:  # the title block (a prefix of the segments)
                front.append(_front_node(kind, chunk, span))
                continue
            else:  # para, runin
                node = new_paragraph(chunk, span)
        if blocks is None:  # the first block of the body, before any heading
            tok = _token(st, "BLOCKS", first, None)
            out.append(tok)
            blocks = tok.blocks
        blocks.append(node)
    if front:
        out.insert(0, _token(st, "FRONT", 0, Front(tuple(front))))
    return out


def _table(st: LexState, source: RowSource, codes: str, i: int) -> tuple[Table, int]:
    """The table that starts at segment ``i``: its rows, up to the first segment that is
    not a table line.  Returns it and the segment after it.

    The grammar places tables among the blocks of a section; what is inside a table (its
    rows and cells, and the blank lines between rows) the lexer has already decided.
    A row's extent is found here, over ``codes`` (the kinds as :data:`ROW_CODES` letters);
    its cells are built by :meth:`RowSource.row_parts` when first read (see ``Row.parts``),
    but for the lines layout's, whose extent depends on more than the kinds."""
    kinds = st.kinds
    rows: list[Row] = []
    seen: set[SegmentKind] = set()  # the kinds of the rows' first segments
    n = len(kinds)
    while i < n:
        kind = kinds[i]
        if kind == "line":
            end = line_row_end(st, i)
            bounds = line_cells(source, i, end)
            rows.append(Row(tile(st.text, st.line_starts, st.stops[end - 1], bounds)))
            i = end
        elif kind in ROW_KINDS:
            # the row's segments: its line (a cell, more cells and wrapped cells' lines
            # for the cells layout), then the blank lines after it
            end = _ROW_RE.match(codes, i).end()  # type: ignore[union-attr]
            rows.append(pending_row(source, i, end, kind == "pipe_rule"))
            i = end
        else:
            break
        seen.add(kind)
    layouts = {ROW_LAYOUTS[k] for k in seen}
    layout = layouts.pop() if len(layouts) == 1 else TableLayout.MIXED
    return Table(tuple(rows), layout), i


def _heading_token(st: LexState, i: int) -> NodeToken:
    text = st.text
    mark, mark_end = st.num[i]
    start, stop, line = st.starts[i], st.stops[i], st.lines[i]
    title = text[mark_end : st.title_end[i]].strip(WS)
    chunk = text[start:stop]
    span = new_span(start, stop, line, start - st.line_starts[line - 1] + 1)
    level = st.level[i]
    node = new_heading(chunk, span, numbering_of(mark), title, level, st.anomaly[i])
    return _token(st, _HEADING_TOKENS[level], i, node)


def _token(st: LexState, typ: str, i: int, node: Any) -> NodeToken:
    """A token at the start of segment ``i`` carrying ``node``.  Its string value is empty:
    the node holds the text, and the parser reads only the type."""
    start, line = st.starts[i], st.lines[i]
    column = start - st.line_starts[line - 1] + 1
    return _new_token(typ, start, "", line, column, None, None, None, [], node)


def _front_node(kind: SegmentKind, chunk: str, span: Span) -> FrontItem:
    """A node of the title block (a segment of one of :data:`FRONT_KINDS`)."""
    if kind == "f_title":
        return TitleLine(chunk, span)
    if kind == "f_meta":
        m = META_RE.fullmatch(chunk.strip(WS + "\r\n"))
        key, value = (m.group("key"), m.group("value").strip(BLANK)) if m else ("", chunk)
        return MetaLine(chunk, span, key, value)
    return Noise(chunk, span, FRONT_NOISE_KINDS[kind])
