"""The legacy 统计表 read from the character stream, whatever the line breaks.

Scraped pages flatten a report onto one line: the 统计表 comes as ``指标名称 计量单位 年末统计
主动公开信息数 条 15 其中：1．网站公开 条 15 …``, or with nothing between the cells at all
(``主动公开信息数条20263542其中：1.网站公开条179533042.政府公报公开条07``).  The line-based
recogniser (:mod:`.legacy`) never sees a table there; this one finds the head by its labels
(``统计指标``/``指标名称``, ``单位``/``计量单位``, then ``统计数``, ``年末统计``, ``数量``,
``2011年度`` and ``历年累计`` or ``本年累计`` …) with white space ignored, and reads each row as
label → unit → value text up to the next row's label.  A 代码 column before the values (定西
2008) is left out where each row writes its code apart (``条 01 425 1516``); glued to the
values, it leaves the row missing.

Digits run together are split only where the table leaves one reading:

- the digits of the next row's numbering (``…条15`` + ``2.政府公报``) are cut off by the
  numbering the table's own lists expect next;
- two value columns glued (``条4251516`` = 425 | 1516): the cuts without a leading zero; where
  more than one is left, the table's constraints choose (历年累计 ≥ the year's value, unless
  the table's own readable rows break it; a 其中 list of two or more rows adding up to the row
  above, in each column), jointly over the rows.  A run that also reads as one number (``10``:
  1 | 0, or 10 and a blank cell) is cut only where a 其中 list adding up with the cut confirms
  it, and not at all in a table that shows a blank cell; ``00`` and ``03`` are two cells
  whatever.  What is still not unique stays missing (a
  :class:`~opengov_report.model.tables.Missing` with the reason, the digits kept as an
  unreadable value), never guessed.

Linear in the text: the head is found by one bounded pattern, each candidate table is read
from a bounded window after it, and every search there is bounded.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Sequence

import attrs

from .._chars import BLANK, BLANK_SET, FULL_WIDTH_ASCII
from ..document import Span
from ..model.forms import LEGACY_UNITS
from ..model.tables import LegacyRow, LegacyTable, Missing
from ..model.values import MONEY_UNITS, Value, ValueKind, parse_value
from .labels import LEGACY_INDICATOR_LABELS, LEGACY_INDICATOR_SPELLINGS, legacy_row_id

__all__ = ["fuller_legacy", "read_legacy_stream"]

_WS_CLASS = "[" + BLANK + "]"
#: the first column's head, its characters maybe spaced out (指 标 名 称, 统　计　指　标)
_HEAD_RE = re.compile(
    "|".join(f"{_WS_CLASS}{{0,3}}".join(word) for word in ("统计指标", "指标名称"))
)
#: full-width ASCII folded to ASCII, one character for one (offsets stay aligned)
_FOLD = FULL_WIDTH_ASCII
#: how far after a head its table may reach, and how many heads are tried
_WINDOW = 40_000
_MAX_HEADS = 16
_MAX_ROWS = 400
_MAX_LABEL = 100
_UNIT_HEADS = ("计量单位", "单位")
_PERIOD_HEADS = ("年末统计", "统计数", "本年度", "数量", "数值", "本年", "本期实际")
_CUMULATIVE_HEADS = ("历年累计", "本年累计", "累计")
#: a column of row codes before the values (定西 2008: 指标名称 计量单位 代码 本期实际 本年累计)
_CODE_HEAD = "代码"
#: a code is a short number: two or three digits written before the row's values
_CODE_MAX = 3
#: a row's numbering: 其中： （一） （1） 一、 1. ①
_NUMBERING_RE = re.compile(
    r"(?P<qz>其中:?)"
    r"|(?P<cnp>\([一二三四五六七八九十]{1,3}\))"
    r"|(?P<arp>\([0-9]{1,2}\))"
    r"|(?P<cn>[一二三四五六七八九十]{1,3}[、.])"
    r"|(?P<ar>[0-9]{1,2})[、.](?![0-9])"
    r"|(?P<circ>[①-⑳])"
)
#: sentence ends (full-width ones are folded to ASCII in the window)
_SENTENCE_END = frozenset("。!?;")
_DASH_CHARS = frozenset("—–-―/")
#: the longest digit run cut in two, the most readings of one 其中 list tried, and of all
_MAX_GLUED = 24
_MAX_PRODUCT = 50_000
_BUDGET = 400_000
#: the units by their last character, longest first (a label ending 万元 ends with 万元, not 元)
_UNITS_BY_LAST: dict[str, tuple[str, ...]] = {
    last: tuple(sorted((u for u in LEGACY_UNITS if u[-1] == last), key=lambda u: (-len(u), u)))
    for last in {u[-1] for u in LEGACY_UNITS}
}
_KNOWN_IDS = frozenset(LEGACY_INDICATOR_LABELS)
#: the spellings of the well-known indicators long enough to start a row on their own
_KNOWN_STARTS = tuple(
    sorted(
        {x for spellings in LEGACY_INDICATOR_SPELLINGS.values() for x in spellings if len(x) >= 4},
        key=lambda x: (-len(x), x),
    )
)

AMBIGUOUS = "glued digits: ambiguous split"
NO_SPLIT = "glued digits: no split fits the table"
NUMBERING_UNCLEAR = "glued digits: the next row's numbering is unclear"
ONE_FOR_TWO = "one value for two columns"
MAYBE_BLANK = "glued digits: the table has blank cells, this run may be one cell"
MAYBE_ONE = "glued digits: one number, or two that no 其中 list confirms"
TOO_MANY = "more values than columns"
CODE_GLUED = "glued digits: the row's 代码 and values ran together"


def fuller_legacy(lines: LegacyTable | None, stream: LegacyTable | None) -> LegacyTable | None:
    """Of the 统计表 read from lines (:func:`.legacy.recognize_legacy`) and the one read from
    the character stream (:func:`read_legacy_stream`), the one that gives more well-known
    indicators a number; the line-based one on a tie (where a table's rows keep their lines,
    it reads what they say).

    Lines can mislead the line-based reading: text wrapped at a fixed width (copied out of a
    PDF) starts lines in the middle of rows, and the rows it then sees are pieces of two."""
    if lines is None or (stream is not None and _known_values(stream) > _known_values(lines)):
        return stream
    return lines


def _known_values(table: LegacyTable) -> int:
    """How many well-known indicators ``table`` gives a number."""
    return sum(1 for row in table.rows if row.id in _KNOWN_IDS and row.value.is_number)


def read_legacy_stream(text: str) -> LegacyTable | None:
    """The legacy 统计表 found in ``text`` by its head, whatever the line breaks; None when
    there is none.  Of several heads, the table with the most well-known indicators wins."""
    best: LegacyTable | None = None
    best_score = 0
    lines: _Lines | None = None
    for m in itertools.islice(_HEAD_RE.finditer(text), _MAX_HEADS):
        window = _Window(text, m.start(), min(len(text), m.start() + _WINDOW))
        head = _read_head(window.s)
        if head is None:
            continue
        end, ncols, code = head
        raw_rows = _Scanner(window, end).rows()
        if not raw_rows:
            continue
        known = sum(1 for r in raw_rows if not r.section and r.row_id in _KNOWN_IDS)
        score = known * 1000 + len(raw_rows)
        if known == 0 or len(raw_rows) < 2 or score <= best_score:
            continue
        if lines is None:
            lines = _Lines(text)
        if code:
            raw_rows = [_without_code(r, ncols) for r in raw_rows]
        best = _table(window, raw_rows, ncols, lines, m.start(), window.pos[end - 1] + 1)
        best_score = score
    return best


def _without_code(row: _RawRow, ncols: int) -> _RawRow:
    """A row of a table with a 代码 column, its code left out: the short number written apart
    before the values (``条 01 425 1516``).  Where the code is not apart (``条014251516``) the
    row's values cannot be told from it: the row is marked so (its cells missing)."""
    toks = row.tokens
    if not toks:
        return row
    if len(toks) == ncols + 1 and toks[0].text.isdigit() and len(toks[0].text) <= _CODE_MAX:
        return attrs.evolve(row, tokens=toks[1:])
    return attrs.evolve(row, code_glued=True)


