"""The public strategies: valid models by construction, consistent ones that the checks
accept, broken ones whose planted violations they find, and noisy texts that parse back."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import entry_points
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengov_report import (
    AnnualReport,
    ApplicationTable,
    DisclosureTable2019,
    Era,
    LegacyTable,
    Severity,
    TableLayout,
    Value,
    ValueKind,
    check,
    parse,
)
from opengov_report._render import LAYOUTS
from opengov_report.checks.arithmetic import Status, Term, compare
from opengov_report.checks.finding import Location
from opengov_report.strategies import (
    application_tables,
    disclosure_tables,
    inconsistent_reports,
    legacy_tables,
    report_content,
    report_texts,
    reports,
    review_tables,
    values,
)

_BLANK_LIKE = {ValueKind.BLANK, ValueKind.NONE, ValueKind.DASH}


@settings(max_examples=60, deadline=None)
@given(reports())
def test_consistent_reports_give_no_errors(report: AnnualReport) -> None:
    errors = [f for f in check(report) if f.severity is Severity.ERROR]
    assert errors == []


@settings(max_examples=60, deadline=None)
@given(inconsistent_reports())
def test_checks_find_every_planted_violation(case: tuple[AnnualReport, frozenset[str]]) -> None:
    report, codes = case
    assert codes
    assert codes <= {"A101", "A102", "A103", "A104", "A105", "R101", "V104", "D203", "L101"}
    errors = {f.code for f in check(report) if f.severity is Severity.ERROR}
    # every planted violation is found, and nothing else is an error
    assert errors == codes


@settings(max_examples=40, deadline=None)
@given(report_texts())
def test_noisy_texts_parse_to_their_report(case: tuple[str, AnnualReport]) -> None:
    text, expected = case
    assert report_content(parse(text)) == report_content(expected)


@settings(max_examples=30, deadline=None)
@given(report_texts(noise=True))
def test_noise_is_really_there(case: tuple[str, AnnualReport]) -> None:
    # the noisy text still carries every figure, written as the model says
    text, expected = case
    report = parse(text)
    assert report.document.text == text
    assert len(report.figures()) == len(expected.figures())


@settings(max_examples=40, deadline=None)
@given(application_tables(consistent=True))
def test_blank_cells_only_stand_for_zero(table: ApplicationTable) -> None:
    # blank, 无 and —— appear, but a consistent table holds when they are read as 0
    for f in table.figures():
        assert f.value.kind in _BLANK_LIKE | {ValueKind.COUNT, ValueKind.ZERO}
    rows = set(table.row_ids)
    people = [c for c in table.column_ids if c not in ("total", "legal_entity_subtotal")]
    for row in rows:
        terms = [_term(table.cell(row, c)) for c in people]
        outcome = compare([_term(table.cell(row, "total"))], terms)
        assert outcome.status is not Status.MISMATCH
        assert outcome.status is not Status.SIDE_BLANK


def _term(value: Value | None) -> Term:
    return Term(value, Location(None, None, None, ""))


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_generated_tables_are_valid_models(data: st.DataObject) -> None:
    era = data.draw(st.sampled_from([Era.V2019, Era.V2021]))
    applications = data.draw(application_tables(era=era, consistent=False, subtotals=False))
    assert applications.era is era
    assert ("other" in applications.row_ids) is (era is Era.V2019)
    assert len(applications.cells) == len(applications.row_ids) * 7
    added = data.draw(application_tables(era=era, subtotals=True))
    assert "legal_entity_subtotal" in added.column_ids
    assert {"denied", "unable", "not_processed", "other"} <= set(added.row_ids)
    assert added.row_ids.index("denied") + 1 == added.row_ids.index("denied.state_secret")
    disclosure = data.draw(disclosure_tables(era=era))
    assert disclosure.era is era
    reviews = data.draw(review_tables())
    assert len(reviews.cells) == 15
    assert any(not c.value.is_blank for c in reviews.cells)
    legacy = data.draw(legacy_tables())
    assert legacy.rows
    assert all(r.path[-1] == r.id for r in legacy.rows)


@settings(max_examples=60, deadline=None)
@given(values())
def test_values_are_what_the_reader_makes_of_their_text(value: Value) -> None:
    from opengov_report import parse_value

    assert parse_value(value.raw) == value


@settings(max_examples=30, deadline=None)
@given(values(kinds=[ValueKind.AMOUNT]))
def test_values_of_one_kind(value: Value) -> None:
    assert value.kind is ValueKind.AMOUNT


@settings(max_examples=20, deadline=None)
@given(
    st.from_type(AnnualReport),
    st.from_type(ApplicationTable),
    st.from_type(LegacyTable),
    st.from_type(DisclosureTable2019),
    st.from_type(Value),
)
def test_model_types_resolve_from_type(
    report: AnnualReport,
    applications: ApplicationTable,
    legacy: LegacyTable,
    disclosure: DisclosureTable2019,
    value: Value,
) -> None:
    assert report.era in (Era.V2019, Era.V2021, Era.LEGACY)
    assert applications.row_ids[0] == "new_received"
    assert legacy.rows
    # a 2019 table holds the 2019 form's columns only (its era property is constant: no test)
    columns_2019 = {"new_made", "new_published", "total_published", "previous_items", "change",
                    "decisions", "items", "amount"}  # fmt: skip
    assert {c.column for c in disclosure.cells} <= columns_2019
    assert disclosure.cells
    # a value drawn from its type is one the reader makes of its own text
    from opengov_report import parse_value

    assert parse_value(value.raw) == value


def test_the_plugin_entry_point_is_installed() -> None:
    found = [e.value for e in entry_points(group="hypothesis")]
    assert "opengov_report.strategies._plugin:_hypothesis_setup_hook" in found


@pytest.mark.filterwarnings("ignore:Generating overly large repr")
def test_shrinking_gives_a_small_table() -> None:
    from hypothesis import find

    smallest = find(
        application_tables(era=Era.V2021),
        lambda t: any(f.value.kind is ValueKind.COUNT for f in t.figures()),
        settings=settings(max_examples=200, database=None),
    )
    written = [f for f in smallest.figures() if f.value.raw != "0"]
    # one application in one column, and the totals it makes: four 1s, every other cell 0
    assert [f.value.raw for f in written] == ["1"] * 4
    assert {f.column for f in written} <= {"total", *{f.column for f in written[:1]}}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_is_drawn(layout: str) -> None:
    @settings(max_examples=5, deadline=None)
    @given(report_texts(layout=layout, noise=False))  # type: ignore[arg-type]
    def run(case: tuple[str, AnnualReport]) -> None:
        text, expected = case
        report = parse(text)
        kind = {"cells": TableLayout.CELLS, "tsv": TableLayout.TSV, "markdown": TableLayout.PIPE}
        # every table is in the drawn layout; a report drawn without tables has none
        want = {kind[layout]} if expected.tables else set()
        assert {t.layout for t in report.document.tables()} == want
        assert report_content(report) == report_content(expected)

    run()


def test_importing_the_package_does_not_import_hypothesis() -> None:
    code = "import sys, opengov_report; print('hypothesis' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_missing_hypothesis_is_a_clear_error() -> None:
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "try:\n    import opengov_report.strategies\n"
        "except Exception as e:\n    print(type(e).__name__, e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("OpenGovReportError")
    assert "pip install hypothesis" in out.stdout


def test_every_kind_of_noise_at_once() -> None:
    import attrs

    from opengov_report import Metadata, NoiseKind, NumberingAnomaly
    from opengov_report._render import Style, render_styled
    from tests.conftest import SEED_PATHS

    title = "某市人民政府2020年政府信息公开工作年度报告"
    original = parse(SEED_PATHS[1])  # seed 001, a 2019 report with blank cells
    report = attrs.evolve(original, metadata=Metadata(title, "某市人民政府", 2020))
    style = Style(
        newline="\r\n",
        title_split=6,
        spaced_labels=True,
        wrap_heads=True,
        blank="\u00a0",
        heading_indent="\u3000\u3000",
        misstyled=frozenset({4, 5}),
        page_number=3,
        bookmark=True,
        table_page_number=7,
        stock_prose=True,
    )
    text = render_styled(report, "cells", style)
    for sign in ("\r\n", "某市人民政府\r\n2020年", "\t本年新\r\n制作数量", "\t法人或\r\n其他组织", "\t未经复\r\n议直接起诉", "\t\u00a0\r\n", "四．", "5、",
                 "\r\n- 3 -\r\n", "\r\n\r\n- 7 -\r\n\t", "[bookmark: _GoBack]", "\t1.属于 国家秘\u3000密"):  # fmt: skip
        assert sign in text, sign
    again = parse(text)
    assert report_content(again) == report_content(report)
    kinds = {n.kind for n in again.document.leaves() if hasattr(n, "kind")}
    assert {NoiseKind.PAGE_NUMBER, NoiseKind.BOOKMARK} <= kinds
    anomalies = [h.anomaly for h in again.document.headings() if h.level == 1]
    assert anomalies.count(NumberingAnomaly.MISSTYLED) == 2


@pytest.mark.parametrize(
    ("strategy", "message"),
    [
        (lambda: application_tables(era=Era.LEGACY), "application_tables(era=<Era.LEGACY"),
        (lambda: disclosure_tables(era=Era.UNKNOWN), "use None or one of Era.V2021, Era.V2019"),
        (lambda: reports(era=Era.UNKNOWN), "reports(era="),
        (lambda: review_tables(max_count=0), "max_count=0): must be at least 1"),
        (lambda: values(kinds=[]), "needs at least one kind"),
        (lambda: report_texts(layout="html"), "report_texts(layout='html')"),  # type: ignore[arg-type]
    ],
)
def test_arguments_a_strategy_cannot_honour(strategy: Any, message: str) -> None:
    from hypothesis import find
    from hypothesis.errors import InvalidArgument

    from opengov_report import OpenGovReportError
    from opengov_report.strategies import StrategyArgumentError

    with pytest.raises(StrategyArgumentError, match=re.escape(message)) as info:
        find(strategy(), lambda _: True)
    assert isinstance(info.value, OpenGovReportError)
    assert isinstance(info.value, InvalidArgument)
