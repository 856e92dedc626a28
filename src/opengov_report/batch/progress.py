"""A progress line for a terminal and a summary for the end of a run; no dependency.

    progress = Progress(sys.stderr, total=n)   # drawn only when stderr is a terminal
    for result in batch.process(paths):
        progress.add(result)
    progress.close()
    print(progress.summary(), file=sys.stderr)

The line shows files done (of the total when known, with a bar), megabytes, the rate in MB/s
and files/s, and failures.  It is redrawn at most ten times a second, in place (``\\r`` and
erase-line), and only when the stream is a terminal (or ``enabled=True``): logs and pipes get
no control characters.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

from .worker import FileResult

__all__ = ["Progress"]

_ERASE = "\r\x1b[K"
_BAR = 24


class Progress:
    """Counts files, bytes and failures; draws a progress line on ``stream`` when enabled.

    ``enabled`` defaults to ``stream.isatty()``; ``total`` (the number of files, when known)
    adds a bar and ``n/total``.  :meth:`message` prints a line (an error) without garbling
    the progress line; :meth:`close` erases it; :meth:`summary` is the one-line account of the
    run, drawn or not.  The line is cut to ``width`` columns (default: the terminal's width)
    so that it never wraps.  ``clock`` is for tests.
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        total: int | None = None,
        enabled: bool | None = None,
        interval: float = 0.1,
        width: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.total = total
        self.enabled = _isatty(stream) if enabled is None else enabled
        self.files = 0
        self.failed = 0
        self.skipped = 0
        self.bytes = 0
        self._interval = interval
        self._width = width
        self._clock = clock
        self._start = clock()
        self._end: float | None = None
        self._drawn_at: float | None = None
        self._shown = False

    @property
    def elapsed(self) -> float:
        """Seconds since the start (frozen at :meth:`close`)."""
        return (self._end if self._end is not None else self._clock()) - self._start

    def add(self, result: FileResult) -> None:
        """Count one file's result."""
        self.update(result.size, failed=not result.ok)

    def update(self, size: int, *, failed: bool = False) -> None:
        """Count one file of ``size`` bytes, failed or not; redraw when it is time."""
        self.files += 1
        self.bytes += size
        self.failed += failed
        if not self.enabled:
            return
        now = self._clock()
        done = self.total is not None and self.files >= self.total
        if done or self._drawn_at is None or now - self._drawn_at >= self._interval:
            self._draw(now)

    def skip(self) -> None:
        """Count one input that was listed but not read (see ``iter_sources``'s ``on_skip``)."""
        self.skipped += 1

    def message(self, text: str) -> None:
        """Write ``text`` as a line of its own, above the progress line."""
        if self._shown:
            self.stream.write(_ERASE)
        self.stream.write(text.rstrip("\n") + "\n")
        if self._shown:
            self._draw(self._clock())
        self.stream.flush()

    def close(self) -> None:
        """Stop the clock and erase the progress line."""
        if self._end is None:
            self._end = self._clock()
        if self._shown:
            self.stream.write(_ERASE)
            self.stream.flush()
            self._shown = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def line(self) -> str:
        """The progress line as it is drawn now."""
        elapsed = self.elapsed
        mb = self.bytes / 1e6
        rate = f"{mb / elapsed:.1f} MB/s, {self.files / elapsed:.0f} files/s" if elapsed > 0 else ""
        if self.total:
            filled = min(_BAR, _BAR * self.files // self.total)
            bar = "[" + "#" * filled + "." * (_BAR - filled) + "] "
            count = f"{self.files}/{self.total} files"
        else:
            bar, count = "", f"{self.files} files"
        parts = [f"{bar}{count}", f"{mb:.1f} MB"]
        if rate:
            parts.append(rate)
        parts.append(f"{self.failed} failed")
        if self.skipped:
            parts.append(f"{self.skipped} skipped")
        return "  ".join(parts)

    def summary(self) -> str:
        """One line on the whole run: files, size, time, rate, how many read and failed."""
        elapsed = self.elapsed
        mb = self.bytes / 1e6
        files = f"{self.files} file" + ("" if self.files == 1 else "s")
        rate = f" ({mb / elapsed:.2f} MB/s, {self.files / elapsed:.1f} files/s)" if elapsed else ""
        skipped = f", {self.skipped} skipped" if self.skipped else ""
        return (
            f"{files}, {mb:.2f} MB in {elapsed:.2f} s{rate}: "
            f"{self.files - self.failed} read, {self.failed} failed{skipped}"
        )

    def _draw(self, now: float) -> None:
        width = self._width or shutil.get_terminal_size().columns
        self.stream.write(_ERASE + _fit(self.line(), max(1, width - 1)))
        self.stream.flush()
        self._drawn_at = now
        self._shown = True


def _fit(line: str, width: int) -> str:
    """``line`` in at most ``width`` columns, cut between its parts (two spaces apart) or, if
    the first part alone is too long, at the last space that fits: never in the middle of a
    word or a number."""
    if len(line) <= width:
        return line
    parts = line.split("  ")
    while len(parts) > 1 and len("  ".join(parts)) > width:
        parts.pop()
    kept = "  ".join(parts)
    if len(kept) <= width:
        return kept
    cut = kept.rfind(" ", 0, width + 1)
    return kept[:cut].rstrip() if cut > 0 else kept[:width]


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False
