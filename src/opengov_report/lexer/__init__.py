"""The line lexer: cuts a report's text into segments, classifies them, and hands the layout
grammar one token per heading.

A segment is a line, or part of a line where a line holds more than one thing (a bookmark
glued to a heading, a heading with run-in text, a whole report on one line).  The lexer
decides what the layout grammar cannot decide with one token of lookahead:

* which lines are table lines (tab-led cells, tab-separated rows, pipe rows, space-separated
  rows, one-value-per-line cells) and where rows start;
* which numbered lines are headings, and at which depth (:func:`heading_levels`);
* where the title block ends.

It is a sequence of passes over one :class:`~._state.LexState` (the segments in parallel
lists), in the order of :data:`PASSES`; then :func:`~._tokens.tokens` makes the tokens, each
carrying the node it stands for (``token.node``), so the grammar's transformer only
assembles.  Every character of the input is in exactly one segment, in order.  The kinds a
segment can have are :data:`SegmentKind`.
"""

from __future__ import annotations

from collections.abc import Callable

from ._kinds import SegmentKind
from ._levels import MAX_DEPTH, HeadingLevel, assign_levels, heading_levels, rejoin_demoted
from ._page import front, page_numbers
from ._segment import segment
from ._state import LexState
from ._tables import cell_tables, line_tables, spaced_tables
from ._tokens import NodeToken, TokenListLexer, tokens

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
    st = LexState(text)
    for lex_pass in PASSES:
        lex_pass(st)
    return tokens(st)
