"""Tables 三 and 四 found in the character stream, whatever the line breaks.

Real pages come flattened: a whole report on one line, a table's cells glued, one value a line
with the labels elsewhere, labels broken over lines down to one character a line.  This reader
does not depend on lines at all:

1. the text is *squashed*: white space removed and width folded (``（`` → ``(``, ``１`` →
   ``1``), each squashed character remembering its offset in the text;
2. the rows of the form (:data:`~opengov_report.model.forms.APPLICATION_FORM`) are found by
   the tables grammar (``grammars/tables.lark``, :mod:`~opengov_report.recognize.table_grammar`):
   the row labels the text gives, in its order, each within a short distance of the row
   before, parsed by the form's rules (every row optional, each once and in printed order);
   where the table starts is searched: the parse from each place one of the form's first
   rows is met (a label in the prose before the table is passed over for a later one), the
   one with the most rows kept;
3. the text between one label and the next (less the next label's numbering) is the row's
   value run, read into cells by :func:`~opengov_report.recognize.cell_runs.read_row` under
   the form's sums, and rows still undecided are settled by the table's column identities
   (一 + 二 = （七） + 四 and （七） = the sum of the results, in every column) when exactly
   one of their readings satisfies them;
4. when the labels do not come in order but the table's value runs do (text copied out of a
   PDF puts labels beside the values), the runs are given to the form's rows in order, and
   kept only when every identity of the form holds.

Table 四 is its head (行政复议 … 复议后起诉 … 总计) followed by fifteen values.  Every value
keeps the span of its characters in the text.  A cell the text does not decide stays missing,
with the reason.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from array import array
from collections.abc import Callable

import attrs

from .._chars import BLANK, BLANK_SET, NON_BLANK_RUN_RE, SPACE, TAB
from ..document import Span
from ..model.era import Era
from ..model.forms import (
    APPLICANT_COLUMNS,
    APPLICATION_COLUMN_IDENTITIES,
    APPLICATION_FORM,
    REVIEW_COLUMNS_FLAT,
    REVIEW_FORM_HEAD,
    REVIEW_GROUP_SUMS,
    ROW_SUMS_APPLICATIONS,
    application_rows,
)
from ..model.identities import sums_equal
from ..model.tables import (
    ApplicationTable,
    DisclosureTable2019,
    DisclosureTable2021,
    Missing,
    ReviewTable,
    TableCell,
)
from ..model.values import Value, parse_value
from .cell_runs import Piece, RowReading, Token, number_of, read_row, tokens_of
from .stream_labels import CN_DIGITS, LABELS, StreamLabel, find_label, fold
from .table_grammar import parse_rows

__all__ = [
    "Squashed",
    "StreamTables",
    "fold",
    "missing_reason",
    "numbers_read",
    "read_stream_tables",
]

_RUN_RE = NON_BLANK_RUN_RE
_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")
_SPACE_TAB = SPACE + TAB
#: page numbers on a line of their own (``- 3 -``, ``第 3 页``) are not values
_PAGE_NUMBER_RE = re.compile(
    "(?m)^[" + _SPACE_TAB + r"]*(?:[-—–－][ \t]?[0-9０-９]{1,3}[ \t]?[-—–－]"
    r"|第[ \t]?[0-9０-９]{1,3}[ \t]?页(?:[ \t]?共[ \t]?[0-9０-９]{1,3}[ \t]?页)?)"
    "[" + _SPACE_TAB + "]*$"
)
#: how many of the form's first rows may open the table (when the first ones were lost)
_ANCHORS = 8
_NUMBERING_DEBRIS = frozenset(CN_DIGITS + "()、")
#: the labels that sign a format when found anywhere in a flattened page: the head words of
#: table 二 only (recognize.labels' era signs include words prose uses too, 行政规范性文件)
_ERA_SIGNS = (
    (Era.V2021, ("本年制发件数", "本年废止件数", "现行有效件数")),
    (Era.V2019, ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量")),
)


class Squashed:
    """The text without white space, width folded, with the way back to text offsets (made
    when first needed: a text in which no label is found never needs it)."""

    __slots__ = ("_line_starts", "_orig_starts", "_sq_starts", "sq", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.sq = fold(text)
        # offsets, one per run of text between white space and one per line: machine integers
        # (8 bytes each, where a list of ints costs 36), as a one-line page has a run every
        # few characters
        self._sq_starts = array("q")
        self._orig_starts = array("q")
        self._line_starts = array("q")

    def _map(self) -> None:
        at = 0
        sq_starts, orig_starts = self._sq_starts, self._orig_starts
        for m in _RUN_RE.finditer(self.text):
            start, end = m.span()
            sq_starts.append(at)
            orig_starts.append(start)
            at += end - start

    def offset(self, i: int) -> int:
        """The text offset of squashed character ``i`` (the end of the text past the end)."""
        if i >= len(self.sq):
            return len(self.text)
        if not self._sq_starts:
            self._map()
        k = bisect.bisect_right(self._sq_starts, i) - 1
        return self._orig_starts[k] + (i - self._sq_starts[k])

    def end_offset(self, i: int) -> int:
        """The text offset just after squashed character ``i - 1`` (where a label ends)."""
        return self.offset(i - 1) + 1 if i > 0 else 0

    def span(self, start: int, end: int) -> Span:
        if not self._line_starts:
            self._line_starts.append(0)
            self._line_starts.extend(m.end() for m in _LINE_BREAK_RE.finditer(self.text))
        line = bisect.bisect_right(self._line_starts, start)
        return Span(start, end, line, start - self._line_starts[line - 1] + 1)


@attrs.frozen(slots=True)
class StreamTables:
    """What the stream reader found: tables 三 and 四 (or None), and the era its table
    labels sign (``None`` when they sign none)."""

    applications: ApplicationTable | None
    reviews: ReviewTable | None
    era_sign: tuple[Era, Span] | None


def read_stream_tables(text: str | Squashed, era: Era) -> StreamTables:
    """Tables 三 and 四 of ``text`` read from its character stream (see the module docs);
    ``era`` decides the shape of （六） when the table itself does not."""
    raw = text.text if isinstance(text, Squashed) else text
    if "申请" not in raw and "复议" not in raw:
        return StreamTables(None, None, None)
    squashed = text if isinstance(text, Squashed) else Squashed(text)
    sign = _era_sign(squashed)
    fmt_era = sign[0] if sign is not None else era
    return StreamTables(_applications(squashed, fmt_era), _reviews(squashed), sign)


def _era_sign(s: Squashed) -> tuple[Era, Span] | None:
    for era, labels in _ERA_SIGNS:
        for label in labels:
            at = s.sq.find(fold(label))
            if at >= 0:
                start = s.offset(at)
                return era, s.span(start, s.end_offset(at + len(fold(label))))
    return None


# ------------------------------------------------------------------ table 三


_FORM_ROWS = {row.id: row for row in APPLICATION_FORM}


#: a run of values: digits, marks, white space, and numbers grouped by thousands (1,234)
_TRAILING_RUN_RE = re.compile(
    r"(?:[0-9]{1,3}(?:[,，][0-9]{3})+(?![0-9,，])|[" + BLANK + r"0-9０-９—―─–\-－/／无])*"
)
_LAST_TOKEN_RE = re.compile("[0-9０-９]+[" + BLANK + "]*$")


def _run_ends(s: Squashed, start: int) -> tuple[int, ...]:
    """Where a trailing run of values that starts at text offset ``start`` may end: at the
    first character that is no digit, mark or white space.  When ``、`` or ``.`` follows,
    the digits before it are the numbering of what follows (``… 0 0 5、存在的问题``): a
    spaced run ends before them; a glued one one or two digits earlier (both are given),
    never before a ``0`` (no numbering starts with one: ``… 0 05、`` ends ``… 0 0``); after
    a mark (``… 无 无5、``) every digit may be the numbering's.  Where no digit can be
    (``… 0 100、``), the run ends at ``、``: there is always at least one end."""
    m = _TRAILING_RUN_RE.match(s.text, start)
    assert m is not None
    end = m.end()
    if end >= len(s.text) or s.text[end] not in "、.．":
        return (end,)
    last = _LAST_TOKEN_RE.search(s.text, start, end)
    if last is None:
        return (end,)
    digits = last.group().rstrip(BLANK)
    spaced = last.start() == start or s.text[last.start() - 1] in BLANK_SET
    if spaced and len(digits) <= 2 and digits[0] != "0":
        return (last.start(),)
    # a numbering has no leading zero: ``05、`` is a value 0 and the numbering 5.  Spaced
    # digits that reach here are more than two, or start with 0, so they never all go to the
    # numbering; after a mark (``无5、``) they may
    ends = tuple(
        last.start() + len(digits) - n for n in (1, 2) if n <= len(digits) and digits[-n] != "0"
    )
    return ends or (end,)


def _segment(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with its page numbers blanked (same length)."""
    segment = text[start:end]
    if "-" not in segment and "页" not in segment and "—" not in segment:
        return segment
    return _PAGE_NUMBER_RE.sub(lambda m: " " * len(m.group()), segment)


