"""Lines of a table's label column numbered like headings: the rows of the official forms."""

from __future__ import annotations

from .._chars import FULL_WIDTH_ASCII, squash
from .._memo import Memo
from ..document import NumberingStyle
from ..model.forms import APPLICATION_FORM
from ._numbering import NUMBERING_RE, numbering

__all__ = ["is_form_row_label"]

#: numbering styles that differ only in their mark (一、 一．; 1、 1．) are one family
_FAMILY = {
    NumberingStyle.CN_COMMA: "一、",
    NumberingStyle.CN_DOT: "一、",
    NumberingStyle.CN_PAREN: "（一）",
    NumberingStyle.AR_COMMA: "1、",
    NumberingStyle.AR_DOT: "1、",
    NumberingStyle.AR_PAREN: "（1）",
}


def _squash(text: str) -> str:
    return squash(text).translate(FULL_WIDTH_ASCII)


def _form_labels() -> dict[tuple[str, int], tuple[str, ...]]:
    """Table 三's row labels (model/forms.py) by the family and ordinal of their numbering."""
    out: dict[tuple[str, int], list[str]] = {}
    for row in APPLICATION_FORM:
        m = NUMBERING_RE.fullmatch(row.numbering)
        if m is None:
            continue
        style, ordinal = numbering(m)
        out.setdefault((_FAMILY.get(style, ""), ordinal), []).extend(map(_squash, row.labels))
    return {key: tuple(labels) for key, labels in out.items()}


_LABELS = _form_labels()


def _is_form_row_label(line: str) -> bool:
    m = NUMBERING_RE.match(line)
    if m is None:
        return False
    style, ordinal = numbering(m)
    labels = _LABELS.get((_FAMILY.get(style, ""), ordinal), ())
    title = _squash(line[m.end() :])
    return bool(title) and any(
        label.startswith(title) or title.startswith(label) for label in labels
    )


_MEMO: Memo[str, bool] = Memo(_is_form_row_label, 1024)


def is_form_row_label(line: str) -> bool:
    """Whether ``line`` (stripped) is numbered as a row of table 三 and its words start that
    row's label, or hold it whole: ``（一）予以公开``, and the label broken over lines by a
    narrow column (``（三）不`` for （三）不予公开, ``5. 要求行政机关确认或重新出`` …).  Such a
    line in a run of one-cell lines is a row label, not a heading, whatever follows it."""
    return _MEMO[line]
