"""Label matching that survives real text, and glued-digit splitting."""

from __future__ import annotations

import itertools
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from opengov_report.recognize.glued import split_candidates, split_grouped
from opengov_report.recognize.labels import (
    APPLICATION_ROW_LABELS,
    era_signs,
    match_application_column,
    match_application_row,
    match_disclosure_column,
    match_disclosure_item,
    match_legacy_indicator,
    match_review_column,
)

_GROUP_OF = {"denied": "denied", "unable": "unable", "not_processed": "not_processed"}


def _group(row: str) -> str | None:
    head = row.split(".", maxsplit=1)[0]
    return head if "." in row else None


def test_every_official_application_label_matches() -> None:
    for row, label in APPLICATION_ROW_LABELS.items():
        assert match_application_row(label, group=_group(row)) == row, label


@given(st.data())
def test_spaced_wrapped_and_width_variants_match(data: st.DataObject) -> None:
    row = data.draw(st.sampled_from(sorted(APPLICATION_ROW_LABELS)))
    label = APPLICATION_ROW_LABELS[row]
    rng = random.Random(data.draw(st.integers(0, 10**6)))
    noisy = "".join(
        ch + (rng.choice([" ", "\u3000", "\n", ""]) if rng.random() < 0.3 else "") for ch in label
    )
    noisy = noisy.replace("（", "(").replace("）", ")") if rng.random() < 0.5 else noisy
    assert match_application_row(noisy, group=_group(row)) == row


def test_variants_and_typos() -> None:
    assert (
        match_application_row("(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)")
        == "partially_granted"
    )
    assert (
        match_application_row("（二）部分公开（区分处理的，只计这一情况，不计其他情形）")
        == "partially_granted"
    )
    assert (
        match_application_row("5.属于三类内容事务信息", group="denied") == "denied.internal_affairs"
    )
    assert match_application_row("三、 本年 度办 理结 果") is None  # a group, not a row
    assert match_disclosure_column("本年度止件数") == "repealed"
    assert match_disclosure_column("本年 新\n制作数量") == "new_made"
    assert match_disclosure_column("现行有效件数 (历史累计)") == "in_force"
    assert match_disclosure_item("第二十条 第(一)项") == 1
    assert match_disclosure_item("第二十条第（九）项") == 9
    assert (
        match_legacy_indicator("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）")
        == "proactive_total"
    )
    assert match_review_column("结 果 维 持") == "upheld"


def test_group_context_disambiguates() -> None:
    assert match_application_row("3.其他", group="other") == "other.other_reasons"
    assert match_application_row("3.其他") is None
    assert match_application_column("其他") == "other_organization"
    assert match_application_row("2.重复申请", group="not_processed") == "not_processed.repeat"


def test_unrelated_text_does_not_match() -> None:
    for text in ("行政复议", "我局认真贯彻落实条例要求", "信息内容", "规章", "自然人", ""):
        assert match_application_row(text) is None, text


def test_era_signs() -> None:
    assert era_signs("本年制发件数") == {"2021"}
    assert era_signs("本年 新\n制作数量") == {"2019"}
    assert era_signs("行政规范性文件") == {"2021"}
    assert era_signs("统　计　指　标") == {"legacy"}
    assert era_signs("结转下年度继续办理") == {"2019_or_2021"}


def test_split_unique_ambiguous_none() -> None:
    # 12+3+0+0+1+0 = 16, but 1+2+3+0+0+10 = 16 as well: the row total alone cannot decide
    assert set(split_candidates("123001016", 7, limit=5)) == {
        (12, 3, 0, 0, 1, 0, 16),
        (1, 2, 3, 0, 0, 10, 16),
    }
    assert split_candidates("400000040", 7) == ((40, 0, 0, 0, 0, 0, 40),)
    assert split_candidates("99", 3) == ()
    assert split_candidates("0000000", 7) == ((0,) * 7,)


@settings(deadline=None)  # no timed assertions: on a loaded machine one example took 282 ms
@given(st.lists(st.integers(0, 999), min_size=1, max_size=7))
def test_true_split_is_always_a_candidate(parts: list[int]) -> None:
    row = (*parts, sum(parts))
    digits = "".join(map(str, row))
    found = split_candidates(digits, len(row), limit=10_000)
    assert row in found
    if len(found) == 1:
        assert found[0] == row


def test_pathological_inputs_return() -> None:
    assert len(split_candidates("1" * 60, 15, limit=2)) <= 2
    assert split_candidates("0" * 60, 15) == ()


def _all_splits(digits: str, n: int, total_last: bool) -> set[tuple[int, ...]]:
    """Every cut of ``digits`` into ``n`` numbers without a leading zero (``0`` alone is one),
    by brute force: the oracle of split_candidates, written without it."""
    out = set()
    for cuts in itertools.combinations(range(1, len(digits)), n - 1):
        bounds = (0, *cuts, len(digits))
        parts = [digits[a:b] for a, b in itertools.pairwise(bounds)]
        if any(len(p) > 1 and p[0] == "0" for p in parts):
            continue
        numbers = tuple(int(p) for p in parts)
        if not total_last or numbers[-1] == sum(numbers[:-1]):
            out.add(numbers)
    return out


