"""Shared fixtures: the seed reports and the synthetic layout fixtures."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest


def _leave_hypothesis_unrewritten() -> None:
    """pytest rewrites the asserts of every module of a package that provides a pytest plugin,
    hypothesis included; with the assertion-pass hook on (below), each of hypothesis's internal
    asserts would then call the hook and build its explanation (a fresh clone ran the
    strategies' tests 18 times slower) and count as an assertion of the test.  Unmark it
    before it is first imported (here, just below)."""
    for hook in sys.meta_path:
        marked = getattr(hook, "_must_rewrite", None)
        if isinstance(marked, set):
            marked -= {m for m in marked if m == "hypothesis" or m.startswith("_hypothesis")}


_leave_hypothesis_unrewritten()

from hypothesis import settings  # noqa: E402

# No timed assertions in the suite: hypothesis's per-example deadline is one, and it fails on a
# loaded machine for no fault of the code.
pytest_plugins = ("pytester",)

# The suite draws the same examples on every run (derandomize, no example database), so that
# CI on a clean clone runs what was run before a commit; HYPOTHESIS_PROFILE=explore draws new
# ones, to look for failures by hand (and then pin what it finds as an example or a test).
settings.register_profile("opengov", deadline=None, derandomize=True, database=None)
settings.register_profile("explore", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "opengov"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
CORPUS = ROOT / "examples" / "corpus"
DATA = Path(__file__).resolve().parent / "data"
LAYOUTS = DATA / "layouts"
#: the layout fixtures (each has its dump beside it, NAME.dump: tests/layout_dumps.py)
LAYOUT_PATHS = sorted(LAYOUTS.glob("*.txt"))

SEED_PATHS = sorted(SEEDS.glob("*.txt"))


def seed_ids() -> list[str]:
    return [p.name for p in SEED_PATHS]


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    """Every seed report's text, by file name."""
    assert SEED_PATHS, f"no seed reports found in {SEEDS}"
    return {p.name: p.read_text(encoding="utf-8") for p in SEED_PATHS}


# ------------------------------------------------------------------ every test asserts something
#
# A test that runs no assertion passes whatever the code does.  Each passing test must have run
# at least one: an ``assert`` statement that held (pytest's assertion-pass hook, on in
# pyproject.toml; asserts in the helper modules below count too), a ``pytest.raises`` or
# ``pytest.warns`` that caught what it expected, or an explicit ``assert_nothing_raised()`` for
# a test whose whole point is that a call does not raise.  A test without any fails.
#
# The hook only sees asserts that pytest rewrote with the hook on: rewritten modules are cached
# in __pycache__ under a name that does not say whether the hook was on, so a cache written
# before would silently skip the counting.  The cached name is changed here, before any test
# module is imported, so that those caches are never read.

import _pytest.assertion.rewrite as _rewrite  # noqa: E402

_rewrite.PYC_TAIL = _rewrite.PYC_TAIL.replace(".pyc", "-passhook.pyc")

pytest.register_assert_rewrite(
    "tests.checks.builders",
    "tests.checks.legacy_text",
    "tests.checks.texts",
    "tests.forms",
    "tests.oracles",
    "tests.strategies_model",
)

_assertions = [0]


def assert_nothing_raised() -> None:
    """Count, as an assertion, that what the test ran so far raised nothing (for tests whose
    point is that a call does not raise)."""
    _assertions[0] += 1


def pytest_assertion_pass(item: pytest.Item, lineno: int, orig: str, expl: str) -> None:
    # an assert of an installed package (pytest rewrites the modules of plugins such as
    # hypothesis's, whose asserts run inside a test) is not the test's
    frame: FrameType | None = sys._getframe(1)
    while frame is not None and any(p in frame.f_code.co_filename for p in _HOOK_MACHINERY):
        frame = frame.f_back
    if frame is not None and "site-packages" in frame.f_code.co_filename:
        return
    _assertions[0] += 1


_HOOK_MACHINERY = ("/_pytest/", "/pluggy/")


class _CountedRaises:
    """``pytest.raises``/``pytest.warns`` as a context manager, counting a caught exception."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def __enter__(self) -> Any:
        return self._inner.__enter__()

    def __exit__(self, *exc: Any) -> Any:
        suppressed = self._inner.__exit__(*exc)
        _assertions[0] += 1  # reached only when what was expected happened
        return suppressed

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def _counting(real: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(real)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        if hasattr(result, "__exit__"):
            return _CountedRaises(result)
        _assertions[0] += 1  # the callable form returns only when it raised as expected
        return result

    return wrapper


pytest.raises = _counting(pytest.raises)
pytest.warns = _counting(pytest.warns)


def pytest_configure(config: pytest.Config) -> None:
    if not config.getini("enable_assertion_pass_hook"):
        raise pytest.UsageError(
            "enable_assertion_pass_hook must be true (pyproject.toml): tests/conftest.py counts "
            "the assertions each test runs"
        )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    before = _assertions[0]
    result = yield
    if _assertions[0] == before:
        pytest.fail(
            f"{item.nodeid} ran no assertion: it would pass whatever the code does",
            pytrace=False,
        )
    return result
