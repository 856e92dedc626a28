"""Rules L1xx/L2xx: relations between the rows of a legacy 统计表, format-spec §6.5.

No identity is printed on the legacy form: L1xx rules follow from the labels (a 其中 row is
part of its parent; 专职 + 兼职 and 按时 + 延期 split their parent), L2xx rules are what the
labels imply in practice only (a parent is the sum of its numbered items) and are warnings.
Rows are related by the hierarchy the recogniser read (numbering, else indentation) and only
where parent and child have the same unit: 制发规范性文件总数 (件) indented under
主动公开政府信息数 (条) is not a part of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import partial

from .._chars import squash
from .._memo import Memo
from ..model.identities import sums_equal
from ..model.report import AnnualReport
from ..model.tables import LEGACY, LegacyRow, LegacyTable
from ..model.values import Value
from .arithmetic import value_finding
from .context import Context
from .examples import LEGACY_HEAD, example
from .finding import Finding, Location, Severity, new_locations
from .registry import Rule, RuleTag, rule

__all__ = ["children"]

_PARTITIONS = (("专职", "兼职"), ("按时", "延期"))
_CHANNEL_RE = re.compile(r"(?:网站|微博|微信|公报|其他方式)公开政府信息数")


def _names_channel(label: str) -> bool:
    """Whether a row's label names a channel of 主动公开政府信息数 (政府网站公开政府信息数 …)."""
    return _CHANNEL_RE.search(squash(label)) is not None


#: _names_channel by label (a legacy table's labels come back in report after report)
_CHANNELS: Memo[str, bool] = Memo(_names_channel, 4096)
_is_channel = _CHANNELS.__getitem__


def _value(row: LegacyRow, column: str) -> Value | None:
    return row.value if column == "value" else row.cumulative


def _locations(ctx: Context, cells: Iterable[tuple[LegacyRow, str]]) -> tuple[Location, ...]:
    """The location of each ``(row, column)``: ``Location(LEGACY, row.id, column, label
    without white space, span of the value)``, each made once per check (a row takes part in
    several relations, and the findings name it each time)."""
    # by the row object's id: the report holds its rows for the whole check, and two rows of
    # one table may have the same id and path
    made: dict[tuple[int, str], Location] = ctx.memo("legacy:locations", _no_locations)
    out: list[Location] = []
    for row, column in cells:
        key = (id(row), column)
        location = made.get(key)
        if location is None:
            value = _value(row, column)
            span = value.span if value is not None else None
            (location,) = new_locations(LEGACY, [(row.id, column, squash(row.label), span)])
            made[key] = location
        out.append(location)
    return tuple(out)


def _no_locations(report: AnnualReport) -> dict[tuple[int, str], Location]:
    return {}


def _holds(parent: LegacyRow, kids: Sequence[LegacyRow], column: str) -> bool:
    """Whether ``parent`` = the sum of ``kids`` in ``column``, every value a number as written
    (:func:`~.arithmetic.holds` without building terms and their locations)."""
    pv = _value(parent, column)
    parts = [None if (kv := _value(kid, column)) is None else kv.number for kid in kids]
    return sums_equal((None if pv is None else pv.number,), parts) is True


def children(table: LegacyTable, parent: LegacyRow) -> list[LegacyRow]:
    """The rows directly under ``parent`` (the row right after it in the hierarchy) that
    share its unit."""
    return _children_after(table.rows, table.rows.index(parent))


def _children_after(rows: Sequence[LegacyRow], index: int) -> list[LegacyRow]:
    """:func:`children` of ``rows[index]``."""
    parent = rows[index]
    path, unit = parent.path, parent.unit
    depth = len(path)
    out: list[LegacyRow] = []
    for i in range(index + 1, len(rows)):
        row = rows[i]
        if row.path[:depth] != path:
            break
        if len(row.path) == depth + 1 and row.unit == unit:
            out.append(row)
    return out


def _is_qizhong_list(kids: Sequence[LegacyRow]) -> bool:
    return bool(kids) and squash(kids[0].label).startswith("其中")


def _is_partition(kids: Sequence[LegacyRow]) -> bool:
    if len(kids) != 2:
        return False
    labels = [squash(k.label) for k in kids]
    return any(
        (a in labels[0] and b in labels[1]) or (b in labels[0] and a in labels[1])
        for a, b in _PARTITIONS
    )


def _columns(table: LegacyTable) -> tuple[str, ...]:
    return table.columns


_Family = tuple[LegacyTable, LegacyRow, list[LegacyRow], bool, bool]


def _families(report: AnnualReport) -> list[_Family]:
    """Each legacy row that has rows under it, with them, and whether they are a 其中 list
    and whether they are a partition (read once for the three rules over families)."""
    table = report.legacy
    if table is None:
        return []
    rows = table.rows
    # children() finds a row's place by equality (the first equal row); only a row whose id
    # and path an earlier row has can be equal to one, and only then is the search needed
    seen: set[tuple[str, tuple[str, ...]]] = set()
    out = []
    for i, row in enumerate(rows):
        key = (row.id, row.path)
        kids = _children_after(rows, rows.index(row) if key in seen else i)
        seen.add(key)
        if kids:
            out.append((table, row, kids, _is_qizhong_list(kids), _is_partition(kids)))
    return out


