"""The four statistical tables, consistent by construction (or not, when asked)."""

from __future__ import annotations

from hypothesis import strategies as st

from .._memo import Memo
from ..model.era import Era
from ..model.forms import (
    APPLICANT_COLUMN_LABELS,
    APPLICANT_COLUMNS,
    APPLICATION_ROW_TEXT,
    DISCLOSURE_FORM,
    DISCLOSURE_ROW_LABELS,
    LEGACY_FORM,
    REVIEW_COLUMNS,
    REVIEW_GROUP_LABELS,
    REVIEW_GROUPS,
    LegacyIndicator,
    applicant_result_rows,
    application_rows,
)
from ..model.tables import (
    ApplicationTable,
    DisclosureTable2019,
    DisclosureTable2021,
    LegacyRow,
    LegacyTable,
    ReviewTable,
    TableCell,
)
from ..model.values import parse_value
from ._errors import check_era, check_positive
from ._values import amount_texts, small_counts, up_to, written, zero_texts

__all__ = [
    "application_tables",
    "disclosure_tables",
    "legacy_tables",
    "result_rows",
    "review_tables",
]

_PEOPLE = APPLICANT_COLUMNS[:6]  # natural_person and the five organisation columns


def result_rows(era: Era) -> tuple[str, ...]:
    """The rows whose sum is （七）总计 in a table of ``era`` (the form's fact)."""
    return applicant_result_rows("2021" if era is Era.V2021 else "2019")


_ERAS = (Era.V2021, Era.V2019)


def _make_cell_texts(max_count: int) -> st.SearchStrategy[str]:
    return st.one_of(
        st.just("0"), st.integers(1, max_count).map(str), st.sampled_from(("", "无", "——"))
    )


_CELL_TEXTS: Memo[int, st.SearchStrategy[str]] = Memo(_make_cell_texts, 16)
_cell_texts = _CELL_TEXTS.__getitem__


def _make_solid_texts(max_count: int) -> st.SearchStrategy[str]:
    return st.one_of(
        st.just("0"), st.integers(1, max_count).map(str), st.sampled_from(("无", "——"))
    )


_SOLID_TEXTS: Memo[int, st.SearchStrategy[str]] = Memo(_make_solid_texts, 16)
_solid_texts = _SOLID_TEXTS.__getitem__


_ORGS = APPLICANT_COLUMNS[1:6]
_SUBTOTAL_COLUMN = "legal_entity_subtotal"
_COLUMN_LABELS = {**APPLICANT_COLUMN_LABELS, _SUBTOTAL_COLUMN: "小计"}
#: group subtotal rows a report may add, by era (2021: （六）其他处理 over its three sub-rows)
_SUBTOTAL_ROWS = {
    Era.V2019: ("denied", "unable", "not_processed"),
    Era.V2021: ("denied", "unable", "not_processed", "other"),
}
_MAYBE = st.sampled_from((False, False, False, True))


def _with_subtotal_rows(rows: tuple[str, ...], groups: tuple[str, ...]) -> tuple[str, ...]:
    """``rows`` with each group's subtotal row before its first sub-row."""
    out: list[str] = []
    for row in rows:
        group = row.split(".")[0] if "." in row else None
        if group in groups and group not in out:
            out.append(group)
        out.append(row)
    return tuple(out)


@st.composite
def application_tables(
    draw: st.DrawFn,
    era: Era | None = None,
    consistent: bool = True,
    max_count: int = 30,
    subtotals: bool | None = None,
) -> ApplicationTable:
    """三、收到和处理政府信息公开申请情况, complete, in the shape of ``era`` (2019: one （六）
    row; 2021: three; None: either).

    ``consistent``: built from the counts up so that every identity holds (一 + 二 = （七） +
    四, （七） = the results, 总计 = the applicant columns) when blank, 无 and —— cells (only
    ever written for a 0) are read as 0.  Otherwise every cell is drawn on its own.
    ``subtotals``: add what some reports add, a 小计 column for 法人或其他组织 and subtotal rows
    for the groups （三）…（六） (None: sometimes, True: both, False: never).
    """
    check_era(era, _ERAS, "application_tables")
    check_positive(max_count, "max_count", "application_tables")
    era = era if era is not None else draw(st.sampled_from(_ERAS))
    base_rows = application_rows("2021" if era is Era.V2021 else "2019")
    with_column = draw(_MAYBE) if subtotals is None else subtotals
    with_rows = draw(_MAYBE) if subtotals is None else subtotals
    groups = _SUBTOTAL_ROWS[era] if with_rows else ()
    rows = _with_subtotal_rows(base_rows, groups)
    columns = [*APPLICANT_COLUMNS[:6], *([_SUBTOTAL_COLUMN] if with_column else []), "total"]
    texts: dict[str, dict[str, str]] = {}
    if consistent:
        grid: dict[str, dict[str, int]] = {r: dict.fromkeys(_PEOPLE, 0) for r in rows}
        results = result_rows(era)
        # a sparse table: a few (result row, applicant, count) entries; shrinks by deleting
        entries = draw(_entries(era, max_count))
        for row, col, n in entries:
            grid[row][col] += n
        for col in _PEOPLE:
            processed = sum(grid[r][col] for r in results)
            forward = draw(small_counts(max_count))
            carried = draw(up_to(min(processed + forward, max_count)))
            grid["total_processed"][col] = processed
            grid["carried_forward"][col] = forward
            grid["carried_over"][col] = carried
            grid["new_received"][col] = processed + forward - carried
            for group in groups:
                grid[group][col] = sum(grid[r][col] for r in rows if r.startswith(group + "."))
        for r in rows:
            grid[r][_SUBTOTAL_COLUMN] = sum(grid[r][c] for c in _ORGS)
            grid[r]["total"] = sum(grid[r][c] for c in _PEOPLE)
            # a subtotal row of blank cells would not be told from a group label
            zero = draw(zero_texts()) if r not in groups else draw(_solid_zero)
            texts[r] = {c: str(grid[r][c]) if grid[r][c] else zero for c in columns}
    else:
        for r in rows:
            cell_texts = _solid_texts(max_count) if r in groups else _cell_texts(max_count)
            texts[r] = {c: draw(cell_texts) for c in columns}
    cells = tuple(
        TableCell(r, c, parse_value(texts[r][c]), APPLICATION_ROW_TEXT.get(r, r),
                  _COLUMN_LABELS[c])
        for r in rows
        for c in columns
    )  # fmt: skip
    return ApplicationTable(cells, era=era)


