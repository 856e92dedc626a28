"""Metadata: title, issuing agency, reporting year, publication date and signatory.

Each field is read from where real pages put it and is None when the report does not state
it; nothing is guessed from file names or invented.

- **Title**: a scraper's ``标题:`` header line; else the title block (a title split over lines
  is one title); else a title at the start of the body (one-line pages, crawler bodies).  A
  title that states its year comes first: a web page's chrome before the title (menus,
  信息公开指南 / 信息公开年报 …) is passed over, from a title block or from the lines before
  the first heading, and a line of chrome never becomes the start of the agency: menu lines
  that open a title block (neither ending like an agency's name nor holding the title's
  words) are not part of it, and an agency's name on a line of its own joins the title only
  when the next line opens with the year (a title broken by ``<br>``).  The title ends at
  the title: ``…工作年度报告`` run into the first paragraph (PDF text) is cut
  after ``报告``; a cover letter keeps its ``…的函``.
- **Year**: the title's (``2019年``, ``2019 年``, ``二〇一九年``, ``二零一九年度``; in a cover
  letter ``关于报送《…2016年政府信息公开工作情况》的函``, the year of the report it sends).
  With no year in a title, the year the body states about itself (see ``report_year``:
  statistics period, then the report naming itself, then its opening sentence), and only if
  the publication date allows it (from November of that year to two years later).
- **Agency**: the words before the year in the title (``平潭综合实验区财政金融局2019年…`` →
  ``平潭综合实验区财政金融局``; ``XX局关于报送…的函`` → ``XX局``).  A title that names a bare unit
  (``公安局``, ``财金局``: no place in it) gives way to a fuller name the report states
  elsewhere.  Without a title agency, in this order: the signature, the report naming itself
  (``现发布《X2016年度政府信息公开工作报告》``), ``由X编制``, the header's ``发布机构``, the
  subject of the opening sentence (``2019年以来，河北省科学技术厅深入贯彻…``); a name with a
  place in it before a bare one.
- **Published** and **signatory**: the signature block, the agency and the date that end the
  report (``平潭综合实验区公安局 2020年1月17日``, ``河北省教育厅\\r2017年2月24日``, the date
  then the agency on the next line, or run into the text on one-line pages); else the
  header's date (``发布时间: 2020-01-17 08:18``).  A ``…年…月…日印发`` line is the print
  colophon, not the signature.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from .._chars import BLANK, squash
from ..document import Document, MetaLine, Paragraph, Span, TitleLine
from ..model.report import Metadata
from ..numerals import FULL_WIDTH_DIGITS, chinese_number
from .header import ScraperHeader, read_header, span_at
from .report_year import infer_year, opening, self_named_agencies

__all__ = ["extract_metadata", "parse_date", "parse_year"]

_WS = " \t\r\n\u3000\u00a0\ufeff"

_FULL_WIDTH_DIGIT_RE = re.compile("[０-９]")
_YEAR_RE = re.compile(r"([12][0-9]{3})\s{0,2}年")
_CN_YEAR_RE = re.compile(r"([一二〇○零Ｏ][一二〇○零Ｏ三四五六七八九]{3})\s{0,2}年")
_DATE_RE = re.compile(
    r"([12][0-9]{3})\s{0,2}[年\-./]\s{0,2}([0-9]{1,2})\s{0,2}[月\-./]\s{0,2}([0-9]{1,2})\s{0,2}日?"
)
_CN_DATE_RE = re.compile(
    r"([一二〇○零Ｏ][一二〇○零Ｏ三四五六七八九]{3})年"
    r"([元正一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
#: a signature's date: written out with 年月日, in Arabic or Chinese numerals
_SIGN_DATE_RE = re.compile(
    r"([12][0-9]{3})[ \u3000]{0,2}年[ \u3000]{0,2}([0-9]{1,2})[ \u3000]{0,2}月"
    r"[ \u3000]{0,2}([0-9]{1,2})[ \u3000]{0,2}日"
    r"|([一二〇○零Ｏ][一二〇○零Ｏ三四五六七八九]{3})[ \u3000]?年[ \u3000]?"
    r"([元正一二三四五六七八九十]{1,3})[ \u3000]?月[ \u3000]?"
    r"([一二三四五六七八九十]{1,3})[ \u3000]?日"
)
#: the signature is looked for in this many last characters (an attached 统计表 may follow it)
_SIGN_WINDOW = 6000
#: the title is looked for in this many first characters of the body
_TITLE_WINDOW = 300
#: words a report's title is about, and the words that end it
_TITLE_CORE = ("政府信息公开", "政务信息公开", "政务公开", "信息公开")
_TITLE_ENDINGS = ("报告", "年报", "总结", "情况")
_TITLE_TAILS = ("》的函", "的函", "》")
#: a title does not start like a sentence
_SENTENCE_STARTS = ("根据", "按照", "依据", "依照", "本报告", "本年", "现将", "我")
_PUNCTUATION = frozenset("。，；！？：:;,!?、")
#: endings of an agency name
_AGENCY_ENDINGS = (
    "局", "政府", "委员会", "办公室", "办公厅", "厅", "部", "院", "中心", "所", "委", "会", "处",
    "镇", "乡", "街道", "街道办事处", "管委会", "管理委员会", "公司", "署", "站", "队", "馆", "司",
    "办", "区", "县", "市", "州", "旗",
)  # fmt: skip
#: the office that draws up a report for its agency (由平潭县工商局办公室编制)
_OFFICE = "办公室"
#: the endings of an agency that has such an office
_OFFICE_OF = ("局", "政府", "委员会", "厅", "管委会", "管理委员会", "委", "院", "署", "中心")
#: a name with one of these names a place or a level: anything else is a bare unit (公安局)
_PLACE_MARKS = (
    "省", "市", "县", "区", "州", "盟", "旗", "镇", "乡", "村", "街道", "国家", "中国", "全国",
    "国务院", "中央", "自治",
)  # fmt: skip
_SEPARATORS = frozenset(_WS + '。，；：:;,、！？!?（）()“”"《》<>「」【】[]')
#: what may follow a signature's date (an attachment, a footer, a bracketed note)
_AFTER_SIGN = frozenset("附更抄（(【[")
_HEADING_RE = re.compile(r"[一二三四五六七八九十]{1,3}[、.．]")
#: how a cover letter or a last section ends before the signature
_CLOSINGS = ("此函", "特此报告", "特此函告", "特此说明", "特此函达")
_DRAWN_UP_RE = re.compile(r"由([^\s，。、；：:,（）()《》“”]{3,30}?)(?:负责|牵头|组织|汇总)?编制")
#: the endings that close an agency name in running text (not 委, 会, 处: 改革委员会)
_SUBJECT_ENDINGS = ("人民政府", "委员会", "办公厅", "办公室", "管委会", "厅", "局")
#: words that make the start of a sentence something else than an agency's name
_NOT_A_NAME_START = ("我", "本", "全", "各", "该", "在", "对", "向", "把", "以", "经", "由")
_NOT_IN_A_NAME = (
    "贯彻", "落实", "按照", "根据", "围绕", "坚持", "认真", "深入", "推进", "加强", "领导",
    "指导", "部署", "要求", "全面", "持续", "进一步", "积极", "紧紧", "严格", "不断", "高度",
    "重视", "结合", "通过", "依据", "依照", "的",
)  # fmt: skip
_HEADER_DATE_KEYS = (
    "发布时间", "发布日期", "成文日期", "发文日期", "印发日期", "生成日期", "日期", "时间",
)  # fmt: skip
_HEADER_AGENCY_KEYS = ("发布机构", "发文机关", "发布单位", "发文单位")
_META_DATE_KEYS = ("发布日期", "发布时间", "成文日期", "生成日期", "日期", "时间")
#: a date key inside a site's line of several fields (来源：某局    发布时间：2024-01-25 10:12):
#: the meta lines' date keys that say which date (not 日期 or 时间 alone)
_INLINE_DATE_RE = re.compile(
    "(?:" + "|".join(k for k in _META_DATE_KEYS if len(k) > 2) + ")[ \t\u3000]{0,3}[：:]"
)


def parse_year(text: str) -> int | None:
    """The first year written as ``2020年``, ``2020 年`` or ``二〇二〇年`` in ``text``."""
    text = text.translate(FULL_WIDTH_DIGITS)
    m = _YEAR_RE.search(text)
    if m is not None:
        return int(m.group(1))
    m = _CN_YEAR_RE.search(text)
    if m is not None:
        return chinese_number(m.group(1))
    return None


def parse_date(text: str) -> datetime.date | None:
    """A date written as ``2021年2月19日``, ``2021-02-19``, ``2021.2.19`` or in Chinese numerals
    (``二○一一年元月二十日``), if it is a valid calendar date."""
    text = text.translate(FULL_WIDTH_DIGITS)
    m = _DATE_RE.search(text)
    parts: tuple[int, int, int] | None = None
    if m is not None:
        parts = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    else:
        c = _CN_DATE_RE.search(text)
        if c is not None:
            parts = (chinese_number(c.group(1)), _cn_month(c.group(2)), chinese_number(c.group(3)))
    return _date(parts)


def _cn_month(text: str) -> int:
    return 1 if text in ("元", "正") else chinese_number(text)


def _date(parts: tuple[int, int, int] | None) -> datetime.date | None:
    if parts is None:
        return None
    try:
        return datetime.date(*parts)
    except ValueError:
        return None


_squash = squash


def extract_metadata(doc: Document, paragraphs: Sequence[Paragraph]) -> Metadata:
    """Read the metadata a report states about itself (``paragraphs``: the document's, in
    order; the text itself is read from ``doc``)."""
    del paragraphs  # the signature and title are read from the text, whatever its lines
    text = doc.text
    # years and dates may be written in full-width digits (２０１９年): the statements are read
    # from a copy with ASCII digits, one character for one, so that every offset holds
    folded = text.translate(FULL_WIDTH_DIGITS) if _FULL_WIDTH_DIGIT_RE.search(text) else text
    header = read_header(text)
    spans: list[tuple[str, Span]] = []

    title, title_span = _title(doc, text, header)
    year = agency = None
    if title is not None and title_span is not None:
        spans.append(("title", title_span))
        year = parse_year(title)
        agency = _agency_from_title(title)

    published, date_span, signatory, sign_span = _signature(folded, header.body_start)
    if published is None:
        published, date_span = _header_date(doc, header)
    if published is not None and date_span is not None:
        spans.append(("published", date_span))
    if signatory is not None and sign_span is not None:
        spans.append(("signatory", sign_span))

    if year is not None and title_span is not None:
        spans.append(("year", title_span))
    elif year is None:
        after_title = title_span.end if title_span is not None else 0
        inferred = infer_year(folded, max(header.body_start, after_title), published)
        if inferred is not None:
            year = inferred.year
            spans.append(("year", inferred.span))

    agency_span = title_span if agency is not None else None
    if agency is None or _is_bare(agency):
        others = _other_agencies(folded, header, signatory, sign_span)
        fuller = _fuller_agency(agency, others)
        if fuller is not None:
            agency, agency_span = fuller
    if agency is not None and agency_span is not None:
        spans.append(("agency", agency_span))
    return Metadata(
        title=title,
        agency=agency,
        year=year if year is None or 1949 <= year <= 2200 else None,
        published=published,
        signatory=signatory,
        spans=tuple(spans),
    )


# --------------------------------------------------------------------------- title


def _title(doc: Document, text: str, header: ScraperHeader) -> tuple[str | None, Span | None]:
    """The report's title and where it is: the header's, the title block's, or the body's.

    A title that states its year comes before one that does not: a web page's chrome (the
    site's menus, 信息公开指南 / 信息公开年报 …) can make a title block of its own, without a
    year, before the report's title."""
    field = header.get("标题", "题目", "名称")
    if field is not None:
        end = _title_end(field.value)
        if end is not None:
            s = field.span
            return field.value[:end].strip(BLANK), Span(s.start, s.start + end, s.line, s.column)
    yearless: tuple[str, Span] | None = None
    if doc.front is not None:
        lines = [t for t in doc.front.items if isinstance(t, TitleLine)]
        lines = _without_leading_chrome([t for t in lines if t.span.start >= header.body_start])
        if lines:
            joined = _head(lines)
            end = _title_end(joined)
            if end is not None:
                title = joined[:end].strip(BLANK)
                if parse_year(title) is not None:
                    return title, _lines_span(lines, end)
                yearless = title, _lines_span(lines, end)
        meta_title = next(
            (m for m in doc.front.items if isinstance(m, MetaLine) and m.key == "标题"), None
        )
        if meta_title is not None and _title_end(meta_title.value) is not None:
            end = _title_end(meta_title.value) or 0
            return meta_title.value[:end].strip(BLANK), meta_title.span
        # the site's chrome before the title: the first later line that starts a title and
        # states its year on that line (a line of chrome before a title must not be read as
        # the start of its agency)
        for k in range(1, len(lines)):
            if parse_year(lines[k].content) is None:
                continue
            # the agency on a line of its own before the year's (a title broken by <br>)
            agency_before = _plausible_agency(lines[k - 1].content.strip(_WS))
            start = k - 1 if agency_before and _opens_with_year(lines[k].content) else k
            head = _head(lines[start:])
            end = _title_end(head)
            if end is not None:
                return head[:end].strip(BLANK), _lines_span(lines[start:], end)
    found = _line_title_before_outline(doc, text, header.body_start)
    if found is not None:
        return found
    if yearless is not None:
        return yearless
    return _body_title(text, header.body_start)


