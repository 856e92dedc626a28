"""Heading levels as a function of the numbering sequence alone (docs/layout.md, *Headings*).

Expected values come from the numbering conventions of the reports (format-spec.md: 一、 →
（一） → 1. → （1）; the 2019 format's seed 004 writes ``四．`` and ``5、`` among ``一、``
headings; seed 000 writes ``（三）`` under ``二、`` after items 一是/二是), not from the code.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from opengov_report import NumberingAnomaly, NumberingStyle
from opengov_report.lexer import MAX_DEPTH, HeadingLevel, heading_levels

S = NumberingStyle
A = NumberingAnomaly

#: the conventional order of the report's numbering styles, from the top (format-spec.md)
CONVENTION = (S.CN_COMMA, S.CN_PAREN, S.AR_DOT, S.AR_PAREN, S.CIRCLED)


def _levels(*numbering: tuple[NumberingStyle, int]) -> list[HeadingLevel]:
    return heading_levels(list(numbering))


def test_the_conventional_styles_nest_in_their_order() -> None:
    # 一、总体情况 （一）主动公开 1. 规章 （1）… ① …
    got = _levels((S.CN_COMMA, 1), (S.CN_PAREN, 1), (S.AR_DOT, 1), (S.AR_PAREN, 1), (S.CIRCLED, 1))
    assert got == [(1, None), (2, None), (3, None), (4, None), (5, None)]


def test_a_style_goes_back_to_its_level() -> None:
    # 一、 （一） （二） 二、 （一） 1. 2. 三、
    got = _levels(
        (S.CN_COMMA, 1),
        (S.CN_PAREN, 1),
        (S.CN_PAREN, 2),
        (S.CN_COMMA, 2),
        (S.CN_PAREN, 1),
        (S.AR_DOT, 1),
        (S.AR_DOT, 2),
        (S.CN_COMMA, 3),
    )
    assert [lv[0] if lv else None for lv in got] == [1, 2, 2, 1, 2, 3, 3, 1]
    assert all(lv is not None and lv[1] is None for lv in got)


def test_depth_never_skips() -> None:
    # 1. was met at level 3; under 二、 with no （一） it is placed at depth 2
    got = _levels((S.CN_COMMA, 1), (S.CN_PAREN, 1), (S.AR_DOT, 1), (S.CN_COMMA, 2), (S.AR_DOT, 1))
    assert got == [(1, None), (2, None), (3, None), (1, None), (2, None)]


def test_seed_004_misstyled_headings_stay_on_level_one() -> None:
    # 一、 二、 三、 四．… 5、 存在的主要问题… 六、
    got = _levels(
        (S.CN_COMMA, 1),
        (S.CN_COMMA, 2),
        (S.CN_COMMA, 3),
        (S.CN_DOT, 4),
        (S.AR_COMMA, 5),
        (S.CN_COMMA, 6),
    )
    assert got == [
        (1, None),
        (1, None),
        (1, None),
        (1, A.MISSTYLED),
        (1, A.MISSTYLED),
        (1, None),
    ]


def test_a_misstyled_heading_needs_the_next_of_its_level_to_go_on() -> None:
    # 一、 二、 三． 三、: the next 一、-style heading takes 3 again, so 三． does not stand in
    # for 三、; it opens a deeper level that does not start at 1
    got = _levels((S.CN_COMMA, 1), (S.CN_COMMA, 2), (S.CN_DOT, 3), (S.CN_COMMA, 3))
    assert got[2] == (2, A.NOT_FIRST)
    assert got[3] == (1, None)


def test_a_bracketed_style_never_stands_in_for_an_unbracketed_level() -> None:
    # seed 000: 一、 二、 （三）积极开展… (its items 一 and 二 were written 一是/二是)
    got = _levels((S.CN_COMMA, 1), (S.CN_COMMA, 2), (S.CN_PAREN, 3))
    assert got == [(1, None), (1, None), (2, A.NOT_FIRST)]


def test_a_list_restarting_under_deeper_text_is_a_paragraph() -> None:
    # 一、 1、推进决策公开。 （1）开设…。 （2）建立… then 1、 again while （n） is open
    got = _levels(
        (S.CN_COMMA, 1), (S.AR_COMMA, 1), (S.AR_PAREN, 1), (S.AR_PAREN, 2), (S.AR_COMMA, 1)
    )
    assert got == [(1, None), (2, None), (3, None), (3, None), None]


def test_skipped_and_repeated_keep_their_place() -> None:
    # seed 003: 一、 二、 四、 (三、 was lost); then 四、 again
    got = _levels((S.CN_COMMA, 1), (S.CN_COMMA, 2), (S.CN_COMMA, 4), (S.CN_COMMA, 4))
    assert got == [(1, None), (1, None), (1, A.SKIPPED), (1, A.REPEATED)]


def test_a_first_heading_not_at_one() -> None:
    assert _levels((S.CN_COMMA, 2)) == [(1, A.NOT_FIRST)]


def test_a_line_deeper_than_the_grammar_nests_is_a_paragraph() -> None:
    styles = list(NumberingStyle)  # nine styles, each first met at 1: depths 1 … 9
    got = heading_levels([(style, 1) for style in styles])
    assert len(styles) == MAX_DEPTH + 1
    assert got == [*((d, None) for d in range(1, MAX_DEPTH + 1)), None]


# -- properties ---------------------------------------------------------------------------


@st.composite
def _outlines(draw: st.DrawFn) -> tuple[list[tuple[NumberingStyle, int]], list[int]]:
    """A well-formed outline numbered by the convention: each heading is the next sibling
    of an open level or the first child of the last heading, at most len(CONVENTION) deep."""
    numbering: list[tuple[NumberingStyle, int]] = []
    depths: list[int] = []
    ordinals: list[int] = []  # the last ordinal of each open level
    for _ in range(draw(st.integers(1, 30))):
        choices = list(range(1, len(ordinals) + 1))
        if len(ordinals) < len(CONVENTION):
            choices.append(len(ordinals) + 1)  # a first child
        depth = draw(st.sampled_from(choices))
        del ordinals[depth:]
        if depth > len(ordinals):
            ordinals.append(1)
        else:
            ordinals[depth - 1] += 1
        numbering.append((CONVENTION[depth - 1], ordinals[depth - 1]))
        depths.append(depth)
    return numbering, depths


@given(_outlines())
def test_a_conventional_outline_gets_its_depths_and_no_anomaly(
    outline: tuple[list[tuple[NumberingStyle, int]], list[int]],
) -> None:
    numbering, depths = outline
    assert heading_levels(numbering) == [(d, None) for d in depths]


@given(st.lists(st.tuples(st.sampled_from(list(NumberingStyle)), st.integers(1, 12)), max_size=40))
def test_levels_never_skip_and_stay_in_bounds(numbering: list[tuple[NumberingStyle, int]]) -> None:
    got = heading_levels(numbering)
    assert len(got) == len(numbering)
    depth = 0  # the depth of the last heading placed
    for level in got:
        if level is None:
            continue
        assert 1 <= level[0] <= min(depth + 1, MAX_DEPTH)
        depth = level[0]


@given(st.sampled_from(list(NumberingStyle)), st.integers(1, 30))
def test_one_style_counted_up_is_one_level(style: NumberingStyle, n: int) -> None:
    assert heading_levels([(style, k) for k in range(1, n + 1)]) == [(1, None)] * n
