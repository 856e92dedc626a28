"""Rules P1xx: counts stated in the report's prose against its tables.

Sentences such as ``共收到政府信息公开申请40件``, ``本年度未收到政府信息公开申请``,
``行政复议1起`` or ``未发生行政复议和行政诉讼`` state a number the tables also give.  The
patterns are bounded (no nested quantifiers: linear time) and deliberately narrow: a sentence
that mentions two things at once (``行政复议、行政诉讼0起``) or a part (``按时办结5件``) is not
read, since reading prose wrongly costs an evaluator as much as missing a disagreement.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial

import attrs

from .._chars import squash
from ..document import Paragraph, Span
from ..model.report import AnnualReport
from ..model.values import Value
from ..numerals import chinese_number
from .context import Context
from .examples import (
    APPLICATIONS_SECTION,
    REVIEWS_SECTION,
    TITLE,
    applications_rows,
    example,
    reviews_row,
)
from .finding import Finding, Location, Severity
from .grid import GridIndex
from .registry import Rule, RuleTag, rule

__all__ = ["Statement", "stated_counts"]

_NUM = r"([0-9]{1,6}|[零〇一二两三四五六七八九十百]{1,4})"
_UNIT = r"\s?(?:件|份|条|个|起|宗|次)"
_STOP = "。；;，,：:"
_GAP = rf"[^{_STOP}0-9０-９]"

_RECEIVED = re.compile(
    rf"(?:收到|受理|接收|接到)({_GAP}{{0,16}}?)申请(?:数量|总数)?"
    + rf"(?:共|合计|总计|共计|为|计){{0,2}}\s?{_NUM}{_UNIT}"
)
_NONE_RECEIVED = re.compile(
    rf"(?:未|没有)(?:收到|受理|接到|接收)({_GAP}{{0,16}}?)(?:政府信息公开|信息公开|依申请公开)申请"
)
_CLOSED = re.compile(rf"(?<![按时延期逾])(?:共|已|全部)?办结({_GAP}{{0,6}}?){_NUM}{_UNIT}")
_REVIEW = re.compile(rf"行政复议(?:案件|申请)?({_GAP}{{0,8}}?){_NUM}{_UNIT}")
_SUIT = re.compile(rf"行政诉讼(?:案件)?({_GAP}{{0,8}}?){_NUM}{_UNIT}")
_NONE_CASES = re.compile(
    rf"(?:未|没有)(?:发生|出现|收到|产生|有)({_GAP}{{0,24}}?)(行政复议|行政诉讼)"
    rf"(?:(?:和|及|或|、)(?:提起|申请)?(行政复议|行政诉讼))?"
)
_JOINERS = frozenset("、和及与或")  # 行政复议、行政诉讼共3起: one number for both
_OTHER_CASES = ("复议", "诉讼", "举报", "投诉", "信访", "结转", "上年")


@attrs.frozen(slots=True)
class Statement:
    """A count the prose states: what (``received``, ``closed``, ``review``, ``suit``), the
    number, the words and where they are."""

    what: str
    number: int
    text: str
    span: Span


def _number(text: str) -> int:
    return int(text) if text.isdigit() else chinese_number(text)


def _span(leaf: Paragraph, start: int, end: int, breaks: Sequence[int]) -> Span:
    """The span of ``leaf.text[start:end]`` in the source; ``breaks`` are the offsets of the
    newlines in ``leaf.text`` (looked up, not counted again for each statement: a one-line
    page is one paragraph with hundreds of them)."""
    newlines = bisect.bisect_left(breaks, start)
    column = start - breaks[newlines - 1] if newlines else start + leaf.span.column
    return Span(leaf.span.start + start, leaf.span.start + end, leaf.span.line + newlines, column)


def stated_counts(report: AnnualReport) -> Iterator[Statement]:
    """Every count the report's paragraphs state about applications and cases."""
    return _stated_counts(report.document.paragraphs())


