"""``render`` writes what the report holds: no stock prose unless asked, a missing table shown
as missing, a text with no report refused (issue 16, item 3)."""

from __future__ import annotations

import io
import sys

import attrs
import pytest

from opengov_report import parse
from opengov_report._render import MISSING_TABLE, render
from opengov_report.cli import main
from opengov_report.strategies import report_content
from tests.conftest import SEED_PATHS

_STOCK = (
    "本年度，本机关认真贯彻落实",
    "与公众期待仍有差距",
    "本年度没有其他需要报告的事项",
    "本年度无相关情况",
)


@pytest.mark.parametrize("path", SEED_PATHS, ids=lambda p: p.name)
def test_no_stock_prose_by_default(path: object) -> None:
    report = parse(path)  # type: ignore[arg-type]
    text = render(report)
    for stock in _STOCK:
        if stock not in report.document.text:
            assert stock not in text
    assert report_content(parse(text)) == report_content(report)


def test_a_missing_table_is_shown_as_missing() -> None:
    report = parse(SEED_PATHS[3])
    assert report.reviews is not None
    without = attrs.evolve(report, reviews=None, statements=())
    text = render(without)
    assert text.count(MISSING_TABLE) == 1
    assert "本年度无相关情况" not in text
    again = parse(text)
    assert again.reviews is None and again.statements == ()


def test_stock_prose_only_on_request() -> None:
    report = attrs.evolve(parse(SEED_PATHS[3]), reviews=None, statements=())
    text = render(report, stock_prose=True)
    assert "本年度无相关情况。" in text and "与公众期待仍有差距" in text
    assert MISSING_TABLE not in text


def test_render_refuses_a_text_with_no_report(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class _Stdin:
        buffer = io.BytesIO(b"hello\n")

    monkeypatch.setattr(sys, "stdin", _Stdin)
    assert main(["render", "-"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no report was recognised" in captured.err


def test_render_cli_stock_prose_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(SEED_PATHS[3])]) == 0
    plain = capsys.readouterr().out
    assert main(["render", "--stock-prose", str(SEED_PATHS[3])]) == 0
    stock = capsys.readouterr().out
    assert "与公众期待仍有差距" in stock and "与公众期待仍有差距" not in plain
