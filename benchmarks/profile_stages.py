"""Where end-to-end time goes: the share of each stage in parse + check (run by hand).

    python benchmarks/profile_stages.py [--passes 3]

Parses and checks the real corpus and the seeds (``examples/``) under cProfile, ``--passes``
times after one warm-up pass, and prints each stage's cumulative share of the profiled time:
the document tree (lexer and grammar), metadata, era, the line-based table readers, the
stream readers, the checks.  Shares, not seconds: cProfile slows calls down unevenly, so
compare shares between commits, and measure speed with bench_corpus.py.  Stages nest (the
stream readers run inside recognition), so the shares need not add up to 100 %.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path

import opengov_report

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the scripts beside this one
from bench_corpus import corpus_files

#: (function name, module path fragment) → stage
STAGES: dict[tuple[str, str], str] = {
    ("decode", "source"): "decode bytes",
    ("parse_document", "_parse"): "document tree (lexer + grammar)",
    ("extract_metadata", "metadata"): "metadata",
    ("decide_era", "era"): "era",
    ("row_views", "rows"): "row views of the tree's tables",
    ("recognize_applications", "applications"): "table 三 from lines",
    ("recognize_disclosure", "disclosure"): "table 二 from lines",
    ("recognize_legacy", "legacy"): "统计表 from lines",
    ("read_stream_tables", "stream"): "tables 三, 四 from the stream",
    ("read_stream_disclosure", "stream_disclosure"): "table 二 from the stream",
    ("read_legacy_stream", "legacy_stream"): "统计表 from the stream",
    ("check", "catalogue"): "checks",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args(argv)
    files = corpus_files()
    data = [p.read_bytes() for p in files]
    for d in data:  # warm-up: imports, grammar, memos
        opengov_report.check(opengov_report.parse(d))
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.passes):
        for d in data:
            opengov_report.check(opengov_report.parse(d))
    profile.disable()
    stats = pstats.Stats(profile)
    total: float = stats.total_tt  # type: ignore[attr-defined]
    shares: dict[str, float] = {}
    for (path, _, name), row in stats.stats.items():  # type: ignore[attr-defined]
        for (fn, fragment), stage in STAGES.items():
            if name == fn and fragment in path and "opengov_report" in path:
                shares[stage] = shares.get(stage, 0.0) + row[3]
    print(f"{len(files)} files, {args.passes} passes, {total:.2f} s profiled")
    for stage, seconds in sorted(shares.items(), key=lambda kv: -kv[1]):
        print(f"{stage:<34} {seconds / total:6.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
