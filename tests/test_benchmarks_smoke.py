"""The benchmark scripts still run (tiny input, no timing asserted): synth_corpus,
bench_pipeline and bench_batch, as a person runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import ROOT, SEED_PATHS

BENCH = ROOT / "benchmarks"


def _run(script: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(BENCH / script), *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return done.stdout


def _sizes(folder: Path) -> tuple[int, int]:
    files = sorted(folder.rglob("*.txt"))
    return len(files), sum(p.stat().st_size for p in files)


def test_benchmarks_run_on_tiny_input(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for seed in SEED_PATHS[:2]:
        (seeds / seed.name).write_bytes(seed.read_bytes())
    corpus = tmp_path / "corpus"
    printed = _run("synth_corpus.py", str(corpus), "--mb", "0.03", "--seeds", str(seeds))
    files, size = _sizes(corpus)
    assert printed.startswith(f"{files} files, ")
    assert size >= 30_000 and files >= 3
    again = tmp_path / "again"
    _run("synth_corpus.py", str(again), "--mb", "0.03", "--seeds", str(seeds))
    assert [p.read_bytes() for p in sorted(again.rglob("*.txt"))] == [
        p.read_bytes() for p in sorted(corpus.rglob("*.txt"))
    ]  # deterministic
    varied = sorted(corpus.rglob("*.txt"))[0].read_bytes()
    assert varied != SEED_PATHS[0].read_bytes()

    pipeline: dict[str, Any] = json.loads(
        _run(
            "bench_pipeline.py",
            "--seeds",
            str(seeds),
            "--corpus",
            str(corpus),
            "--repeat",
            "1",
            "--json",
        )
    )
    seed_size = sum(p.stat().st_size for p in SEED_PATHS[:2])
    assert pipeline["seeds"]["files"] == 2
    assert round(pipeline["seeds"]["mb"] * 1e6) == seed_size
    assert pipeline["corpus"]["files"] == files
    assert round(pipeline["corpus"]["mb"] * 1e6) == size
    stages = pipeline["corpus"]["seconds"]
    assert set(stages) == {"decode", "parse", "recognize", "check", "json", "end_to_end", "regex"}
    parts = sum(stages[s] for s in ("decode", "parse", "recognize", "check"))
    assert abs(stages["end_to_end"] - parts) < 1e-6
    assert [m["files"] for m in pipeline["corpus"]["scaling"]] == sorted(
        {max(1, files // 100), max(1, files // 10), files}
    )

    batch: dict[str, Any] = json.loads(
        _run(
            "bench_batch.py",
            str(corpus),
            "--seeds",
            str(seeds),
            "--files",
            "3",
            "--memory-files",
            "6",
            "--traced-files",
            "4",
            "--json",
        )
    )
    assert [r["jobs"] for r in batch["jobs"]] == [1, 2]
    assert all(r["files"] == 3 and r["failed"] == 0 for r in batch["jobs"])
    assert [r["seed"] for r in batch["report_peaks"]] == [p.name for p in SEED_PATHS[:2]]
    assert all(r["peak"] > 0 for r in batch["report_peaks"])
    assert batch["batch_traced"]["files"] == 4
    assert [b["jobs"] for b in batch["batch_rss"]] == [1, 2]
    assert [s["files"] for s in batch["batch_rss"][0]["samples"]] == [1, 2, 3, 4, 5, 6]


def test_corpus_drawn_from_the_strategies(tmp_path: Path) -> None:
    """``--from strategies``: report texts drawn from the strategies, deterministic, each one
    a report that parses with at least one recognised table."""
    from opengov_report import parse

    first, second = tmp_path / "a", tmp_path / "b"
    printed = _run("synth_corpus.py", str(first), "--mb", "0.02", "--from", "strategies")
    _run("synth_corpus.py", str(second), "--mb", "0.02", "--from", "strategies")
    files, size = _sizes(first)
    assert printed.startswith(f"{files} files, ")
    assert size >= 20_000 and files >= 2
    paths = sorted(first.rglob("*.txt"))
    assert [p.read_bytes() for p in paths] == [
        p.read_bytes() for p in sorted(second.rglob("*.txt"))
    ]  # deterministic
    assert len({p.read_bytes() for p in paths}) == files  # not one text written many times
    assert all(parse(p.read_bytes()).tables for p in paths)


def test_bench_corpus_runs() -> None:
    out = _run("bench_corpus.py", "--passes", "1")
    assert "MB/s" in out and "53 files" in out


def test_the_real_corpus_scoreboard_runs_and_finds_nothing_wrong() -> None:
    result: dict[str, Any] = json.loads(
        _run("real_corpus.py", str(ROOT / "examples/corpus"), "--json")
    )
    total = result["total"]
    assert total["files"] == 49
    assert total["wrong"] == 0, [f["wrong_figures"] for f in result["files"] if f["wrong"]]
    assert total["right"] >= 220
