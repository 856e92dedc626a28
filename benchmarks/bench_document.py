"""Document-parse throughput and memory, next to a plain regex line scan (run by hand).

    .venv/bin/python benchmarks/bench_document.py [--seeds DIR] [--scales 1,10,100] [--repeat 3]

Prints one line per scale: input size, best time and MB/s of the document parse (decode +
lex + LALR + tree) and of the reference regex line scan measured in the same run, their ratio,
and the peak memory of one parse (tracemalloc).  Figures go to docs/performance.md.
"""

from __future__ import annotations

import argparse
import re
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from opengov_report import decode, parse_document

_DEFAULT_SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
_LINE_RE = re.compile(r"^[ \t\u3000]*(?:[（(]?[一二三四五六七八九十0-9]+[、．.）)])?.*$", re.M)


def regex_line_scan(data: bytes) -> int:
    """The reference limit: decode, then match every line against a heading-ish regex."""
    text = data.decode("utf-8")
    return sum(1 for _ in _LINE_RE.finditer(text))


def document_parse(data: bytes) -> int:
    doc = parse_document(decode(data))
    return len(doc.text)


def best_of(fn: Callable[[bytes], int], data: bytes, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn(data)
        best = min(best, time.perf_counter() - start)
    return best


def peak_memory(fn: Callable[[bytes], int], data: bytes) -> int:
    tracemalloc.start()
    fn(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def corpus(seeds: Path) -> bytes:
    paths = sorted(seeds.glob("*.txt"))
    if not paths:
        raise SystemExit(f"no seeds in {seeds}")
    return b"\n".join(p.read_bytes() for p in paths)


def run(seeds: Path, scales: list[int], repeat: int) -> list[dict[str, float]]:
    base = corpus(seeds)
    rows: list[dict[str, float]] = []
    for scale in scales:
        data = b"\n".join([base] * scale)
        mb = len(data) / 1e6
        t_doc = best_of(document_parse, data, repeat)
        t_re = best_of(regex_line_scan, data, repeat)
        rows.append(
            {
                "scale": scale,
                "mb": mb,
                "doc_s": t_doc,
                "doc_mbs": mb / t_doc,
                "re_s": t_re,
                "re_mbs": mb / t_re,
                "ratio": (mb / t_doc) / (mb / t_re),
                "peak_mb": peak_memory(document_parse, data) / 1e6,
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=_DEFAULT_SEEDS)
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    print(
        f"{'scale':>5} {'MB':>8} {'parse s':>9} {'parse MB/s':>11} "
        f"{'regex MB/s':>11} {'ratio':>6} {'peak MB':>8}"
    )
    for r in run(args.seeds, scales, args.repeat):
        print(
            f"{r['scale']:>5} {r['mb']:>8.2f} {r['doc_s']:>9.3f} {r['doc_mbs']:>11.2f} "
            f"{r['re_mbs']:>11.1f} {r['ratio']:>6.3f} {r['peak_mb']:>8.1f}"
        )


if __name__ == "__main__":
    main()
