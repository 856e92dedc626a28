"""Rules P1xx: numbers in the text against the tables."""

from __future__ import annotations

from opengov_report import Severity, check, parse

from .legacy_text import legacy_text
from .texts import report_text


def _prose(text: str) -> list[tuple[str, object, object]]:
    return [(f.code, f.expected, f.actual) for f in check(parse(text), select=["P"])]


def test_p101_received_count() -> None:
    assert _prose(report_text(prose="本年度共收到政府信息公开申请5件。")) == []
    assert _prose(report_text(prose="本年度共收到政府信息公开申请7件。")) == [("P101", 5, 7)]
    # counting the applications carried over too is not a disagreement
    assert _prose(report_text(prose="本年度共受理政府信息公开申请五件。")) == []


def test_p101_finding_points_at_the_sentence_and_the_cell() -> None:
    text = report_text(prose="我局共收到政府信息公开申请7件，均按时答复。")
    (finding,) = check(parse(text), select=["P101"])
    assert finding.severity is Severity.WARNING
    first, cell = finding.locations
    assert first.span is not None
    assert text[first.span.start : first.span.end] == "收到政府信息公开申请7件"
    assert cell.row == "new_received" and cell.column == "total"
    assert cell.span is not None and text[cell.span.start : cell.span.end] == "5"


def test_p101_none_received_and_closed() -> None:
    assert _prose(report_text(prose="本年度未收到政府信息公开申请。")) == [("P101", 5, 0)]
    assert _prose(report_text(prose="全年办结4件。")) == []
    assert _prose(report_text(prose="全年共办结6件。")) == [("P101", 4, 6)]
    # a part (按时办结) is not the total
    assert _prose(report_text(prose="按时办结3件，延期办结1件。")) == []


def test_p101_reviews_and_complaints_are_not_applications() -> None:
    assert _prose(report_text(prose="收到行政复议申请1件。")) == []


def test_p102_reviews_and_lawsuits() -> None:
    assert _prose(report_text(prose="发生行政复议1起，行政诉讼0起。")) == []
    assert _prose(report_text(prose="发生行政复议2起。")) == [("P102", 1, 2)]
    assert _prose(report_text(prose="本年度行政诉讼案件1件。")) == [("P102", 0, 1)]
    assert _prose(report_text(prose="未发生行政复议和行政诉讼。")) == [("P102", 1, 0)]
    # one number for both together is not read
    assert _prose(report_text(prose="行政复议、行政诉讼共3起。")) == []


def test_prose_against_a_legacy_table() -> None:
    assert _prose(legacy_text(prose="2016年度，收到政府信息公开申请3件。")) == []
    assert _prose(legacy_text(prose="2016年度，收到政府信息公开申请0件。")) == [("P101", 3, 0)]
    assert _prose(legacy_text(prose="未发生行政复议案件。")) == [("P102", 1, 0)]
