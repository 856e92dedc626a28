"""Mutation score of the core modules: how many small wrong changes the tests catch (by hand).

    .venv/bin/python benchmarks/mutation.py [--module values|decode|glued ...] [--children 1]
        [--workdir DIR] [--keep]

Runs mutmut (``pip install mutmut``) on a copy of the repository made in a temporary directory
(or ``--workdir``), never on the work tree: the copy's pyproject.toml gets a ``[tool.mutmut]``
section naming the modules to mutate and the tests that exercise them, mutmut mutates those
modules and runs, for each mutant, the tests that cover the mutated function.  Prints the
surviving mutants (each a change no test notices: a missing test, or an equivalent change to
explain in docs/testing.md) and, last, the killed share.

Modules (``--module``, repeatable; all by default) and their tests:

- ``values``: src/opengov_report/model/values.py (reading a cell's text), tests/test_values.py
- ``decode``: src/opengov_report/source.py (bytes to text), tests/test_source.py
- ``glued``: src/opengov_report/recognize/glued.py (glued digit runs), tests/test_labels_glued.py
  and tests/test_stream_tables.py

CPU: one mutmut child by default (``--children``); a module takes minutes, not seconds.  Run by
hand, not in CI.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MODULES: dict[str, tuple[str, tuple[str, ...]]] = {
    "values": ("src/opengov_report/model/values.py", ("tests/test_values.py",)),
    "decode": ("src/opengov_report/source.py", ("tests/test_source.py",)),
    "glued": (
        "src/opengov_report/recognize/glued.py",
        ("tests/test_labels_glued.py", "tests/test_stream_tables.py"),
    ),
}
#: what the tests read besides src and tests
_ALSO = ("examples", "grammars", "docs", "benchmarks")


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(json.dumps(i) for i in items) + "]"


def prepare(workdir: Path, modules: list[str]) -> None:
    """A copy of the repository in ``workdir`` with mutmut's configuration."""
    ignore = shutil.ignore_patterns("__pycache__", ".hypothesis", "mutants", "*.pyc")
    for name in ("src", "tests", *_ALSO):
        shutil.copytree(ROOT / name, workdir / name, ignore=ignore, symlinks=True)
    files = [MODULES[m][0] for m in modules]
    tests = sorted({t for m in modules for t in MODULES[m][1]})
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    config += (
        "\n[tool.mutmut]\n"
        'source_paths = ["src"]\n'
        f"only_mutate = {_toml_list(files)}\n"
        f"also_copy = {_toml_list(list(_ALSO))}\n"
        f"pytest_add_cli_args_test_selection = {_toml_list(tests)}\n"
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q"]\n'
    )
    (workdir / "pyproject.toml").write_text(config, encoding="utf-8")
    with (workdir / "tests" / "conftest.py").open("a", encoding="utf-8") as conftest:
        conftest.write(_CLEAR_CACHES)


#: appended to the copy's conftest: the library memoises (Memo and functools caches, both with
#: ``cache_clear``), so a mutant in a memoised function would run only for the texts no earlier
#: test had read, and mutmut would map tests to functions wrongly; every test starts with empty
#: caches instead
_CLEAR_CACHES = """

@pytest.fixture(autouse=True)
def _mutation_empty_caches() -> None:
    import sys as _sys

    for _name, _module in list(_sys.modules.items()):
        if _name.startswith("opengov_report"):
            for _obj in list(vars(_module).values()):
                _clear = getattr(_obj, "cache_clear", None)
                if callable(_clear):
                    _clear()
"""


def run(workdir: Path, children: int) -> dict[str, int]:
    """Run mutmut in ``workdir``; its counts (killed, survived, …)."""
    mutmut = [sys.executable, "-m", "mutmut"]
    subprocess.run([*mutmut, "run", "--max-children", str(children)], cwd=workdir, check=False)
    subprocess.run([*mutmut, "export-cicd-stats"], cwd=workdir, check=True)
    stats: dict[str, int] = json.loads(
        (workdir / "mutants" / "mutmut-cicd-stats.json").read_text(encoding="utf-8")
    )
    survivors = subprocess.run(
        [*mutmut, "results"], cwd=workdir, check=False, capture_output=True, text=True
    )
    print(survivors.stdout, end="")
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", action="append", choices=sorted(MODULES))
    parser.add_argument("--children", type=int, default=1)
    parser.add_argument("--workdir", type=Path, help="where to copy the repository (kept)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary copy")
    args = parser.parse_args(argv)
    modules = args.module or sorted(MODULES)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="opengov-mutation-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        prepare(workdir, modules)
        stats = run(workdir, args.children)
    finally:
        if args.workdir is None and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"the copy is kept in {workdir}")
    killed = stats.get("killed", 0)
    survived = stats.get("survived", 0)
    decided = killed + survived
    print(
        f"{', '.join(modules)}: {killed} killed, {survived} survived, "
        f"{stats.get('total', decided) - decided} other (timeout, no tests, skipped, suspicious)"
    )
    print(f"killed share: {killed / decided:.1%}" if decided else "killed share: no mutant ran")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
