"""Throughput per stage and end to end, on one core, next to a regex line scan (run by hand).

    .venv/bin/python benchmarks/bench_pipeline.py [--seeds DIR] [--corpus DIR] [--repeat 3]
        [--json]

For every file, in one process: decode, document parse, recognition, checks and JSON (the
model and tree through ``cli.parse_cmd.report_to_json`` and ``json.dumps``) are timed one
after the other, and the reference regex line scan (decode, then match every line) on the same
bytes right after, so that both see the same machine load.  "end to end" is decode + parse +
recognise + check.  The seeds are run ``--repeat`` times (best pass); the corpus (made by
``synth_corpus.py``) once, with the cumulative end-to-end time after 1 %, 10 % and 100 % of
its files (1x, 10x, 100x input: linear growth means a constant MB/s).  Each figure is given in
wall time and in CPU time of this process (``time.process_time``: on a shared machine, the time
the process actually ran); the load average and the share of wall time this process was on a
CPU are printed with each run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from opengov_report import check, decode, parse_document
from opengov_report.cli.parse_cmd import report_to_json
from opengov_report.recognize import recognize

DEFAULT_SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"
STAGES = ("decode", "parse", "recognize", "check", "json")
_LINE_RE = re.compile(r"^[ \t\u3000]*(?:[（(]?[一二三四五六七八九十0-9]+[、．.）)])?.*$", re.M)


def regex_line_scan(data: bytes) -> int:
    """The reference limit: decode, then match every line against a heading-ish regex."""
    text = data.decode("utf-8")
    return sum(1 for _ in _LINE_RE.finditer(text))


def list_files(folder: Path) -> list[Path]:
    """The ``*.txt`` files under ``folder``, sorted, recursively."""
    return sorted(folder.rglob("*.txt"))


def run_pass(files: Sequence[tuple[str, bytes]], checkpoints: Sequence[int] = ()) -> dict[str, Any]:
    """One timed pass over ``files``: seconds per stage, end to end, regex; cumulative
    end-to-end seconds and MB at each checkpoint (a number of files)."""
    keys = (*STAGES, "end_to_end", "regex")
    seconds = dict.fromkeys(keys, 0.0)
    cpu = dict.fromkeys(keys, 0.0)
    marks: list[dict[str, float]] = []
    size = 0
    wall0, cpu0, load0 = time.perf_counter(), time.process_time(), os.getloadavg()[0]
    clock, cpu_clock = time.perf_counter, time.process_time
    for n, (name, data) in enumerate(files, 1):
        c0, t0 = cpu_clock(), clock()
        text = decode(data)
        c1, t1 = cpu_clock(), clock()
        doc = parse_document(text)
        c2, t2 = cpu_clock(), clock()
        report = recognize(doc, source=name)
        c3, t3 = cpu_clock(), clock()
        check(report)
        c4, t4 = cpu_clock(), clock()
        json.dumps(report_to_json(report), ensure_ascii=False)
        c5, t5 = cpu_clock(), clock()
        regex_line_scan(data)
        c6, t6 = cpu_clock(), clock()
        walls = (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t4 - t0, t6 - t5)
        cpus = (c1 - c0, c2 - c1, c3 - c2, c4 - c3, c5 - c4, c4 - c0, c6 - c5)
        for key, wall, used in zip(keys, walls, cpus, strict=True):
            seconds[key] += wall
            cpu[key] += used
        size += len(data)
        if n in checkpoints:
            marks.append(
                {
                    "files": n,
                    "mb": size / 1e6,
                    "end_to_end_s": seconds["end_to_end"],
                    "end_to_end_cpu_s": cpu["end_to_end"],
                }
            )
    wall = time.perf_counter() - wall0
    mb = size / 1e6
    return {
        "files": len(files),
        "mb": mb,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "mb_per_s": {k: (mb / s if s > 0 else float("inf")) for k, s in seconds.items()},
        "mb_per_cpu_s": {k: (mb / s if s > 0 else float("inf")) for k, s in cpu.items()},
        "scaling": marks,
        "load_before": load0,
        "load_after": os.getloadavg()[0],
        "cpu_share": (time.process_time() - cpu0) / wall if wall > 0 else 1.0,
    }


def best_pass(files: Sequence[tuple[str, bytes]], repeat: int) -> dict[str, Any]:
    """The pass with the shortest end-to-end time of ``repeat``."""
    runs = [run_pass(files) for _ in range(repeat)]
    return min(runs, key=lambda r: float(r["seconds"]["end_to_end"]))


def load(paths: Sequence[Path]) -> list[tuple[str, bytes]]:
    return [(str(p), p.read_bytes()) for p in paths]


def report(label: str, r: dict[str, Any]) -> str:
    wall, cpu = r["mb_per_s"], r["mb_per_cpu_s"]
    lines = [
        f"{label}: {r['files']} files, {r['mb']:.2f} MB; load {r['load_before']:.2f} → "
        f"{r['load_after']:.2f}, on CPU {100 * r['cpu_share']:.0f} % of the wall time",
        f"  {'stage':<11} {'wall s':>8} {'MB/s':>8} {'× regex':>8} {'CPU s':>8} "
        f"{'MB/CPU s':>9} {'× regex':>8}",
    ]
    for stage in (*STAGES, "end_to_end", "regex"):
        lines.append(
            f"  {stage:<11} {r['seconds'][stage]:>8.3f} {wall[stage]:>8.2f} "
            f"{wall[stage] / wall['regex']:>8.3f} {r['cpu_seconds'][stage]:>8.3f} "
            f"{cpu[stage]:>9.2f} {cpu[stage] / cpu['regex']:>8.3f}"
        )
    for mark in r["scaling"]:
        lines.append(
            f"  first {mark['files']:>6} files {mark['mb']:>8.2f} MB: end to end "
            f"{mark['end_to_end_s']:>7.2f} s wall ({mark['mb'] / mark['end_to_end_s']:.2f} MB/s), "
            f"{mark['end_to_end_cpu_s']:>7.2f} s CPU "
            f"({mark['mb'] / mark['end_to_end_cpu_s']:.2f} MB/s)"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {"cpus": os.cpu_count(), "python": sys.version.split()[0]}
    seeds = load(list_files(args.seeds))
    if not seeds:
        raise SystemExit(f"no seeds in {args.seeds}")
    run_pass(seeds[:1])  # warm: the grammar is built once per process
    results["seeds"] = best_pass(seeds, args.repeat)
    if args.corpus is not None:
        paths = list_files(args.corpus)
        n = len(paths)
        checkpoints = sorted({max(1, n // 100), max(1, n // 10), n})
        results["corpus"] = run_pass(load(paths), checkpoints)
    if args.json:
        print(json.dumps(results, indent=1))
        return
    print(f"{results['cpus']} CPUs, Python {results['python']}")
    for label in ("seeds", "corpus"):
        if label in results:
            print(report(label, results[label]))


if __name__ == "__main__":
    main()
