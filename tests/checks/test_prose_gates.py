"""The prose patterns run only on paragraphs with the words each match contains: the same
statements, in the same order, as running every pattern on every paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from opengov_report import parse, parse_document
from opengov_report.checks import prose
from opengov_report.checks.prose import Statement, stated_counts
from opengov_report.document import Paragraph, Span
from tests.conftest import SEED_PATHS

_PHRASES = (
    "本年度共收到政府信息公开申请", "受理申请", "接收依申请公开申请", "接到申请", "申请",
    "未收到政府信息公开申请", "没有接到依申请公开申请", "未", "没有", "办结", "共办结",
    "已办结", "按时办结", "延期", "行政复议", "行政诉讼", "行政复议案件", "行政复议申请",
    "未发生行政复议和行政诉讼", "没有出现行政诉讼", "未收到行政复议", "上年结转", "举报",
    "和", "、", "共", "计", "5件", "12起", "三次", "十二份", "0件", " ", "，", "。",
)  # fmt: skip


def _statement(what: str, number: int, leaf: Paragraph, m: re.Match[str]) -> Statement:
    """A statement, its span counted from the paragraph's start (the reference)."""
    before = leaf.text[: m.start()]
    newlines = before.count("\n")
    column = m.start() - (before.rfind("\n") + 1) + (leaf.span.column if newlines == 0 else 1)
    start = leaf.span.start
    span = Span(start + m.start(), start + m.end(), leaf.span.line + newlines, column)
    return Statement(what, number, m.group(0), span)


def _every_pattern_everywhere(paragraphs: Iterable[Paragraph]) -> Iterator[Statement]:
    """The statements as the patterns find them without the word tests (the reference)."""
    for leaf in paragraphs:
        text = leaf.text
        for m in prose._RECEIVED.finditer(text):
            if not any(w in m.group(1) for w in prose._OTHER_CASES):
                yield _statement("received", prose._number(m.group(2)), leaf, m)
        for m in prose._NONE_RECEIVED.finditer(text):
            if not any(w in m.group(1) for w in prose._OTHER_CASES):
                yield _statement("received", 0, leaf, m)
        for m in prose._CLOSED.finditer(text):
            if not any(w in m.group(1) for w in prose._OTHER_CASES):
                yield _statement("closed", prose._number(m.group(2)), leaf, m)
        for pattern, what, other in (
            (prose._REVIEW, "review", "诉讼"),
            (prose._SUIT, "suit", "复议"),
        ):
            for m in pattern.finditer(text):
                joined = text[max(0, m.start() - 1) : m.start()] in prose._JOINERS
                if not joined and other not in m.group(1) and "、" not in m.group(1):
                    yield _statement(what, prose._number(m.group(2)), leaf, m)
        for m in prose._NONE_CASES.finditer(text):
            for kind in (m.group(2), m.group(3)):
                if kind:
                    what = "review" if kind == "行政复议" else "suit"
                    yield _statement(what, 0, leaf, m)


def _same(text: str) -> None:
    paragraphs = list(parse_document(text).paragraphs())
    assert list(prose._stated_counts(paragraphs)) == list(_every_pattern_everywhere(paragraphs))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PHRASES), max_size=10).map("".join), max_size=4))
def test_word_tests_change_no_statement(sentences: list[str]) -> None:
    _same("一、总体情况\n" + "\n".join(sentences) + "\n")


def test_seeds_state_the_same_counts() -> None:
    found = 0
    for path in SEED_PATHS:
        text = path.read_text(encoding="utf-8")
        _same(text)
        found += len(list(stated_counts(parse(path))))
    assert found > 0