# --------------------------------------------------------------------------- the text


class _Window:
    """A stretch of the text without its white space: ``s`` (full-width ASCII folded),
    ``pos[i]`` the offset in the text of ``s[i]``, ``gap[i]`` whether white space came right
    before it."""

    __slots__ = ("gap", "pos", "s", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        chars: list[str] = []
        pos: list[int] = []
        gap: list[bool] = []
        space = False
        folded = text[start:end].translate(_FOLD)
        for offset, ch in enumerate(folded, start):
            if ch in BLANK_SET:
                space = True
                continue
            chars.append(ch)
            pos.append(offset)
            gap.append(space)
            space = False
        self.s = "".join(chars)
        self.pos = pos
        self.gap = gap


class _Lines:
    """Line and column of an offset (lines end at ``\\n``, ``\\r\\n`` or ``\\r``, as the
    lexer counts them)."""

    __slots__ = ("starts",)

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in re.finditer("\r\n|\r|\n", text))]

    def span(self, start: int, end: int) -> Span:
        line = bisect.bisect_right(self.starts, start)
        return Span(start, end, line, start - self.starts[line - 1] + 1)


def _read_head(s: str) -> tuple[int, int, bool] | None:
    """Where the head ends in the squashed window, how many value columns it names (1 or 2)
    and whether a 代码 column comes before them, or None when the first-column head is not
    followed by a unit head and value heads."""
    i = 4  # 统计指标 / 指标名称
    unit = next((h for h in _UNIT_HEADS if s.startswith(h, i)), None)
    if unit is None:
        return None
    i += len(unit)
    code = s.startswith(_CODE_HEAD, i)
    i += len(_CODE_HEAD) if code else 0
    period = cumulative = False
    while i < len(s):
        if s.startswith(_CODE_HEAD, i):
            return None  # a code column after the values: not read here
        year = _year_head(s, i)
        if year:
            if period:
                break  # a row label that starts with a year, or a second period column
            period, i = True, i + year
            continue
        cum = next((h for h in _CUMULATIVE_HEADS if s.startswith(h, i)), None)
        if cum is not None:
            if not period or cumulative:
                return None
            cumulative, i = True, i + len(cum)
            continue
        head = next((h for h in _PERIOD_HEADS if s.startswith(h, i)), None)
        if head is None or period:
            break
        period, i = True, i + len(head)
    if not period:
        return None
    return i, 2 if cumulative else 1, code


