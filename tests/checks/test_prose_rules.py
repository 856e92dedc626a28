"""Rule P101's finding points at the sentence and at the cell (the cases of P101 and P102 are in
tests/data/rules/P10*.toml)."""

from __future__ import annotations

from opengov_report import Severity, check, parse

from .texts import report_text


def test_p101_finding_points_at_the_sentence_and_the_cell() -> None:
    text = report_text(prose="我局共收到政府信息公开申请7件，均按时答复。")
    (finding,) = check(parse(text), select=["P101"])
    assert finding.severity is Severity.WARNING
    first, cell = finding.locations
    assert first.span is not None
    assert text[first.span.start : first.span.end] == "收到政府信息公开申请7件"
    assert cell.row == "new_received" and cell.column == "total"
    assert cell.span is not None and text[cell.span.start : cell.span.end] == "5"
