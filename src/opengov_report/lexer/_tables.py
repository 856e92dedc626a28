"""The passes that find tables: which lines are table lines, in each layout, and which blank
lines are inside a table.  (Their rows' cells are built when first read: :mod:`._cells`.)"""

from __future__ import annotations

from ._form_rows import is_form_row_label
from ._kinds import CELL_TABLE_KINDS, SegmentKind, where
from ._state import LexState
from ._text import WS, is_header_row, is_value, many_values

__all__ = ["cell_tables", "line_tables", "spaced_tables"]

#: the kinds of segment that may continue a wrapped cell
_CONT_CANDIDATES: tuple[SegmentKind, ...] = ("para", "spaced", "heading")
#: the kinds of segment that may be a cell of the lines layout
_PARA_HEADING: tuple[SegmentKind, ...] = ("para", "heading")
_JUST_BLANK: tuple[SegmentKind, ...] = ("blank",)


def cell_tables(st: LexState) -> None:
    """Tab lines, pipe lines and continuation lines; blanks between them.

    Each step visits only the segments it may change, found by C-level filters over the
    kinds (most segments of a table-heavy report are cells that no step changes)."""
    text = st.text
    kinds, starts, ends = st.kinds, st.starts, st.ends
    n = len(kinds)
    # a tab-led line of prose with no table line near it is an indented paragraph
    # (only a line longer than 51 characters can hold 51 after its tab: the lexer
    # noted such cells as it met them, in order; no line whose kind it remembers)
    for i in st.long_cells:
        if kinds[i] == "cell":
            content = text[starts[i] + 1 : ends[i]].strip(WS)
            if (
                len(content) > 50
                and any(p in content for p in "。，")
                and not (_near(st, i, -1) or _near(st, i, 1))
            ):
                kinds[i] = "para"
    # continuation lines: short text directly under a cell line (or under another
    # continuation line: the candidates are visited in order, so chains follow)
    for i in where(kinds, _CONT_CANDIDATES):
        if i > 0 and kinds[i - 1] in ("cell", "cont"):
            kind = kinds[i]
            content = text[starts[i] : ends[i]].strip(WS)
            if len(content) <= 40 and not (kind == "heading" and not _table_follows(st, i)):
                kinds[i] = "cont"
    # blank lines between two table lines belong to the table
    _mark_table_blanks(st, CELL_TABLE_KINDS, n)


def _mark_table_blanks(st: LexState, table_kinds: frozenset[SegmentKind], n: int) -> None:
    """Each run of blank lines with a table line on both sides becomes table blanks."""
    kinds = st.kinds
    blanks = where(kinds, _JUST_BLANK)
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


def _near(st: LexState, i: int, step: int) -> bool:
    """Whether the first segment other than blank lines from ``i`` in direction ``step`` is
    a table line."""
    kinds = st.kinds
    j = i + step
    while 0 <= j < len(kinds) and kinds[j] in ("blank", "f_blank"):
        j += step
    return 0 <= j < len(kinds) and kinds[j] in ("cell", "tsv", "cont")


def _table_follows(st: LexState, i: int) -> bool:
    """Whether the segment after ``i`` is a tab line."""
    j = i + 1
    return j < len(st.kinds) and st.kinds[j] in ("cell", "tsv")


def spaced_tables(st: LexState) -> None:
    """Rows of space-separated cells: only runs of two or more make a table."""
    text = st.text
    kinds = st.kinds
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
        if len(members) < 2 and not many_values(text[st.starts[i] : st.ends[i]]):
            kinds[i] = "para"
        else:
            h = i - 1
            while h >= 0 and kinds[h] == "blank":
                h -= 1
            if (
                h >= 0
                and kinds[h] == "para"
                and is_header_row(text[st.starts[h] : st.ends[h]].strip(WS))
            ):
                kinds[h] = "spaced"
                i = h
            for m in range(i, j + 1):
                if kinds[m] == "blank":
                    kinds[m] = "tblank"
        i = j + 1


def line_tables(st: LexState) -> None:
    """One cell per line without tabs: runs of short lines holding several values.  Marks
    the lines that start a row (``row_first``)."""
    text = st.text
    kinds, starts, ends = st.kinds, st.starts, st.ends
    st.row_first = [False] * len(kinds)
    short: list[int] = []
    for i in where(kinds, _PARA_HEADING):
        if ends[i] - starts[i] <= 90:
            content = text[starts[i] : ends[i]].strip(WS)
            if len(content) <= 45 and "。" not in content and "；" not in content:
                short.append(i)
    # a run: short lines with nothing but blank lines between them
    run: list[int] = []
    for i in short:
        if run and kinds[run[-1] + 1 : i].count("blank") != i - run[-1] - 1:
            _make_line_table(st, run)
            run = []
        run.append(i)
    if run:
        _make_line_table(st, run)


def _make_line_table(st: LexState, run: list[int]) -> None:
    if len(run) < 6:
        return
    text = st.text
    kinds, starts, ends = st.kinds, st.starts, st.ends
    values = [kinds[r] == "para" and is_value(text[starts[r] : ends[r]].strip(WS)) for r in run]
    if sum(values) < 3 or len(run) - sum(values) < 2:
        return
    # a numbered line is a row label when values follow it directly, when it follows a
    # value and another numbered label follows it (三、本年度办理结果 → （一）予以公开 → 0),
    # or when it is a row of the form by its numbering and words; else it stays a heading
    # and splits the run
    label = [False] * len(run)
    for idx in range(len(run) - 1, -1, -1):
        if kinds[run[idx]] != "heading":
            continue
        nxt = idx + 1
        after_value = idx > 0 and values[idx - 1]
        if nxt < len(run) and (values[nxt] or (label[nxt] and after_value)):
            label[idx] = True
        elif is_form_row_label(text[starts[run[idx]] : ends[run[idx]]].strip(WS)):
            label[idx] = True  # its values printed elsewhere (pdftotext): a row all the same
    pieces: list[list[int]] = [[]]
    for idx, r in enumerate(run):
        if kinds[r] == "heading" and not label[idx]:
            pieces.append([])
        else:
            pieces[-1].append(idx)
    row_first = st.row_first
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
