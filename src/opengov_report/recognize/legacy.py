"""The legacy 统计表 (reports on 2008–2018): indicator rows with a unit and one or two values.

Rows are matched by label, never by position: the national form and regional variants
(指标名称/计量单位/年末统计, 本年度/历年累计, extra rows, truncated tables) all read the same
way.  The hierarchy comes from the numbering (一、 → （一） → 1. → 其中) and, where numbering is
absent, from the indentation the table keeps; section rows without unit or value only give
structure.  A label broken over two rows (the label, then the unit and value after blank
lines) is put back together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from .._chars import SPACE, TAB, squash
from .._memo import Memo
from ..document import CellData
from ..model.forms import LEGACY_UNITS
from ..model.tables import LegacyRow, LegacyTable, UnrecognizedRow
from ..model.values import Value, ValueKind
from .label_facts import label_facts
from .labels import legacy_row_id, strip_numbering
from .rows import RowView, cell_value

__all__ = ["recognize_legacy"]

_HEAD_LABELS = ("统计指标", "指标名称", "单位", "计量单位", "统计数", "年末统计", "本年度",
                "历年累计", "本期实际", "本年累计", "代码")  # fmt: skip
_CUMULATIVE = ("历年累计", "本年累计", "累计")
#: the head cells over the label and the unit (the other head cells are the value columns)
_LABEL_HEADS = frozenset({"统计指标", "指标名称", "单位", "计量单位"})
#: a value column that holds the row's code in the regional form (定西 2008: 代码), not a value
_CODE_HEAD = "代码"
_LEVEL_OF_PREFIX = {"cn": 1, "cnp": 2, "ar": 3, "arp": 4, "circ": 5, "其中": 6}


def recognize_legacy(views: Sequence[RowView]) -> LegacyTable | None:
    """The legacy statistics table, or None when there is none."""
    table_index = _find_table(views)
    if table_index is None:
        return None
    indices = _continued(views, table_index)
    rows = [v for v in views if v.table_index in indices]
    cumulative_col = False
    value_at, cumulative_at = 0, 1  # the value columns, as the head names them
    head: list[str] = []  # the value columns' heads, over consecutive head rows
    in_head = False
    out: list[LegacyRow] = []
    unrecognized: list[UnrecognizedRow] = []
    stack: list[tuple[int, str]] = []  # (level, id) of open ancestors
    pending_label: _Labels | None = None  # a label without unit or value, for the next row
    # the row just made from a label and a unit without a value: a row that holds values
    # only, next, gives them (label, unit and value each on a row of their own)
    awaiting_value: int | None = None
    first_span = rows[0].first_label_span()
    for view in rows:
        read = _LABELS[view.label_texts]
        if read.is_head:
            # a head broken over rows (a cell a line) names its columns over them
            head = [*head, *read.value_columns] if in_head else list(read.value_columns)
            in_head = True
            cumulative_col = any(map(_is_cumulative, head))
            value_at, cumulative_at = _value_columns(head)
            continue
        in_head = False
        unit = read.unit
        values = view.value_texts
        if awaiting_value is not None and not read.texts and not unit and values:
            row = out[awaiting_value]
            cells = view.values
            if len(cells) > value_at:
                cumulative = _cumulative(cells, cumulative_col, cumulative_at)
                out[awaiting_value] = attrs.evolve(
                    row, value=cell_value(cells[value_at]), cumulative=cumulative
                )
            awaiting_value = None
            continue
        awaiting_value = None
        if not read.texts and pending_label is not None and (unit or values):
            read = pending_label
            pending_label = None
        elif read.texts and not unit and not view.has_values:
            # a section row, or a label whose unit and value follow on the next row
            pending_label = read
            level, row_id = read.level, read.row_id
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, row_id))
            continue
        if not read.texts:
            if unit or view.has_values:
                unrecognized.append(UnrecognizedRow("", values, view.line))
            continue
        pending_label = None
        label, row_id, level = read.label, read.row_id, read.level
        while stack and stack[-1][0] >= level:
            stack.pop()
        path = (*[i for _, i in stack], row_id)
        stack.append((level, row_id))
        if values and len(view.values) > value_at:
            cells = view.values
            value = cell_value(cells[value_at])
            cumulative = _cumulative(cells, cumulative_col, cumulative_at)
        elif values:
            unrecognized.append(UnrecognizedRow(label, values, view.line))
            continue
        else:
            value, cumulative = Value(ValueKind.BLANK, ""), None
            awaiting_value = len(out) if unit else None
        out.append(LegacyRow(row_id, label, path, unit, value, cumulative))
    columns = ("value", "cumulative") if cumulative_col else ("value",)
    return LegacyTable(tuple(out), columns, (), tuple(unrecognized), first_span)


def _is_cumulative(head: str) -> bool:
    return any(c in head for c in _CUMULATIVE)


def _value_columns(head: Sequence[str]) -> tuple[int, int]:
    """Where a row's value and cumulative value are among its value cells, from the head's
    value columns: the value in the first that is no 代码 and no cumulative column, the
    cumulative one in the column so named (else the one after the value)."""
    value_at = next((i for i, k in enumerate(head) if k != _CODE_HEAD and not _is_cumulative(k)), 0)
    cumulative_at = next((i for i, k in enumerate(head) if _is_cumulative(k)), value_at + 1)
    return value_at, cumulative_at


def _cumulative(cells: Sequence[CellData], cumulative_col: bool, at: int) -> Value | None:
    """The row's cumulative value, where the head names a cumulative column."""
    return cell_value(cells[at]) if cumulative_col and len(cells) > at else None


def _find_table(views: Sequence[RowView]) -> int | None:
    """The table whose head names 统计指标/单位 (or whose rows match legacy indicators)."""
    scores: dict[int, int] = {}
    for view in views:
        facts = view.facts
        if not facts:
            continue
        if len(facts) >= 2 and _LABELS[view.label_texts].head_cells >= 2:
            scores[view.table_index] = scores.get(view.table_index, 0) + 10
        if facts[0].legacy_indicator is not None:
            scores[view.table_index] = scores.get(view.table_index, 0) + 1
    best = max(scores.items(), key=lambda kv: kv[1], default=None)
    if best is None or best[1] < 3:
        return None
    return best[0]


def _continued(views: Sequence[RowView], first: int) -> set[int]:
    """The table and the tables right after it that continue it: a 统计表 split by a page
    break (a page number, a page header) goes on in tables whose rows are indicator rows too
    (most of them carry a unit)."""
    by_table: dict[int, list[RowView]] = {}
    for view in views:
        by_table.setdefault(view.table_index, []).append(view)
    indices = {first}
    index = first + 1
    while index in by_table:
        rows = by_table[index]
        with_unit = sum(1 for v in rows if any(f.key in LEGACY_UNITS for f in v.facts))
        if with_unit * 2 < len(rows):
            break
        indices.add(index)
        index += 1
    return indices


_YEAR_HEAD_RE = re.compile(r"[0-9]{4}年度?")


def _head(text: str) -> bool:
    """A head cell: 统计指标, 单位, 统计数 … (alone, or with a note in brackets: 统计数（件）)
    or a year column (2009年度).  A cell that only starts with one (本年度新制作数量, a head
    of the 2019 form's table 二) is another table's head."""
    if text.startswith(_HEAD_LABELS):
        rest = text[len(next(h for h in _HEAD_LABELS if text.startswith(h))) :]
        if not rest or rest[0] in "（(":
            return True
    return bool(_YEAR_HEAD_RE.fullmatch(text))


_HEADS: Memo[str, bool] = Memo(_head, 4096)
_is_head = _HEADS.__getitem__


class _Labels:
    """What this table reads from a row's label cells: whether they are the head (and name
    a cumulative column), else the row's label cells without the unit, the unit, and the
    row's label, id and level.  Memoised by the cells' texts (``_LABELS``): the indicators
    repeat from report to report."""

    __slots__ = (
        "head_cells", "is_head", "label", "level", "row_id", "texts", "unit", "value_columns"
    )  # fmt: skip

    def __init__(self, label_texts: tuple[str, ...]) -> None:
        keys = [label_facts(t).key for t in label_texts]
        #: how many of the cells are head cells (统计指标, 单位 …)
        self.head_cells = sum(map(_is_head, keys))
        self.is_head = bool(keys) and self.head_cells == len(keys)
        #: a head row's value columns: its cells after the label and unit heads, in order
        self.value_columns = tuple(k for k in keys if k not in _LABEL_HEADS) if self.is_head else ()
        # the unit is a label cell that is a unit word; a unit written into a value cell's
        # column (条 | 60 is the usual order; 60 | 条 is not) is not read
        self.texts = label_texts
        self.unit: str | None = None
        if keys and keys[-1] in LEGACY_UNITS:
            self.texts, self.unit = label_texts[:-1], keys[-1]
        self.label = _label_text(self.texts)
        self.row_id = _row_id(self.label) if self.texts else ""
        self.level = _level(self.texts[0]) if self.texts else 0


_LABELS: Memo[tuple[str, ...], _Labels] = Memo(_Labels, 4096)


def _label_text(texts: Sequence[str]) -> str:
    return "".join(map(squash, texts))


#: the row id of a label (:func:`~.labels.legacy_row_id`), memoised: the rows of the
#: national form repeat from report to report
_ROW_IDS: Memo[str, str] = Memo(legacy_row_id, 4096)
_row_id = _ROW_IDS.__getitem__


def _depth(raw: str) -> int:
    """The depth of a row from its first label cell's text: from its numbering, else from
    its indentation."""
    stripped = raw.lstrip(SPACE + TAB)
    prefix, _ = strip_numbering(stripped)
    p = squash(prefix)
    if p.startswith("其中"):
        return _LEVEL_OF_PREFIX["其中"]
    if p:
        if p[0] in "（(":
            return _LEVEL_OF_PREFIX["cnp" if not p[1:2].isdigit() else "arp"]
        if p[0].isdigit():
            return _LEVEL_OF_PREFIX["ar"]
        if p[0] in "①②③④⑤⑥⑦⑧⑨⑩":
            return _LEVEL_OF_PREFIX["circ"]
        return _LEVEL_OF_PREFIX["cn"]
    # no numbering: a continuation of a 其中 list (indented like it) or a deeper item
    indent = len(raw) - len(stripped)
    if indent == 0:
        return 1  # a top-level indicator of a table without numbering
    return _LEVEL_OF_PREFIX["其中"] if indent >= 6 else _LEVEL_OF_PREFIX["ar"]


_LEVELS: Memo[str, int] = Memo(_depth, 4096)
_level = _LEVELS.__getitem__
