"""``opengov-report check``: run the check catalogue over files and folders, ruff-style.

Prints ``path:line:col: CODE [severity] message`` per finding (or JSON / JSON lines), then
exits 0 when nothing at or above ``--fail-on`` was found, 1 when something was, and 2 on a
usage error or when an input could not be read (the other inputs are still checked).
"""

from __future__ import annotations

import argparse
import functools
import json
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple, TextIO

from ..checks import (
    RULES,
    Finding,
    RuleScope,
    Severity,
    UnknownRuleError,
    check,
    check_pair,
    select_rules,
)
from ..model.report import AnnualReport
from ..serialize import FORMAT_VERSION, converter
from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from .kept_reports import KeptReports, PackedReport
from .runner import add_batch_arguments, run_batch

__all__ = ["format_finding", "register"]


def _codes(text: str) -> list[str]:
    return [c.strip() for c in text.split(",") if c.strip()]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``check`` command."""
    p = commands.add_parser(
        "check",
        help="check each report's numbers and outline against the format's identities",
        description="Check reports (files, folders searched recursively, zip archives) against "
        "the rule "
        "catalogue: accounting identities, values, outline, prose against tables, and, over "
        "several reports of one agency, the cross-year identities.  Exit status: 0 when no "
        "finding is at or above --fail-on, 1 when one is, 2 on usage or input errors.",
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="report files, folders or zip archives ('-' for stdin)",
    )
    p.add_argument(
        "--select",
        action="append",
        type=_codes,
        metavar="CODES",
        help="only these rule codes, prefixes or names (comma-separated; repeatable)",
    )
    p.add_argument(
        "--ignore",
        action="append",
        type=_codes,
        metavar="CODES",
        help="not these rule codes, prefixes or names (comma-separated; repeatable)",
    )
    p.add_argument(
        "--format",
        choices=("text", "json", "jsonl"),
        default="text",
        help="text lines (default), one JSON document (opengov_report's findings format, "
        "see json_schema('findings')), or one JSON object per finding and line",
    )
    p.add_argument(
        "--statistics",
        action="store_true",
        help="print the number of findings per rule instead of the findings",
    )
    p.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        default="error",
        help="the least severity that makes the exit status 1 (default: error)",
    )
    add_batch_arguments(p)
    p.set_defaults(run=_run)


def format_finding(f: Finding) -> str:
    """``path:line:col: CODE [severity] message`` (line and column 1 when not located)."""
    return (
        f"{f.source or '<stdin>'}:{f.line or 1}:{f.column or 1}: "
        f"{f.code} [{f.severity.value}] {f.message}"
    )


def _flat(groups: list[list[str]] | None) -> list[str] | None:
    return None if groups is None else [c for g in groups for c in g]


def _fails(worst: Severity | None, fail_on: str) -> bool:
    """Whether the worst finding is at or above the ``--fail-on`` severity."""
    return worst is not None and fail_on != "never" and worst.at_least(Severity(fail_on))


class _Checked(NamedTuple):
    """What a batch worker sends back for one report: the findings as text (text lines, JSON
    lines, or the items of the one JSON document), their codes and severities (for the counts
    and the exit status), and the report's tables, packed for the store, when it may pair."""

    text: str
    tally: tuple[tuple[str, str], ...]
    tables: PackedReport | None


def _checked(
    report: AnnualReport,
    *,
    select: list[str] | None,
    ignore: list[str] | None,
    fmt: str,
    statistics: bool,
    pairing: bool,
) -> _Checked:
    """Check one report in a batch worker, and make there what the command prints of it."""
    findings = check(report, select=select, ignore=ignore)
    text = "" if statistics else _lines(findings, fmt)
    return _Checked(
        text,
        tuple((f.code, f.severity.value) for f in findings),
        KeptReports.pack(report.without_document()) if pairing else None,
    )


