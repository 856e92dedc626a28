"""Mutation score of the core modules: how many small wrong changes the tests catch (by hand).

    .venv/bin/python benchmarks/mutation.py [--module NAME ...] [--children 1] [--workdir DIR]
        [--keep] [--diff] [--by-function] [--keep-killed-from DIR ...] [--no-run]
        [--only PATTERN ...]

Runs mutmut (``pip install mutmut``) on a copy of the repository made in a temporary directory
(or ``--workdir``), never on the work tree: the copy's pyproject.toml gets a ``[tool.mutmut]``
section naming the modules to mutate and the tests that exercise them, mutmut mutates those
modules and runs, for each mutant, the tests that cover the mutated function.  Prints the
surviving mutants (each a change no test notices: a missing test, or an equivalent change to
explain in docs/testing.md) and, last, the killed share.  ``--keep-killed-from`` takes the
results of earlier kept copies for the functions unchanged since and runs only the mutants
they did not kill (a long run can be done in parts); ``--no-run`` only adds them up.

Modules (``--module``, repeatable; all by default), what is mutated and the tests run:

- ``values``: src/opengov_report/model/values.py (reading a cell's text), tests/test_values.py
- ``decode``: src/opengov_report/source.py (bytes to text), tests/test_source.py and the
  decoding and bounded-resources fault tests
- ``glued``: src/opengov_report/recognize/glued.py (glued digit runs), tests/test_labels_glued.py,
  tests/test_stream_tables.py and the seed and corpus oracles (table 四 read from lines)
- ``identities``: the forms' identities and their evaluation: model/forms.py (the rows that
  add up), checks/applications.py and checks/reviews.py (rules A101–A105, R101), and in
  checks/arithmetic.py and checks/grid.py the functions that evaluate an identity (``holds``,
  ``compare``, ``_compare_read``, ``_number``, ``_sum``, ``GridIndex.holds``; not the
  message writers); tests/checks
- ``tables``: the table finder of text streams, recognize/stream.py and recognize/cell_runs.py;
  the stream, seed and corpus oracle tests
- ``headings``: heading levels in the lexer (``lexer/_levels.py``: ``heading_levels``,
  ``_misstyled_level``, ``assign_levels``; ``lexer/_numbering.py``: ``numbering``,
  ``_new_numbering``); the layout, seed-document and outline
  tests

A module given by functions has only those mutated (mutmut generates mutants for the whole
file and runs the ones named).  Prints the surviving mutants (each a change no test notices: a
missing test, or an equivalent change to explain in docs/testing.md), the killed share of each
module and, last, the killed share of all.

CPU: one mutmut child by default (``--children``); a module takes minutes, not seconds.  Run by
hand, not in CI.
"""

from __future__ import annotations

import argparse
import ast
import collections
import fnmatch
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent


class Module(NamedTuple):
    """What one ``--module`` mutates and the tests mutmut may run for it."""

    files: tuple[str, ...]
    tests: tuple[str, ...]
    #: the functions mutated (``name`` or ``Class.method``), every function of the files when
    #: empty; with more than one file, ``file.py:name``
    functions: tuple[str, ...] = ()
    #: files whose top-level functions are undecorated in the copy (see :func:`undecorate`)
    undecorated: tuple[str, ...] = ()


_CHECKS_TESTS = (
    "tests/checks/test_rule_cases.py",
    "tests/checks/test_rule_examples.py",
    "tests/checks/test_check_seeds.py",
    "tests/checks/test_catalogue.py",
    "tests/checks/test_identities.py",
)
_ORACLE_TESTS = (
    "tests/test_seed_oracles.py",
    "tests/test_corpus_oracles.py",
    "tests/test_corpus_expected.py",
)

