"""Rules I1xx: the input text itself, before any table: what decoding could not read."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Span
from .context import Context
from .examples import TITLE, example
from .finding import Finding, Location, Severity
from .registry import Rule, RuleTag, rule

__all__ = ["REPLACEMENT"]

#: the character a byte that could not be decoded is read as (``errors="replace"``)
REPLACEMENT = "\ufffd"
_NEWLINE_RE = re.compile(r"\r\n|\r|\n")


@rule(
    "I101",
    "text-replacement-characters",
    Severity.WARNING,
    RuleTag.VALUE,
    "The text holds U+FFFD replacement characters: bytes that could not be decoded.",
    "Reading a file with ``errors='replace'`` (``--errors replace``) puts U+FFFD (�) in place of "
    "each byte sequence that is not valid in the encoding; a text may also carry them from "
    "before it was published.  A number or a label with one in it may be read wrongly or not "
    "at all.  One finding per report: how many there are, and where the first one is.",
    failing=example(TITLE, "一、总体情况", "本年度共收到政府信息公开申请\ufffd件。"),
    passing=example(TITLE, "一、总体情况", "本年度共收到政府信息公开申请5件。"),
)
def text_replacement_characters(ctx: Context, this: Rule) -> Iterator[Finding]:
    text = ctx.report.document.text
    first = text.find(REPLACEMENT)
    if first < 0:
        return
    count = text.count(REPLACEMENT)
    line, start = 1, 0
    for m in _NEWLINE_RE.finditer(text, 0, first):
        line += 1
        start = m.end()
    span = Span(first, first + 1, line, first - start + 1)
    plural = "s" if count > 1 else ""
    yield this.finding(
        f"{count} replacement character{plural} (U+FFFD) in the text, the first at line "
        f"{line}, column {span.column}: bytes that could not be decoded",
        (Location(label=REPLACEMENT, span=span),),
        source=ctx.source,
    )
