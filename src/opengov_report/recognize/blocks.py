"""The tables and paragraphs of a document, found in one walk.

Recognition reads a report's tables (their rows) and its paragraphs (the signature at the
end, sentences that replace a table).  :meth:`Document.tables` and
:meth:`Document.paragraphs` each walk the whole tree through a generator; one walk into two
lists costs a fraction of that.
"""

from __future__ import annotations

from ..document import Block, Document, Paragraph, Section, Table

__all__ = ["Blocks", "blocks_of"]


class Blocks:
    """A document's tables and paragraphs (run-in text included), each in source order: the
    items of ``doc.tables()`` and of ``doc.paragraphs()``."""

    __slots__ = ("paragraphs", "tables")

    def __init__(self) -> None:
        self.tables: list[Table] = []
        self.paragraphs: list[Paragraph] = []


def blocks_of(doc: Document) -> Blocks:
    """The tables and paragraphs of ``doc``."""
    blocks = Blocks()
    _collect(doc.children, blocks)
    return blocks


def _collect(children: tuple[Block | Section, ...], blocks: Blocks) -> None:
    """Add the tables and paragraphs of ``children`` and of their sections, depth first."""
    for child in children:
        if isinstance(child, Section):
            _collect(child.children, blocks)
        elif isinstance(child, Table):
            blocks.tables.append(child)
        elif isinstance(child, Paragraph):
            blocks.paragraphs.append(child)
