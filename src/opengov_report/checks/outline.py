"""Rules O1xx: whether a report was recognised at all, its outline and the completeness of its
tables.

The 2019 and 2021 formats prescribe six sections in a fixed order (format-spec §4.1, §5.1);
section titles vary in wording (S001 ``三、依申请公开政府信息情况``), so a section is known by
the words its title must contain, not by its exact text.  Legacy reports have no prescribed
outline and get only the numbering rule.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from .._chars import is_blank, squash
from .._memo import Memo
from ..document import Document, NumberingAnomaly, Section, Span
from ..model.era import Era
from ..model.forms import APPLICATION_FORM, REPORT_OUTLINE
from ..model.report import AnnualReport
from ..model.tables import APPLICATIONS, DISCLOSURE, LEGACY, REVIEWS
from .context import Context
from .examples import (
    APPLICATIONS_SECTION,
    DISCLOSURE_SECTION,
    OUTLINE,
    REVIEWS_SECTION,
    TITLE,
    applications_rows,
    disclosure_2021,
    example,
    reviews_row,
    sections,
)
from .finding import Finding, Location, Severity, new_locations
from .grid import row_labels
from .registry import Rule, RuleTag, rule

__all__ = ["REQUIRED_SECTIONS", "line_spans", "nothing_recognized", "section_kind"]

#: the six sections of the 2019/2021 outline: (official title, words that identify it)
REQUIRED_SECTIONS = REPORT_OUTLINE
_NEWLINE_RE = re.compile(r"\r\n|\r|\n")
# words tried first, since 四 and 五 titles may also mention 申请 or 公开
_PRIORITY = (3, 4, 5, 1, 2, 0)
_TABLE_SECTION = {DISCLOSURE: 1, APPLICATIONS: 2, REVIEWS: 3}
_TABLE_NAME = {
    DISCLOSURE: "二、主动公开政府信息情况 table",
    APPLICATIONS: "三、收到和处理政府信息公开申请情况 table",
    REVIEWS: "四、政府信息公开行政复议、行政诉讼情况 table",
    LEGACY: "统计表",
}


def nothing_recognized(report: AnnualReport) -> bool:
    """Whether nothing of an annual report was recognised in ``report``: no title, no outline
    heading, no table and no statement standing for one (rule O100)."""
    return not (
        report.metadata.title is not None
        or report.tables
        or report.statements
        or next(iter(report.document.sections()), None) is not None
    )


def section_kind(title: str) -> int | None:
    """The index (0–5) of the required section a title names, or None."""
    return _KINDS[title]


def _section_kind(title: str) -> int | None:
    key = squash(title)
    return next(
        (i for i in _PRIORITY if any(word in key for word in REQUIRED_SECTIONS[i][1])), None
    )


#: section_kind by title (titles repeat from report to report: 一、总体情况 …; bounded: a
#: corpus has many titles, most of them alike)
_KINDS: Memo[str, int | None] = Memo(_section_kind, 4096)


def _top_sections(doc: Document) -> list[Section]:
    return [c for c in doc.children if isinstance(c, Section)]


def _heading_location(section: Section, name: str | None = None) -> Location:
    """Where a section's heading is, labelled with its numbering and title (``name``, when
    the caller has them squashed already)."""
    h = section.heading
    if name is None:
        name = squash(h.numbering.text + h.title)
    (location,) = new_locations(None, [(None, None, name, h.span)])
    return location


def _outlined(report: AnnualReport) -> list[tuple[int | None, Section]] | None:
    """The top-level sections with their kinds, when the report's era prescribes an outline
    and the report has one to judge (at least three top-level sections)."""
    if report.era not in (Era.V2019, Era.V2021):
        return None
    top = _top_sections(report.document)
    if len(top) < 3:
        return None
    return [(section_kind(s.title), s) for s in top]


@rule(
    "O100",
    "no-report-recognized",
    Severity.ERROR,
    RuleTag.LAYOUT,
    "Nothing of an annual report was recognised: no title, no outline, no table.",
    "The text has no report title (…政府信息公开工作年度报告), no numbered heading, no "
    "statistical table and no sentence standing for one: an empty file, an error page (404), "
    "a file of another kind, or a report whose text was lost in extraction (a scanned PDF).  "
    "Every other rule finds nothing in such a text, so without this one it would pass "
    "silently.  Reported at error, the default ``--fail-on``, so ``opengov-report check`` "
    "exits 1 on it.",
    failing=example("404 Not Found", "您访问的页面不存在或已被删除。"),
    passing=example(
        TITLE, "一、总体情况", "本年度，我局认真贯彻落实《中华人民共和国政府信息公开条例》。"
    ),
)
def no_report_recognized(ctx: Context, this: Rule) -> Iterator[Finding]:
    report = ctx.report
    if not nothing_recognized(report):
        return
    size = len(report.document.text)
    what = "an empty text" if is_blank(report.document.text) else f"a text of {size} characters"
    yield this.finding(
        f"no report was recognised in {what}: no title, no outline heading, no table",
        (),
        source=ctx.source,
    )


@rule(
    "O101",
    "outline-section-missing",
    Severity.WARNING,
    RuleTag.LAYOUT,
    "A section the 2019/2021 format requires is missing from the outline.",
    "The 2019 and 2021 formats require six sections: 一、总体情况, 二、主动公开政府信息情况, "
    "三、收到和处理政府信息公开申请情况, 四、政府信息公开行政复议、行政诉讼情况, "
    "五、存在的主要问题及改进情况, 六、其他需要报告的事项 (wording varies; a section is "
    "recognised by the words of its title).  Reports with fewer than three top-level headings "
    "are not judged.  format-spec §4.1, §5.1.",
    failing=example(
        TITLE,
        *sections(*OUTLINE[:5]),
    ),
    passing=example(
        TITLE,
        *sections(*OUTLINE),
    ),
)
def outline_section_missing(ctx: Context, this: Rule) -> Iterator[Finding]:
    sections = ctx.memo("outline", _outlined)
    if sections is None:
        return
    present = {kind for kind, _ in sections}
    for index, (title, _) in enumerate(REQUIRED_SECTIONS):
        if index not in present:
            after = [s for kind, s in sections if kind is not None and kind < index]
            where = (_heading_location(after[-1]),) if after else ()
            yield this.finding(
                f"the outline has no section {title}",
                where,
                source=ctx.source,
            )


@rule(
    "O102",
    "outline-section-order",
    Severity.WARNING,
    RuleTag.LAYOUT,
    "The required sections are not in the official order.",
    "The six sections of the 2019/2021 formats come in a fixed order (一 … 六).  format-spec "
    "§4.1, §5.1.",
    failing=example(
        TITLE,
        *sections(*OUTLINE[:4], "五、其他需要报告的事项", "六、存在的主要问题及改进情况"),
    ),
    passing=example(
        TITLE,
        *sections(*OUTLINE),
    ),
)
def outline_section_order(ctx: Context, this: Rule) -> Iterator[Finding]:
    sections = ctx.memo("outline", _outlined)
    if sections is None:
        return
    highest = -1
    highest_section: Section | None = None
    for kind, section in sections:
        if kind is None:
            continue
        if kind < highest and highest_section is not None:
            yield this.finding(
                f"section {squash(section.heading.numbering.text + section.title)} "
                f"({REQUIRED_SECTIONS[kind][0]}) comes after "
                f"{squash(highest_section.heading.numbering.text + highest_section.title)}",
                (_heading_location(section), _heading_location(highest_section)),
                source=ctx.source,
            )
        elif kind > highest:
            highest, highest_section = kind, section


_ANOMALY = {
    NumberingAnomaly.MISSTYLED: "is numbered in another style than its siblings",
    NumberingAnomaly.SKIPPED: "skips one or more numbers",
    NumberingAnomaly.REPEATED: "repeats or goes back in the numbering",
    NumberingAnomaly.NOT_FIRST: "is the first of its level but does not start at 1",
}


@rule(
    "O103",
    "outline-numbering",
    Severity.WARNING,
    RuleTag.LAYOUT,
    "A heading's numbering breaks the sequence: another style, a skipped or repeated number.",
    "Headings of one level share a numbering style and count up from 1 (一、二、三、…; "
    "（一）（二）…).  A heading in another style that continues the count (``四．`` then ``5、`` "
    "then ``六、``), a skipped number, a repeated one, or a first heading that does not start at "
    "1 is reported where it stands.  A numbered row label of table 三 that a PDF's text put "
    "on a line of its own (``5.要求行政机关确认或重新出``) is a table row, not a heading.",
    failing=example(
        TITLE,
        *sections(
            *OUTLINE[:3],
            "四．政府信息公开行政复议、行政诉讼情况",
            "5、存在的主要问题及改进情况",
            OUTLINE[5],
        ),
    ),
    passing=example(
        TITLE,
        *sections(*OUTLINE),
    ),
)
def outline_numbering(ctx: Context, this: Rule) -> Iterator[Finding]:
    for section in ctx.sections():
        h = section.heading
        if h.anomaly is not None and not _is_table_row_label(h.title):
            name = squash(h.numbering.text + h.title)
            yield this.finding(
                f"heading {name[:40]} {_ANOMALY[h.anomaly]}",
                (_heading_location(section, name),),
                source=ctx.source,
            )


#: the first characters of table 三's row labels (a PDF's text breaks them over lines, and
#: their numbering makes them look like headings): such a "heading" is a table row
_ROW_LABEL_HEADS = frozenset(squash(label)[:6] for row in APPLICATION_FORM for label in row.labels)


def _is_table_row_label(title: str) -> bool:
    """Whether a heading's title is a row label of table 三 (its first six characters, or
    the whole of a short label such as 其他)."""
    key = squash(title)
    return key[:6] in _ROW_LABEL_HEADS if len(key) >= 6 else key in _ROW_LABEL_HEADS


@rule(
    "O104",
    "table-missing",
    Severity.WARNING,
    RuleTag.LAYOUT,
    "A statistical table the report's format requires was not found (nor stated in a sentence).",
    "Reports in the 2019 and 2021 formats give three tables: 二 (主动公开), 三 (申请) and 四 "
    "(复议诉讼).  A table replaced by a sentence (本年度未收到政府信息公开申请) is a statement, "
    "not a missing table.  format-spec §4, §5.",
    failing=example(
        TITLE,
        "一、总体情况",
        "无。",
        DISCLOSURE_SECTION,
        *disclosure_2021(),
        APPLICATIONS_SECTION,
        "本年度收到和处理政府信息公开申请情况如下。",
        REVIEWS_SECTION,
        *reviews_row("0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0"),
    ),
    passing=example(
        TITLE,
        "一、总体情况",
        "无。",
        DISCLOSURE_SECTION,
        *disclosure_2021(),
        APPLICATIONS_SECTION,
        "本年度未收到政府信息公开申请。",
        REVIEWS_SECTION,
        *reviews_row("0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0"),
    ),
)
def table_missing(ctx: Context, this: Rule) -> Iterator[Finding]:
    report = ctx.report
    if report.era not in (Era.V2019, Era.V2021):
        return
    stated = {s.table for s in report.statements}
    present = {t.table_id for t in report.tables}
    for table, index in _TABLE_SECTION.items():
        if table in present or table in stated:
            continue
        top = _top_sections(report.document)
        section = next((s for s in top if section_kind(s.title) == index), None)
        yield this.finding(
            f"no {_TABLE_NAME[table]} was found",
            (_heading_location(section),) if section is not None else (),
            source=ctx.source,
        )


@rule(
    "O105",
    "table-incomplete",
    Severity.WARNING,
    RuleTag.LAYOUT,
    "Rows or cells of a recognised table were lost, or could not be read (missing).",
    "The recogniser lists what a table should hold but which it did not find: whole rows "
    "(lost in a damaged PDF extraction), cells whose count does not fit the columns, glued "
    "digits whose split is not unique.  Identities over them are not checked.",
    failing=example(TITLE, DISCLOSURE_SECTION, *disclosure_2021(penalties=False)),
    passing=example(TITLE, DISCLOSURE_SECTION, *disclosure_2021()),
)
def table_incomplete(ctx: Context, this: Rule) -> Iterator[Finding]:
    for table in ctx.report.tables:
        if not table.missing:
            continue  # (most tables: nothing to report, nothing to build)
        where = Location(table.table_id, None, None, table.table_id, table.span)
        labels = row_labels(table)
        name = _TABLE_NAME[table.table_id]
        lost = [m.row for m in table.missing if m.column is None]
        if lost:
            written = "、".join(squash(labels.get(r, r)) for r in lost)
            yield this.finding(
                f"{name}: {len(lost)} row{'s' if len(lost) > 1 else ''} not found ({written})",
                (
                    where,
                    *(Location(table.table_id, r, None, squash(labels.get(r, r))) for r in lost),
                ),
                source=ctx.source,
            )
        cells: dict[str, list[tuple[str, str]]] = {}
        for m in table.missing:
            if m.column is not None:
                cells.setdefault(m.row, []).append((m.column, m.reason))
        for row, found in cells.items():
            label = squash(labels.get(row, row))
            reasons = "; ".join(dict.fromkeys(reason for _, reason in found))
            n = len(found)
            yield this.finding(
                f"{name}: {n} cell{'s' if n > 1 else ''} of row {label} missing ({reasons})",
                (where, *(Location(table.table_id, row, c, label) for c, _ in found)),
                source=ctx.source,
            )


def line_spans(text: str, lines: Collection[int]) -> dict[int, Span]:
    """The span of each of ``lines`` (1-based) of ``text``, without its line ending; a line
    past the end of the text is left out.  Only those spans are made, however long the text.

    Lines end at ``\n``, ``\r\n`` or a bare ``\r``, as the lexer counts them.
    """
    spans: dict[int, Span] = {}
    wanted = frozenset(lines)
    last = max(wanted, default=0)
    line, start = 1, 0
    for m in _NEWLINE_RE.finditer(text):
        if line > last:
            return spans
        if line in wanted:
            spans[line] = Span(start, m.start(), line, 1)
        line, start = line + 1, m.end()
    if start < len(text) and line in wanted:
        spans[line] = Span(start, len(text), line, 1)
    return spans


@rule(
    "O106",
    "table-unrecognized-row",
    Severity.INFO,
    RuleTag.LAYOUT,
    "A row inside a recognised table whose label matches no row of the format.",
    "The row is kept as written (``unrecognized``) and takes part in no identity: a regional "
    "extra row, a label too damaged to match, or a row of another table.",
    failing=example(
        TITLE,
        APPLICATIONS_SECTION,
        *applications_rows()[:-1],
        "| （八）行政申诉数 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        *applications_rows()[-1:],
    ),
    passing=example(TITLE, APPLICATIONS_SECTION, *applications_rows()),
)
def table_unrecognized_row(ctx: Context, this: Rule) -> Iterator[Finding]:
    report = ctx.report
    lines = [row.line for table in report.tables for row in table.unrecognized]
    spans = line_spans(report.document.text, lines) if lines else {}
    for table in report.tables:
        for row in table.unrecognized:
            span = spans.get(row.line)
            yield this.finding(
                f"{_TABLE_NAME[table.table_id]}: row {squash(row.label)[:40]!r} is not a row "
                "of the format",
                (Location(table.table_id, None, None, row.label, span),),
                source=ctx.source,
            )
