"""benchmarks/bench_checks.py still runs (tiny input, no timing asserted)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SEED_PATHS


def test_bench_checks_runs_on_tiny_input(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for seed in SEED_PATHS[:2]:
        (seeds / seed.name).write_bytes(seed.read_bytes())
    corpus = tmp_path / "corpus" / "d000"
    corpus.mkdir(parents=True)
    (corpus / "a.txt").write_bytes(SEED_PATHS[1].read_bytes())
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "bench_checks.py"),
            "--seeds",
            str(seeds),
            "--corpus",
            str(tmp_path / "corpus"),
            "--files",
            "1",
            "--repeat",
            "1",
            "--seed-rounds",
            "2",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    lines = done.stdout.splitlines()
    assert re.match(r"seeds: 4 files, [0-9.]+ MB, [0-9]+ findings; checks best of 1: ", lines[1])
    assert re.match(rf"{re.escape(str(tmp_path / 'corpus'))}: 1 files, ", lines[2])
