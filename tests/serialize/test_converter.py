"""The report JSON: exact round trips (generated models, every seed), versions and errors."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import opengov_report
from opengov_report import (
    AnnualReport,
    Finding,
    SerializationError,
    Span,
    Value,
    ValueKind,
    findings_from_json,
    findings_to_json,
    from_json,
    to_json,
)
from opengov_report.serialize import FORMAT_VERSION
from tests.conftest import DATA, SEED_PATHS, seed_ids
from tests.strategies_model import findings, reports

V1_FIXTURE = DATA / "export" / "report-v1.json"


@settings(max_examples=60, deadline=None)
@given(reports())
def test_round_trip_of_generated_reports(report: AnnualReport) -> None:
    text = to_json(report)
    back = from_json(text)
    assert back == report
    assert back.document.text == report.document.text
    assert to_json(back) == text  # deterministic: the same report, the same text
    assert type(back.disclosure) is type(report.disclosure)


@settings(max_examples=60, deadline=None)
@given(st.lists(findings, max_size=4))
def test_round_trip_of_findings(found: list[Finding]) -> None:
    assert findings_from_json(findings_to_json(found)) == tuple(found)


@pytest.mark.parametrize("path", SEED_PATHS, ids=seed_ids())
def test_round_trip_of_every_seed(path: Path) -> None:
    report = opengov_report.parse(path)
    text = to_json(report, indent=2)
    back = from_json(text)
    assert back == report
    assert back.document.text == report.document.text == path.read_text(encoding="utf-8")
    assert back.figures() == report.figures()
    assert json.loads(text)["format_version"] == FORMAT_VERSION
    assert from_json(text.encode("utf-8")) == report


def test_numbers_keep_their_type_and_exactness() -> None:
    from tests.strategies_model import _DOCUMENTS

    cells = (
        opengov_report.TableCell("a", "x", Value(ValueKind.COUNT, "5", 5)),
        opengov_report.TableCell("a", "y", Value(ValueKind.AMOUNT, "5", Decimal("5"), "万元")),
        opengov_report.TableCell("a", "z", Value(ValueKind.AMOUNT, "0.10", Decimal("0.10"))),
        opengov_report.TableCell("b", "x", Value(ValueKind.BLANK, "")),
        opengov_report.TableCell("b", "y", Value(ValueKind.NONE, "无")),
    )
    report = AnnualReport(
        document=_DOCUMENTS[0],
        era=opengov_report.Era.V2021,
        applications=opengov_report.ApplicationTable(cells),
    )
    data = json.loads(to_json(report))
    numbers = [c["value"].get("number") for c in data["applications"]["cells"]]
    assert numbers == [5, "5", "0.10", None, None]
    back = from_json(to_json(report))
    assert back.applications is not None
    got = [c.value.number for c in back.applications.cells]
    assert [type(n) for n in got] == [int, Decimal, Decimal, type(None), type(None)]
    assert str(got[2]) == "0.10"


def test_disclosure_table_carries_its_class() -> None:
    report = opengov_report.parse(SEED_PATHS[-1])
    assert report.disclosure is not None
    data = json.loads(to_json(report))
    assert data["disclosure"]["type"] == type(report.disclosure).__name__
    data["disclosure"]["type"] = "NoSuchTable"
    with pytest.raises(SerializationError, match="NoSuchTable"):
        from_json(json.dumps(data))


def test_a_version_1_file_reads() -> None:
    """A file in format version 1 (written by hand to the documented format) keeps reading."""
    report = from_json(V1_FIXTURE.read_bytes())
    assert report.document.text == "一、总体情况\n\t3\n\t无\n"
    assert report.metadata.year == 2021
    assert report.metadata.published is not None
    assert report.metadata.published.isoformat() == "2022-01-20"
    assert report.applications is not None
    count, none = report.applications.cells
    assert count.value == Value(ValueKind.COUNT, "3", 3, None, Span(9, 10, 2, 2))
    assert none.value.kind is ValueKind.NONE
    assert none.value.number is None
    assert report.disclosure is None


def _v1() -> dict[str, object]:
    data: dict[str, object] = json.loads(V1_FIXTURE.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format_version": FORMAT_VERSION + 1}, "newer"),
        ({"format_version": None}, "format_version"),
        ({"format_version": "1"}, "format_version"),
        ({"era": "1999"}, "not a report"),
        ({"surprise": 1}, "not a report"),
        ({"text": 5}, "not a report"),
        ({"metadata": {"year": "2021"}}, "not a report"),
        ({"metadata": {"year": True}}, "not a report"),
        ({"metadata": {"year": 1800}}, "not a report"),
        ({"metadata": {"published": "2021-13-01"}}, "not a report"),
    ],
)
def test_bad_data_is_one_library_error(change: dict[str, object], message: str) -> None:
    data = {**_v1(), **change}
    with pytest.raises(SerializationError, match=message):
        from_json(json.dumps(data))


@pytest.mark.parametrize(
    "number",
    [True, 3.0, "3x", "NaN", "Infinity", None],
)
def test_a_count_number_must_be_an_integer(number: object) -> None:
    data = _v1()
    cell = data["applications"]["cells"][0]  # type: ignore[index]
    cell["value"]["number"] = number
    with pytest.raises(SerializationError):
        from_json(json.dumps(data))


@pytest.mark.parametrize("span", [[1, 2, 3], [1, 2, 3, "4"], [5, 2, 1, 1], {"start": 1}])
def test_a_span_is_four_integers(span: object) -> None:
    data = _v1()
    cell = data["applications"]["cells"][0]  # type: ignore[index]
    cell["value"]["span"] = span
    with pytest.raises(SerializationError):
        from_json(json.dumps(data))


@pytest.mark.parametrize("text", ["", "{", "[]", "null", b"\xff"])
def test_not_a_report_object(text: str | bytes) -> None:
    with pytest.raises(SerializationError):
        from_json(text)


def test_findings_json_errors() -> None:
    with pytest.raises(SerializationError):
        findings_from_json("[]")
    with pytest.raises(SerializationError, match="newer"):
        findings_from_json(json.dumps({"format_version": 99, "findings": []}))
    with pytest.raises(SerializationError):
        findings_from_json(json.dumps({"format_version": 1, "findings": [{"code": 1}]}))


def test_findings_of_a_seed_round_trip() -> None:
    found: list[Finding] = []
    for path in SEED_PATHS:
        found.extend(opengov_report.check(opengov_report.parse(path)))
    assert findings_from_json(findings_to_json(found)) == tuple(found)
