"""``opengov-report render``: a report file back as text in the official layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from opengov_report import parse
from opengov_report.cli import main
from opengov_report.strategies import report_content
from tests.conftest import SEED_PATHS


@pytest.mark.parametrize("layout", ["cells", "tsv", "markdown"])
def test_render_writes_the_report_to_stdout(
    layout: str, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = SEED_PATHS[3]  # seed 003, a 2021 report
    assert main(["render", str(seed), "--layout", layout]) == 0
    text = capsys.readouterr().out
    assert report_content(parse(text)) == report_content(parse(seed))
    assert ("| 规章 | 0 | 0 | 0 |" in text) is (layout == "markdown")


def test_render_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    assert main(["render", str(SEED_PATHS[1]), "-l", "markdown", "-o", str(target)]) == 0
    assert report_content(parse(target)) == report_content(parse(SEED_PATHS[1]))


def test_render_reports_an_unreadable_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt" in capsys.readouterr().err
