"""The cells of a table row, in every layout, built by one step (:func:`tile`).

Each layout finds its cells' bounds its own way (each cell's start, its content's start and
end); :func:`tile` builds the cells from them.  Cell k owns the text from its start to the
next cell's start, the last one up to the row's stop (the blank lines after the row
included), so the cells tile the row.  A row the parser makes keeps where its segments are
(a :class:`RowSource` and their numbers) and builds its cells when first read (see
``Row.parts``).
"""

from __future__ import annotations

from typing import TypeAlias

from ..document import CellData, Span, new_span
from ._kinds import SegmentKind
from ._state import LexState
from ._text import NON_WS_RUN_RE, WS, lstrip_at, trim

__all__ = ["CellBounds", "RowSource", "line_cells", "line_row_end", "tile"]

#: the bounds of a row's cells: their starts, their lines (one line for a row on one line),
#: their contents' starts and ends, and their contents where they are not one slice of the
#: text (a wrapped cell's lines, joined)
CellBounds: TypeAlias = tuple[list[int], int | list[int], list[int], list[int], list[str] | None]


class RowSource:
    """What the rows of one text need to build their cells when first read: the lexer's
    segments (the lists are the state's own, not copies)."""

    __slots__ = ("ends", "glued", "kinds", "line_starts", "lines", "starts", "stops", "text")

    def __init__(self, st: LexState) -> None:
        self.text = st.text
        self.line_starts = st.line_starts
        self.starts, self.ends, self.stops, self.lines = st.starts, st.ends, st.stops, st.lines
        self.kinds: list[SegmentKind] = st.kinds
        self.glued = st.glued

    def row_parts(self, first: int, end: int) -> tuple[CellData, ...]:
        """The cells of the row of segments ``first`` to ``end`` (any layout but lines).  The
        blank lines between two rows belong to the row above (its last cell runs to ``end``)."""
        text, kind, stop = self.text, self.kinds[first], self.stops[end - 1]
        a, b, line = self.starts[first], self.ends[first], self.lines[first]
        if kind == "cell":
            bounds = _cells_layout_cells(self, first, end)
        elif kind == "tsv":
            bounds = _tsv_cells(text, a, b, line)
        elif kind in ("pipe", "pipe_rule"):
            bounds = _pipe_cells(text, a, b, line)
        elif kind == "glued":
            bounds = _glued_cells(self.glued[first], a, line)
        else:
            bounds = _spaced_cells(text, a, b, line)
        return tile(text, self.line_starts, stop, bounds)

    def row_text(self, first: int, end: int) -> str:
        """The text of the row of segments ``first`` to ``end``: its cells tile it."""
        return self.text[self.starts[first] : self.stops[end - 1]]

    def row_span(self, first: int, end: int) -> Span:
        """Where the row of segments ``first`` to ``end`` is (its first cell's position)."""
        start, line = self.starts[first], self.lines[first]
        column = start - self.line_starts[line - 1] + 1
        return new_span(start, self.stops[end - 1], line, column)


def tile(text: str, line_starts: list[int], stop: int, bounds: CellBounds) -> tuple[CellData, ...]:
    """The cells of a row that ends at ``stop``, from their bounds."""
    starts, lines, content_starts, content_ends, contents = bounds
    if isinstance(lines, int):  # a row on one line
        lines = [lines] * len(starts)
    cells: list[CellData] = []
    last = len(starts) - 1
    for k, a in enumerate(starts):
        z = starts[k + 1] if k < last else stop
        line = lines[k]
        cs, ce = content_starts[k], content_ends[k]
        content = text[cs:ce] if contents is None else contents[k]
        cells.append((text[a:z], a, line, a - line_starts[line - 1] + 1, content, cs, ce))
    return tuple(cells)


def _tsv_cells(text: str, a: int, b: int, line: int) -> CellBounds:
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


def _pipe_cells(text: str, a: int, b: int, line: int) -> CellBounds:
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


def _glued_cells(bounds: tuple[list[int], list[int]], a: int, line: int) -> CellBounds:
    """A glued row's cells, whose contents' bounds the lexer noted when it cut the row."""
    content_starts, content_ends = bounds
    return [a, *content_starts[1:]], line, content_starts, content_ends, None


def _spaced_cells(text: str, a: int, b: int, line: int) -> CellBounds:
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


def _cells_layout_cells(rs: RowSource, first: int, end: int) -> CellBounds:
    """The cells of a row of the cells layout: tab-led cells, one per line, each with the
    continuation lines of a wrapped cell (their contents trimmed and joined by ``\\n``)."""
    text, kinds, starts, ends, lines = rs.text, rs.kinds, rs.starts, rs.ends, rs.lines
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


def line_row_end(st: LexState, i: int) -> int:
    """The end of the row of the lines layout that starts at segment ``i``: a tabless label
    line, its value lines and the blank lines between them, up to the next line marked as a
    row start, then the blank lines after it."""
    kinds, row_first = st.kinds, st.row_first
    n = len(kinds)
    j = i + 1
    while j < n and (kinds[j] == "lblank" or (kinds[j] == "line" and not row_first[j])):
        j += 1
    while j < n and kinds[j] == "tblank":
        j += 1
    return j


def line_cells(rs: RowSource, first: int, end: int) -> CellBounds:
    """The cells of a row of the lines layout: one per line, trimmed of white space."""
    text, kinds, starts, ends, lines = rs.text, rs.kinds, rs.starts, rs.ends, rs.lines
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
