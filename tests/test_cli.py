"""The command line: outline, JSON, standard input, errors and exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from opengov_report.cli import main
from tests.conftest import SEEDS

SEED = SEEDS / "004_9e680528c2d3989d.txt"


def test_parse_prints_outline(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "era: 2019"
    assert "title: 周村区人民政府2020年政府信息公开工作年度报告" in out
    assert "published: 2021-02-19" in out
    assert "signatory: 周村区人民政府" in out
    assert "一、总体情况" in out
    assert "  （1）主动公开工作情况" in out
    assert "    1、推进决策公开。" in out
    assert "5、存在的主要问题及改进情况  [misstyled]" in out
    tables = [line for line in out if "table:" in line]
    assert len(tables) == 3
    assert "26 rows × 10 columns (cells)" in tables[1]


def test_parse_json_is_the_tree(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--json", str(SEED)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["source"] == str(SEED)
    doc = record["document"]
    assert doc["type"] == "Document"
    first = doc["children"][0]
    assert first["type"] in {"Paragraph", "Blank", "Section"}

    def texts(node: object) -> list[str]:
        if isinstance(node, dict):
            if "text" in node and node["type"] != "Section":
                return [node["text"]]
            out: list[str] = []
            for key, value in node.items():
                if key != "type":
                    out.extend(texts(value))
            return out
        if isinstance(node, list):
            return [t for item in node for t in texts(item)]
        return []

    assert "".join(texts(doc)) == SEED.read_text(encoding="utf-8")


def test_unreadable_file_is_reported_and_others_go_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "bad.txt"
    binary.write_bytes(b"\x00\x01\x02")
    status = main(["parse", str(tmp_path / "missing.txt"), str(binary), str(SEED)])
    captured = capsys.readouterr()
    assert status == 2
    *errors, summary = captured.err.strip().splitlines()
    assert len(errors) == 2
    assert summary.startswith("opengov-report: 3 files, ")
    assert summary.endswith(": 1 read, 2 failed")
    assert errors[0].startswith("opengov-report: ") and "missing.txt" in errors[0]
    assert "bad.txt" in errors[1] and "NUL" in errors[1]
    assert f"==> {SEED} <==" in captured.out


def test_usage_error_exits_2() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["parse"])
    assert exc.value.code == 2


def test_stdin_and_python_dash_m_behave_the_same() -> None:
    data = SEED.read_bytes()
    via_m = subprocess.run(
        [sys.executable, "-m", "opengov_report", "parse", "-"],
        input=data,
        capture_output=True,
        check=True,
    )
    via_main = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from opengov_report.cli import main; "
            "sys.exit(main(['parse', sys.argv[1]]))",
            str(SEED),
        ],
        capture_output=True,
        check=True,
    )
    assert via_m.stdout == via_main.stdout
    assert via_m.stdout.decode("utf-8").startswith("era: 2019\ntitle: 周村区人民政府")