@given(st.text("0123456789", min_size=1, max_size=9), st.integers(1, 6), st.booleans())
def test_split_candidates_are_every_split_and_only_those(
    digits: str, n: int, total_last: bool
) -> None:
    every = _all_splits(digits, n, total_last)
    found = split_candidates(digits, n, total_last=total_last, limit=10_000)
    assert len(found) == len(set(found))
    assert set(found) == every
    # a limit keeps that many of them, no more, no fewer
    assert len(split_candidates(digits, n, total_last=total_last, limit=2)) == min(2, len(every))
    assert set(split_candidates(digits, n, total_last=total_last, limit=1)) <= every


def test_a_leading_zero_is_no_number() -> None:
    assert split_candidates("0550", 2, total_last=False) == ((0, 550),)
    assert split_candidates("505", 2) == ()  # 5 | 05 would add up, but 05 is not written so
    assert set(split_candidates("1055", 3, total_last=False, limit=10)) == {(1, 0, 55), (10, 5, 5)}


def test_split_candidates_limits_and_refusals() -> None:
    every = _all_splits("111113", 4, True)  # three cuts add up
    assert len(every) == 3
    assert len(split_candidates("111113", 4)) == 2  # the default limit
    assert len(split_candidates("111113", 4, limit=2)) == 2
    assert len(split_candidates("111113", 4, limit=1)) == 1
    assert set(split_candidates("111113", 4, limit=3)) == every
    assert split_candidates("12a3", 2) == ()
    assert split_candidates("１２３", 2, total_last=False) == ()  # digits, but not ASCII ones
    assert split_candidates("123", 0) == ()
    assert split_candidates("12", 3, total_last=False) == ()
    # one number that is the sum of none: only 0
    assert split_candidates("0", 1) == ((0,),)
    assert split_candidates("7", 1) == ()


def _all_grouped(digits: str, groups: int, size: int) -> set[tuple[int, ...]]:
    """Every cut of ``digits`` into ``groups`` runs of ``size`` numbers without a leading zero,
    the last of each run the sum of the others, by brute force (the oracle of split_grouped)."""
    return {
        numbers
        for numbers in _all_splits(digits, groups * size, total_last=False)
        if all(
            numbers[g * size + size - 1] == sum(numbers[g * size : g * size + size - 1])
            for g in range(groups)
        )
    }


@given(st.text("0123456789", min_size=1, max_size=9), st.integers(1, 3), st.integers(1, 3))
def test_split_grouped_gives_every_grouped_split_and_only_those(
    digits: str, groups: int, size: int
) -> None:
    every = _all_grouped(digits, groups, size)
    found = split_grouped(digits, groups, size, limit=10_000)
    assert len(found) == len(set(found))
    assert set(found) == every
    assert len(split_grouped(digits, groups, size)) == min(2, len(every))  # the default limit
    assert len(split_grouped(digits, groups, size, limit=1)) == min(1, len(every))


@given(st.integers(1, 3), st.integers(1, 3), st.data())
def test_the_true_grouped_split_is_found_with_every_other(
    groups: int, size: int, data: st.DataObject
) -> None:
    """Runs written from numbers and their sums: the true cut is one of those found, and
    those found are every cut (the brute force's)."""
    row: tuple[int, ...] = ()
    for _ in range(groups):
        parts = data.draw(st.lists(st.integers(0, 9), min_size=size - 1, max_size=size - 1))
        row += (*parts, sum(parts))
    digits = "".join(map(str, row))
    found = split_grouped(digits, groups, size, limit=10_000)
    assert row in found
    assert set(found) == _all_grouped(digits, groups, size)


def test_split_grouped_by_hand() -> None:
    # 1+1=2 and 3+4=7; the first run cannot be longer (1123: 1+1≠23, 1+12≠3, 11+2≠3)
    assert split_grouped("112347", 2, 3) == ((1, 1, 2, 3, 4, 7),)
    # table 四's shape, three runs of five: 1 0 0 0 1 | 0 2 0 0 2 | 0 0 0 3 3 is one of the cuts
    assert (1, 0, 0, 0, 1, 0, 2, 0, 0, 2, 0, 0, 0, 3, 3) in split_grouped(
        "100010200200033", 3, 5, limit=10_000
    )
    # one run of four numbers in 111113 adds up three ways: 1+1+11=13, 1+11+1=13, 11+1+1=13
    every = {(1, 1, 11, 13), (1, 11, 1, 13), (11, 1, 1, 13)}
    assert _all_grouped("111113", 1, 4) == every
    assert set(split_grouped("111113", 1, 4, limit=3)) == every  # each run's cuts, not two
    assert len(split_grouped("111113", 1, 4)) == 2  # the default limit: two of the three
    assert len(split_grouped("111113", 1, 4, limit=1)) == 1
    assert len(split_grouped("111113" * 2, 2, 4, limit=2)) == 2
    twice = "111113" * 2
    assert set(split_grouped(twice, 2, 4, limit=100)) == _all_grouped(twice, 2, 4)
    assert {a + b for a in every for b in every} <= _all_grouped(twice, 2, 4)


def test_split_grouped_refuses_what_is_no_run_of_digits_or_too_long() -> None:
    assert split_grouped("11a2", 1, 3) == ()
    assert split_grouped("１１２", 1, 3) == ()  # digits, but not ASCII ones
    # 12 digits a number on average is tried: 100000000000 + 100000000000 = 200000000000
    twelve = "100000000000" * 2 + "200000000000"
    assert split_grouped(twelve, 1, 3) == ((10**11, 10**11, 2 * 10**11),)
    # one digit more is not: 500000000000 + 500000000000 = 1000000000000 (37 digits)
    assert split_grouped("500000000000" * 2 + "1000000000000", 1, 3) == ()
