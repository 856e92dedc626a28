"""Decode errors name the real cause and where it is; UTF-16 without a BOM is read; an encoding
can be named and bad bytes replaced, the replacements reported (issue 16, item 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

import opengov_report
from opengov_report.cli import main
from opengov_report.source import decode
from tests.conftest import SEED_PATHS

TEXT = SEED_PATHS[-1].read_text(encoding="utf-8")
DATA = TEXT.encode("utf-8")


def _spoiled() -> tuple[bytes, int, int]:
    """The seed with one bad byte between two characters well inside it: the bytes, the bad
    byte's offset and its line."""
    at = DATA.index(b"\n", 3000) + 1  # the start of a line
    return DATA[:at] + b"\xff" + DATA[at:], at, DATA.count(b"\n", 0, at) + 1


def test_one_bad_byte_in_utf8_is_named_where_it_is() -> None:
    data, at, line = _spoiled()
    with pytest.raises(opengov_report.DecodeError) as info:
        decode(data)
    message = str(info.value)
    assert "UTF-8" in message and "GB18030" not in message
    assert f"byte {at} (line {line}, byte 1 of the line): ff" in message
    assert "--errors replace" in message


def test_replace_reads_it_and_check_reports_it(tmp_path: Path) -> None:
    data, _, line = _spoiled()
    report = opengov_report.parse(data, errors="replace")
    assert report.document.text.count("\ufffd") == 1

    def values(r: opengov_report.AnnualReport) -> list[tuple[object, ...]]:
        return [(f.table, f.row, f.column, f.value.raw) for f in r.figures()]

    assert values(report) == values(opengov_report.parse(DATA))  # spans move by one
    (finding,) = [f for f in opengov_report.check(report) if f.code == "I101"]
    assert finding.locations[0].span is not None
    assert finding.locations[0].span.line == line


def test_a_gb18030_text_is_still_gb18030() -> None:
    assert decode(TEXT.encode("gb18030")) == TEXT


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_detected(codec: str) -> None:
    assert decode(TEXT.encode(codec)) == TEXT


def test_binary_with_nul_bytes_is_still_binary() -> None:
    with pytest.raises(opengov_report.DecodeError, match="binary"):
        decode(bytes(range(256)) * 4)


def test_an_encoding_can_be_named() -> None:
    big5 = "政府信息公開工作年度報告\n".encode("big5")
    assert decode(big5, encoding="big5") == "政府信息公開工作年度報告\n"
    with pytest.raises(opengov_report.InputError, match="unknown encoding"):
        decode(big5, encoding="no-such-codec")
    with pytest.raises(opengov_report.DecodeError, match=r"not valid UTF-8: the first bad byte"):
        decode(big5, encoding="utf-8")


def test_cli_encoding_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, at, _ = _spoiled()
    spoiled = tmp_path / "spoiled.txt"
    spoiled.write_bytes(data)
    assert main(["check", str(spoiled)]) == 2
    assert f"byte {at}" in capsys.readouterr().err
    assert main(["check", "--errors", "replace", "--fail-on", "warning", str(spoiled)]) == 1
    assert "I101" in capsys.readouterr().out
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(TEXT.encode("utf-16-le"))
    assert main(["parse", "--encoding", "utf-16-le", str(utf16)]) == 0
    assert main(["render", "--encoding", "utf-16-le", str(utf16)]) == 0
    capsys.readouterr()