def _year_head(s: str, i: int) -> int:
    """The length of a year column's head at ``i`` (``2011年度``, ``2017年``), else 0."""
    if not (s[i : i + 4].isascii() and s[i : i + 4].isdigit() and s.startswith("年", i + 4)):
        return 0
    return 6 if s.startswith("度", i + 5) else 5


# --------------------------------------------------------------------------- rows


@attrs.define(slots=True)
class _Token:
    """A value as written: its text (from the squashed window) and its squashed range."""

    text: str
    start: int
    end: int
    #: the digits ran into the next row's numbering and where it began is not certain
    unclear: bool = False


@attrs.define(slots=True)
class _RawRow:
    """A row as read from the stream: its label (as written, without white space), numbering
    kinds, unit, value tokens, and whether it only gives structure (a section row)."""

    label: str
    row_id: str
    kinds: frozenset[str]
    arabic: int | None
    #: the number of a （1） or ① item, with its style
    item: tuple[str, int] | None
    unit: str | None
    tokens: list[_Token]
    #: neither a unit nor a value: the row only gives structure (一、主动公开情况)
    section: bool
    #: in a table with a 代码 column, the code is not written apart from the values
    code_glued: bool = False


class _Scanner:
    """Reads the rows after a head in a squashed window."""

    __slots__ = ("lists", "qizhong", "s", "start", "w")

    def __init__(self, window: _Window, start: int) -> None:
        self.w = window
        self.s = window.s
        #: where the first row begins (after the head)
        self.start = start
        #: open numbered lists, innermost last: the last number of each
        self.lists: list[int] = []
        #: the last numbered row opened a 其中 list without numbers (其中：主动公开规范性文件数)
        self.qizhong = False

    def rows(self) -> list[_RawRow]:
        out: list[_RawRow] = []
        n = len(self.s)
        i = self.start
        while i < n and len(out) < _MAX_ROWS:
            row, i = self._row(i)
            if row is None:
                break
            out.append(row)
        # trailing section rows with nothing under them are not part of the table
        while out and out[-1].section:
            out.pop()
        return out

    def _numbering(self, i: int) -> tuple[int, frozenset[str], int | None, tuple[str, int] | None]:
        """The numbering prefixes at ``i`` (其中：1．): where the label proper starts, the
        kinds of numbering, the arabic number (1.) and the number of a （1） or ① item."""
        kinds: set[str] = set()
        arabic: int | None = None
        item: tuple[str, int] | None = None
        for _ in range(3):
            m = _NUMBERING_RE.match(self.s, i)
            if m is None:
                break
            kind = m.lastgroup
            assert kind is not None
            if kind in kinds:
                break
            kinds.add(kind)
            if kind == "ar":
                arabic = int(m.group("ar"))
            elif kind == "arp":
                item = (kind, int(m.group(kind)[1:-1]))
            elif kind == "circ":
                item = (kind, ord(m.group(kind)) - ord("①") + 1)
            i = m.end()
        return i, frozenset(kinds), arabic, item

    def _row(self, start: int) -> tuple[_RawRow | None, int]:
        s, n, gap = self.s, len(self.s), self.w.gap
        body, kinds, arabic, item = self._numbering(start)
        j = body
        while j < n:
            ch = s[j]
            if ch in _SENTENCE_END or j - start > _MAX_LABEL:
                return None, j  # prose: the table has ended
            if ch.isdigit() and ch.isascii():
                break  # a value, or the next row's numbering (1.)
            if j > body and gap[j] and _blank_row_ends(s, gap, body, j):
                break  # label and unit, a blank cell, white space, then other text
            if j > body:
                m = _NUMBERING_RE.match(s, j)
                # 一、 inside a label is text (统一、规范) unless a unit ends the row before it
                if m is not None and (m.lastgroup != "cn" or _unit_suffix(s, body, j)):
                    break
            if ch == "(":
                close = _closing(s, j)
                if close > 0:
                    j = close + 1  # a note: （不同渠道和方式公开相同信息计1条）
                    continue
            if (ch == "无" or ch in _DASH_CHARS) and _unit_suffix(s, body, j) is not None:
                break
            j += 1
        unit = _unit_suffix(s, body, j)
        label_end = j - len(unit) if unit is not None else j
        if label_end <= body:
            return None, j
        # what this row's numbering opens or continues: the number the next row may carry
        self._track(kinds, arabic)
        inner = _known_after_unit(s, body, label_end)
        if inner is not None:
            # 网站公开条 + 受理依申请公开信息总数条5: a row whose cells are blank, run into
            # a row the catalogue knows
            cut, unit = inner
            written = self._written(start, cut - len(unit))
            row_id = legacy_row_id(s[start : cut - len(unit)])
            return _RawRow(written, row_id, kinds, arabic, item, unit, [], False), cut
        row_id = legacy_row_id(s[start:label_end])
        tokens, next_start, unclear = self._values(j, unit)
        section = not tokens and unit is None
        # a label without a unit, not one the catalogue knows: only a heading of the rows
        # numbered after it; else the table has ended (a signature and its date, 附件下载)
        if (
            unit is None
            and not kinds
            and row_id not in _KNOWN_IDS
            and (tokens or _NUMBERING_RE.match(s, next_start) is None)
        ):
            return None, j
        if unit is None and tokens and not self.w.gap[j]:
            return None, j  # digits inside a label (政务服务12345热线), not a value after it
        if unclear and tokens:
            tokens[-1].unclear = True
        written = self._written(start, label_end)
        return (
            _RawRow(written, row_id, kinds, arabic, item, unit, tokens, section),
            next_start,
        )

    def _written(self, start: int, end: int) -> str:
        """The label as the text writes it (original characters, white space dropped)."""
        w = self.w
        return "".join(w.text[w.pos[k]] for k in range(start, end))

    def _track(self, kinds: frozenset[str], arabic: int | None) -> None:
        if "qz" in kinds and arabic is None:
            self.qizhong = True  # 其中：… without a number: unnumbered rows may go on with it
        elif kinds:
            self.qizhong = False
        if "cn" in kinds or "cnp" in kinds or not (kinds or self.qizhong):
            self.lists.clear()  # a new section, or a top-level row: no list goes on
        if arabic is None:
            return
        if arabic == 1 or not self.lists:
            self.lists.append(arabic)
            return
        for k in range(len(self.lists) - 1, -1, -1):
            if self.lists[k] == arabic - 1:
                del self.lists[k + 1 :]
                self.lists[k] = arabic
                return
        self.lists[-1] = arabic

    def _expected(self) -> set[str]:
        return {str(n + 1) for n in self.lists} | {"1"}

    def _values(self, j: int, unit: str | None) -> tuple[list[_Token], int, bool]:
        """The value tokens from ``j``; where the next row begins; whether the last token's
        end (cut off from the next row's numbering) is uncertain."""
        s, gap, n = self.s, self.w.gap, len(self.s)
        tokens: list[_Token] = []
        decimals = unit in MONEY_UNITS
        while j < n:
            ch = s[j]
            if ch.isdigit() and ch.isascii():
                k = j + 1
                while k < n and s[k].isdigit() and s[k].isascii() and not gap[k]:
                    k += 1
                # thousands grouped (72,804): a comma and three digits, then no digit
                if k - j <= 3:
                    while _grouped_at(s, gap, k):
                        k += 4
                if (
                    decimals
                    and k + 1 < n
                    and s[k] == "."
                    and s[k + 1].isdigit()
                    and not gap[k]
                    and not gap[k + 1]
                ):
                    k += 2
                    while k < n and s[k].isdigit() and s[k].isascii() and not gap[k]:
                        k += 1
                if k < n and s[k] in "、." and not (k + 1 < n and s[k + 1].isdigit()):
                    # the run ends in the next row's numbering (…条15 2.政府公报, …条152.政府公报)
                    cut, unclear = self._numbering_cut(s[j:k])
                    if cut > 0:
                        tokens.append(_Token(s[j : j + cut], j, j + cut))
                    return tokens, j + cut, unclear
                tokens.append(_Token(s[j:k], j, k))
                j = k
                continue
            if ch == "无":
                tokens.append(_Token(ch, j, j + 1))
                j += 1
                continue
            if ch in _DASH_CHARS:
                k = j + 1
                while k < n and k - j < 4 and s[k] in _DASH_CHARS and not gap[k]:
                    k += 1
                tokens.append(_Token(s[j:k], j, k))
                j = k
                continue
            break
        return tokens, j, False

    def _numbering_cut(self, run: str) -> tuple[int, bool]:
        """How many leading digits of ``run`` are the value, the rest the next row's number:
        the number an open list expects next, or 1 (a new list).  Uncertain when several of
        them end the run, or none does and the run is longer than one digit."""
        fits = [e for e in self._expected() if run.endswith(e)]
        if len(fits) == 1:
            return len(run) - len(fits[0]), False
        if len(run) == 1:
            return 0, False
        return len(run) - 1, True


