"""The first pass: the text cut into lines, a long line into segments (a bookmark glued to
its start, run-in headings of a report run together), each classified as it is cut by
:func:`._classify.classify`, or known from a line met before."""

from __future__ import annotations

import operator
from itertools import accumulate, compress, count, repeat

from ..model.forms import REPORT_OUTLINE
from ._classify import classify
from ._kinds import MEMO_KINDS, SegmentKind, tab_kind
from ._runin import runin_cuts
from ._state import LONG_CELL, LexState, add_segment
from ._text import BOOKMARK_RE, WS_TAB, lstrip_at, split_lines

__all__ = ["HEADING_LINES", "LINE_KINDS", "LINE_KINDS_MAX", "segment"]

#: the kind of a line, by its text, for lines whose kind depends on nothing else and which
#: are one segment (see :func:`segment`): a bounded memo, shared by all texts (and
#: threads: every entry is right for its key, whoever wrote it).  A plain dict, not a
#: :class:`~opengov_report._memo.Memo`: the pass fills it as it classifies lines (a kind is
#: known only once the line was read in its text), and checks its bound once per text
LINE_KINDS: dict[str, SegmentKind] = {"": "blank"}
LINE_KINDS_MAX = 16384

#: the heading lines (without run-in text) met so far, by their text: the numbering mark,
#: and the ends of the mark and the title as offsets in the line (bounded; filled by the pass,
#: as LINE_KINDS)
HEADING_LINES: dict[str, tuple[str, int, int]] = {}
HEADING_LINES_MAX = 4096
#: a line longer than this is cut before run-in headings (a report run together) …
LONG_LINE = 2000
#: … or longer than this in a text of at most five non-blank lines
ONE_LINE_MIN = 120


def segment(st: LexState) -> None:
    """Cut the text into lines (and long lines into segments), classifying each.

    Most lines of a report are table cells, blank lines and short lines met before (the
    labels and headings of the standard tables): a line whose kind depends on its text
    alone, and which is one segment, is remembered in :data:`LINE_KINDS` (a bounded
    memo keyed by the line's text, shared by all texts).  When most lines are known,
    the runs of known lines go into the segment lists as slices of the line table,
    computed for all lines at once in C (:func:`_known_lines`); only the other lines
    are classified one by one.  A text of mostly new lines (the first report parsed,
    cells of new numbers) is taken line by line (:func:`_new_lines`), which then costs
    less than building the line table first."""
    text = st.text
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
        _new_lines(st, pieces, bounds, sep, known, long_line, remember)
    else:
        _known_lines(st, pieces, bounds, sep, known, others, long_line, remember)


def _known_lines(
    st: LexState,
    pieces: list[str],
    bounds: list[tuple[int, int, int]] | None,
    sep: int,
    known: list[SegmentKind | None],
    others: list[int],
    long_line: int,
    remember: bool,
) -> None:
    """Add the segments of a text whose lines are mostly known (see :func:`segment`):
    the line table for all lines in C, slices of it for the runs of known lines."""
    if bounds is None:
        lens = list(map(len, pieces))
        line_starts = list(accumulate(map(operator.add, lens, repeat(sep)), initial=0))
        nexts = line_starts[1:]  # a line's stop: where the next one starts …
        if nexts:
            nexts[-1] = len(st.text)  # … or the end of the text
        del line_starts[-1]
        line_ends = list(map(operator.add, line_starts, lens))
    else:
        line_starts = [a for a, _, _ in bounds]
        line_ends = [b for _, b, _ in bounds]
        nexts = [c for _, _, c in bounds]
    st.line_starts = line_starts
    starts, ends, stops, lines, kinds = (
        st.starts,
        st.ends,
        st.stops,
        st.lines,
        st.kinds,
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
        _line(st, done, start, end, nexts[k], piece, long_line, remember)


def _new_lines(
    st: LexState,
    pieces: list[str],
    bounds: list[tuple[int, int, int]] | None,
    sep: int,
    known: list[SegmentKind | None],
    long_line: int,
    remember: bool,
) -> None:
    """Add the segments of a text whose lines are mostly new (see :func:`segment`), line
    by line; tab lines (cells of new numbers, mostly) are classified here, the others by
    :func:`_line`."""
    n = len(st.text)
    starts, ends, stops, lines, kinds = (
        st.starts,
        st.ends,
        st.stops,
        st.lines,
        st.kinds,
    )
    line_starts = st.line_starts = []
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
                    st.long_cells.append(len(kinds))  # not remembered
                elif remember:
                    LINE_KINDS[piece] = kind
            else:
                _line(st, lineno, start, end, stop, piece, long_line, remember)
                continue
        starts.append(start)
        ends.append(end)
        stops.append(stop)
        lines.append(lineno)
        kinds.append(kind)


#: the official sections' openings, numbering and first words (二、主动公开, 三、收到和处)
_SECTION_OPENINGS = tuple(title[: title.index("、") + 5] for title, _ in REPORT_OUTLINE)


def _holds_sections(line: str) -> bool:
    """Whether ``line`` holds two or more of the official sections, numbered: a report run
    together on one line after lines of its own (a crawler's header), however short."""
    return sum(1 for opening in _SECTION_OPENINGS if opening in line) >= 2


def _line(
    st: LexState,
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
    text = st.text
    kinds = st.kinds
    heading = HEADING_LINES.get(piece)
    if heading is not None:  # a heading line seen before (no run-in text)
        mark, mark_end, title_end = heading
        i = add_segment(st, start, end, stop, lineno, "heading")
        st.num[i] = (mark, start + mark_end)
        st.title_end[i] = start + title_end
        return
    # a report run together: longer than a line may be, or holding its sections
    sections = end - start > ONE_LINE_MIN and _holds_sections(piece)
    run_together = end - start > long_line or sections
    if not run_together and "[bookmark:" not in piece:
        if "\t" in piece:
            kind = tab_kind(piece)
            i = add_segment(st, start, end, stop, lineno, kind)
            if kind == "cell" and end - start > LONG_CELL:
                st.long_cells.append(i)
                return  # not remembered
        else:
            classify(st, start, end, stop, lineno, piece)
        # a line that is one segment, of a kind that depends on its text alone, is
        # known from now on (the kind of a line longer than ONE_LINE_MIN depends on
        # how many lines the text has)
        if st.starts[-1] == start and end - start <= ONE_LINE_MIN and remember:
            kind = kinds[-1]
            if kind in MEMO_KINDS:  # (the bound: see segment)
                LINE_KINDS[piece] = kind
            elif kind == "heading":  # its numbering mark and title, as offsets
                i = len(kinds) - 1
                mark, mark_end = st.num[i]
                if len(HEADING_LINES) >= HEADING_LINES_MAX:
                    HEADING_LINES.clear()
                HEADING_LINES[piece] = (mark, mark_end - start, st.title_end[i] - start)
        return
    at = start
    # bookmarks glued to the start of a line
    while "[bookmark:" in piece:
        m = BOOKMARK_RE.match(text, lstrip_at(text, at, end), end)
        if m is None:
            break
        add_segment(st, at, m.end(), m.end(), lineno, "bookmark")
        at = m.end()
    if end - at > long_line or (sections and end - at > ONE_LINE_MIN):
        cuts = runin_cuts(text, at, end)
        for k, (a, b) in enumerate(cuts):
            classify(st, a, b, stop if k + 1 == len(cuts) else b, lineno, text[a:b])
        return
    classify(st, at, end, stop, lineno, text[at:end])
