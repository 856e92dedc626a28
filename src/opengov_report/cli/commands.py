"""The command line's parser and its run: each command lives in a module of its own
(``parse_cmd``, ``check_cmd`` …) with a ``register`` function that adds its sub-parser; this
module builds the parser and runs the chosen command (:func:`opengov_report.cli.main` calls
:func:`run`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .. import __version__
from . import check_cmd, export_cmd, parse_cmd, render_cmd, rules_cmd
from .common import EXIT_OK

__all__ = ["run"]

#: the commands, in the order ``--help`` lists them
_COMMANDS = (parse_cmd, check_cmd, export_cmd, render_cmd, rules_cmd)


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="opengov-report",
        description="Read 政府信息公开工作年度报告 (government information-disclosure annual "
        "reports): outline, tables, numbers and their consistency.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in _COMMANDS:
        command.register(commands)
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (an interrupt propagates)."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args, sys.stdout, sys.stderr)
    except BrokenPipeError:  # `opengov-report parse … | head`
        sys.stderr.close()
        return EXIT_OK
    return status
