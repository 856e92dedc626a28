"""The kinds of segment the lexer gives, in one list, and the sets of them the passes read.

A segment is a line, or part of a line (see :mod:`._segment`).  The first pass gives each
segment a kind by its text alone; the later passes refine kinds with the whole text in view.
"""

from __future__ import annotations

from typing import Literal, get_args

from ..document import NoiseKind, TableLayout

__all__ = [
    "BLANK_KINDS",
    "BLANK_RUN_KINDS",
    "CELL_TABLE_KINDS",
    "FRONT_KIND",
    "FRONT_KINDS",
    "FRONT_NOISE_KINDS",
    "MEMO_KINDS",
    "NOISE_KINDS",
    "ROW_CODES",
    "ROW_KINDS",
    "ROW_LAYOUTS",
    "SEGMENT_KINDS",
    "SegmentKind",
    "tab_kind",
    "where",
]

#: what a segment is.  The first pass gives each segment one of the kinds a line can have
#: alone; the later passes refine them (a cell becomes a paragraph, blanks become table blanks,
#: the title block's segments take their ``f_`` kinds …).
SegmentKind = Literal[
    # a line, or part of a line, by its text alone
    "blank",  # empty, or white space only (no tab)
    "cell",  # one tab-led cell (the cells layout)
    "tsv",  # tab-separated cells
    "pipe",  # ``| a | b |``
    "pipe_rule",  # ``|---|---|``
    "spaced",  # cells separated by runs of spaces
    "glued",  # a label and its digits run together (part of a line)
    "heading",  # a numbering and a title
    "runin",  # the text after a heading's title on its line
    "para",  # anything else
    "url",  # noise: a URL line
    "rule",  # noise: a rule (``====``)
    "chrome",  # noise: a web page's chrome (``当前位置`` …)
    "bookmark",  # noise: ``[bookmark: …]``
    # given by the passes over the whole text
    "page",  # noise: a lone page number
    "cont",  # the next line of a wrapped cell (the cells layout)
    "line",  # a cell of the lines layout (one cell per line, no tab)
    "tblank",  # a blank line inside a table (between rows)
    "lblank",  # a blank line inside a row of the lines layout
    "merged",  # run-in text joined back to its line's paragraph (no node of its own)
    # the title block
    "f_blank",
    "f_url",
    "f_rule",
    "f_chrome",
    "f_bookmark",
    "f_meta",  # ``发布日期：2022-01-25``
    "f_title",
]
#: every segment kind
SEGMENT_KINDS: frozenset[SegmentKind] = frozenset(get_args(SegmentKind))
#: the kind in the title block of a segment of each kind that may open a report
FRONT_KIND: dict[SegmentKind, SegmentKind] = {
    "blank": "f_blank",
    "url": "f_url",
    "rule": "f_rule",
    "chrome": "f_chrome",
    "bookmark": "f_bookmark",
}
#: the kinds of the title block's segments
FRONT_KINDS: frozenset[SegmentKind] = frozenset({*FRONT_KIND.values(), "f_meta", "f_title"})
#: the noise a segment of each noise kind is, in the body and in the title block
NOISE_KINDS: dict[SegmentKind, NoiseKind] = {
    "bookmark": NoiseKind.BOOKMARK,
    "page": NoiseKind.PAGE_NUMBER,
    "rule": NoiseKind.RULE,
    "url": NoiseKind.URL,
    "chrome": NoiseKind.CHROME,
}
FRONT_NOISE_KINDS: dict[SegmentKind, NoiseKind] = {
    FRONT_KIND[kind]: noise for kind, noise in NOISE_KINDS.items() if kind in FRONT_KIND
}
#: the kinds that start a table row: a row's layout by the kind of its first segment
ROW_LAYOUTS: dict[SegmentKind, TableLayout] = {
    "cell": TableLayout.CELLS,
    "line": TableLayout.LINES,
    "tsv": TableLayout.TSV,
    "pipe": TableLayout.PIPE,
    "pipe_rule": TableLayout.PIPE,
    "spaced": TableLayout.SPACED,
    "glued": TableLayout.GLUED,
}
ROW_KINDS: frozenset[SegmentKind] = frozenset(ROW_LAYOUTS)
#: the kinds of line that make a table of the cells, tab-separated or pipe layouts
CELL_TABLE_KINDS: frozenset[SegmentKind] = frozenset({"cell", "cont", "tsv", "pipe", "pipe_rule"})
#: blank lines, as the page-number check skips them
BLANK_KINDS: frozenset[SegmentKind] = frozenset({"blank", "tblank", "f_blank"})
#: the kinds of a run of blank lines that is one node (in the body, in the title block)
BLANK_RUN_KINDS: frozenset[SegmentKind] = frozenset({"blank", "f_blank"})
#: the kinds that depend on a line's text alone, which the line-kind memo holds: a segment of
#: any other kind carries more data (a heading's numbering, a glued row's cells) or is part of
#: a line
MEMO_KINDS: frozenset[SegmentKind] = frozenset(
    {"blank", "cell", "tsv", "para", "pipe", "pipe_rule", "spaced", "url", "rule", "chrome"}
)

#: one letter per segment kind, for finding a row's extent with one regex over the kinds
#: (``_tokens.ROW_RE``): a cell, a wrapped cell's next line, a blank line in a table, else "."
ROW_CODES: dict[SegmentKind, str] = {
    **dict.fromkeys(SEGMENT_KINDS, "."),
    "cell": "c",
    "cont": "n",
    "tblank": "t",
}


def tab_kind(line: str) -> SegmentKind:
    """The kind of a line (or segment) with a tab: a tab-led line with no other tab is a
    cell; other tab lines are rows of tab-separated cells."""
    return "cell" if line[0] == "\t" and line.find("\t", 1) < 0 else "tsv"


def where(kinds: list[SegmentKind], wanted: tuple[SegmentKind, ...]) -> list[int]:
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