def _value_tokens(text: str, start: int, end: int) -> list[Token] | None:
    """:func:`tokens_of` ``text[start:end]``, page numbers left out."""
    tokens = tokens_of(_segment(text, start, end), 0, end - start)
    if tokens is None or not start:
        return tokens
    return [Token(t.text, t.start + start, t.end + start) for t in tokens]


_TAIL_RE = re.compile("[^" + BLANK + r"0-9０-９—―─–\-－/／]+[" + BLANK + "]*$")


def _row_tokens(
    s: Squashed, sq_start: int, sq_stop: int | None, label: StreamLabel | None = None
) -> list[Token] | None:
    """The value tokens between a label's end and the next label's numbering (or, for the
    last row, the run that follows), or None when that text is not a run of values.  The
    end of a label that a wrapped cell put after the values (没有现成信息需要 0 … 0 另行制作)
    is the label's, not the run's."""
    if sq_start < len(s.sq) and s.sq[sq_start] == "(":
        close = s.sq.find(")", sq_start, sq_start + 40)
        if close > 0:
            sq_start = close + 1  # a note that follows the label (区分处理的 …)
    start = s.end_offset(sq_start)
    end = s.offset(sq_stop) if sq_stop is not None else _run_ends(s, start)[0]
    if end < start:
        return None
    tokens = _value_tokens(s.text, start, end)
    if tokens is None and label is not None:
        tail = _TAIL_RE.search(s.text, start, end)
        if tail is not None and tail.start() > start:
            rest = fold(tail.group())
            if any(rest in key and not key.startswith(rest) for key in label.keys):
                end = tail.start()
                tokens = _value_tokens(s.text, start, end)
    return tokens


