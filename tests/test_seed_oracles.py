"""Each seed against its hand-read oracle (tests/data/oracles/seeds/*.tables).

The oracles were written by reading the seed texts, one line a table row as the report prints
it, never from the program's output (see tests/oracles.py for the form).  Where the library
disagrees with what the text says, the case is an xfail with the reason, strict: it fails the
day the library reads the text right, so that the mark is removed.
"""

from __future__ import annotations

from typing import Any

import pytest

from opengov_report import AnnualReport, parse
from tests.conftest import DATA, SEED_PATHS
from tests.oracles import (
    Oracle,
    compare_grid,
    compare_legacy,
    compare_metadata,
    lost_rows,
    read_oracle,
)

ORACLES = DATA / "oracles" / "seeds"

#: (seed number, part) → why the library disagrees with the text
KNOWN_WRONG: dict[tuple[str, str], str] = {}


def _seed(number: str) -> tuple[AnnualReport, Oracle]:
    paths = [p for p in SEED_PATHS if p.name.startswith(number + "_")]
    assert len(paths) == 1, f"seed {number} not found in examples/seeds"
    return parse(paths[0]), read_oracle(ORACLES / f"{number}.tables")


SEEDS = ("000", "001", "002", "003", "004")
PARTS = ("metadata", "disclosure", "applications", "reviews", "legacy")


def _cases() -> list[Any]:
    out = []
    for number in SEEDS:
        for part in PARTS:
            marks = []
            if (number, part) in KNOWN_WRONG:
                marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_WRONG[number, part]))
            out.append(pytest.param(number, part, marks=marks, id=f"{number}-{part}"))
    return out


def test_every_seed_has_an_oracle() -> None:
    names = sorted(p.name[:3] for p in SEED_PATHS)
    assert names == list(SEEDS)
    assert sorted(p.stem for p in ORACLES.glob("*.tables")) == list(SEEDS)


@pytest.mark.parametrize(("number", "part"), _cases())
def test_seed_against_oracle(number: str, part: str) -> None:
    report, oracle = _seed(number)
    if part == "metadata":
        assert {"title", "agency", "year", "era"} <= set(oracle.meta)
        assert compare_metadata(report, oracle.meta) == []
        return
    table = oracle.tables.get(part)
    if table is None:
        assert getattr(report, part) is None, f"the seed prints no {part} table"
        return
    if part == "legacy":
        assert compare_legacy(report, table) == []
        return
    result = compare_grid(report, table)
    assert result.wrong == ()
    assert result.missed == ()
    assert result.right > 0
    grid = getattr(report, part)
    lost = {m.row for m in grid.missing if m.column is None}
    assert lost == lost_rows(table), "rows the text lost are listed as missing, no others"