def _line_title_before_outline(doc: Document, text: str, start: int) -> tuple[str, Span] | None:
    """A line before the report's first heading that starts with a title stating its year
    (a page's chrome, read as paragraphs, before the title)."""
    heading = next(doc.headings(), None)
    stop = heading.span.start if heading is not None else min(len(text), start + _TITLE_WINDOW)
    pos = start
    agency: tuple[str, int] | None = None  # the line before, when it names an agency alone
    while pos < stop:
        end_of_line = text.find("\n", pos, stop)
        end_of_line = stop if end_of_line < 0 else end_of_line
        line = text[pos:end_of_line]
        lead = len(line) - len(line.lstrip(_WS))
        end = _title_end(line[lead:])
        if end is not None and parse_year(line[lead : lead + end]) is not None:
            title = line[lead : lead + end].rstrip(_WS)
            last = pos + lead + len(title)
            first = pos + lead
            if agency is not None and _opens_with_year(title):
                # the agency on a line of its own, the year opening the next (a title
                # broken by <br>)
                title, first = agency[0] + title, agency[1]
            return title, span_at(text, first, last)
        name = line.strip(_WS)
        agency = (name, pos + lead) if _plausible_agency(name) else None
        pos = end_of_line + 1
    return None


def _without_leading_chrome(lines: list[TitleLine]) -> list[TitleLine]:
    """The title block without the lines of a page's chrome that open it (``首页``,
    ``互动交流``, ``网站地图`` …): before the line that states the year, a line that neither
    ends like an agency's name nor holds the title's words (信息公开, 关于, 《) is not the
    start of a title split over lines."""
    year_line = next((i for i, t in enumerate(lines) if parse_year(t.content) is not None), 0)
    k = 0
    while k < year_line and not _could_open_title(lines[k].content.strip(_WS)):
        k += 1
    return lines[k:]


