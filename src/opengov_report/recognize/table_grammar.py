"""Table 三's rows by its grammar (``grammars/tables.lark``): row labels found in the
character stream, parsed with Lark LALR.

The lexer (:func:`label_tokens`) finds, from a place in the squashed text, the nearest row
label of the form (:mod:`~opengov_report.recognize.stream_labels`' tolerant matcher, over
every label of the format at once), then the nearest after it, and so on: the labels in the
order the text gives them, with a ``VALUES`` token for the text between two of them.  The
parser takes them one at a time and passes over a token its rules do not accept where it
stands (a label met twice, or out of the form's order); the table ends where no label
follows within :data:`ROW_WINDOW` squashed characters of the last row it accepted.  The
tree's label tokens are the table's rows, in order.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from importlib import resources
from typing import Any

from lark import Lark, Token, Tree
from lark.common import LexerConf
from lark.lexer import Lexer

from ..model.forms import FormRow
from .stream_labels import LABELS, StreamLabel, nearest_label

__all__ = [
    "ROW_WINDOW",
    "START_RULES",
    "Row",
    "grammar_text",
    "label_tokens",
    "parse_rows",
    "terminal_of",
]

#: how far (squashed characters) a row's label may be from the end of the row before it
ROW_WINDOW = 160
#: the grammar's start rule for each format's table 三 (``"any"``: the 2021 form, whose rows
#: are the 2019 form's with （六）'s three sub-rows)
START_RULES = {
    "2019": "applications_2019",
    "2021": "applications_2021",
    "any": "applications_2021",
}

#: a row found: its label, and where the label starts and ends in the squashed text
Row = tuple[StreamLabel, int, int]


def terminal_of(row: FormRow) -> str:
    """The grammar's terminal for a row label: the row id in capitals, a group's ``@``
    dropped and ``.`` written ``_`` (``denied.state_secret`` → ``DENIED_STATE_SECRET``)."""
    return row.id.lstrip("@").replace(".", "_").upper()


def grammar_text() -> str:
    """The tables grammar (``grammars/tables.lark``), as shipped inside the package."""
    ref = resources.files("opengov_report").joinpath("grammars/tables.lark")
    return ref.read_text(encoding="utf-8")


class _Fed(Lexer):
    """No lexing by Lark: the tokens are fed to the parser one at a time."""

    def __init__(self, lexer_conf: LexerConf) -> None:
        pass

    def lex(self, lexer_state: Any, parser_state: Any = None) -> Iterator[Token]:
        return iter(())


# The one parser, built on first use: a singleton (it has no arguments), so functools' cache
# and not a Memo.
@functools.lru_cache(maxsize=1)
def _parser() -> Lark:
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer=_Fed,
        start=sorted(set(START_RULES.values())),
        strict=True,
        maybe_placeholders=False,
    )


_TERMINALS = {fmt: {terminal_of(label.row): label for label in labels}
              for fmt, labels in LABELS.items()}  # fmt: skip
_TERMINAL_OF = {label.row.id: terminal_of(label.row) for label in LABELS["any"]}


def label_tokens(sq: str, fmt: str, first: Row) -> Iterator[tuple[Token, Token | None]]:
    """The tokens from the row ``first`` on: each label (type: its terminal, value: the row
    id, ``start_pos``/``end_pos``: its place in ``sq``) with the ``VALUES`` token of the text
    before it (None when the label follows the one before directly, or is ``first``), in the
    order of the text, while a label follows within :data:`ROW_WINDOW`."""
    label, start, end = first
    yield Token(_TERMINAL_OF[label.row.id], label.row.id, start, end_pos=end), None
    while True:
        found = nearest_label(sq, fmt, end, end + ROW_WINDOW)
        if found is None:
            return
        label, start, nxt_end = found
        values_end = start
        for form in label.numberings:
            if sq.endswith(form, end, start):
                values_end = start - len(form)
                break
        values = (
            Token("VALUES", sq[end:values_end], end, end_pos=values_end)
            if values_end > end
            else None
        )
        yield Token(_TERMINAL_OF[label.row.id], label.row.id, start, end_pos=nxt_end), values
        end = nxt_end


def parse_rows(sq: str, fmt: str, first: Row) -> list[Row]:
    """Table 三's rows from the row ``first`` on: the label tokens of the parse tree of the
    format's start rule (see the module docs)."""
    terminals = _TERMINALS[fmt]
    # Any: Lark's parser state is untyped
    state: Any = _parser().parse_interactive(start=START_RULES[fmt]).parser_state
    accepted_end = first[2]
    for label, values in label_tokens(sq, fmt, first):
        if label.start_pos is not None and label.start_pos > accepted_end + ROW_WINDOW:
            break
        if values is not None:
            _feed(state, values)
        if _feed(state, label):
            accepted_end = label.end_pos or accepted_end
    tree: Tree[Token] = state.feed_token(Token("$END", ""), True)
    return [
        (terminals[token.type], token.start_pos or 0, token.end_pos or 0)
        for token in tree.scan_values(lambda v: isinstance(v, Token) and v.type != "VALUES")
    ]


def _feed(state: Any, token: Token) -> bool:
    """Whether the rules accept ``token`` where the parse stands; if so it is fed.  A token
    refused is passed over and leaves the parse as it was: it has no action in the current
    state, and one that has an action is always shifted after the reductions it makes
    (tests/test_table_grammar.py checks this on every configuration of the parser the
    format's tokens can reach, so no reduction is made for a token then refused)."""
    if token.type not in state.parse_conf.states[state.position]:
        return False
    state.feed_token(token)
    return True