_solid_zero = st.sampled_from(("0", "无", "——"))


def _entries(era: Era, max_count: int) -> st.SearchStrategy[list[tuple[str, str, int]]]:
    """A few (result row, applicant, count) entries of a sparse table."""
    return _ENTRIES[era, max_count]


def _make_entries(key: tuple[Era, int]) -> st.SearchStrategy[list[tuple[str, str, int]]]:
    era, max_count = key
    cell = st.tuples(
        st.sampled_from(result_rows(era)), st.sampled_from(_PEOPLE), st.integers(1, max_count)
    )
    return st.lists(cell, max_size=12)


_ENTRIES: Memo[tuple[Era, int], st.SearchStrategy[list[tuple[str, str, int]]]] = Memo(
    _make_entries, 16
)


@st.composite
def review_tables(draw: st.DrawFn, consistent: bool = True, max_count: int = 20) -> ReviewTable:
    """四、政府信息公开行政复议、行政诉讼情况: three groups × five results.

    ``consistent``: each group's 总计 is the sum of its four results.  At least one of the 15
    cells is written (a data row of 15 empty cells cannot be told from no row at all).
    """
    check_positive(max_count, "max_count", "review_tables")
    texts: list[str] = []
    for _group in REVIEW_GROUPS:
        if consistent:
            parts = [draw(small_counts(max_count)) for _ in range(4)]
            texts.extend(written(draw, n) for n in (*parts, sum(parts)))
        else:
            texts.extend(draw(_cell_texts(max_count)) for _ in REVIEW_COLUMNS)
    if not any(texts):
        texts[4] = "0"
    cells = []
    for i, text in enumerate(texts):
        group = REVIEW_GROUPS[i // len(REVIEW_COLUMNS)]
        column = REVIEW_COLUMNS[i % len(REVIEW_COLUMNS)]
        cells.append(TableCell(group, column, parse_value(text), REVIEW_GROUP_LABELS[group]))
    return ReviewTable(tuple(cells))


def _signed(draw: st.DrawFn, previous: int, consistent: bool, max_count: int) -> str:
    """A 本年增/减 value: ``增3``, ``减2``, ``-2``, ``5`` or ``0``; never below -previous."""
    low = -previous if consistent else -max_count
    change = draw(_changes(low, max_count))
    if change == 0:
        return draw(st.sampled_from(("0", "增0", "——")))
    form = draw(_FORMS)
    if change > 0:
        return (f"增{change}", f"+{change}", str(change))[form]
    return (f"减{-change}", str(change), f"减{-change}")[form]


_FORMS = st.integers(0, 2)


def _make_amounts(unit: bool) -> st.SearchStrategy[str]:
    return st.one_of(st.just("0"), amount_texts(unit=unit))


_AMOUNTS: Memo[bool, st.SearchStrategy[str]] = Memo(_make_amounts, 4)
_amounts = _AMOUNTS.__getitem__


def _changes(low: int, high: int) -> st.SearchStrategy[int]:
    return _CHANGES[low, high]


def _make_changes(key: tuple[int, int]) -> st.SearchStrategy[int]:
    low, high = key
    return st.one_of(st.just(0), st.integers(low, high))


_CHANGES: Memo[tuple[int, int], st.SearchStrategy[int]] = Memo(_make_changes, 256)


@st.composite
def disclosure_tables(
    draw: st.DrawFn, era: Era | None = None, consistent: bool = True, max_count: int = 50
) -> DisclosureTable2019 | DisclosureTable2021:
    """二、主动公开政府信息情况 with the official rows and columns of ``era`` (None: either).

    ``consistent``: 现行有效件数 ≥ 本年制发件数 (2021), 对外公开总数量 ≥ 本年新公开数量 and
    上一年项目数量 + 本年增/减 ≥ 0 (2019).  Amounts are written as the report would: in 万元
    under the 2021 head, with or without a unit in the 2019 procurement row.
    """
    check_era(era, _ERAS, "disclosure_tables")
    check_positive(max_count, "max_count", "disclosure_tables")
    era = era if era is not None else draw(st.sampled_from(_ERAS))
    cells: list[TableCell] = []
    counts = small_counts(max_count)
    for row, _, columns in DISCLOSURE_FORM[era.value]:
        numbers = {c: draw(counts) for c in columns if c not in ("change", "amount")}
        if consistent:
            if "in_force" in numbers:
                numbers["in_force"] = max(numbers["in_force"], numbers["issued"])
            if "total_published" in numbers:
                numbers["total_published"] = max(numbers["total_published"],
                                                 numbers["new_published"])  # fmt: skip
        for column in columns:
            default_unit = None
            if column == "amount":
                default_unit = "万元" if era is Era.V2021 else None
                text = draw(_amounts(era is Era.V2019))
            elif column == "change":
                text = _signed(draw, numbers["previous_items"], consistent, max_count)
            else:
                text = written(draw, numbers[column])
            value = parse_value(text, default_unit=default_unit, signed=column == "change")
            cells.append(TableCell(row, column, value, DISCLOSURE_ROW_LABELS[row]))
    table_cls = DisclosureTable2021 if era is Era.V2021 else DisclosureTable2019
    return table_cls(tuple(cells))


# ------------------------------------------------------------------ legacy 统计表

_CN = "一二三四五六七八九十"
#: every generated table has at least this row, its section and its 其中 part
_ALWAYS = frozenset({"主动公开情况", "主动公开政府信息数", "其中：主动公开规范性文件数"})


def _numbered(label: str, depth: int, n: int) -> str:
    if label.startswith("其中"):
        return label
    if depth == 1:
        return f"{_CN[n - 1]}、{label}"
    if depth == 2:
        return f"（{_CN[n - 1]}）{label}"
    return f"{n}.{label}"


@st.composite
def legacy_tables(
    draw: st.DrawFn, consistent: bool = True, cumulative: bool | None = None, max_count: int = 200
) -> LegacyTable:
    """A legacy 统计表 (统计指标 / 单位 / 统计数, optionally a 历年累计 column): a subset of the
    national form's indicators (:data:`~opengov_report.model.forms.LEGACY_FORM`, their ids
    and labels as the form gives them), numbered by depth (一、 （一） 1. 其中：).

    ``consistent``: a row's numbered items add up to it, a 其中 part is at most it, and so in
    the 历年累计 column, which is at least 本年度.  (The heuristics L202/L203 — channels against
    主动公开政府信息数, 办结 against 收到 — may still warn.)
    """
    check_positive(max_count, "max_count", "legacy_tables")
    with_cumulative = draw(st.booleans()) if cumulative is None else cumulative
    rows: list[LegacyRow] = []

    def build(
        nodes: tuple[LegacyIndicator, ...], depth: int, path: tuple[str, ...]
    ) -> list[tuple[LegacyRow, int, int]]:
        """Rows under ``path`` in order, each with its number and its cumulative number's
        excess over it (for the parent's sums)."""
        chosen = [n for n in nodes if n.label in _ALWAYS or draw(st.booleans())]
        out: list[tuple[LegacyRow, int, int]] = []
        for index, node in enumerate(chosen, start=1):
            label, unit, children = node.label, node.unit, node.children
            written_label = _numbered(label, depth, index)
            own_path = (*path, node.id)
            position = len(rows)
            if unit is None:
                out.extend(build(children, depth + 1, own_path) if children else [])
                continue
            rows.append(LegacyRow(node.id, written_label, own_path, unit, parse_value("")))
            sub = build(children, depth + 1, own_path) if children else []
            direct = [(n, e) for r, n, e in sub if r.path[:-1] == own_path]
            # numbered items add up to their row; a 其中 part is at most its row
            exact = consistent and bool(direct) and not children[0].label.startswith("其中")
            if unit == "万元":
                text = draw(_amounts(False))
                number = excess = 0
                cumulative_text = text
            elif consistent:
                number = sum(n for n, _ in direct) + (0 if exact else draw(small_counts(max_count)))
                excess = sum(e for _, e in direct) + (0 if exact else draw(small_counts(max_count)))
                text = written(draw, number)
                cumulative_text = written(draw, number + excess)
            else:
                number, excess = draw(small_counts(max_count)), draw(small_counts(max_count))
                text, cumulative_text = written(draw, number), written(draw, excess)
            value = parse_value(text)
            total = parse_value(cumulative_text) if with_cumulative else None
            rows[position] = LegacyRow(node.id, written_label, own_path, unit, value, total)
            out.append((rows[position], number, excess))
            out.extend(sub)
        return out

    build(LEGACY_FORM, 1, ())
    columns = ("value", "cumulative") if with_cumulative else ("value",)
    return LegacyTable(tuple(rows), columns)
