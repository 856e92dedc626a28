"""The one vocabulary of white space (opengov_report._chars) and the sites that read it."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opengov_report import _chars
from opengov_report.document import Cell
from opengov_report.model.values import ValueKind, parse_value

_ALL = [chr(i) for i in range(sys.maxunicode + 1)]


def test_blank_is_unicode_white_space_and_the_zero_width_padding() -> None:
    space_re = re.compile(r"\s")
    expected = {c for c in _ALL if space_re.match(c)} | {"\u200b", "\ufeff"}
    assert set(_chars.BLANK) == expected == _chars.BLANK_SET
    assert len(_chars.BLANK) == len(expected)  # no character twice


def test_space_is_blank_less_the_tab_and_the_line_breaks() -> None:
    assert set(_chars.SPACE) == set(_chars.BLANK) - {"\t"} - set(_chars.LINE_BREAKS)
    for c in _chars.LINE_BREAKS:
        assert len(f"a{c}b".splitlines()) == 2, hex(ord(c))
    for c in _chars.SPACE:
        assert len(f"a{c}b".splitlines()) == 1, hex(ord(c))


@pytest.mark.parametrize("ch", ["\u2002", "\u2003", "\u3000", "\u00a0", "\u200b", "\ufeff", "\t"])
def test_a_cell_and_a_value_agree_on_blank(ch: str) -> None:
    # U+2002 (en space) was blank for parse_value and not for Cell.is_blank
    text = ch * 2
    cell = Cell(text, 0, 0, 0, text, 0, len(text))
    assert cell.is_blank
    assert parse_value(text).kind is ValueKind.BLANK


@given(st.text(alphabet=st.sampled_from(_chars.BLANK + "0无a")))
def test_blank_cells_and_blank_values_are_the_same_texts(text: str) -> None:
    cell = Cell(text, 0, 0, 0, text, 0, len(text))
    assert cell.is_blank == _chars.is_blank(text)
    assert (parse_value(text).kind is ValueKind.BLANK) == _chars.is_blank(text)


_TEXTS = st.text(alphabet=st.sampled_from(_chars.BLANK + "三、本年度0a"))


@given(_TEXTS)
def test_squash_drops_exactly_the_blank_characters(text: str) -> None:
    assert _chars.squash(text) == "".join(c for c in text if c not in _chars.BLANK_SET)


@given(_TEXTS)
def test_split_blank_is_split_at_every_blank_character(text: str) -> None:
    parts = _chars.split_blank(text)
    assert "".join(parts) == _chars.squash(text)
    assert all(p and not any(c in _chars.BLANK_SET for c in p) for p in parts)
    if not any(c in _chars.ZERO_WIDTH for c in text):
        assert parts == text.split()  # str.split's white space is BLANK less the zero-width
