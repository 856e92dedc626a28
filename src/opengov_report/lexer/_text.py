"""Facts of a report's text the passes read: white space, the patterns of noise, values and
prose, and the line table.  All regular expressions here are anchored or bounded and free of
nested quantifiers: their cost is linear in the input."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .._chars import SPACE, split_blank

__all__ = [
    "BOOKMARK_RE", "CELL_RUN_RE", "CHROME_PREFIXES", "DIGIT_RUN_RE", "META_KEYS", "META_RE",
    "NOISE_FIRST",
    "NON_WS_RUN_RE", "NOT_A_CELL_AFTER", "NOT_A_CELL_BEFORE", "PAGE_RE", "PIPE_RULE_RE",
    "PROSE_PUNCT_RE", "RULE_RE", "RUNIN_END_RE", "SENTENCE_END", "SENTENCE_END_RE",
    "TITLE_MAX", "URL_RE", "WS", "WS_TAB", "head_row", "is_header_row", "is_spaced_row",
    "is_value", "lstrip_at", "many_values", "prose_free", "punctuation_outside_brackets",
    "split_lines", "trim",
]  # fmt: skip

#: the white space of a report's lines (a tab is not: it separates cells)
WS = SPACE
WS_TAB = WS + "\t"
BOOKMARK_RE = re.compile(r"\[bookmark:[^\]\n]{0,200}\]")
URL_RE = re.compile(r"(?:https?://|www\.)\S+")
RULE_RE = re.compile(r"[=＝\-_*~#]{3,}[^=＝\-_*~#]{0,20}[=＝\-_*~#]{0,}|[—－]{6,}")
PIPE_RULE_RE = re.compile(r"\|?[\s:：\-|—]{3,}\|?")
META_RE = re.compile(r"(?P<key>[^\s：:，。]{2,8})\s{0,3}[：:]\s{0,3}(?P<value>\S.{0,80})")
PAGE_RE = re.compile(
    r"(?:[-－—]\s{0,2})?[0-9]{1,3}(?:\s{0,2}[-－—])?|第[0-9]{1,3}页(?:共[0-9]{1,3}页)?"
)
VALUE_RE = re.compile(
    r"[+＋\-－−]?[0-9０-９]{1,12}(?:[.．][0-9０-９]{1,6})?"
    r"(?:万元|亿元|千元|万|亿|元|件|条|个|人次|人|次|篇|项|家|起|份|%)?"
    r"|[增减][0-9０-９]{1,9}"
    r"|无|[—\-－–―/／]{1,3}"
)
SENTENCE_END = "。！？；：:"
SENTENCE_END_RE = re.compile("[" + SENTENCE_END + "]")
#: the sentence ends a run-in heading may follow (a whole report on one line)
RUNIN_END_RE = re.compile("[。！？；：]")
#: possessive (``*+``): a plain ``(?:…)*`` keeps a backtracking mark per digit, ~117 bytes each
DIGIT_RUN_RE = re.compile(r"[0-9０-９](?:[ \u3000]?[0-9０-９])*+")
#: a glued cell's digits: a run, and its decimals (行政事业性收费5949.09); a point not
#: followed by a digit ends the run (1.属于…: the next row's numbering)
CELL_RUN_RE = re.compile(DIGIT_RUN_RE.pattern + r"(?:[.．][0-9０-９]++)?+")
NOT_A_CELL_BEFORE = frozenset("第（(〔[【约近共计达超逾")
#: a digit run followed by one of these is a quantity in prose or a numbering, not a cell
NOT_A_CELL_AFTER = frozenset(
    "条件个人次篇项家起份年月日号时分秒期届批轮名位元万亿%％.．、)）〕]】:：-/"
)
PROSE_PUNCT = "。，；！？"
PROSE_PUNCT_RE = re.compile("[" + PROSE_PUNCT + "]")
#: what decides whether text is prose: brackets, and sentence punctuation outside them
PROSE_SCAN_RE = re.compile("[（(）)，,；;！？。]")
CHROME_PREFIXES = (
    "当前位置", "您当前的位置", "您现在的位置", "首页>", "首页 >", "分享到", "打印本页",
    "关闭窗口", "【打印】", "【关闭】", "字体：", "【字体", "扫一扫", "相关链接",
    "上一篇", "下一篇",
)  # fmt: skip
#: the characters a URL, a rule or a line of site chrome can start with
NOISE_FIRST = frozenset("hw" + "=＝-_*~#" + "—－" + "".join(p[0] for p in CHROME_PREFIXES))
META_KEYS = frozenset(
    [
        "发布日期",
        "发布时间",
        "成文日期",
        "生效日期",
        "来源",
        "信息来源",
        "发布机构",
        "发文机关",
        "索引号",
        "文号",
        "发文字号",
        "作者",
        "浏览次数",
        "点击数",
        "阅读次数",
        "访问量",
        "字号",
        "分类",
        "主题分类",
        "公开方式",
        "公开范围",
        "公开时限",
        "时间",
        "日期",
        "标题",
        "链接",
        "网址",
        "URL",
        "正文",
    ]
)

#: a title line is at most this many characters
TITLE_MAX = 60

WS_RUN_RE = re.compile("[" + WS + "]*")
NON_WS_RUN_RE = re.compile("[^" + WS + "]+")


def split_lines(text: str) -> list[tuple[int, int, int]]:
    """(start, content end, end with line ending) of each line; ``\\n``, ``\\r\\n``, ``\\r``."""
    out: list[tuple[int, int, int]] = []
    n = len(text)
    if "\r" not in text:
        pos = 0
        while pos < n:
            nl = text.find("\n", pos)
            if nl < 0:
                out.append((pos, n, n))
                break
            out.append((pos, nl, nl + 1))
            pos = nl + 1
        return out
    pos = 0
    while pos < n:
        cr = text.find("\r", pos)
        lf = text.find("\n", pos)
        if cr < 0 and lf < 0:
            out.append((pos, n, n))
            break
        if cr < 0 or (0 <= lf < cr):
            out.append((pos, lf, lf + 1))
            pos = lf + 1
        elif cr + 1 < n and text[cr + 1] == "\n":
            out.append((pos, cr, cr + 2))
            pos = cr + 2
        else:
            out.append((pos, cr, cr + 1))
            pos = cr + 1
    return out


def lstrip_at(text: str, start: int, end: int) -> int:
    """The first offset at or after ``start`` (and before ``end``) that is not white space."""
    # the pattern always matches (maybe empty), and never past ``end``
    return WS_RUN_RE.match(text, start, end).end() if start < end else start  # type: ignore[union-attr]


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in WS:
        a += 1
    while b > a and text[b - 1] in WS:
        b -= 1
    return a, b


def is_value(s: str) -> bool:
    return VALUE_RE.fullmatch(s) is not None


def is_spaced_row(stripped: str) -> bool:
    """A line of three or more space-separated short cells, two or more of them values."""
    if len(stripped) > 200 or PROSE_PUNCT_RE.search(stripped):
        return False
    parts = split_blank(stripped)
    if len(parts) < 3 or any(len(p) > 45 for p in parts):
        return False
    return sum(1 for p in parts if is_value(p)) >= 2


#: words of a table head that make one label-and-digits run a table on its own (table 四 has a
#: single data row, right after its head: …尚未审结总计…复议后起诉…总计210031000000000)
TABLE_HEAD_WORDS = ("结果维持", "尚未审结")


def head_row(text: str, a: int, b: int) -> tuple[int, int, int] | None:
    """``text[a:b]`` as a one-row table: a head holding :data:`TABLE_HEAD_WORDS`, then one
    run of digits that ends the text (a full stop may follow): ``(a, digits start, digits
    end)``, else None."""
    end = b
    while end > a and text[end - 1] in WS + "。":
        end -= 1
    last = None
    for m in DIGIT_RUN_RE.finditer(text, a, end):
        last = m
    if last is None or last.end() != end:
        return None
    if not all(w in text[a : last.start()] for w in TABLE_HEAD_WORDS):
        return None
    return a, last.start(), last.end()


def punctuation_outside_brackets(text: str, a: int, b: int) -> Iterator[re.Match[str]]:
    """The sentence punctuation of ``text[a:b]`` (:data:`PROSE_SCAN_RE`) outside brackets
    (（…）, (…)), in order."""
    depth = 0
    for m in PROSE_SCAN_RE.finditer(text, a, b):
        ch = m.group()
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif depth == 0:
            yield m


def prose_free(text: str, a: int, b: int) -> bool:
    """No sentence punctuation outside brackets, but for one final full stop."""
    for m in punctuation_outside_brackets(text, a, b):
        return m.group() == "。" and m.start() == b - 1
    return True


def is_header_row(stripped: str) -> bool:
    """Two or more short space-separated words with no sentence punctuation."""
    if len(stripped) > 120 or PROSE_PUNCT_RE.search(stripped):
        return False
    parts = split_blank(stripped)
    return len(parts) >= 2 and all(len(p) <= 12 for p in parts)


def many_values(line: str) -> bool:
    """A lone space-separated line of five or more values is a table row on its own."""
    parts = split_blank(line)
    return len(parts) >= 5 and all(is_value(p) for p in parts)
