"""Rules V1xx: cell values — blank, 无 and dash where a number is wanted, unreadable values,
negative counts and values of the wrong kind for their column."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple, cast

from .._chars import squash
from .._memo import Memo
from .._slots import tuple_builder
from ..document import Span
from ..model.report import AnnualReport
from ..model.tables import DISCLOSURE, LEGACY
from ..model.values import MONEY_UNITS, Value, ValueKind
from .context import Context
from .examples import (
    APPLICATIONS_HEAD,
    APPLICATIONS_SECTION,
    DISCLOSURE_SECTION,
    TITLE,
    TITLE_2019_FORMAT,
    disclosure_2019,
    disclosure_2021,
    example,
)
from .finding import Finding, Location, Severity, new_locations
from .grid import official_column_label, official_column_labels, official_row_label
from .registry import Rule, RuleTag, rule

__all__ = ["AMOUNT_COLUMNS", "SIGNED_COLUMNS"]

#: columns whose values are amounts of money, not counts
AMOUNT_COLUMNS = frozenset({(DISCLOSURE, "amount")})
#: columns whose values are signed changes (本年增/减)
SIGNED_COLUMNS = frozenset({(DISCLOSURE, "change")})


class _Cell(NamedTuple):
    """A figure a value rule looks at (the fields of :class:`~..model.tables.Figure` it
    reads), with ``run``: the index of its table row's run along all the figures, to group
    by table row.  A tuple: a report may have a hundred blank cells, and an attrs Figure costs
    several times as much to build."""

    run: int
    table: str
    row: str
    column: str
    value: Value
    row_label: str
    unit: str | None


#: a _Cell made from a tuple of its fields, without NamedTuple's Python-level __new__
_new_cell = tuple_builder(_Cell, ("run", "table", "row", "column", "value", "row_label", "unit"))


def _row(f: _Cell) -> str:
    return official_row_label(f.table, f.row, f.row_label)


def _col(f: _Cell) -> str:
    return official_column_label(f.table, f.column)


def _location(f: _Cell) -> Location:
    return Location(f.table, f.row, f.column, f"{_row(f)} / {_col(f)}", f.value.span)


def _wants_count(f: _Cell) -> bool:
    """Whether a figure's cell holds a count (not an amount, not a signed change)."""
    if f.table == LEGACY:
        return f.unit is None or f.unit not in MONEY_UNITS
    return (f.table, f.column) not in AMOUNT_COLUMNS and (f.table, f.column) not in SIGNED_COLUMNS


# compared by identity in the loops (hashing an enum member is a Python-level call)
_COUNT, _ZERO, _AMOUNT, _CHANGE = (
    ValueKind.COUNT,
    ValueKind.ZERO,
    ValueKind.AMOUNT,
    ValueKind.CHANGE,
)
_BLANK, _NONE, _DASH = ValueKind.BLANK, ValueKind.NONE, ValueKind.DASH
_UNREADABLE = ValueKind.UNREADABLE


def _notable(report: AnnualReport) -> tuple[_Cell, ...]:
    """The figures a value rule may report on, each with the index of its table row's run.

    A plain count or zero without a unit (almost every cell) is no value rule's business:
    each rule below needs a blank-like, unreadable, amount or change kind, or a unit.  One
    pass over the tables, in the order of ``report.figures()``, builds a :class:`_Cell`
    only for the other cells.  The run index counts the changes of (table, row) along all
    the figures, so that the rules can group by table row as they would over all figures.
    """
    out: list[_Cell] = []
    run = -1
    for table in (report.disclosure, report.applications, report.reviews):
        if table is None:
            continue
        tid = table.table_id
        row: str | None = None  # a new table starts a new run
        for c in table.cells:
            if c.row != row:
                run, row = run + 1, c.row
            v = c.value
            kind = v.kind
            if (kind is _COUNT or kind is _ZERO) and v.unit is None:
                continue
            out.append(_new_cell((run, tid, c.row, c.column, v, c.row_label, v.unit)))
    legacy = report.legacy
    if legacy is not None:
        row = None
        for r in legacy.rows:
            if r.id != row:
                run, row = run + 1, r.id
            # the row's value, then its cumulative value (where the table has them)
            v = r.value
            kind = v.kind
            if (kind is not _COUNT and kind is not _ZERO) or v.unit is not None:
                out.append(_new_cell((run, LEGACY, r.id, "value", v, r.label, r.unit)))
            cumulative = r.cumulative
            if cumulative is not None:
                kind = cumulative.kind
                if (kind is not _COUNT and kind is not _ZERO) or cumulative.unit is not None:
                    cell = (run, LEGACY, r.id, "cumulative", cumulative, r.label, r.unit)
                    out.append(_new_cell(cell))
    return tuple(out)


class _Sorted(NamedTuple):
    """The notable figures by the rules that read them, each list in figure order."""

    blank: list[list[_Cell]]  # blank figures, grouped by table row (V101)
    none_or_dash: list[list[_Cell]]  # 无 and dash figures, grouped by table row (V102)
    unreadable: list[_Cell]  # V103
    numbered: list[_Cell]  # the figures with a number: amounts, changes, units (V104, V105)


