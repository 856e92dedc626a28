"""What the lexer's passes know about one text: its segments, in parallel lists.

A segment is a line, or part of a line where a line holds more than one thing.  The
segments are kept in parallel lists indexed by segment number, and what only some segments
have in dicts keyed by that number: a per-segment object costs more to build than the lexer
spends on most lines (table-heavy reports are mostly one short cell per line).  The passes
(see the package's ``PASSES``) read and refine these; the state holds no logic.
"""

from __future__ import annotations

from ..document import NumberingAnomaly
from ._kinds import SegmentKind

__all__ = ["LONG_CELL", "LexState", "add_segment"]

#: a cell segment longer than this may be an indented paragraph (see ``_tables.cell_tables``)
LONG_CELL = 51


class LexState:
    """The segments of one text, as the passes leave them."""

    __slots__ = (
        "anomaly",
        "ends",
        "glued",
        "kinds",
        "level",
        "line_starts",
        "lines",
        "long_cells",
        "num",
        "row_first",
        "runins",
        "starts",
        "stops",
        "text",
        "title_end",
    )

    def __init__(self, text: str) -> None:
        self.text = text  # the whole text, line endings included
        self.line_starts: list[int] = []  # offset of each line, by line number - 1
        self.starts: list[int] = []  # offset of each segment
        self.ends: list[int] = []  # end of each segment's content (before its line ending)
        self.stops: list[int] = []  # the same with its line ending (its end inside a line)
        self.lines: list[int] = []  # each segment's line number (1-based)
        self.kinds: list[SegmentKind] = []  # each segment's kind: by its text, then refined
        self.row_first: list[bool] = []  # lines layout: whether a segment starts a table row
        self.num: dict[int, tuple[str, int]] = {}  # headings: numbering mark, and its end
        self.title_end: dict[int, int] = {}  # headings: end of the title
        self.level: dict[int, int] = {}  # headings: depth
        self.anomaly: dict[int, NumberingAnomaly | None] = {}  # headings: numbering anomaly
        self.glued: dict[int, tuple[list[int], list[int]]] = {}  # glued rows: content starts, ends
        self.runins: list[int] = []  # the segments of run-in text after a heading's title
        self.long_cells: list[int] = []  # cells longer than LONG_CELL (maybe indented prose)


def add_segment(st: LexState, start: int, end: int, stop: int, line: int, kind: SegmentKind) -> int:
    """Append a segment; returns its number."""
    st.starts.append(start)
    st.ends.append(end)
    st.stops.append(stop)
    st.lines.append(line)
    st.kinds.append(kind)
    return len(st.kinds) - 1
