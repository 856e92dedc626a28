"""The lossless document tree: what the layout grammar makes of a report's text.

Every character of the input belongs to exactly one leaf node, in order, so that
``Document.text`` rebuilds the input exactly.  Nodes are frozen, slotted attrs classes;
change them with :func:`attrs.evolve`.

Leaves (they own text):  :class:`Blank`, :class:`Noise`, :class:`TitleLine`, :class:`MetaLine`,
:class:`Paragraph`, :class:`Heading`, :class:`Cell`.
Containers:  :class:`Document`, :class:`Front`, :class:`Section`, :class:`Table`, :class:`Row`.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Protocol, TypeAlias

import attrs

from ._chars import BLANK, is_blank, squash
from ._pickling import pickled_by_fields
from ._slots import builder
from .errors import ParseError

__all__ = [
    "Blank",
    "Block",
    "Cell",
    "CellData",
    "Document",
    "Front",
    "Heading",
    "MetaLine",
    "Node",
    "Noise",
    "NoiseKind",
    "Numbering",
    "NumberingAnomaly",
    "NumberingStyle",
    "Paragraph",
    "Row",
    "Section",
    "Span",
    "Table",
    "TableLayout",
    "TitleLine",
    "walk",
]


@pickled_by_fields
@attrs.frozen(slots=True)
class Span:
    """A place in the decoded text.

    ``start``/``end`` are offsets into the decoded string (``text[start:end]``); ``line`` and
    ``column`` are 1-based and give the position of ``start`` (columns count characters).
    """

    start: int
    end: int
    line: int
    column: int

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span offsets {self.start}..{self.end}")
        if self.line < 1 or self.column < 1:
            raise ValueError("span line and column are 1-based")


#: ``Span(start, end, line, column)`` made without its constructor's checks, for the parser
#: and recognition, whose positions are valid by construction (offsets of the text they cut,
#: in order; line numbers counted from 1; columns from a line's start): half the cost of the
#: constructor, for one span per line of prose and per table cell
new_span: Callable[[int, int, int, int], Span] = builder(Span, ("start", "end", "line", "column"))


class NumberingStyle(enum.Enum):
    """How a heading is numbered.  Full-width and ASCII variants of a style are one style
    (``（一）`` and ``(一)``; ``一．`` and ``一.``); the exact characters stay in
    :attr:`Numbering.text`."""

    CN_COMMA = "一、"
    CN_DOT = "一．"
    CN_PAREN = "（一）"
    AR_COMMA = "1、"
    AR_DOT = "1．"
    AR_PAREN = "（1）"
    CIRCLED = "①"
    CHAPTER = "第一章"
    PART = "第一部分"


class NumberingAnomaly(enum.Enum):
    """Why a heading's numbering does not fit the document's sequence."""

    #: the style differs from its level's style but the ordinal continues that level
    #: (``四．…`` then ``5、…`` then ``六、…``): placed where the sequence continues.
    MISSTYLED = "misstyled"
    #: one or more ordinals were skipped (``一、`` then ``三、``).
    SKIPPED = "skipped"
    #: the ordinal repeats or goes back (``二、`` then ``二、``).
    REPEATED = "repeated"
    #: a first heading of its level that does not start at 1.
    NOT_FIRST = "not_first"


@attrs.frozen(slots=True)
class Numbering:
    """The numbering of a heading: its style, ordinal (1-based) and exact text."""

    style: NumberingStyle
    ordinal: int
    text: str


class NoiseKind(enum.Enum):
    """Text that is not part of the report's content."""

    BOOKMARK = "bookmark"  # [bookmark: _GoBack]
    PAGE_NUMBER = "page_number"  # a lone page number
    RULE = "rule"  # ==== 正文 ==== and other separator lines
    URL = "url"  # a scraped URL line
    CHROME = "chrome"  # site chrome: 当前位置, 分享到, 打印本页 ...


class TableLayout(enum.Enum):
    """How a table was flattened into text."""

    CELLS = "cells"  # one cell per line, tab-led; rows separated by blank lines
    TSV = "tsv"  # a row per line, tab-separated
    PIPE = "pipe"  # Markdown pipe rows
    SPACED = "spaced"  # a row per line, cells separated by spaces or U+3000 runs
    LINES = "lines"  # one cell per line without tabs; rows inferred from labels
    GLUED = "glued"  # cells run together in running text; rows found by their labels
    MIXED = "mixed"  # more than one of the above


@attrs.frozen(slots=True)
class _Leaf:
    text: str
    span: Span


@attrs.frozen(slots=True)
class Blank(_Leaf):
    """One or more empty or whitespace-only lines, with their line endings."""