def _applications(s: Squashed, era: Era) -> ApplicationTable | None:
    fmt = {Era.V2019: "2019", Era.V2021: "2021"}.get(era, "any")
    labels = LABELS[fmt]
    best: list[tuple[StreamLabel, int, int]] = []
    # the table starts at the first of its rows the text holds (a damaged extraction may
    # have lost the first ones); a label met in prose first is passed over for a later one.
    # From each such place the rows are the tables grammar's parse; the most rows are kept
    for first in range(_ANCHORS):
        at = find_label(s.sq, labels[first], 0, len(s.sq))
        tries = 0
        while at is not None and tries < 3:
            found = parse_rows(s.sq, fmt, (labels[first], *at))
            if len(found) > len(best):
                best = found
            at = find_label(s.sq, labels[first], at[1], len(s.sq))
            tries += 1
        if len(best) >= 6:
            break
    if len(best) < 6:
        return None
    readings: dict[str, RowReading] = {}
    tokens_by_row: dict[str, list[Token] | None] = {}
    for i, (label, _, end) in enumerate(best):
        if label.row.is_group:
            continue
        stop: int | None = None
        if i + 1 < len(best):
            nxt, nstart, _ = best[i + 1]
            stop = nstart
            for form in nxt.numberings:
                if s.sq.endswith(form, end, nstart):
                    stop = nstart - len(form)
                    break
            # a numbering written twice (三三、) or cut (（三）（): no value is a numeral
            while stop > end and s.sq[stop - 1] in _NUMBERING_DEBRIS:
                stop -= 1
        tokens = _row_tokens(s, end, stop, label)
        tokens_by_row[label.row.id] = tokens
        if tokens is not None:
            readings[label.row.id] = read_row(tokens, 7, ROW_SUMS_APPLICATIONS)
    row_ids = [label.row.id for label, _, _ in best]
    has_2021_rows = any(r.startswith("other.") for r in row_ids)
    if has_2021_rows:
        fmt = "2021"
    elif fmt == "any":
        other = readings.get("other")
        fmt = "2019" if other is not None and any(c is not None for c in other.cells) else "2021"
    table_era = Era.V2021 if fmt == "2021" else Era.V2019
    _settle_by_columns(s.text, readings, fmt)
    table = _application_table(s, best, readings, tokens_by_row, table_era, fmt)
    if table is None or table.missing:
        by_order = _by_order(s, best[0][1], fmt if has_2021_rows else None)
        if by_order is not None and numbers_read(by_order) > numbers_read(table):
            return by_order
    return table


