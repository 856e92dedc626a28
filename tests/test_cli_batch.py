"""``opengov-report parse`` over folders and zip archives: --jobs, --quiet, --glob, the summary."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from opengov_report.cli import main
from tests.conftest import SEED_PATHS


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "reports"
    (root / "sub").mkdir(parents=True)
    for seed in SEED_PATHS[:2]:
        (root / seed.name).write_bytes(seed.read_bytes())
    (root / "sub" / "bad.txt").write_bytes(b"\x00")
    (root / "sub" / "readme.md").write_bytes(SEED_PATHS[2].read_bytes())
    with zipfile.ZipFile(root / "sub" / "more.zip", "w") as zf:
        zf.write(SEED_PATHS[3], SEED_PATHS[3].name)
    return root


def test_parse_a_folder_in_parallel(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["parse", "--jobs", "2", "--json", str(folder)])
    captured = capsys.readouterr()
    assert status == 2  # one file could not be read
    sources = [json.loads(line)["source"] for line in captured.out.splitlines()]
    assert sources == [
        str(folder / SEED_PATHS[0].name),
        str(folder / SEED_PATHS[1].name),
        f"{folder / 'sub' / 'more.zip'}!{SEED_PATHS[3].name}",
    ]
    err = captured.err.splitlines()
    assert err[0] == f"opengov-report: skipped {folder / 'sub' / 'readme.md'}: " + (
        "not a report file (--glob *.txt,*.text,*.htm,*.html,*.docx,*.pdf)"
    )
    assert err[1] == f"opengov-report: {folder / 'sub' / 'bad.txt'}: " + (
        "the input contains NUL bytes: it is binary, not text"
    )
    assert err[2].startswith("opengov-report: 4 files, ")
    assert err[2].endswith(": 3 read, 1 failed, 1 skipped")
    assert len(err) == 3
    assert "\r" not in captured.err  # not a terminal: no progress line


def test_parse_zip_with_glob_and_quiet(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["parse", "-q", "--glob", "*.md", str(folder)])
    captured = capsys.readouterr()
    assert status == 0
    assert captured.err == ""  # quiet: no summary, no skipped files (and nothing failed)
    assert captured.out.startswith(f"==> {folder / 'sub' / 'readme.md'} <==\nera: ")
    assert captured.out.count("==> ") == 1


def test_one_archive_member_is_still_headed(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = folder / "sub" / "more.zip"
    assert main(["parse", str(archive)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(f"==> {archive}!{SEED_PATHS[3].name} <==\n")
    assert captured.err == ""  # one file: no summary


def test_jobs_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["parse", "--jobs", "0", str(SEED_PATHS[0])])
    assert exc.value.code == 2
    assert "at least 1" in capsys.readouterr().err


def test_check_and_export_take_folders_and_zip_archives_in_parallel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """check and export run on the batch runner: folders, zip archives, --jobs, one line per
    failure, and the same output whatever the number of jobs."""
    import zipfile

    from tests.checks.texts import consistent_grid, report_text

    bad = consistent_grid()
    bad["granted"]["total"] = "9"
    with zipfile.ZipFile(tmp_path / "reports.zip", "w") as zf:
        zf.writestr("a/good.txt", report_text())
        zf.writestr("b/bad.txt", report_text(applications=bad, agency="另一局"))
    (tmp_path / "broken.txt").write_bytes(b"\x00binary")
    outputs = []
    for jobs in ("1", "2"):
        status = main(["check", str(tmp_path), "--jobs", jobs, "--quiet", "--select", "A"])
        captured = capsys.readouterr()
        assert status == 2  # broken.txt could not be read; the others were still checked
        assert captured.err.count("broken.txt") == 1
        outputs.append(captured.out)
    assert outputs[0] == outputs[1]
    assert "reports.zip!b/bad.txt:" in outputs[0] and " A103 [error] " in outputs[0]
    assert "good.txt" not in outputs[0]
    assert main(["export", str(tmp_path / "reports.zip"), "-f", "csv", "-j", "2", "-q"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].startswith("source,")
    assert {r.split(",")[0] for r in rows[1:]} == {
        f"{tmp_path}/reports.zip!a/good.txt",
        f"{tmp_path}/reports.zip!b/bad.txt",
    }
