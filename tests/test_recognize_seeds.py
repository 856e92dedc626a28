"""Properties of every seed's figures that hold whatever the values: each points at its source
text, and blank, 0, 无 and dashes stay distinct.  The values themselves are compared with the
hand-read oracles in test_seed_oracles.py."""

from __future__ import annotations

import pytest

from opengov_report import AnnualReport, ValueKind, parse
from tests.conftest import SEED_PATHS, seed_ids

#: the seeds that print statistics tables (002 is prose only: a loop over its figures would
#: assert nothing)
TABLE_SEEDS = [name for name in seed_ids() if not name.startswith("002_")]


@pytest.fixture(scope="module", params=TABLE_SEEDS)
def report(request: pytest.FixtureRequest) -> AnnualReport:
    name: str = request.param
    path = next(p for p in SEED_PATHS if p.name == name)
    return parse(path)


def test_every_figure_points_at_its_source(report: AnnualReport) -> None:
    text = report.document.text
    assert report.figures()
    for figure in report.figures():
        span = figure.span
        assert span is not None
        assert text[span.start : span.end] == figure.value.raw
        line = text.split("\n")[span.line - 1]
        assert line[span.column - 1 :].startswith(figure.value.raw.split("\n")[0])


def test_blank_zero_none_dash_stay_distinct(report: AnnualReport) -> None:
    assert report.figures()
    for figure in report.figures():
        raw = figure.value.raw.strip(" \t\r\n\u3000\u00a0")
        kind = figure.value.kind
        if raw == "":
            assert kind is ValueKind.BLANK
            assert figure.value.number is None
        elif raw == "0":
            assert kind is ValueKind.ZERO
        elif raw == "无":
            assert kind is ValueKind.NONE
        elif raw in ("——", "—", "-"):
            assert kind is ValueKind.DASH