def numbers_read(
    table: ApplicationTable | ReviewTable | DisclosureTable2019 | DisclosureTable2021 | None,
) -> int:
    """How many cells of a table hold a number (0 for no table)."""
    return 0 if table is None else sum(1 for c in table.cells if c.value.is_number)


_STANDALONE_NUMBER_RE = re.compile(r"(?<!\S)[0-9０-９]+(?!\S)")


def _by_order(s: Squashed, sq_start: int, fmt: str | None) -> ApplicationTable | None:
    """Table 三 from its value runs alone, given to the form's rows in printed order: for
    text whose labels stand apart from their values (copied out of a PDF).  Kept only when
    the numbers are exactly seven for each row of a format and every identity of the form
    holds: each row's 总计, 一 + 二 = （七） + 四 and （七） = the sum of the results, in
    every column."""
    stops = [s.sq.find(k, sq_start) for k in ("行政复议", "复议后起诉")]
    sq_stop = min([p for p in stops if p >= 0], default=len(s.sq))
    start, end = s.offset(sq_start), s.offset(sq_stop)
    segment = _segment(s.text, start, end)
    numbers = [
        (m.start() + start, m.end() + start) for m in _STANDALONE_NUMBER_RE.finditer(segment)
    ]
    for form in (fmt,) if fmt is not None else ("2021", "2019"):
        rows = application_rows(form)
        if len(numbers) != 7 * len(rows):
            continue
        readings = {
            row: RowReading(tuple(numbers[7 * i : 7 * i + 7]), True, 1, ())
            for i, row in enumerate(rows)
        }
        if not _identities_hold(s.text, readings, form):
            continue
        cells = [
            TableCell(row, column, _value_at(s, piece), "", None, True)
            for row, reading in readings.items()
            for column, piece in zip(APPLICANT_COLUMNS, reading.cells, strict=True)
            if isinstance(piece, tuple)
        ]
        era = Era.V2021 if form == "2021" else Era.V2019
        return ApplicationTable(tuple(cells), (), (), s.span(start, start), era=era)
    return None


def _value_at(s: Squashed, piece: Piece) -> Value:
    return parse_value(s.text[piece[0] : piece[1]], s.span(*piece))


def _breaks(
    text: str,
    identities: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...],
    cell: Callable[[str, int], Piece | str | None],
) -> bool:
    """Whether a column identity fails where ``cell(row, column)`` decides both its sides
    (a side with an unknown cell decides nothing)."""
    for left, right in identities:
        for column in range(7):
            lhs = [number_of(text, cell(row, column)) for row in left]
            rhs = [number_of(text, cell(row, column)) for row in right]
            if sums_equal(lhs, rhs) is False:
                return True
    return False


