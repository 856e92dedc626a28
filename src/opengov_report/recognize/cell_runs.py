"""Which characters of a run of values go into which cell of a table row.

A flattened page keeps a row's values as a run: spaced (``0 1 1 0 2``), glued (``713000074``),
mixed (`` 10 0 00 0 1``), or short because blank cells vanished (``22`` for 2, five blanks, 2).
The cells a run must fill and the sums the form states (总计 = the sum of its parts) make this a
small constraint problem, solved here by a bounded depth-first search over the ways to cut the
run:

- a run of exactly as many tokens as cells, or one token of as many digits as cells, is read
  as written (each token or digit one cell), whatever its sums: that is what the report says
  (a number grouped by thousands, ``1,234``, is one token where the row's sums hold: its
  comma might part two cells); a run of several tokens with as many characters as cells is
  read one character a cell when its sums hold (``10 0 00 0 1``); when they fail, a number
  may be whole beside blank cells that vanished (``0 —— 252 —— 无``), and the run is searched
  as below;
- otherwise every way to cut the digits into numbers without leading zeros, one number a cell,
  spaces always between cells, that satisfies every sum (blank counts as 0), is a *reading*;
  only a run with fewer characters than cells has vanished (blank) cells, and then as few as
  make a reading.  A cell is known when every reading agrees on it; the others stay unknown.

Nothing is chosen between readings: where more than one fits, only what they share is kept.
The search collects at most ``limit`` readings and visits at most ``budget`` states; past
either, the run is unknown (what the readings found share, the ones not found need not).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from .._chars import BLANK as _BLANK_CHARS
from ..numerals import FULL_WIDTH_DIGITS

__all__ = [
    "BLANK",
    "Piece",
    "RowReading",
    "Token",
    "cell_of",
    "number_of",
    "read_row",
    "tokens_of",
]

#: the marks a cell may hold instead of a number (not applicable, none)
_MARKERS = frozenset({"——", "—", "-", "－", "―", "/", "／", "无", "--", "———", "─", "–"})
#: a number with its thousands grouped (``1,234``, ``1，234``): one cell, whose groups of
#: three are written; digits or a separator right after it make it no such number
_GROUPED = r"[0-9]{1,3}(?:[,，][0-9]{3})+(?![0-9,，])"
_GROUPED_RE = re.compile(_GROUPED)
_TOKEN_RE = re.compile(_GROUPED + r"|[0-9]+|[—―─–\-－/／]+|无|\S")
#: the longest number one cell holds (a count of applications or cases)
_MAX_DIGITS = 9


@attrs.frozen(slots=True)
class Token:
    """A token of a value run: digits or a marker, at ``start:end`` of the text."""

    text: str
    start: int
    end: int

    @property
    def is_digits(self) -> bool:
        return self.text.isdigit()

    @property
    def is_blank(self) -> bool:
        """An empty cell between tabs."""
        return not self.text

    @property
    def number(self) -> int:
        """What the token counts for in a sum: its number (digits, or digits grouped by
        thousands), 0 for a marker."""
        return _number_of_text(self.text)


#: a cell's characters: (start, end) offsets in the text
Piece = tuple[int, int]
#: a cell known to be blank (it vanished when the page was flattened)
BLANK = "blank"


@attrs.frozen(slots=True)
class RowReading:
    """What a run says of its row's cells: for each cell a :data:`Piece`, :data:`BLANK`, or
    None (unknown: the readings disagree, or none fits).  ``recovered`` is True when the
    cells were cut out of glued digits; ``readings`` counts the readings that fit (0: none,
    the row's sums fail for every cut; the search's limit: at least that many); ``options``
    are the readings themselves (none when the limit was reached: they are not all of them),
    for a caller that can tell them apart by other constraints."""

    cells: tuple[Piece | str | None, ...]
    recovered: bool
    readings: int
    options: tuple[tuple[Piece | str, ...], ...] = ()

    @property
    def complete(self) -> bool:
        return all(c is not None for c in self.cells)


def tokens_of(text: str, start: int, end: int) -> list[Token] | None:
    """The tokens of ``text[start:end]`` (digits, markers), or None when it holds anything
    else (words, stray punctuation): not a run of values.

    Where the text separates cells by tabs, every tab starts a cell, and a cell with nothing
    in it is a blank token (text ``""``): such a run has no vanished cells to search for.
    """
    segment = text[start:end].translate(FULL_WIDTH_DIGITS)
    if "\t" in segment:
        return _tab_cells(segment, start)
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(segment):
        t = m.group()
        if not (t.isdigit() or t in _MARKERS or set(t) <= set("—―─–-－/／") or _is_grouped(t)):
            return None
        out.append(Token(t, start + m.start(), start + m.end()))
    return out


def _tab_cells(segment: str, start: int) -> list[Token] | None:
    out: list[Token] = []
    at = segment.find("\t")
    if segment[:at].strip(_BLANK_CHARS):
        return None  # text before the first tab: not a row of cells
    while at >= 0:
        nxt = segment.find("\t", at + 1)
        field_end = len(segment) if nxt < 0 else nxt
        field = segment[at + 1 : field_end]
        content = field.strip(_BLANK_CHARS)
        if not content:
            out.append(Token("", start + at + 1, start + at + 1))
        elif content.isdigit() or content in _MARKERS or _is_grouped(content):
            lead = field.index(content)
            out.append(Token(content, start + at + 1 + lead, start + at + 1 + lead + len(content)))
        else:
            return None
        at = nxt
    return out


def _number(text: str) -> int:
    return int(text)  # int() reads full-width digits too


def _sums_hold(tokens: Sequence[Token], sums: Sequence[tuple[tuple[int, ...], int]]) -> bool:
    """Whether every sum holds over a row read one token a cell."""
    return all(
        sum(tokens[p].number for p in parts) == tokens[total].number for parts, total in sums
    )


def _is_grouped(text: str) -> bool:
    """``1,234``: a number with its thousands grouped."""
    return _GROUPED_RE.fullmatch(text) is not None


def _number_of_text(text: str) -> int:
    """The number of a cell's text for the sums: digits, grouped digits; 0 for a marker."""
    if text.isdecimal():
        return int(text)
    if _is_grouped(text):
        return int(text.replace(",", "").replace("，", ""))
    return 0


def read_row(
    tokens: Sequence[Token],
    width: int,
    sums: Sequence[tuple[tuple[int, ...], int]],
    *,
    limit: int = 24,
    budget: int = 40_000,
) -> RowReading:
    """The cells of a row of ``width`` cells from its value run (see the module docs).

    ``sums``: ``(parts, total)`` position tuples, each total the sum of its parts.
    """
    if not tokens:
        return RowReading((None,) * width, False, 0)
    if len(tokens) == width:
        direct = tuple((t.start, t.end) for t in tokens)
        if any(_is_grouped(t.text) for t in tokens) and not _sums_hold(tokens, sums):
            # a comma between digits may part two cells as well as group thousands: read
            # as one number only where the row's sums say so
            return RowReading((None,) * width, False, 0)
        return RowReading(direct, False, 1, (direct,))
    if any(t.is_blank for t in tokens):
        # cells separated explicitly (tabs): none vanished, and a count that does not fit
        # the columns is not ours to resolve
        return RowReading((None,) * width, False, 0)
    chars = sum(len(t.text) if t.is_digits else 1 for t in tokens)
    if chars == width:
        cells: list[Piece] = []
        values: list[int] = []  # what each cell counts for in the sums
        for t in tokens:
            if t.is_digits:
                cells.extend((t.start + i, t.start + i + 1) for i in range(len(t.text)))
                values.extend(map(int, t.text))
            else:
                cells.append((t.start, t.end))
                values.append(t.number)
        if len(tokens) == 1 or all(
            sum(values[p] for p in parts) == values[total] for parts, total in sums
        ):
            return RowReading(tuple(cells), True, 1, (tuple(cells),))
        # spaced tokens, one of them cut into digits, and the sums fail: blank cells may
        # have vanished as well (``0 —— 252 —— 无``: 252 one cell, two blanks gone), which
        # the search below decides, or leaves unknown
    if chars < len(tokens) or len(tokens) > width:
        return RowReading((None,) * width, False, 0)
    found: list[tuple[Piece | str, ...]] | None = []
    # a cell vanished only where the characters are too few to fill the row, and then the
    # readings with the fewest blank cells are the ones considered
    left = [budget]  # one budget for all the searches of the row
    most = width - len(tokens) if chars < width else 0
    for blanks in range(max(0, width - chars), most + 1):
        found = _search(tokens, width, sums, limit, left, blanks)
        if found is None or found:
            break
    if found is None:
        return RowReading((None,) * width, True, 0)
    if not found:
        return RowReading((None,) * width, True, 0)
    if len(found) >= limit:
        # more readings fit than were collected: what the first ones share, the others need
        # not (twelve 0s for fifteen cells: the first readings found all put the vanished
        # cells last), so no cell is known and there are no options to settle between
        return RowReading((None,) * width, True, len(found))
    agreed: list[Piece | str | None] = []
    for i in range(width):
        first = found[0][i]
        agreed.append(first if all(r[i] == first for r in found) else None)
    return RowReading(tuple(agreed), True, len(found), tuple(found))


