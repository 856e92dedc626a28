"""``opengov-report check`` and ``opengov-report rules``."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opengov_report import AnnualReport, check, check_corpus, json_schema, parse
from opengov_report.cli import main
from opengov_report.cli.check_cmd import _JsonDocument
from opengov_report.serialize import findings_from_json, findings_to_json
from opengov_report.strategies import inconsistent_reports
from tests.conftest import SEEDS

from .texts import consistent_grid, report_text


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    bad = consistent_grid()
    bad["granted"]["total"] = "9"
    _write(tmp_path, "good.txt", report_text())
    sub = tmp_path / "sub"
    sub.mkdir()
    _write(sub, "bad.txt", report_text(applications=bad, agency="另一局"))
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")  # not a report file
    return tmp_path


def test_check_folder_prints_ruff_like_lines_and_exits_1(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(corpus)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out, "findings expected"
    bad = str(corpus / "sub" / "bad.txt")
    for line in out:
        path, line_no, col, rest = line.split(":", 3)
        assert path == bad
        assert int(line_no) >= 1 and int(col) >= 1
        assert rest.split()[0] in {"A102", "A103"}
    assert any(" A103 [error] " in line for line in out)


def test_check_select_ignore_fail_on(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(corpus), "--ignore", "A"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["check", str(corpus), "--select", "A103", "--fail-on", "never"]) == 0
    assert capsys.readouterr().out.count("A103") == 1
    assert main(["check", str(corpus), "--select", "nonsense"]) == 2
    assert "unknown rule" in capsys.readouterr().err


def test_check_json_jsonl_statistics(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(corpus), "--format", "json"])
    text = capsys.readouterr().out
    assert findings_from_json(text) == check_corpus(parse(p) for p in sorted(corpus.rglob("*.txt")))
    jsonschema.validate(json.loads(text), json_schema("findings"))
    data = json.loads(text)["findings"]
    # 总计 of （一）予以公开 written as 9: its row (A103) and its column (A102) do not add up
    assert sorted(d["code"] for d in data) == ["A102", "A103"]
    a103 = next(d for d in data if d["code"] == "A103")
    assert a103["severity"] == "error"
    assert (a103["expected"], a103["actual"]) == (4, 9)
    assert a103["locations"][0]["row"] == "granted"
    assert a103["locations"][0]["span"][2] >= 1  # [start, end, line, column]
    main(["check", str(corpus), "--format", "jsonl"])
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(x)["code"] for x in lines] == [d["code"] for d in data]
    main(["check", str(corpus), "--statistics"])
    stats = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert stats == [
        ["1", "A102", "applications-results-total"],
        ["1", "A103", "applications-row-total"],
    ]


def test_check_unreadable_input_goes_on_and_exits_2(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "broken.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    assert main(["check", str(binary), str(corpus / "sub" / "bad.txt")]) == 2
    captured = capsys.readouterr()
    assert "broken.txt" in captured.err
    assert "A103" in captured.out


def test_check_pairs_reports_of_one_agency_across_years(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = consistent_grid()
    before["carried_forward"].update(natural_person="2", total="2")
    before["new_received"].update(natural_person="5", total="6")
    _write(tmp_path, "2022.txt", report_text(year=2022, applications=before))
    _write(tmp_path, "2023.txt", report_text(year=2023))
    assert main(["check", str(tmp_path), "--select", "X", "--fail-on", "warning"]) == 1
    out = capsys.readouterr().out
    assert "2023.txt" in out and "X101" in out


def test_check_seed_and_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = SEEDS / "004_9e680528c2d3989d.txt"
    assert main(["check", str(seed)]) == 0
    assert "O103" in capsys.readouterr().out

    class _Stdin:
        buffer = __import__("io").BytesIO(seed.read_bytes())

    monkeypatch.setattr("sys.stdin", _Stdin)
    assert main(["check", "-", "--select", "O103"]) == 0
    assert capsys.readouterr().out.startswith("<stdin>:372:1: O103")


def test_rules_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert listing.startswith("A101  error")
    assert main(["rules", "R101", "legacy-partition"]) == 0
    out = capsys.readouterr().out
    assert "R101 reviews-group-total" in out and "L102 legacy-partition" in out
    assert main(["rules", "Q999"]) == 2


@pytest.mark.parametrize("fmt", ["text", "jsonl", "json"])
def test_two_workers_print_what_one_prints(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The findings are checked and written out in the batch's workers: one or two jobs, the
    output, the cross-year findings (written after every file's) and the statistics agree."""
    before = consistent_grid()
    before["carried_forward"].update(natural_person="2", total="2")
    before["new_received"].update(natural_person="5", total="6")
    bad = consistent_grid()
    bad["granted"]["total"] = "9"
    _write(tmp_path, "a2022.txt", report_text(year=2022, applications=before))
    _write(tmp_path, "b2023.txt", report_text(year=2023, applications=bad))
    _write(tmp_path, "c.txt", report_text(agency="另一局"))
    for seed in SEEDS.glob("*.txt"):
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    printed = []
    for jobs in ("1", "2"):
        for extra in ([], ["--statistics"]):
            status = main(["check", str(tmp_path), "--format", fmt, "--jobs", jobs, *extra])
            printed.append((status, capsys.readouterr().out))
    assert printed[:2] == printed[2:]
    (status, out), (_, statistics) = printed[:2]
    assert status == 1
    assert "X101" in out and "A103" in out and "X101" in statistics
    if fmt == "text":
        assert out.splitlines()[-1].startswith(str(tmp_path / "b2023.txt"))  # pairs come last


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(inconsistent_reports().map(lambda drawn: drawn[0]), max_size=3),
    st.lists(st.integers(min_value=0, max_value=6), max_size=4),
)
def test_streamed_json_document_is_findings_to_json(
    reports: list[AnnualReport], cuts: list[int]
) -> None:
    """--format json writes its document as the findings come: the same text as
    findings_to_json(every finding, indent=1), however they are grouped into writes."""
    found = [f for r in reports for f in check(r)]
    out = io.StringIO()
    document = _JsonDocument(out)
    start = 0
    for size in [*cuts, len(found)]:  # groups of findings, some empty, as workers send them
        document.write("".join(_JsonDocument.item(f) for f in found[start : start + size]))
        start = min(len(found), start + size)
    document.close()
    assert out.getvalue() == findings_to_json(found, indent=1) + "\n"
