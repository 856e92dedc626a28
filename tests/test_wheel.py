"""The built wheel works on its own: grammar shipped inside, console script installed."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS


@pytest.mark.slow
def test_wheel_installs_and_parses_a_seed(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("opengov_report-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        assert "opengov_report/grammars/report.lark" in names
        assert "opengov_report/py.typed" in names
        assert "opengov_report/serialize/report.schema.json" in names
        assert "opengov_report/serialize/findings.schema.json" in names
        shipped = zf.read("opengov_report/grammars/report.lark")
    assert shipped == (ROOT / "grammars" / "report.lark").read_bytes()

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
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
        cwd=tmp_path,
        text=True,
    )
    assert out.stdout.strip() == "3 市住建局2019年度政府信息公开工作年度报告"
    cli = subprocess.run(
        [str(env_dir / "bin" / "opengov-report"), "parse", str(seed)],
        check=True,
        capture_output=True,
        cwd=tmp_path,
        text=True,
    )
    assert "二、主动公开政府信息情况" in cli.stdout
    # the shipped schemas load, and a report's JSON reads back, without the optional extras
    exported = subprocess.run(
        [str(env_dir / "bin" / "opengov-report"), "export", str(seed)],
        check=True,
        capture_output=True,
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
        cwd=tmp_path,
        text=True,
    )
    assert missing.returncode == 2
    assert "opengov-report[parquet]" in missing.stderr