@attrs.frozen(slots=True)
class Noise(_Leaf):
    """Text that carries no report content (bookmarks, page numbers, rules, site chrome)."""

    kind: NoiseKind


@attrs.frozen(slots=True)
class TitleLine(_Leaf):
    """A line of the report's title block (before the body starts)."""

    @property
    def content(self) -> str:
        """The title text without surrounding whitespace and line ending."""
        return self.text.strip(BLANK)


@attrs.frozen(slots=True)
class MetaLine(_Leaf):
    """A ``key：value`` line of a scraper's or publisher's header (发布日期：…, 来源：…)."""

    key: str
    value: str


@attrs.frozen(slots=True)
class Paragraph(_Leaf):
    """A line (or the part of a line) of running text."""

    @property
    def content(self) -> str:
        """The paragraph text without surrounding whitespace and line ending."""
        return self.text.strip(BLANK)


@attrs.frozen(slots=True)
class Heading(_Leaf):
    """A numbered heading.  ``text`` is the exact slice it owns (leading whitespace,
    numbering, title and, unless run-in text follows, the line ending); ``title`` is the
    heading's words.  Run-in text after the title is a :class:`Paragraph` that follows the
    heading inside its section."""

    numbering: Numbering
    title: str
    level: int
    anomaly: NumberingAnomaly | None = None


# The parser's nodes, made without the constructor (as :data:`new_span`: the generic
# frozen-attribute setting costs more than the parser spends on most lines).
#: ``Paragraph(text, span)``
new_paragraph: Callable[[str, Span], Paragraph] = builder(Paragraph, ("text", "span"))
#: ``Blank(text, span)``
new_blank: Callable[[str, Span], Blank] = builder(Blank, ("text", "span"))
#: ``Heading(text, span, numbering, title, level, anomaly)``
new_heading: Callable[[str, Span, Numbering, str, int, NumberingAnomaly | None], Heading] = builder(
    Heading, ("text", "span", "numbering", "title", "level", "anomaly")
)


@attrs.frozen(slots=True)
class Cell:
    """A table cell.  ``text`` is the exact slice it owns (its leading delimiter, content and
    any line endings up to the next cell), starting at offset ``start``, on 1-based ``line``
    and ``column``; ``content`` is the cell's own text with the delimiters and line endings
    removed but inner spacing (e.g. U+3000 indentation) kept; a wrapped cell's lines are
    joined with ``\\n``.  ``content_start``/``content_end`` are the offsets of the content in
    the source.  ``span`` and ``content_span`` are computed on access (tables hold many
    cells; their positions are kept as plain numbers)."""

    text: str
    start: int
    line: int
    column: int
    content: str
    content_start: int
    content_end: int

    @property
    def span(self) -> Span:
        """Where the cell's text is."""
        return Span(self.start, self.start + len(self.text), self.line, self.column)

    @property
    def content_span(self) -> Span:
        """Where the content is: its offsets, and the line and column where it starts."""
        return Span(
            self.content_start,
            self.content_end,
            self.line,
            self.column + self.content_start - self.start,
        )

    @property
    def is_blank(self) -> bool:
        """True when the cell holds nothing but :data:`~opengov_report._chars.BLANK` characters
        (blank is not zero)."""
        return is_blank(self.content)


#: a cell as stored in a row: (text, start, line, column, content, content_start, content_end)
CellData: TypeAlias = tuple[str, int, int, int, str, int, int]