def _stated_counts(paragraphs: Iterable[Paragraph]) -> Iterator[Statement]:
    """:func:`stated_counts` of these paragraphs.

    Each pattern runs only on a paragraph that has the words every match of it contains (a
    substring test is many times faster than a pattern tried at every position): the same
    statements, in the same order."""
    for leaf in paragraphs:
        text = leaf.text
        breaks = [m.start() for m in _NEWLINE.finditer(text)] if "\n" in text else _NO_BREAKS
        negated = "未" in text or "没有" in text  # _NONE_RECEIVED, _NONE_CASES
        if "申请" in text:
            if "收到" in text or "受理" in text or "接收" in text or "接到" in text:
                for m in _RECEIVED.finditer(text):
                    if not any(w in m.group(1) for w in _OTHER_CASES):
                        yield _statement("received", _number(m.group(2)), leaf, m, breaks)
            if negated:
                for m in _NONE_RECEIVED.finditer(text):
                    if not any(w in m.group(1) for w in _OTHER_CASES):
                        yield _statement("received", 0, leaf, m, breaks)
        if "办结" in text:
            for m in _CLOSED.finditer(text):
                if not any(w in m.group(1) for w in _OTHER_CASES):
                    yield _statement("closed", _number(m.group(2)), leaf, m, breaks)
        review, suit = "行政复议" in text, "行政诉讼" in text
        if review or suit:
            for pattern, what, other, present in (
                (_REVIEW, "review", "诉讼", review),
                (_SUIT, "suit", "复议", suit),
            ):
                if not present:
                    continue
                for m in pattern.finditer(text):
                    joined = text[max(0, m.start() - 1) : m.start()] in _JOINERS
                    if not joined and other not in m.group(1) and "、" not in m.group(1):
                        yield _statement(what, _number(m.group(2)), leaf, m, breaks)
            if negated:
                for m in _NONE_CASES.finditer(text):
                    for kind in (m.group(2), m.group(3)):
                        if kind:
                            what = "review" if kind == "行政复议" else "suit"
                            yield _statement(what, 0, leaf, m, breaks)


def _statement(
    what: str, number: int, leaf: Paragraph, m: re.Match[str], breaks: Sequence[int]
) -> Statement:
    return Statement(what, number, m.group(0), _span(leaf, m.start(), m.end(), breaks))


_NEWLINE = re.compile("\n")
_NO_BREAKS: tuple[int, ...] = ()


def _int(value: Value | None) -> int | None:
    return value.as_int() if value is not None else None


def _finding(
    this: Rule,
    s: Statement,
    table_says: str,
    cells: tuple[Location, ...],
    expected: int,
    source: str | None,
) -> Finding:
    return this.finding(
        f"the text says {s.text!r} ({s.number}), but {table_says}",
        (Location(None, None, None, s.text, s.span), *cells),
        expected=expected,
        actual=s.number,
        source=source,
    )


def _statements(ctx: Context) -> tuple[Statement, ...]:
    """The report's :func:`stated_counts`, computed once per check (P101 and P102 read them)."""
    return ctx.memo("prose", lambda _: tuple(_stated_counts(ctx.paragraphs())))


def _legacy(report: AnnualReport, row: str) -> tuple[int, Location] | None:
    table = report.legacy
    found = table.row(row) if table is not None else None
    if found is None or (n := found.value.as_int()) is None:
        return None
    return n, Location("legacy", row, "value", squash(found.label), found.value.span)