def _could_open_title(line: str) -> bool:
    """Whether a line may be the first part of a title (not a menu entry: 政务公开 alone)."""
    return (
        line.endswith(_AGENCY_ENDINGS)
        or (line not in _TITLE_CORE and any(word in line for word in _TITLE_CORE))
        or "关于" in line
        or "《" in line
    )


def _opens_with_year(text: str) -> bool:
    """Whether ``text`` starts with its year (``2022年…``, ``二〇二二年度…``)."""
    text = text.strip(_WS)
    return text[:1] in _YEAR_FIRST and parse_year(text[:_YEAR_REACH]) is not None


#: the most characters a year takes at the start of a title (二〇二二年, 2022 年), and the
#: characters it starts with
_YEAR_REACH = 7
_YEAR_FIRST = frozenset("0123456789０１２３４５６７８９〇零一二")


def _head(lines: Sequence[TitleLine]) -> str:
    """The first lines' contents joined, as far as a title can reach (:func:`_title_end`
    reads its first hundred-odd characters)."""
    parts: list[str] = []
    size = 0
    for line in lines:
        if size >= _TITLE_REACH:
            break
        parts.append(line.content)
        size += len(line.content)
    return "".join(parts)


#: how far into the text a title can end: its core words within 70 characters, an ending
#: within 24 after them, and a tail
_TITLE_REACH = 160


