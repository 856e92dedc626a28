"""Each layout fixture has a committed dump of what it parses to (tests/layout_dumps.py), and
the dump is current: a change of parsing shows in review as a diff of readable text.

A dump is a snapshot, not an oracle: test_layouts.py says what is right."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests import layout_dumps
from tests.conftest import LAYOUT_PATHS

_FIX = "PYTHONPATH=src python -m tests.layout_dumps --write (and review the diff)"


@pytest.mark.parametrize("fixture", LAYOUT_PATHS, ids=[p.stem for p in LAYOUT_PATHS])
def test_the_dump_is_current(fixture: Path) -> None:
    kept = layout_dumps.dump_path(fixture)
    assert kept.exists(), f"no dump of {fixture.name}: {_FIX}"
    assert kept.read_text(encoding="utf-8") == layout_dumps.dump(fixture), (
        f"{kept.name} is stale: {_FIX}"
    )


def test_every_fixture_is_dumped_and_every_dump_has_a_fixture() -> None:
    assert layout_dumps.fixtures() == LAYOUT_PATHS
    dumps = sorted(layout_dumps.LAYOUTS.glob("*.dump"))
    assert dumps == [layout_dumps.dump_path(f) for f in LAYOUT_PATHS]


def test_a_stale_dump_is_named_and_written_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in layout_dumps.LAYOUTS.iterdir():
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.setattr(layout_dumps, "LAYOUTS", tmp_path)
    assert layout_dumps.main([]) == 0
    edited = tmp_path / "spaced_cells.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("12", "13"), encoding="utf-8")
    assert layout_dumps.main([]) == 1
    assert "stale" in capsys.readouterr().out
    assert layout_dumps.stale() == [edited]
    assert layout_dumps.main(["--write"]) == 0
    assert layout_dumps.stale() == []
    assert "| 行政规范性文件 | 3 | 1 | 13 |" in layout_dumps.dump_path(edited).read_text(
        encoding="utf-8"
    )
