"""The runnable example of docs/testing.md passes, as a downstream suite would run it."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from types import ModuleType

import pytest

import opengov_report
from tests.conftest import ROOT

EXAMPLE = ROOT / "docs" / "examples" / "test_downstream_example.py"


def _load() -> ModuleType:
    """Import the example by its name, with pytest's assertion rewriting (its asserts then
    count as the assertions of the tests that run it: see tests/conftest.py)."""
    if not EXAMPLE.is_file():
        raise FileNotFoundError(f"the docs example is missing: {EXAMPLE}")
    pytest.register_assert_rewrite(EXAMPLE.stem)
    sys.path.insert(0, str(EXAMPLE.parent))
    try:
        return importlib.import_module(EXAMPLE.stem)
    finally:
        sys.path.remove(str(EXAMPLE.parent))


_MODULE = _load()
_TESTS: dict[str, Callable[[], None]] = {
    name: getattr(_MODULE, name) for name in dir(_MODULE) if name.startswith("test_")
}


def test_the_example_has_tests() -> None:
    assert len(_TESTS) >= 4


@pytest.mark.parametrize("name", sorted(_TESTS))
def test_example_passes(name: str) -> None:
    _TESTS[name]()


def test_the_example_code_under_test_reads_blank_as_unknown() -> None:
    text = (
        "某局2021年政府信息公开工作年度报告\n"
        "三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t\n"
    )
    report = opengov_report.parse(text)
    assert report.applications is not None
    assert report.applications.cell("new_received", "natural_person") is not None
    assert _MODULE.new_applications(report) is None  # the 总计 cell is blank: unknown
