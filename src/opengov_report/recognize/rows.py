"""Table rows seen the same way whatever their layout: label cells, then value cells.

A flattened row is read left to right: placeholder blanks (cells covered by a rowspan), the
label cells, then the value cells.  A cell is a *value* when it reads as one (a number, 无, a
dash, 增23, 4995万 …); the labels end at the last non-value cell before the values start.
Blank cells after the labels are kept as values: blank is not zero.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable
from typing import Final

from .._chars import BLANK, is_blank
from .._memo import Memo
from ..document import CellData, Row, Span, Table, TableLayout
from ..model.values import VALUE_IDEOGRAPHS, Value, ValueKind, parse_value
from .build import content_span
from .label_facts import label_facts
from .labels import disclosure_row_of_key, normalize_label

__all__ = [
    "COLUMN",
    "CONTENT",
    "CONTENT_END",
    "CONTENT_START",
    "LINE",
    "START",
    "TEXT",
    "RowLabels",
    "RowView",
    "cell_span",
    "cell_value",
    "part_span",
    "row_views",
    "trim_values",
]

#: the fields of a cell as a row stores it (:data:`~opengov_report.document.CellData`):
#: recognition reads them from the row's tuples (``Row.parts``) rather than through
#: :class:`~opengov_report.document.Cell` objects, one of which per cell cost more than the
#: reading itself
TEXT: Final = 0
START: Final = 1
LINE: Final = 2
COLUMN: Final = 3
CONTENT: Final = 4
CONTENT_START: Final = 5
CONTENT_END: Final = 6
_content = operator.itemgetter(CONTENT)


class RowLabels:
    """The label cells of a row, read: what the row's cells up to its values say.

    Shared by every row whose cells before the values have the same texts (the official
    labels repeat from report to report, and within one the value cells alone differ), so
    that joining, normalising and looking up the labels is done once per spelling
    (``_ROW_LABELS``, memoised by those texts).
    """

    __slots__ = (
        "application_columns",
        "disclosure_columns",
        "disclosure_inert",
        "disclosure_item",
        "disclosure_row",
        "era_signs",
        "facts",
        "key",
        "label",
        "names_review",
        "positions",
        "texts",
        "written",
    )

    def __init__(self, head: tuple[str, ...]) -> None:
        positions = tuple(i for i, text in enumerate(head) if _KINDS[text] == _LABEL)
        texts = tuple(head[i] for i in positions)
        #: where the label cells are among the row's cells
        self.positions = positions
        #: the label cells' contents
        self.texts = texts
        #: the label cells joined (whitespace inside kept)
        self.label = "".join(t.strip(BLANK) for t in texts)
        #: the normalised key of the joined label (:func:`~.labels.normalize_label`)
        self.key = normalize_label(self.label)
        #: each label's catalogue matches, aligned with ``texts``
        facts = self.facts = tuple(map(label_facts, texts))
        #: the labels as written, stripped and joined by a space
        self.written = " ".join(t.strip(BLANK) for t in texts)
        # what the recognisers ask of every row, answered once per spelling:
        #: the applicant columns the labels name (a head row of table 三)
        self.application_columns = tuple(c for f in facts if (c := f.application_column))
        #: the 主动公开 columns the labels name, with the label naming each
        self.disclosure_columns = tuple(
            (c, text) for text, f in zip(texts, facts, strict=True) if (c := f.disclosure_column)
        )
        first = facts[0] if facts else None
        #: the 第二十条 item the first label is the caption of
        self.disclosure_item = first.disclosure_item if first is not None else None
        #: the 主动公开 row the labels name (by the whole label, else by the first one)
        self.disclosure_row = disclosure_row_of_key(self.key) or (
            first.disclosure_row if first is not None else None
        )
        #: labels that are neither a caption, a head nor a row of table 二 (the rows of the
        #: other tables): such a row changes nothing there
        self.disclosure_inert = (
            self.disclosure_item is None
            and not self.disclosure_columns
            and self.disclosure_row is None
        )
        #: whether a label names the group 行政复议 (the head of table 四)
        self.names_review = any(f.review_group == "review" for f in facts)
        #: the era signs of the labels: (position among the labels, sign, label key)
        self.era_signs = tuple(
            (position, sign, f.key) for position, f in enumerate(facts) for sign in f.era_signs
        )


class RowView:
    """One table row: its label cells (non-blank), its value cells, and where it is.

    Built once per row (:func:`row_views`) and read by every recogniser, so what they all
    ask of a row is worked out here once, from the cells' texts: each label's catalogue
    matches (``facts``, aligned with ``label_texts``), the labels joined (``label``) and
    whether any value cell holds something (``has_values``).  Cells are the row's stored
    tuples (``parts``, :data:`~opengov_report.document.CellData`; read their fields with
    :data:`CONTENT`, :data:`LINE` …).
    """

    __slots__ = (
        "_value_start",
        "facts",
        "has_values",
        "is_glued",
        "label",
        "label_key",
        "label_texts",
        "labels_read",
        "parts",
        "table_index",
        "value_texts",
    )

    def __init__(
        self,
        parts: tuple[CellData, ...],
        table_index: int,
        layout: TableLayout,
        read: RowLabels,
        value_start: int,
        value_texts: tuple[str, ...],
        has_values: bool,
    ) -> None:
        #: the row's cells, as it stores them
        self.parts = parts
        self.table_index = table_index
        #: whether the row is a glued line (labels and digits run together)
        self.is_glued = layout is TableLayout.GLUED
        #: the row's label cells, read (shared with the rows that have the same labels)
        self.labels_read = read
        # the fields of ``read`` every recogniser reads, copied: a slot is read faster than
        # a property
        self.label_texts = read.texts
        self.label = read.label
        self.label_key = read.key
        self.facts = read.facts
        self._value_start = value_start
        self.value_texts = value_texts
        self.has_values = has_values

    @property
    def labels(self) -> tuple[CellData, ...]:
        """The label cells (non-blank, before the values)."""
        parts = self.parts
        return tuple(parts[i] for i in self.labels_read.positions)

    def label_cell(self, position: int) -> CellData:
        """The label cell at ``position`` among the labels (``labels[position]``)."""
        return self.parts[self.labels_read.positions[position]]

    @property
    def values(self) -> tuple[CellData, ...]:
        """The value cells: every cell after the last label (blank ones included)."""
        return self.parts[self._value_start :]

    def first_label_span(self) -> Span | None:
        """Where the first label cell is (``Cell.span``), or None for a row without labels
        (a table's span starts there)."""
        positions = self.labels_read.positions
        return cell_span(self.parts[positions[0]]) if positions else None

    @property
    def line(self) -> int:
        """The line the row starts on."""
        return self.parts[0][LINE]


_BLANK, _VALUE, _LABEL = 0, 1, 2


def _cell_kind(text: str) -> int:
    """``_BLANK``, ``_VALUE`` (the text reads as a value) or ``_LABEL``."""
    stripped = text.strip(BLANK)
    if not stripped:
        return _BLANK
    return _VALUE if _reads_as_value(stripped) else _LABEL


#: cells repeat (labels, 0, blanks, small counts): their kinds are memoised by text
_KINDS: Memo[str, int] = Memo(_cell_kind, 16384)


def _reads_as_value(stripped: str) -> bool:
    """Whether non-blank text, stripped of white space, reads as a value."""
    if stripped.isascii() and stripped.isdigit():
        # the common case, decided as parse_value decides it: a count of up to 15 digits
        return len(stripped) <= 15
    if _FOREIGN_IDEOGRAPH_RE.search(stripped):
        # a label: every value parse_value reads is digits, signs and dashes with a unit,
        # 增/减, or 无; a CJK ideograph outside those survives its normalisation (NFKC)
        return False
    return parse_value(stripped).kind is not ValueKind.UNREADABLE


#: a CJK unified ideograph that no value parse_value reads can contain
_FOREIGN_IDEOGRAPH_RE = re.compile(f"(?![{VALUE_IDEOGRAPHS}])[\u4e00-\u9fff]")


def _regions(kinds: tuple[int, ...]) -> tuple[int, bool]:
    """For a row's cell kinds: where its values start (after its last label), and whether
    any value cell holds something."""
    # the labels end at the last label before the first value
    head = kinds[: kinds.index(_VALUE)] if _VALUE in kinds else kinds
    if _LABEL not in head:
        return 0, kinds.count(_BLANK) != len(kinds)  # no label: every cell is a value
    value_start = len(head) - head[::-1].index(_LABEL)
    rest = kinds[value_start:]
    return value_start, rest.count(_BLANK) != len(rest)


#: rows share a few shapes: their regions are memoised by their cells' kinds
_REGIONS: Memo[tuple[int, ...], tuple[int, bool]] = Memo(_regions, 1024)
#: the labels of rows, by the texts of their cells before the values
_ROW_LABELS: Memo[tuple[str, ...], RowLabels] = Memo(RowLabels, 4096)


def row_views(tables: Iterable[Table]) -> list[RowView]:
    """Every row of every table of a document (rule rows aside), in document order.

    A row's label region is its cells before the first value that follows a label (or
    before the first value at all), ending at its last label; the cells after it are its
    values.  (The loop makes a view per row of every table, so its body is written out here
    rather than called: a call per row cost a tenth of it.)"""
    views: list[RowView] = []
    append = views.append
    content, kind_of, regions, row_labels = _content, _KINDS.__getitem__, _REGIONS, _ROW_LABELS
    for t_index, table in enumerate(tables):
        layout = table.layout
        for row in table.items:
            if not isinstance(row, Row) or row.is_rule:
                continue  # a blank line or noise between rows, or a Markdown |---| line
            parts = row.parts
            texts = tuple(map(content, parts))
            value_start, has_values = regions[tuple(map(kind_of, texts))]
            labels = row_labels[texts[:value_start]]
            view = RowView(
                parts, t_index, layout, labels, value_start, texts[value_start:], has_values
            )
            append(view)
    return views


def trim_values(
    cells: tuple[CellData, ...], expected: int, *, trailing_first: bool = False
) -> tuple[CellData, ...] | None:
    """Fit a row's value cells to ``expected`` columns by dropping blank cells at the ends
    (merged-cell artifacts: ``四、结转…⇥⇥0…``, a trailing tab), leading ones first unless
    ``trailing_first`` (a 第二十条 block whose head spans columns to the right).  None when
    they do not fit."""
    start, end = 0, len(cells)
    for trailing in (trailing_first, not trailing_first):
        if trailing:
            while end - start > expected and is_blank(cells[end - 1][CONTENT]):
                end -= 1
        else:
            while end - start > expected and is_blank(cells[start][CONTENT]):
                start += 1
    if end - start != expected:
        return None
    return cells[start:end]


def part_span(cell: CellData, offset: int, length: int) -> Span:
    """The span of ``length`` characters at ``offset`` into a cell's content (a number split
    out of glued digits)."""
    start = cell[CONTENT_START] + offset
    return Span(start, start + length, cell[LINE], cell[COLUMN] + (start - cell[START]))


def cell_span(cell: CellData) -> Span:
    """Where a cell's text is (``Cell.span``)."""
    text, start, line, column = cell[:4]
    return Span(start, start + len(text), line, column)


def cell_value(cell: CellData, *, default_unit: str | None = None, signed: bool = False) -> Value:
    """The value of a cell, with the span of its content."""
    return parse_value(cell[CONTENT], content_span(cell), default_unit=default_unit, signed=signed)