@rule(
    "P101",
    "prose-applications",
    Severity.WARNING,
    RuleTag.PROSE,
    "A number of applications stated in the text differs from the applications table.",
    "Sentences such as 共收到政府信息公开申请40件 or 本年度未收到政府信息公开申请 are compared "
    "with 一、本年新收政府信息公开申请数量 (总计) — or with 一 + 二 where the text counts the "
    "applications carried over too — and 办结N件 with （七）总计; in a legacy report with "
    "收到申请数 and 申请办结数.  Sentences about parts (按时办结) or about reviews and "
    "complaints are not read.",
    failing=example(
        TITLE,
        "一、总体情况",
        "本年度共收到政府信息公开申请8件。",
        APPLICATIONS_SECTION,
        *applications_rows(),
    ),
    passing=example(
        TITLE,
        "一、总体情况",
        "本年度共收到政府信息公开申请5件。",
        APPLICATIONS_SECTION,
        *applications_rows(),
    ),
)
def prose_applications(ctx: Context, this: Rule) -> Iterator[Finding]:
    report = ctx.report
    # (the numbers the text may state, the table's number, what the table says and where):
    # the last is made only for a statement that disagrees
    received: tuple[set[int], int, _Says] | None = None
    closed: tuple[int, _Says] | None = None
    g = ctx.grid("applications")
    if g is not None:
        new = _int(g.value("new_received", "total"))
        carried = _int(g.value("carried_over", "total"))
        processed = _int(g.value("total_processed", "total"))
        if new is not None:
            accepted = {new} | ({new + carried} if carried is not None else set())
            received = (accepted, new, partial(_grid_says, g, "new_received", new))
        if processed is not None:
            closed = (processed, partial(_grid_says, g, "total_processed", processed))
    else:
        legacy_received = _legacy(report, "applications_received")
        if legacy_received is not None:
            n, where = legacy_received
            received = ({n}, n, partial(_legacy_says, where, n))
        legacy_closed = _legacy(report, "applications_closed")
        if legacy_closed is not None:
            n, where = legacy_closed
            closed = (n, partial(_legacy_says, where, n))
    if received is None and closed is None:
        return  # nothing to compare the text with: it need not be read
    for s in _statements(ctx):
        if s.what == "received" and received is not None and s.number not in received[0]:
            yield _finding(this, s, *received[2](), received[1], ctx.source)
        elif s.what == "closed" and closed is not None and s.number != closed[0]:
            yield _finding(this, s, *closed[1](), closed[0], ctx.source)


_Says = Callable[[], tuple[str, tuple[Location, ...]]]


def _grid_says(g: GridIndex, row: str, n: int) -> tuple[str, tuple[Location, ...]]:
    """What the applications table says of ``row`` (its 总计 is ``n``), and where."""
    return f"{g.row_label(row)} (总计) is {n}", (g.location(row, "total"),)


def _legacy_says(where: Location, n: int) -> tuple[str, tuple[Location, ...]]:
    """What a legacy row says (its value is ``n``), and where."""
    return f"{where.label} is {n}", (where,)


@rule(
    "P102",
    "prose-reviews",
    Severity.WARNING,
    RuleTag.PROSE,
    "A number of reviews or lawsuits stated in the text differs from the reviews table.",
    "Sentences such as 行政复议1起, 行政诉讼0件 or 未发生行政复议和行政诉讼 are compared with "
    "the 总计 of 行政复议, and with the 总计 of 未经复议直接起诉 + 复议后起诉 for lawsuits; in a "
    "legacy report with 行政复议数量 and 行政诉讼数量.  A sentence that counts both together is "
    "not read.",
    failing=example(
        TITLE,
        "一、总体情况",
        "本年度发生行政复议2起。",
        REVIEWS_SECTION,
        *reviews_row("1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0"),
    ),
    passing=example(
        TITLE,
        "一、总体情况",
        "本年度发生行政复议1起，未发生行政诉讼。",
        REVIEWS_SECTION,
        *reviews_row("1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0"),
    ),
)
def prose_reviews(ctx: Context, this: Rule) -> Iterator[Finding]:
    report = ctx.report
    # what the table says and the number; its cells are located only for a finding
    known: dict[str, tuple[int, str, Callable[[], tuple[Location, ...]]]] = {}
    g = ctx.grid("reviews")
    if g is not None:
        review = _int(g.value("review", "total"))
        direct = _int(g.value("litigation_direct", "total"))
        after = _int(g.value("litigation_after_review", "total"))
        if review is not None:
            known["review"] = (
                review,
                f"行政复议 总计 is {review}",
                partial(_totals, g, ("review",)),
            )
        if direct is not None and after is not None:
            known["suit"] = (
                direct + after,
                f"行政诉讼 总计 is {direct} + {after} = {direct + after}",
                partial(_totals, g, ("litigation_direct", "litigation_after_review")),
            )
    else:
        for what, row in (("review", "reviews"), ("suit", "litigations")):
            found = _legacy(report, row)
            if found is not None:
                where = (found[1],)
                known[what] = (found[0], f"{found[1].label} is {found[0]}", partial(tuple, where))
    if not known:
        return
    for s in _statements(ctx):
        if s.what in known and s.number != known[s.what][0]:
            n, says, cells = known[s.what]
            yield _finding(this, s, says, cells(), n, ctx.source)


def _totals(g: GridIndex, rows: tuple[str, ...]) -> tuple[Location, ...]:
    """The 总计 cells of ``rows``."""
    return tuple(g.location(row, "total") for row in rows)
