"""Fault injection: arbitrary bytes and text, and seed reports damaged at random, through
parse, check, render and the exports.  Nothing may raise but the library's own errors
(``OpenGovReportError``), and what is written must read back (issue 16)."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import opengov_report
from opengov_report import OpenGovReportError
from opengov_report.serialize import write_csv, write_jsonl
from opengov_report.source import decode
from tests.conftest import SEED_PATHS

SEEDS = [p.read_bytes() for p in SEED_PATHS]
_SETTINGS = settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def damaged_seeds(draw: st.DrawFn) -> bytes:
    """A seed report with a few random edits: bytes cut out, inserted or overwritten."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(("cut", "insert", "overwrite")))
        chunk = draw(st.binary(min_size=1, max_size=12))
        if action == "cut":
            del data[at : at + draw(st.integers(1, 400))]
        elif action == "insert":
            data[at:at] = chunk
        else:
            data[at : at + len(chunk)] = chunk
    return bytes(data)


def _through_everything(report: opengov_report.AnnualReport) -> None:
    findings = opengov_report.check(report)
    assert all(isinstance(f, opengov_report.Finding) for f in findings)
    for layout in ("cells", "tsv", "markdown"):
        assert isinstance(opengov_report.render(report, layout=layout), str)
    again = opengov_report.from_json(opengov_report.to_json(report))
    assert again.figures() == report.figures()
    rows = io.StringIO(newline="")
    write_csv([report], rows)
    assert len(list(csv.reader(io.StringIO(rows.getvalue(), newline="")))) == 1 + len(
        report.figures()
    )
    lines = io.StringIO()
    write_jsonl([report], lines)
    assert all(json.loads(line) for line in lines.getvalue().splitlines())


def _parse_or_our_error(data: bytes | str, **options: object) -> opengov_report.AnnualReport | None:
    try:
        return opengov_report.parse(data, **options)  # type: ignore[arg-type]
    except OpenGovReportError:
        return None


@_SETTINGS
@given(st.binary(max_size=4000))
def test_arbitrary_bytes(data: bytes) -> None:
    report = _parse_or_our_error(data)
    if report is not None:
        _through_everything(report)


@_SETTINGS
@given(st.text(max_size=3000))
def test_arbitrary_text(text: str) -> None:
    report = _parse_or_our_error(text)
    if report is not None:
        _through_everything(report)


@_SETTINGS
@given(damaged_seeds())
def test_damaged_seed_reports(data: bytes) -> None:
    for errors in ("strict", "replace"):
        report = _parse_or_our_error(data, errors=errors)
        if report is not None:
            _through_everything(report)


@_SETTINGS
@given(damaged_seeds())
def test_a_damaged_seed_as_text(data: bytes) -> None:
    report = _parse_or_our_error(data.decode("utf-8", errors="replace"))
    assert report is not None  # any str parses
    _through_everything(report)


@_SETTINGS
@given(st.binary(max_size=2000), st.sampled_from(("utf-8", "gb18030", "utf-16-le", "big5")))
def test_decode_raises_only_its_own_errors(data: bytes, encoding: str) -> None:
    for options in ({}, {"errors": "replace"}, {"encoding": encoding, "errors": "replace"}):
        try:
            text = decode(data, **options)  # type: ignore[arg-type]
        except OpenGovReportError:
            continue
        assert isinstance(text, str)


_MAGIC = (
    b"<html><body>",
    b"<!DOCTYPE html><table><tr><td>",
    b"%PDF-1.4\n",
    b"PK\x03\x04",
    b"\xef\xbb\xbf",
)


@_SETTINGS
@given(st.sampled_from(_MAGIC), st.binary(max_size=3000))
def test_bytes_that_look_like_a_published_format(magic: bytes, rest: bytes) -> None:
    report = _parse_or_our_error(magic + rest)
    if report is not None:
        _through_everything(report)


@_SETTINGS
@given(damaged_seeds())
def test_a_damaged_seed_as_an_html_page(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    page = "<html><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines()) + "</body>"
    report = _parse_or_our_error(page.encode("utf-8"))
    if report is not None:
        _through_everything(report)
