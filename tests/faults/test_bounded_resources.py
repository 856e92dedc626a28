"""Bounded resources: no per-character memory in a pattern, a size limit per input, zip members
read with a cap and a compression-ratio check (issue 16, item 5).  Speed is measured by hand
in benchmarks/bench_scaling.py, not asserted here."""

from __future__ import annotations

import io
import json
import sys
import tracemalloc
import zipfile
from pathlib import Path

import pytest

import opengov_report
from opengov_report.batch import iter_sources, read_source_bytes
from opengov_report.cli import main
from opengov_report.lexer._text import DIGIT_RUN_RE
from opengov_report.source import MAX_INPUT_SIZE
from tests.conftest import SEED_PATHS


def _peak(run: object) -> int:
    tracemalloc.start()
    try:
        run()  # type: ignore[operator]
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_digit_run_costs_no_memory_per_digit() -> None:
    """A run of a million digits (or of digits and single spaces) is matched in a few bytes of
    regex state, not ~117 bytes a digit (117 MB here) as with a plain ``(?:…)*``."""
    for text in ("0" * 1_000_000, "0 " * 500_000):
        matches: list[tuple[int, int]] = []

        def run(text: str = text, matches: list[tuple[int, int]] = matches) -> None:
            matches.extend(m.span() for m in DIGIT_RUN_RE.finditer(text))

        assert _peak(run) < 1_000_000
        assert matches == [(0, len(text.rstrip()))]


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"0" * 2_000)
    with pytest.raises(opengov_report.InputError, match=r"over the limit of 0.001 MB per input"):
        opengov_report.parse(big, max_size=1_000)
    with pytest.raises(opengov_report.InputError, match="--max-size"):
        opengov_report.parse(b"0" * 2_000, max_size=1_000)
    assert opengov_report.parse(big, max_size=0).figures() == ()  # 0: no limit
    assert opengov_report.parse(big).figures() == ()  # the default, 50 MB
    assert MAX_INPUT_SIZE == 50_000_000


def test_the_cli_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(SEED_PATHS[-1].read_bytes())
    assert main(["parse", "--max-size", "0.001", str(big)]) == 2
    assert "over the limit of 0.001 MB per input" in capsys.readouterr().err
    assert main(["parse", "--max-size", "0", str(big)]) == 0
    assert main(["render", "--max-size", "0.001", str(big)]) == 2
    assert "over the limit" in capsys.readouterr().err


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_a_zip_bomb_is_refused_unread(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "bomb.zip", {"zeros.txt": b"0" * 20_000_000})
    (source,) = iter_sources([archive])
    with pytest.raises(opengov_report.InputError, match="zip bomb"):
        read_source_bytes(source)


def test_a_zip_member_over_the_limit_is_refused(tmp_path: Path) -> None:
    text = SEED_PATHS[-1].read_bytes()
    archive = _zip(tmp_path / "a.zip", {"report.txt": text})
    (source,) = iter_sources([archive])
    with pytest.raises(opengov_report.InputError, match="over the limit"):
        read_source_bytes(source, max_size=1_000)
    assert read_source_bytes(source) == text


def test_a_zip_member_whose_header_lies_reads_no_more_than_it_states(tmp_path: Path) -> None:
    """A member that states a small size but holds more: zipfile stops at the stated size, so
    the limit checked against it holds, and the short read is a clear error."""
    text = SEED_PATHS[-1].read_bytes()
    archive = _zip(tmp_path / "a.zip", {"report.txt": text})
    (source,) = iter_sources([archive])
    with zipfile.ZipFile(archive) as zf:
        zf.getinfo("report.txt").file_size = 10  # what the central directory claims
        with pytest.raises(opengov_report.InputError, match="cannot read the archive member"):
            read_source_bytes(source, zf, max_size=1_000)