def _grouped_at(s: str, gap: Sequence[bool], k: int) -> bool:
    """Whether ``s[k:]`` goes on a number in thousands: ``,`` and three digits, no digit
    after them, no white space inside."""
    group = s[k + 1 : k + 4]
    return (
        s.startswith(",", k)
        and len(group) == 3
        and group.isascii()
        and group.isdigit()
        and not any(gap[k : k + 4])
        and not (k + 4 < len(s) and s[k + 4].isdigit() and not gap[k + 4])
    )


def _known_after_unit(s: str, body: int, end: int) -> tuple[int, str] | None:
    """Where a well-known indicator's label starts in ``s[body:end]`` right after a unit
    (the label before it and the unit being a row with blank cells), and that unit."""
    for p in range(body + 2, end - 1):
        unit = _unit_suffix(s, body, p)
        if unit is None:
            continue
        # the rest is one known label, or starts with one (the next rows blank too)
        if legacy_row_id(s[p:end]) in _KNOWN_IDS or s.startswith(_KNOWN_STARTS, p, end):
            return p, unit
    return None


def _blank_row_ends(s: str, gap: Sequence[bool], body: int, j: int) -> bool:
    """Whether the label ``s[body:j]``, which white space follows, ends in a unit with no
    value after it: a row whose cells are blank (a label spaced out character by character,
    受 理 件 数, is one label)."""
    unit = _unit_suffix(s, body, j)
    return unit is not None and not any(gap[body + 1 : j - len(unit)])


