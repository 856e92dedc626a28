"""The ``opengov-report`` command line.

Exit status: 0 when everything was read (and, for ``check``, nothing at or above ``--fail-on``
was found), 1 when ``check`` found something, 2 on a usage error or when any input could not be
read or decoded (the other inputs are still processed, and each failure is one line on stderr),
130 when interrupted (Ctrl-C: no traceback, at any point of the run).

This module imports nothing of the library until :func:`main` runs (the package itself loads
its names on first use): an interrupt while the commands and the library load, the slow part
of the start, is caught there like one during the run.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["EXIT_INTERRUPTED", "main"]

#: the exit status of an interrupted run (128 + SIGINT, as a shell reports it)
EXIT_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    try:
        from .commands import run  # noqa: PLC0415 (loaded here: see the module's docstring)

        return run(argv)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
