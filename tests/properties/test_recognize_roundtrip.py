"""A report rendered to text and parsed back gives the same figures.

The layouts ``render`` writes (cells, tsv, markdown) use the real renderer on generated
reports (blank/无/dash cells, spaced labels, wrapped heads).  The spaced and tabless layouts
cannot write a blank cell (it is simply absent), so ``render`` does not offer them: a small
writer here covers them, for recognition's sake."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from opengov_report import AnnualReport, Era, parse
from opengov_report._render import LAYOUTS, Style, render_styled
from opengov_report.model.forms import (
    APPLICANT_COLUMNS,
    APPLICATION_GROUP_TEXT,
    APPLICATION_ROW_TEXT,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
    application_rows,
)
from opengov_report.strategies import report_content, reports
from tests.forms import raw_grid

_GROUP_LABEL = APPLICATION_GROUP_TEXT

solid_values = st.one_of(st.integers(0, 500).map(str), st.sampled_from(["无", "——", "0"]))


@st.composite
def tabless_reports(
    draw: st.DrawFn,
) -> tuple[str, dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    layout = draw(st.sampled_from(["spaced", "lines"]))
    era2021 = draw(st.booleans())
    # a blank cell cannot be written in the spaced and tabless layouts: it is simply absent
    values = solid_values
    rows = application_rows("2021" if era2021 else "2019")
    apps = {
        r: dict(zip(APPLICANT_COLUMNS, draw(st.lists(values, min_size=7, max_size=7)), strict=True))
        for r in rows
    }
    reviews_flat = draw(st.lists(values, min_size=15, max_size=15))
    reviews = {
        g: dict(zip(REVIEW_COLUMNS, reviews_flat[i * 5 : i * 5 + 5], strict=True))
        for i, g in enumerate(REVIEW_GROUPS)
    }
    sep = {"spaced": " ", "lines": "\n\n"}[layout]
    lines = [
        f"某局{2021 if era2021 else 2019}年政府信息公开工作年度报告",
        "一、总体情况",
        "本年度……。",
    ]
    lines.append("三、收到和处理政府信息公开申请情况")
    table: list[list[str]] = []
    opened: set[str] = set()
    for r in rows:
        group = r.split(".")[0] if "." in r else None
        label = APPLICATION_ROW_TEXT[r]
        cells: list[str] = []
        if group is not None and group not in opened:
            opened.add(group)
            cells.append(_GROUP_LABEL[group])
        if layout == "spaced":
            label = label.replace("，", "").replace(" ", "")
            cells = [c.replace("，", "") for c in cells]
        cells.append(label)
        table.append(cells + [apps[r][c] for c in APPLICANT_COLUMNS])
    for row in table:
        lines.append(sep.join(row))
        if layout == "lines":
            lines.append("")
    lines.append("")
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    head = ["行政复议", "行政诉讼"]
    flat = [reviews[g][c] for g in REVIEW_GROUPS for c in REVIEW_COLUMNS]
    if layout == "lines":
        lines += ["\n\n".join(head), "", "\n\n".join(flat), ""]
    else:
        lines += [sep.join(head), sep.join(flat)]
    lines.append("五、存在的主要问题及改进情况")
    lines.append("无。")
    return "\n".join(lines) + "\n", apps, reviews


@settings(max_examples=60, deadline=None)
@given(tabless_reports())
def test_rendered_tables_parse_back(
    case: tuple[str, dict[str, dict[str, str]], dict[str, dict[str, str]]],
) -> None:
    text, apps, reviews = case
    report = parse(text)
    assert report.document.text == text
    assert raw_grid(report, "applications") == apps
    assert raw_grid(report, "reviews") == reviews
    assert report.applications is not None
    assert not [m for m in report.applications.missing if m.column is None]
    # numbered row labels stay rows: the outline is the report's four sections
    assert [h.numbering.text for h in report.document.headings()] == [
        "一、",
        "三、",
        "四、",
        "五、",
    ]


@st.composite
def rendered(draw: st.DrawFn) -> tuple[str, AnnualReport]:
    """A generated 2019/2021 report in a layout of ``render``, labels spaced or not."""
    report = draw(reports(era=draw(st.sampled_from([Era.V2019, Era.V2021])), complete=True))
    style = Style(spaced_labels=draw(st.booleans()), wrap_heads=draw(st.booleans()))
    return render_styled(report, draw(st.sampled_from(LAYOUTS)), style), report


@settings(max_examples=60, deadline=None)
@given(rendered())
def test_real_renderer_tables_parse_back(case: tuple[str, AnnualReport]) -> None:
    text, expected = case
    report = parse(text)
    assert report.document.text == text
    assert report_content(report) == report_content(expected)
    assert report.applications is not None
    assert not report.applications.missing
    # numbered row labels stay rows: the outline is the report's six sections
    assert [h.numbering.text for h in report.document.headings()] == [
        "一、",
        "二、",
        "三、",
        "四、",
        "五、",
        "六、",
    ]