def _lines(findings: Iterable[Finding], fmt: str) -> str:
    """The findings as text lines, JSON lines, or (``json``) items of the one JSON document
    (see :class:`_JsonDocument`)."""
    if fmt == "text":
        return "".join(format_finding(f) + "\n" for f in findings)
    if fmt == "jsonl":
        return "".join(
            json.dumps(converter.unstructure(f, Finding), ensure_ascii=False) + "\n"
            for f in findings
        )
    return "".join(_JsonDocument.item(f) for f in findings)


class _JsonDocument:
    """Writes the one JSON document of ``--format json`` as the findings come, so that memory
    stays flat: the same text as ``findings_to_json(findings, indent=1)`` (tested).

    Each finding is an item (:meth:`item`): its JSON at the depth of the list's items, ended
    by a comma and a newline; the writer drops the last comma when it closes the list."""

    _HEAD = f'{{\n "format_version": {FORMAT_VERSION},\n "findings": ['

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._pending = ""  # the last item written, held back for its comma

    @staticmethod
    def item(finding: Finding) -> str:
        """One finding as an item of the document's list (JSON strings hold no newline)."""
        text = json.dumps(converter.unstructure(finding, Finding), ensure_ascii=False, indent=1)
        return "  " + text.replace("\n", "\n  ") + ",\n"

    def write(self, items: str) -> None:
        """Add items made by :meth:`item` (several may come joined)."""
        if not items:
            return
        if not self._pending:
            self._out.write(self._HEAD + "\n")
        else:
            self._out.write(self._pending)
        self._pending = items

    def close(self) -> None:
        """End the document (an empty list when no item came)."""
        if not self._pending:
            self._out.write(self._HEAD + "]\n}\n")
        else:
            self._out.write(self._pending[:-2] + "\n ]\n}\n")


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    select, ignore = _flat(args.select), _flat(args.ignore)
    try:
        rules = select_rules(RULES, select, ignore)
    except UnknownRuleError as exc:
        print(f"opengov-report check: {exc}", file=err)
        return EXIT_ERROR
    status = EXIT_OK
    counts: Counter[str] = Counter()
    worst: Severity | None = None
    pairing = any(r.scope is RuleScope.PAIR for r in rules)

    def tally(found: Iterable[tuple[str, str]]) -> None:
        nonlocal worst
        for code, level in found:
            counts[code] += 1
            severity = Severity(level)
            if worst is None or severity.at_least(worst):
                worst = severity

    # the findings are checked and written out in the workers: sending their text costs far
    # less than sending them; the tables go only where a cross-year rule may use them
    transform = functools.partial(
        _checked,
        select=select,
        ignore=ignore,
        fmt=args.format,
        statistics=args.statistics,
        pairing=pairing,
    )
    results = run_batch(
        args.paths,
        err,
        jobs=args.jobs,
        quiet=args.quiet,
        glob=args.glob,
        encoding=args.encoding,
        errors=args.errors,
        max_size=args.max_size,
        check=False,
        select=select,
        ignore=ignore,
        transform=transform,
        note_unrecognized=False,  # the finding O100 says it
    )
    document = _JsonDocument(out) if args.format == "json" and not args.statistics else None
    write = document.write if document is not None else out.write
    # the dated reports wait on disk for their pairs: memory stays flat however many there are
    with KeptReports() as kept:
        for result in results:
            if not result.ok:
                status = EXIT_ERROR
                continue
            checked: _Checked = result.output
            tally(checked.tally)
            write(checked.text)
            if checked.tables is not None:
                kept.add_packed(checked.tables)
        for previous, current in kept.pairs():
            found = check_pair(previous, current, select=select, ignore=ignore)
            tally((f.code, f.severity.value) for f in found)
            if not args.statistics:
                write(_lines(found, args.format))
    if document is not None:
        document.close()
    if args.statistics:
        names = {r.code: r.name for r in RULES}
        for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            out.write(f"{n:>6}  {code}  {names[code]}\n")
    if status == EXIT_OK and _fails(worst, args.fail_on):
        status = EXIT_FINDINGS
    return status
