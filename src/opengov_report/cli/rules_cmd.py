"""``opengov-report rules``: the rule catalogue, or one rule explained."""

from __future__ import annotations

import argparse
from typing import TextIO

from ..checks import RULES
from ..checks.docs import rule_text, rules_markdown
from .common import EXIT_ERROR, EXIT_OK

__all__ = ["register"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``rules`` command."""
    p = commands.add_parser(
        "rules",
        help="list the rule catalogue, or explain one rule",
        description="List every rule (code, severity, name, summary), explain the rules named, "
        "or print the catalogue as the Markdown page docs/rules.md.",
    )
    p.add_argument("codes", nargs="*", metavar="CODE", help="rule codes or names to explain")
    p.add_argument("--markdown", action="store_true", help="print docs/rules.md")
    p.set_defaults(run=_run)


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.markdown:
        out.write(rules_markdown())
        return EXIT_OK
    if not args.codes:
        for r in RULES:
            out.write(f"{r.code}  {r.severity.value:<7}  {r.name:<38}  {r.summary}\n")
        return EXIT_OK
    status = EXIT_OK
    for i, code in enumerate(args.codes):
        found = [r for r in RULES if code.upper() == r.code or code == r.name]
        if not found:
            print(f"opengov-report rules: no rule {code!r}", file=err)
            status = EXIT_ERROR
            continue
        out.write(("\n" if i else "") + rule_text(found[0]))
    return status
