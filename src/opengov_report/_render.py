"""``render``: a report model written out as text in the official outline and table layout.

The text follows the official section order (2019/2021: 一 总体情况 … 六 其他需要报告的事项, with
tables 二, 三 and 四; legacy: an outline and the 统计表), then the signatory and the date.  Tables
are written in one of three layouts: ``cells`` (one tab-led cell per line, rows separated by
blank lines, as Word exports them), ``tsv`` (a row per line, tab-separated) or ``markdown``
(pipe tables).  Every value is written as it was
(:func:`~opengov_report.model.values.format_value`): a blank stays blank, ``0``, ``无`` and
``——`` stay what they are, amounts keep their units.  Labels are the official ones (legacy
rows keep their own).  ``parse(render(report))`` gives back the same figures, metadata and era.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from typing import Literal

import attrs

from .errors import OpenGovReportError
from .model.era import Era
from .model.forms import (
    APPLICANT_HEAD_LABELS,
    APPLICATION_GROUP_TEXT,
    APPLICATION_ROW_TEXT,
    LEGACY_INDICATOR_LABELS,
    REVIEW_COLUMN_LABELS,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
)
from .model.report import AnnualReport, Metadata
from .model.tables import (
    APPLICATIONS,
    DISCLOSURE,
    REVIEWS,
    ApplicationTable,
    DisclosureTable2019,
    DisclosureTable2021,
    LegacyRow,
    LegacyTable,
    ReviewTable,
)
from .model.values import Value, format_value
from .numerals import strip_numbering

__all__ = ["LAYOUTS", "MISSING_TABLE", "Layout", "RenderError", "Style", "render", "render_styled"]

Layout = Literal["cells", "tsv", "markdown"]
#: the table layouts :func:`render` writes
LAYOUTS: tuple[Layout, ...] = ("cells", "tsv", "markdown")


class RenderError(OpenGovReportError, ValueError):
    """A report cannot be rendered as asked (an unknown layout)."""


@attrs.frozen(slots=True)
class Style:
    """How the text is written beyond the layout: the defaults give the canonical text;
    :mod:`opengov_report.strategies` varies them to imitate the noise of real reports."""

    newline: str = "\n"
    #: split the title after this many characters (None: one line)
    title_split: int | None = None
    #: insert spaces into long row labels (本年新收 政府信息公开 申请数量)
    spaced_labels: bool = False
    #: wrap long head cells over two lines (cells layout only: 本年新 / 制作数量)
    wrap_heads: bool = False
    #: the text of a blank cell: "", U+3000 or NBSP
    blank: str = ""
    #: white space before headings (seed 001 indents them by four spaces)
    heading_indent: str = ""
    #: section numbers (1-based) whose numbering is mis-styled (四． for 四、, 5、 for 五、)
    misstyled: frozenset[int] = frozenset()
    #: a stray page number between the two paragraphs of 总体情况
    page_number: int | None = None
    #: a bookmark line before 五、
    bookmark: bool = False
    #: a page break inside long tables (not the legacy 统计表): this page number between rows
    table_page_number: int | None = None
    #: write stock sentences where the model holds no text (the prose of 一, 五 and 六) and
    #: 本年度无相关情况。 for a missing table; else nothing, and a missing table is marked so
    stock_prose: bool = False


_CANONICAL = Style()
_STOCK = Style(stock_prose=True)


def render(report: AnnualReport, *, layout: Layout = "cells", stock_prose: bool = False) -> str:
    """The report as text: official section order, tables in ``layout``.

    ``layout`` is ``"cells"`` (one tab-led cell per line, as seeds 001 and 004), ``"tsv"``
    (tab-separated rows) or ``"markdown"`` (pipe tables).  Values are written as they were
    (blank, ``0``, ``无``, ``——``, amounts with their units); labels are the official ones.

    Only what the report holds is written: its title, tables, statements, signatory and date,
    under the official headings.  A table the report lacks is written as the
    :class:`~opengov_report.ProseStatement` that stands for it, or else as the line
    :data:`MISSING_TABLE` (``（此表缺失：报告中未识别到此表。）``); the sections whose prose
    the model does not keep (一, 五, 六) are left empty.  With ``stock_prose`` the text is made
    to read as a whole report instead: stock sentences fill those sections and a missing table
    is written ``本年度无相关情况。``; that text is made up (for fixtures and round trips), not
    the report's.  Deterministic: the same report gives the same text.

    Raises :class:`RenderError` for an unknown layout.
    """
    return render_styled(report, layout, _STOCK if stock_prose else _CANONICAL)


def render_styled(report: AnnualReport, layout: str, style: Style) -> str:
    """The report as text in ``layout``, written in ``style`` (:func:`render` with the
    canonical or stock style; the strategies draw other styles)."""
    if layout not in LAYOUTS:
        raise RenderError(f"unknown layout {layout!r}: use one of {', '.join(LAYOUTS)}")
    out = _Writer(layout, style)
    _title(out, report.metadata)
    if report.era is Era.LEGACY or (report.legacy is not None and report.applications is None):
        _legacy_outline(out, report)
    else:
        _standard_outline(out, report)
    _signature(out, report.metadata)
    return style.newline.join(out.lines) + style.newline


class _Writer:
    """Lines of text, and tables written in one layout."""

    def __init__(self, layout: str, style: Style) -> None:
        self.layout = layout
        self.style = style
        self.lines: list[str] = []

    def blank(self) -> None:
        self.lines.append("")

    def para(self, text: str) -> None:
        self.lines.append(text)

    def heading(self, number: int, numbering: str, title: str) -> None:
        if number in self.style.misstyled:
            # seed 004 writes 四．and 5、 among 一、 headings
            numbering = numbering.replace("、", "．") if number % 2 == 0 else f"{number}、"
        self.lines.append(f"{self.style.heading_indent}{numbering}{title}")

    def cell(self, value: Value | None) -> str:
        text = format_value(value) if value is not None else ""
        # a line break or tab inside a value would end the cell (or the row) early
        text = " ".join(text.replace("\t", "\n").splitlines())
        return text or self.style.blank

    def label(self, text: str) -> str:
        """A row label, spaced when the style says so (numbering kept tight)."""
        if not self.style.spaced_labels:
            return text
        prefix, rest = strip_numbering(text)
        if len(rest) < 6 or "（" in rest[:6]:
            return text
        return f"{prefix}{rest[:2]} {rest[2:5]}\u3000{rest[5:]}"

    def head(self, text: str) -> str:
        """A head cell, wrapped over two lines when the style says so (cells layout)."""
        if self.style.wrap_heads and self.layout == "cells" and 5 <= len(text) <= 12:
            return f"{text[:3]}{self.style.newline}{text[3:]}"
        return text

    def table(self, rows: Sequence[Sequence[str]], *, breakable: bool = True) -> None:
        """Write rows (in Markdown the first row is the head, followed by a rule line);
        a ``breakable`` table may get the style's page number between two rows."""
        page = self.style.table_page_number
        page_at = len(rows) // 2 if page is not None and breakable and len(rows) >= 8 else -1
        width = max(len(r) for r in rows)
        for i, row in enumerate(rows):
            if i == page_at:
                self.lines.append(f"- {page} -")
            if self.layout == "cells":
                self.lines.extend("\t" + c for c in row)
                self.lines.append("")
            elif self.layout == "tsv":
                self.lines.append("\t".join(row))
            else:
                self.lines.append("| " + " | ".join(row) + " |")
                if i == 0:
                    self.lines.append("|" + "---|" * width)
        if self.layout != "cells":
            self.lines.append("")


