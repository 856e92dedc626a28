"""A corpus database: the reports, figures and findings of many reports in one DuckDB file
(the ``duckdb`` extra, imported only when used).

Tables (``"table"``, ``"row"`` and ``"column"`` are SQL keywords: quote them, or qualify them
as ``f.row``):

- ``reports``: one row per report: ``source`` (the file; it joins the tables), ``title``,
  ``agency``, ``year``, ``published`` (DATE), ``signatory``, ``era``, ``tables`` (VARCHAR[]
  of table ids), ``figures``, ``missing``, ``statements`` and the count of findings by
  severity (``errors``, ``warnings``, ``infos``).
- ``figures``: the tidy rows (:mod:`opengov_report.serialize.tidy`); ``value`` is
  DECIMAL(38, 8), exact, NULL for blank, 无, dash and unreadable cells (``kind`` says which).
- ``findings``: one row per finding of :func:`opengov_report.check`: ``source``, ``agency``,
  ``year``, ``code``, ``rule`` (its name), ``severity``, ``message``, the first location's
  ``"table"``, ``"row"``, ``"column"``, ``label``, ``line`` and ``col``, ``expected`` and
  ``actual`` (DECIMAL(38, 8)), and ``figure_ids`` (VARCHAR[]: every cell involved).
"""

from __future__ import annotations

import datetime
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from decimal import Context, Decimal, localcontext
from pathlib import Path
from typing import Any, TextIO

import attrs

from .._atomic import replace_atomically
from ..checks import RULES, check
from ..checks.finding import Finding
from ..errors import OpenGovReportError, SerializationError
from ..model.report import AnnualReport
from ..report import parse
from ._extras import require
from .tidy import tidy_rows

__all__ = ["BuildResult", "build_database", "report_paths"]