#: not _denied_with_subtotal: it writes A104's examples, which are built when the module is
#: imported (the rule's arguments), before mutmut switches a mutant on
_APPLICATIONS_FUNCTIONS = (
    "_identities", "result_rows", "_columns", "applications_balance",
    "applications_results_total", "applications_row_total", "applications_group_subtotal",
    "applications_subtotal_column",
)  # fmt: skip
_STREAM_FUNCTIONS = (
    "Squashed.__init__", "Squashed._map", "Squashed.offset", "Squashed.end_offset",
    "Squashed.span", "read_stream_tables", "_era_sign", "_run_ends",
    "_segment", "_value_tokens", "_row_tokens", "_applications", "numbers_read", "_by_order",
    "_value_at", "_breaks", "_identities_hold", "_settle_by_columns", "_settle_jointly",
    "_with_all",
    "_with", "_known", "missing_reason", "_value_of", "_application_table", "_reviews",
    "_review_after",
)  # fmt: skip
_STREAM_LABELS_FUNCTIONS = ("fold", "_head", "find_label", "_extent", "nearest_label")
#: not _parser: mutmut leaves a decorated function alone (``@lru_cache``; it only builds the
#: parser from the grammar's text); _Fed.__init__ is ``pass``, with nothing to mutate
_TABLE_GRAMMAR_FUNCTIONS = (
    "terminal_of", "grammar_text", "_Fed.lex", "label_tokens", "parse_rows", "_feed",
)  # fmt: skip
#: not Token's properties (is_digits, is_blank, number) and RowReading.complete: mutmut leaves
#: decorated methods alone (``number`` is ``_number_of_text``, mutated here)
_CELL_RUNS_FUNCTIONS = (
    "tokens_of", "_tab_cells", "_number", "_sums_hold", "_is_grouped", "_number_of_text",
    "read_row", "_search", "number_of", "cell_of",
)  # fmt: skip

MODULES: dict[str, Module] = {
    "values": Module(("src/opengov_report/model/values.py",), ("tests/test_values.py",)),
    "decode": Module(
        ("src/opengov_report/source.py",),
        (
            "tests/test_source.py",
            "tests/faults/test_decoding.py",
            "tests/faults/test_bounded_resources.py",
        ),
    ),
    "glued": Module(
        ("src/opengov_report/recognize/glued.py",),
        (
            "tests/test_labels_glued.py",
            "tests/test_stream_tables.py",
            "tests/test_seed_oracles.py",
            "tests/test_corpus_oracles.py",
        ),
    ),
    "identities": Module(
        (
            "src/opengov_report/model/forms.py",
            "src/opengov_report/model/identities.py",
            "src/opengov_report/checks/applications.py",
            "src/opengov_report/checks/reviews.py",
            "src/opengov_report/checks/arithmetic.py",
            "src/opengov_report/checks/grid.py",
        ),
        _CHECKS_TESTS,
        # forms.py: its functions; the catalogue (the forms' rows and labels, their variants,
        # DISCLOSURE_COLUMN_VARIANTS, DISCLOSURE_ROW_LABELS_BY_FORMAT, …) is data made when the
        # module is imported, which mutmut does not mutate (only code inside functions)
        (
            "forms.py:*",
            "identities.py:*",
            *(f"applications.py:{function}" for function in _APPLICATIONS_FUNCTIONS),
            "reviews.py:*",
            "arithmetic.py:holds",
            "arithmetic.py:compare",
            "arithmetic.py:_compare_read",
            "arithmetic.py:_number",
            "arithmetic.py:_term_number",
            "arithmetic.py:_sum",
            "grid.py:GridIndex.holds",
        ),
        (
            "src/opengov_report/checks/applications.py",
            "src/opengov_report/checks/reviews.py",
        ),
    ),
    "tables": Module(
        (
            "src/opengov_report/recognize/stream.py",
            "src/opengov_report/recognize/stream_labels.py",
            "src/opengov_report/recognize/table_grammar.py",
            "src/opengov_report/recognize/cell_runs.py",
        ),
        (
            "tests/test_stream_tables.py",
            "tests/test_table_finder.py",
            "tests/test_table_grammar.py",
            *_ORACLE_TESTS,
        ),
        # not _labels, _numbering_forms and _heads: they run once, at import, before mutmut
        # switches a mutant on (the labels are made from the forms when the module loads)
        tuple(
            f"{file}:{function}"
            for file, functions in (
                ("stream.py", _STREAM_FUNCTIONS),
                ("stream_labels.py", _STREAM_LABELS_FUNCTIONS),
                ("table_grammar.py", _TABLE_GRAMMAR_FUNCTIONS),
                ("cell_runs.py", _CELL_RUNS_FUNCTIONS),
            )
            for function in functions
        ),
    ),
    "headings": Module(
        ("src/opengov_report/lexer/_levels.py", "src/opengov_report/lexer/_numbering.py"),
        (
            "tests/test_layouts.py",
            "tests/test_seeds_document.py",
            "tests/test_one_line_outline.py",
            "tests/test_heading_levels.py",
            "tests/test_heading_outline.py",
        ),
        (
            "_levels.py:heading_levels",
            "_levels.py:_misstyled_level",
            "_levels.py:assign_levels",
            "_numbering.py:numbering",
            "_numbering.py:_new_numbering",
        ),
    ),
}
#: what the tests read besides src and tests
_ALSO = ("examples", "grammars", "docs", "benchmarks")


