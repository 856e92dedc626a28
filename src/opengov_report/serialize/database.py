"""A corpus database: the reports, figures and findings of many reports in one DuckDB file
(the ``duckdb`` extra, imported only when used).

Tables (``"table"``, ``"row"`` and ``"column"`` are SQL keywords: quote them, or qualify them
as ``f.row``):

- ``reports``: one row per report: ``source`` (the key), ``title``, ``agency``, ``year``,
  ``published`` (DATE), ``signatory``, ``era``, ``tables`` (VARCHAR[] of table ids),
  ``figures``, ``missing``, ``statements`` and the count of findings by severity
  (``errors``, ``warnings``, ``infos``).
- ``figures``: the tidy rows (:mod:`opengov_report.serialize.tidy`); ``value`` is
  DECIMAL(38, 8), exact, NULL for blank, 无, dash and unreadable cells (``kind`` says which).
- ``findings``: one row per finding of :func:`opengov_report.check`: ``source``, ``agency``,
  ``year``, ``code``, ``rule`` (its name), ``severity``, ``message``, the first location's
  ``"table"``, ``"row"``, ``"column"``, ``label``, ``line`` and ``col``, ``expected`` and
  ``actual`` (DECIMAL(38, 8)), and ``figure_ids`` (VARCHAR[]: every cell involved).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..checks import RULES, check
from ..checks.finding import Finding
from ..errors import OpenGovReportError, SerializationError
from ..model.report import AnnualReport
from ..report import parse
from ._extras import require
from .tidy import tidy_rows

__all__ = ["BuildResult", "build_database", "report_paths"]

_DECIMAL = "DECIMAL(38, 8)"
_DDL = (
    """CREATE TABLE reports (
        source VARCHAR PRIMARY KEY, title VARCHAR, agency VARCHAR, year SMALLINT,
        published DATE, signatory VARCHAR, era VARCHAR, tables VARCHAR[], figures INTEGER,
        missing INTEGER, statements INTEGER, errors INTEGER, warnings INTEGER, infos INTEGER)""",
    f"""CREATE TABLE figures (
        source VARCHAR, agency VARCHAR, year SMALLINT, era VARCHAR, "table" VARCHAR,
        "row" VARCHAR, "column" VARCHAR, kind VARCHAR, value {_DECIMAL}, unit VARCHAR,
        raw VARCHAR, line INTEGER, col INTEGER, label VARCHAR, recovered BOOLEAN)""",
    f"""CREATE TABLE findings (
        source VARCHAR, agency VARCHAR, year SMALLINT, code VARCHAR, rule VARCHAR,
        severity VARCHAR, message VARCHAR, "table" VARCHAR, "row" VARCHAR, "column" VARCHAR,
        label VARCHAR, line INTEGER, col INTEGER, expected {_DECIMAL}, actual {_DECIMAL},
        figure_ids VARCHAR[])""",
)
_WIDTH = {"reports": 14, "figures": 15, "findings": 16}
_CHUNK = 400  # rows per INSERT statement


@attrs.frozen(slots=True)
class BuildResult:
    """What :func:`build_database` loaded: counts, and the inputs that could not be read
    (``(name, message)``, only when ``strict`` is False)."""

    reports: int
    figures: int
    findings: int
    failed: tuple[tuple[str, str], ...] = ()


def report_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Each path; a directory stands for every ``*.txt`` file below it, in sorted order."""
    for item in paths:
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        else:
            yield path


def build_database(
    items: Iterable[AnnualReport | str | os.PathLike[str]],
    out_path: str | os.PathLike[str],
    *,
    strict: bool = True,
) -> BuildResult:
    """Load reports (models, files, or folders of ``*.txt`` files) into a new DuckDB file.

    ``out_path`` is replaced when it exists; the file is written under a temporary name and
    renamed when complete.  With ``strict`` (the default) the first input that cannot be read
    raises its :class:`~opengov_report.OpenGovReportError`; otherwise it is skipped and listed
    in :attr:`BuildResult.failed`.  A report without a ``source`` is named ``<report N>``.
    """
    duckdb = require("duckdb", "duckdb", "The corpus database")
    out = Path(out_path)
    tmp = out.with_name(out.name + ".tmp")
    _remove(tmp)
    failed: list[tuple[str, str]] = []
    counts = {"reports": 0, "figures": 0, "findings": 0}
    try:
        con = duckdb.connect(str(tmp))
    except duckdb.Error as exc:
        raise SerializationError(f"cannot create the database {out}: {exc}") from None
    try:
        for statement in _DDL:
            con.execute(statement)
        for number, (name, report) in enumerate(_reports(items, strict, failed), start=1):
            source = name or report.source or f"<report {number}>"
            found = check(report)
            figures = [row.as_tuple() for row in tidy_rows(report, source)]
            _insert(con, "reports", [_report_row(report, source, len(figures), found)])
            _insert(con, "figures", figures)
            _insert(con, "findings", [_finding_row(report, source, f) for f in found])
            counts["reports"] += 1
            counts["figures"] += len(figures)
            counts["findings"] += len(found)
        con.close()
    except duckdb.Error as exc:
        con.close()
        _remove(tmp)
        raise SerializationError(f"cannot write the database {out}: {exc}") from None
    except BaseException:
        con.close()
        _remove(tmp)
        raise
    os.replace(tmp, out)
    return BuildResult(**counts, failed=tuple(failed))


def _reports(
    items: Iterable[AnnualReport | str | os.PathLike[str]],
    strict: bool,
    failed: list[tuple[str, str]],
) -> Iterator[tuple[str | None, AnnualReport]]:
    for item in items:
        if isinstance(item, AnnualReport):
            yield None, item
            continue
        for path in report_paths([item]):
            try:
                yield str(path), parse(path)
            except OpenGovReportError as exc:
                if strict:
                    raise
                failed.append((str(path), str(exc)))


def _report_row(
    report: AnnualReport, source: str, figures: int, found: Sequence[Finding]
) -> tuple[Any, ...]:
    meta = report.metadata
    severities = [f.severity.value for f in found]
    return (
        source,
        meta.title,
        meta.agency,
        meta.year,
        meta.published,
        meta.signatory,
        report.era.value,
        [t.table_id for t in report.tables],
        figures,
        sum(len(t.missing) for t in report.tables),
        len(report.statements),
        severities.count("error"),
        severities.count("warning"),
        severities.count("info"),
    )


_RULE_NAMES = {rule.code: rule.name for rule in RULES}


def _finding_row(report: AnnualReport, source: str, finding: Finding) -> tuple[Any, ...]:
    first = finding.locations[0] if finding.locations else None
    span = finding.span
    ids = [loc.figure_id for loc in finding.locations if loc.figure_id is not None]
    return (
        source,
        report.metadata.agency,
        report.metadata.year,
        finding.code,
        _RULE_NAMES.get(finding.code),
        finding.severity.value,
        finding.message,
        first.table if first else None,
        first.row if first else None,
        first.column if first else None,
        first.label if first else None,
        span.line if span else None,
        span.column if span else None,
        finding.expected,
        finding.actual,
        ids,
    )


def _insert(con: Any, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
    width = _WIDTH[table]
    one = "(" + ", ".join(["?"] * width) + ")"
    for start in range(0, len(rows), _CHUNK):
        chunk = rows[start : start + _CHUNK]
        params = [value for row in chunk for value in row]
        con.execute(f"INSERT INTO {table} VALUES " + ", ".join([one] * len(chunk)), params)


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + ".wal")):
        if p.exists():
            p.unlink()
