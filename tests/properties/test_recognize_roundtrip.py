"""A report rendered to text (a simple test renderer) and parsed back gives the same figures,
in three layouts, with blank/无/dash cells and spaced or wrapped labels."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from opengov_report import parse
from opengov_report.recognize.labels import (
    APPLICATION_COLUMNS,
    APPLICATION_ROW_LABELS,
    APPLICATION_ROWS_2019,
    APPLICATION_ROWS_2021,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
)

_GROUP_LABEL = {
    "denied": "（三）不予公开",
    "unable": "（四）无法提供",
    "not_processed": "（五）不予处理",
    "other": "（六）其他处理",
}

cell_values = st.one_of(st.integers(0, 500).map(str), st.sampled_from(["", "无", "——", "0"]))
solid_values = st.one_of(st.integers(0, 500).map(str), st.sampled_from(["无", "——", "0"]))


def _label_variants(label: str, spaced: bool) -> str:
    if not spaced or len(label) < 4:
        return label
    return label[:2] + " " + label[2:4] + " " + label[4:]


@st.composite
def reports(draw: st.DrawFn) -> tuple[str, dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    layout = draw(st.sampled_from(["cells", "tsv", "spaced", "pipe", "lines"]))
    era2021 = draw(st.booleans())
    spaced_labels = draw(st.booleans()) and layout not in ("spaced", "lines")
    # a blank cell cannot be written in the spaced and tabless layouts: it is simply absent
    values = solid_values if layout in ("spaced", "lines") else cell_values
    rows = APPLICATION_ROWS_2021 if era2021 else APPLICATION_ROWS_2019
    apps = {
        r: dict(
            zip(APPLICATION_COLUMNS, draw(st.lists(values, min_size=7, max_size=7)), strict=True)
        )
        for r in rows
    }
    reviews_flat = draw(st.lists(values, min_size=15, max_size=15))
    reviews = {
        g: dict(zip(REVIEW_COLUMNS, reviews_flat[i * 5 : i * 5 + 5], strict=True))
        for i, g in enumerate(REVIEW_GROUPS)
    }
    sep = {"cells": "\n\t", "tsv": "\t", "spaced": " ", "pipe": " | ", "lines": "\n\n"}[layout]
    lines = [
        f"某局{2021 if era2021 else 2019}年政府信息公开工作年度报告",
        "一、总体情况",
        "本年度……。",
    ]
    lines.append("三、收到和处理政府信息公开申请情况")
    header = ["", "自然人", "法人或其他组织", "总计"]
    header2 = ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]
    table: list[list[str]] = [header, header2] if layout in ("cells", "tsv", "pipe") else []
    opened: set[str] = set()
    for r in rows:
        group = r.split(".")[0] if "." in r else None
        label = APPLICATION_ROW_LABELS[r]
        cells: list[str] = []
        if group is not None and group not in opened:
            opened.add(group)
            cells.append(_GROUP_LABEL[group])
        if layout == "spaced":
            label = label.replace("，", "").replace(" ", "")
            cells = [c.replace("，", "") for c in cells]
        cells.append(_label_variants(label, spaced_labels))
        table.append(cells + [apps[r][c] for c in APPLICATION_COLUMNS])
    for row in table:
        if layout == "cells":
            lines.append("\t" + "\n\t".join(row))
            lines.append("")
        elif layout == "pipe":
            lines.append("| " + sep.join(row) + " |")
        elif layout == "lines":
            lines.append(sep.join(row))
            lines.append("")
        else:
            lines.append(sep.join(row))
    lines.append("")
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    head = ["行政复议", "行政诉讼"]
    flat = [reviews[g][c] for g in REVIEW_GROUPS for c in REVIEW_COLUMNS]
    if layout == "cells":
        lines += ["\t" + "\n\t".join(head), "", "\t" + "\n\t".join(flat), ""]
    elif layout == "pipe":
        lines += ["| " + sep.join(head) + " |", "|---|---|", "| " + sep.join(flat) + " |"]
    elif layout == "lines":
        lines += ["\n\n".join(head), "", "\n\n".join(flat), ""]
    else:
        lines += [sep.join(head), sep.join(flat)]
    lines.append("五、存在的主要问题及改进情况")
    lines.append("无。")
    return "\n".join(lines) + "\n", apps, reviews


def _grid(report: object, table: str) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for f in report.figures():  # type: ignore[attr-defined]
        if f.table == table:
            out.setdefault(f.row, {})[f.column] = f.value.raw.strip()
    return out


@settings(max_examples=150, deadline=None)
@given(reports())
def test_rendered_tables_parse_back(
    case: tuple[str, dict[str, dict[str, str]], dict[str, dict[str, str]]],
) -> None:
    text, apps, reviews = case
    report = parse(text)
    assert report.document.text == text
    assert _grid(report, "applications") == apps
    assert _grid(report, "reviews") == reviews
    assert report.applications is not None
    assert not [m for m in report.applications.missing if m.column is None]
    # numbered row labels stay rows: the outline is the report's four sections
    assert [h.numbering.text for h in report.document.headings()] == [
        "一、",
        "三、",
        "四、",
        "五、",
    ]