@attrs.frozen(slots=True)
class Row:
    """A table row.  Its cells are stored compactly (``parts``, one tuple per cell, the
    fields of :class:`Cell` in order) and built as :class:`Cell` objects on access, so that
    large tables cost little until they are read.  ``is_rule`` marks a Markdown ``|---|``
    line."""

    parts: tuple[CellData, ...]
    is_rule: bool = False
    # A row made by the parser may leave ``parts`` unset and hold here where its cells are
    # (the lexer's segments ``first`` to ``end``), until ``parts`` is first read (see
    # ``__getattr__``).  Rows built by their constructor always have ``parts``.
    _pending: tuple[_RowSource, int, int] | None = attrs.field(
        default=None, init=False, repr=False, eq=False
    )

    if not TYPE_CHECKING:  # hidden from mypy, which would accept any attribute name

        def __getattr__(self, name: str) -> tuple[CellData, ...]:
            # Python calls this only when the normal lookup fails: for ``parts``, when the
            # parser left the slot unset.  The cells are built once and stored; from then on
            # the row is exactly what ``Row(parts, is_rule)`` makes (equality, hash, repr).
            if name != "parts":
                raise AttributeError(name)
            # (an instance whose _pending slot is unset too reads as having no parts: this
            # method, called for "_pending", raises AttributeError)
            pending = self._pending
            if pending is None:
                raise AttributeError(name)
            source, first, end = pending
            try:
                parts = source.row_parts(first, end)
            except (IndexError, ValueError, KeyError, TypeError, AttributeError) as exc:
                # as parse_document does for the rest of the tree: never a raw error (and
                # an AttributeError here would read as "no attribute parts")
                raise ParseError(f"internal error while building a row: {exc!r}") from exc
            _set_parts(self, parts)  # the slots' own setters: the class is frozen
            _set_pending(self, None)
            return parts

    @property
    def cells(self) -> tuple[Cell, ...]:
        """The cells, in order."""
        return tuple(Cell(*p) for p in self.parts)

    @property
    def text(self) -> str:
        if self._pending is not None:  # the cells tile the row: one slice of the source
            source, first, end = self._pending
            return source.row_text(first, end)
        return "".join(p[0] for p in self.parts)

    @property
    def span(self) -> Span:
        if self._pending is not None:
            source, first, end = self._pending
            return source.row_span(first, end)
        first_cell, last = self.parts[0], self.parts[-1]
        return Span(first_cell[1], last[1] + len(last[0]), first_cell[2], first_cell[3])

    @property
    def values(self) -> tuple[str, ...]:
        """The cells' contents."""
        return tuple(p[4] for p in self.parts)


class _RowSource(Protocol):
    """Where the parser keeps the rows it has not built yet (the lexer's segments)."""

    def row_parts(self, first: int, end: int) -> tuple[CellData, ...]: ...

    def row_text(self, first: int, end: int) -> str: ...

    def row_span(self, first: int, end: int) -> Span: ...


def pending_row(source: _RowSource, first: int, end: int, is_rule: bool) -> Row:
    """A :class:`Row` of the segments ``first`` to ``end`` of ``source``, whose ``parts``
    are built when first read.

    For the parser: building every cell's strings and tuple was the largest part of a
    table-heavy report's parse; this way it is paid by the code that reads the cells (and
    only for the rows it reads), not by the parse.  A row's text and span need no cells."""
    return _pending_row(is_rule, (source, first, end))


_pending_row: Callable[[bool, tuple[_RowSource, int, int]], Row] = builder(
    Row, ("is_rule", "_pending"), unset=("parts",)
)
# the lazy fill of ``parts`` (Row.__getattr__) sets the slots of a frozen row in place
_set_parts, _set_pending = (Row.__dict__[name].__set__ for name in ("parts", "_pending"))


TableItem: TypeAlias = "Row | Blank | Noise"


@attrs.frozen(slots=True)
class Table:
    """A flattened table: its rows in source order.  Blank lines between two rows belong to
    the row above them (as trailing line endings of its last cell)."""

    items: tuple[TableItem, ...]
    layout: TableLayout

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(i for i in self.items if isinstance(i, Row))

    @property
    def text(self) -> str:
        return "".join(i.text for i in self.items)

    @property
    def span(self) -> Span:
        first, last = self.items[0].span, self.items[-1].span
        return Span(first.start, last.end, first.line, first.column)

    @property
    def shape(self) -> tuple[int, int]:
        """(number of rows, widest row's cell count); rule rows are not counted."""
        rows = [r for r in self.rows if not r.is_rule]
        return (len(rows), max((len(r.parts) for r in rows), default=0))


Block: TypeAlias = "Blank | Noise | Paragraph | Table"


@attrs.frozen(slots=True)
class Section:
    """A heading and everything up to the next heading of the same or a shallower level."""

    heading: Heading
    children: tuple[Block | Section, ...]

    @property
    def level(self) -> int:
        return self.heading.level

    @property
    def title(self) -> str:
        return self.heading.title

    @property
    def text(self) -> str:
        parts = [self.heading.text]
        _texts(self.children, parts)
        return "".join(parts)

    @property
    def span(self) -> Span:
        h = self.heading.span
        end = self.children[-1].span.end if self.children else h.end
        return Span(h.start, end, h.line, h.column)

    @property
    def sections(self) -> tuple[Section, ...]:
        """The direct subsections."""
        return tuple(c for c in self.children if isinstance(c, Section))

    @property
    def tables(self) -> tuple[Table, ...]:
        """The tables directly in this section (not in subsections)."""
        return tuple(c for c in self.children if isinstance(c, Table))

    def body_text(self) -> str:
        """The running text of this section and its subsections (headings' titles included),
        without tables: the prose a reader sees under this heading."""
        parts: list[str] = []
        for child in self.children:
            if isinstance(child, Paragraph):
                parts.append(child.content)
            elif isinstance(child, Section):
                parts.append(child.title)
                parts.append(child.body_text())
        return "\n".join(p for p in parts if p)


