"""Time and peak memory of one file against its size: a whole report on one line, many lines,
a run of digits, and a legacy 统计表's head and glued rows among head-like noise (run by hand;
nothing asserted).

    .venv/bin/python benchmarks/bench_scaling.py [--sizes 1,2,5,10] [--kinds oneline,lines,digits]
        [--stages parse,check,json] [--seeds DIR]

Each measurement runs in a fresh process, so that its peak resident memory (``ru_maxrss``) is
its own: the text is made from the reports in ``--seeds`` (the seed reports by default;
``examples/corpus`` for the real pages; every ``*.txt`` under it, repeated to the size, in MB
of UTF-8), given to ``opengov_report.parse`` as bytes, then, per ``--stages``, checked and
written as ``parse --json`` writes it.  One line per kind and size: MB, seconds per stage,
peak memory in MB and its ratio to the input's size.  Linear growth shows as a constant
seconds-per-MB and a constant ratio.  Sizes above the input limit (50 MB) are read with
``max_size=0``.  Figures go to docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

_DEFAULT_SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"
KINDS = ("oneline", "lines", "digits", "legacy")
#: the ``legacy`` kind: a head, twenty copies of three rows glued in two columns, then noise
#: that opens like a head (统计指标 and 5,000 digits, 指 标 名 称 and 5,000 条), on one line
_LEGACY_UNIT = (
    "指标名称计量单位2011年度历年累计"
    + "主动公开信息数条4251516其中：1.网站公开条41815092.政府公报公开条77" * 20
    + "统计指标"
    + "1" * 5000
    + "指 标 名 称"
    + "条" * 5000
)


def make_text(kind: str, megabytes: float, seeds: Path) -> bytes:
    """``megabytes`` MB of UTF-8: the seeds on one line, as they are, or digits alone."""
    if kind == "digits":
        base = "0" * 1000
    elif kind == "legacy":
        base = _LEGACY_UNIT
    else:
        base = "\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.rglob("*.txt")))
        if kind == "oneline":
            base = base.replace("\r", " ").replace("\n", " ")
    unit = base.encode("utf-8")
    size = int(megabytes * 1e6)
    data = unit * (size // len(unit) + 1)
    return data[:size].decode("utf-8", errors="ignore").encode("utf-8")


def measure(kind: str, megabytes: float, stages: list[str], seeds: Path) -> dict[str, float]:
    """One measurement, in this process (run it in a fresh one for the memory figure)."""
    import opengov_report  # noqa: PLC0415 (after the arguments: the import is not measured)
    from opengov_report.cli import parse_cmd  # noqa: PLC0415

    # what parse --json makes (a checkout from before json_pieces made one string)
    to_json = getattr(parse_cmd, "json_pieces", None) or parse_cmd.json_line

    data = make_text(kind, megabytes, seeds)
    out: dict[str, float] = {"mb": len(data) / 1e6}
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.process_time()
    try:
        report = opengov_report.parse(data, max_size=0)
    except TypeError:  # a checkout from before the input limit
        report = opengov_report.parse(data)
    out["parse"] = time.process_time() - start
    if "check" in stages:
        start = time.process_time()
        opengov_report.check(report)
        out["check"] = time.process_time() - start
    if "json" in stages:
        start = time.process_time()
        to_json(report)
        out["json"] = time.process_time() - start
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - base
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,2,5,10", help="MB, comma-separated")
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--stages", default="parse,check,json")
    parser.add_argument("--seeds", type=Path, default=_DEFAULT_SEEDS)
    parser.add_argument("--one", nargs=2, metavar=("KIND", "MB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    stages = args.stages.split(",")
    if args.one:
        print(json.dumps(measure(args.one[0], float(args.one[1]), stages, args.seeds)))
        return
    print(f"{'kind':8} {'MB':>6} " + " ".join(f"{s + ' s':>8}" for s in stages)
          + f" {'s/MB':>6} {'peak MB':>8} {'x size':>7}")  # fmt: skip
    for kind in args.kinds.split(","):
        for size in args.sizes.split(","):
            done = subprocess.run(
                [sys.executable, __file__, "--one", kind, size, "--stages", args.stages,
                 "--seeds", str(args.seeds)],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            r = json.loads(done.stdout)
            total = sum(r.get(s, 0.0) for s in stages)
            print(
                f"{kind:8} {r['mb']:6.1f} "
                + " ".join(f"{r.get(s, 0.0):8.2f}" for s in stages)
                + f" {total / r['mb']:6.2f} {r['peak_mb']:8.0f} {r['peak_mb'] / r['mb']:7.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
