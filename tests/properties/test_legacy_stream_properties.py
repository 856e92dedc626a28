"""A regional 统计表 built from its form, flattened and glued, reads back or stays missing:
never a wrong number (recognize/legacy_stream.py)."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from opengov_report.model.values import ValueKind
from opengov_report.recognize.legacy_stream import read_legacy_stream

#: the regional form (Fujian, 2009–2018): a row, its unit and its 其中 list
_FORM: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("proactive_total", "主动公开信息数", "条", ("网站公开", "政府公报公开")),
    (
        "applications_received",
        "受理依申请公开信息总数",
        "条",
        (
            "当面申请数",
            "传真申请数",
            "电子邮件申请数",
            "网上申请数",
            "信函申请数",
            "其他形式申请数",
        ),
    ),
    (
        "applications_answered",
        "对申请的答复总数",
        "条",
        ("同意公开答复数", "同意部分公开答复数", "否决公开答复总数"),
    ),
    ("reviews", "行政复议数", "件", ()),
    ("litigations", "行政诉讼数", "件", ()),
    ("complaints", "行政申诉数", "件", ()),
)


@dataclass
class _Row:
    id: str
    text: str  # label and unit as written
    year: int | None  # None: a blank cell
    cumulative: int | None


@st.composite
def _tables(draw: st.DrawFn) -> tuple[str, list[_Row], bool, bool]:
    """(text, rows, two value columns, glued)."""
    two = draw(st.booleans())
    glued = draw(st.booleans())
    style = draw(st.sampled_from(["．", ".", "、"]))
    small = st.integers(0, 30) | st.integers(0, 3000)
    blank_cells = draw(st.booleans())
    rows: list[_Row] = []
    for ident, label, unit, kids in _FORM:
        kid_rows = []
        sums = [0, 0]
        for n, kid in enumerate(kids, 1):
            year = draw(small)
            cumulative = year + (draw(small) if two else 0)
            sums = [sums[0] + year, sums[1] + cumulative]
            prefix = "其中：" if n == 1 else ""
            kid_rows.append(_Row(kid, f"{prefix}{n}{style}{kid}{unit}", year, cumulative))
        if kid_rows:
            year, cumulative = sums
        else:
            year = draw(small)
            cumulative = year + (draw(small) if two else 0)
        rows.append(_Row(ident, f"{label}{unit}", year, cumulative))
        rows.extend(kid_rows)
    rows = rows[: draw(st.integers(2, len(rows)))]  # a truncated table
    if blank_cells:  # some cells left blank (the sums then need not hold)
        for r in rows[1:]:
            if draw(st.integers(0, 4)) == 0:
                r.year = None
            if two and draw(st.integers(0, 4)) == 0:
                r.cumulative = None
    spaces = st.sampled_from([" ", "\u3000", "\n", "\t", "  ", "\r\n"])
    head = "指标名称 计量单位 " + ("2011年度 历年累计" if two else "年末统计")
    parts = ["某县2011年政府信息公开工作年度报告。本年度认真落实条例。附件：统计表", head]
    for r in rows:
        label, unit = r.text[:-1], r.text[-1]
        cells = [r.year, r.cumulative] if two else [r.year]
        values = [str(v) for v in cells if v is not None]
        if glued:
            inner = ""
            between = draw(st.sampled_from(["", "", " "]))
            parts.append(between + label + unit + "".join(values))
        else:
            inner = draw(spaces)
            parts.append(draw(spaces) + label + inner + unit + inner + draw(spaces).join(values))
    parts.append(
        draw(
            st.sampled_from(
                ["", " 附件下载", "\n二○一二年二月二十日", " 平潭县人民政府2012年1月16日"]
            )
        )
    )
    return "".join(parts), rows, two, glued


@settings(max_examples=300, deadline=None)
@given(_tables())
def test_flattened_table_reads_back_or_stays_missing(
    case: tuple[str, list[_Row], bool, bool],
) -> None:
    text, rows, two, glued = case
    table = read_legacy_stream(text)
    assert table is not None
    assert [r.id for r in table.rows] == [r.id for r in rows]
    missing = {(m.row, m.column) for m in table.missing}
    for got, want in zip(table.rows, rows, strict=True):
        cells = [("value", got.value, want.year)]
        if two:
            assert got.cumulative is not None
            cells.append(("cumulative", got.cumulative, want.cumulative))
        for column, value, expected in cells:
            if value.number is None:
                if expected is None and value.kind is ValueKind.BLANK:
                    continue  # a blank cell read as blank
                assert (got.id, column) in missing  # missing, and said so
                assert glued or None in (want.year, want.cumulative), "spaced: every cell"
                continue
            assert value.number == expected, (got.id, column)
            assert value.span is not None
            assert text[value.span.start : value.span.end] == value.raw
            assert (got.id, column) not in missing
