"""Bounded resources: no per-character memory in a pattern, a size limit per input, zip members
read with a cap and a compression-ratio check (issue 16, item 5).  Speed is measured by hand
in benchmarks/bench_scaling.py, not asserted here."""

from __future__ import annotations

import tracemalloc

from opengov_report import lexer


def _peak(run: object) -> int:
    tracemalloc.start()
    try:
        run()  # type: ignore[operator]
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_digit_run_costs_no_memory_per_digit() -> None:
    """A run of a million digits (or of digits and single spaces) is matched in a few bytes of
    regex state, not ~117 bytes a digit (117 MB here) as with a plain ``(?:…)*``."""
    for text in ("0" * 1_000_000, "0 " * 500_000):
        matches: list[tuple[int, int]] = []

        def run(text: str = text, matches: list[tuple[int, int]] = matches) -> None:
            matches.extend(m.span() for m in lexer._DIGIT_RUN_RE.finditer(text))

        assert _peak(run) < 1_000_000
        assert matches == [(0, len(text.rstrip()))]
