"""Heading levels and numbering anomalies, through the public reader (``parse_document``).

Each expectation is what a reader of the text sees, by the rules the outline of a report
follows (format-spec §2: 一、 sections, （一） sub-sections, 1. items …): the depth at which a
numbered line sits, and what is wrong with its numbering.  The texts are small outlines
written for the rule each test names; none of the expectations was taken from the program.
"""

from __future__ import annotations

import pytest

from opengov_report import parse_document
from opengov_report.document import Heading, NumberingAnomaly, NumberingStyle, Paragraph

MISSTYLED = NumberingAnomaly.MISSTYLED
SKIPPED = NumberingAnomaly.SKIPPED
REPEATED = NumberingAnomaly.REPEATED
NOT_FIRST = NumberingAnomaly.NOT_FIRST


def _outline(*lines: str) -> list[tuple[str, int, NumberingAnomaly | None]]:
    """(numbering as written, level, anomaly) of every heading of the text ``lines``."""
    doc = parse_document("\n".join(lines) + "\n")
    return [(h.numbering.text, h.level, h.anomaly) for h in doc.headings()]


def _paragraphs(*lines: str) -> list[str]:
    doc = parse_document("\n".join(lines) + "\n")
    return [leaf.text.strip() for leaf in doc.leaves() if isinstance(leaf, Paragraph)]


def test_styles_nest_in_the_order_they_first_appear_and_come_back_to_their_level() -> None:
    assert _outline(
        "一、总体情况",
        "（一）主动公开",
        "1.规章",
        "2.规范性文件",
        "（二）依申请公开",
        "二、存在的问题",
    ) == [
        ("一、", 1, None),
        ("（一）", 2, None),
        ("1.", 3, None),
        ("2.", 3, None),
        ("（二）", 2, None),
        ("二、", 1, None),
    ]


def test_the_first_style_met_is_the_top_level_whichever_it_is() -> None:
    # a report numbered （一） … at the top: （一） is level 1, 1. under it level 2
    assert _outline("（一）概述", "1.组织", "（二）公开情况") == [
        ("（一）", 1, None),
        ("1.", 2, None),
        ("（二）", 1, None),
    ]


def test_a_new_style_starting_at_one_opens_a_deeper_level() -> None:
    # 1、 is met first under （二）: it opens level 3 there, not under （一）
    assert _outline("一、概述", "（一）组织", "（二）制度", "1、培训", "2、考核") == [
        ("一、", 1, None),
        ("（一）", 2, None),
        ("（二）", 2, None),
        ("1、", 3, None),
        ("2、", 3, None),
    ]


def test_a_skip_a_repeat_and_a_first_heading_not_at_one_keep_their_place_marked() -> None:
    assert _outline("二、概述", "四、问题", "四、改进", "五、其他") == [
        ("二、", 1, NOT_FIRST),
        ("四、", 1, SKIPPED),
        ("四、", 1, REPEATED),
        ("五、", 1, None),
    ]


def test_a_repeat_of_one_at_the_deepest_open_level_is_a_repeat() -> None:
    # （一） again right after （一）: no deeper level is open, so it is no list restarting
    assert _outline("一、概述", "（一）组织", "（一）制度", "（二）培训") == [
        ("一、", 1, None),
        ("（一）", 2, None),
        ("（一）", 2, REPEATED),
        ("（二）", 2, None),
    ]


def test_a_sub_level_repeated_after_a_skip_is_on_its_own_level() -> None:
    assert _outline("一、概述", "（一）组织", "（三）培训", "二、问题") == [
        ("一、", 1, None),
        ("（一）", 2, None),
        ("（三）", 2, SKIPPED),
        ("二、", 1, None),
    ]


def test_a_list_restarting_an_open_ancestor_level_is_text() -> None:
    # 1. … 2. under （一）, then "一、" again while （一） is open: a numbered list in the
    # text, not the report's first section a second time
    text = ("一、概述", "（一）组织领导", "1.成立小组", "一、明确职责。", "2.完善制度")
    assert _outline(*text) == [
        ("一、", 1, None),
        ("（一）", 2, None),
        ("1.", 3, None),
        ("2.", 3, None),
    ]
    assert "一、明确职责。" in _paragraphs(*text)


