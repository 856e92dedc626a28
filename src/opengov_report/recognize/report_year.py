"""The reporting year of a report whose title does not state it, from what its text says
about itself.

Crawled bodies often lose the title (it was the page's heading, outside the text).  The year
is then read from these statements, strongest first; the first kind found decides:

1. the statistics period: ``本报告中所列数据统计期限自2019年1月1日起至2019年12月31日止``,
   ``内容涵盖我厅2017年1月1日至2017年12月31日期间…`` (a whole calendar year);
2. the report naming itself: ``现发布《河北省工业和信息化厅2016年度政府信息公开工作报告》``,
   ``编制了2016年政府信息公开报告``, an attachment
   ``河北省科学技术厅2023年政府信息公开工作年度报告.pdf``;
3. the opening of the report: ``2019年，省人社厅…``, ``一、总体情况　2019年以来，…``.

Reports also speak of next year's plans (``2020年，我局将…``), of earlier years (``2016年，
河北省教育厅共受理…`` in a 2017 report) and of notices (``关于做好2019年政府信息公开工作年度报告
编制…的通知``): none of these is read.  When the statements of the deciding kind disagree, or
the report could not have been published on its publication date (before November of the
year, or more than two years later), the year stays None: a missing year is better than a
wrong one.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

import attrs

from ..document import Span
from ..numerals import chinese_number
from .header import span_at

__all__ = ["YearEvidence", "infer_year", "opening", "self_named_agencies"]

#: the opening part of the body and the closing part searched (statements about the report
#: itself sit at its start; attachments' names at its end)
_HEAD = 5000
_TAIL = 1500

_Y = r"([12][0-9]{3}|[一二〇○零Ｏ][一二〇○零Ｏ三四五六七八九]{3})"
_S = r"[ \t\u3000\u00a0]{0,2}"
#: a whole calendar year: 2019年1月1日(起)至(2019年)12月31日
_PERIOD_RE = re.compile(
    _Y + _S + "年" + _S + "0?1" + _S + "月" + _S + "0?1" + _S + "日" + _S + "起?" + _S
    + "[至到—－\\-~～]{1,2}" + _S + "(?:" + _Y + _S + "年" + _S + ")?12" + _S + "月"
    + _S + "31" + _S + "日"
)  # fmt: skip
#: a report's name: 2016年度政府信息公开工作报告, 2023年政府信息公开工作年度报告
_NAME_RE = re.compile(
    _Y + _S + "年度?" + _S + "(?:政府信息公开|政务信息公开|政务公开|信息公开)(?:工作)?"
    "(?:年度)?(?:工作)?(?:报告|年报)"
)
#: what may stand before a report's own name: a verb that publishes it
_SELF_VERBS = ("编制了", "编制", "现将", "现公布", "现发布", "公布", "发布", "报送", "形成")
#: words that make a name another document's (a notice about compiling reports)
_OTHER_DOC = (
    "关于", "做好", "印发", "转发", "通知", "要求", "参照", "对照", "根据", "按照", "依据",
)  # fmt: skip
#: an attachment's file name ends with its extension (or a quote in a list of 附件)
_ATTACHMENT_RE = re.compile(r"[》”\"]?\s{0,2}[.．](?:docx?|pdf|wps|xlsx?|ofd|PDF|DOCX?)")
#: words of site chrome that link to other pages
_LINK_WORDS_RE = re.compile(r"上一篇|下一篇|上篇|下篇|相关阅读|相关文章|往期")
#: words that make a name an earlier report's, compared with
_COMPARED = ("与", "比", "较", "去年", "上年", "上一年", "往年", "前")
#: the opening: a year that starts the report's first sentence
_OPENING_RE = re.compile(_Y + _S + "年(?:度|以来)?" + _S + "(?:[，,]|我|全年|本)")
#: what may precede the opening sentence: an addressee (省政府办公厅：), a first heading
_ADDRESSEE_RE = re.compile(r"[^\s：:。，]{2,20}[：:]")
_FIRST_HEADING_RE = re.compile(
    r"[一1][、.．]" + _S + r"[^\s。，：:]{0,12}?(?:总体情况|基本情况|概述|概况)"
)
#: what ends a clause: words before it are not the words before a name after it
_CLAUSE_ENDS = "，。；,;"
#: the report's standard preamble: how it opens, where it ends, how long it may be
_PREAMBLE_OPENINGS = (
    "根据《中华人民共和国政府信息公开条例》",
    "根据《条例》",
    "依据《中华人民共和国政府信息公开条例》",
)
_PREAMBLE_END_RE = re.compile("[。：:]")
_PREAMBLE_MAX = 400
_WS = " \t\r\n\u3000\u00a0\ufeff"
_SEPARATORS = frozenset(_WS + '。，；：:;,、！？!?（）()“”"《》<>「」【】[]')
_AGENCY_ENDINGS = (
    "局", "政府", "委员会", "办公室", "办公厅", "厅", "部", "院", "中心", "委", "管委会",
    "管理委员会", "公司", "署", "办", "区", "县", "市", "省", "镇", "乡", "街道", "处", "所",
)  # fmt: skip


@attrs.frozen(slots=True)
class YearEvidence:
    """The year read, what kind of statement gave it, and where the first one is."""

    year: int
    reason: str
    span: Span


def _year(token: str) -> int:
    return int(token) if token.isdigit() else chinese_number(token)


def infer_year(
    text: str, body_start: int = 0, published: datetime.date | None = None
) -> YearEvidence | None:
    """The reporting year stated by the body of ``text`` (from ``body_start``), or None;
    ``text``'s digits are ASCII (full-width ones folded by the caller)."""
    head_end = min(len(text), body_start + _HEAD)
    tail_start = max(head_end, len(text) - _TAIL)
    for kind in (_periods, _own_names, _opening):
        found = kind(text, body_start, head_end, tail_start)
        if not found:
            continue
        years = {e.year for e in found}
        if len(years) != 1:
            return None  # the deciding statements disagree
        evidence = found[0]
        if published is not None and not _publishable(evidence.year, published):
            return None
        return evidence
    return None