def _closing(s: str, j: int) -> int:
    """The closing parenthesis of the one at ``j`` within a short note, else -1."""
    for k in range(j + 1, min(len(s), j + 60)):
        if s[k] in ")）":
            return k
        if s[k] in "(（":
            return -1
    return -1


def _unit_suffix(s: str, body: int, j: int) -> str | None:
    """The unit the label text ``s[body:j]`` ends with (a label is more than its unit)."""
    if j <= body:
        return None
    for unit in _UNITS_BY_LAST.get(s[j - 1], ()):
        if j - body > len(unit) and s.startswith(unit, j - len(unit)):
            return unit
    return None


# --------------------------------------------------------------------------- the table


@attrs.define(slots=True)
class _Cells:
    """A glued row's candidate readings: (value, cumulative), each (digits, squashed start)."""

    row: int
    options: list[tuple[tuple[str, int], tuple[str, int]]]
    forced: bool
    #: the run reads as one number too (no leading zero): one cell written, one blank
    one_number: bool


class _Builder:
    """Values with their spans, for the rows of one table read from a window."""

    __slots__ = ("lines", "w")

    def __init__(self, window: _Window, lines: _Lines) -> None:
        self.w = window
        self.lines = lines

    def offsets(self, start: int, length: int) -> tuple[int, int]:
        """The text offsets of ``length`` squashed characters from ``start`` (they have no
        white space between them: a token never crosses a gap)."""
        return self.w.pos[start], self.w.pos[start + length - 1] + 1

    def value(self, digits: str, start: int) -> Value:
        a, b = self.offsets(start, len(digits))
        return parse_value(self.w.text[a:b], self.lines.span(a, b))

    def unreadable(self, tokens: Sequence[_Token]) -> Value:
        """The row's written values as one unreadable value (they could not be told apart)."""
        a, b = self.w.pos[tokens[0].start], self.w.pos[tokens[-1].end - 1] + 1
        return Value(ValueKind.UNREADABLE, self.w.text[a:b], None, None, self.lines.span(a, b))


