"""``batch.process``: the same results as parsing and checking one by one, in input order, with
failures as results, bounded work in flight, in-process and in a pool."""

from __future__ import annotations

import pickle
import zipfile
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import opengov_report
from opengov_report import Era, UnknownRuleError
from opengov_report.batch import FileResult, Options, Source, process, process_one, process_sources
from opengov_report.batch import worker as worker_module
from tests.conftest import SEED_PATHS


def _timeless(result: FileResult) -> FileResult:
    return attrs.evolve(result, seconds=0.0)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds in a folder and again in a zip archive inside it, plus files that fail."""
    root = tmp_path_factory.mktemp("corpus")
    for i, seed in enumerate(SEED_PATHS):
        (root / f"{i}_{seed.name}").write_bytes(seed.read_bytes())
    (root / "3_nul.txt").write_bytes(b"abc\x00def")
    (root / "3_pdf.txt").write_bytes(b"%PDF-1.4 not a report")
    (root / "3_gbk.txt").write_bytes(SEED_PATHS[0].read_text(encoding="utf-8").encode("gb18030"))
    with zipfile.ZipFile(root / "z.zip", "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for seed in SEED_PATHS:
            zf.write(seed, f"year/{seed.name}")
        zf.writestr("year/empty.txt", b"")
    (root / "zz_broken.zip").write_bytes(b"PK\x03\x04 truncated")
    return root


def test_results_are_what_parse_and_check_give(corpus: Path) -> None:
    results = list(process([corpus], jobs=1))
    by_name = {r.path: r for r in results}
    for i, seed in enumerate(SEED_PATHS):
        for name in (str(corpus / f"{i}_{seed.name}"), f"{corpus / 'z.zip'}!year/{seed.name}"):
            result = by_name[name]
            report = attrs.evolve(opengov_report.parse(seed), source=name)
            assert result.ok and result.error is None
            assert result.size == seed.stat().st_size
            assert result.era == report.era
            assert result.metadata == report.metadata
            assert result.figures == report.figures()
            assert result.findings == opengov_report.check(report)
            assert all(f.source == name for f in result.findings)
            assert result.report is None


def test_failures_are_results_and_the_batch_goes_on(corpus: Path) -> None:
    results = list(process([corpus, corpus / "missing.txt"], jobs=1))
    failed = {Path(r.path.split("!")[0]).name: r for r in results if not r.ok}
    assert set(failed) == {"3_nul.txt", "3_pdf.txt", "zz_broken.zip", "missing.txt"}
    assert failed["3_nul.txt"].error_type == "DecodeError"
    assert "NUL" in (failed["3_nul.txt"].error or "")
    assert "PDF" in (failed["3_pdf.txt"].error or "")
    assert failed["zz_broken.zip"].error_type == "InputError"
    assert failed["missing.txt"].error_type == "InputError"
    for result in failed.values():
        assert (result.error or "").startswith(result.path)
        assert result.figures == () and result.era is None
    # GB18030 and an empty member are text: read, not failed
    gbk = next(r for r in results if r.path.endswith("3_gbk.txt"))
    assert (
        gbk.ok
        and gbk.figures == next(r for r in results if r.path.endswith(SEED_PATHS[0].name)).figures
    )
    empty = next(r for r in results if r.path.endswith("!year/empty.txt"))
    assert empty.ok and empty.era is Era.UNKNOWN and empty.size == 0
    # the order is the listing's order, failures in their place
    assert [r.path for r in results][-1] == str(corpus / "missing.txt")
    assert [r.path for r in results][-2] == str(corpus / "zz_broken.zip")


def test_pool_gives_the_same_results_in_the_same_order(corpus: Path) -> None:
    alone = [_timeless(r) for r in process([corpus], jobs=1)]
    pooled = [_timeless(r) for r in process([corpus], jobs=2)]
    assert pooled == alone
    assert len(alone) == 2 * len(SEED_PATHS) + 5


def test_keep_report_carries_the_tree_across_processes(corpus: Path) -> None:
    results = list(process([corpus / "z.zip"], jobs=2, keep_report=True, check=False))
    assert [r.path.rsplit("/", 1)[1] for r in results[: len(SEED_PATHS)]] == [
        s.name for s in SEED_PATHS
    ]
    for seed, result in zip(SEED_PATHS, results, strict=False):
        assert result.report is not None
        assert result.report.document.text == seed.read_text(encoding="utf-8")
        assert result.report.source == result.path
        assert result.findings == ()


def test_a_bug_is_a_failed_result_with_its_traceback(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(source: object, **options: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(worker_module, "parse", broken)
    results = list(process([corpus / f"0_{SEED_PATHS[0].name}", corpus / "3_nul.txt"], jobs=1))
    assert [r.ok for r in results] == [False, False]
    assert results[0].error_type == "RuntimeError"
    assert "Traceback (most recent call last)" in (results[0].error or "")
    assert "boom" in (results[0].error or "")
    assert results[1].error_type == "RuntimeError"  # read fine, then the bug


def test_unknown_rule_code_fails_before_reading(corpus: Path) -> None:
    with pytest.raises(UnknownRuleError):
        process([corpus], select=["NOPE"])


def test_select_and_no_check(corpus: Path) -> None:
    seed = corpus / f"1_{SEED_PATHS[1].name}"
    all_findings = process_one(seed).findings
    assert all_findings, "this seed has findings"
    codes = {f.code for f in all_findings}
    first = sorted(codes)[0]
    selected = process_one(seed, select=[first]).findings
    assert selected and {f.code for f in selected} == {first}
    assert process_one(seed, check=False).findings == ()


def test_results_pickle(corpus: Path) -> None:
    for result in process([corpus], jobs=1):
        assert pickle.loads(pickle.dumps(result)) == result


def _counted(sources: list[Source], pulled: list[int]) -> Iterator[Source]:
    for source in sources:
        pulled[0] += 1
        yield source


@pytest.mark.parametrize("jobs", [1, 2])
def test_work_in_flight_is_bounded(corpus: Path, jobs: int) -> None:
    seed = str(corpus / f"0_{SEED_PATHS[0].name}")
    sources = [Source(name=f"{seed}#{i}", path=seed) for i in range(40)]
    pulled = [0]
    results = process_sources(_counted(sources, pulled), jobs=jobs, options=Options(check=False))
    assert pulled[0] == 0  # nothing runs before the first result is asked for
    first = next(results)
    assert first.path == f"{seed}#0"
    window = 1 if jobs == 1 else 4 * jobs
    assert pulled[0] <= window
    rest = list(results)
    assert [r.path for r in rest] == [s.name for s in sources[1:]]
    assert pulled[0] == 40


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["seed", "nul", "missing", "empty"]), max_size=8))
def test_one_result_per_input_in_input_order(kinds: list[str]) -> None:
    seed = SEED_PATHS[-1]
    data = {"seed": seed.read_bytes(), "nul": b"\x00", "empty": b""}
    sources = [
        Source(name=f"{i}-{k}", path="/nonexistent/x.txt")
        if k == "missing"
        else Source(name=f"{i}-{k}", data=data[k])
        for i, k in enumerate(kinds)
    ]
    results = list(process_sources(sources, jobs=1, options=Options(check=False)))
    assert [r.path for r in results] == [s.name for s in sources]
    assert [r.ok for r in results] == [k in {"seed", "empty"} for k in kinds]


def test_stopping_early_cancels_the_rest(corpus: Path) -> None:
    seed = str(corpus / f"0_{SEED_PATHS[0].name}")
    pulled = [0]
    sources = [Source(name=f"{seed}#{i}", path=seed) for i in range(200)]
    results = process_sources(_counted(sources, pulled), jobs=2, options=Options(check=False))
    assert next(results).ok
    results.close()  # as a `break` out of a for loop does
    assert pulled[0] <= 4 * 2 + 1
    with pytest.raises(StopIteration):
        next(results)


def test_figures_left_out_on_request_are_those_of_the_kept_report(corpus: Path) -> None:
    """``Options(figures=False)``: a caller that keeps the report gets no second copy of its
    figures, and nothing else changes."""
    sources = [Source(name=str(p), path=str(p)) for p in SEED_PATHS]
    full = list(process_sources(sources, jobs=1, options=Options(keep_tables=True)))
    lean = list(process_sources(sources, jobs=2, options=Options(keep_tables=True, figures=False)))
    assert sum(bool(a.figures) for a in full) >= 3
    for a, b in zip(full, lean, strict=True):
        assert b.figures == ()
        assert b.report is not None and b.report.figures() == a.figures
        assert _timeless(attrs.evolve(b, figures=a.figures)) == _timeless(a)


def _era_and_cells(report: opengov_report.AnnualReport) -> tuple[str, int]:
    return report.era.value, len(report.figures())


def _refuses(report: opengov_report.AnnualReport) -> None:
    raise opengov_report.ParseError(f"refused {report.source}")


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_transform_runs_in_the_worker_and_its_output_comes_back(jobs: int) -> None:
    sources = [Source(name=str(p), path=str(p)) for p in SEED_PATHS]
    options = Options(check=False, figures=False, transform=_era_and_cells)
    results = list(process_sources(sources, jobs=jobs, options=options))
    expected = []
    for path in SEED_PATHS:
        report = opengov_report.parse(path.read_bytes())
        expected.append((report.era.value, len(report.figures())))
    assert [r.output for r in results] == expected
    assert all(r.ok and r.report is None and r.figures == () for r in results)


def test_a_failing_transform_fails_only_its_file() -> None:
    sources = [Source(name=str(p), path=str(p)) for p in SEED_PATHS[:2]]
    results = list(process_sources(sources, jobs=2, options=Options(transform=_refuses)))
    assert [r.ok for r in results] == [False, False]
    assert all(r.error_type == "ParseError" and "refused" in (r.error or "") for r in results)