# ------------------------------------------------------------------ outline and metadata


def _title(out: _Writer, meta: Metadata) -> None:
    if meta.title is None:
        return
    split = out.style.title_split
    if split is not None and 0 < split < len(meta.title):
        out.para(meta.title[:split])
        out.para(meta.title[split:])
    else:
        out.para(meta.title)
    out.blank()


def _date(date: datetime.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def _signature(out: _Writer, meta: Metadata) -> None:
    if meta.published is None and meta.signatory is None:
        return
    out.blank()
    if meta.signatory is not None:
        out.para(meta.signatory)
    if meta.published is not None:
        out.para(_date(meta.published))


_INTRO = "本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，依法做好政府信息公开工作。"
_INTRO_2 = "本机关持续完善工作机制，加强平台建设和监督保障。"
_PROBLEMS = "政府信息公开工作与公众期待仍有差距，下一步将继续改进。"
_OTHER = "本年度没有其他需要报告的事项。"
_ABSENT = "本年度无相关情况。"
#: the line a missing table is rendered as (without ``stock_prose``)
MISSING_TABLE = "（此表缺失：报告中未识别到此表。）"


def _statement(out: _Writer, report: AnnualReport, table: str | None) -> str:
    found = next((s.text for s in report.statements if s.table == table), None)
    return found or (_ABSENT if out.style.stock_prose else MISSING_TABLE)


def _stock(out: _Writer, text: str) -> None:
    if out.style.stock_prose:
        out.para(text)


def _general(out: _Writer) -> None:
    if not out.style.stock_prose:
        return
    out.para(_INTRO)
    if out.style.page_number is not None:
        out.para(f"- {out.style.page_number} -")
    out.para(_INTRO_2)


def _standard_outline(out: _Writer, report: AnnualReport) -> None:
    out.heading(1, "一、", "总体情况")
    _general(out)
    out.heading(2, "二、", "主动公开政府信息情况")
    if report.disclosure is not None:
        _disclosure(out, report.disclosure)
    else:
        out.para(_statement(out, report, DISCLOSURE))
    out.heading(3, "三、", "收到和处理政府信息公开申请情况")
    if report.applications is not None:
        _applications(out, report.applications)
    else:
        out.para(_statement(out, report, APPLICATIONS))
    out.heading(4, "四、", "政府信息公开行政复议、行政诉讼情况")
    if report.reviews is not None:
        _reviews(out, report.reviews)
    else:
        out.para(_statement(out, report, REVIEWS))
    if out.style.bookmark:
        out.para("[bookmark: _GoBack]")
    out.heading(5, "五、", "存在的主要问题及改进情况")
    _stock(out, _PROBLEMS)
    out.heading(6, "六、", "其他需要报告的事项")
    _stock(out, _OTHER)
    if report.legacy is not None:  # a 统计表 besides the tables of the format
        _legacy(out, report.legacy)


def _legacy_outline(out: _Writer, report: AnnualReport) -> None:
    out.heading(1, "一、", "概述")
    _general(out)
    for statement in report.statements:  # 收到政府信息公开申请0件 …: sentences, not tables
        out.para(statement.text)
    out.heading(2, "二、", "政府信息公开情况统计")
    if report.legacy is not None:
        _legacy(out, report.legacy)
    else:
        out.para(_ABSENT if out.style.stock_prose else MISSING_TABLE)
    # tables of the later formats that a legacy report holds too: each in a section of its own
    number = 2
    if report.disclosure is not None:
        number += 1
        out.heading(number, _numbering(1, number), "主动公开政府信息情况")
        _disclosure(out, report.disclosure)
    if report.applications is not None:
        number += 1
        out.heading(number, _numbering(1, number), "收到和处理政府信息公开申请情况")
        _applications(out, report.applications)
    if report.reviews is not None:
        number += 1
        out.heading(number, _numbering(1, number), "政府信息公开行政复议、行政诉讼情况")
        _reviews(out, report.reviews)
    if out.style.bookmark:
        out.para("[bookmark: _GoBack]")
    number += 1
    out.heading(number, _numbering(1, number), "存在的问题及改进措施")
    _stock(out, _PROBLEMS)


# ------------------------------------------------------------------ table 二


_ITEMS: dict[Era, tuple[tuple[str, tuple[str, ...]], ...]] = {
    Era.V2021: (
        ("一", ("regulations", "normative_documents")),
        ("五", ("admin_license",)),
        ("六", ("admin_penalty", "admin_enforcement")),
        ("八", ("admin_fees",)),
    ),
    Era.V2019: (
        ("一", ("regulations", "normative_documents")),
        ("五", ("admin_license", "other_services")),
        ("六", ("admin_penalty", "admin_enforcement")),
        ("八", ("admin_fees",)),
        ("九", ("procurement",)),
    ),
}
_DISCLOSURE_ROWS: dict[Era, dict[str, str]] = {
    Era.V2021: {"regulations": "规章", "normative_documents": "行政规范性文件",
                "admin_license": "行政许可", "admin_penalty": "行政处罚",
                "admin_enforcement": "行政强制", "admin_fees": "行政事业性收费"},
    Era.V2019: {"regulations": "规章", "normative_documents": "规范性文件",
                "admin_license": "行政许可", "other_services": "其他对外管理服务事项",
                "admin_penalty": "行政处罚", "admin_enforcement": "行政强制",
                "admin_fees": "行政事业性收费", "procurement": "政府集中采购"},
}  # fmt: skip
_DISCLOSURE_COLUMNS: dict[Era, dict[str, str]] = {
    Era.V2021: {"issued": "本年制发件数", "repealed": "本年废止件数", "in_force": "现行有效件数",
                "decisions": "本年处理决定数量", "amount": "本年收费金额（单位：万元）"},
    Era.V2019: {"new_made": "本年新制作数量", "new_published": "本年新公开数量",
                "total_published": "对外公开总数量", "previous_items": "上一年项目数量",
                "change": "本年增/减", "decisions": "处理决定数量", "items": "采购项目数量",
                "amount": "采购总金额"},
}  # fmt: skip


def _disclosure(out: _Writer, table: DisclosureTable2019 | DisclosureTable2021) -> None:
    era = table.era
    row_labels = _DISCLOSURE_ROWS[era]
    col_labels = _DISCLOSURE_COLUMNS[era]
    present = set(table.row_ids)
    rows: list[list[str]] = []
    width = 4 if era is Era.V2021 else 5
    for item, item_rows in _ITEMS[era]:
        block = [r for r in item_rows if r in present]
        if not block:
            continue
        # the caption spans the block: flattened, its colspan shows as trailing empty cells
        padding = [""] * (width - 1) if out.layout != "cells" else []
        rows.append([f"第二十条第（{item}）项", *padding])
        head: tuple[str, ...] | None = None
        for row in block:
            cells = table.row(row)
            columns = tuple(cells)
            if columns != head:
                head = columns
                rows.append(["信息内容", *(out.head(col_labels.get(c, c)) for c in columns)])
            rows.append([out.label(row_labels[row]), *(out.cell(v) for v in cells.values())])
    if rows:
        out.table(rows)


# ------------------------------------------------------------------ table 三

_GROUP_LABELS = APPLICATION_GROUP_TEXT
_SUBTOTAL_COLUMN = "legal_entity_subtotal"


def _application_rows(table: ApplicationTable) -> Iterator[str]:
    """The table's row ids in official order, a group's subtotal row before its sub-rows."""
    present = set(table.row_ids)
    emitted: set[str] = set()
    for row in APPLICATION_ROW_TEXT:
        group = row.split(".")[0] if "." in row else None
        if group is not None and group in present and group not in emitted:
            emitted.add(group)
            yield group
        if row in present and row not in emitted:
            emitted.add(row)
            yield row
    for row in table.row_ids:  # subtotal rows of groups without sub-rows
        if row not in emitted:
            yield row


def _applications(out: _Writer, table: ApplicationTable) -> None:
    columns = [c for c in APPLICANT_HEAD_LABELS if c in table.column_ids]
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    rows: list[list[str]] = []
    if _SUBTOTAL_COLUMN in columns:
        rows.append([note, "申请人情况"])
        rows.append(["", *(out.head(APPLICANT_HEAD_LABELS[c]) for c in columns)])
    else:
        rows.append([note, "申请人情况"])
        rows.append(["", "自然人", out.head("法人或其他组织"), "总计"])
        orgs = [APPLICANT_HEAD_LABELS[c] for c in columns if c not in ("natural_person",
                                                                           "total")]  # fmt: skip
        rows.append(["", "", *orgs])
    opened: set[str] = set()
    results_opened = False
    for row in _application_rows(table):
        labels: list[str] = []
        group = row.split(".")[0] if "." in row else (row if row in _GROUP_LABELS else None)
        if row in ("new_received", "carried_over", "carried_forward"):
            labels = [APPLICATION_ROW_TEXT[row]]
        else:
            if not results_opened:
                labels.append("三、本年度办理结果")
                results_opened = True
            else:
                labels.append("")
            if group is not None:
                if group not in opened:
                    opened.add(group)
                    labels.append(_GROUP_LABELS[group])
                else:
                    labels.append("")
                if row != group:
                    labels.append(APPLICATION_ROW_TEXT[row])
            else:
                labels.append(APPLICATION_ROW_TEXT[row])
        labels = [out.label(x) for x in labels]
        values = table.row(row)
        rows.append([*labels, *(out.cell(values.get(c)) for c in columns)])
    out.table(rows)


# ------------------------------------------------------------------ table 四


def _reviews(out: _Writer, table: ReviewTable) -> None:
    results = [REVIEW_COLUMN_LABELS[c] for c in REVIEW_COLUMNS]
    rows = [
        ["行政复议", "行政诉讼"],
        [*results, out.head("未经复议直接起诉"), out.head("复议后起诉")],
        ["", "", "", "", "", *results, *results],
    ]
    present = set(table.row_ids)
    if present == set(REVIEW_GROUPS):
        rows.append([out.cell(table.cell(g, c)) for g in REVIEW_GROUPS for c in REVIEW_COLUMNS])
        out.table(rows)
        return
    # a partial table: one labelled row per group (行政复议 | 0 | 0 | 0 | 0 | 0)
    labelled = [
        [{"review": "行政复议", "litigation_direct": "未经复议直接起诉",
          "litigation_after_review": "复议后起诉"}[g],
         *(out.cell(table.cell(g, c)) for c in REVIEW_COLUMNS)]
        for g in REVIEW_GROUPS
        if g in present
    ]  # fmt: skip
    out.table([["", *results], *labelled])


# ------------------------------------------------------------------ legacy 统计表

_CN_DIGITS = "一二三四五六七八九十"


def _numbering(level: int, n: int) -> str:
    """The numbering of the n-th (1-based) section row at a legacy depth."""
    cn = _CN_DIGITS[n - 1] if n <= 10 else str(n)
    if level == 1:
        return f"{cn}、"
    if level == 2:
        return f"（{cn}）"
    return f"{n}."


def _legacy(out: _Writer, table: LegacyTable) -> None:
    cumulative = "cumulative" in table.columns
    head = ["统计指标", "单位", *(("本年度", "历年累计") if cumulative else ("统计数",))]
    if out.style.spaced_labels:
        head[0] = "\u3000".join(head[0])  # 统　计　指　标 (seed 000)
    rows: list[list[str]] = [head]
    open_path: tuple[str, ...] = ()
    counters: dict[tuple[str, ...], int] = {}
    for r in table.rows:
        ancestors = r.path[:-1]
        # section rows for ancestors that are not rows of their own
        common = 0
        while (
            common < min(len(open_path), len(ancestors)) and open_path[common] == ancestors[common]
        ):
            common += 1
        for depth in range(common, len(ancestors)):
            parent = ancestors[:depth]
            counters[parent] = counters.get(parent, 0) + 1
            name = LEGACY_INDICATOR_LABELS.get(ancestors[depth], ancestors[depth])
            label = _numbering(depth + 1, counters[parent]) + name
            rows.append([out.label(label), "", "", *([""] if cumulative else [])])
        rows.append(_legacy_row(out, r, cumulative))
        counters[ancestors] = counters.get(ancestors, 0) + 1  # sections number on after rows
        open_path = r.path
    # the reader takes a 统计表 broken by a page number for two tables and keeps one
    out.table(rows, breakable=False)


def _legacy_row(out: _Writer, row: LegacyRow, cumulative: bool) -> list[str]:
    label = out.label(row.label)
    if len(row.path) > 1 and not strip_numbering(row.label)[0]:
        # no numbering: the hierarchy is the indentation (a 其中 list goes on, indented)
        label = "\u3000" * 6 + label
    cells = [label]
    if row.unit is not None:
        cells.append(row.unit)
    cells.append(out.cell(row.value))
    if cumulative:
        cells.append(out.cell(row.cumulative))
    return cells