def _lines_span(lines: Sequence[TitleLine], end: int) -> Span:
    """The span of the title lines that hold the first ``end`` characters of their join."""
    first = last = lines[0]
    count = 0
    for line in lines:
        last = line
        count += len(line.content)
        if count >= end:
            break
    return Span(first.span.start, last.span.end, first.span.line, first.span.column)


def _body_title(text: str, start: int) -> tuple[str | None, Span | None]:
    """A title with a year at the start of the body's first line, or after a space in it
    (one-line pages put the site's breadcrumb before it)."""
    i = start
    while i < len(text) and text[i] in _WS:
        i += 1
    stop = min(len(text), i + _TITLE_WINDOW)
    for brk in ("\n", "\r"):
        at = text.find(brk, i, stop)
        if at >= 0:
            stop = at
    pos = i
    while pos < stop:
        window = text[pos : min(len(text), pos + 120)]
        end = _title_end(window)
        if end is not None and parse_year(window[:end]) is not None:
            title = window[:end].rstrip(_WS)
            return title, span_at(text, pos, pos + len(title))
        nxt = pos
        while nxt < stop and text[nxt] not in _WS:
            nxt += 1
        while nxt < stop and text[nxt] in _WS:
            nxt += 1
        pos = nxt
    return None, None


def _title_end(text: str) -> int | None:
    """Where the report title at the start of ``text`` ends, or None if ``text`` does not
    start with one: [agency][year]年…政府信息公开…报告 (or 年报/总结/情况, and a cover
    letter's 的函), with no sentence before the subject words."""
    squashed = text.strip(_WS)
    if not squashed or squashed.startswith(_SENTENCE_STARTS):
        return None
    core = -1
    core_end = -1
    for word in _TITLE_CORE:
        at = text.find(word, 0, 70)
        if at >= 0 and (core < 0 or at < core):
            core, core_end = at, at + len(word)
    if core < 0 or any(c in _PUNCTUATION for c in text[:core]):
        return None
    best = -1
    for word in _TITLE_ENDINGS:
        at = text.find(word, core_end, core_end + 24)
        if at >= 0 and (best < 0 or at + len(word) < best):
            best = at + len(word)
    if best < 0 or any(c in _PUNCTUATION for c in text[core:best]):
        return None
    for tail in _TITLE_TAILS:
        if text.startswith(tail, best):
            return best + len(tail)
    return best


