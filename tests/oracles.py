"""Hand-read oracles of whole reports, in a form the program never emits, and their comparison
with the model.

An oracle file (``tests/data/oracles/**/*.tables``) is written by reading a report's text, never
from the program's output.  Its form:

- ``# …`` a comment; blank lines are ignored;
- ``key: value`` before the first section: ``title``, ``agency``, ``year``, ``era``,
  ``published`` (ISO date), ``signatory`` (``none`` = the report does not state it; a key left
  out is not checked) and ``statements`` (the tables stated in a sentence instead, by table id);
- ``[二 2019]`` / ``[二 2021]``, ``[三 2019]`` / ``[三 2021]``, ``[四]``, ``[legacy]``: a table;
- in a table, one line a row as the report prints it: ``row label | cell | cell | …``.  A blank
  cell is left blank; ``?`` is a cell the text does not decide (glued digits that more than one
  split fits): it is compared with nothing.

Rows and columns are identified here, by the official forms (docs/format-spec.md §4–§6), not by
the recogniser: table 三's rows are found in the form's printed order by a word of their label,
its seven cells are the form's applicant columns in order; table 四's one row has the form's
fifteen cells in order; table 二's rows are named by their label and their cells are the
columns of the row's block in the form of the section's era.  Legacy rows are compared in order
by label, unit and value.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import attrs

from opengov_report import AnnualReport, ValueKind

__all__ = [
    "APPLICANT_COLUMNS",
    "Oracle",
    "OracleTable",
    "applications_rows",
    "compare_grid",
    "compare_legacy",
    "compare_metadata",
    "read_oracle",
]

# ---------------------------------------------------------------- the forms, written out here

#: table 三, in printed order: (row id, a word of its label that no earlier row has); the 2019
#: form has one row （六）其他处理, the 2021 form three sub-rows under it.
_APPLICATION_ROWS: tuple[tuple[str, str, str], ...] = (
    ("new_received", "新收", "both"),
    ("carried_over", "上年结转", "both"),
    ("granted", "予以公开", "both"),
    ("partially_granted", "部分公开", "both"),
    ("denied.state_secret", "国家秘密", "both"),
    ("denied.law_forbidden", "禁止公开", "both"),
    ("denied.safety_stability", "三安全一稳定", "both"),
    ("denied.third_party_rights", "第三方", "both"),
    ("denied.internal_affairs", "三类内", "both"),
    ("denied.process_info", "过程性", "both"),
    ("denied.enforcement_case", "执法案卷", "both"),
    ("denied.admin_query", "查询事项", "both"),
    ("unable.no_info", "不掌握", "both"),
    ("unable.need_creation", "没有现成信息", "both"),
    ("unable.unclear", "仍不明确", "both"),
    ("not_processed.complaint", "信访", "both"),
    ("not_processed.repeat", "重复申请", "both"),
    ("not_processed.publication", "出版物", "both"),
    ("not_processed.massive_requests", "大量反复", "both"),
    ("not_processed.confirm_info", "重新出具", "both"),
    ("other", "其他处理", "2019"),
    ("other.overdue_correction", "逾期不补正", "2021"),
    ("other.overdue_fee", "缴纳费用", "2021"),
    ("other.other_reasons", "其他", "2021"),
    ("total_processed", "总计", "both"),
    ("carried_forward", "结转下年度", "both"),
)

#: table 三's columns in printed order: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构,
#: 其他 (法人或其他组织), 总计
APPLICANT_COLUMNS: tuple[str, ...] = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_organization",
    "legal_service_organization",
    "other_organization",
    "total",
)

#: table 四's fifteen cells in printed order: 行政复议, 未经复议直接起诉, 复议后起诉, each
#: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计
REVIEW_CELLS: tuple[tuple[str, str], ...] = tuple(
    (group, column)
    for group in ("review", "litigation_direct", "litigation_after_review")
    for column in ("upheld", "corrected", "other", "pending", "total")
)

_N2019 = ("new_made", "new_published", "total_published")
_ITEMS2019 = ("previous_items", "change", "decisions")
#: table 二: row label → (row id, the columns of its block), per era
_DISCLOSURE: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "2019": {
        "规章": ("regulations", _N2019),
        "规范性文件": ("normative_documents", _N2019),
        "行政许可": ("admin_license", _ITEMS2019),
        "其他对外管理服务事项": ("other_services", _ITEMS2019),
        "行政处罚": ("admin_penalty", _ITEMS2019),
        "行政强制": ("admin_enforcement", _ITEMS2019),
        "行政事业性收费": ("admin_fees", ("previous_items", "change")),
        "政府集中采购": ("procurement", ("items", "amount")),
    },
    "2021": {
        "规章": ("regulations", ("issued", "repealed", "in_force")),
        "行政规范性文件": ("normative_documents", ("issued", "repealed", "in_force")),
        "行政许可": ("admin_license", ("decisions",)),
        "行政处罚": ("admin_penalty", ("decisions",)),
        "行政强制": ("admin_enforcement", ("decisions",)),
        "行政事业性收费": ("admin_fees", ("amount",)),
    },
}

#: the legacy indicators whose ids are the library's contract (label without numbering and
#: notes → id)
_LEGACY_IDS = {
    "主动公开政府信息数": "proactive_total",
    "收到申请数": "applications_received",
    "申请办结数": "applications_closed",
    "申请答复数": "applications_answered",
    "行政复议数量": "reviews",
    "行政诉讼数量": "litigations",
    "被举报投诉数量": "complaints",
}

_SECTIONS = {"二": "disclosure", "三": "applications", "四": "reviews", "legacy": "legacy"}
_BLANKS = " \t\r\n\u3000\u00a0\u200b\ufeff"


def squash(text: str) -> str:
    """A label's comparison key: NFKC, no white space, no quotes."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(folded.split()).translate(dict.fromkeys(map(ord, "“”\"'‘’"), None))