def test_a_heading_in_another_style_that_continues_an_open_level_is_misstyled() -> None:
    # 四． and 5、 between 三、 and 六、: the sections four and five, mistyped
    assert _outline(
        "一、概述", "二、主动公开", "三、依申请公开", "四．复议诉讼", "5、问题", "六、其他"
    ) == [
        ("一、", 1, None),
        ("二、", 1, None),
        ("三、", 1, None),
        ("四．", 1, MISSTYLED),
        ("5、", 1, MISSTYLED),
        ("六、", 1, None),
    ]


def test_no_misstyling_when_the_level_s_own_style_comes_back_with_that_ordinal() -> None:
    # 三． then 三、: the section three is 三、, so 三． is something under 二、
    assert _outline("一、概述", "二、主动公开", "三．规章", "三、依申请公开") == [
        ("一、", 1, None),
        ("二、", 1, None),
        ("三．", 2, NOT_FIRST),
        ("三、", 1, None),
    ]


def test_no_misstyling_when_the_level_s_own_style_comes_back_lower() -> None:
    # 三． then 二、 (its level going back): 三． cannot be the third section
    assert _outline("一、概述", "三．规章", "二、依申请公开") == [
        ("一、", 1, None),
        ("三．", 2, NOT_FIRST),
        ("二、", 1, None),
    ]


def test_misstyled_when_the_level_s_own_style_comes_back_higher() -> None:
    assert _outline("一、概述", "二．主动公开", "三、依申请公开") == [
        ("一、", 1, None),
        ("二．", 1, MISSTYLED),
        ("三、", 1, None),
    ]


def test_a_bracketed_heading_never_stands_in_for_an_unbracketed_level() -> None:
    # （二） after 一、: a bracket is not how 二、 is mistyped; it is a sub-level
    assert _outline("一、概述", "（二）主动公开") == [("一、", 1, None), ("（二）", 2, NOT_FIRST)]
    # and an unbracketed one not for a bracketed level
    assert _outline("（一）概述", "2.主动公开") == [("（一）", 1, None), ("2.", 2, NOT_FIRST)]


def test_misstyling_continues_the_nearest_open_level_that_fits() -> None:
    # （2） after 一、 → （一） → 1、: not 1、's second item (a bracket is not how 2、 is
    # mistyped) but （一）'s: （二） at level 2, mistyped
    assert _outline("一、概述", "（一）组织", "1、培训", "（2）制度") == [
        ("一、", 1, None),
        ("（一）", 2, None),
        ("1、", 3, None),
        ("（2）", 2, MISSTYLED),
    ]


def test_a_style_seen_misstyled_does_not_take_that_level() -> None:
    # 二． stood in for 二、: level 1 stays 一、's, and 1. under it opens level 2
    assert _outline("一、概述", "二．公开", "1.规章", "三、问题") == [
        ("一、", 1, None),
        ("二．", 1, MISSTYLED),
        ("1.", 2, None),
        ("三、", 1, None),
    ]


def test_levels_deeper_than_eight_are_text() -> None:
    lines = (
        "第一部分 总述",
        "第一章 概述",
        "一、总体",
        "（一）组织",
        "1、领导",
        "（1）小组",
        "①成员",
        "1.职责",
        "一．分工",
    )
    got = _outline(*lines)
    assert [level for _, level, _ in got] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert "一．分工" in _paragraphs(*lines)


@pytest.mark.parametrize(
    ("line", "style", "ordinal"),
    [
        ("（十二）其他", NumberingStyle.CN_PAREN, 12),
        ("(3)其他", NumberingStyle.AR_PAREN, 3),
        ("（１２）其他", NumberingStyle.AR_PAREN, 12),
        ("十一、其他", NumberingStyle.CN_COMMA, 11),
        ("二十．其他", NumberingStyle.CN_DOT, 20),
        ("三.其他", NumberingStyle.CN_DOT, 3),
        ("12、其他", NumberingStyle.AR_COMMA, 12),
        ("12.其他", NumberingStyle.AR_DOT, 12),
        ("７．其他", NumberingStyle.AR_DOT, 7),
        ("③其他", NumberingStyle.CIRCLED, 3),
        ("⑳其他", NumberingStyle.CIRCLED, 20),
        ("第三章 其他", NumberingStyle.CHAPTER, 3),
        ("第12章 其他", NumberingStyle.CHAPTER, 12),
        ("第二部分 其他", NumberingStyle.PART, 2),
        ("第十部分 其他", NumberingStyle.PART, 10),
    ],
)
def test_numbering_style_and_ordinal(line: str, style: NumberingStyle, ordinal: int) -> None:
    headings = list(parse_document(f"一、概述\n{line}\n").headings())
    assert len(headings) == 2
    heading: Heading = headings[1]
    assert (heading.numbering.style, heading.numbering.ordinal) == (style, ordinal)
    assert line.startswith(heading.numbering.text)


