"""Every real report of the corpus goes through the whole pipeline: parse, check, report JSON
and back, tidy rows as CSV, render and parse again, without an exception."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import opengov_report
from opengov_report.serialize.tidy import write_csv
from tests.conftest import CORPUS

_REPORTS = sorted(
    p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".pdf") and p.name != "SOURCES.md"
)


def test_the_corpus_is_there() -> None:
    assert len(_REPORTS) >= 49, f"the corpus in {CORPUS} is incomplete"


@pytest.mark.parametrize("path", _REPORTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_real_report_goes_through_the_pipeline(path: Path) -> None:
    report = opengov_report.parse(path)
    findings = opengov_report.check(report)
    assert all(f.code for f in findings)
    again = opengov_report.from_json(opengov_report.to_json(report))
    assert again.figures() == report.figures()
    out = io.StringIO()
    rows = write_csv([report], out)
    assert rows == len(report.figures())
    text = opengov_report.render(report)
    rendered = opengov_report.parse(text)
    # what the report holds is written back: every number it read is read again
    numbers = sorted(str(f.value.number) for f in report.figures() if f.value.number is not None)
    assert (
        sorted(str(f.value.number) for f in rendered.figures() if f.value.number is not None)
        == numbers
    )