# ---------------------------------------------------------------- reading an oracle file


@attrs.frozen
class OracleTable:
    """One table of an oracle: its model attribute, its era (for 二 and 三), and its rows as
    printed: (label, cells)."""

    table: str
    era: str | None
    rows: tuple[tuple[str, tuple[str, ...]], ...]


@attrs.frozen
class Oracle:
    path: Path
    meta: dict[str, str]
    tables: dict[str, OracleTable]


def read_oracle(path: Path) -> Oracle:
    """Read an oracle file; a malformed one raises ValueError (a wrong oracle must not pass)."""
    if not path.is_file():
        raise FileNotFoundError(f"oracle file missing: {path}")
    meta: dict[str, str] = {}
    tables: dict[str, OracleTable] = {}
    current: tuple[str, str | None] | None = None
    rows: list[tuple[str, tuple[str, ...]]] = []

    def close() -> None:
        if current is not None:
            table, era = current
            if table in tables:
                raise ValueError(f"{path}: table {table} twice")
            tables[table] = OracleTable(table, era, tuple(rows))

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        head = re.fullmatch(r"\[(二|三|四|legacy)(?: (2019|2021))?\]", line.strip())
        if head is not None:
            close()
            name, era = head.group(1), head.group(2)
            if name in ("二", "三") and era is None:
                raise ValueError(f"{path}:{number}: table {name} needs its era")
            current = (_SECTIONS[name], era)
            rows = []
            continue
        if current is None:
            key, sep, value = line.partition(":")
            if not sep:
                raise ValueError(f"{path}:{number}: expected 'key: value', got {line!r}")
            meta[key.strip()] = value.strip()
            continue
        if "|" not in line:
            raise ValueError(f"{path}:{number}: a row needs cells: {line!r}")
        label, *cells = (part.strip(_BLANKS) for part in line.split("|"))
        rows.append((label, tuple(cells)))
    close()
    return Oracle(path, meta, tables)


# ---------------------------------------------------------------- from printed rows to ids


