"""HTML pages to text: paragraphs and headings as lines, ``<table>`` rows as tab-separated rows.

Uses lxml (the ``html`` extra).  Whitespace is collapsed as a browser does; block elements and
``<br>`` end lines; ``<head>``, scripts and styles are dropped.  A table's ``rowspan`` and
``colspan`` are expanded into empty cells (the text in the top-left position), as flattened
reports show them.  A table with a table inside one of its cells is a layout table: its cells
are read as running text, and the inner tables as tables.  Every line's origin is the line and
column of the element it came from in the decoded page.
"""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING, Any

from .._memo import Memo
from ..errors import DecodeError, InputError, MissingExtraError
from ..model.provenance import HtmlOrigin, InputFormat, Provenance
from ..source import Errors, decode
from .text_builder import TextBuilder, cell_text, join_lines

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["MAX_DEPTH", "decode_html", "extract_html"]

_SKIP = frozenset(
    (
        *("head", "script", "style", "noscript", "template", "title", "iframe", "object"),
        *("embed", "svg", "canvas", "select", "textarea", "button"),
    )
)
_BLOCK = frozenset(
    (
        *("address", "article", "aside", "blockquote", "body", "center", "dd", "details"),
        *("dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer"),
        *("form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li"),
        *("main", "menu", "nav", "ol", "p", "section", "summary", "ul", "caption", "tr", "td"),
        *("th", "thead", "tbody", "tfoot"),
    )
)
_CELL = frozenset(("td", "th"))
_WS_RE = re.compile(r"[ \t\n\r\f]+")
_CHARSET_RE = re.compile(
    rb"<meta[^>]{0,500}?charset\s*=\s*[\\\"']{0,2}\s*([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE
)
#: a span attribute's digits, after white space and the quotes of an escaped attribute
_SPAN_RE = re.compile(r"[\s\\\"']*([0-9]{1,6})")
#: declared encodings not taken at their word: UTF-16 and UTF-32 (a page in them has a BOM
#: or NUL bytes, which decode() tells), and the Western single-byte ones (ISO-8859-*,
#: windows-125x: the HTTP default a server or a scraper writes into pages of any
#: encoding), in which every byte is a character, so that a GBK page read so is garbled
#: without an error
_NOT_DECLARED = ("utf-16", "utf-32", "iso8859", "cp125", "latin")
_GB = frozenset(("gb2312", "gbk", "x-gbk", "gb_2312-80", "csgb2312", "cp936", "gb18030"))
#: the HTML standard's limits on spans
_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 65534
#: the deepest nesting of elements libxml2 reads, with ``huge_tree`` (a deeper page is refused)
MAX_DEPTH = 2048
#: the steps of the iterative walks: read an element, the text after it, the end of a block
_ENTER, _TAIL, _LEAVE = range(3)


def decode_html(data: bytes, *, encoding: str | None = None, errors: Errors = "strict") -> str:
    """Decode a page's bytes: a BOM first; then UTF-8 when the bytes are valid UTF-8; then the
    ``<meta charset>`` it declares (GB2312 and GBK read as GB18030; a Western single-byte
    encoding is not taken at its word, see ``_NOT_DECLARED``); then
    :func:`~opengov_report.decode`'s detection.  ``encoding`` (a codec name) overrides all of
    them; ``errors`` is :func:`~opengov_report.decode`'s.

    Valid UTF-8 comes before the declaration because sites re-encode their pages to UTF-8 and
    keep the old ``<meta charset=gb2312>``: read as declared, the text is garbled without an
    error (``年度报告`` gives ``骞村害鎶ュ憡``), while a page really in GBK (or any other legacy
    encoding) is valid UTF-8 only when it is ASCII, or a few characters long by chance."""
    if encoding is not None:
        return decode(data, encoding=encoding, errors=errors)
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        if b"\x00" not in data:  # (NUL bytes: UTF-16 or binary, which decode() tells)
            try:  # valid UTF-8 is UTF-8, whatever the page declares (see the docstring)
                return data.decode("utf-8")
            except UnicodeDecodeError:
                pass
        m = _CHARSET_RE.search(data[:4096])
        if m is not None:
            name = m.group(1).decode("ascii").lower()
            name = "gb18030" if name in _GB else name
            try:
                codec = codecs.lookup(name).name
                if not codec.startswith(_NOT_DECLARED):
                    return data.decode(codec, errors=errors)
            except (LookupError, UnicodeDecodeError):
                pass
    return decode(data, errors=errors)


