"""The package's public names, loaded on first use, are what an eager import would give."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys

import pytest

import opengov_report
from tests.conftest import ROOT

INIT = ROOT / "src" / "opengov_report" / "__init__.py"


def _type_checking_imports() -> dict[str, str]:
    """The names the ``if TYPE_CHECKING:`` block imports, and the submodule of each."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
        and any(isinstance(n, ast.ImportFrom) and n.level == 1 for n in node.body)
    )
    names: dict[str, str] = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom)
        for alias in node.names:
            names[alias.asname or alias.name] = node.module or ""
    return names


def test_the_lazy_table_is_the_type_checkers_imports_and_all() -> None:
    table = opengov_report._PUBLIC
    assert table == _type_checking_imports()
    assert sorted([*table, "__version__"]) == sorted(opengov_report.__all__)


def test_every_public_name_is_the_object_of_its_submodule() -> None:
    for name, module in opengov_report._PUBLIC.items():
        value = getattr(opengov_report, name)
        if module:
            expected = getattr(importlib.import_module(f"opengov_report.{module}"), name)
        else:
            expected = importlib.import_module(f"opengov_report.{name}")
        assert value is expected, name


def test_parse_and_render_stay_functions_whatever_is_imported_first() -> None:
    """The modules that hold ``parse_document`` and ``render`` (``_parse``, ``_render``) do not
    hide the functions ``parse`` and ``render``, in a process that imports them before it
    reads the names."""
    code = (
        "import opengov_report, opengov_report._parse, opengov_report._render\n"
        "from opengov_report import parse_document\n"
        "import opengov_report.cli.commands\n"
        "print(opengov_report.parse.__module__, opengov_report.render.__module__,"
        " callable(opengov_report.parse), callable(opengov_report.render))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT / "src")},
    )
    assert done.stdout.split() == [
        "opengov_report.report",
        "opengov_report._render",
        "True",
        "True",
    ]


def test_importing_the_package_loads_none_of_the_library() -> None:
    code = (
        "import sys, opengov_report, opengov_report.cli\n"
        "print(sorted(m for m in sys.modules if m.startswith('opengov_report')))\n"
        "print(sorted(m for m in ('attrs', 'lark', 'cattrs', 'typing') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT / "src")},
    )
    assert done.stdout.splitlines() == ["['opengov_report', 'opengov_report.cli']", "[]"]


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'no_such_name'"):
        getattr(opengov_report, "no_such_name")  # noqa: B009 (a name unknown to mypy)
    assert "parse" in dir(opengov_report)