def _dotted(path: str) -> str:
    """The module name of a source file (``src/a/b.py`` → ``a.b``)."""
    return path.removeprefix("src/").removesuffix(".py").replace("/", ".")


def _mangled(function: str) -> str:
    """mutmut's name for a function (``x_f``) or method (``xǁClassǁmethod``)."""
    if "." in function:
        cls, method = function.split(".")
        return f"x\u01c1{cls}\u01c1{method}"
    return "*" if function == "*" else f"x_{function}"


def patterns(name: str) -> list[str]:
    """The mutant names (fnmatch patterns) of module ``name``."""
    module = MODULES[name]
    if not module.functions:
        return [f"{_dotted(f)}.*" for f in module.files]
    out = []
    for spec in module.functions:
        file, _, function = spec.rpartition(":")
        paths = [f for f in module.files if not file or f.endswith("/" + file)]
        assert len(paths) == 1, spec
        out.append(f"{_dotted(paths[0])}.{_mangled(function)}__mutmut_*")
    return out


def undecorate(source: str) -> str:
    """``source`` with its decorated top-level functions written undecorated, each decorated
    by assignment at the end (``f = rule(...)(f)``, in the order of the definitions).

    mutmut does not mutate a decorated function (a rule registered by ``@rule``, a function
    memoised by ``@cache``); the same function decorated after its definition is mutated and
    behaves the same (a rule's registration moves to the end of its module, in order)."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    cut: list[tuple[int, int]] = []
    tail = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.decorator_list:
            first = node.decorator_list[0].lineno - 1  # the line of the first ``@``
            cut.append((first, node.lineno - 1))
            wrapped = node.name
            for decorator in reversed(node.decorator_list):
                wrapped = f"({ast.get_source_segment(source, decorator)})({wrapped})"
            tail.append(f"{node.name} = {wrapped}\n")
    for start, end in reversed(cut):
        del lines[start:end]
    return "".join(lines) + "\n\n" + "".join(tail)


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(json.dumps(i) for i in items) + "]"


def prepare(workdir: Path, modules: list[str]) -> None:
    """A copy of the repository in ``workdir`` with mutmut's configuration."""
    ignore = shutil.ignore_patterns("__pycache__", ".hypothesis", "mutants", "*.pyc")
    for name in ("src", "tests", *_ALSO):
        shutil.copytree(ROOT / name, workdir / name, ignore=ignore, symlinks=True)
    files = sorted({f for m in modules for f in MODULES[m].files})
    tests = sorted({t for m in modules for t in MODULES[m].tests if (ROOT / t).exists()})
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    config += (
        "\n[tool.mutmut]\n"
        'source_paths = ["src"]\n'
        f"only_mutate = {_toml_list(files)}\n"
        f"also_copy = {_toml_list(list(_ALSO))}\n"
        f"pytest_add_cli_args_test_selection = {_toml_list(tests)}\n"
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q"]\n'
        # a mutant that loops forever is stopped after 2 × (its tests' time + 10 s) of CPU
        # (mutmut's default, 15 × (time + 1 s), spends minutes on each such mutant; with less
        # than 10 s, the fixtures that read the corpus alone overran the limit)
        "timeout_multiplier = 2.0\n"
        "timeout_constant = 10.0\n"
    )
    (workdir / "pyproject.toml").write_text(config, encoding="utf-8")
    for file in sorted({f for m in modules for f in MODULES[m].undecorated}):
        path = workdir / file
        path.write_text(undecorate(path.read_text(encoding="utf-8")), encoding="utf-8")
    with (workdir / "tests" / "conftest.py").open("a", encoding="utf-8") as conftest:
        conftest.write(_CLEAR_CACHES)


