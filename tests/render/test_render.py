"""render(): the official layout, values as written, and parse(render(r)) == r."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengov_report import (
    AnnualReport,
    Era,
    LegacyRow,
    LegacyTable,
    Metadata,
    ReviewTable,
    ValueKind,
    parse,
    render,
)
from opengov_report._render import LAYOUTS, Layout, RenderError
from opengov_report.numerals import strip_numbering
from opengov_report.strategies import (
    inconsistent_reports,
    legacy_tables,
    report_content,
    report_texts,
    reports,
    review_tables,
)
from tests.conftest import ROOT, SEED_PATHS, seed_ids


@pytest.mark.parametrize("layout", LAYOUTS)
@settings(max_examples=40, deadline=None)
@given(report=reports())
def test_generated_reports_round_trip(layout: str, report: object) -> None:
    text = render(report, layout=layout)  # type: ignore[arg-type]
    assert report_content(parse(text)) == report_content(report)  # type: ignore[arg-type]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("path", SEED_PATHS, ids=seed_ids())
def test_seed_reports_round_trip(path: object, layout: str) -> None:
    original = parse(path)  # type: ignore[arg-type]
    again = parse(render(original, layout=layout))  # type: ignore[arg-type]
    assert again.era is original.era
    assert len(again.figures()) == len(original.figures())
    if layout != "markdown" or original.legacy is None:
        assert report_content(again) == report_content(original)
        return
    # Markdown cells are trimmed: a legacy hierarchy given by indentation alone (seed 000's
    # unnumbered rows under a 其中 list) is lost; everything else, and numbered rows, stay.
    assert report_content(again)[:4] == report_content(original)[:4]
    assert again.legacy is not None
    pairs = list(zip(original.legacy.rows, again.legacy.rows, strict=True))
    assert all(
        (a.id, a.label, a.unit, a.value.raw.strip()) == (b.id, b.label, b.unit, b.value.raw)
        for a, b in pairs
    )
    first_unnumbered = next(i for i, (a, _) in enumerate(pairs) if not _is_numbered(a))
    assert first_unnumbered > 0
    assert all(a.path == b.path for a, b in pairs[:first_unnumbered])


def _is_numbered(row: LegacyRow) -> bool:
    return bool(strip_numbering(row.label)[0])


def test_outline_order_and_signature() -> None:
    meta = Metadata(
        "某市人民政府2020年政府信息公开工作年度报告",
        "某市人民政府",
        2020,
        datetime.date(2021, 1, 20),
        "某市人民政府",
    )
    report = attrs.evolve(parse(SEED_PATHS[4]), metadata=meta)  # seed 004: a 2019 report
    text = render(report, layout="tsv")
    lines = text.splitlines()
    assert lines[0] == "某市人民政府2020年政府信息公开工作年度报告"
    assert lines[-2:] == ["某市人民政府", "2021年1月20日"]
    outline = [(h.numbering.text, h.title) for h in parse(text).document.headings()]
    assert outline == [
        ("一、", "总体情况"),
        ("二、", "主动公开政府信息情况"),
        ("三、", "收到和处理政府信息公开申请情况"),
        ("四、", "政府信息公开行政复议、行政诉讼情况"),
        ("五、", "存在的主要问题及改进情况"),
        ("六、", "其他需要报告的事项"),
    ]


def test_values_are_written_as_they_were() -> None:
    report = parse((SEED_PATHS[1]).read_text(encoding="utf-8"))  # seed 001: blanks, ——, 4995万
    text = render(report, layout="markdown")
    assert "| 政府集中采购 | 75 | 4995万 |" in text
    assert "| 行政许可 | —— | —— | 1440 |" in text
    kinds = {f.value.kind for f in parse(text).figures()}
    assert {ValueKind.BLANK, ValueKind.DASH, ValueKind.AMOUNT, ValueKind.ZERO} <= kinds


def test_render_is_deterministic_and_checks_its_layout() -> None:
    report = parse(SEED_PATHS[0])
    text = render(report)
    # a fixed point: what was rendered reads back to the same rendering
    assert render(parse(text)) == text
    # and another process, with other hash seeds (set and dict orders), renders the same text
    script = (
        "import pathlib, sys, opengov_report as o;"
        "sys.stdout.write(o.render(o.parse(pathlib.Path(sys.argv[1]))))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONIOENCODING": "utf-8"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    other = subprocess.run(
        [sys.executable, "-c", script, str(SEED_PATHS[0])],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=True,
    )
    assert other.stdout == text
    with pytest.raises(RenderError, match="unknown layout 'html'"):
        render(report, layout="html")  # type: ignore[arg-type]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(LAYOUTS), reports(consistent=False))
def test_inconsistent_reports_round_trip_too(layout: Layout, report: AnnualReport) -> None:
    # render writes what the report says, whether it adds up or not
    assert report_content(parse(render(report, layout=layout))) == report_content(report)


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(LAYOUTS), inconsistent_reports())
def test_broken_reports_round_trip(
    layout: Layout, case: tuple[AnnualReport, frozenset[str]]
) -> None:
    report, _ = case  # negative counts (-3), 减12 against 上一年项目数量 9, wrong totals
    assert report_content(parse(render(report, layout=layout))) == report_content(report)


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(LAYOUTS),
    reports(era=Era.LEGACY, complete=True),
    review_tables(),
    reports(era=Era.V2019, complete=True),
    legacy_tables(),
)
def test_tables_of_another_era_are_written_too(
    layout: Layout, legacy: AnnualReport, reviews: ReviewTable, v2019: AnnualReport,
    statistics: LegacyTable,
) -> None:  # fmt: skip
    # a legacy report with a table 四, a 2019 report with a 统计表 as well: nothing is dropped
    for report in (attrs.evolve(legacy, reviews=reviews), attrs.evolve(v2019, legacy=statistics)):
        again = parse(render(report, layout=layout))
        assert report_content(again) == report_content(report)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(LAYOUTS), report_texts())
def test_rendering_is_canonical(layout: Layout, case: tuple[str, AnnualReport]) -> None:
    # whatever noise the text had, its rendering is a fixed point of parse-then-render
    text, _ = case
    once = render(parse(text), layout=layout)
    assert render(parse(once), layout=layout) == once


@pytest.mark.parametrize("layout", ["cells", "tsv"])
@pytest.mark.parametrize("path", SEED_PATHS, ids=seed_ids())
def test_seed_renderings_are_canonical(path: Path, layout: Layout) -> None:
    once = render(parse(path), layout=layout)
    assert render(parse(once), layout=layout) == once