def test_a_batch_reports_a_bomb_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = _zip(
        tmp_path / "mixed.zip",
        {"zeros.txt": b"0" * 20_000_000, "report.txt": SEED_PATHS[-1].read_bytes()},
    )
    assert main(["parse", "-j", "1", str(archive)]) == 2
    captured = capsys.readouterr()
    assert "zip bomb" in captured.err
    assert captured.out.count("==> ") == 1


def test_the_scaling_benchmark_runs(tmp_path: Path) -> None:
    """benchmarks/bench_scaling.py as a person runs it, on a tiny size (nothing timed)."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_scaling.py"), "--sizes", "0.02"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
        cwd=tmp_path,
    )
    lines = done.stdout.splitlines()
    assert lines[0].split()[:2] == ["kind", "MB"]
    assert [line.split()[0] for line in lines[1:]] == ["oneline", "lines", "digits", "legacy"]


# -- memory for one file: a small multiple of its size (docs/performance.md) ----------------


def _one_line_text(megabytes: float) -> bytes:
    """The seeds on one line, repeated to ``megabytes`` MB of UTF-8, as the scaling benchmark
    makes its ``oneline`` input (a one-line page of tables run together)."""
    text = " ".join(p.read_text(encoding="utf-8").replace("\n", " ") for p in SEED_PATHS)
    unit = text.encode("utf-8")
    data = unit * (int(megabytes * 1e6) // len(unit) + 1)
    return data[: int(megabytes * 1e6)].decode("utf-8", errors="ignore").encode("utf-8")


class _Sink(io.TextIOBase):
    """Standard output that keeps nothing: counts what is written."""

    def __init__(self) -> None:
        self.written = 0

    def write(self, text: str) -> int:
        self.written += len(text)
        return len(text)


def test_parse_json_holds_no_more_than_the_report_and_its_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``parse --json`` on a 1 MB one-line page: the tree is written node by node into UTF-8
    pieces, not built whole as JSON-ready data and then as one string (with a copy for the
    newline), and the file is not read into a buffer of the input limit's size: 50 times the
    input's size at its peak before (31 without the buffer), about 15 now (the report about
    9, its JSON about 5)."""
    data = _one_line_text(1)
    page = tmp_path / "page.txt"
    page.write_bytes(data)
    sink = _Sink()
    monkeypatch.setattr(sys, "stdout", sink)
    peak = _peak(lambda: main(["parse", "--json", "-q", "-j", "1", str(page)]))
    assert sink.written > 4 * len(data) // 3  # the JSON line was written (ten characters each)
    assert peak < 20 * len(data)


def test_the_json_pieces_are_the_json_of_the_report() -> None:
    """What ``parse --json`` writes piece by piece is ``json.dumps`` of ``report_to_json``."""
    from opengov_report.cli.parse_cmd import json_pieces, report_to_json
    from tests.conftest import CORPUS

    paths = [*SEED_PATHS, *sorted(CORPUS.rglob("*.txt")), CORPUS / "pdf" / "001_huaian_2024.pdf"]
    reports = [opengov_report.parse(p) for p in paths]
    reports.append(opengov_report.parse(_one_line_text(0.3)))
    for report in reports:
        expected = {"source": report.source, **report_to_json(report)}
        pieces = json_pieces(report)
        assert all(len(piece) < 400_000 for piece in pieces)
        line = b"".join(pieces).decode("utf-8")
        assert line.endswith("}\n")
        assert line == json.dumps(expected, ensure_ascii=False) + "\n"
    assert len(json_pieces(reports[-1])) > 5  # a long page comes in several pieces


def test_an_unrecognised_row_is_located_without_a_span_per_line() -> None:
    """Rule O106 gives the span of an unrecognised row's line: only that line's span is made,
    not one for every line of the report (about 140 bytes a line)."""
    seed = SEED_PATHS[-1].read_text(encoding="utf-8")
    assert "（七）总计" in seed
    text = seed.replace("（七）总计", "（八）行政申诉数\t1\t0\t0\t0\t0\t0\t1\n（七）总计")
    text += "说明。\n" * 200_000
    report = opengov_report.parse(text)
    found: list[opengov_report.Finding] = []
    peak = _peak(lambda: found.extend(opengov_report.check(report, select=["O106"])))
    assert [f.code for f in found] == ["O106"]
    line = text[: text.index("（八）行政申诉数")].count("\n") + 1
    assert found[0].line == line
    # the report's text joined once or twice (2 bytes a character): 44 times before
    assert peak < 6 * len(text)