@rule(
    "L101",
    "legacy-part-exceeds-parent",
    Severity.ERROR,
    RuleTag.STRUCTURAL,
    "A 其中 row of a legacy 统计表 is larger than the row it is part of.",
    "其中 (of which) rows are parts of the row above them: 主动公开规范性文件数 ≤ "
    "主动公开政府信息数, 主要负责同志参加新闻发布会次数 ≤ 参加或举办新闻发布会总次数, each "
    "涉及…/危及…/不是… reason ≤ 不同意公开答复数.  Only rows with the parent's unit are "
    "compared.  format-spec §6.5 L-1 (STRUCTURAL).",
    failing=example(
        *LEGACY_HEAD,
        "| 一、主动公开情况 | | |",
        "| （一）主动公开政府信息数 | 条 | 60 |",
        "| 其中：主动公开规范性文件数 | 条 | 61 |",
    ),
    passing=example(
        *LEGACY_HEAD,
        "| 一、主动公开情况 | | |",
        "| （一）主动公开政府信息数 | 条 | 60 |",
        "| 其中：主动公开规范性文件数 | 条 | 2 |",
    ),
)
def legacy_part_exceeds_parent(ctx: Context, this: Rule) -> Iterator[Finding]:
    for table, parent, kids, qizhong, _ in ctx.memo("legacy:families", _families):
        if not qizhong:
            continue
        for column in _columns(table):
            pv = _value(parent, column)
            p = pv.number if pv is not None else None
            if p is None:
                continue
            for kid in kids:
                kv = _value(kid, column)
                k = kv.number if kv is not None else None
                if k is not None and k > p:
                    yield this.finding(
                        f"{squash(kid.label)} {k} is more than {squash(parent.label)} {p}, "
                        "of which it is a part",
                        _locations(ctx, ((kid, column), (parent, column))),
                        expected=p,
                        actual=k,
                        source=ctx.source,
                    )


@rule(
    "L102",
    "legacy-partition",
    Severity.ERROR,
    RuleTag.STRUCTURAL,
    "A legacy row split into two complementary parts (专职/兼职, 按时/延期) is not their sum.",
    "从事政府信息公开工作人员数 = 专职人员数 + 兼职人员数 and 申请办结数 = 按时办结数 + "
    "延期办结数: the two parts are complementary by their labels.  format-spec §6.5 L-2, L-3 "
    "(STRUCTURAL).",
    failing=example(
        *LEGACY_HEAD,
        "| （四）从事政府信息公开工作人员数 | 人 | 5 |",
        "| 1.专职人员数 | 人 | 1 |",
        "| 2.兼职人员数 | 人 | 3 |",
    ),
    passing=example(
        *LEGACY_HEAD,
        "| （四）从事政府信息公开工作人员数 | 人 | 5 |",
        "| 1.专职人员数 | 人 | 1 |",
        "| 2.兼职人员数 | 人 | 4 |",
    ),
)
def legacy_partition(ctx: Context, this: Rule) -> Iterator[Finding]:
    for table, parent, kids, _, partition in ctx.memo("legacy:families", _families):
        if not partition:
            continue
        for column in _columns(table):
            if _holds(parent, kids, column):
                continue
            name = squash(parent.label)
            finding = value_finding(
                this,
                [_value(parent, column)],
                [_value(k, column) for k in kids],
                partial(_locations, ctx, [(parent, column), *[(k, column) for k in kids]]),
                what=name,
                left_name=name,
                right_name=" + ".join(squash(k.label) for k in kids),
                source=ctx.source,
            )
            if finding is not None:
                yield finding


@rule(
    "L201",
    "legacy-sum-of-items",
    Severity.WARNING,
    RuleTag.HEURISTIC,
    "A legacy row with numbered items (or a 其中 list) of its unit is not their sum.",
    "Expected in practice, not stated on the form: 收到申请数 = the channels (当面, 传真, 网络, "
    "信函 …), 申请答复数 = items 1–8, 不同意公开答复数 = its 其中 reasons, 行政复议数量 / "
    "行政诉讼数量 / 举报投诉数量 = their （一）…（三）.  It can fail legitimately (a channel or "
    "reason the list does not name, pending cases that have no row).  Not applied to "
    "主动公开政府信息数, which counts a document once however many channels carried it (see "
    "L202).  format-spec §6.5 L-4 … L-7 (HEURISTIC).",
    failing=example(
        *LEGACY_HEAD,
        "| （一）收到申请数 | 件 | 3 |",
        "| 1.当面申请数 | 件 | 1 |",
        "| 2.网络申请数 | 件 | 1 |",
    ),
    passing=example(
        *LEGACY_HEAD,
        "| （一）收到申请数 | 件 | 3 |",
        "| 1.当面申请数 | 件 | 1 |",
        "| 2.网络申请数 | 件 | 2 |",
    ),
)
def legacy_sum_of_items(ctx: Context, this: Rule) -> Iterator[Finding]:
    for table, parent, kids, _, partition in ctx.memo("legacy:families", _families):
        if len(kids) < 2 or partition or parent.id == "proactive_total":
            continue
        for column in _columns(table):
            if _holds(parent, kids, column):
                continue
            name = squash(parent.label)
            finding = value_finding(
                this,
                [_value(parent, column)],
                [_value(k, column) for k in kids],
                partial(_locations, ctx, [(parent, column), *[(k, column) for k in kids]]),
                what=name,
                left_name=name,
                right_name=f"the sum of its {len(kids)} items",
                source=ctx.source,
            )
            if finding is not None:
                yield finding