_DECIMAL = "DECIMAL(38, 8)"
_SCALE = Decimal(1).scaleb(-8)
_LIMIT = Decimal(10) ** 30
#: each table's columns and SQL types, in order
_TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "reports": (
        ("source", "VARCHAR"), ("title", "VARCHAR"), ("agency", "VARCHAR"),
        ("year", "SMALLINT"), ("published", "DATE"), ("signatory", "VARCHAR"),
        ("era", "VARCHAR"), ("tables", "VARCHAR[]"), ("figures", "INTEGER"),
        ("missing", "INTEGER"), ("statements", "INTEGER"), ("errors", "INTEGER"),
        ("warnings", "INTEGER"), ("infos", "INTEGER"),
    ),
    "figures": (
        ("source", "VARCHAR"), ("agency", "VARCHAR"), ("year", "SMALLINT"), ("era", "VARCHAR"),
        ("table", "VARCHAR"), ("row", "VARCHAR"), ("column", "VARCHAR"), ("kind", "VARCHAR"),
        ("value", _DECIMAL), ("unit", "VARCHAR"), ("raw", "VARCHAR"), ("line", "INTEGER"),
        ("col", "INTEGER"), ("label", "VARCHAR"), ("recovered", "BOOLEAN"),
    ),
    "findings": (
        ("source", "VARCHAR"), ("agency", "VARCHAR"), ("year", "SMALLINT"), ("code", "VARCHAR"),
        ("rule", "VARCHAR"), ("severity", "VARCHAR"), ("message", "VARCHAR"),
        ("table", "VARCHAR"), ("row", "VARCHAR"), ("column", "VARCHAR"), ("label", "VARCHAR"),
        ("line", "INTEGER"), ("col", "INTEGER"), ("expected", _DECIMAL), ("actual", _DECIMAL),
        ("figure_ids", "VARCHAR[]"),
    ),
}  # fmt: skip


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

    ``out_path`` is replaced when it exists; the file is written beside it under a temporary
    name and renamed when complete, so an error or an interrupt leaves the previous file as it
    was and no temporary file behind.  With ``strict`` (the default) the first input that
    cannot be read raises its :class:`~opengov_report.OpenGovReportError`; otherwise it is
    skipped and listed in :attr:`BuildResult.failed`.  A report without a ``source`` is named
    ``<report N>``.
    """
    duckdb = require("duckdb", "duckdb", "The corpus database")
    out = Path(out_path)
    failed: list[tuple[str, str]] = []
    counts: dict[str, int] = {}

    def write(tmp: Path) -> bool:
        tmp.unlink()  # DuckDB creates its file: an empty one is not a database
        with tempfile.TemporaryDirectory(prefix="opengov-report-") as staging:
            # rows are staged as JSON lines and loaded by DuckDB's reader: binding parameters
            # row by row costs ~20 µs a value, the reader a fraction of that
            files = {name: Path(staging, f"{name}.jsonl") for name in _TABLES}
            counts.update(_stage(items, strict, failed, files))
            try:
                con = duckdb.connect(str(tmp))
            except duckdb.Error as exc:
                raise SerializationError(f"cannot create the database {out}: {exc}") from None
            try:
                for name, columns in _TABLES.items():
                    con.execute(_create(name, columns))
                    if counts[name]:
                        con.execute(_load(name, columns, files[name]))
                con.close()
            except duckdb.Error as exc:
                con.close()
                _remove(tmp)
                raise SerializationError(f"cannot write the database {out}: {exc}") from None
            except BaseException:
                con.close()
                _remove(tmp)
                raise
        return True

    try:
        replace_atomically(out, write)
    except OSError as exc:
        raise SerializationError(
            f"cannot write the database {out}: {exc.strerror or exc}"
        ) from None
    return BuildResult(counts["reports"], counts["figures"], counts["findings"], tuple(failed))


def _stage(
    items: Iterable[AnnualReport | str | os.PathLike[str]],
    strict: bool,
    failed: list[tuple[str, str]],
    files: dict[str, Path],
) -> dict[str, int]:
    counts = dict.fromkeys(_TABLES, 0)
    handles = {name: path.open("w", encoding="utf-8") for name, path in files.items()}
    try:
        for number, (name, report) in enumerate(_reports(items, strict, failed), start=1):
            source = name or report.source or f"<report {number}>"
            found = check(report)
            figures = [row.as_tuple() for row in tidy_rows(report, source)]
            rows = {
                "reports": [_report_row(report, source, len(figures), found)],
                "figures": figures,
                "findings": [_finding_row(report, source, f) for f in found],
            }
            for table, table_rows in rows.items():
                _write_rows(handles[table], _TABLES[table], table_rows)
                counts[table] += len(table_rows)
    finally:
        for handle in handles.values():
            handle.close()
    return counts


def _write_rows(
    handle: TextIO, columns: tuple[tuple[str, str], ...], rows: Sequence[tuple[Any, ...]]
) -> None:
    names = [name for name, _ in columns]
    exact = [sql_type == _DECIMAL for _, sql_type in columns]
    for row in rows:
        values = [
            _exact_text(v) if is_exact and v is not None else _json_value(v)
            for v, is_exact in zip(row, exact, strict=True)
        ]
        record = dict(zip(names, values, strict=True))
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _exact_text(value: int | Decimal) -> str:
    """A number for a DECIMAL column as text: DuckDB casts text exactly, a JSON number not."""
    number = Decimal(value)
    with localcontext(Context(prec=80)):  # 38 digits fit; the default 28 would not
        fits = abs(number) < _LIMIT and number == number.quantize(_SCALE)
    if not fits:
        raise SerializationError(f"{value} does not fit {_DECIMAL} exactly")
    return format(number, "f")


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _create(name: str, columns: tuple[tuple[str, str], ...]) -> str:
    body = ", ".join(f'"{column}" {sql_type}' for column, sql_type in columns)
    return f"CREATE TABLE {name} ({body})"


def _load(name: str, columns: tuple[tuple[str, str], ...], path: Path) -> str:
    # the DECIMAL columns are read as text and cast, so nothing passes through a float
    spec = ", ".join(
        f"'{column}': '{'VARCHAR' if sql_type == _DECIMAL else sql_type}'"
        for column, sql_type in columns
    )
    select = ", ".join(
        f'CAST("{column}" AS {_DECIMAL})' if sql_type == _DECIMAL else f'"{column}"'
        for column, sql_type in columns
    )
    source = str(path).replace("'", "''")
    return (
        f"INSERT INTO {name} SELECT {select} FROM read_json('{source}', "
        f"format = 'newline_delimited', columns = {{{spec}}})"
    )


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


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + ".wal")):
        if p.exists():
            p.unlink()
