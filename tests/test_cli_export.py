"""``opengov-report export``: every format, standard output, directories and errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

import opengov_report
from opengov_report.cli import main
from opengov_report.serialize import from_data
from tests.conftest import SEED_PATHS, SEEDS

SEED = SEED_PATHS[-1]


def _total_figures() -> int:
    return sum(len(opengov_report.parse(p).figures()) for p in SEED_PATHS)


def test_json_of_one_file_is_one_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert from_data(data) == opengov_report.parse(SEED)


def test_json_of_a_directory_is_an_array(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "json", str(SEEDS)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [from_data(d) for d in data] == [opengov_report.parse(p) for p in SEED_PATHS]


def test_jsonl_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "-f", "jsonl", *map(str, SEED_PATHS)]) == 0
    lines = capsys.readouterr().out.split("\n")
    assert lines[-1] == ""
    records = [json.loads(line) for line in lines[:-1]]
    assert len(records) == _total_figures()
    with_figures = {str(p) for p in SEED_PATHS if opengov_report.parse(p).figures()}
    assert {r["source"] for r in records} == with_figures


def test_csv_to_a_file_with_bom(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "figures.csv"
    assert main(["export", "-f", "csv", "--bom", "-o", str(out), str(SEEDS)]) == 0
    assert capsys.readouterr().out == ""
    assert out.read_bytes().startswith(b"\xef\xbb\xbfsource,")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert len(rows) == _total_figures()
    assert not list(tmp_path.glob("*.tmp"))


def test_parquet_and_duckdb_need_an_output(capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in ("parquet", "duckdb"):
        assert main(["export", "-f", fmt, str(SEED)]) == 2
        assert "-o" in capsys.readouterr().err


def test_parquet_and_duckdb_files(tmp_path: Path) -> None:
    parquet, database = tmp_path / "f.parquet", tmp_path / "c.duckdb"
    assert main(["export", "-f", "parquet", "-o", str(parquet), str(SEEDS)]) == 0
    assert pq.read_table(parquet).num_rows == _total_figures()
    assert main(["export", "-f", "duckdb", "-o", str(database), str(SEEDS)]) == 0
    con = duckdb.connect(str(database), read_only=True)
    assert con.execute("SELECT count(*) FROM reports").fetchone() == (len(SEED_PATHS),)
    assert con.execute("SELECT count(*) FROM figures").fetchone() == (_total_figures(),)
    con.close()


def test_a_bad_input_is_reported_and_the_rest_exported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG....")
    assert main(["export", "-f", "jsonl", str(bad), str(SEED)]) == 2
    captured = capsys.readouterr()
    assert "bad.txt" in captured.err
    assert len(captured.out.split("\n")) - 1 == len(opengov_report.parse(SEED).figures())
    assert main(["export", str(bad)]) == 2
    assert capsys.readouterr().out == ""


def test_standard_input_is_named(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class _Stdin:
        buffer = io.BytesIO(SEED.read_bytes())

    monkeypatch.setattr("sys.stdin", _Stdin())
    assert main(["export", "-f", "csv", "-"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out, newline="")))
    assert len(rows) == len(opengov_report.parse(SEED).figures())
    assert {r["source"] for r in rows} == {"<stdin>"}


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_the_text_formats_come_out_the_same_from_two_workers(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The text formats are made report by report in the batch's workers: one or two jobs,
    the output is the same, failed files are left out, a CSV has one header."""
    for seed in SEED_PATHS:
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "002_bad.txt").write_bytes(b"\x00\x01 not text")
    outputs = []
    for jobs in ("1", "2"):
        assert main(["export", "-f", fmt, "--jobs", jobs, "--quiet", str(tmp_path)]) == 2
        captured = capsys.readouterr()
        assert "002_bad.txt" in captured.err
        outputs.append(captured.out)
    assert outputs[0] == outputs[1]
    out = outputs[0]
    if fmt == "json":
        assert [d["source"] for d in json.loads(out)] == [
            str(tmp_path / p.name) for p in SEED_PATHS
        ]
    elif fmt == "jsonl":
        assert len(out.splitlines()) == _total_figures()
    else:
        rows = list(csv.reader(io.StringIO(out, newline="")))
        assert rows[0][0] == "source" and sum(r[0] == "source" for r in rows) == 1
        assert len(rows) - 1 == _total_figures()
