"""Properties of the document parse that hold for any text."""

from __future__ import annotations

import pickle
from collections.abc import Callable

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opengov_report import OpenGovReportError, parse_document, walk
from opengov_report.document import CellData, Document, Row, Span, pending_row
from opengov_report.errors import ParseError
from opengov_report.lexer import _segment

# Characters that exercise the lexer: line endings, tabs, NUL, U+3000, NBSP, pipes, numerals,
# numbering marks, punctuation, digits, emoji and ordinary CJK.
_ALPHABET = st.sampled_from(
    [
        *"\n\r\t\x00\u3000\u00a0 |-=：:。，；、．.()（）[]一二三四五六七八九十0123456789①②",
        *["😀", "政", "府", "信", "息", "公", "开", "情", "况", "事", "项", "报", "告", "增", "减"],
        *["无", "—", "万", "元", "[bookmark: _GoBack]", "\r\n", "本年新收政府信息公开申请数量"],
        *["一、总体情况", "（一）", "1、", "\t0", "| a | b |", "第二十条第（一）项", "www.x.cn"],
    ]
)
report_like = st.lists(_ALPHABET, max_size=300).map("".join)
any_text = st.text(max_size=400)
long_lines = st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=20), st.integers(1, 400))


def _check(text: str) -> Document:
    try:
        doc = parse_document(text)
    except OpenGovReportError:  # pragma: no cover - must not happen for str input
        raise
    assert doc.text == text
    pos = 0
    for leaf in doc.leaves():
        assert leaf.span.start == pos
        assert leaf.span.end == pos + len(leaf.text)
        assert text[leaf.span.start : leaf.span.end] == leaf.text
        assert leaf.span.line >= 1 and leaf.span.column >= 1
        pos = leaf.span.end
    assert pos == len(text)
    return doc


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(report_like)
def test_report_like_text_round_trips(text: str) -> None:
    _check(text)


@settings(max_examples=200)
@given(any_text)
def test_arbitrary_text_round_trips(text: str) -> None:
    _check(text)


@settings(max_examples=50)
@given(long_lines)
def test_very_long_lines_round_trip(text: str) -> None:
    _check(text)


@settings(max_examples=100)
@given(report_like)
def test_heading_levels_nest(text: str) -> None:
    doc = _check(text)
    for section in doc.sections():
        for sub in section.sections:
            assert sub.level == section.level + 1
    for top in doc.children:
        if hasattr(top, "heading"):
            assert top.heading.level == 1


@settings(max_examples=100)
@given(report_like)
def test_walk_visits_every_leaf_once(text: str) -> None:
    doc = _check(text)
    seen: list[object] = []
    nodes = list(walk(doc, seen.append))
    assert len(nodes) == len(seen)
    leaves = list(doc.leaves())
    assert len({id(x) for x in leaves}) == len(leaves)


def _rows(doc: Document) -> list[Row]:
    return [row for table in doc.tables() for row in table.rows]


@settings(max_examples=100)
@given(report_like)
def test_rows_read_first_by_any_means_agree(text: str) -> None:
    """A row made by the parser builds its cells when first read: whichever attribute reads
    them first (equality, hash, repr, pickling, evolve, ``parts``), the row is the one its
    constructor makes from the same parts."""
    reads: list[Callable[[Row], object]] = [
        lambda r: r.parts,
        hash,
        repr,
        lambda r: pickle.loads(pickle.dumps(r)),
        attrs.evolve,
        lambda r: r.cells,
    ]
    reference = _rows(parse_document(text))
    for row, ref in zip(_rows(parse_document(text)), reference, strict=True):
        # the text and span of a row whose cells are not built yet
        assert (row.text, row.span) == (Row(ref.parts).text, Row(ref.parts).span)
    for read in reads:
        rows = _rows(parse_document(text))
        for row, ref in zip(rows, reference, strict=True):
            first = read(row)
            same = Row(ref.parts, ref.is_rule)
            assert row == same and hash(row) == hash(same) and repr(row) == repr(same)
            if isinstance(first, Row):
                assert first == same


class _BrokenSource:
    """A row source whose cells cannot be built (a defect the lazy build must not leak)."""

    def row_parts(self, first: int, end: int) -> tuple[CellData, ...]:
        raise IndexError(first)

    def row_text(self, first: int, end: int) -> str:
        return ""

    def row_span(self, first: int, end: int) -> Span:
        return Span(0, 0, 1, 1)


def test_a_row_that_cannot_be_built_raises_the_library_error() -> None:
    row = pending_row(_BrokenSource(), 0, 1, False)
    with pytest.raises(ParseError, match="building a row"):
        _ = row.parts


def _reset_line_kinds() -> None:
    _segment.LINE_KINDS.clear()
    _segment.LINE_KINDS[""] = "blank"
    _segment.HEADING_LINES.clear()


