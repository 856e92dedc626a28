"""Text to :class:`~opengov_report.document.Document`: grammar loading and tree assembly."""

from __future__ import annotations

import functools
import os
from importlib import resources
from typing import Any

from lark import Lark, Transformer
from lark.exceptions import LarkError

from ._gc import gc_paused
from .document import Block, Document, Front, Heading, Section
from .errors import OpenGovReportError, ParseError
from .inputs import extract
from .lexer import NodeToken, TokenListLexer, tokenize

__all__ = ["grammar_text", "parse_document"]


def grammar_text() -> str:
    """The layout grammar (``grammars/report.lark``), as shipped inside the package."""
    ref = resources.files("opengov_report").joinpath("grammars/report.lark")
    return ref.read_text(encoding="utf-8")


class _Assemble(Transformer[NodeToken, Any]):
    """Nests the sections: each heading's token carries its node and the blocks after it
    (see :func:`opengov_report.lexer._tokens.tokens`), so the callbacks only assemble."""

    def start(self, children: list[Any]) -> tuple[Front | None, tuple[Block | Section, ...]]:
        front: Front | None = None
        out: list[Block | Section] = []
        for child in children:
            if type(child) is list:  # the sections of depth 1, last first
                out.extend(reversed(child))
            elif child.type == "FRONT":
                front = child.node
            else:  # BLOCKS: what precedes the first heading
                out.extend(child.blocks)
        return front, tuple(out)

    def _sections(self, children: list[Any]) -> list[Section]:
        """A heading's section, then the sections after it at its depth: the list of them,
        last first (``rest`` comes built that way: adding this section is an append)."""
        head: NodeToken = children[0]
        heading: Heading = head.node
        sub: list[Section] | None = None  # the subsections, last first
        rest: list[Section] | None = None  # the sections after this one, last first
        if len(children) == 3:
            sub, rest = children[1], children[2]
        elif len(children) == 2:
            if children[1][0].heading.level > heading.level:
                sub = children[1]
            else:
                rest = children[1]
        blocks = head.blocks
        section = Section(heading, (*blocks, *reversed(sub)) if sub else tuple(blocks))
        if rest is None:
            return [section]
        rest.append(section)
        return rest

    sections1 = sections2 = sections3 = sections4 = _sections
    sections5 = sections6 = sections7 = sections8 = _sections


# The one parser, built on first use: a lazily made singleton rather than a memo of a function
# of its arguments (it has none), so functools' cache and not a Memo.
@functools.lru_cache(maxsize=1)
def _parser() -> Lark:
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer=TokenListLexer,
        transformer=_Assemble(),
        strict=True,
        maybe_placeholders=False,
    )


def parse_document(source: str | bytes | os.PathLike[str]) -> Document:
    """Parse a report's text into its lossless document tree.

    ``source`` is the text itself (``str``), raw bytes (decoded with
    :func:`~opengov_report.decode`) or a path to a file.  Any text gives a document:
    ``parse_document(text).text == text`` for every string.  Bytes and files holding an HTML
    page, a .docx or a PDF are converted to text first (:func:`~opengov_report.extract`): the
    tree is then lossless with respect to that extracted text.

    Raises :class:`~opengov_report.DecodeError` when bytes are not text and
    :class:`~opengov_report.InputError` when a file cannot be read.
    """
    text = extract(source).text
    if not text:
        return Document(None, (), "\n")
    try:
        with gc_paused():
            tokens = tokenize(text)
            result: tuple[Front | None, tuple[Block | Section, ...]]
            result = _parser().parse(tokens)  # type: ignore[assignment]
            del tokens  # garbage now: freed before the collector runs again
        front, children = result
    except OpenGovReportError:
        raise
    except (LarkError, IndexError, ValueError, AssertionError, KeyError) as exc:
        raise ParseError(f"internal error while parsing the layout: {exc!r}") from exc
    return Document(front, children, _newline(text))


def _newline(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    best = max((lf, "\n"), (crlf, "\r\n"), (cr, "\r"))
    return best[1] if best[0] else "\n"
