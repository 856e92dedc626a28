"""Recognition's unchecked builders make the same objects as the model's constructors."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from opengov_report import TableCell, parse_document, parse_value
from opengov_report.document import Cell, CellData
from opengov_report.recognize.build import content_span, table_cell
from opengov_report.recognize.rows import cell_span
from tests.conftest import LAYOUT_PATHS, SEED_PATHS


def _cells(path: Path) -> list[CellData]:
    doc = parse_document(path.read_text(encoding="utf-8"))
    return [c for t in doc.tables() for r in t.rows for c in r.parts]


def test_spans_of_stored_cells_are_the_cells_own() -> None:
    paths = [*SEED_PATHS, *LAYOUT_PATHS]
    cells = [c for path in paths for c in _cells(path)]
    assert len(cells) > 1000  # every layout's cells, wrapped and indented ones included
    for stored in cells:
        cell = Cell(*stored)
        span = content_span(stored)
        assert span == cell.content_span
        assert type(span) is type(cell.content_span)
        assert cell_span(stored) == cell.span


@settings(max_examples=50)
@given(
    st.text(max_size=8),
    st.text(max_size=8),
    st.text(max_size=6),
    st.text(max_size=8),
    st.none() | st.text(max_size=8),
    st.booleans(),
)
def test_table_cell_is_the_constructors(
    row: str, column: str, raw: str, row_label: str, column_label: str | None, recovered: bool
) -> None:
    value = parse_value(raw)
    built = table_cell(row, column, value, row_label, column_label, recovered)
    made = TableCell(row, column, value, row_label, column_label, recovered)
    assert built == made
    assert hash(built) == hash(made)
    assert type(built) is TableCell
    assert built.value is value and built.recovered is recovered
