"""Bounded resources: no per-character memory in a pattern, a size limit per input, zip members
read with a cap and a compression-ratio check (issue 16, item 5).  Speed is measured by hand
in benchmarks/bench_scaling.py, not asserted here."""

from __future__ import annotations

import tracemalloc
import zipfile
from pathlib import Path

import pytest

import opengov_report
from opengov_report.batch import iter_sources, read_source_bytes
from opengov_report.cli import main
from opengov_report.lexer._text import DIGIT_RUN_RE
from opengov_report.source import MAX_INPUT_SIZE
from tests.conftest import SEED_PATHS


def _peak(run: object) -> int:
    tracemalloc.start()
    try:
        run()  # type: ignore[operator]
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_digit_run_costs_no_memory_per_digit() -> None:
    """A run of a million digits (or of digits and single spaces) is matched in a few bytes of
    regex state, not ~117 bytes a digit (117 MB here) as with a plain ``(?:…)*``."""
    for text in ("0" * 1_000_000, "0 " * 500_000):
        matches: list[tuple[int, int]] = []

        def run(text: str = text, matches: list[tuple[int, int]] = matches) -> None:
            matches.extend(m.span() for m in DIGIT_RUN_RE.finditer(text))

        assert _peak(run) < 1_000_000
        assert matches == [(0, len(text.rstrip()))]


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"0" * 2_000)
    with pytest.raises(opengov_report.InputError, match=r"over the limit of 0.001 MB per input"):
        opengov_report.parse(big, max_size=1_000)
    with pytest.raises(opengov_report.InputError, match="--max-size"):
        opengov_report.parse(b"0" * 2_000, max_size=1_000)
    assert opengov_report.parse(big, max_size=0).figures() == ()  # 0: no limit
    assert opengov_report.parse(big).figures() == ()  # the default, 50 MB
    assert MAX_INPUT_SIZE == 50_000_000


def test_the_cli_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(SEED_PATHS[-1].read_bytes())
    assert main(["parse", "--max-size", "0.001", str(big)]) == 2
    assert "over the limit of 0.001 MB per input" in capsys.readouterr().err
    assert main(["parse", "--max-size", "0", str(big)]) == 0
    assert main(["render", "--max-size", "0.001", str(big)]) == 2
    assert "over the limit" in capsys.readouterr().err


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_a_zip_bomb_is_refused_unread(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "bomb.zip", {"zeros.txt": b"0" * 20_000_000})
    (source,) = iter_sources([archive])
    with pytest.raises(opengov_report.InputError, match="zip bomb"):
        read_source_bytes(source)


def test_a_zip_member_over_the_limit_is_refused(tmp_path: Path) -> None:
    text = SEED_PATHS[-1].read_bytes()
    archive = _zip(tmp_path / "a.zip", {"report.txt": text})
    (source,) = iter_sources([archive])
    with pytest.raises(opengov_report.InputError, match="over the limit"):
        read_source_bytes(source, max_size=1_000)
    assert read_source_bytes(source) == text


def test_a_zip_member_whose_header_lies_reads_no_more_than_it_states(tmp_path: Path) -> None:
    """A member that states a small size but holds more: zipfile stops at the stated size, so
    the limit checked against it holds, and the short read is a clear error."""
    text = SEED_PATHS[-1].read_bytes()
    archive = _zip(tmp_path / "a.zip", {"report.txt": text})
    (source,) = iter_sources([archive])
    with zipfile.ZipFile(archive) as zf:
        zf.getinfo("report.txt").file_size = 10  # what the central directory claims
        with pytest.raises(opengov_report.InputError, match="cannot read the archive member"):
            read_source_bytes(source, zf, max_size=1_000)


def test_a_batch_reports_a_bomb_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = _zip(
        tmp_path / "mixed.zip",
        {"zeros.txt": b"0" * 20_000_000, "report.txt": SEED_PATHS[-1].read_bytes()},
    )
    assert main(["parse", "-j", "1", str(archive)]) == 2
    captured = capsys.readouterr()
    assert "zip bomb" in captured.err
    assert captured.out.count("==> ") == 1


def test_the_scaling_benchmark_runs(tmp_path: Path) -> None:
    """benchmarks/bench_scaling.py as a person runs it, on a tiny size (nothing timed)."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_scaling.py"), "--sizes", "0.02"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
        cwd=tmp_path,
    )
    lines = done.stdout.splitlines()
    assert lines[0].split()[:2] == ["kind", "MB"]
    assert [line.split()[0] for line in lines[1:]] == ["oneline", "lines", "digits"]
