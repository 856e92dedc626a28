"""Drawing, rendering and checking generated reports (run by hand).

    .venv/bin/python benchmarks/bench_strategies.py [--examples 100] [--repeat 3]

Prints, for ``--examples`` reports, the best time of: drawing them (``reports()``), drawing
them and rendering each in the three layouts, parsing the rendered texts back, and checking
them; and the mean size of a rendered report.  Figures go to docs/testing.md.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings

from opengov_report import AnnualReport, check, parse, render
from opengov_report._render import LAYOUTS
from opengov_report.strategies import reports


def _draw(n: int) -> list[AnnualReport]:
    out: list[AnnualReport] = []

    @settings(max_examples=n, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(reports())
    def collect(report: AnnualReport) -> None:
        out.append(report)

    collect()
    return out


def _best(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    n, repeat = args.examples, args.repeat
    drawn = _draw(n)
    texts = [render(r, layout=layout) for r in drawn for layout in LAYOUTS]
    print(f"{len(drawn)} reports drawn (hypothesis may draw a few more or fewer than asked)")
    print(f"draw:            {_best(repeat, lambda: _draw(n)):.2f} s")
    render_all = _best(repeat, lambda: [render(r, layout=x) for r in drawn for x in LAYOUTS])
    print(f"render ×3:       {render_all:.2f} s")
    print(f"parse ×3:        {_best(repeat, lambda: [parse(t) for t in texts]):.2f} s")
    print(f"check:           {_best(repeat, lambda: [check(r) for r in drawn]):.2f} s")
    print(f"mean text size:  {sum(len(t) for t in texts) / len(texts):.0f} characters")


if __name__ == "__main__":
    main()