def _publishable(year: int, published: datetime.date) -> bool:
    """Whether a report on ``year`` can have been published on ``published``: after the year
    is nearly over (from November on) and at most two years later."""
    latest = published.year if published.month >= 11 else published.year - 1
    return published.year - 2 <= year <= latest


def _periods(text: str, start: int, head_end: int, tail_start: int) -> list[YearEvidence]:
    out: list[YearEvidence] = []
    for m in _PERIOD_RE.finditer(text, start, head_end):
        first = _year(m.group(1))
        if m.group(2) is not None and _year(m.group(2)) != first:
            continue  # a period over several years says nothing of one report's year
        out.append(YearEvidence(first, "statistics period", span_at(text, m.start(), m.end())))
    return out


def _own_names(text: str, start: int, head_end: int, tail_start: int) -> list[YearEvidence]:
    out: list[YearEvidence] = []
    for m, _ in _self_names(text, start, head_end, tail_start):
        span = span_at(text, m.start(), m.end())
        out.append(YearEvidence(_year(m.group(1)), "the report names itself", span))
    return out


def _self_names(
    text: str, start: int, head_end: int, tail_start: int
) -> Iterator[tuple[re.Match[str], str]]:
    """The report's own names (and the words before each) in the opening part of the body,
    and as an attachment's file name at its end (not a link to another page: 上一篇：…)."""
    windows = [(start, head_end, False)]
    if tail_start < len(text):
        windows.append((tail_start, len(text), True))
    for lo, hi, tail in windows:
        for m in _NAME_RE.finditer(text, lo, hi):
            i = m.start()
            while i > lo and m.start() - i < 40 and text[i - 1] not in _SEPARATORS:
                i -= 1
            prefix = text[i : m.start()]
            if not _names_itself(prefix) or _LINK_WORDS_RE.search(text, max(lo, i - 12), i):
                continue
            before = text[max(lo, i - 10) : i]
            # only the clause the name is in (…的通知》精神，我局编制了2019年度…报告)
            before = before[max(before.rfind(c) for c in _CLAUSE_ENDS) + 1 :]
            if any(w in before for w in _OTHER_DOC) or any(w in before for w in _COMPARED):
                continue  # 对照《XX局2018年…报告》, 与2018年度报告相比
            if tail and not _ATTACHMENT_RE.match(text, m.end()):
                continue
            yield m, prefix


