"""A scraper's or publisher's header before a report's body, and places in the text.

Archived and crawled pages often start with ``key: value`` lines written by the tool that saved
them (``标题: …``, ``发布时间: …``, ``发布机构: …``, ``文号:``, ``原文链接: …``), then a rule
that marks where the page's own text starts (``==================== 正文 ====================``).
Some keys may be empty (``文号: ``) and some lines are not ``key: value`` at all
(``页面链接与图片详见 links.tsv(同目录)``): when the rule is there, every line before it is
header.  Without a rule, only a leading run of lines with a known key is (so that an
addressee line such as ``省政府办公厅：`` is never taken for a header).
"""

from __future__ import annotations

import re

import attrs

from .._chars import is_blank
from ..document import Span

__all__ = ["HeaderField", "ScraperHeader", "read_header", "span_at"]

#: the header is looked for in this many first characters, and in this many first lines
_HEAD_CHARS = 4000
_HEAD_LINES = 30
#: a ``key: value`` line (value possibly empty)
_FIELD_RE = re.compile(
    r"[ \t\u3000]{0,4}([^\s：:，。]{1,8})[ \t\u3000]{0,3}[：:][ \t\u3000]{0,3}(.{0,300})"
)
#: the rule that starts the body: ``==== 正文 ====``, ``---- 正文 ----``
_RULE_RE = re.compile(
    r"[ \t\u3000]{0,4}[=\-—_*#]{3,40}[ \t\u3000]{0,4}正文[ \t\u3000]{0,4}[=\-—_*#]{0,40}"
)
#: keys a header line may have without a rule after the header
_KNOWN_KEYS = frozenset(
    {
        "标题", "题目", "名称", "发布时间", "发布日期", "成文日期", "发文日期", "印发日期",
        "生成日期", "日期", "时间", "发布机构", "发文机关", "发布单位", "发文单位", "来源",
        "信息来源", "文号", "发文字号", "索引号", "栏目", "原文链接", "链接", "网址", "URL",
        "url", "本地目录", "主题分类", "分类", "作者",
    }
)  # fmt: skip
_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")


@attrs.frozen(slots=True)
class HeaderField:
    """One ``key: value`` line of the header; ``span`` covers the value (or the key when
    the value is empty)."""

    key: str
    value: str
    span: Span


@attrs.frozen(slots=True)
class ScraperHeader:
    """The header's fields in order, and where the body starts (0 without a header)."""

    fields: tuple[HeaderField, ...] = ()
    body_start: int = 0

    def get(self, *keys: str) -> HeaderField | None:
        """The first field with one of ``keys`` and a non-empty value."""
        for key in keys:
            for f in self.fields:
                if f.key == key and f.value:
                    return f
        return None


def span_at(text: str, start: int, end: int) -> Span:
    """The span of ``text[start:end]``, with its line and column (``\\n``, ``\\r\\n`` and a
    bare ``\\r`` each end a line)."""
    crlf = text.count("\r\n", 0, start)
    line = text.count("\n", 0, start) + text.count("\r", 0, start) - crlf + 1
    last = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start))
    return Span(start, end, line, start - last)


def read_header(text: str) -> ScraperHeader:
    """The scraper's header at the start of ``text`` (empty when there is none)."""
    head = text[:_HEAD_CHARS]
    lines: list[tuple[int, int]] = []  # (start, content end) of each line
    pos = 0
    for m in _LINE_BREAK_RE.finditer(head):
        lines.append((pos, m.start()))
        pos = m.end()
        if len(lines) >= _HEAD_LINES:
            break
    else:
        lines.append((pos, len(head)))
    rule_at = next((i for i, (s, e) in enumerate(lines) if _RULE_RE.fullmatch(head, s, e)), None)
    fields: list[HeaderField] = []
    if rule_at is not None:
        for s, e in lines[:rule_at]:
            field = _field(text, s, e)
            if field is not None:
                fields.append(field)
        if not fields:
            return ScraperHeader()
        s, e = lines[rule_at]
        return ScraperHeader(tuple(fields), _next_line(head, e))
    end = 0
    for s, e in lines:
        if s == e or is_blank(head[s:e]):
            continue  # blank lines inside the header
        field = _field(text, s, e)
        if field is None or field.key not in _KNOWN_KEYS:
            break
        fields.append(field)
        end = _next_line(head, e)
    if not fields or not any(f.key in ("标题", "题目", "名称") or f.value for f in fields):
        return ScraperHeader()
    return ScraperHeader(tuple(fields), end)


def _field(text: str, start: int, end: int) -> HeaderField | None:
    m = _FIELD_RE.fullmatch(text, start, end)
    if m is None:
        return None
    value = m.group(2).strip(" \t\u3000\u00a0")
    if value:
        v_start = text.index(value, m.start(2), end)
        return HeaderField(m.group(1), value, span_at(text, v_start, v_start + len(value)))
    return HeaderField(m.group(1), "", span_at(text, m.start(1), m.end(1)))


def _next_line(head: str, end: int) -> int:
    """The offset after the line ending at ``end``."""
    if head.startswith("\r\n", end):
        return end + 2
    if end < len(head) and head[end] in "\r\n":
        return end + 1
    return end