def applications_rows(
    rows: tuple[tuple[str, tuple[str, ...]], ...], era: str
) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Table 三's printed rows with their row ids, found in the form's order."""
    form = [(i, word) for i, word, fmt in _APPLICATION_ROWS if fmt in ("both", era)]
    at = 0
    for label, cells in rows:
        key = squash(label)
        for j in range(at, len(form)):
            if form[j][1] in key:
                at = j + 1
                break
        else:
            raise ValueError(f"table 三 row not in the {era} form (or out of order): {label!r}")
        if len(cells) != len(APPLICANT_COLUMNS):
            raise ValueError(f"table 三 row {label!r}: {len(cells)} cells, the form has 7")
        yield form[at - 1][0], cells


def _grid_cells(table: OracleTable) -> dict[tuple[str, str], str]:
    """The oracle's cells by (row id, column id)."""
    out: dict[tuple[str, str], str] = {}
    if table.table == "applications":
        assert table.era is not None
        for row, cells in applications_rows(table.rows, table.era):
            for column, cell in zip(APPLICANT_COLUMNS, cells, strict=True):
                out[(row, column)] = cell
    elif table.table == "reviews":
        if len(table.rows) != 1 or len(table.rows[0][1]) != len(REVIEW_CELLS):
            raise ValueError("table 四 is one row of fifteen cells")
        for (group, column), cell in zip(REVIEW_CELLS, table.rows[0][1], strict=True):
            out[(group, column)] = cell
    elif table.table == "disclosure":
        assert table.era is not None
        form = _DISCLOSURE[table.era]
        for label, cells in table.rows:
            if squash(label) not in form:
                raise ValueError(f"table 二 row not in the {table.era} form: {label!r}")
            row, columns = form[squash(label)]
            if len(cells) != len(columns):
                raise ValueError(f"table 二 row {label!r}: {len(cells)} cells, not {len(columns)}")
            for column, cell in zip(columns, cells, strict=True):
                out[(row, column)] = cell
    else:
        raise ValueError(f"not a grid table: {table.table}")
    return out


def form_rows(table: OracleTable) -> tuple[str, ...]:
    """Every value row of the table's form, by id."""
    if table.table == "applications":
        return tuple(i for i, _, fmt in _APPLICATION_ROWS if fmt in ("both", table.era))
    if table.table == "disclosure":
        assert table.era is not None
        return tuple(row for row, _ in _DISCLOSURE[table.era].values())
    return ("review", "litigation_direct", "litigation_after_review")


# ---------------------------------------------------------------- comparing with the model

_KIND_OF_TEXT = {"": ValueKind.BLANK, "0": ValueKind.ZERO, "无": ValueKind.NONE,
                 "——": ValueKind.DASH, "—": ValueKind.DASH, "-": ValueKind.DASH}  # fmt: skip


def _cell_problems(where: str, want: str, raw: str, kind: ValueKind, number: object) -> list[str]:
    got = raw.strip(_BLANKS)
    if got != want:
        return [f"{where}: the report prints {want!r}, the library read {got!r}"]
    out = []
    if want in _KIND_OF_TEXT and kind is not _KIND_OF_TEXT[want]:
        out.append(f"{where}: {want!r} read as {kind.value}")
    if want.isdigit() and number != int(want):
        out.append(f"{where}: {want!r} read as the number {number!r}")
    return out


@attrs.frozen
class GridComparison:
    """What a table of the model says against the oracle's: ``wrong`` (a cell the library
    returns that differs from the report, or that the report does not print), ``missed`` (a
    cell the report prints that the library does not return), ``right``, ``unknown`` (cells the
    oracle leaves undecided, ``?``)."""

    wrong: tuple[str, ...]
    missed: tuple[str, ...]
    right: int
    unknown: int


