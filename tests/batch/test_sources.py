"""Listing the inputs of a batch: folders, globs, zip archives and inputs that cannot be listed."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from opengov_report import InputError
from opengov_report.batch import DEFAULT_GLOB, Source, iter_sources, matches, read_source_bytes


def _tree(root: Path) -> None:
    (root / "b").mkdir()
    (root / "a").mkdir()
    (root / "a" / "2.txt").write_bytes(b"two")
    (root / "a" / "1.txt").write_bytes(b"one")
    (root / "a" / "skip.md").write_bytes(b"not matched")
    (root / "b" / "3.txt").write_bytes(b"three")
    (root / "0.txt").write_bytes(b"zero")
    with zipfile.ZipFile(root / "b" / "pack.zip", "w") as zf:
        zf.writestr("inner/5.txt", b"five")
        zf.writestr("4.txt", b"four")
        zf.writestr("notes.csv", b"x")


def test_folder_is_walked_sorted_recursively_with_glob_and_archives(tmp_path: Path) -> None:
    _tree(tmp_path)
    names = [s.name for s in iter_sources([tmp_path])]
    pack = f"{tmp_path}/b/pack.zip"
    assert names == [
        f"{tmp_path}/0.txt",
        f"{tmp_path}/a/1.txt",
        f"{tmp_path}/a/2.txt",
        f"{tmp_path}/b/3.txt",
        f"{pack}!inner/5.txt",
        f"{pack}!4.txt",
    ]
    assert [read_source_bytes(s) for s in iter_sources([tmp_path])] == [
        b"zero",
        b"one",
        b"two",
        b"three",
        b"five",
        b"four",
    ]


def test_glob_selects_by_file_name(tmp_path: Path) -> None:
    _tree(tmp_path)
    assert [s.name for s in iter_sources([tmp_path], glob="*.md")] == [f"{tmp_path}/a/skip.md"]
    zip_names = [s.name for s in iter_sources([tmp_path / "b" / "pack.zip"], glob="*.csv")]
    assert zip_names == [f"{tmp_path}/b/pack.zip!notes.csv"]


def test_the_default_glob_takes_every_report_format_and_globs_combine(tmp_path: Path) -> None:
    for name in ("a.txt", "b.HTML", "c.docx", "d.pdf", "e.md", "f.htm", "g.csv"):
        (tmp_path / name).write_bytes(b"x")
    names = [Path(s.name).name for s in iter_sources([tmp_path])]
    assert names == ["a.txt", "b.HTML", "c.docx", "d.pdf", "f.htm"]
    assert [Path(s.name).name for s in iter_sources([tmp_path], glob="*.md, *.CSV")] == [
        "e.md",
        "g.csv",
    ]
    assert matches("REPORT.TXT", DEFAULT_GLOB) and not matches("report.txt.bak", DEFAULT_GLOB)


def test_a_named_file_is_read_whatever_its_name(tmp_path: Path) -> None:
    _tree(tmp_path)
    named = tmp_path / "a" / "skip.md"
    assert list(iter_sources([str(named)])) == [Source(name=str(named), path=str(named))]


def test_inputs_keep_their_order(tmp_path: Path) -> None:
    _tree(tmp_path)
    given = [str(tmp_path / "b" / "3.txt"), str(tmp_path / "0.txt"), str(tmp_path / "a")]
    names = [s.name for s in iter_sources(given)]
    assert names == [given[0], given[1], f"{tmp_path}/a/1.txt", f"{tmp_path}/a/2.txt"]


def test_missing_path_and_broken_archive_are_sources_with_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 this is not really an archive")
    missing = tmp_path / "missing.txt"
    sources = list(iter_sources([missing, broken]))
    assert [s.name for s in sources] == [str(missing), str(broken)]
    assert all(s.error is not None for s in sources)
    assert "no such file" in (sources[0].error or "")
    assert "zip archive" in (sources[1].error or "")
    for source in sources:
        with pytest.raises(InputError):
            read_source_bytes(source)


def test_read_errors_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_source_bytes(Source(name="gone", path=str(tmp_path / "gone.txt")))
    with pytest.raises(InputError, match="is a directory"):
        read_source_bytes(Source(name="dir", path=str(tmp_path)))
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("x.txt", b"x")
    with pytest.raises(InputError, match="archive member"):
        read_source_bytes(Source(name="a.zip!y.txt", path=str(archive), member="y.txt"))
    assert read_source_bytes(Source(name="-", data=b"in hand")) == b"in hand"


def test_links_to_folders_are_not_followed(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    names = [s.name for s in iter_sources([tmp_path])]
    assert len(names) == 6
    assert not any("loop" in n for n in names)
