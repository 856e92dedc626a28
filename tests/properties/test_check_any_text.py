"""Any text gives a report and the whole catalogue runs on it: a rule never raises, and every
finding it makes points inside the text (a real report of any shape still loads and checks)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from opengov_report import check, parse
from tests.checks.texts import report_text
from tests.properties.test_document_roundtrip import report_like

_TABLE_WORDS = st.sampled_from(
    [
        "\t", "\n", "\t0", "\t1", "\t无", "\t——", "\t", "\t-3", "\t2.5", "\t约1", "\n\n",
        "（七）总计", "四、结转下年度继续办理", "一、本年新收政府信息公开申请数量", "行政复议",
        "统计指标\t单位\t统计数\n", "其中：", "条", "\t件\t", "本年制发件数", "规章\t1\t2\t3\n",
        "共收到政府信息公开申请3件。", "行政诉讼1起。", "未发生行政复议。",
    ]
)  # fmt: skip


def _checked(text: str) -> None:
    report = parse(text)
    for finding in check(report):
        for loc in finding.locations:
            if loc.span is not None and loc.source is None:
                assert 0 <= loc.span.start <= loc.span.end <= len(text)


@settings(max_examples=300)
@given(report_like)
def test_check_runs_on_any_report_like_text(text: str) -> None:
    _checked(text)


@settings(max_examples=300)
@given(st.lists(_TABLE_WORDS, max_size=80).map("".join), st.integers(0, 4000))
def test_check_runs_on_a_report_with_damaged_tables(noise: str, at: int) -> None:
    """A complete report with table fragments spliced in anywhere (rows cut, cells added)."""
    text = report_text()
    cut = at % (len(text) + 1)
    _checked(text[:cut] + noise + text[cut:])