def _table(
    window: _Window,
    raw_rows: list[_RawRow],
    ncols: int,
    lines: _Lines,
    start: int,
    end: int,
) -> LegacyTable:
    build = _Builder(window, lines)
    paths = _paths(raw_rows)
    columns = ("value", "cumulative") if ncols == 2 else ("value",)
    indices = [i for i, r in enumerate(raw_rows) if not r.section]
    chosen: dict[int, tuple[Value, Value | None]] = {}
    reasons: dict[int, str] = {}
    # two value columns and most rows one run of digits: the columns are glued; unless a
    # cell is seen blank somewhere (a row without values, or with one digit), when any run
    # may be one cell and the other blank
    spaced = glued = blanks = 0
    if ncols == 2:
        for i in indices:
            toks = raw_rows[i].tokens
            spaced += len(toks) == 2
            glued += len(toks) == 1 and len(toks[0].text) > 1
            blanks += not toks or (len(toks) == 1 and len(toks[0].text) == 1)
    glued_rows: list[_Cells] = []
    for i in indices:
        toks = raw_rows[i].tokens
        if raw_rows[i].code_glued:
            reasons[i] = CODE_GLUED
        elif any(t.unclear for t in toks):
            reasons[i] = NUMBERING_UNCLEAR
        elif not toks:
            chosen[i] = (Value.blank(), Value.blank() if ncols == 2 else None)
        elif len(toks) == ncols:
            values = [build.value(t.text, t.start) for t in toks]
            chosen[i] = (values[0], values[-1] if ncols == 2 else None)
        elif len(toks) > ncols:
            reasons[i] = TOO_MANY
        elif glued > spaced and len(toks[0].text) > 1 and toks[0].text.isdigit():
            run = toks[0].text
            one = run[0] != "0"  # the run reads as one number as well (00, 03 do not)
            if blanks and one:
                reasons[i] = MAYBE_BLANK
            else:
                options = _splits(toks[0])
                glued_rows.append(_Cells(i, options, len(options) == 1, one))
        else:
            reasons[i] = ONE_FOR_TWO
    if glued_rows:
        corroborated = _solve(raw_rows, paths, glued_rows, chosen)
        for cells in glued_rows:
            if len(cells.options) != 1:
                reasons[cells.row] = AMBIGUOUS if cells.options else NO_SPLIT
            elif cells.one_number and cells.row not in corroborated:
                reasons[cells.row] = MAYBE_ONE
            else:
                (a, a_at), (b, b_at) = cells.options[0]
                chosen[cells.row] = (build.value(a, a_at), build.value(b, b_at))
    rows: list[LegacyRow] = []
    missing: list[Missing] = []
    for i in indices:
        r = raw_rows[i]
        if i in reasons:
            unreadable = build.unreadable(r.tokens)
            value, cumulative = unreadable, unreadable if ncols == 2 else None
            missing.extend(Missing(r.row_id, c, reasons[i]) for c in columns)
        else:
            value, cumulative = chosen[i]
        rows.append(LegacyRow(r.row_id, r.label, paths[i], r.unit, value, cumulative))
    return LegacyTable(tuple(rows), columns, tuple(missing), (), lines.span(start, end))