def _agency_from_title(title: str) -> str | None:
    """The words before the reporting year (周村区人民政府2020年政府信息公开工作年度报告); in a
    cover letter, before its 关于 or inside its 《》."""
    squashed = _squash(title).translate(FULL_WIDTH_DIGITS)
    m = _YEAR_RE.search(squashed) or _CN_YEAR_RE.search(squashed)
    core = min((i for w in _TITLE_CORE if (i := squashed.find(w)) >= 0), default=0)
    if m is None:
        head = squashed[:core]
    elif m.start() == 0 and m.end() < core:  # 2019年度某市某局政府信息公开工作年度报告
        head = _with_shared_government(squashed, squashed[m.end() : core].lstrip("度"), core)
        return head if 2 <= len(head) <= 30 and head.endswith(_AGENCY_ENDINGS) else None
    elif 0 < core < m.start():  # 某市某局政府信息公开工作2019年度报告: the name ends at the core
        head = _with_shared_government(squashed, squashed[:core], core)
    else:
        head = squashed[: m.start()]
    if "关于" in head:  # XX局关于报送…的函; 关于报送《XX局2015年…》的函
        before, _, after = head.partition("关于")
        head = before or (after.rpartition("《")[2] if "《" in after else "")
    head = head.rpartition("《")[2].strip("《》“”\"'：:，,、 ")
    if head.startswith(("我", "本")):  # 我局2019年…工作情况: a sentence, not a name
        return None
    if len(head) < 2 or (not head.endswith(_AGENCY_ENDINGS) and len(head) > 30):
        return None
    return head


def _with_shared_government(squashed: str, head: str, core: int) -> str:
    """``head`` with the 政府 it shares with the title's core words: 朝阳区人民 | 政府信息公开
    is 朝阳区人民政府's report (一个政府 written once)."""
    if head.endswith("人民") and squashed.startswith("政府", core):
        return head + "政府"
    return head


# --------------------------------------------------------------------------- agency


def _is_bare(agency: str) -> bool:
    """A unit's name with no place or level in it (公安局, 财金局): the report's other
    statements of its name are fuller."""
    return not any(mark in agency for mark in _PLACE_MARKS)


