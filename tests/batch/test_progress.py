"""The progress line and the summary: drawn only when enabled, throttled, erased at the end."""

from __future__ import annotations

import io

from opengov_report.batch import FileResult, Progress


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_disabled_progress_writes_nothing_but_counts() -> None:
    stream = io.StringIO()
    clock = _Clock()
    progress = Progress(stream, clock=clock)  # a StringIO is not a terminal
    assert not progress.enabled
    progress.add(FileResult(path="a", ok=True, size=2_000_000))
    progress.add(FileResult(path="b", ok=False, error="b: bad", size=0))
    clock.now += 2.0
    progress.close()
    assert stream.getvalue() == ""
    assert (progress.files, progress.failed, progress.bytes) == (2, 1, 2_000_000)
    assert progress.summary() == (
        "2 files, 2.00 MB in 2.00 s (1.00 MB/s, 1.0 files/s): 1 read, 1 failed"
    )


def test_enabled_progress_draws_in_place_throttled_and_erases() -> None:
    stream = io.StringIO()
    clock = _Clock()
    progress = Progress(stream, total=4, enabled=True, clock=clock, interval=0.5, width=200)
    clock.now += 1.0
    progress.update(1_000_000)
    first = stream.getvalue()
    assert (
        first
        == "\r\x1b[K[######..................] 1/4 files  1.0 MB  1.0 MB/s, 1 files/s  0 failed"
    )
    clock.now += 0.1
    progress.update(1_000_000, failed=True)  # within the interval: not redrawn
    assert stream.getvalue() == first
    clock.now += 0.9
    progress.update(0)
    assert stream.getvalue().endswith("3/4 files  2.0 MB  1.0 MB/s, 2 files/s  1 failed")
    progress.message("opengov-report: b: bad")
    assert stream.getvalue().endswith(
        "\r\x1b[Kopengov-report: b: bad\n\r\x1b[K[##################......] 3/4 files  2.0 MB  1.0 MB/s, 2 files/s  1 failed"
    )
    progress.update(0)  # the last file is always drawn
    assert "[########################] 4/4 files" in stream.getvalue().rsplit("\r\x1b[K", 1)[1]
    progress.close()
    assert stream.getvalue().endswith("\r\x1b[K")
    assert progress.summary().endswith("3 read, 1 failed")


def test_message_without_a_drawn_line_is_a_plain_line() -> None:
    stream = io.StringIO()
    Progress(stream, enabled=False).message("opengov-report: x: failed\n")
    assert stream.getvalue() == "opengov-report: x: failed\n"


def test_summary_of_one_file_says_file() -> None:
    clock = _Clock()
    with Progress(io.StringIO(), clock=clock) as progress:
        progress.update(500_000)
    assert progress.summary().startswith("1 file, 0.50 MB in 0.00 s: 1 read, 0 failed")


def test_line_is_cut_to_the_width_between_its_parts() -> None:
    stream = io.StringIO()
    progress = Progress(stream, enabled=True, width=21, clock=_Clock())
    progress.update(10)
    assert stream.getvalue() == "\r\x1b[K" + "1 files  0.0 MB"


def test_line_is_never_cut_in_a_word() -> None:
    line = "[########................] 12/40 files  3.4 MB  1.2 MB/s, 4 files/s  1 failed"
    for width in range(2, len(line) + 3):
        stream = io.StringIO()
        progress = Progress(stream, enabled=True, width=width, clock=_Clock())
        progress.line = lambda: line  # type: ignore[method-assign]
        progress.update(1)
        drawn = stream.getvalue().removeprefix("\r\x1b[K")
        assert len(drawn) <= max(1, width - 1)
        assert line.startswith(drawn)
        rest = line[len(drawn) :]
        assert not rest or rest[0] == " " or len(drawn) == max(1, width - 1), (width, drawn)