@rule(
    "L202",
    "legacy-proactive-channels",
    Severity.WARNING,
    RuleTag.HEURISTIC,
    "主动公开政府信息数 is below one of its channels, or above their sum.",
    "主动公开政府信息数 counts each piece of information once (不同渠道和方式公开相同信息计1条), "
    "so each channel row (政府网站, 政务微博, 政务微信 … 公开政府信息数) ≤ it ≤ the sum of the "
    "channel rows.  format-spec §6.5 L-8 (HEURISTIC).",
    failing=example(
        *LEGACY_HEAD,
        "| （一）主动公开政府信息数 | 条 | 70 |",
        "| 1.政府网站公开政府信息数 | 条 | 50 |",
        "| 2.政务微博公开政府信息数 | 条 | 10 |",
        "| 3.政务微信公开政府信息数 | 条 | 5 |",
    ),
    passing=example(
        *LEGACY_HEAD,
        "| （一）主动公开政府信息数 | 条 | 60 |",
        "| 1.政府网站公开政府信息数 | 条 | 50 |",
        "| 2.政务微博公开政府信息数 | 条 | 10 |",
        "| 3.政务微信公开政府信息数 | 条 | 5 |",
    ),
)
def legacy_proactive_channels(ctx: Context, this: Rule) -> Iterator[Finding]:
    report = ctx.report
    table = report.legacy
    if table is None:
        return
    total = table.row("proactive_total")
    channels = [r for r in table.rows if _is_channel(r.label)]
    if total is None or not channels:
        return
    for column in _columns(table):
        tv = _value(total, column)
        t = tv.as_int() if tv is not None else None
        numbers = [(r, v.as_int()) for r in channels if (v := _value(r, column)) is not None]
        known = [(r, n) for r, n in numbers if n is not None]
        if t is None or not known:
            continue
        for r, n in known:
            if n is not None and n > t:
                yield this.finding(
                    f"{squash(r.label)} {n} is more than {squash(total.label)} {t}",
                    _locations(ctx, ((total, column), (r, column))),
                    expected=n,
                    actual=t,
                    source=ctx.source,
                )
        if len(known) == len(channels):
            s = sum(n for _, n in known if n is not None)
            if t > s:
                yield this.finding(
                    f"{squash(total.label)} {t} is more than its channels together "
                    f"({' + '.join(str(n) for _, n in known)} = {s})",
                    _locations(ctx, [(total, column), *[(r, column) for r in channels]]),
                    expected=s,
                    actual=t,
                    source=ctx.source,
                )


@rule(
    "L203",
    "legacy-closed-exceeds-received",
    Severity.WARNING,
    RuleTag.HEURISTIC,
    "申请办结数 is more than 收到申请数.",
    "The legacy table has no carry-over row, so applications closed in a year are normally no "
    "more than those received in it; applications carried over from the year before make it "
    "fail legitimately.  format-spec §6.5 L-9 (HEURISTIC).",
    failing=example(
        *LEGACY_HEAD,
        "| （一）收到申请数 | 件 | 3 |",
        "| （二）申请办结数 | 件 | 4 |",
    ),
    passing=example(
        *LEGACY_HEAD,
        "| （一）收到申请数 | 件 | 3 |",
        "| （二）申请办结数 | 件 | 3 |",
    ),
)
def legacy_closed_exceeds_received(ctx: Context, this: Rule) -> Iterator[Finding]:
    report = ctx.report
    table = report.legacy
    if table is None:
        return
    closed, received = table.row("applications_closed"), table.row("applications_received")
    if closed is None or received is None:
        return
    for column in _columns(table):
        cv, rv = _value(closed, column), _value(received, column)
        c = cv.as_int() if cv is not None else None
        r = rv.as_int() if rv is not None else None
        if c is not None and r is not None and c > r:
            yield this.finding(
                f"{squash(closed.label)} {c} is more than {squash(received.label)} {r}",
                _locations(ctx, ((closed, column), (received, column))),
                expected=r,
                actual=c,
                source=ctx.source,
            )