def _plausible_agency(name: str) -> bool:
    return (
        2 <= len(name) <= 40
        and name.endswith(_AGENCY_ENDINGS)
        and not any(c.isdigit() or c in _SEPARATORS or c.isascii() for c in name)
    )


def _other_agencies(
    text: str, header: ScraperHeader, signatory: str | None, sign_span: Span | None
) -> list[tuple[str, Span]]:
    """Agency names stated outside the title, strongest first: the signature, ``由X编制``,
    the report naming itself, the header's ``发布机构``."""
    out: list[tuple[str, Span]] = []
    if signatory is not None and sign_span is not None:
        out.append((signatory, sign_span))
    head_end = min(len(text), header.body_start + 3000)
    m = _DRAWN_UP_RE.search(text, header.body_start, head_end)
    out.extend(self_named_agencies(text, header.body_start))
    if m is not None and _plausible_agency(m.group(1)) and not _is_bare(m.group(1)):
        # drawn up by the agency's office (由平潭县工商局办公室编制): the report is the
        # agency's, as a government's report is the government's (由X县人民政府办公室编制)
        end = m.end(1)
        unit = m.group(1).removesuffix(_OFFICE)
        if unit != m.group(1) and _plausible_agency(unit) and unit.endswith(_OFFICE_OF):
            end -= len(_OFFICE)
        out.append((text[m.start(1) : end], span_at(text, m.start(1), end)))
    field = header.get(*_HEADER_AGENCY_KEYS)
    if field is not None and _plausible_agency(_squash(field.value)):
        out.append((_squash(field.value), field.span))
    subject = _opening_subject(text, header.body_start)
    if subject is not None:
        out.append(subject)
    return out


def _opening_subject(text: str, start: int) -> tuple[str, Span] | None:
    """The agency that is the subject of the report's opening sentence (``2019年以来，河北省
    科学技术厅深入贯彻…``): the words up to the first agency ending (extended by a following
    one: 人民政府办公室), when they name a place or a level and are not a short form (省人社厅)."""
    m = opening(text, start)
    if m is None or text[m.end() - 1] not in "，,":
        return None
    i = m.end()
    stop = min(len(text), i + 30)
    j = i
    while j < stop and text[j] not in _SEPARATORS:
        hit = next((w for w in _SUBJECT_ENDINGS if text.startswith(w, j)), None)
        if hit is not None:
            j += len(hit)
            more = next((w for w in _SUBJECT_ENDINGS if text.startswith(w, j)), None)
            if more is not None:
                j += len(more)
            name = text[i:j]
            if (
                len(name) >= 5
                and not _is_bare(name)
                and _plausible_agency(name)
                and not name.startswith(_NOT_A_NAME_START)
                and not any(w in name for w in _NOT_IN_A_NAME)
            ):
                return name, span_at(text, i, j)
            return None
        j += 1
    return None


def _fuller_agency(bare: str | None, others: list[tuple[str, Span]]) -> tuple[str, Span] | None:
    """The first of ``others``; for a bare unit name, the first that ends with it, else the
    first with a place in it."""
    if bare is None:  # a name with a place in it first (not the signature's 办公室)
        placed = [o for o in others if not _is_bare(o[0])]
        ranked = placed or others
        return ranked[0] if ranked else None
    for name, span in others:
        if name.endswith(bare) and name != bare:
            return name, span
    for name, span in others:
        if not _is_bare(name):
            return name, span
    return None


# --------------------------------------------------------------------------- signature


def _signature(
    text: str, body_start: int
) -> tuple[datetime.date | None, Span | None, str | None, Span | None]:
    """The date and the agency that sign the report: the last date written out with 年月日
    that ends a line or the text and has an agency before it (or on the next, last line);
    else the last such date that stands alone."""
    lo = max(body_start, len(text) - _SIGN_WINDOW)
    # (date, date start, date end, agency, agency start, agency end): spans made at the end
    signed: tuple[datetime.date, int, int, str, int, int] | None = None
    alone: tuple[datetime.date, int, int] | None = None
    for m in _SIGN_DATE_RE.finditer(text, lo):
        if not _ends_signature(text, m.end()):
            continue
        date = _sign_date(m)
        if date is None:
            continue
        found = _agency_before(text, m.start(), lo) or _agency_after(text, m.end())
        if found is not None:
            signed = (date, m.start(), m.end(), *found)
        elif _stands_alone(text, m.start(), lo):
            alone = (date, m.start(), m.end())
    if signed is not None and (alone is None or alone[1] < signed[1]):
        date, start, end, name, a_start, a_end = signed
        return date, span_at(text, start, end), name, span_at(text, a_start, a_end)
    if alone is not None:
        return alone[0], span_at(text, alone[1], alone[2]), None, None
    return None, None, None, None


