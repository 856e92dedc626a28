"""The DuckDB corpus database: built from the seeds (and from models), queried in SQL."""

from __future__ import annotations

import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import opengov_report
from opengov_report import (
    AnnualReport,
    ApplicationTable,
    Era,
    Metadata,
    MissingExtraError,
    SerializationError,
    TableCell,
    Value,
    ValueKind,
)
from opengov_report.serialize.database import build_database
from opengov_report.serialize.tidy import tidy_rows
from tests.checks.builders import applications_table, consistent_applications, report
from tests.conftest import SEED_PATHS, SEEDS
from tests.strategies_model import reports


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("db") / "corpus.duckdb"
    result = build_database([SEEDS], out)
    assert result.reports == len(SEED_PATHS)
    assert result.failed == ()
    return out


def test_seed_database_matches_the_models(seed_db: Path) -> None:
    con = duckdb.connect(str(seed_db), read_only=True)
    for path in SEED_PATHS:
        rep = opengov_report.parse(path)
        found = opengov_report.check(rep)
        row = con.execute(
            "SELECT agency, year, era, figures, tables, errors + warnings + infos "
            "FROM reports WHERE source = ?",
            [str(path)],
        ).fetchone()
        assert row == (
            rep.metadata.agency,
            rep.metadata.year,
            rep.era.value,
            len(rep.figures()),
            [t.table_id for t in rep.tables],
            len(found),
        )
        (n_figures,) = con.execute(  # type: ignore[misc]
            "SELECT count(*) FROM figures WHERE source = ?", [str(path)]
        ).fetchone()
        assert n_figures == len(rep.figures())
        codes = con.execute(
            "SELECT code FROM findings WHERE source = ? ORDER BY code", [str(path)]
        ).fetchall()
        assert [c for (c,) in codes] == sorted(f.code for f in found)
    con.close()


def test_figures_keep_blank_zero_none_and_dash_apart(seed_db: Path) -> None:
    con = duckdb.connect(str(seed_db), read_only=True)
    rows = con.execute(
        "SELECT kind, count(*) FILTER (WHERE value IS NULL), count(*) FROM figures GROUP BY kind"
    ).fetchall()
    by_kind = {kind: (nulls, total) for kind, nulls, total in rows}
    for kind in ("blank", "none", "dash"):
        if kind in by_kind:
            nulls, total = by_kind[kind]
            assert nulls == total
    nulls, total = by_kind["zero"]
    assert nulls == 0
    assert total > 0
    (raw_blank,) = con.execute(  # type: ignore[misc]
        "SELECT count(*) FROM figures WHERE kind = 'blank' AND raw IS NULL"
    ).fetchone()
    assert raw_blank == 0
    con.close()


def _unbalanced() -> opengov_report.AnnualReport:
    raw = consistent_applications(
        Era.V2021, {"natural_person": 5}, {"granted": {"natural_person": 3}}
    )
    raw["new_received"]["natural_person"] = "6"  # 一 + 二 no longer equals 三 + 四
    raw["new_received"]["total"] = "6"
    return report(
        era=Era.V2021,
        applications=applications_table(raw, Era.V2021),
        metadata=Metadata(agency="某某局", year=2022),
        source="unbalanced.txt",
    )


def test_query_agencies_whose_applications_do_not_add_up(tmp_path: Path) -> None:
    out = tmp_path / "mixed.duckdb"
    good = opengov_report.parse(SEED_PATHS[-1])
    result = build_database([good, _unbalanced()], out)
    assert result.reports == 2
    con = duckdb.connect(str(out), read_only=True)
    agencies = con.execute(
        "SELECT DISTINCT f.agency FROM findings f "
        "WHERE f.table = 'applications' AND f.severity = 'error' ORDER BY f.agency"
    ).fetchall()
    assert agencies == [("某某局",)]
    codes = con.execute(
        "SELECT code, rule, expected, actual FROM findings "
        "WHERE source = 'unbalanced.txt' AND code = 'A101' AND severity = 'error'"
    ).fetchall()
    assert codes
    assert all(rule == "applications-balance" for _, rule, _, _ in codes)
    assert all(expected != actual for _, _, expected, actual in codes)
    con.close()


def test_unreadable_inputs_are_skipped_or_raised(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED_PATHS[0].read_bytes())
    (folder / "b.txt").write_bytes(b"%PDF-1.4 binary")
    out = tmp_path / "c.duckdb"
    with pytest.raises(opengov_report.DecodeError):
        build_database([folder], out)
    assert not out.exists()
    result = build_database([folder], out, strict=False)
    assert (result.reports, len(result.failed)) == (1, 1)
    assert result.failed[0][0].endswith("b.txt")
    out.write_bytes(b"")  # an existing file is replaced
    build_database([folder / "a.txt"], out)
    con = duckdb.connect(str(out), read_only=True)
    assert con.execute("SELECT count(*) FROM reports").fetchone() == (1,)
    con.close()


def test_a_report_without_source_gets_a_name(tmp_path: Path) -> None:
    out = tmp_path / "d.duckdb"
    build_database([report(era=Era.UNKNOWN), report(era=Era.UNKNOWN)], out)
    con = duckdb.connect(str(out), read_only=True)
    assert con.execute("SELECT source FROM reports ORDER BY source").fetchall() == [
        ("<report 1>",),
        ("<report 2>",),
    ]
    con.close()


def test_missing_duckdb_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "duckdb", None)
    with pytest.raises(MissingExtraError, match=r"opengov-report\[duckdb\]"):
        build_database([], tmp_path / "x.duckdb")


@settings(max_examples=10, deadline=None)
@given(st.lists(reports(), min_size=1, max_size=3))
def test_generated_figures_load_exactly(reps: list[AnnualReport]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "g.duckdb"
        result = build_database(reps, out)
        assert result.figures == sum(len(r.figures()) for r in reps)
        con = duckdb.connect(str(out), read_only=True)
        got = con.execute(
            'SELECT source, "table", "row", "column", kind, value, unit, raw, line, col, label,'
            " recovered FROM figures"
        ).fetchall()
        con.close()
    expected = [
        (t.source, t.table, t.row, t.column, t.kind, t.value, t.unit, t.raw, t.line, t.col,
         t.label, t.recovered)
        for i, r in enumerate(reps, start=1)
        for t in tidy_rows(r, r.source or f"<report {i}>")
    ]  # fmt: skip
    assert sorted(got, key=repr) == sorted(expected, key=repr)


def test_a_value_that_does_not_fit_is_an_error_not_rounded(tmp_path: Path) -> None:
    huge = TableCell("r", "a", Value(ValueKind.COUNT, "x", 10**30))
    big = TableCell("r", "b", Value(ValueKind.COUNT, "x", 10**30 - 1))
    fine = build_database([report(applications=ApplicationTable((big,)))], tmp_path / "b.duckdb")
    assert fine.figures == 1
    con = duckdb.connect(str(tmp_path / "b.duckdb"), read_only=True)
    assert con.execute("SELECT value FROM figures").fetchone() == (10**30 - 1,)
    con.close()
    precise = TableCell("r", "c", Value(ValueKind.AMOUNT, "x", Decimal("0.123456789")))
    for cell in (huge, precise):
        with pytest.raises(SerializationError, match="does not fit"):
            build_database([report(applications=ApplicationTable((cell,)))], tmp_path / "e.duckdb")
        assert not (tmp_path / "e.duckdb").exists()
