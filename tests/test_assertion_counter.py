"""The conftest's rule: a passing test must have run an assertion (tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

PROBE = """
import pytest
from hypothesis import given, strategies as st

def test_runs_nothing():
    x = 1

def test_loops_over_nothing():
    for x in []:
        assert x

def test_asserts():
    assert 1 + 1 == 2

def test_raises_as_context():
    with pytest.raises(ZeroDivisionError):
        1 / 0

def test_raises_called():
    pytest.raises(ZeroDivisionError, lambda: 1 / 0)

def test_helper_asserts():
    from helper import check
    check(2)

@given(st.integers())
def test_property(n):
    assert n == n + 0

@given(st.integers())
def test_property_without_assert(n):
    n + 1
"""


def test_a_test_that_runs_no_assertion_fails(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nenable_assertion_pass_hook = true\n")
    conftest = (Path(__file__).parent / "conftest.py").read_text(encoding="utf-8")
    pytester.makeconftest(conftest.replace('"tests.forms",', '"tests.forms", "helper",'))
    pytester.makepyfile(helper="def check(n):\n    assert n > 1\n")
    pytester.makepyfile(test_probe=PROBE)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-rf")
    assert result.parseoutcomes() == {"passed": 5, "failed": 3}
    failed = {
        line.split("::")[1].split()[0] for line in result.outlines if line.startswith("FAILED")
    }
    assert failed == {
        "test_runs_nothing",
        "test_loops_over_nothing",
        "test_property_without_assert",
    }
