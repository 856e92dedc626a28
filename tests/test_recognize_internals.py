"""Recognition's shortcuts (one walk for tables and paragraphs, rows read from their stored
cells, shared label readings, bounded memos, the prose prefilter) read what the slower,
plainer ways read."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from opengov_report import Document, parse_document
from opengov_report._blocks import blocks_of
from opengov_report._chars import BLANK, is_blank
from opengov_report._memo import Memo
from opengov_report.document import Cell, Section
from opengov_report.recognize.labels import disclosure_row_of_key
from opengov_report.recognize.prose import _PATTERNS
from opengov_report.recognize.rows import (
    CONTENT,
    LINE,
    _cell_kind,
    row_views,
)
from opengov_report.strategies import report_texts
from tests.conftest import LAYOUT_PATHS, SEED_PATHS

_PATHS = [*SEED_PATHS, *LAYOUT_PATHS]


def _docs() -> list[Document]:
    return [parse_document(p.read_text(encoding="utf-8")) for p in _PATHS]


def _check_blocks(doc: Document) -> None:
    blocks = blocks_of(doc)
    assert blocks.sections == list(doc.sections())
    assert blocks.tables == list(doc.tables())
    assert blocks.paragraphs == list(doc.paragraphs())


def test_one_walk_finds_the_tables_and_paragraphs_of_the_fixtures() -> None:
    docs = _docs()
    assert sum(len(blocks_of(d).tables) for d in docs) >= 10
    for doc in docs:
        _check_blocks(doc)


def test_one_walk_goes_into_nested_sections() -> None:
    doc = parse_document(
        "一、总体情况\n（一）主动公开\n正文一段。\n规章\t1\t2\n（二）依申请\n二段。\n"
    )
    assert any(isinstance(c, Section) for s in doc.sections() for c in s.children)
    _check_blocks(doc)
    assert [p.content for p in blocks_of(doc).paragraphs] == ["正文一段。", "二段。"]


@settings(max_examples=30)
@given(report_texts().map(lambda pair: pair[0]))
def test_one_walk_finds_the_tables_and_paragraphs_of_any_report(text: str) -> None:
    _check_blocks(parse_document(text))


def _plain_regions(cells: tuple[Cell, ...]) -> tuple[list[int], int]:
    """The label positions and where the values start, read as the module's docstring says:
    the labels end at the last label before the first value."""
    kinds = [_cell_kind(c.content) for c in cells]
    first_value = kinds.index(1) if 1 in kinds else len(kinds)
    labels = [i for i in range(first_value) if kinds[i] == 2]
    return labels, (labels[-1] + 1 if labels else 0)


def _check_views(doc: Document) -> None:
    tables = list(doc.tables())
    rows = [r for t in tables for r in t.rows if not r.is_rule]
    views = row_views(tables)
    assert len(views) == len(rows)
    for view, row in zip(views, rows, strict=True):
        cells = row.cells
        labels, value_start = _plain_regions(cells)
        assert [Cell(*c) for c in view.labels] == [cells[i] for i in labels]
        assert [Cell(*c) for c in view.values] == list(cells[value_start:])
        assert view.label_texts == tuple(cells[i].content for i in labels)
        assert view.label == "".join(cells[i].content.strip(BLANK) for i in labels)
        assert view.value_texts == tuple(c.content for c in cells[value_start:])
        assert view.has_values == any(not is_blank(c.content) for c in cells[value_start:])
        assert view.line == row.span.line == view.parts[0][LINE]
        for position, cell in enumerate(view.labels):
            assert view.label_cell(position) == cell
            assert view.facts[position].key == view.labels_read.facts[position].key
        read = view.labels_read
        texts, facts = view.label_texts, view.facts
        assert read.written == " ".join(t.strip() for t in texts)
        assert read.application_columns == tuple(
            f.application_column for f in facts if f.application_column
        )
        assert read.disclosure_columns == tuple(
            (f.disclosure_column, t)
            for t, f in zip(texts, facts, strict=True)
            if f.disclosure_column
        )
        head = facts[0] if facts else None
        item = head.disclosure_item if head else None
        named = disclosure_row_of_key(view.label_key) or (head.disclosure_row if head else None)
        assert (read.disclosure_item, read.disclosure_row) == (item, named)
        assert read.disclosure_inert == (
            item is None and named is None and not any(f.disclosure_column for f in facts)
        )
        assert read.names_review == any(f.review_group == "review" for f in facts)
        assert sorted(read.era_signs) == sorted(
            (i, sign, f.key) for i, f in enumerate(facts) for sign in f.era_signs
        )
        first = view.first_label_span()
        assert first == (cells[labels[0]].span if labels else None)
        assert all(isinstance(c[CONTENT], str) for c in view.parts)


def test_row_views_read_the_stored_cells_as_the_cells_read() -> None:
    for doc in _docs():
        _check_views(doc)


@settings(max_examples=30)
@given(report_texts().map(lambda pair: pair[0]))
def test_row_views_of_any_report(text: str) -> None:
    _check_views(parse_document(text))


def test_rows_with_the_same_labels_share_their_reading() -> None:
    text = "规章\t1\t2\t3\n\n规章\t4\t5\t6\n"
    first, second = row_views(parse_document(text).tables())
    assert first.labels_read is second.labels_read
    assert (first.value_texts, second.value_texts) == (("1", "2", "3"), ("4", "5", "6"))


@settings(max_examples=100)
@given(st.lists(st.integers(0, 40), max_size=200), st.integers(1, 8))
def test_a_memo_gives_what_its_function_gives_and_stays_bounded(
    keys: list[int], limit: int
) -> None:
    made: list[int] = []

    def square(k: int) -> int:
        made.append(k)
        return k * k

    memo: Memo[int, int] = Memo(square, limit)
    for k in keys:
        assert memo[k] == k * k
        assert len(memo) <= limit
    assert list(map(memo.__getitem__, keys)) == [k * k for k in keys]
    assert len(set(made)) == len(set(keys))


# the prose prefilter: a paragraph without one of a pattern's words is never searched, so every
# match must contain one of them; texts made of the patterns' own pieces try to break that
_PIECES = [
    "未", "没有", "无", "收到", "受理", "接到", "发生", "出现", "有", "产生", "政府信息公开",
    "依申请公开", "信息公开", "申请", "申", "请", "数量", "为", "均为", "0", "０", "零", "件",
    "行政复议", "行政诉讼", "行政", "复议", "诉讼", " ", "。", "；", "本年度", "情况",
]  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_every_prose_match_holds_one_of_its_words(text: str) -> None:
    for _, words, pattern in _PATTERNS:
        if pattern.search(text) is not None:
            assert any(w in text for w in words)


def test_the_prose_patterns_match_their_examples() -> None:
    examples = ["本年度未收到政府信息公开申请。", "本年度未发生行政复议和行政诉讼。"]
    for (_, words, pattern), text in zip(_PATTERNS, examples, strict=True):
        assert pattern.search(text) is not None
        assert any(w in text for w in words)
