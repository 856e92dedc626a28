"""Outputs are atomic: a failed or interrupted run leaves the previous file as it was and no
temporary file beside it; a run that read no input writes nothing (issue 16, item 1)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from opengov_report.cli import main
from tests.conftest import ROOT, SEED_PATHS, SEEDS

FORMATS = ("csv", "jsonl", "json", "parquet", "duckdb")


def _export(fmt: str, source: Path, out: Path) -> int:
    return main(["export", "-q", "-j", "1", "-f", fmt, "-o", str(out), str(source)])


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_run_that_reads_nothing_leaves_the_previous_output(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"keep.{fmt}"
    assert _export(fmt, SEED_PATHS[-1], out) == 0
    before = out.read_bytes()
    assert before
    assert _export(fmt, tmp_path / "missing-dir", out) == 2
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]
    assert "missing-dir" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_run_that_reads_nothing_creates_no_file(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02 binary")
    out = tmp_path / "out" / f"new.{fmt}"
    out.parent.mkdir()
    assert _export(fmt, bad, out) == 2
    assert not list(out.parent.iterdir())
    capsys.readouterr()


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_failed_write_leaves_the_previous_output(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"keep.{fmt}"
    assert _export(fmt, SEED_PATHS[-1], out) == 0
    before = out.read_bytes()

    from opengov_report.cli import runner

    real = runner.process_sources  # type: ignore[attr-defined]

    def interrupted(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        yield from real(*args, **kwargs)  # type: ignore[arg-type]
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "process_sources", interrupted)
    assert main(["export", "-q", "-j", "1", "-f", fmt, "-o", str(out), str(SEEDS)]) == 130
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]
    capsys.readouterr()


def test_render_output_is_replaced_only_on_success(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.txt"
    out.write_text("previous", encoding="utf-8")
    assert main(["render", "-o", str(out), str(tmp_path / "missing.txt")]) == 2
    assert out.read_text(encoding="utf-8") == "previous"
    assert main(["render", "-o", str(out), str(SEED_PATHS[-1])]) == 0
    assert out.read_text(encoding="utf-8") != "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]
    capsys.readouterr()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_in_a_parallel_export_ends_quietly_with_130(tmp_path: Path) -> None:
    """SIGINT to the whole process group, as a terminal sends it: exit 130, no traceback from
    the parent or a worker, the previous output kept, no temporary file left."""
    corpus = tmp_path / "many"
    corpus.mkdir()
    text = SEED_PATHS[-1].read_bytes()
    for i in range(400):
        (corpus / f"{i:04}.txt").write_bytes(text)
    out = tmp_path / "keep.csv"
    out.write_text("previous\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "opengov_report",
            "export",
            "-q",
            "-j",
            "2",
            "-f",
            "csv",
            "-o",
            str(out),
            str(corpus),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
        start_new_session=True,
    )
    # wait until results are being written (the temporary output has grown past its buffer)
    for _ in range(1200):
        tmp = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        if any(p.stat().st_size > 100_000 for p in tmp) or proc.poll() is not None:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the export ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert b"Traceback" not in err, err.decode()
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.csv", "many"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_output_folder_is_checked_before_any_input_is_read(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from opengov_report.cli import runner

    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("inputs were read before the output folder was checked")

    monkeypatch.setattr(runner, "process_sources", no_work)
    out = tmp_path / "no-such-folder" / f"out.{fmt}"
    assert _export(fmt, SEEDS, out) == 2
    assert "no-such-folder" in capsys.readouterr().err
