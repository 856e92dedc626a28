"""Each seed's era, metadata and every figure, against expectations a person wrote by reading
the seed (tests/data/expected/*.json, written without running the code)."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

from opengov_report import AnnualReport, ValueKind, parse
from tests.conftest import DATA, SEED_PATHS, seed_ids

EXPECTED_DIR = DATA / "expected"


def _expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (EXPECTED_DIR / (name.removesuffix(".txt") + ".json")).read_text(encoding="utf-8")
    )
    return data


@pytest.fixture(scope="module", params=seed_ids())
def case(request: pytest.FixtureRequest) -> tuple[str, AnnualReport, dict[str, Any]]:
    name: str = request.param
    path = next(p for p in SEED_PATHS if p.name == name)
    return name, parse(path), _expected(name)


def _norm(text: str) -> str:
    return "".join(text.split())


def test_era(case: tuple[str, AnnualReport, dict[str, Any]]) -> None:
    _, report, expected = case
    assert report.era.value == expected["era"]
    assert report.era_evidence, "the evidence that decided the era is kept"


def test_metadata(case: tuple[str, AnnualReport, dict[str, Any]]) -> None:
    _, report, expected = case
    meta = expected["metadata"]
    got = report.metadata
    assert (_norm(got.title) if got.title else None) == (
        _norm(meta["title"]) if meta["title"] else None
    )
    assert got.agency == meta["agency"]
    assert got.year == meta["year"]
    published = datetime.date.fromisoformat(meta["published"]) if meta["published"] else None
    assert got.published == published
    assert got.signatory == meta["signatory"]


def _grid(report: AnnualReport, table: str) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for f in report.figures():
        if f.table == table:
            out.setdefault(f.row, {})[f.column] = f.value.raw.strip(" \t\r\n\u3000\u00a0")
    return out


@pytest.mark.parametrize("table", ["disclosure", "applications", "reviews"])
def test_grid_tables(case: tuple[str, AnnualReport, dict[str, Any]], table: str) -> None:
    _, report, expected = case
    want = expected[table]
    got = getattr(report, table)
    if want is None:
        assert got is None
        return
    assert got is not None
    assert _grid(report, table) == want


def test_legacy_table(case: tuple[str, AnnualReport, dict[str, Any]]) -> None:
    _, report, expected = case
    want = expected["legacy"]
    if want is None:
        assert report.legacy is None
        return
    assert report.legacy is not None
    rows = report.legacy.rows
    assert [_norm(r.label) for r in rows] == [_norm(w["label"]) for w in want]
    for row, w in zip(rows, want, strict=True):
        assert (row.unit or "") == w["unit"], row.label
        assert row.value.raw.strip(" \t\r\n\u3000\u00a0") == w["value"], row.label
        if "id" in w:
            assert row.id == w["id"]


def test_missing(case: tuple[str, AnnualReport, dict[str, Any]]) -> None:
    _, report, expected = case
    for table, rows in expected.get("missing", {}).items():
        got = getattr(report, table)
        assert got is not None
        lost = {m.row for m in got.missing if m.column is None}
        assert lost == set(rows), table


def test_prose_statements(case: tuple[str, AnnualReport, dict[str, Any]]) -> None:
    _, report, expected = case
    assert sorted(s.table for s in report.statements) == sorted(expected["prose_statements"])


def test_every_figure_points_at_its_source(case: tuple[str, AnnualReport, dict[str, Any]]) -> None:
    _, report, _ = case
    text = report.document.text
    for figure in report.figures():
        span = figure.span
        assert span is not None
        assert text[span.start : span.end] == figure.value.raw
        line = text.split("\n")[span.line - 1]
        assert line[span.column - 1 :].startswith(figure.value.raw.split("\n")[0])


def test_blank_zero_none_dash_stay_distinct(case: tuple[str, AnnualReport, dict[str, Any]]) -> None:
    _, report, _ = case
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