def compare_grid(report: AnnualReport, table: OracleTable) -> GridComparison:
    """Compare one grid table (二, 三 or 四) cell by cell."""
    want = _grid_cells(table)
    grid = getattr(report, table.table)
    got = {} if grid is None else {(c.row, c.column): c.value for c in grid.cells}
    wrong: list[str] = []
    missed: list[str] = []
    right = unknown = 0
    for key, cell in want.items():
        where = f"{table.table} {key[0]}/{key[1]}"
        if cell == "?":
            unknown += 1
            continue
        value = got.get(key)
        if value is None:
            missed.append(where)
            continue
        problems = _cell_problems(where, cell, value.raw, value.kind, value.number)
        wrong.extend(problems)
        right += not problems
    for key, value in got.items():
        if key not in want:
            wrong.append(
                f"{table.table} {key[0]}/{key[1]}: the report prints no such cell, "
                f"the library read {value.raw!r}"
            )
    return GridComparison(tuple(wrong), tuple(missed), right, unknown)


def lost_rows(table: OracleTable) -> set[str]:
    """The form's rows the report does not print (whole rows lost by the text)."""
    printed = {row for row, _ in _grid_cells(table)}
    return set(form_rows(table)) - printed


def compare_legacy(report: AnnualReport, table: OracleTable) -> list[str]:
    """The legacy 统计表, row by row in order: label, unit, value; heading rows (no unit, no
    value) carry no value in the model.  The problems found (empty when they agree)."""
    if report.legacy is None:
        return ["legacy: the library found no 统计表"]
    problems: list[str] = []
    want = [(label, cells) for label, cells in table.rows if any(cells)]
    headings = {squash(label) for label, cells in table.rows if not any(cells)}
    got = list(report.legacy.rows)
    for row in got:
        if squash(row.label) in headings and row.value.raw.strip(_BLANKS):
            problems.append(f"legacy heading {row.label!r} given the value {row.value.raw!r}")
    got = [r for r in got if squash(r.label) not in headings]
    if len(got) != len(want):
        problems.append(f"legacy: {len(want)} rows with values printed, the library has {len(got)}")
    for row, (label, cells) in zip(got, want, strict=False):
        if len(cells) != 2:
            raise ValueError(f"legacy row {label!r}: label | unit | value")
        unit, value = cells
        where = f"legacy {label}"
        if squash(row.label) != squash(label):
            problems.append(f"{where}: the library's label is {row.label!r}")
            continue
        if (row.unit or "") != unit:
            problems.append(f"{where}: unit {unit!r}, the library read {row.unit!r}")
        problems.extend(
            _cell_problems(where, value, row.value.raw, row.value.kind, row.value.number)
        )
        core = re.sub(
            r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|其中：)", "", label
        )
        core = re.sub(r"（[^）]*）$", "", core)
        if core in _LEGACY_IDS and row.id != _LEGACY_IDS[core]:
            problems.append(f"{where}: id {row.id!r}, the contract says {_LEGACY_IDS[core]!r}")
    return problems


def compare_metadata(report: AnnualReport, meta: dict[str, str]) -> list[str]:
    """Era, title, agency, year, date, signatory and prose statements against the oracle's
    header; the problems found."""
    problems: list[str] = []
    got: dict[str, object] = {
        "era": report.era.value,
        "title": report.metadata.title and squash(report.metadata.title),
        "agency": report.metadata.agency,
        "year": report.metadata.year,
        "published": report.metadata.published,
        "signatory": report.metadata.signatory,
        "statements": sorted(s.table for s in report.statements),
    }
    for key, text in meta.items():
        if key not in got:
            raise ValueError(f"unknown oracle key {key!r}")
        expected: object
        if text == "none":
            expected = None
        elif key == "year":
            expected = int(text)
        elif key == "published":
            expected = datetime.date.fromisoformat(text)
        elif key == "title":
            expected = squash(text)
        elif key == "statements":
            expected = sorted(text.split())
        else:
            expected = text
        if got[key] != expected:
            problems.append(f"{key}: the report says {expected!r}, the library read {got[key]!r}")
    return problems