def test_a_style_goes_back_to_its_level_under_another_style_s_heading() -> None:
    # 1. opens level 2 under 二、 (where （一） opened it before); under 三、 → （一）, a 1. is
    # that style again: back to its level 2, a sibling of （一）, not a level 3
    assert _outline("一、A", "（一）B", "二、C", "1.D", "2.E", "三、F", "（一）G", "1.H") == [
        ("一、", 1, None),
        ("（一）", 2, None),
        ("二、", 1, None),
        ("1.", 2, None),
        ("2.", 2, None),
        ("三、", 1, None),
        ("（一）", 2, None),
        ("1.", 2, None),
    ]


def test_a_number_that_continues_nothing_open_at_its_level_is_a_skip() -> None:
    # under 三、 level 2 holds （一）: "2." of the 1. style continues nothing open there
    assert _outline("一、A", "（一）B", "二、C", "1.D", "三、E", "（一）F", "2.G")[-1] == (
        "2.",
        2,
        SKIPPED,
    )


def test_a_skip_is_counted_from_the_heading_open_at_that_level() -> None:
    assert _outline("一、A", "二、B", "（一）C", "（三）D") == [
        ("一、", 1, None),
        ("二、", 1, None),
        ("（一）", 2, None),
        ("（三）", 2, SKIPPED),
    ]


def test_misstyled_at_a_shallower_level_than_the_deepest_open() -> None:
    # 三． after 二、 → （一）: the section three, mistyped (not a level 3)
    assert _outline("一、A", "二、B", "（一）C", "三．D") == [
        ("一、", 1, None),
        ("二、", 1, None),
        ("（一）", 2, None),
        ("三．", 1, MISSTYLED),
    ]


def test_a_level_s_own_style_after_a_misstyled_heading() -> None:
    # 二． stood in for 二、; 四、 then skips section three
    assert _outline("一、A", "二．B", "四、C") == [
        ("一、", 1, None),
        ("二．", 1, MISSTYLED),
        ("四、", 1, SKIPPED),
    ]
    # and 3、 after 二．: not section three when 三、 follows (the level's own style decides)
    assert _outline("一、A", "二．B", "3、C", "三、D") == [
        ("一、", 1, None),
        ("二．", 1, MISSTYLED),
        ("3、", 2, NOT_FIRST),
        ("三、", 1, None),
    ]


def test_a_deep_style_met_again_after_its_level_closed_opens_the_next_level() -> None:
    # （1） was level 3 under （一）; under 二、 (no （一）) it is the next level, 2
    assert _outline("一、A", "（一）B", "（1）C", "二、D", "（1）E")[-1] == ("（1）", 2, None)
    assert _outline("一、A", "（一）B", "（1）C", "二、D", "（3）E")[-1] == ("（3）", 2, NOT_FIRST)


def test_a_demoted_line_keeps_its_run_in_text() -> None:
    # a list restarting inside the text, with a sentence after it: one paragraph
    text = (
        "一、概述",
        "（一）组织领导",
        "1.成立小组",
        "一、明确职责。专门召集各科室负责人进行专题培训。",
    )
    assert [n for n, _, _ in _outline(*text)] == ["一、", "（一）", "1."]
    assert "一、明确职责。专门召集各科室负责人进行专题培训。" in _paragraphs(*text)


def test_headings_after_a_line_too_deep_keep_their_levels() -> None:
    lines = (
        "第一部分 总述", "第一章 概述", "一、总体", "（一）组织", "1、领导", "（1）小组", "①成员",
        "1.职责", "一．分工明确。专门召集各科室负责人进行专题培训。", "第二部分 其他",
    )  # fmt: skip
    got = _outline(*lines)
    assert [level for _, level, _ in got] == [1, 2, 3, 4, 5, 6, 7, 8, 1]
    assert "一．分工明确。专门召集各科室负责人进行专题培训。" in _paragraphs(*lines)
