"""Table 二 (主动公开) found in the character stream, whatever the line breaks.

The same alignment as :mod:`.stream`: the rows of the form (``DISCLOSURE_FORM``: 规章, 行政规范性
文件, 行政许可 …, each with its columns) are found in printed order after the first caption
(第二十条第（一）项), each row's value run ends at the next row's label or the next caption
(or, where words come between, where its values end: a row the form does not have, such as
其他主动公开文件, follows), an instruction in brackets after a label (规章（设区的市…）) is the
label's, and the run is cut into the row's columns by :func:`~.cell_runs.read_row`, a sign
(增, 减) starting the 本年增/减 cell.  Table 二 has no sum
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
from .cell_runs import Piece, RowReading, Token, read_row
from .stream import Squashed, fold, missing_reason

__all__ = ["read_stream_disclosure"]

#: a unit of money written after an amount's digits (万元, 亿, …)
_UNIT = "(?:" + "|".join(AMOUNT_UNIT_SPELLINGS) + ")?"
#: a number: digits, or digits grouped by thousands (``1,200``, ``1，200``: one number, no
#: digit or separator right after it)
_NUMBER = r"(?:[0-9]{1,3}(?:[,，][0-9]{3})+(?![0-9,，])|[0-9０-９]+)"
_VALUE_RE = re.compile(
    r"[+\-－增减]?" + _NUMBER + r"(?:[.．][0-9０-９]+)?" + _UNIT + r"|无|[—―─–\-－/／]+|\S"
)
_NUMBER_ONLY = re.compile(r"[0-9０-９]+")
#: how far (squashed characters) a row's label may be from the end of the row before it
_WINDOW = 300
#: the longest instruction in brackets a row label carries (R-WH20's
#: ``规章（设区的市、自治州人民政府应提供相关数据）``)
_INSTRUCTION_MAX = 80
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
            end = _past_instruction(sq, best[1])
            found.append((index, best[0], end))
            cursor = end
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
            if tokens is None:
                # its values, then a row the form does not have (其他主动公开文件 12 12 30):
                # the row's values are the run that follows its label
                tokens = _leading_tokens(s, end)
        else:  # the last row: its values are the run that follows its label
            tokens = _leading_tokens(s, end)
        if tokens is None:
            missing.append(Missing(row_id, None, "unreadable"))
            continue
        reading = _read_cells(tokens, columns)
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


def _past_instruction(sq: str, end: int) -> int:
    """Where a row label that ends at ``end`` ends with the instruction in brackets that
    regional forms print after it (``规章（设区的市、自治州人民政府应提供相关数据）``): the
    instruction is part of the label, not of the row's values."""
    if not sq.startswith("(", end):
        return end
    close = sq.find(")", end, end + _INSTRUCTION_MAX)
    return end if close < 0 else close + 1


#: the words and marks that start a signed change (本年增/减: 增3, 减13, -8, +5)
_SIGNS = "增减+-－"


def _read_cells(tokens: list[Token], columns: tuple[str, ...]) -> RowReading:
    """The cells of a row of table 二 from its value run.

    A sign (增, 减, ``-``, ``+``) starts the 本年增/减 cell and nothing else: the cells before
    that column are read from the tokens before the signed one, and 本年增/减 with the cells
    after it from the sign's digits on.  So in a glued run the digits before the sign are the
    cells before it (``56增3120``: 上一年项目数量 is 56), and the sign's digits may run into the
    next cell (增3 120, 增31 20 or 增312 0: those cells stay missing)."""
    width = len(columns)
    signed = [i for i, t in enumerate(tokens) if _is_signed(t.text)]
    if len(tokens) == width or "change" not in columns or len(signed) != 1:
        return read_row(tokens, width, ())
    at, k = signed[0], columns.index("change")
    sign = tokens[at]
    digits = Token(sign.text[1:].translate(FULL_WIDTH_DIGITS), sign.start + 1, sign.end)
    before = read_row(tokens[:at], k, ()) if k else RowReading((), False, 1)
    if at and not k:
        before = RowReading((), False, 0)
    after = read_row([digits, *tokens[at + 1 :]], width - k, ())
    head = after.cells[0] if after.cells else None
    lead: tuple[Piece | str | None, ...]
    if isinstance(head, tuple) and head[0] == digits.start:
        lead = ((sign.start, head[1]),)
    else:
        lead = (None,)
    cells = (*before.cells, *lead, *after.cells[1:])
    if len(before.cells) != k or (at and not k):
        cells = (None,) * width
    return RowReading(
        cells,
        before.recovered or after.recovered,
        max(before.readings, after.readings),
    )


def _is_signed(text: str) -> bool:
    """``增3``, ``减13``, ``-8``, ``增31,440``: a sign, then a number (not a dash, not a bare
    number)."""
    return len(text) > 1 and text[0] in _SIGNS and text[1].isdigit()


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
    r"(?:[\s\u3000]*(?:[+\-－增减]?"
    + _NUMBER
    + r"(?:[.．][0-9０-９]+)?"
    + _UNIT
    + r"|无|[—―─–\-－/／]+))+"
)
#: what may not follow a run of values right after its last digit: the run is then part of
#: something else (a numbering 1. or 2、, digits 1,2 that group no thousands, a time 8:00)
_NOT_AFTER_A_RUN = frozenset("、.．,，:：%％")


def _leading_tokens(s: Squashed, sq_start: int) -> list[Token] | None:
    """The tokens of the run of values that starts the text at ``sq_start`` (the table's
    last row, followed by prose), or None when no value starts it."""
    start = s.end_offset(sq_start)
    m = _RUN_RE.match(s.text, start)
    if m is None:
        return None
    end = m.end()
    if end < len(s.text) and s.text[end] in _NOT_AFTER_A_RUN and s.text[end - 1].isdigit():
        return None  # digits that number what follows (…7816 2.开设…), or 1,2: not ours
    return _tokens_between(s, start, end)