def _tree(doc: Document) -> tuple[str, list[tuple[CellData, ...]]]:
    return repr(doc), [row.parts for row in _rows(doc)]


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(report_like, report_like)
def test_the_line_kind_memo_changes_nothing(text: str, other: str) -> None:
    """Lines whose kind the lexer remembers by their text (from this text, or from
    another one parsed before) are classified as they are without the memo."""
    _reset_line_kinds()
    cold = _tree(parse_document(text))
    assert _tree(parse_document(text)) == cold  # every line of the text remembered
    parse_document(other)
    assert _tree(parse_document(text)) == cold
    _reset_line_kinds()
    for ending in ("\n", "\r\n", "\r"):  # the same lines with other line endings
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        variant = ending.join(lines)
        _reset_line_kinds()
        cold_variant = _tree(parse_document(variant))
        assert _tree(parse_document(variant)) == cold_variant


def test_the_line_kind_memo_is_bounded() -> None:
    _reset_line_kinds()
    text = "\n".join(f"\t{k}" for k in range(_segment.LINE_KINDS_MAX + 10))
    parse_document(text)
    assert 1 <= len(_segment.LINE_KINDS) <= _segment.LINE_KINDS_MAX + 1
    assert _segment.LINE_KINDS[""] == "blank"


_LONG_TITLE_LINE = "某市2023年政府信息公开工作年度报告" + "本年度，我市认真贯彻落实条例规定" * 8
_GLUED_HEAD_ROW = "复议结果维持结果纠正其他结果尚未审结总计诉讼结果维持210031000000000"


@pytest.mark.parametrize(
    ("first", "then"),
    [
        # a line of 120-2000 characters is one paragraph among many lines, but cut after
        # its title where the text has five lines or fewer (a report run together)
        ("\n".join(["一、总体情况", _LONG_TITLE_LINE, *["正文。"] * 6]), _LONG_TITLE_LINE),
        # a line that is a glued table of one row carries its cells' bounds
        (_GLUED_HEAD_ROW, _GLUED_HEAD_ROW),
        ("\n".join(["一、总体情况", "\t0", "| a | b |", "  ", "正文。"]), "\t0\n| a | b |\n  \n"),
        # a heading line keeps its numbering and title wherever it is
        (
            "一、总体情况\n  （一）主动公开情况\n",
            "前言。\n\n  （一）主动公开情况\n二、其他\n（二）依申请",
        ),
        ("1. 概述\n2. 其他", "一、总体情况\n1. 概述\n二、情况"),
        # a tab-led line of prose is a cell among table lines, a paragraph alone
        (
            "\t项目\n\t" + "本机关认真贯彻落实《条例》，" * 5 + "\n\t0\n",
            "前言。\n\t" + "本机关认真贯彻落实《条例》，" * 5 + "\n结语。\n",
        ),
    ],
)
def test_a_remembered_line_kind_holds_in_any_text(first: str, then: str) -> None:
    _reset_line_kinds()
    cold = _tree(parse_document(then))
    parse_document(first)
    assert _tree(parse_document(then)) == cold


@pytest.mark.parametrize("warm", [False, True])
def test_a_tab_led_line_of_prose_alone_is_a_paragraph(warm: bool) -> None:
    """However the lexer met the line before (first in a table, as a cell)."""
    prose = "\t" + "本机关认真贯彻落实《条例》，" * 5
    _reset_line_kinds()
    if warm:
        parse_document(f"\t项目\n{prose}\n\t0\n")
    doc = parse_document(f"前言。\n{prose}\n结语。\n")
    assert not list(doc.tables())
    assert [p.content for p in doc.paragraphs()] == ["前言。", prose.strip(), "结语。"]


@settings(max_examples=100)
@given(report_like)
def test_the_parsers_nodes_are_the_constructors_nodes(text: str) -> None:
    """Leaves and spans the parser makes by setting slots (no constructor call) are equal,
    field for field, hash and repr, to those their constructors make."""
    for leaf in parse_document(text).leaves():
        fields = {f.name: getattr(leaf, f.name) for f in attrs.fields(type(leaf))}
        fields["span"] = Span(*attrs.astuple(leaf.span)) if "span" in fields else None
        if fields["span"] is None:
            del fields["span"]
        made = type(leaf)(**fields)
        assert made == leaf and hash(made) == hash(leaf) and repr(made) == repr(leaf)


def test_many_sibling_sections_keep_their_order() -> None:
    """Sibling sections and their subsections, in source order, at every depth."""
    lines = ["标题", "一、总体情况", "正文。"]
    for n in range(1, 61):
        lines += [f"（{n}）第{n}项", f"{n}.第{n}项之一", f"{n}.第{n}项之二"]
    lines += ["二、其他", "结语。"]
    doc = parse_document("\n".join(lines) + "\n")
    first, second = [s for s in doc.sections() if s.level == 1]
    assert [s.title for s in first.sections] == [f"第{n}项" for n in range(1, 61)]
    for n, sub in enumerate(first.sections, 1):
        assert [s.title for s in sub.sections] == [f"第{n}项之一", f"第{n}项之二"]
    assert second.title == "其他" and not second.sections
    assert doc.text == "\n".join(lines) + "\n"
