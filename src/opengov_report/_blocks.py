"""The sections, tables and paragraphs of a document, found in one walk.

Recognition reads a report's tables (their rows) and its paragraphs (the signature at the
end, sentences that replace a table); the checks read its sections (the outline rules) and
its paragraphs (the prose rules).  :meth:`Document.sections`, :meth:`Document.tables` and
:meth:`Document.paragraphs` each walk the whole tree through a generator; one walk into three
lists costs a fraction of that.
"""

from __future__ import annotations

from .document import Block, Document, Paragraph, Section, Table

__all__ = ["Blocks", "blocks_of"]


class Blocks:
    """A document's sections (depth first), tables and paragraphs (run-in text included), each
    in source order: the items of ``doc.sections()``, ``doc.tables()`` and
    ``doc.paragraphs()``."""

    __slots__ = ("paragraphs", "sections", "tables")

    def __init__(self) -> None:
        self.sections: list[Section] = []
        self.tables: list[Table] = []
        self.paragraphs: list[Paragraph] = []


def blocks_of(doc: Document) -> Blocks:
    """The sections, tables and paragraphs of ``doc``."""
    blocks = Blocks()
    _collect(doc.children, blocks)
    return blocks


def _collect(children: tuple[Block | Section, ...], blocks: Blocks) -> None:
    """Add the sections, tables and paragraphs of ``children`` and of their sections, depth
    first (no section, table or paragraph is inside a table)."""
    for child in children:
        if isinstance(child, Section):
            blocks.sections.append(child)
            _collect(child.children, blocks)
        elif isinstance(child, Table):
            blocks.tables.append(child)
        elif isinstance(child, Paragraph):
            blocks.paragraphs.append(child)