def _ends_signature(text: str, end: int) -> bool:
    """Whether what follows a date lets it end a signature: the end of the text or of the
    line, an attachment, a footer (附件, 更多信息…, 抄送), a heading, a report's title (after
    a cover letter), or the print colophon
    (``XX办公室 2022年1月7日印发``); not a sentence going on (``2019年12月31日 召开``) nor the
    colophon's own date."""
    if text.startswith("印发", end):
        return False
    i = _skip_spaces(text, end)
    if i >= len(text) or text[i] in "\r\n" or text[i] in _AFTER_SIGN:
        return True
    if i == end:
        return False
    if _HEADING_RE.match(text, i) or _title_end(text[i : i + 120]) is not None:
        return True  # a heading, or the report's title after its cover letter's signature
    j = i
    while j < len(text) and j - i < 40 and text[j] not in _SEPARATORS:
        j += 1
    return _plausible_agency(text[i:j]) and bool(_SIGN_DATE_RE.match(text, _skip_spaces(text, j)))


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\u3000\u00a0":
        i += 1
    return i


def _sign_date(m: re.Match[str]) -> datetime.date | None:
    if m.group(1) is not None:
        return _date((int(m.group(1)), int(m.group(2)), int(m.group(3))))
    return _date((chinese_number(m.group(4)), _cn_month(m.group(5)), chinese_number(m.group(6))))


def _agency_before(text: str, at: int, lo: int) -> tuple[str, int, int] | None:
    """The agency name just before a signature's date: the words back to the previous
    separator, without the end of the last section run into it (``其他需要报告的事项无``)."""
    i = at
    while i > lo and text[i - 1] in _WS:
        i -= 1
    j = i
    while j > lo and i - j < 60 and text[j - 1] not in _SEPARATORS:
        j -= 1
    chunk = text[j:i]
    k = chunk.rfind("事项")
    if k >= 0 and "报告" in chunk[:k]:
        j += k + 2
        for w in ("暂无", "无"):
            if text.startswith(w, j):
                j += len(w)
                break
    for w in _CLOSINGS:
        if text.startswith(w, j):
            j += len(w)
    name = text[j:i]
    if not _plausible_agency(name):
        return None
    return name, j, i


def _agency_after(text: str, end: int) -> tuple[str, int, int] | None:
    """An agency on the line after the date, when it is the report's last line (a page
    number may follow)."""
    i = end
    while i < len(text) and text[i] in " \t\u3000":
        i += 1
    if i >= len(text) or text[i] not in "\r\n":
        return None
    while i < len(text) and text[i] in _WS:
        i += 1
    j = i
    while j < len(text) and text[j] not in "\r\n":
        j += 1
    name = text[i:j].strip(_WS)
    rest = text[j:].strip(_WS + "-—－第页0123456789")
    if rest or not _plausible_agency(name):
        return None
    start = text.index(name, i)
    return name, start, start + len(name)


def _stands_alone(text: str, at: int, lo: int) -> bool:
    """A date on a line of its own, or after the end of a sentence and a space."""
    i = at
    while i > lo and text[i - 1] in " \t\u3000\u00a0":
        i -= 1
    if i <= lo or text[i - 1] in "\r\n":
        return True
    return i < at and text[i - 1] in "。；;"


def _header_date(doc: Document, header: ScraperHeader) -> tuple[datetime.date | None, Span | None]:
    field = header.get(*_HEADER_DATE_KEYS)
    if field is not None:
        date = parse_date(field.value)
        if date is not None:
            return date, field.span
    if doc.front is None:
        return None, None
    for item in doc.front.items:
        if isinstance(item, MetaLine) and item.key in _META_DATE_KEYS:
            date = parse_date(item.value)
            if date is not None:
                return date, item.span
    for item in doc.front.items:
        inline = _INLINE_DATE_RE.search(item.text) if isinstance(item, MetaLine) else None
        if inline is not None:
            date = parse_date(item.text[inline.end() : inline.end() + 24])
            if date is not None:
                return date, item.span
    return None, None