def test_the_stream_readers_map_of_a_one_line_page_costs_machine_integers() -> None:
    """The way back from the squashed text to the text: two offsets per run of characters
    between spaces, 8 bytes each (a list of ints cost 36 each)."""
    from opengov_report.recognize.stream import Squashed

    text = "甲 " * 500_000  # 500,000 runs
    squashed = Squashed(text)

    def run() -> None:
        assert squashed.offset(499_999) == 999_998
        assert squashed.span(999_998, 999_999).line == 1

    assert _peak(run) < 20 * 500_000


def test_a_small_input_is_not_read_into_a_buffer_of_the_limits_size(tmp_path: Path) -> None:
    """``read(limit + 1)`` allocates the whole limit (50 MB) before it reads a byte."""
    from opengov_report.source import read_bytes, read_limited

    small = tmp_path / "small.txt"
    small.write_bytes(b"x" * 1000)
    assert _peak(lambda: read_bytes(small)) < 100_000
    assert read_bytes(small) == b"x" * 1000
    stream = io.BytesIO(b"y" * 1000)
    assert _peak(lambda: read_limited(stream, MAX_INPUT_SIZE)) < 100_000
    assert read_limited(io.BytesIO(b"y" * 1000), 10) == b"y" * 11  # one byte past the limit
    assert read_limited(io.BytesIO(b"y" * 1000), None) == b"y" * 1000
    big = io.BytesIO(b"z" * 3_000_000)  # in chunks of 1 MB
    assert read_limited(big, 2_500_000) == b"z" * 2_500_001


def test_the_statements_of_a_long_paragraph_are_located_without_copying_it() -> None:
    """Each count stated in the prose is located by a lookup of the paragraph's line breaks,
    not by copying and counting the paragraph up to it (quadratic on a one-line page: 10 MB of
    corpus pages on one line took 2 s to check, 50 MB 84 s; a copy of 2 bytes a character)."""
    from opengov_report.checks.prose import Statement, stated_counts

    lead = "说明" * 500_000
    text = f"一、总体情况\n{lead}本年度共收到政府信息公开申请5件。共办结申请5件。\n"
    report = opengov_report.parse(text)
    statements: list[Statement] = []
    peak = _peak(lambda: statements.extend(stated_counts(report)))
    assert peak < 200_000  # a prefix of the paragraph would be 2 MB
    assert [(s.what, s.number) for s in statements] == [("received", 5), ("closed", 5)]
    line_start = len("一、总体情况\n")
    for s in statements:
        assert text[s.span.start : s.span.end] == s.text
        assert (s.span.line, s.span.column) == (2, s.span.start - line_start + 1)


def test_a_statement_on_a_later_line_of_a_paragraph_is_located() -> None:
    """The line and column of a statement after a line break inside its paragraph."""
    from opengov_report.checks.prose import _stated_counts
    from opengov_report.document import Paragraph, Span

    text = "前言\n其后一行\n本年度共收到政府信息公开申请7件。\n"
    leaf = Paragraph(text, Span(100, 100 + len(text), 20, 5))
    (statement,) = _stated_counts([leaf])
    at = statement.span.start - 100
    assert statement.number == 7
    assert text[at : statement.span.end - 100] == statement.text
    assert text.count("\n", 0, at) == 2
    assert (statement.span.line, statement.span.column) == (22, at - text.rfind("\n", 0, at))
    start = text.index("本年度")
    (first,) = _stated_counts([Paragraph(text[start:], Span(7, 7 + len(text) - start, 3, 9))])
    assert first.span.line == 3  # on the paragraph's first line: from the paragraph's column
    assert first.span.column == 9 + first.span.start - 7