def _sort(figures: tuple[_Cell, ...]) -> _Sorted:
    """The figures by the rules that read them, in one pass."""
    found = _Sorted([], [], [], [])
    blank, none_or_dash = found.blank, found.none_or_dash
    last_blank = last_other = -1
    for f in figures:
        value = f.value
        kind = value.kind
        if kind is _BLANK:
            if f.run != last_blank:
                blank.append([])
                last_blank = f.run
            blank[-1].append(f)
        elif kind is _NONE or kind is _DASH:
            if f.run != last_other:
                none_or_dash.append([])
                last_other = f.run
            none_or_dash[-1].append(f)
        elif kind is _UNREADABLE:
            found.unreadable.append(f)
        elif value.number is not None:
            found.numbered.append(f)
    return found


def _figures(ctx: Context) -> _Sorted:
    """The report's notable figures (:func:`_notable`) by rule, computed once per check."""
    return ctx.memo("values:notable", lambda report: _sort(_notable(report)))


def _located(ctx: Context, figures: list[_Cell]) -> tuple[str, list[str], tuple[Location, ...]]:
    """The row label of one table row's first figure (as :func:`_row`), the column labels of
    its figures, and their locations (as :func:`_location`), with each row label made once,
    not once per cell.

    A blank or 无 cell is usually a term of an identity that failed too (a grid rule ran
    before): where the grid located the cell with the same label, its location is the same
    object, taken instead of made again."""
    first = figures[0]
    table = first.table  # one table row: one table
    official = official_column_labels(table)
    grid = ctx.built_grid(table)
    made = grid.locations_made() if grid is not None else {}
    rows: dict[str, str] = {}
    columns: list[str] = []
    locations: list[Location | None] = []
    places: list[tuple[str, str, str, Span | None]] = []
    for _, _, row, column, value, row_label, _ in figures:
        row_name = rows.get(row_label)
        if row_name is None:
            row_name = rows[row_label] = official_row_label(table, row, row_label)
        column_name = official.get(column, column)
        columns.append(column_name)
        label = f"{row_name} / {column_name}"
        span = value.span
        found = made.get((row, column))
        if found is None or found.label != label or found.span is not span:
            found = None
            places.append((row, column, label, span))
        locations.append(found)
    if places:
        fresh = iter(new_locations(table, places))
        locations = [found if found is not None else next(fresh) for found in locations]
    return rows[first.row_label], columns, cast("tuple[Location, ...]", tuple(locations))


#: ``squash(raw)`` of a cell's text, remembered (无, ——, - and / come back in every row)
_SQUASHED: Memo[str, str] = Memo(squash, 1024)
_squashed = _SQUASHED.__getitem__


@rule(
    "V101",
    "value-blank",
    Severity.WARNING,
    RuleTag.VALUE,
    "A cell of a statistical table was left blank where the form wants a number.",
    "Blank is not zero: an empty cell says nothing, so identities over it cannot be checked as "
    "written.  The forms want a number (0 where there is nothing) in every value cell of tables "
    "二, 三 and 四 and in every indicator row of a legacy 统计表.  One finding per table row, "
    "naming its blank cells.",
    failing=example(
        TITLE,
        APPLICATIONS_SECTION,
        *APPLICATIONS_HEAD,
        "| 一、本年新收政府信息公开申请数量 | 4 | | 0 | 0 | 0 | 0 | 4 |",
    ),
    passing=example(
        TITLE,
        APPLICATIONS_SECTION,
        *APPLICATIONS_HEAD,
        "| 一、本年新收政府信息公开申请数量 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |",
    ),
)
def value_blank(ctx: Context, this: Rule) -> Iterator[Finding]:
    for figures in _figures(ctx).blank:
        n = len(figures)
        row, columns, locations = _located(ctx, figures)
        yield this.finding(
            f"row {row}: {n} blank cell{'s' if n > 1 else ''} "
            f"where a number is wanted ({', '.join(columns)})",
            locations,
            source=ctx.source,
        )


@rule(
    "V102",
    "value-none-or-dash",
    Severity.INFO,
    RuleTag.VALUE,
    "A value cell says 无 or —— where the form wants a number (0).",
    "无 (none) and —— (not applicable) are facts of their own, kept apart from 0; the forms "
    "want a number in every value cell.  Identities read them as 0 only to say whether they "
    "would then hold (see the arithmetic rules).  One finding per table row.",
    failing=example(
        TITLE,
        APPLICATIONS_SECTION,
        *APPLICATIONS_HEAD,
        "| 二、上年结转政府信息公开申请数量 | 无 | 无 | 无 | 无 | 无 | 无 | 无 |",
    ),
    passing=example(
        TITLE,
        APPLICATIONS_SECTION,
        *APPLICATIONS_HEAD,
        "| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
    ),
)
def value_none_or_dash(ctx: Context, this: Rule) -> Iterator[Finding]:
    for figures in _figures(ctx).none_or_dash:
        row, columns, locations = _located(ctx, figures)
        written = ", ".join(
            [f"{c} {_squashed(f.value.raw)}" for c, f in zip(columns, figures, strict=True)]
        )
        yield this.finding(
            f"row {row}: 无/—— where the form wants a number ({written})",
            locations,
            source=ctx.source,
        )