def _splits(token: _Token) -> list[tuple[tuple[str, int], tuple[str, int]]]:
    """The cuts of a digit run into two numbers without a leading zero."""
    digits = token.text
    out: list[tuple[tuple[str, int], tuple[str, int]]] = []
    if len(digits) > _MAX_GLUED:
        return out
    for cut in range(1, len(digits)):
        a, b = digits[:cut], digits[cut:]
        if (len(a) > 1 and a[0] == "0") or (len(b) > 1 and b[0] == "0"):
            continue
        out.append(((a, token.start), (b, token.start + cut)))
    return out


def _paths(raw_rows: Sequence[_RawRow]) -> list[tuple[str, ...]]:
    """Each row's place in the hierarchy: the ids of its ancestors and itself.

    一、 opens level 1 and （一） level 2; 其中 opens a list under the row above; a numbered
    item (2.) goes on the list whose last item is the number before it; a row without
    numbering is top level, except in a table with 一、 sections, where it continues a 其中
    list it follows."""
    seen_cn = any("cn" in r.kinds or "cnp" in r.kinds for r in raw_rows)
    out: list[tuple[str, ...]] = []
    stack: list[tuple[int, str]] = []
    # the open numbered lists: (level, style, last number)
    lists: list[tuple[int, str, int]] = []
    level = 0
    qizhong_level = 0
    for r in raw_rows:
        prev = level
        numbered = (("ar", r.arabic) if r.arabic is not None else None) or r.item
        if "cn" in r.kinds:
            level, lists, qizhong_level = 1, [], 0
        elif "cnp" in r.kinds:
            level, lists, qizhong_level = 2, [], 0
        elif "qz" in r.kinds:
            level = prev + 1
            qizhong_level = level
            if numbered is not None:
                lists.append((level, *numbered))
        elif numbered is not None:
            style, number = numbered
            level = prev + 1  # a new list under the row above
            same = [k for k in range(len(lists)) if lists[k][1] == style]
            following = [k for k in same if lists[k][2] == number - 1]
            if following or (same and number != 1):
                # the next item of an open list (or, a number skipped, of the innermost one)
                k = (following or same)[-1]
                level = lists[k][0]
                del lists[k:]
            lists.append((level, style, number))
            qizhong_level = 0
        elif seen_cn and qizhong_level:
            level = qizhong_level
        else:
            level, lists, qizhong_level = 1, [], 0
        while stack and stack[-1][0] >= level:
            stack.pop()
        out.append((*[i for _, i in stack], r.row_id))
        stack.append((level, r.row_id))
    return out


