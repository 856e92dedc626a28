"""The built wheel works on its own: grammar shipped inside, console script installed.

No package index is needed: the wheel is built without build isolation by the hatchling this
environment has (the ``dev`` extra installs it), and installed with ``--no-index``, its
dependencies (attrs, cattrs, lark and theirs, no optional extra) made visible to the new
environment from this one.  Without hatchling the build needs an index, and the test says so.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import re
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tests.conftest import ROOT, SEEDS

#: the environment of every command run: the wheel's own, without a PYTHONPATH that would make
#: its interpreter import another tree's sources instead of the installed wheel
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


def _runtime_closure(name: str, seen: set[str]) -> None:
    """The distributions ``name`` needs at run time (no extras), ``name`` included."""
    key = re.sub(r"[-_.]+", "-", name).lower()
    if key in seen:
        return
    seen.add(key)
    for spec in importlib.metadata.requires(name) or []:
        req = Requirement(spec)
        if req.marker is None or req.marker.evaluate({"extra": ""}):
            _runtime_closure(req.name, seen)


def _dependencies_dir(target: Path) -> Path:
    """A directory holding (as links) the packages the wheel needs at run time, taken from
    this environment: what pip would have fetched from an index."""
    target.mkdir()
    needed: set[str] = set()
    _runtime_closure("opengov-report", needed)
    needed.discard("opengov-report")
    for name in sorted(needed):
        dist = importlib.metadata.distribution(name)
        tops = {
            Path(str(f)).parts[0]
            for f in dist.files or ()
            if not Path(str(f)).parts[0].endswith((".dist-info", ".data"))
            and not str(f).startswith("..")
            and Path(str(f)).parts[0] != "__pycache__"
        }
        for top in tops:
            source = Path(str(dist.locate_file(top)))
            if source.exists() and not (target / top).exists():
                (target / top).symlink_to(source)
    return target


@pytest.mark.slow
def test_wheel_installs_and_parses_a_seed(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    if importlib.util.find_spec("hatchling") is None:
        pytest.fail(
            "building the wheel without a package index needs hatchling in this environment "
            "(pip install -e '.[dev]' installs it); with an index, `python -m build --wheel` "
            "fetches it into an isolated environment",
            pytrace=False,
        )
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist),
         str(ROOT)],
        check=False,
        capture_output=True,
        env=_ENV,
        text=True,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = dist.glob("opengov_report-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        assert "opengov_report/grammars/report.lark" in names
        assert "opengov_report/grammars/tables.lark" in names
        assert "opengov_report/py.typed" in names
        assert "opengov_report/serialize/report.schema.json" in names
        assert "opengov_report/serialize/findings.schema.json" in names
        shipped = {
            g: zf.read(f"opengov_report/grammars/{g}") for g in ("report.lark", "tables.lark")
        }
    for name, data in shipped.items():
        assert data == (ROOT / "grammars" / name).read_bytes()

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    installed = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-index", "--no-deps", str(wheel)],
        check=False,
        capture_output=True,
        env=_ENV,
        text=True,
    )
    assert installed.returncode == 0, installed.stderr[-2000:]
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        env=_ENV,
        text=True,
    ).stdout.strip()
    deps = _dependencies_dir(tmp_path / "deps")
    (Path(site) / "opengov_report_test_deps.pth").write_text(f"{deps}\n", encoding="utf-8")
    where = subprocess.run(
        [str(python), "-c", "import opengov_report; print(opengov_report.__file__)"],
        check=True,
        capture_output=True,
        env=_ENV,
        cwd=tmp_path,
        text=True,
    )
    assert where.stdout.strip().startswith(site), "the wheel's copy is imported, not the tree"
    seed = SEEDS / "001_a3baca1bbb3e4ec8.txt"
    script = (
        "import sys, opengov_report;"
        "d = opengov_report.parse_document(open(sys.argv[1], 'rb').read());"
        "print(len(list(d.tables())), d.title)"
    )
    # run outside the repository so that nothing is imported from the source tree
    out = subprocess.run(
        [str(python), "-c", script, str(seed)],
        check=True,
        capture_output=True,
        env=_ENV,
        cwd=tmp_path,
        text=True,
    )
    assert out.stdout.strip() == "3 市住建局2019年度政府信息公开工作年度报告"
    cli = subprocess.run(
        [str(env_dir / "bin" / "opengov-report"), "parse", str(seed)],
        check=True,
        capture_output=True,
        env=_ENV,
        cwd=tmp_path,
        text=True,
    )
    assert "二、主动公开政府信息情况" in cli.stdout
    # the shipped schemas load, and a report's JSON reads back, without the optional extras
    exported = subprocess.run(
        [str(env_dir / "bin" / "opengov-report"), "export", str(seed)],
        check=True,
        capture_output=True,
        env=_ENV,
        cwd=tmp_path,
        text=True,
    )
    script = (
        "import sys, opengov_report as o;"
        "r = o.from_json(sys.stdin.read());"
        "s = o.json_schema(), o.json_schema('findings');"
        "print(r.era.value, s[0]['$schema'], len(s[1]['$defs']))"
    )
    out = subprocess.run(
        [str(python), "-c", script],
        input=exported.stdout,
        check=True,
        capture_output=True,
        env=_ENV,
        cwd=tmp_path,
        text=True,
    )
    era, dialect, _ = out.stdout.split()
    assert era == "2019"
    assert dialect == "https://json-schema.org/draft/2020-12/schema"
    missing = subprocess.run(
        [str(env_dir / "bin" / "opengov-report"), "export", "-f", "parquet", "-o", "x", str(seed)],
        check=False,
        capture_output=True,
        env=_ENV,
        cwd=tmp_path,
        text=True,
    )
    assert missing.returncode == 2
    assert "opengov-report[parquet]" in missing.stderr
