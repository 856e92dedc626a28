"""Shared fixtures: the seed reports and the synthetic layout fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# No timed assertions in the suite: hypothesis's per-example deadline is one, and it fails on a
# loaded machine for no fault of the code.
settings.register_profile("opengov", deadline=None)
settings.load_profile("opengov")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
CORPUS = ROOT / "examples" / "corpus"
DATA = Path(__file__).resolve().parent / "data"
LAYOUTS = DATA / "layouts"

SEED_PATHS = sorted(SEEDS.glob("*.txt"))


def seed_ids() -> list[str]:
    return [p.name for p in SEED_PATHS]


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    """Every seed report's text, by file name."""
    assert SEED_PATHS, f"no seed reports found in {SEEDS}"
    return {p.name: p.read_text(encoding="utf-8") for p in SEED_PATHS}
