"""The per-file function on Dask's local scheduler: the same results as ``batch.process``, as
dataframes, each file processed once."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path
from typing import Any

import dask.base
import pytest

from opengov_report import MissingExtraError
from opengov_report.batch import FileResult, Options, Source, on_dask, process, process_source
from tests.conftest import SEED_PATHS


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("dask")
    for seed in SEED_PATHS:
        (root / seed.name).write_bytes(seed.read_bytes())
    (root / "bad.txt").write_bytes(b"\x00\x00")
    archive = root.parent / f"{root.name}.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(SEED_PATHS[1], SEED_PATHS[1].name)
    return [root, archive]


def test_frames_hold_what_the_batch_gives(
    inputs: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    original = process_source

    def counted(source: Source, options: Options) -> FileResult:
        calls.append(source.name)
        return original(source, options)

    monkeypatch.setattr(on_dask, "process_source", counted)
    frames = on_dask.to_frames(inputs, npartitions=3)
    compute: Any = dask.base.compute  # untyped
    files, figures, findings = compute(*frames, scheduler="sync")
    expected = list(process(inputs, jobs=1))

    assert sorted(calls) == sorted(r.path for r in expected)  # each file once for all three
    assert list(files["path"]) == [r.path for r in expected]
    assert list(files["ok"]) == [r.ok for r in expected]
    assert list(files["figures"]) == [len(r.figures) for r in expected]
    bad = files[~files["ok"]]
    assert list(bad["error_type"]) == ["DecodeError"]
    assert [c for c, _ in on_dask.FIGURE_COLUMNS] == list(figures.columns)

    want_figures = [row for r in expected for row in on_dask.figure_rows(r)]
    assert len(figures) == len(want_figures)
    got = list(figures.itertuples(index=False, name=None))
    assert [(g[0], g[4], g[5], g[6], g[10]) for g in got] == [
        (w[0], w[4], w[5], w[6], w[10]) for w in want_figures
    ]
    want_findings = [row for r in expected for row in on_dask.finding_rows(r)]
    assert len(want_findings) > 0
    assert list(findings["code"]) == [w[1] for w in want_findings]
    assert list(findings["path"]) == [w[0] for w in want_findings]


def test_exact_numbers_stay_text(inputs: list[Path]) -> None:
    bag: Any = on_dask.to_bag([inputs[0]], check=False, npartitions=2)
    results = bag.compute(scheduler="sync")
    rows = [row for r in results for row in on_dask.figure_rows(r)]
    counts = [row for row in rows if row[7] == "count"]
    assert counts and all(str(int(row[8])) == row[8] for row in counts)
    assert all(row[8] is None for row in rows if row[7] in {"blank", "none", "dash"})


def test_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(MissingExtraError, match=r"opengov-report\[dask\]"):
        on_dask.to_bag([])
