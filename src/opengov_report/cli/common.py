"""What the commands share: exit codes and reading the named inputs."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from ..errors import OpenGovReportError
from ..model.report import AnnualReport
from ..report import parse
from ..source import Errors, read_limited, size_limit

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_OK", "inputs"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


def inputs(
    names: Sequence[str],
    err: TextIO,
    *,
    encoding: str | None = None,
    errors: Errors = "strict",
    max_size: int | None = None,
) -> Iterator[tuple[str, AnnualReport | None]]:
    """Parse each named input (bytes decoded with ``encoding`` and ``errors``, see
    :func:`opengov_report.decode`), reporting failures on ``err`` as ``name: message``."""
    for name in names:
        try:
            if name == "-":
                source: bytes | Path = read_limited(sys.stdin.buffer, size_limit(max_size))
            else:
                source = Path(name)
            yield (
                name if name != "-" else "<stdin>",
                parse(source, encoding=encoding, errors=errors, max_size=max_size),
            )
        except OpenGovReportError as exc:
            message = str(exc)
            if not message.startswith(name):
                message = f"{name}: {message}"
            print(f"opengov-report: {message}", file=err)
            yield name, None
