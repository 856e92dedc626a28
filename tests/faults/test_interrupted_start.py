"""Ctrl-C at any point of the command line's run, its start included (the library's modules
loading), ends it quietly with exit status 130 (issue 16, item 1).

The interrupt is a real SIGINT, sent by the process to itself at a chosen moment, with no
timing: an import hook sends it when the named module is about to be imported, and Python
raises ``KeyboardInterrupt`` there, inside that import, as it would for a Ctrl-C at that
instant.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED_PATHS

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

_HOOK = """\
import os, signal, sys

class _InterruptAt:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, _InterruptAt())
"""


def _console_script() -> str:
    """What the installed ``opengov-report`` script runs (as pip writes it), read from the
    project's entry point."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    module, function = project["project"]["scripts"]["opengov-report"].split(":")
    return f"import sys\nfrom {module} import {function}\nsys.exit({function}())\n"


def _run(
    module: str, argv: list[str], *, as_module: bool = False
) -> subprocess.CompletedProcess[str]:
    hook = _HOOK.format(module=module)
    if as_module:  # python -m opengov_report
        code = hook + "import runpy\nrunpy.run_module('opengov_report', run_name='__main__')\n"
    else:
        code = hook + _console_script()
    return subprocess.run(
        [sys.executable, "-c", code, *argv],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")),
        timeout=120,
        check=False,
    )


#: modules the command line loads after its own small module, in its start (the commands,
#: the library, its dependencies) and in its run (lxml for an HTML page)
START = (
    "opengov_report.cli.commands",
    "opengov_report.cli.check_cmd",
    "attrs",
    "lark",
    "opengov_report.lexer",
    "opengov_report.checks",
    "opengov_report.batch",
)


@pytest.mark.parametrize("module", START)
def test_ctrl_c_while_the_command_line_loads_ends_quietly_with_130(module: str) -> None:
    done = _run(module, ["check", "-q", str(SEED_PATHS[-1])])
    assert (done.returncode, done.stdout, done.stderr) == (130, "", "")


@pytest.mark.parametrize("module", ["opengov_report.cli.commands", "lark"])
def test_ctrl_c_while_python_m_loads_ends_quietly_with_130(module: str) -> None:
    done = _run(module, ["check", "-q", str(SEED_PATHS[-1])], as_module=True)
    assert (done.returncode, done.stdout, done.stderr) == (130, "", "")


def test_ctrl_c_while_a_reader_loads_ends_quietly_with_130(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>一、总体情况</p></body></html>", encoding="utf-8")
    done = _run("lxml.html", ["parse", "-q", str(page)])
    assert (done.returncode, done.stdout, done.stderr) == (130, "", "")


def test_without_an_interrupt_the_same_run_succeeds() -> None:
    """The hook itself changes nothing: a module never imported, a normal run."""
    done = _run("no.such.module", ["check", "-q", str(SEED_PATHS[-1])])
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout
