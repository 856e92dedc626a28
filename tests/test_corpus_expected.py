"""The whole real corpus against its hand-read key figures (examples/corpus/expected.jsonl, read
by someone else), compared as the scoreboard compares them (benchmarks/real_corpus.py).

Any figure, era, year or agency the library returns that differs from the hand-read one fails (a
number where the file says the tables hold none is wrong too).  What it does not return (a
figure, era UNKNOWN, no year) is counted: the totals must stay at or above ``FLOORS``, raised
as recognition improves (``python benchmarks/real_corpus.py`` prints today's totals).
"""

from __future__ import annotations

import sys
from typing import Any

import pytest

from opengov_report import Era, parse
from tests.conftest import CORPUS, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))  # the scoreboard, a script beside the tests
from real_corpus import entries, expected_era, expected_figures, key_figures

#: right at least, over the whole corpus (49 files, 226 figures stated)
FLOORS = {"figures": 220, "era": 49, "year": 49, "agency": 49}

ENTRIES = list(entries(CORPUS))


def _outcome(entry: dict[str, Any]) -> dict[str, Any]:
    path = CORPUS / entry["file"]
    if not path.is_file():
        raise FileNotFoundError(f"corpus file missing: {path}")
    report = parse(path)
    got, want = key_figures(report), expected_figures(entry)
    wrong = [
        f"{key}: hand-read {value}, library {got[key]}"
        for key, value in want.items()
        if got[key] is not None and got[key] != value
    ]
    right = sum(1 for key, value in want.items() if value is not None and got[key] == value)
    era, year = report.era, report.metadata.year
    # 'prose' (no statistics table) is its year's era, as the scoreboard counts it
    want_era = expected_era(entry)
    if era is not Era.UNKNOWN and era.value != want_era:
        wrong.append(f"era: hand-read {want_era}, library {era.value}")
    if year is not None and year != entry["year"]:
        wrong.append(f"year: hand-read {entry['year']}, library {year}")
    agency = _squash(report.metadata.agency)
    if agency is not None and agency != _squash(entry.get("agency")):
        wrong.append(f"agency: hand-read {entry.get('agency')}, library {agency}")
    return {
        "wrong": wrong,
        "figures": right,
        "era": int(era.value == want_era),
        "year": int(year == entry["year"]),
        "agency": int(agency is not None and agency == _squash(entry.get("agency"))),
    }


def _squash(text: str | None) -> str | None:
    """An agency name without white space (the scoreboard compares them so)."""
    return None if text is None else "".join(text.split())


@pytest.fixture(scope="module")
def outcomes() -> dict[str, dict[str, Any]]:
    return {entry["file"]: _outcome(entry) for entry in ENTRIES}


def test_the_corpus_is_there() -> None:
    assert len(ENTRIES) == 49, "examples/corpus/expected.jsonl lists 49 reports"
    assert sum(v is not None for e in ENTRIES for v in expected_figures(e).values()) == 226


@pytest.mark.parametrize("file", [e["file"] for e in ENTRIES])
def test_nothing_read_wrong(file: str, outcomes: dict[str, dict[str, Any]]) -> None:
    assert outcomes[file]["wrong"] == []


def test_right_at_least_the_floors(outcomes: dict[str, dict[str, Any]]) -> None:
    totals = {key: sum(o[key] for o in outcomes.values()) for key in FLOORS}
    assert all(totals[key] >= FLOORS[key] for key in FLOORS), (
        f"right today {totals}, floors {FLOORS}"
    )