#: appended to the copy's conftest: the library memoises (functools caches, ``_memo.Memo``
#: dicts), so a mutant in a memoised function would run only for the texts no earlier test had
#: read, and mutmut would map tests to functions wrongly; every test starts with empty caches
_CLEAR_CACHES = """

@pytest.fixture(autouse=True)
def _mutation_empty_caches() -> None:
    import sys as _sys

    from opengov_report._memo import Memo as _Memo

    for _name, _module in list(_sys.modules.items()):
        if _name.startswith("opengov_report"):
            for _obj in list(vars(_module).values()):
                if isinstance(_obj, _Memo):
                    _obj.clear()
                    continue
                if isinstance(_obj, type):  # a class (Memo itself): its cache_clear is unbound
                    continue
                _clear = getattr(_obj, "cache_clear", None)
                if callable(_clear):
                    _clear()
"""


def statuses(workdir: Path, names: list[str]) -> dict[str, str]:
    """The status of each mutant matching ``names`` (patterns) run in ``workdir``."""
    # mutmut is a tool run by hand, not a dependency of the benchmarks
    from mutmut.stats import status_by_exit_code  # noqa: PLC0415

    status: dict[str, str] = {}
    for meta in (workdir / "mutants").rglob("*.py.meta"):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        for key, code in codes.items():
            if any(fnmatch.fnmatchcase(key, p) for p in names):
                status[key] = status_by_exit_code[code]
    return status


def earlier_statuses(previous: list[Path], modules: list[str], names: list[str]) -> dict[str, str]:
    """What earlier runs (kept copies, oldest first) found, for the functions that have not
    changed since (mutants are numbered in their function: a changed function numbers them
    anew): a mutant killed in any run is killed (a test added since cannot bring it back),
    else the last status a run gave it."""
    now = {_dotted(f): _functions(_copied(ROOT / f, m)) for m in modules for f in MODULES[m].files}
    out: dict[str, str] = {}
    for workdir in previous:
        then = {
            module: _functions(_copied(workdir / f))
            for m in modules
            for f in MODULES[m].files
            if (workdir / f).is_file() and (module := _dotted(f))
        }
        for key, state in statuses(workdir, names).items():
            module, mangled = key.rsplit(".", 1)
            function = mangled.rsplit("__mutmut_", 1)[0]
            source = then.get(module, {}).get(function)
            if source is None or source != now.get(module, {}).get(function):
                continue
            if out.get(key) == "killed":
                continue
            if state != "not checked" or key not in out:
                out[key] = state
    return out


def _functions(source: str) -> dict[str, str]:
    """The source of each function and method, by mutmut's name (``x_f``, ``xǁCǁm``)."""
    tree = ast.parse(source)
    lines = source.splitlines()
    out = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            out[f"x_{node.name}"] = "\n".join(lines[node.lineno - 1 : node.end_lineno])
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    text = "\n".join(lines[item.lineno - 1 : item.end_lineno])
                    out[f"x\u01c1{node.name}\u01c1{item.name}"] = text
    return out


def _copied(path: Path, module: str | None = None) -> str:
    """The text of a source file as a copy holds it (undecorated where the module says)."""
    text = path.read_text(encoding="utf-8")
    if module is not None and any(path == ROOT / f for f in MODULES[module].undecorated):
        return undecorate(text)
    return text