def _search(
    tokens: Sequence[Token],
    width: int,
    sums: Sequence[tuple[tuple[int, ...], int]],
    limit: int,
    left: list[int],
    blanks: int,
) -> list[tuple[Piece | str, ...]] | None:
    """Every reading with exactly ``blanks`` blank cells (up to ``limit``), or None when the
    budget ran out."""
    total_at = {total: parts for parts, total in sums}
    # the parts (of a sum) that precede each position: a state's partial sum
    group_of: dict[int, tuple[int, ...]] = {}
    for parts, total in sums:
        for p in (*parts, total):
            group_of[p] = parts
    out: list[tuple[Piece | str, ...]] = []
    cells: list[Piece | str] = []
    values: list[int] = []
    # characters still to read from token ti on (each at most one cell)
    chars_from = [0] * (len(tokens) + 1)
    for i in range(len(tokens) - 1, -1, -1):
        t = tokens[i]
        chars_from[i] = chars_from[i + 1] + (len(t.text) if t.is_digits else 1)
    dead: set[tuple[int, int, int, int, int]] = set()  # states no reading follows from

    def walk(pos: int, ti: int, ci: int, used: int) -> bool:
        """False when the budget ran out."""
        left[0] -= 1
        if left[0] < 0:
            return False
        if len(out) >= limit:
            return True
        if pos == width:
            if ti == len(tokens) and used == blanks:
                out.append(tuple(cells))
            return True
        room = width - pos
        needed = len(tokens) - ti  # every token still to read is at least one piece
        if needed > room or chars_from[ti] - ci + blanks - used < room:
            return True
        partial = sum(values[p] for p in group_of.get(pos, ()) if p < pos)
        state = (pos, ti, ci, partial, used)
        if state in dead:
            return True
        before = len(out)
        options: list[tuple[Piece | str, int, int, int]] = []  # (cell, value, next ti, ci)
        if ti < len(tokens):
            tok = tokens[ti]
            if not tok.is_digits:
                options.append(((tok.start, tok.end), tok.number, ti + 1, 0))
            else:
                rest = tok.text[ci:]
                longest = 1 if rest[0] == "0" else min(_MAX_DIGITS, len(rest))
                for n in range(1, longest + 1):
                    nti, nci = (ti + 1, 0) if n == len(rest) else (ti, ci + n)
                    piece = (tok.start + ci, tok.start + ci + n)
                    options.append((piece, _number(rest[:n]), nti, nci))
        if needed < room and used < blanks:
            options.append((BLANK, 0, ti, ci))
        for cell, value, nti, nci in options:
            parts = total_at.get(pos)
            if parts is not None and value != sum(values[p] for p in parts):
                continue
            cells.append(cell)
            values.append(value)
            ok = walk(pos + 1, nti, nci, used + (cell is BLANK))
            cells.pop()
            values.pop()
            if not ok:
                return False
        if len(out) == before:
            dead.add(state)
        return True

    if not walk(0, 0, 0, 0):
        return None
    return out


def number_of(text: str, cell: Piece | str | None) -> int | None:
    """A cell's number for the sums (blank and marks count 0), or None when unknown."""
    if cell is None:
        return None
    if isinstance(cell, str):
        return 0
    return _number_of_text(text[cell[0] : cell[1]])


def cell_of(text: str, cell: Piece | str | None) -> str | None:
    """The raw text of a cell (``""`` for a blank one), or None when unknown."""
    if cell is None:
        return None
    if isinstance(cell, str):
        return ""
    return text[cell[0] : cell[1]]