FrontItem: TypeAlias = "TitleLine | MetaLine | Blank | Noise"


@attrs.frozen(slots=True)
class Front:
    """The title block: title lines, a scraper's header lines, and the blanks between them."""

    items: tuple[FrontItem, ...]

    @property
    def text(self) -> str:
        return "".join(i.text for i in self.items)

    @property
    def span(self) -> Span:
        first, last = self.items[0].span, self.items[-1].span
        return Span(first.start, last.end, first.line, first.column)

    @property
    def title_lines(self) -> tuple[TitleLine, ...]:
        return tuple(i for i in self.items if isinstance(i, TitleLine))

    @property
    def meta(self) -> tuple[MetaLine, ...]:
        return tuple(i for i in self.items if isinstance(i, MetaLine))


Node: TypeAlias = (
    "Document | Front | Section | Table | Row | Cell | Heading | Paragraph | Blank | Noise"
    " | TitleLine | MetaLine"
)


@attrs.frozen(slots=True)
class Document:
    """A parsed report: an optional title block, then blocks and sections in source order.

    ``Document.text`` is exactly the decoded input.
    """

    front: Front | None
    children: tuple[Block | Section, ...]
    newline: str = "\n"

    @property
    def text(self) -> str:
        parts = [self.front.text] if self.front is not None else []
        _texts(self.children, parts)
        return "".join(parts)

    @property
    def title(self) -> str | None:
        """The title lines joined (a title split over lines is one title), or None."""
        if self.front is None or not self.front.title_lines:
            return None
        return "".join(t.content for t in self.front.title_lines)

    def sections(self) -> Iterator[Section]:
        """Every section, depth first, in source order."""
        for node in _blocks(self):
            if isinstance(node, Section):
                yield node

    def tables(self) -> Iterator[Table]:
        """Every table, in source order."""
        for node in _blocks(self):
            if isinstance(node, Table):
                yield node

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph (run-in text included), in source order."""
        for node in _blocks(self):
            if isinstance(node, Paragraph):
                yield node

    def headings(self) -> Iterator[Heading]:
        for section in self.sections():
            yield section.heading

    def find_section(self, text: str) -> Section | None:
        """The first section whose title contains ``text`` (spaces and width ignored)."""
        needle = _squash(text)
        for section in self.sections():
            if needle in _squash(section.title):
                return section
        return None

    def leaves(self) -> Iterator[Blank | Noise | TitleLine | MetaLine | Paragraph | Heading | Cell]:
        """Every leaf in source order: their texts concatenated are the input."""
        for node in walk(self):
            if isinstance(node, (Blank, Noise, TitleLine, MetaLine, Paragraph, Heading, Cell)):
                yield node


def _texts(children: tuple[Block | Section, ...], parts: list[str]) -> None:
    """Append the texts of ``children`` to ``parts``, in order: one join for a whole
    document instead of one per section and table."""
    for child in children:
        if type(child) is Section:
            parts.append(child.heading.text)
            _texts(child.children, parts)
        elif type(child) is Table:
            parts.extend([item.text for item in child.items])
        else:
            parts.append(child.text)


def _blocks(doc: Document) -> Iterator[Section | Block]:
    """The sections and blocks of ``doc``, depth first, in source order: :func:`walk`'s
    order, without going into tables (no section or table is inside one, and building the
    cells of every row is what costs)."""
    stack: list[Section | Block] = list(reversed(doc.children))
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, Section):
            stack.extend(reversed(current.children))


def _squash(text: str) -> str:
    return squash(unicodedata.normalize("NFKC", text))


def walk(node: Node, visit: Callable[[Node], object] | None = None) -> Iterator[Node]:
    """Yield ``node`` and every node below it, depth first, in source order.

    If ``visit`` is given it is called on each node as it is reached (a simple visitor).
    """
    stack: list[Node] = [node]
    while stack:
        current = stack.pop()
        if visit is not None:
            visit(current)
        yield current
        children: tuple[Node, ...]
        if isinstance(current, Document):
            children = ((current.front,) if current.front is not None else ()) + current.children
        elif isinstance(current, Section):
            children = (current.heading, *current.children)
        elif isinstance(current, (Front, Table)):
            children = current.items
        elif isinstance(current, Row):
            children = current.cells
        else:
            continue
        stack.extend(reversed(children))