def extract_html(page: str) -> tuple[str, Provenance]:
    """The text of an HTML page (decoded) and the provenance of its lines."""
    try:
        import lxml.etree  # noqa: PLC0415 (an optional extra)
        import lxml.html  # noqa: PLC0415 (an optional extra)
    except ImportError:
        raise MissingExtraError("reading HTML pages", "html", "lxml") from None
    if not page.strip():
        return "", Provenance(InputFormat.HTML, ())
    try:
        # huge_tree: nesting up to 2048 levels and text nodes of any size (libxml2 otherwise
        # stops at 256 levels and drops the rest of the page, logging it and nothing more)
        parser = lxml.html.HTMLParser(
            encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
        )
        root = lxml.html.document_fromstring(page.encode("utf-8", "surrogatepass"), parser=parser)
    except (lxml.etree.LxmlError, ValueError) as exc:
        raise DecodeError(f"the HTML page cannot be parsed: {exc}") from None
    # a fatal error is one libxml2 stopped at: what follows it is missing from the tree, so the
    # page is refused rather than read in part
    fatal = next((e for e in parser.error_log if e.level_name == "FATAL"), None)
    if fatal is not None and "Excessive depth" in fatal.message:  # libxml2's words
        raise InputError(
            f"the HTML page nests its elements more than {MAX_DEPTH} levels deep (line "
            f"{fatal.line}), the most the HTML reader reads: the rest of the page would be lost"
        )
    if fatal is not None:
        raise DecodeError(
            f"the HTML page cannot be read whole: {fatal.message.rstrip()} (line {fatal.line}); "
            "the rest of the page would be lost"
        )
    walker = _Walker(page, root)
    walker.flow(root)
    walker.flush()
    return walker.out.build(InputFormat.HTML)


class _Walker:
    """Walks the element tree, writing lines (with origins) to a :class:`TextBuilder`."""

    def __init__(self, page: str, root: HtmlElement) -> None:
        self.out = TextBuilder()
        self._buf: list[str] = []
        self._origin: HtmlOrigin | None = None
        self._page_lines = page.split("\n")
        self._nth: dict[Any, int] = {}
        #: the columns of each tag's start tags on a line, found once per (line, tag)
        self._columns: dict[tuple[int, str], list[int]] = {}
        counts: dict[tuple[int, str], int] = {}
        for el in root.iter():
            if isinstance(el.tag, str) and el.sourceline is not None:
                key = (el.sourceline, el.tag.lower())
                self._nth[el] = counts.get(key, 0)
                counts[key] = self._nth[el] + 1

    # -- origins -------------------------------------------------------------------------

    def origin(self, el: HtmlElement) -> HtmlOrigin:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        line = el.sourceline or 1
        column: int | None = None
        if 1 <= line <= len(self._page_lines) and el in self._nth:
            columns = self._columns.get((line, tag))
            if columns is None:
                found = _tag_re(tag).finditer(self._page_lines[line - 1])
                columns = self._columns[(line, tag)] = [m.start() + 1 for m in found]
            nth = self._nth[el]
            column = columns[nth] if nth < len(columns) else None
        return HtmlOrigin(line, column, tag)

    # -- running text ----------------------------------------------------------------------

    def text(self, text: str | None, holder: HtmlElement) -> None:
        if not text:
            return
        if self._origin is None:
            if not text.strip(" \t\n\r\f"):
                return
            self._origin = self.origin(holder)
        self._buf.append(text)

    def flush(self) -> None:
        line = _WS_RE.sub(" ", "".join(self._buf)).strip(" ")
        if line:
            self.out.line(line, self._origin)
        self._buf.clear()
        self._origin = None

    def flow(self, el: HtmlElement) -> None:
        """Read ``el`` and its children as running text (its tail is the caller's).

        Iterative, with a stack of what is left to do: a page may nest its elements as deep
        as libxml2 reads (:data:`MAX_DEPTH`), far deeper than Python's recursion goes."""
        #: (step, element, its parent): the parent holds a child's tail
        todo: list[tuple[int, HtmlElement, HtmlElement]] = [(_ENTER, el, el)]
        while todo:
            step, node, parent = todo.pop()
            if step == _TAIL:
                self.text(node.tail, parent)
                continue
            if step == _LEAVE:
                self.flush()
                continue
            tag = node.tag.lower() if isinstance(node.tag, str) else ""
            if tag in _SKIP or not tag:
                continue
            if tag == "br":
                self.flush()
                continue
            if tag == "table" and _is_data_table(node):
                self.flush()
                self.table(node)
                continue
            if tag == "pre":
                self.flush()
                for part in node.text_content().split("\n"):
                    if part.strip():
                        self.out.line(part.replace("\t", " ").rstrip(), self.origin(node))
                continue
            if tag in _BLOCK or tag == "table":
                self.flush()
                todo.append((_LEAVE, node, node))
            self.text(node.text, node)
            for child in reversed(node):  # each child, then its tail (the text after it)
                todo.append((_TAIL, child, node))
                todo.append((_ENTER, child, node))

    # -- tables ----------------------------------------------------------------------------

    def table(self, table: HtmlElement) -> None:
        for caption in table.iterchildren("caption", "CAPTION"):
            self.flow(caption)
        rows = _rows(table)
        #: positions covered by a rowspan from above: row → column → the spanning cell
        covered: dict[int, dict[int, HtmlOrigin]] = {}
        for r, tr in enumerate(rows):
            pending = covered.pop(r, {})
            cells: list[tuple[str, HtmlOrigin | None]] = []
            c = 0
            for td in tr:
                if not isinstance(td.tag, str) or td.tag.lower() not in _CELL:
                    continue
                while c in pending:
                    cells.append(("", pending.pop(c)))
                    c += 1
                origin = self.origin(td)
                rowspan = _span(td.get("rowspan"), _MAX_ROWSPAN) or len(rows) - r
                colspan = _span(td.get("colspan"), _MAX_COLSPAN) or 1
                rowspan = min(rowspan, len(rows) - r)
                cells.append((cell_text(_cell_content(td)), origin))
                cells.extend(("", origin) for _ in range(colspan - 1))
                for dr in range(1, rowspan):
                    below = covered.setdefault(r + dr, {})
                    for dc in range(colspan):
                        below[c + dc] = origin
                c += colspan
            right = max(pending, default=-1)
            while c <= right:
                cells.append(("", pending.pop(c, None)))
                c += 1
            if cells:
                self.out.row(cells)