def _identities_hold(text: str, readings: dict[str, RowReading], fmt: str) -> bool:
    """Every row's 总计 and both column identities of table 三 hold (every cell known)."""
    for reading in readings.values():
        numbers = [number_of(text, c) or 0 for c in reading.cells]
        for parts, total in ROW_SUMS_APPLICATIONS:
            if not sums_equal([numbers[p] for p in parts], (numbers[total],)):
                return False
    identities = APPLICATION_COLUMN_IDENTITIES[fmt]
    return not _breaks(text, identities, lambda row, c: readings[row].cells[c])


def _settle_by_columns(text: str, readings: dict[str, RowReading], fmt: str) -> None:
    """Rows read in more than one way are settled by the table's column identities
    (一 + 二 = （七） + 四 and （七） = the sum of the results, in every column): a reading is
    kept when every identity whose other rows are decided holds for it; a row is settled
    when exactly one of its readings is kept.  Repeated while a row settles."""
    identities = APPLICATION_COLUMN_IDENTITIES[fmt]
    changed = True
    while changed:
        changed = False
        for row_id, reading in list(readings.items()):
            if len(reading.options) < 2:
                continue
            involved = tuple(i for i in identities if row_id in i[0] or row_id in i[1])
            kept = [
                option
                for option in reading.options
                if not _breaks(text, involved, _with(readings, row_id, option))
            ]
            if len(kept) == 1:
                readings[row_id] = RowReading(kept[0], True, 1, (kept[0],))
                changed = True
        if not changed:
            changed = _settle_jointly(text, readings, identities)


#: the most combinations of rows' readings one identity is tried with
_JOINT_LIMIT = 256


def _settle_jointly(
    text: str,
    readings: dict[str, RowReading],
    identities: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...],
) -> bool:
    """Rows that no identity settles alone (each needs another unsettled row's cells:
    一 and （七） both read two ways, 一 + 二 = （七） + 四 holding for one pair only), settled
    together: for each identity, every combination of its unsettled rows' readings (at most
    :data:`_JOINT_LIMIT`) that breaks no identity is kept, and a row whose reading is the same
    in every combination kept is settled.  Whether a row settled."""
    for identity in identities:
        rows = [
            r for r in (*identity[0], *identity[1])
            if r in readings and len(readings[r].options) >= 2
        ]  # fmt: skip
        if len(rows) < 2 or math.prod(len(readings[r].options) for r in rows) > _JOINT_LIMIT:
            continue
        kept = [
            combo
            for combo in itertools.product(*(readings[r].options for r in rows))
            if not _breaks(
                text, identities, _with_all(readings, dict(zip(rows, combo, strict=True)))
            )
        ]
        settled = False
        for i, row_id in enumerate(rows):
            if kept and all(combo[i] == kept[0][i] for combo in kept):
                readings[row_id] = RowReading(kept[0][i], True, 1, (kept[0][i],))
                settled = True
        if settled:
            return True
    return False


def _with_all(
    readings: dict[str, RowReading], chosen: dict[str, tuple[Piece | str, ...]]
) -> Callable[[str, int], Piece | str | None]:
    """The cells of the table with the readings ``chosen`` for some rows."""

    def cell(row: str, column: int) -> Piece | str | None:
        option = chosen.get(row)
        return option[column] if option is not None else _known(readings, row, column)

    return cell


def _with(
    readings: dict[str, RowReading], row_id: str, option: tuple[Piece | str, ...]
) -> Callable[[str, int], Piece | str | None]:
    """The cells of the table with ``option`` as the reading of ``row_id``."""

    def cell(row: str, column: int) -> Piece | str | None:
        return option[column] if row == row_id else _known(readings, row, column)

    return cell


def _known(readings: dict[str, RowReading], row_id: str, column: int) -> Piece | str | None:
    reading = readings.get(row_id)
    return None if reading is None else reading.cells[column]


def missing_reason(reading: RowReading) -> str:
    """Why a cell of a run stays missing (the line reader's words for the same cases)."""
    if reading.readings > 1:
        return "glued digits: ambiguous split"
    return "glued digits: no split adds up" if reading.recovered else "unresolved"