def _names_itself(prefix: str) -> bool:
    """Whether the words before a report's name make it this report's: nothing (a quoted or
    listed name), a publishing verb, or an agency name; not a notice's title."""
    if any(w in prefix for w in _OTHER_DOC):
        return False
    if not prefix or prefix.endswith(_SELF_VERBS):
        return True
    if prefix[0].isdigit() and prefix.rstrip("0123456789.、") == "":
        return True  # a numbered attachment: 1、河北省…
    return prefix.endswith(_AGENCY_ENDINGS) and not any(c.isdigit() for c in prefix)


def opening(text: str, start: int) -> re.Match[str] | None:
    """The year that opens the report's first sentence (``2019年，``, ``2019年以来，``), after
    an addressee line and a first heading (总体情况, 概述); None if the body opens otherwise."""
    head_end = min(len(text), start + _HEAD)
    i = _skip_ws(text, start, head_end)
    m = _ADDRESSEE_RE.match(text, i, head_end)
    if m is not None:
        i = _skip_ws(text, m.end(), head_end)
    m = _FIRST_HEADING_RE.match(text, i, head_end)
    if m is None:
        m = _after_preamble(text, i, head_end)
    if m is not None:
        i = _skip_ws(text, m.end(), head_end)
    return _OPENING_RE.match(text, i, head_end)


def _after_preamble(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first heading (一、总体情况) after the report's standard preamble, the sentence
    that says what the report is made under (``根据《中华人民共和国政府信息公开条例》…编制
    本报告。``), when that sentence opens the body; None otherwise."""
    if not text.startswith(_PREAMBLE_OPENINGS, start):
        return None
    stop = _PREAMBLE_END_RE.search(text, start, min(end, start + _PREAMBLE_MAX))
    if stop is None:
        return None
    return _FIRST_HEADING_RE.match(text, _skip_ws(text, stop.end(), end), end)


def _opening(text: str, start: int, head_end: int, tail_start: int) -> list[YearEvidence]:
    m = opening(text, start)
    if m is None:
        return []
    span = span_at(text, m.start(), m.end())
    return [YearEvidence(_year(m.group(1)), "the report's opening sentence", span)]


def _skip_ws(text: str, i: int, end: int) -> int:
    while i < end and text[i] in _WS:
        i += 1
    return i


def self_named_agencies(text: str, body_start: int = 0) -> list[tuple[str, Span]]:
    """The agency names before the report's own name in its text (``现发布《河北省工业和信息化厅
    2016年度政府信息公开工作报告》``, an attachment ``1、河北省科学技术厅2023年…报告.pdf``), in
    order, with where each is."""
    head_end = min(len(text), body_start + _HEAD)
    tail_start = max(head_end, len(text) - _TAIL)
    out: list[tuple[str, Span]] = []
    for m, prefix in _self_names(text, body_start, head_end, tail_start):
        if (
            len(prefix) >= 3
            and prefix.endswith(_AGENCY_ENDINGS)
            and not any(c.isdigit() or c.isascii() for c in prefix)
        ):
            at = m.start() - len(prefix)
            out.append((prefix, span_at(text, at, m.start())))
    return out
