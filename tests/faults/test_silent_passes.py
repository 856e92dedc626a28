"""Nothing passes silently: a text with no report in it is a finding, a skipped input is a line
on stderr and a count in the summary, a file name given as str is refused (issue 16, item 2)."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

import opengov_report
from opengov_report.batch import iter_sources
from opengov_report.cli import main
from tests.conftest import SEED_PATHS

_NOT_REPORTS = {
    "404.html": b"<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>"
    b"<p>The requested URL was not found on this server.</p></body></html>",
    "hello.txt": b"hello\n",
    "empty.txt": b"",
}


@pytest.mark.parametrize("text", ["", "   \n", "hello", "404 Not Found\n\nThe page was not found."])
def test_a_text_with_no_report_gets_its_own_finding(text: str) -> None:
    findings = opengov_report.check(opengov_report.parse(text))
    assert [f.code for f in findings] == ["O100"]
    assert findings[0].severity is opengov_report.Severity.ERROR


@pytest.mark.parametrize("path", SEED_PATHS, ids=lambda p: p.name)
def test_no_seed_report_gets_it(path: Path) -> None:
    assert "O100" not in {f.code for f in opengov_report.check(opengov_report.parse(path))}


def test_a_title_a_heading_or_a_table_is_enough() -> None:
    for text in ("某县人民政府2020年政府信息公开工作年度报告", "一、总体情况\n本年度无。"):
        assert "O100" not in {f.code for f in opengov_report.check(opengov_report.parse(text))}


def test_check_fails_on_inputs_that_are_no_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = []
    for name, data in _NOT_REPORTS.items():
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    assert main(["check", "-j", "1", "--fail-on", "info", *paths]) == 1
    out = capsys.readouterr().out
    assert out.count("O100") == 3
    assert main(["check", "-j", "1", "--ignore", "O100", *paths]) == 0


def _skipped_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("opengov-report: skipped ")]


def test_skipped_inputs_are_reported_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.txt").write_bytes(SEED_PATHS[-1].read_bytes())
    (folder / "picture.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / "x.txt").mkdir()  # a folder named like a report: walked, and empty
    (folder / "empty").mkdir()
    inner = tmp_path / "inner.zip"
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("a.txt", "text")
    with zipfile.ZipFile(folder / "outer.zip", "w") as zf:
        zf.write(inner, "nested/inner.zip")
        zf.writestr("notes.xlsx", b"PK")
    (tmp_path / "nothing").mkdir()
    status = main(["check", "-j", "1", str(folder), str(tmp_path / "nothing")])
    err = capsys.readouterr().err
    skipped = _skipped_lines(err)
    assert status == 0
    assert any("picture.jpg: not a report file" in line for line in skipped)
    assert any("outer.zip!nested/inner.zip: a zip archive inside" in line for line in skipped)
    assert any("outer.zip!notes.xlsx: not a report file" in line for line in skipped)
    assert any(
        line.endswith(
            "nothing: no file matching *.txt,*.text,*.htm,*.html,*.docx,*.pdf in this folder"
        )
        for line in skipped
    )
    assert len(skipped) == 4
    assert "1 read, 0 failed, 4 skipped" in err


def test_a_lone_folder_with_nothing_to_read_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "x.txt").mkdir()
    assert main(["parse", str(tmp_path / "x.txt")]) == 0
    err = capsys.readouterr().err
    assert "skipped" in err and "x.txt: no file matching" in err
    assert "0 read, 0 failed, 1 skipped" in err


def test_iter_sources_calls_on_skip() -> None:
    seen: list[tuple[str, str]] = []
    sources = list(
        iter_sources(
            [SEED_PATHS[0].parent.parent], glob="*.none", on_skip=lambda n, r: seen.append((n, r))
        )
    )
    assert sources == []
    assert seen  # every file of the folder, and the folder itself
    assert seen[-1][1] == "no file matching *.none in this folder"


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_symlink_loop_is_named_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    assert main(["parse", str(loop)]) == 2
    assert "a loop of symbolic links" in capsys.readouterr().err
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    assert main(["parse", str(dangling)]) == 2
    assert "which does not exist" in capsys.readouterr().err


def test_a_str_that_names_a_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(SEED_PATHS[0].parent)
    name = SEED_PATHS[0].name
    with pytest.raises(opengov_report.InputError, match=r"pass a path.*Path\("):
        opengov_report.parse(name)
    with pytest.raises(opengov_report.InputError, match="is the name of a file"):
        opengov_report.parse(str(SEED_PATHS[0]))
    assert opengov_report.parse(Path(name)).figures()
    assert opengov_report.parse("no-such-file.txt").figures() == ()  # text, as before


def test_parse_json_is_refused_by_from_json_with_a_pointer(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["parse", "--json", str(SEED_PATHS[-1])]) == 0
    line = capsys.readouterr().out
    with pytest.raises(opengov_report.SerializationError, match="export -f json"):
        opengov_report.from_json(line)
    assert main(["export", "-f", "json", str(SEED_PATHS[-1])]) == 0
    model = capsys.readouterr().out
    assert (
        opengov_report.from_json(model).figures() == opengov_report.parse(SEED_PATHS[-1]).figures()
    )


def test_parse_and_export_say_when_no_report_was_recognised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hello = tmp_path / "hello.txt"
    hello.write_bytes(b"hello\n")
    for command in (["parse"], ["export", "-f", "csv"]):
        assert main([*command, "-j", "1", str(hello), str(SEED_PATHS[-1])]) == 0
        err = capsys.readouterr().err
        assert f"opengov-report: {hello}: no report was recognised" in err
        assert str(SEED_PATHS[-1]) not in err
    assert main(["check", str(hello)]) == 1  # there, the finding O100 says it
    captured = capsys.readouterr()
    assert "no report was recognised" in captured.out and captured.err == ""
