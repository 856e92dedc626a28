"""Tidy rows, CSV and JSON lines: one row per figure, blank/0/无/dash apart, numbers exact."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings

import opengov_report
from opengov_report import AnnualReport, Era, Figure, Metadata
from opengov_report.serialize.tidy import COLUMNS, tidy_rows, write_csv, write_jsonl
from tests.checks.builders import applications_table, report
from tests.conftest import SEED_PATHS, seed_ids
from tests.strategies_model import reports


def _mixed() -> AnnualReport:
    raw = {"new_received": {"natural_person": "", "commercial_enterprise": "0",
                            "research_institution": "无", "social_welfare_organization": "——",
                            "legal_service_organization": "12", "other_organization": "3.50万元"}}  # fmt: skip
    return report(
        era=Era.V2021,
        applications=applications_table(raw, Era.V2021),
        metadata=Metadata(agency="某局", year=2021),
        source="a.txt",
    )


def _check_row(fields: dict[str, object], figure: Figure, rep: AnnualReport) -> None:
    assert fields["table"] == figure.table
    assert fields["row"] == figure.row
    assert fields["column"] == figure.column
    assert fields["kind"] == figure.value.kind.value
    assert fields["raw"] == figure.value.raw
    assert fields["era"] == rep.era.value


@settings(max_examples=40, deadline=None)
@given(reports())
def test_csv_and_jsonl_hold_every_figure_exactly(rep: AnnualReport) -> None:
    figures = rep.figures()
    buffer = io.StringIO()
    assert write_csv([rep], buffer) == len(figures)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue(), newline="")))
    assert len(rows) == len(figures)
    for fields, figure in zip(rows, figures, strict=True):
        _check_row(dict(fields), figure, rep)
        number = figure.value.number
        expected = "" if number is None else str(number)
        if isinstance(number, Decimal):
            expected = format(number, "f")
            assert "E" not in expected
        assert fields["value"] == expected
        if number is not None:
            assert Decimal(fields["value"]) == number
        span = figure.span
        assert fields["line"] == ("" if span is None else str(span.line))
        assert fields["recovered"] == ("true" if figure.recovered else "false")

    buffer = io.StringIO()
    assert write_jsonl([rep], buffer) == len(figures)
    lines = buffer.getvalue().split("\n")[:-1]  # not splitlines: U+0085 is data
    assert len(lines) == len(figures)
    for line, figure in zip(lines, figures, strict=True):
        record = json.loads(line)
        assert tuple(record) == COLUMNS
        _check_row(record, figure, rep)
        number = figure.value.number
        if isinstance(number, Decimal):
            assert Decimal(record["value"]) == number
            assert record["value"] == format(number, "f")
        else:
            assert record["value"] == number
        assert record["col"] == (figure.span.column if figure.span else None)


def test_blank_zero_none_and_dash_stay_apart() -> None:
    rows = {r.column: r for r in tidy_rows(_mixed())}
    kinds = {c: (r.kind, r.value, r.raw) for c, r in rows.items()}
    assert kinds == {
        "natural_person": ("blank", None, ""),
        "commercial_enterprise": ("zero", 0, "0"),
        "research_institution": ("none", None, "无"),
        "social_welfare_organization": ("dash", None, "——"),
        "legal_service_organization": ("count", 12, "12"),
        "other_organization": ("amount", Decimal("3.50"), "3.50万元"),
    }
    assert rows["other_organization"].unit == "万元"
    first = rows["natural_person"]
    assert (first.source, first.agency, first.year) == ("a.txt", "某局", 2021)
    assert first.line == 1


def test_amounts_are_written_in_positional_notation() -> None:
    from opengov_report import ApplicationTable, TableCell, Value, ValueKind

    tiny = Value(ValueKind.AMOUNT, "0.00000001", Decimal("0.00000001"))
    big = Value(ValueKind.AMOUNT, "x", Decimal("1E+3"))
    table = ApplicationTable((TableCell("r", "a", tiny), TableCell("r", "b", big)))
    buffer = io.StringIO()
    write_csv([report(applications=table)], buffer)
    values = [r["value"] for r in csv.DictReader(io.StringIO(buffer.getvalue()))]
    assert values == ["0.00000001", "1000"]
    buffer = io.StringIO()
    write_jsonl([report(applications=table)], buffer)
    assert [json.loads(line)["value"] for line in buffer.getvalue().split("\n")[:-1]] == values


def test_csv_bom_for_excel(tmp_path: Path) -> None:
    target = tmp_path / "figures.csv"
    with target.open("w", encoding="utf-8", newline="") as out:
        write_csv([_mixed()], out, bom=True)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfsource,agency,")
    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["kind"] for r in rows] == ["blank", "zero", "none", "dash", "count", "amount"]
    assert rows[5]["value"] == "3.50"
    plain = io.StringIO()
    write_csv([_mixed()], plain)
    assert plain.getvalue().startswith("source,")


@pytest.mark.parametrize("path", SEED_PATHS, ids=seed_ids())
def test_every_seed_figure_is_a_row(path: Path) -> None:
    rep = opengov_report.parse(path)
    rows = list(tidy_rows(rep, source="x"))
    assert len(rows) == len(rep.figures())
    assert all(r.source == "x" for r in rows)
    for row in rows:
        if row.kind in ("count", "zero", "amount", "change"):
            assert row.value is not None
        else:
            assert row.value is None
        assert row.line is not None
        assert row.line >= 1


def test_as_tuple_follows_the_columns() -> None:
    import attrs

    from opengov_report.serialize.tidy import TidyRow

    assert tuple(a.name for a in attrs.fields(TidyRow)) == COLUMNS
    for row in tidy_rows(_mixed()):
        assert row.as_tuple() == attrs.astuple(row, recurse=False)