@rule(
    "V103",
    "value-unreadable",
    Severity.WARNING,
    RuleTag.VALUE,
    "A cell's text reads as no number, 无, dash or amount (kept raw).",
    "The value of the cell could not be read (``约10``, ``1.2.3``, words): it is kept as "
    "written, and the identities it takes part in are not checked.  A cell the table lists "
    "as missing (glued digits no constraint cuts) is reported by O105 instead.",
    failing=example(
        TITLE,
        APPLICATIONS_SECTION,
        *APPLICATIONS_HEAD,
        "| 一、本年新收政府信息公开申请数量 | 4 | 约1 | 0 | 0 | 0 | 0 | 5 |",
    ),
    passing=example(
        TITLE,
        APPLICATIONS_SECTION,
        *APPLICATIONS_HEAD,
        "| 一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | 5 |",
    ),
)
def value_unreadable(ctx: Context, this: Rule) -> Iterator[Finding]:
    # a cell its table lists as missing (glued digits left uncut …) is O105's to report
    listed = {
        (table.table_id, m.row, m.column) for table in ctx.report.tables for m in table.missing
    }
    for f in _figures(ctx).unreadable:
        if (f.table, f.row, f.column) in listed:
            continue
        yield this.finding(
            f"row {_row(f)}, column {_col(f)}: unreadable value {squash(f.value.raw)!r}",
            (_location(f),),
            source=ctx.source,
        )


@rule(
    "V104",
    "value-negative",
    Severity.ERROR,
    RuleTag.STRUCTURAL,
    "A count cell holds a negative number.",
    "Counts of documents, decisions, applications and cases cannot be negative; only the "
    "本年增/减 column of the 2019 table 二 holds signed changes.  format-spec §4.5, §5.2 "
    "(all counts are non-negative integers).",
    failing=example(
        TITLE,
        APPLICATIONS_SECTION,
        *APPLICATIONS_HEAD,
        "| 四、结转下年度继续办理 | -1 | 0 | 0 | 0 | 0 | 0 | -1 |",
    ),
    passing=example(
        TITLE_2019_FORMAT, DISCLOSURE_SECTION, *disclosure_2019(license_items="30 | -5 | 40")
    ),
)
def value_negative(ctx: Context, this: Rule) -> Iterator[Finding]:
    for f in _figures(ctx).numbered:
        n = f.value.number
        if n is not None and n < 0 and _wants_count(f):
            yield this.finding(
                f"row {_row(f)}, column {_col(f)}: negative count {squash(f.value.raw)}",
                (_location(f),),
                expected=0,
                actual=n,
                source=ctx.source,
            )


@rule(
    "V105",
    "value-kind",
    Severity.WARNING,
    RuleTag.VALUE,
    "A value of the wrong kind for its column: an amount or decimal in a count cell, a "
    "signed change outside 本年增/减, a count with a unit in an amount cell.",
    "Count cells hold whole numbers without units; amount cells (本年收费金额, 采购总金额) hold "
    "money; only 本年增/减 holds signed changes (增23, 减13).  A unit or decimal in a count cell "
    "usually means the cell was shifted or filled in the wrong column.  format-spec §8.",
    failing=example(
        TITLE,
        APPLICATIONS_SECTION,
        *APPLICATIONS_HEAD,
        "| 三、本年度办理结果 | （一）予以公开 | 2.5 | 0 | 0 | 0 | 0 | 0 | 2.5 |",
    ),
    passing=example(TITLE, DISCLOSURE_SECTION, *disclosure_2021(fees="1.25")),
)
def value_kind(ctx: Context, this: Rule) -> Iterator[Finding]:
    for f in _figures(ctx).numbered:
        kind = f.value.kind
        if kind is not _COUNT and kind is not _AMOUNT and kind is not _CHANGE:
            continue  # blank, 无, dash, unreadable, zero: never of the wrong kind
        why: str | None = None
        if _wants_count(f) and f.table != LEGACY:
            if kind is ValueKind.AMOUNT:
                why = "an amount or decimal in a count cell"
            elif kind is ValueKind.CHANGE and f.value.number is not None and f.value.number > 0:
                why = "a signed change in a count cell"
            elif kind is ValueKind.COUNT and f.value.unit is not None:
                why = f"a unit ({f.value.unit}) in a count cell"
        elif (f.table, f.column) in AMOUNT_COLUMNS and kind is ValueKind.COUNT and f.value.unit:
            why = f"a count ({f.value.unit}) in an amount cell"
        if why is not None:
            yield this.finding(
                f"row {_row(f)}, column {_col(f)}: {why}: {squash(f.value.raw)!r}",
                (_location(f),),
                source=ctx.source,
            )
