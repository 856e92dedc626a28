"""Table 二 (主动公开) found in the character stream, whatever the line breaks.

The same alignment as :mod:`.stream`: the rows of the form (``DISCLOSURE_FORM``: 规章, 行政规范性
文件, 行政许可 …, each with its columns) are found in printed order after the first caption
(第二十条第（一）项), each row's value run ends at the next row's label or the next caption,
and the run is cut into the row's columns by :func:`~.cell_runs.read_row`.  Table 二 has no sum
within a row: a run is read when it holds one token or one digit a column (``000`` for 规章,
``0`` for 行政许可), and a run that could be cut more than one way (``8855698`` for three
columns) leaves its cells missing.
"""

from __future__ import annotations

import re

from ..model.era import Era
from ..model.forms import DISCLOSURE_FORM
from ..model.tables import DisclosureTable2019, DisclosureTable2021, Missing, TableCell
from ..model.values import AMOUNT_UNIT_SPELLINGS, parse_value
from ..numerals import FULL_WIDTH_DIGITS
from .cell_runs import Token, read_row
from .stream import Squashed, fold, missing_reason

__all__ = ["read_stream_disclosure"]

#: a unit of money written after an amount's digits (万元, 亿, …)
_UNIT = "(?:" + "|".join(AMOUNT_UNIT_SPELLINGS) + ")?"
_VALUE_RE = re.compile(
    r"[+\-－增减]?[0-9０-９]+(?:[.．][0-9０-９]+)?" + _UNIT + r"|无|[—―─–\-－/／]+|\S"
)
_NUMBER_ONLY = re.compile(r"[0-9０-９]+")
#: how far (squashed characters) a row's label may be from the end of the row before it
_WINDOW = 300
#: how far the table may run past its first caption when table 三 does not end it
_SPAN = 2000


def read_stream_disclosure(
    s: Squashed, era: Era
) -> DisclosureTable2019 | DisclosureTable2021 | None:
    """Table 二 of the text in ``era``'s form, or None (no caption, or no era to read by)."""
    fmt = {Era.V2019: "2019", Era.V2021: "2021"}.get(era)
    if fmt is None:
        return None
    sq = s.sq
    start = sq.find(fold("第二十条第（一）项"))
    if start < 0:
        return None
    stop = sq.find(fold("收到和处理"), start)
    stop = stop if stop >= 0 else min(len(sq), start + _SPAN)
    caption = fold("第二十条")
    rows = DISCLOSURE_FORM[fmt]
    found: list[tuple[int, int, int]] = []  # (row index, label start, label end)
    cursor = start
    for index, (_, labels, _) in enumerate(rows):
        best: tuple[int, int] | None = None
        for label in sorted((fold(x) for x in labels), key=len, reverse=True):
            at = sq.find(label, cursor, min(stop, cursor + _WINDOW))
            if at >= 0 and (best is None or at < best[0]):
                best = (at, at + len(label))
        if best is not None:
            found.append((index, *best))
            cursor = best[1]
    if not found:
        return None
    cells: list[TableCell] = []
    missing: list[Missing] = []
    seen = {index for index, _, _ in found}
    for i, (index, _, end) in enumerate(found):
        row_id, labels, columns = rows[index]
        limit = found[i + 1][1] if i + 1 < len(found) else stop
        next_caption = sq.find(caption, end, limit)
        if next_caption >= 0 or i + 1 < len(found):
            tokens = _tokens(s, end, next_caption if next_caption >= 0 else limit)
        else:  # the last row: its values are the run that follows its label
            tokens = _leading_tokens(s, end)
        if tokens is None:
            missing.append(Missing(row_id, None, "unreadable"))
            continue
        reading = read_row(tokens, len(columns), ())
        for column, cell in zip(columns, reading.cells, strict=True):
            if cell is None or isinstance(cell, str):
                reason = missing_reason(reading)
                missing.append(Missing(row_id, column, reason))
                continue
            raw = s.text[cell[0] : cell[1]]
            unit = "万元" if fmt == "2021" and column == "amount" else None
            value = parse_value(raw, s.span(*cell), default_unit=unit, signed=column == "change")
            cells.append(TableCell(row_id, column, value, labels[0], None, reading.recovered))
    missing.extend(
        Missing(rows[i][0], None, "not found") for i in range(len(rows)) if i not in seen
    )
    if not any(c.value.is_number for c in cells):
        return None
    where = s.offset(start)
    table_type = DisclosureTable2021 if fmt == "2021" else DisclosureTable2019
    return table_type(tuple(cells), tuple(missing), (), s.span(where, where))


def _tokens(s: Squashed, sq_start: int, sq_stop: int) -> list[Token] | None:
    """The value tokens of ``sq[sq_start:sq_stop]`` in the text, or None when it holds
    anything but values.  Decimals, signed changes and amounts are one token each; only a
    run of bare digits can be cut."""
    return _tokens_between(s, s.end_offset(sq_start), s.offset(sq_stop))


def _tokens_between(s: Squashed, start: int, end: int) -> list[Token] | None:
    if end < start:
        return None
    out: list[Token] = []
    for m in _VALUE_RE.finditer(s.text, start, end):
        text = m.group()
        if len(text) == 1 and not text.isdigit() and text not in "无-－/／—":
            return None
        if _NUMBER_ONLY.fullmatch(text):
            text = text.translate(FULL_WIDTH_DIGITS)
        out.append(Token(text, m.start(), m.end()))
    return out


_RUN_RE = re.compile(
    r"(?:[\s\u3000]*(?:[+\-－增减]?[0-9０-９]+(?:[.．][0-9０-９]+)?"
    + _UNIT
    + r"|无|[—―─–\-－/／]+))+"
)


def _leading_tokens(s: Squashed, sq_start: int) -> list[Token] | None:
    """The tokens of the run of values that starts the text at ``sq_start`` (the table's
    last row, followed by prose), or None when no value starts it."""
    start = s.end_offset(sq_start)
    m = _RUN_RE.match(s.text, start)
    if m is None:
        return None
    end = m.end()
    if end < len(s.text) and s.text[end] in "、.．" and s.text[end - 1].isdigit():
        return None  # digits that number what follows (…7816 2.开设…): not ours to cut
    return _tokens_between(s, start, end)
