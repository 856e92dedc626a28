"""Export throughput: report JSON both ways, tidy CSV / JSON lines, Parquet and DuckDB (run by
hand).

    .venv/bin/python benchmarks/bench_export.py [--seeds DIR] [--copies 40] [--repeat 3]

The corpus is the parsed seeds, each repeated ``--copies`` times under distinct source names
(parsing is not timed, except inside ``from_json``, which re-parses the report's text).
Prints, per stage, the best time of ``--repeat`` runs, reports/s and figures/s, and the output
size.  Figures go to docs/performance.md.
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import attrs

from opengov_report import AnnualReport, from_json, parse, to_json
from opengov_report.serialize.database import build_database
from opengov_report.serialize.parquet import write_parquet
from opengov_report.serialize.tidy import write_csv, write_jsonl

_DEFAULT_SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"


def corpus(seeds: Path, copies: int) -> list[AnnualReport]:
    parsed = [parse(p) for p in sorted(seeds.glob("*.txt"))]
    if not parsed:
        raise SystemExit(f"no seeds in {seeds}")
    return [attrs.evolve(r, source=f"{r.source}#{i}") for i in range(copies) for r in parsed]


def best_of(fn: Callable[[], int], repeat: int) -> tuple[float, int]:
    best, size = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        size = fn()
        best = min(best, time.perf_counter() - start)
    return best, size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seeds", type=Path, default=_DEFAULT_SEEDS)
    ap.add_argument("--copies", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    reports = corpus(args.seeds, args.copies)
    n_figures = sum(len(r.figures()) for r in reports)
    texts = [to_json(r) for r in reports]
    tmp = Path(tempfile.mkdtemp())

    def json_out() -> int:
        return sum(len(to_json(r).encode()) for r in reports)

    def json_in() -> int:
        for t in texts:
            from_json(t)
        return sum(len(t.encode()) for t in texts)

    def csv_out() -> int:
        buf = io.StringIO()
        write_csv(reports, buf)
        return len(buf.getvalue().encode())

    def jsonl_out() -> int:
        buf = io.StringIO()
        write_jsonl(reports, buf)
        return len(buf.getvalue().encode())

    def parquet_out() -> int:
        write_parquet(reports, tmp / "f.parquet")
        return (tmp / "f.parquet").stat().st_size

    def duckdb_out() -> int:
        build_database(reports, tmp / "c.duckdb")
        return (tmp / "c.duckdb").stat().st_size

    print(f"{len(reports)} reports, {n_figures} figures")
    print(f"{'stage':<10} {'s':>7} {'reports/s':>10} {'figures/s':>10} {'MB':>7}")
    stages = [("to_json", json_out), ("from_json", json_in), ("csv", csv_out),
              ("jsonl", jsonl_out), ("parquet", parquet_out), ("duckdb", duckdb_out)]  # fmt: skip
    for name, fn in stages:
        seconds, size = best_of(fn, args.repeat)
        print(
            f"{name:<10} {seconds:7.3f} {len(reports) / seconds:10.0f} "
            f"{n_figures / seconds:10.0f} {size / 1e6:7.2f}"
        )


if __name__ == "__main__":
    main()
