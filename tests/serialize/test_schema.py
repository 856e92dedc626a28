"""The JSON Schema: generated, shipped unchanged, and every report's JSON validates."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import opengov_report
from opengov_report import AnnualReport, Finding, findings_to_json, json_schema, to_json
from opengov_report.serialize.schema import (
    SCHEMA_FILE,
    SCHEMA_FILES,
    generate_schema,
    schema_texts,
)
from tests.conftest import DATA, ROOT, SEED_PATHS, seed_ids
from tests.strategies_model import findings, reports

V1_FIXTURE = DATA / "export" / "report-v1.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize(("kind", "name"), sorted(SCHEMA_FILES.items()))
def test_shipped_schema_is_what_the_generator_makes(kind: str, name: str) -> None:
    shipped = ROOT / "src" / "opengov_report" / "serialize" / name
    generated = schema_texts()[name]
    assert shipped.read_text(encoding="utf-8") == generated, (
        "the schema is out of date: run python -m opengov_report.serialize --write"
    )
    assert json_schema(kind) == json.loads(generated)  # type: ignore[arg-type]
    jsonschema.Draft202012Validator.check_schema(json_schema(kind))  # type: ignore[arg-type]
    assert json_schema() == json.loads(schema_texts()[SCHEMA_FILE])


def test_schema_is_draft_2020_12() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert {"Value", "TableCell", "Metadata", "DisclosureTable2019"} <= set(schema["$defs"])


@pytest.mark.parametrize("path", SEED_PATHS, ids=seed_ids())
def test_every_seed_validates(path: Path, validator: jsonschema.Draft202012Validator) -> None:
    errors = validator.iter_errors(json.loads(to_json(opengov_report.parse(path))))
    assert [e.message for e in errors] == []


@settings(max_examples=60, deadline=None)
@given(reports())
def test_generated_reports_validate(report: AnnualReport) -> None:
    schema = json_schema()
    errors = jsonschema.Draft202012Validator(schema).iter_errors(json.loads(to_json(report)))
    assert [e.message for e in errors] == []


def _set(data: dict[str, Any], path: tuple[str | int, ...], value: object) -> dict[str, Any]:
    out = copy.deepcopy(data)
    node: Any = out
    for key in path[:-1]:
        node = node[key]
    if value is _DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return out


_DELETE = object()
_CELL = ("applications", "cells", 0)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("text",), _DELETE),
        (("format_version",), _DELETE),
        (("format_version",), 2),
        (("era",), "1999"),
        (("surprise",), 1),
        (("metadata", "year"), "2021"),
        ((*_CELL, "value", "kind"), "zeroish"),
        ((*_CELL, "value", "number"), 3.5),
        ((*_CELL, "value", "number"), "3x"),
        ((*_CELL, "value", "span"), [1, 2, 3]),
        ((*_CELL, "value", "span"), [1, 2, 3, 0]),
        ((*_CELL, "recovered"), "yes"),
        ((*_CELL, "row"), _DELETE),
        (("applications", "type"), "ApplicationTable"),
        (("disclosure",), {"cells": []}),
        (("disclosure",), {"type": "Nope", "cells": []}),
    ],
)
def test_schema_rejects_what_the_reader_rejects(
    path: tuple[str | int, ...], value: object, validator: jsonschema.Draft202012Validator
) -> None:
    good = json.loads(V1_FIXTURE.read_text(encoding="utf-8"))
    validator.validate(good)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(_set(good, path, value))
    with pytest.raises(opengov_report.SerializationError):
        opengov_report.from_json(json.dumps(_set(good, path, value)))


def test_a_tagged_disclosure_validates(validator: jsonschema.Draft202012Validator) -> None:
    good = json.loads(V1_FIXTURE.read_text(encoding="utf-8"))
    for name in ("DisclosureTable2019", "DisclosureTable2021"):
        data = _set(good, ("disclosure",), {"type": name, "cells": []})
        validator.validate(data)
        assert type(opengov_report.from_json(json.dumps(data)).disclosure).__name__ == name


@settings(max_examples=40, deadline=None)
@given(st.lists(findings, max_size=4))
def test_generated_findings_validate(found: list[Finding]) -> None:
    validator = jsonschema.Draft202012Validator(json_schema("findings"))
    data = json.loads(findings_to_json(found))
    validator.validate(data)
    if found:
        data["findings"][0]["severity"] = "fatal"
        with pytest.raises(jsonschema.ValidationError):
            validator.validate(data)


def test_findings_of_the_seeds_validate() -> None:
    validator = jsonschema.Draft202012Validator(json_schema("findings"))
    found = [f for p in SEED_PATHS for f in opengov_report.check(opengov_report.parse(p))]
    assert found
    validator.validate(json.loads(findings_to_json(found)))


def test_unknown_schema_kind() -> None:
    with pytest.raises(ValueError, match="findings"):
        json_schema("figures")  # type: ignore[arg-type]


def test_generator_refuses_unknown_types() -> None:
    import attrs

    @attrs.frozen
    class Odd:
        x: complex

    with pytest.raises(TypeError, match="complex"):
        generate_schema(Odd)