def run(workdir: Path, children: int, names: list[str]) -> dict[str, str]:
    """Run mutmut in ``workdir`` on the mutants ``names`` (names or patterns); each mutant's
    status."""
    log = workdir / "mutmut-run.log"
    with log.open("w", encoding="utf-8") as out:
        subprocess.run(
            [sys.executable, "-m", "mutmut", "run", "--max-children", str(children), *names],
            cwd=workdir,
            check=False,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    status = statuses(workdir, names)
    if not status:
        print(log.read_text(encoding="utf-8")[-3000:])
    return status


def _show(workdir: Path, name: str) -> str:
    shown = subprocess.run(
        [sys.executable, "-m", "mutmut", "show", name],
        cwd=workdir,
        check=False,
        capture_output=True,
        text=True,
    )
    return shown.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", action="append", choices=sorted(MODULES))
    parser.add_argument("--children", type=int, default=1)
    parser.add_argument("--workdir", type=Path, help="where to copy the repository (kept)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary copy")
    parser.add_argument("--diff", action="store_true", help="print each survivor's diff")
    parser.add_argument("--by-function", action="store_true", help="counts of each function")
    parser.add_argument(
        "--keep-killed-from",
        type=Path,
        action="append",
        metavar="DIR",
        help="kept copies of earlier runs (repeatable): their killed mutants count as killed "
        "and are not run again",
    )
    parser.add_argument(
        "--no-run", action="store_true", help="only count what the earlier runs found"
    )
    parser.add_argument(
        "--only", action="append", metavar="PATTERN", help="run only the mutants named so"
    )
    args = parser.parse_args(argv)
    modules = args.module or list(MODULES)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="opengov-mutation-"))
    workdir.mkdir(parents=True, exist_ok=True)
    by_module = {m: patterns(m) for m in modules}
    if args.only:
        by_module = {
            m: [p for p in ps if any(fnmatch.fnmatchcase(p, o) for o in args.only)]
            for m, ps in by_module.items()
        }
    patterns_all = [p for ps in by_module.values() for p in ps]
    earlier = earlier_statuses(args.keep_killed_from or [], modules, patterns_all)
    if args.keep_killed_from:
        killed = sum(1 for state in earlier.values() if state == "killed")
        print(f"{killed} mutants killed in earlier runs are not run again")
    try:
        prepare(workdir, modules)
        if args.no_run:
            status = earlier
        elif args.keep_killed_from:
            # the others by name; every mutant of a function no earlier run has (as it is now)
            functions = {k.rsplit("__mutmut_", 1)[0] for k in earlier}
            modules_known = {k.rsplit(".", 1)[0] for k in earlier}
            todo = sorted(k for k, state in earlier.items() if state != "killed")
            todo += [
                p
                for p in patterns_all
                if (p.removesuffix("__mutmut_*") not in functions)
                if p.endswith("__mutmut_*") or p.rsplit(".", 1)[0] not in modules_known
            ]
            status = {**earlier, **(run(workdir, args.children, todo) if todo else {})}
        else:
            status = run(workdir, args.children, patterns_all)
        for key in sorted(k for k, s in status.items() if s != "killed"):
            print(f"{status[key]}: {key}")
            if args.diff and status[key] == "survived":
                print(_show(workdir, key))
    finally:
        if args.workdir is None and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"the copy is kept in {workdir}")
    if args.by_function:
        for function, counts in sorted(_by_function(status).items()):
            print(_line(function, counts))
    total = collections.Counter[str]()
    for module, pats in by_module.items():
        counts = collections.Counter(
            s for k, s in status.items() if any(fnmatch.fnmatchcase(k, p) for p in pats)
        )
        print(_line(module, counts))
        total += counts
    print(_line("all", total))
    killed, decided = _shares(total)
    print(f"killed share: {killed / decided:.1%}" if decided else "killed share: no mutant ran")
    return 0


def _by_function(status: dict[str, str]) -> dict[str, collections.Counter[str]]:
    """The statuses counted by mutated function (``module.function``)."""
    out: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for key, state in status.items():
        module, mangled = key.rsplit(".", 1)
        # x_function, or x, the separator, Class, the separator, method
        name = mangled.rsplit("__mutmut_", 1)[0][2:].replace("\u01c1", ".")
        out[f"{module.rsplit('.', 1)[1]}.{name}"][state] += 1
    return out


def _shares(counts: collections.Counter[str]) -> tuple[int, int]:
    """(killed, decided): a mutant that makes the tests run past their time limit (an endless
    loop) is killed too: the tests do not pass."""
    killed = counts["killed"] + counts["timeout"]
    return killed, killed + counts["survived"]


def _line(name: str, counts: collections.Counter[str]) -> str:
    killed, decided = _shares(counts)
    share = f"{killed / decided:.1%}" if decided else "-"
    timeouts = f", {counts['timeout']} by timeout" if counts["timeout"] else ""
    other = ", ".join(
        f"{n} {s}" for s, n in sorted(counts.items()) if s not in ("killed", "survived", "timeout")
    )
    return f"{name}: {share} killed ({killed} of {decided}{timeouts})" + (
        f"; not counted: {other}" if other else ""
    )


if __name__ == "__main__":
    raise SystemExit(main())
