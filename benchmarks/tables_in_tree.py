"""How many of the tables read from the real reports lie in a table block of the document
tree (run by hand): a table the stream reader found in a paragraph is one the tree missed.

    python benchmarks/tables_in_tree.py

For every corpus text and seed, each of tables 二, 三 and 四 the library read (one cell or
more with a span) counts as *in the tree* when every one of its cells lies inside a
``Table`` block of ``report.document``; the others are listed with the block they lie in.
"""

from __future__ import annotations

import sys
from pathlib import Path

import opengov_report

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the scripts beside this one
from bench_corpus import corpus_files

_EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def main() -> int:
    files = corpus_files()
    inside = outside = 0
    for path in files:
        report = opengov_report.parse(path)
        blocks = [(t.span.start, t.span.end) for t in report.document.tables()]
        for part in ("disclosure", "applications", "reviews"):
            grid = getattr(report, part)
            spans = [c.value.span for c in grid.cells if c.value.span] if grid else []
            if not spans:
                continue
            held = sum(1 for s in spans if any(a <= s.start < b for a, b in blocks))
            if held == len(spans):
                inside += 1
            else:
                outside += 1
                print(f"{path.relative_to(_EXAMPLES)} {part}: {held} of {len(spans)} cells")
    print(f"{inside} of {inside + outside} tables read lie in a table block of the tree")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
