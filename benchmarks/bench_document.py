"""Document-parse throughput and memory, next to a plain regex line scan (run by hand).

    .venv/bin/python benchmarks/bench_document.py [--seeds DIR] [--scales 1,10,100] [--repeat 3]
        [--full]

Prints one line per scale: input size, best time and MB/s of the document parse (decode +
lex + LALR + tree; with ``--full`` the whole ``opengov_report.parse``: document, recognition
and checks) and of the reference regex line scan, their ratio, and the peak memory of one
parse (tracemalloc).  The parse and the scan alternate repeat by repeat, so that both see the
same load on a shared machine; the ratio is the figure to compare between runs.  Figures go
to docs/performance.md.
"""

from __future__ import annotations

import argparse
import re
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from opengov_report import decode, parse, parse_document

_DEFAULT_SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"
_LINE_RE = re.compile(r"^[ \t\u3000]*(?:[（(]?[一二三四五六七八九十0-9]+[、．.）)])?.*$", re.M)


def regex_line_scan(data: bytes) -> int:
    """The reference limit: decode, then match every line against a heading-ish regex."""
    text = data.decode("utf-8")
    return sum(1 for _ in _LINE_RE.finditer(text))


def document_parse(data: bytes) -> int:
    doc = parse_document(decode(data))
    return len(doc.text)


def full_parse(data: bytes) -> int:
    report = parse(data)
    return len(report.document.text)


def best_of(fns: list[Callable[[bytes], int]], data: bytes, repeat: int) -> list[float]:
    """The best time of each function, running them in turn ``repeat`` times."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for k, fn in enumerate(fns):
            start = time.perf_counter()
            fn(data)
            best[k] = min(best[k], time.perf_counter() - start)
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


def run(seeds: Path, scales: list[int], repeat: int, full: bool) -> list[dict[str, float]]:
    base = corpus(seeds)
    target = full_parse if full else document_parse
    target(base)  # load the grammar once, outside the measurement
    rows: list[dict[str, float]] = []
    for scale in scales:
        data = b"\n".join([base] * scale)
        mb = len(data) / 1e6
        t_doc, t_re = best_of([target, regex_line_scan], data, repeat)
        rows.append(
            {
                "scale": scale,
                "mb": mb,
                "doc_s": t_doc,
                "doc_mbs": mb / t_doc,
                "re_s": t_re,
                "re_mbs": mb / t_re,
                "ratio": (mb / t_doc) / (mb / t_re),
                "peak_mb": peak_memory(target, data) / 1e6,
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=_DEFAULT_SEEDS)
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--full", action="store_true", help="measure opengov_report.parse (document + recognition)"
    )
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    print(
        f"{'scale':>5} {'MB':>8} {'parse s':>9} {'parse MB/s':>11} "
        f"{'regex MB/s':>11} {'ratio':>6} {'peak MB':>8}"
    )
    for r in run(args.seeds, scales, args.repeat, args.full):
        print(
            f"{r['scale']:>5} {r['mb']:>8.2f} {r['doc_s']:>9.3f} {r['doc_mbs']:>11.2f} "
            f"{r['re_mbs']:>11.1f} {r['ratio']:>6.3f} {r['peak_mb']:>8.1f}"
        )


if __name__ == "__main__":
    main()
