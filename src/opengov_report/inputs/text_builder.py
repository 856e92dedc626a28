"""Building the extracted text line by line, with the origin of each line's segments.

The input readers (html, docx, pdf) add paragraphs and table rows to a :class:`TextBuilder`
and get back the text and its :class:`~opengov_report.model.provenance.Provenance`.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..model.provenance import InputFormat, LineOrigins, Origin, Provenance

__all__ = ["TextBuilder", "cell_text", "join_lines"]


@attrs.define
class TextBuilder:
    """Accumulates extracted lines and their origins (used by the adapters)."""

    _lines: list[str] = attrs.field(factory=list)
    _origins: list[LineOrigins] = attrs.field(factory=list)

    def line(self, text: str, origin: Origin | None) -> None:
        """Add ``text`` as lines (split at newlines), each from ``origin``."""
        for part in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            self._lines.append(part)
            self._origins.append(((1, origin),) if origin is not None else ())

    def row(self, cells: Sequence[tuple[str, Origin | None]]) -> None:
        """Add a table row: the cells' texts joined by tabs, each cell from its origin.  The
        texts must not contain tabs or newlines (see :func:`cell_text`)."""
        segments: list[tuple[int, Origin]] = []
        column = 1
        parts: list[str] = []
        for text, origin in cells:
            if origin is not None:
                segments.append((column, origin))
            parts.append(text)
            column += len(text) + 1
        self._lines.append("\t".join(parts))
        self._origins.append(tuple(segments))

    def blank(self) -> None:
        """Add an empty line unless the text is empty or already ends with one."""
        if self._lines and self._lines[-1] != "":
            self._lines.append("")
            self._origins.append(())

    def build(self, fmt: InputFormat) -> tuple[str, Provenance]:
        """The text (every line ended by ``\\n``) and its provenance."""
        while self._lines and self._lines[-1] == "":
            self._lines.pop()
            self._origins.pop()
        text = "".join(line + "\n" for line in self._lines)
        return text, Provenance(fmt, tuple(self._origins))


def join_lines(lines: list[str]) -> str:
    """Join the lines of a wrapped cell or paragraph into one: with nothing between them when
    either side is a CJK (wide) character (a wrapped Chinese label, ``2023`` / ``年``), with one
    space between two words of Latin script or digits."""
    out = ""
    for line in lines:
        part = line.strip()
        if not part:
            continue
        if out and not (_wide(out[-1]) or _wide(part[0])):
            out += " "
        out += part
    return out


def cell_text(text: str) -> str:
    """A cell's text for a tab-separated row: its lines joined (:func:`join_lines`), tabs turned
    into spaces."""
    return join_lines(text.replace("\t", " ").replace("\r", "\n").split("\n"))


def _wide(ch: str) -> bool:
    return ch >= "\u2e80"
