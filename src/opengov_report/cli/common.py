"""What the commands share: exit codes and reading the named inputs."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from ..errors import OpenGovReportError
from ..model.report import AnnualReport
from ..report import parse

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_OK", "REPORT_SUFFIXES", "expand", "inputs"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


#: the files a folder contributes: report texts (and the published formats, read by content)
REPORT_SUFFIXES = frozenset({".txt", ".text", ".htm", ".html", ".docx", ".pdf"})


def expand(names: Sequence[str]) -> Iterator[str]:
    """The named inputs with each folder replaced by its report files, recursively, in sorted
    order (files named explicitly are taken whatever their suffix)."""
    for name in names:
        path = Path(name)
        if name != "-" and path.is_dir():
            found = (p for p in path.rglob("*") if p.suffix.lower() in REPORT_SUFFIXES)
            yield from sorted(str(p) for p in found if p.is_file())
        else:
            yield name


def inputs(names: Sequence[str], err: TextIO) -> Iterator[tuple[str, AnnualReport | None]]:
    """Parse each named input, reporting failures on ``err`` as ``name: message``."""
    for name in names:
        try:
            if name == "-":
                yield "<stdin>", parse(sys.stdin.buffer.read())
            else:
                yield name, parse(Path(name))
        except OpenGovReportError as exc:
            message = str(exc)
            if not message.startswith(name):
                message = f"{name}: {message}"
            print(f"opengov-report: {message}", file=err)
            yield name, None
