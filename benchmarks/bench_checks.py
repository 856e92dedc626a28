"""Throughput of the checks stage alone, on one core (run by hand).

    .venv/bin/python benchmarks/bench_checks.py [--seeds DIR] [--corpus DIR ...] [--files 500]
        [--repeat 5] [--profile]

Every input is decoded, parsed and recognised once; then ``check`` runs over all its reports
``--repeat`` times and the best pass is kept, in CPU time of this process
(``time.process_time``) and in wall time.  A corpus (made by ``synth_corpus.py``) is read
through its first ``--files`` files in sorted order; the five seeds are checked
``--seed-rounds`` times a pass (one pass over them takes about 2 ms).  ``--profile`` prints
the top of a cProfile run of one more pass per input (the profiler distorts small functions:
confirm a gain without it).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import time
from collections.abc import Sequence
from pathlib import Path

from opengov_report import check, decode, parse_document
from opengov_report.model.report import AnnualReport
from opengov_report.recognize import recognize

DEFAULT_SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"


def load_reports(paths: Sequence[Path]) -> tuple[list[AnnualReport], int]:
    """The recognised reports of ``paths`` and their size in bytes."""
    reports = []
    size = 0
    for p in paths:  # a seed read twice is recognised twice (no sharing between reports)
        data = p.read_bytes()
        size += len(data)
        reports.append(recognize(parse_document(decode(data)), source=str(p)))
    return reports, size


def timed_pass(reports: Sequence[AnnualReport]) -> tuple[float, float, int]:
    """CPU and wall seconds of checking every report once, and the number of findings."""
    c0, t0 = time.process_time(), time.perf_counter()
    n = 0
    for r in reports:
        n += len(check(r))
    return time.process_time() - c0, time.perf_counter() - t0, n


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--corpus", type=Path, action="append", default=[])
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed-rounds", type=int, default=40)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    inputs = [("seeds", sorted(args.seeds.glob("*.txt")) * args.seed_rounds)]
    inputs += [(str(c), sorted(c.rglob("*.txt"))[: args.files]) for c in args.corpus]
    print(f"load average {os.getloadavg()[0]:.2f}")
    for label, paths in inputs:
        reports, size = load_reports(paths)
        timed_pass(reports)  # warm
        best_cpu, best_wall, findings = min(timed_pass(reports) for _ in range(args.repeat))
        mb = size / 1e6
        print(
            f"{label}: {len(reports)} files, {mb:.2f} MB, {findings} findings; checks best of "
            f"{args.repeat}: {best_cpu:.3f} s CPU ({mb / best_cpu:.2f} MB/CPU s), "
            f"{best_wall:.3f} s wall ({mb / best_wall:.2f} MB/s)"
        )
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            timed_pass(reports)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
