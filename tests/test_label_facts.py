"""A label's facts, looked up once per row, agree with the public label matchers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from opengov_report.recognize.label_facts import label_facts
from opengov_report.recognize.labels import (
    APPLICATION_COLUMN_LABELS,
    APPLICATION_GROUP_LABELS,
    APPLICATION_ROW_LABELS,
    DISCLOSURE_COLUMN_LABELS,
    DISCLOSURE_ROW_LABELS,
    LEGACY_INDICATOR_LABELS,
    REVIEW_COLUMN_LABELS,
    REVIEW_GROUP_LABELS,
    era_signs,
    match_application_column,
    match_application_group,
    match_application_row,
    match_disclosure_column,
    match_disclosure_item,
    match_disclosure_row,
    match_legacy_indicator,
    match_review_column,
    match_review_group,
    normalize_label,
)

_OFFICIAL = sorted(
    {
        *APPLICATION_COLUMN_LABELS.values(),
        *APPLICATION_GROUP_LABELS.values(),
        *APPLICATION_ROW_LABELS.values(),
        *DISCLOSURE_COLUMN_LABELS.values(),
        *DISCLOSURE_ROW_LABELS.values(),
        *LEGACY_INDICATOR_LABELS.values(),
        *REVIEW_COLUMN_LABELS.values(),
        *REVIEW_GROUP_LABELS.values(),
        "第二十条第（五）项",
        "统计指标",
    }
)


@st.composite
def _labels(draw: st.DrawFn) -> str:
    """An official label, spaced out, indented, shortened or with a typo; or any text."""
    if draw(st.booleans()):
        return draw(st.text(max_size=20))
    label = draw(st.sampled_from(_OFFICIAL))
    chars = list(label)
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(chars)))
        chars.insert(at, draw(st.sampled_from([" ", "\u3000", "\t", "\n", "一", "、"])))
    drop: bool = draw(st.booleans())
    if chars and drop:
        del chars[draw(st.integers(0, len(chars) - 1))]
    return draw(st.sampled_from(["", "\u3000\u3000", "1.", "（二）"])) + "".join(chars)


@settings(max_examples=300)
@given(_labels())
def test_facts_agree_with_the_matchers(text: str) -> None:
    facts = label_facts(text)
    assert facts.key == normalize_label(text)
    assert facts.era_signs == era_signs(text)
    assert facts.application_column == match_application_column(text)
    assert facts.application_group == match_application_group(text)
    for group in (None, "results", "denied", "unable", "not_processed", "other"):
        assert facts.application_row(group) == match_application_row(text, group)
    assert facts.review_group == match_review_group(text)
    assert facts.review_column == match_review_column(text)
    assert facts.disclosure_column == match_disclosure_column(text)
    assert facts.disclosure_row == match_disclosure_row(text)
    assert facts.disclosure_item == match_disclosure_item(text)
    assert facts.legacy_indicator == match_legacy_indicator(text)


def test_spellings_of_one_label_share_their_facts() -> None:
    assert label_facts("本年 新\u3000制作数量") is label_facts("本年新制作数量")
    assert label_facts("（七）总计").application_row(None) == "total_processed"
