"""Parse and check every text of the real corpus and the seeds: CPU time of one process, best
of N passes, in MB per CPU second.

    python benchmarks/bench_corpus.py [--passes 7]

To compare two commits side by side, run it from each checkout in turn, e.g.
``PYTHONPATH=/path/to/other/checkout/src python benchmarks/bench_corpus.py``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import opengov_report

_ROOT = Path(__file__).resolve().parent.parent
_EXAMPLES = _ROOT / "examples"


def corpus_files() -> list[Path]:
    """The texts the corpus benchmarks read: every ``.txt`` of examples/corpus, then the
    seeds (the PDF aside)."""
    return sorted((_EXAMPLES / "corpus").rglob("*.txt")) + sorted(
        (_EXAMPLES / "seeds").glob("*.txt")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=7)
    args = parser.parse_args(argv)
    files = corpus_files()
    data = [p.read_bytes() for p in files]
    size = sum(map(len, data))
    best = float("inf")
    for _ in range(args.passes):
        start = time.process_time()
        for d in data:
            opengov_report.check(opengov_report.parse(d))
        best = min(best, time.process_time() - start)
    print(
        f"{opengov_report.__file__}: {len(files)} files, {size / 1e6:.2f} MB, "
        f"best {best:.3f} s CPU, {size / 1e6 / best:.2f} MB/s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