def _value_of(s: Squashed, cell: Piece | str | None, at: int) -> Value | None:
    if cell is None:
        return None
    if isinstance(cell, str):  # BLANK: a cell that vanished, at the place of its row
        return Value.blank(s.span(at, at))
    return _value_at(s, cell)


def _application_table(
    s: Squashed,
    found: list[tuple[StreamLabel, int, int]],
    readings: dict[str, RowReading],
    tokens_by_row: dict[str, list[Token] | None],
    era: Era,
    fmt: str,
) -> ApplicationTable | None:
    cells: list[TableCell] = []
    missing: list[Missing] = []
    seen = {label.row.id for label, _, _ in found}
    for row_id in application_rows(fmt):
        if row_id not in seen:
            missing.append(Missing(row_id, None, "not found"))
            continue
        reading = readings.get(row_id)
        if reading is None:
            missing.append(Missing(row_id, None, "unreadable"))
            continue
        label_text = _FORM_ROWS[row_id].labels[0]
        first_token = tokens_by_row.get(row_id)
        at = first_token[0].start if first_token else 0
        for column, cell in zip(APPLICANT_COLUMNS, reading.cells, strict=True):
            value = _value_of(s, cell, at)
            if value is None:
                missing.append(Missing(row_id, column, missing_reason(reading)))
                continue
            cells.append(TableCell(row_id, column, value, label_text, None, reading.recovered))
    if not any(c.value.is_number for c in cells):
        return None
    first = found[0]
    start = s.offset(first[1])
    return ApplicationTable(tuple(cells), tuple(missing), (), s.span(start, start), era=era)


# ------------------------------------------------------------------ table 四

_HEAD_KEYS = tuple(sorted({fold(k) for k in REVIEW_FORM_HEAD}, key=lambda k: (-len(k), k)))


def _reviews(s: Squashed) -> ReviewTable | None:
    """Table 四: after its head (found by 复议后起诉, else by the last 尚未审结 of a head that
    names 行政复议), the fifteen values."""
    for anchor in ("复议后起诉", "尚未审结"):
        key = fold(anchor)
        at = s.sq.find(key)
        tries = 0
        while at >= 0 and tries < 5:
            if anchor == "复议后起诉" or s.sq.find("行政复议", max(0, at - 80), at) >= 0:
                table = _review_after(s, at + len(key))
                if table is not None:
                    return table
            at = s.sq.find(key, at + len(key))
            tries += 1
    return None


def _review_after(s: Squashed, cursor: int) -> ReviewTable | None:
    sq = s.sq
    moved = True
    while moved:
        moved = False
        for k in _HEAD_KEYS:
            if sq.startswith(k, cursor):
                cursor += len(k)
                moved = True
                break
    start = s.end_offset(cursor)
    complete = []
    for end in _run_ends(s, start):
        tokens = _value_tokens(s.text, start, end)
        if tokens:
            reading = read_row(tokens, 15, REVIEW_GROUP_SUMS)
            complete.append((reading.complete, reading, tokens))
    if not complete:
        return None
    if len(complete) > 1:  # where a glued run ends is told by the one complete reading
        whole = [c for c in complete if c[0]]
        if len(whole) != 1:
            return None
        complete = whole
    _, reading, tokens = complete[0]
    cells: list[TableCell] = []
    missing: list[Missing] = []
    for (group, column), cell in zip(REVIEW_COLUMNS_FLAT, reading.cells, strict=True):
        value = _value_of(s, cell, tokens[0].start)
        if value is None:
            reason = missing_reason(reading)
            missing.append(Missing(group, column, reason))
            continue
        cells.append(TableCell(group, column, value, "", None, reading.recovered))
    written = sum(len(t.text) if t.is_digits else 1 for t in tokens)
    if not any(c.value.is_number for c in cells) and written < len(REVIEW_COLUMNS_FLAT):
        return None  # a few digits after the head's words: no table of fifteen cells
    # a table whose values are there but cannot be cut (its sums contradict every cut) is a
    # table with its cells missing, not a table not found
    return ReviewTable(tuple(cells), tuple(missing), (), s.span(start, start))
