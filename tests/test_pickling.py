"""Pickling of the model's small classes (``_pickling.pickled_by_fields``): what a batch sends
between processes must come back equal, of the same class, and still validated."""

from __future__ import annotations

import copy
import pickle

import attrs
import pytest
from hypothesis import given, settings

from opengov_report import Location, Span, check
from opengov_report._pickling import pickled_by_fields
from opengov_report.batch import Source
from opengov_report.batch.worker import Options, process_source
from opengov_report.model.report import AnnualReport
from opengov_report.model.values import Value, ValueKind
from opengov_report.strategies import inconsistent_reports
from tests.conftest import SEED_PATHS


@settings(max_examples=40)
@given(inconsistent_reports())
def test_tables_figures_and_findings_come_back_equal(
    drawn: tuple[AnnualReport, frozenset[str]],
) -> None:
    report = drawn[0]
    for value in (report.without_document(), report.figures(), tuple(check(report))):
        back = pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == value
        assert copy.deepcopy(value) == value


@pytest.mark.parametrize("seed", SEED_PATHS, ids=lambda p: p.name[:3])
def test_a_batch_result_of_each_seed_comes_back_equal(seed: object) -> None:
    result = process_source(Source(name=str(seed), path=str(seed)), Options(keep_tables=True))
    back = pickle.loads(pickle.dumps(result))
    assert back == result
    assert back.report == result.report
    assert [type(f) for f in back.findings] == [type(f) for f in result.findings]


def test_unpickling_calls_the_constructor() -> None:
    """A value is pickled as its class and fields and rebuilt by its constructor, so its
    validators run again: a damaged pickle cannot make an invalid span."""
    span = Span(0, 1, 1, 1)
    assert span.__reduce__() == (Span, (0, 1, 1, 1))
    value = Value(ValueKind.COUNT, "3", 3, None, span)
    assert value.__reduce__() == (Value, (ValueKind.COUNT, "3", 3, None, span))

    class Damaged:
        def __reduce__(self) -> tuple[type[Span], tuple[int, ...]]:
            return Span, (5, 1, 1, 1)  # ends before it starts

    with pytest.raises(ValueError, match="invalid span"):
        pickle.loads(pickle.dumps(Damaged()))


def test_only_classes_that_their_fields_rebuild() -> None:
    @attrs.frozen(slots=True)
    class Converted:
        a: int = attrs.field(converter=int)
        b: int = 0

    @attrs.frozen(slots=True)
    class Hidden:
        a: int
        b: int = attrs.field(init=False, default=0)

    for cls in (Converted, Hidden):
        with pytest.raises(TypeError):
            pickled_by_fields(cls)
    loc = Location(table="t", row="r", column="c", label="l", span=Span(0, 1, 1, 1))
    assert pickle.loads(pickle.dumps(loc)) == loc