def _solve(
    raw_rows: Sequence[_RawRow],
    paths: Sequence[tuple[str, ...]],
    glued_rows: list[_Cells],
    chosen: dict[int, tuple[Value, Value | None]],
) -> set[int]:
    """Narrow the glued rows' candidate readings by the table's constraints, in place; the
    rows that a 其中 list adding up with them confirms (a run such as 10 may be 1|0, or 10
    and a blank cell: only a list that adds up with 1|0 tells)."""
    by_row = {c.row: c for c in glued_rows}

    def numbers(i: int) -> list[tuple[int, int]] | None:
        cells = by_row.get(i)
        if cells is not None:
            return [(int(a), int(b)) for (a, _), (b, _) in cells.options]
        got = chosen.get(i)
        if got is None or got[1] is None:
            return None
        a, b = got[0].number, got[1].number
        if not isinstance(a, int) or not isinstance(b, int):
            return None
        return [(a, b)]

    # 历年累计 ≥ the year's value, unless a row the table leaves no choice for breaks it
    fixed = [numbers(i) for i in chosen] + [numbers(c.row) for c in glued_rows if c.forced]
    trusted = all(v is None or all(a <= b for a, b in v) for v in fixed)
    if trusted:
        for c in glued_rows:
            if not c.forced:
                c.options = [o for o in c.options if int(o[0][0]) <= int(o[1][0])]
    # a 其中 list of two or more rows adds up to the row above it, in each column: each
    # list narrows its rows' readings to those in some reading of the whole list that adds
    # up, until nothing changes.  A list no reading of which adds up says nothing; if the
    # lists come to contradict one another, none of them is used.
    before = {c.row: c.options for c in glued_rows}
    families = [f for f in _families(raw_rows, paths) if any(m in by_row for m in (f[0], *f[1]))]
    families = [f for f in families if _fits(f, numbers) != []]
    budget = [_BUDGET]
    for _ in range(8):
        changed = False
        for family in families:
            fits = _fits(family, numbers, budget)
            if fits is None:
                continue  # too many readings to try
            if not fits:
                for c in glued_rows:
                    c.options = before[c.row]
                return set()
            for k, m in enumerate((family[0], *family[1])):
                cells = by_row.get(m)
                if cells is None:
                    continue
                keep = {combo[k] for combo in fits}
                kept = [o for o in cells.options if (int(o[0][0]), int(o[1][0])) in keep]
                if len(kept) < len(cells.options):
                    cells.options = kept
                    changed = True
        if not changed:
            break
    confirmed: set[int] = set()
    for family in families:
        members = (family[0], *family[1])
        fits = _fits(family, numbers)
        if fits and all(len(numbers(m) or ()) == 1 for m in members):
            confirmed.update(members)
    return confirmed


def _fits(
    family: tuple[int, list[int]],
    numbers: Callable[[int], list[tuple[int, int]] | None],
    budget: list[int] | None = None,
) -> list[tuple[tuple[int, int], ...]] | None:
    """The readings of a row and its 其中 list in which the list adds up to the row in both
    columns; None when a member has no numbers or there are too many readings to try."""
    sets: list[list[tuple[int, int]]] = []
    product = 1
    for m in (family[0], *family[1]):
        v = numbers(m)
        if v is None:
            return None
        sets.append(v)
        product *= len(v)
    if product > _MAX_PRODUCT:
        return None
    if budget is not None:
        budget[0] -= product
        if budget[0] < 0:
            return None
    return [
        combo
        for combo in itertools.product(*sets)
        if combo[0][0] == sum(c[0] for c in combo[1:])
        and combo[0][1] == sum(c[1] for c in combo[1:])
    ]


def _families(
    raw_rows: Sequence[_RawRow], paths: Sequence[tuple[str, ...]]
) -> list[tuple[int, list[int]]]:
    """Each row followed by a 其中 list of two or more rows of its unit: (row, the list)."""
    out: list[tuple[int, list[int]]] = []
    for i, r in enumerate(raw_rows):
        if r.section:
            continue
        depth = len(paths[i])
        kids: list[int] = []
        for k in range(i + 1, len(raw_rows)):
            if paths[k][:depth] != paths[i]:
                break
            if len(paths[k]) == depth + 1 and not raw_rows[k].section:
                kids.append(k)
        if (
            len(kids) >= 2
            and "qz" in raw_rows[kids[0]].kinds
            and all(raw_rows[k].unit == r.unit for k in kids)
        ):
            out.append((i, kids))
    return out
