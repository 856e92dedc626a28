"""The cells of every table layout, built by the lexer's one shared step (``lexer._cells.tile``):
in each layout the cells tile their row, and each cell's span, line, column and content agree
with the text (docs/layout.md, *Tables*)."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings

from opengov_report import Document, TableLayout, parse_document
from tests.conftest import LAYOUTS, SEED_PATHS
from tests.properties.test_document_roundtrip import report_like

#: one small table of each layout, written by hand from docs/layout.md's table of layouts
#: (after a line of prose: short lines at the start would be the title block)
_LAYOUT_TEXTS = {
    TableLayout.CELLS: "统计如下。\n\t项目\n\t本年新\n制作数量\n\t12\n\n\t规章\n\t0\n",
    TableLayout.TSV: "统计如下。\n\t\t2. 重复申请\t0\t0\n\t\t3. 其他\t1\u3000\t2\n",
    TableLayout.PIPE: "| 项目 | 数量 |\n|---|---|\n| 规章 | 0 |\n| 规范性文件 \\| 其他 | 12 \n",
    TableLayout.SPACED: "统计如下。\n项目 本年 上年\n规章  3  4\n规范性文件\u3000\u300012 10\n",
    TableLayout.LINES: "统计如下。\n项目\n\n规章\n\n3\n\n规范性文件\n\n12\n\n其他\n\n0\n\n合计\n\n15\n",
    TableLayout.GLUED: "制发规章000行政规范性文件1012其他事项34",
}


def _line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``; lines end at \\n, \\r\\n or a lone \\r."""
    before = text[:offset].replace("\r\n", "\n").replace("\r", "\n")
    line_start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    return before.count("\n") + 1, offset - line_start + 1


def _check_cells(doc: Document) -> int:
    text = doc.text
    count = 0
    for table in doc.tables():
        for row in table.rows:
            cells = row.cells
            assert cells
            assert "".join(c.text for c in cells) == row.text
            assert cells[0].start == row.span.start
            for cell, nxt in itertools.pairwise(cells):
                assert nxt.start == cell.start + len(cell.text)  # the cells tile the row
            for cell in cells:
                count += 1
                assert text[cell.start : cell.start + len(cell.text)] == cell.text
                assert (cell.line, cell.column) == _line_and_column(text, cell.start)
                end = cell.start + len(cell.text)
                assert cell.start <= cell.content_start <= cell.content_end <= end
                pieces = cell.content.split("\n")  # a wrapped cell: its lines, joined
                assert text.startswith(pieces[0], cell.content_start)
                assert text[: cell.content_end].endswith(pieces[-1])
                if len(pieces) == 1:
                    assert cell.content == text[cell.content_start : cell.content_end]
    return count


def test_each_layout_has_its_cells() -> None:
    for layout, text in _LAYOUT_TEXTS.items():
        doc = parse_document(text)
        tables = list(doc.tables())
        assert [t.layout for t in tables] == [layout], layout
        assert _check_cells(doc) > 0


def test_the_cells_of_a_layout_hold_what_the_text_says() -> None:
    # read from the texts above: the content of each cell, row by row
    def values(layout: TableLayout) -> list[tuple[str, ...]]:
        return [
            row.values for t in parse_document(_LAYOUT_TEXTS[layout]).tables() for row in t.rows
        ]

    assert values(TableLayout.CELLS) == [("项目", "本年新\n制作数量", "12"), ("规章", "0")]
    assert values(TableLayout.TSV) == [
        ("", "", "2. 重复申请", "0", "0"),
        ("", "", "3. 其他", "1\u3000", "2"),
    ]
    assert values(TableLayout.PIPE) == [
        ("项目", "数量"),
        ("---", "---"),
        ("规章", "0"),
        ("规范性文件 \\| 其他", "12"),
    ]
    assert values(TableLayout.SPACED) == [
        ("项目", "本年", "上年"),
        ("规章", "3", "4"),
        ("规范性文件", "12", "10"),
    ]
    assert values(TableLayout.LINES) == [
        ("项目",),
        ("规章", "3"),
        ("规范性文件", "12"),
        ("其他", "0"),
        ("合计", "15"),
    ]
    assert values(TableLayout.GLUED) == [
        ("制发规章", "000"),
        ("行政规范性文件", "1012"),
        ("其他事项", "34"),
    ]


def test_the_cells_of_the_fixtures_and_seeds_tile_their_rows() -> None:
    paths = [*sorted(LAYOUTS.glob("*.txt")), *SEED_PATHS]
    assert sum(_check_cells(parse_document(p.read_bytes())) for p in paths) > 1000


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(report_like)
def test_the_cells_of_any_text_tile_their_rows(text: str) -> None:
    _check_cells(parse_document(text))
