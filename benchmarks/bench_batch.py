"""``batch.process``: jobs 1 vs 2, peak memory per report and over a long batch (run by hand).

    .venv/bin/python benchmarks/bench_batch.py CORPUS [--seeds DIR] [--files 1000]
        [--memory-files 10000] [--json]

- jobs: the first ``--files`` files of CORPUS (made by ``synth_corpus.py``) through
  ``batch.process`` with ``jobs=1`` and ``jobs=2`` (checks on), wall time, MB/s, speed-up, and
  the load average around each run; the regex line scan of the same files in the same run is
  the reference.
- memory per report: the tracemalloc peak of decode + parse + recognise + check of each seed,
  alone (largest, and bytes per input byte).
- memory of a batch: ``--traced-files`` files (the corpus, cycled if it has fewer) through
  ``batch.process(jobs=1)`` under tracemalloc: the peak over the first tenth and over the rest
  (``tracemalloc.reset_peak``), and the memory still held at the end; then ``--memory-files``
  files with ``jobs=1`` and ``jobs=2`` (no tracemalloc: it slows Python down 2-3 times), the
  resident memory (VmRSS) of this process and of the workers after every tenth.  Flat memory
  means neither grows with the number of files (beyond bounded caches).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import time
import tracemalloc
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from bench_pipeline import regex_line_scan  # the script beside this one
from opengov_report import check, parse
from opengov_report.batch import Options, Source, process_sources

DEFAULT_SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"


def time_jobs(paths: Sequence[Path], jobs: int) -> dict[str, Any]:
    """One run of the batch over ``paths`` with ``jobs`` workers."""
    sources = [Source(name=str(p), path=str(p)) for p in paths]
    load0 = os.getloadavg()[0]
    cpu0 = _cpu_seconds()
    start = time.perf_counter()
    size = failed = 0
    for result in process_sources(sources, jobs=jobs, options=Options()):
        size += result.size
        failed += not result.ok
    seconds = time.perf_counter() - start
    cpu = _cpu_seconds() - cpu0
    return {
        "jobs": jobs,
        "files": len(sources),
        "mb": size / 1e6,
        "seconds": seconds,
        "mb_per_s": size / 1e6 / seconds,
        "cpu_seconds": cpu,
        "mb_per_cpu_s": size / 1e6 / cpu,
        "failed": failed,
        "load_before": load0,
        "load_after": os.getloadavg()[0],
    }


def _cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (the pool's workers, once
    the batch has shut the pool down)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def regex_mb_per_s(paths: Sequence[Path]) -> float:
    data = [p.read_bytes() for p in paths]
    start = time.perf_counter()
    for d in data:
        regex_line_scan(d)
    return sum(map(len, data)) / 1e6 / (time.perf_counter() - start)


def report_peaks(seeds: Sequence[Path]) -> list[dict[str, Any]]:
    """The tracemalloc peak of reading, parsing, recognising and checking each seed."""
    rows = []
    for path in seeds:
        data = path.read_bytes()
        parse(data)  # warm: grammar and caches are not the report's memory
        tracemalloc.start()
        check(parse(data))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rows.append({"seed": path.name, "bytes": len(data), "peak": peak})
    return rows


def _cycled(paths: Sequence[Path], count: int) -> Iterator[Source]:
    for i, path in enumerate(itertools.islice(itertools.cycle(paths), count)):
        yield Source(name=f"{path}#{i}", path=str(path))


def _status_kb(pid: int | str, field: str) -> int:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:  # gone, or not Linux
        return 0
    for line in text.splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _children() -> list[str]:
    pids: list[str] = []
    for children in Path("/proc/self/task").glob("*/children"):
        pids.extend(children.read_text().split())
    return pids


def rss_mb() -> tuple[float, float]:
    """Resident memory of this process and of its children (the pool's workers), in MB."""
    own = _status_kb("self", "VmRSS") / 1e3
    return own, sum(_status_kb(pid, "VmRSS") for pid in _children()) / 1e3


def batch_rss(paths: Sequence[Path], count: int, jobs: int) -> dict[str, Any]:
    """Resident memory at every tenth of a ``count``-file batch with ``jobs`` workers."""
    step = max(1, count // 10)
    start = time.perf_counter()
    samples = []
    size = 0
    results = process_sources(_cycled(paths, count), jobs=jobs, options=Options())
    for n, result in enumerate(results, 1):
        size += result.size
        if n % step == 0 or n == count:
            own, children = rss_mb()
            samples.append({"files": n, "rss_mb": own, "workers_rss_mb": children})
    return {
        "jobs": jobs,
        "files": count,
        "mb": size / 1e6,
        "seconds": time.perf_counter() - start,
        "samples": samples,
    }


def batch_traced(paths: Sequence[Path], count: int) -> dict[str, Any]:
    """tracemalloc peak over the first tenth of a ``count``-file batch (in this process) and
    over the rest, and what is still held at the end."""
    first = max(1, count // 10)
    results = process_sources(_cycled(paths, count + 1), jobs=1, options=Options())
    next(results)  # warm: grammar and caches
    tracemalloc.start()
    peaks = []
    for n, _ in enumerate(results, 1):
        if n == first:
            peaks.append(tracemalloc.get_traced_memory()[1])
            tracemalloc.reset_peak()
    peaks.append(tracemalloc.get_traced_memory()[1])
    current = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return {
        "files": count,
        "first_files": first,
        "peak_first": peaks[0],
        "peak_rest": peaks[-1],
        "held_at_end": current,
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--memory-files", type=int, default=10000)
    parser.add_argument("--traced-files", type=int, default=500)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    corpus = sorted(args.corpus.rglob("*.txt"))
    if not corpus:
        raise SystemExit(f"no *.txt files in {args.corpus}")
    subset = corpus[: args.files]
    parse(subset[0].read_bytes())  # warm: the grammar is built once (forked workers inherit it)
    results: dict[str, Any] = {
        "regex_mb_per_s": regex_mb_per_s(subset),
        "jobs": [time_jobs(subset, 1), time_jobs(subset, 2)],
        "report_peaks": report_peaks(sorted(args.seeds.glob("*.txt"))),
        "batch_traced": batch_traced(corpus, args.traced_files),
        "batch_rss": [batch_rss(corpus, args.memory_files, jobs) for jobs in (1, 2)],
    }
    if args.json:
        print(json.dumps(results, indent=1))
        return
    print(f"regex line scan: {results['regex_mb_per_s']:.1f} MB/s")
    one = results["jobs"][0]["seconds"]
    for r in results["jobs"]:
        print(
            f"jobs {r['jobs']}: {r['files']} files, {r['mb']:.2f} MB in {r['seconds']:.2f} s, "
            f"{r['mb_per_s']:.2f} MB/s, speed-up {one / r['seconds']:.2f}, "
            f"CPU {r['cpu_seconds']:.2f} s ({r['mb_per_cpu_s']:.2f} MB per CPU s), "
            f"{r['failed']} failed; load {r['load_before']:.2f} → {r['load_after']:.2f}"
        )
    for r in results["report_peaks"]:
        print(
            f"peak per report {r['seed']}: {r['bytes'] / 1e3:.1f} kB in, "
            f"{r['peak'] / 1e6:.2f} MB peak ({r['peak'] / r['bytes']:.0f} B per input byte)"
        )
    m = results["batch_traced"]
    print(
        f"batch of {m['files']} files under tracemalloc: peak {m['peak_first'] / 1e6:.2f} MB "
        f"over the first {m['first_files']}, {m['peak_rest'] / 1e6:.2f} MB over the rest; "
        f"{m['held_at_end'] / 1e6:.2f} MB held at the end"
    )
    for b in results["batch_rss"]:
        rss = ", ".join(
            f"{s['files']}: {s['rss_mb']:.0f}+{s['workers_rss_mb']:.0f}" for s in b["samples"]
        )
        print(
            f"batch of {b['files']} files ({b['mb']:.1f} MB) jobs {b['jobs']} in "
            f"{b['seconds']:.0f} s; RSS MB (this process + workers) after n files: {rss}"
        )


if __name__ == "__main__":
    main()
