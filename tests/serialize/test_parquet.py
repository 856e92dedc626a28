"""Parquet through the ``parquet`` extra: typed columns, exact decimals, a clear missing-extra
error."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings

import opengov_report
from opengov_report import (
    AnnualReport,
    ApplicationTable,
    Era,
    MissingExtraError,
    SerializationError,
    TableCell,
    Value,
    ValueKind,
)
from opengov_report.serialize.parquet import tidy_table, write_parquet
from opengov_report.serialize.tidy import COLUMNS, tidy_rows
from tests.checks.builders import report
from tests.conftest import SEED_PATHS
from tests.strategies_model import reports


def _expected(reps: list[AnnualReport]) -> list[dict[str, object]]:
    return [dict(zip(COLUMNS, r.as_tuple(), strict=True)) for rep in reps for r in tidy_rows(rep)]


def test_seeds_to_parquet_and_back(tmp_path: Path) -> None:
    reps = [opengov_report.parse(p) for p in SEED_PATHS]
    target = tmp_path / "figures.parquet"
    assert write_parquet(reps, target) == sum(len(r.figures()) for r in reps)
    table = pq.read_table(target)
    assert table.schema.field("value").type == pa.decimal128(38, 8)
    assert table.schema.field("year").type == pa.int16()
    assert table.schema.field("line").type == pa.int32()
    assert table.schema.field("recovered").type == pa.bool_()
    assert table.schema.field("kind").type == pa.string()
    assert table.to_pylist() == _expected(reps)  # Decimal('5.00000000') == 5
    kinds = set(table.column("kind").to_pylist())
    assert {"blank", "zero", "count"} <= kinds


@settings(max_examples=30, deadline=None)
@given(reports())
def test_generated_reports_round_trip_through_arrow(rep: AnnualReport) -> None:
    table = tidy_table([rep])
    got = table.to_pylist()
    assert got == _expected([rep])
    for row, figure in zip(got, rep.figures(), strict=True):
        assert (row["value"] is None) == (figure.value.number is None)


def _one_amount(number: Decimal) -> AnnualReport:
    cell = TableCell("r", "c", Value(ValueKind.AMOUNT, str(number), number))
    return report(era=Era.V2021, applications=ApplicationTable((cell,)))


def test_a_value_that_does_not_fit_is_an_error_not_rounded() -> None:
    assert tidy_table([_one_amount(Decimal("0.12345678"))]).column("value")[0].as_py() == Decimal(
        "0.12345678"
    )
    with pytest.raises(SerializationError, match="decimal"):
        tidy_table([_one_amount(Decimal("0.123456789"))])
    with pytest.raises(SerializationError, match="decimal"):
        tidy_table([_one_amount(Decimal("1E+31"))])


def test_missing_pyarrow_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingExtraError, match=r"opengov-report\[parquet\]"):
        tidy_table([])
    with pytest.raises(ImportError):  # it is an ImportError too
        write_parquet([], "unused.parquet")
