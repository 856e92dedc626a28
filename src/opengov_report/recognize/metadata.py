"""Metadata: title, issuing agency, reporting year, publication date and signatory.

Each field is read from where reports put it and is None when the report does not state it:
the title from the title block (a title split over lines is one title), the year and agency
from the title, the date and signatory from the last lines of the report (or a scraper's
``发布日期：`` line).  Nothing is guessed from file names or invented.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from ..document import Document, MetaLine, Paragraph, Span, TitleLine
from ..model.report import Metadata
from ..numerals import chinese_number

__all__ = ["extract_metadata", "parse_date", "parse_year"]

_WS = " \t\r\n\u3000\u00a0"

_YEAR_RE = re.compile(r"([12][0-9]{3})\s{0,2}年")
_CN_YEAR_RE = re.compile(r"([一二〇○零Ｏ三四五六七八九]{4})年")
_DATE_RE = re.compile(
    r"([12][0-9]{3})\s{0,2}[年\-./]\s{0,2}([0-9]{1,2})\s{0,2}[月\-./]\s{0,2}([0-9]{1,2})\s{0,2}日?"
)
_CN_DATE_RE = re.compile(
    r"([一二〇○零Ｏ三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
#: words a report title ends with after the year: what comes before the year is the agency
_TITLE_CORE_RE = re.compile(r"(?:年度?)?\s{0,2}(?:政府信息公开|政务公开|信息公开)")
#: endings of an agency name, for a signature line
_AGENCY_ENDINGS = (
    "局", "政府", "委员会", "办公室", "办公厅", "厅", "部", "院", "中心", "所", "委", "会", "处",
    "镇", "乡", "街道", "街道办事处", "管委会", "管理委员会", "公司", "署", "站", "队", "馆", "司",
)  # fmt: skip
_META_DATE_KEYS = ("发布日期", "发布时间", "成文日期", "日期", "时间")


def parse_year(text: str) -> int | None:
    """The first year written as ``2020年`` or ``二〇二〇年`` in ``text``."""
    m = _YEAR_RE.search(text)
    if m is not None:
        return int(m.group(1))
    m = _CN_YEAR_RE.search(text)
    if m is not None:
        return chinese_number(m.group(1))
    return None


def parse_date(text: str) -> datetime.date | None:
    """A date written as ``2021年2月19日``, ``2021-02-19``, ``2021.2.19`` or in Chinese numerals,
    if it is a valid calendar date."""
    m = _DATE_RE.search(text)
    parts: tuple[int, int, int] | None = None
    if m is not None:
        parts = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    else:
        c = _CN_DATE_RE.search(text)
        if c is not None:
            parts = (
                chinese_number(c.group(1)),
                chinese_number(c.group(2)),
                chinese_number(c.group(3)),
            )
    if parts is None:
        return None
    try:
        return datetime.date(*parts)
    except ValueError:
        return None


def _squash(text: str) -> str:
    return "".join(text.split())


def extract_metadata(doc: Document, paragraphs: Sequence[Paragraph]) -> Metadata:
    """Read the metadata a report states about itself (``paragraphs``: the document's, in
    order)."""
    spans: list[tuple[str, Span]] = []
    title, title_span = _title(doc)
    if title is not None and title_span is not None:
        spans.append(("title", title_span))
    year = agency = None
    if title is not None:
        year = parse_year(title)
        agency = _agency_from_title(title)
        if year is not None and title_span is not None:
            spans.append(("year", title_span))
        if agency is not None and title_span is not None:
            spans.append(("agency", title_span))
    published, signatory, date_span, sign_span = _signature(paragraphs)
    if published is None:
        published, date_span = _meta_date(doc)
    if published is not None and date_span is not None:
        spans.append(("published", date_span))
    if signatory is not None and sign_span is not None:
        spans.append(("signatory", sign_span))
    if agency is None and signatory is not None:
        agency = signatory
        if sign_span is not None:
            spans.append(("agency", sign_span))
    return Metadata(
        title=title,
        agency=agency,
        year=year if year is None or 1949 <= year <= 2200 else None,
        published=published,
        signatory=signatory,
        spans=tuple(spans),
    )


def _title(doc: Document) -> tuple[str | None, Span | None]:
    if doc.front is not None:
        lines = [t for t in doc.front.items if isinstance(t, TitleLine)]
        if lines:
            text = "".join(t.content for t in lines)
            meta_title = next(
                (m.value for m in doc.front.items if isinstance(m, MetaLine) and m.key == "标题"),
                None,
            )
            if meta_title and not _looks_like_title(text):
                return meta_title, lines[0].span
            if _looks_like_title(text):
                return text, lines[0].span
            return None, None
    # no title block: a first paragraph that reads as a title
    for child in doc.children:
        if isinstance(child, Paragraph):
            content = child.content
            if len(content) <= 60 and _looks_like_title(content):
                return content, child.span
            break
    return None, None


def _looks_like_title(text: str) -> bool:
    squashed = _squash(text)
    return any(w in squashed for w in ("报告", "总结", "年报", "政府信息公开", "政务公开"))


def _agency_from_title(title: str) -> str | None:
    """The words before the reporting year (周村区人民政府2020年政府信息公开工作年度报告)."""
    squashed = _squash(title)
    m = _YEAR_RE.search(squashed) or _CN_YEAR_RE.search(squashed)
    if m is None:
        core = _TITLE_CORE_RE.search(squashed)
        head = squashed[: core.start()] if core is not None else ""
    else:
        head = squashed[: m.start()]
    head = head.strip("《》“”\"'：:，,、 ")
    if len(head) < 2 or (not any(head.endswith(e) for e in _AGENCY_ENDINGS) and len(head) > 30):
        return None
    return head or None


def _signature(
    paragraphs: Sequence[Paragraph],
) -> tuple[datetime.date | None, str | None, Span | None, Span | None]:
    """The date and the agency name among the last non-blank lines of the report."""
    tail = paragraphs[-4:]
    for i, para in enumerate(tail):
        content = para.content
        if len(content) > 24:
            continue
        date = parse_date(content)
        if date is None:
            continue
        signatory, sign_span = None, None
        for j in (i - 1, i + 1):
            if 0 <= j < len(tail):
                other = _squash(tail[j].content)
                if 2 <= len(other) <= 40 and other.endswith(_AGENCY_ENDINGS):
                    signatory, sign_span = other, tail[j].span
                    break
        # the same line may carry both: 周村区人民政府 2021年2月19日
        if signatory is None:
            at = _DATE_RE.search(content)
            head = _squash(content[: at.start()]) if at is not None else ""
            if len(head) >= 2 and head.endswith(_AGENCY_ENDINGS):
                signatory, sign_span = head, para.span
        return date, signatory, para.span, sign_span
    return None, None, None, None


def _meta_date(doc: Document) -> tuple[datetime.date | None, Span | None]:
    if doc.front is None:
        return None, None
    for item in doc.front.items:
        if isinstance(item, MetaLine) and item.key in _META_DATE_KEYS:
            date = parse_date(item.value)
            if date is not None:
                return date, item.span
    return None, None