def _is_data_table(table: HtmlElement) -> bool:
    """A table none of whose cells holds another table."""
    return next(table.iterdescendants("table"), None) is None


def _rows(table: HtmlElement) -> list[HtmlElement]:
    """The table's own rows (not those of tables inside it), in order."""
    rows: list[HtmlElement] = []
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            rows.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows.extend(c for c in child if isinstance(c.tag, str) and c.tag.lower() == "tr")
    return rows


def _span(value: str | None, limit: int) -> int:
    """A rowspan/colspan attribute: its leading digits, clamped to ``[0, limit]`` (1 when
    absent or unreadable; 0 is rowspan's "to the end").  Quotes and backslashes before the
    digits are passed over: a page kept as a script's string escapes its attribute quotes
    (``rowspan=\\"22\\"``, which the HTML parser reads as the value ``\\"22\\"``)."""
    if value is None:
        return 1
    digits = _SPAN_RE.match(value)
    if digits is None:
        return 1
    return min(int(digits.group(1)), limit)


def _cell_content(td: HtmlElement) -> str:
    """A cell's text: lines at ``<br>`` and block boundaries, whitespace collapsed."""
    lines: list[str] = [""]
    todo: list[tuple[int, HtmlElement]] = [(_ENTER, td)]  # iterative, as _Walker.flow
    while todo:
        step, el = todo.pop()
        if step == _TAIL:
            lines[-1] += el.tail or ""
            continue
        if step == _LEAVE:
            lines.append("")
            continue
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _SKIP or not tag:
            continue
        if tag == "br" or tag in _BLOCK:
            lines.append("")
        lines[-1] += el.text or ""
        if tag in _BLOCK:
            todo.append((_LEAVE, el))
        for child in reversed(el):
            todo.append((_TAIL, child))
            todo.append((_ENTER, child))
    return join_lines([_WS_RE.sub(" ", line) for line in lines])


def _compile_tag(tag: str) -> re.Pattern[str]:
    return re.compile(rf"<{re.escape(tag)}(?=[\s/>])", re.IGNORECASE)


_TAG_RES: Memo[str, re.Pattern[str]] = Memo(_compile_tag, 64)
_tag_re = _TAG_RES.__getitem__
