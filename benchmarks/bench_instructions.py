"""CPU instructions per pass of parse and check over the real corpus and the seeds, counted by
valgrind (run by hand; needs ``valgrind`` on the PATH).

    python benchmarks/bench_instructions.py [--src DIR ...]

Instruction counts do not depend on what else the machine is doing, unlike seconds on a
shared machine, so two checkouts can be compared one after the other.  Each ``--src`` (a
checkout's ``src`` directory; this checkout's by default) is run twice under
``valgrind --tool=callgrind``, once with one pass over the texts and once with three; the
difference halved is the cost of one pass, without the interpreter's start and the imports.
The texts are this checkout's (``bench_corpus.corpus_files``), whichever code reads them.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the scripts beside this one
from bench_corpus import corpus_files

_ROOT = Path(__file__).resolve().parent.parent
_COLLECTED_RE = re.compile(r"Collected : ([0-9]+)")

#: what runs under valgrind: read the texts, then parse and check them ``passes`` times
_PASSES = """
import sys
import opengov_report
data = [open(p, "rb").read() for p in sys.argv[2:]]
for _ in range(int(sys.argv[1])):
    for d in data:
        opengov_report.check(opengov_report.parse(d))
"""


def instructions(src: Path, passes: int, files: list[Path]) -> int:
    """The instructions valgrind counts for a whole run of ``passes`` passes."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        run = subprocess.run(
            [
                "valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                sys.executable, "-c", _PASSES, str(passes), *map(str, files),
            ],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONPATH": str(src)},
        )  # fmt: skip
    found = _COLLECTED_RE.search(run.stderr)
    if found is None:
        raise SystemExit(f"valgrind printed no count:\n{run.stderr[-2000:]}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, action="append", help="a checkout's src directory")
    args = parser.parse_args(argv)
    files = corpus_files()
    size = sum(p.stat().st_size for p in files)
    for src in args.src or [_ROOT / "src"]:
        one, three = instructions(src, 1, files), instructions(src, 3, files)
        per_pass = (three - one) / 2
        print(
            f"{src}: {len(files)} files, {size / 1e6:.2f} MB, "
            f"{per_pass / 1e6:,.0f} M instructions a pass, {per_pass / size:,.0f} a byte"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
