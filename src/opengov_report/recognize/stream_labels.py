"""Table 三's row labels as the stream reader finds them: folded, with their numbering, and
the tolerant matcher that finds one in squashed text (white space dropped, width folded).

Every label is made from the catalogue (:data:`~opengov_report.model.forms.APPLICATION_FORM`):
its variants folded, without quotes, with ``,`` for ``、``; a label of two characters or fewer
(其他, 总计) only with its numbering, as such words are common in prose.
"""

from __future__ import annotations

import re

import attrs

from .._chars import BLANK_RE, FULL_WIDTH_ASCII
from ..model.forms import APPLICATION_FORM, FormRow

__all__ = ["CN_DIGITS", "LABELS", "StreamLabel", "find_label", "fold", "nearest_label"]

#: width folding, one character for one (so that offsets map back): full-width ASCII to
#: ASCII, every quote mark to ``"``
_FOLD = {**FULL_WIDTH_ASCII,
         **dict.fromkeys(map(ord, "“”‘’「」『』'"), ord('"'))}  # fmt: skip
#: a label this long is found by its first _PREFIX characters (see find_label)
_PREFIX_MIN, _PREFIX = 8, 6
#: labels this short are found only with their numbering (其他, 总计)
_SHORT = 2
CN_DIGITS = "一二三四五六七八九十"


def fold(text: str) -> str:
    """``text`` without white space, width folded (``（`` → ``(``, ``１`` → ``1``)."""
    return BLANK_RE.sub("", text).translate(_FOLD)


def _numbering_forms(numbering: str) -> tuple[str, ...]:
    """The ways a numbering is written, folded: 1. 1、 1， / (一) （一） / 一、 一. 一，"""
    core = fold(numbering).rstrip(".、")
    if core.startswith("("):
        inner = core.strip("()")
        return (f"({inner})", f"{inner}、", f"{inner}.") if inner in CN_DIGITS else (core,)
    return (f"{core}.", f"{core}、", f"{core},")


@attrs.frozen(slots=True)
class StreamLabel:
    """A row of table 三 as searched for: the ``row``, its folded ``keys`` (longest first)
    and the folded ways its ``numberings`` are written."""

    row: FormRow
    keys: tuple[str, ...]
    numberings: tuple[str, ...]


def _labels(fmt: str) -> tuple[StreamLabel, ...]:
    out = []
    for row in APPLICATION_FORM:
        if fmt not in row.formats and fmt in ("2019", "2021"):
            continue
        numberings = _numbering_forms(row.numbering)
        keys = {fold(v) for v in row.labels}
        if any(len(k) <= _SHORT for k in keys):
            keys = {n + k for n in numberings for k in keys}
        else:
            keys |= {k.replace('"', "") for k in keys}
            keys |= {k.replace("、", ",") for k in keys}
        out.append(StreamLabel(row, tuple(sorted(keys, key=lambda k: (-len(k), k))), numberings))
    return tuple(out)


#: the labels of each format's table 三 in printed order (``"any"``: every row of both)
LABELS: dict[str, tuple[StreamLabel, ...]] = {fmt: _labels(fmt) for fmt in ("2019", "2021", "any")}


def _head(key: str) -> str:
    """The characters a key is found by (see :func:`find_label`)."""
    return key if len(key) < _PREFIX_MIN else key[:_PREFIX]


def find_label(sq: str, label: StreamLabel, start: int, stop: int) -> tuple[int, int] | None:
    """The first place in ``sq[start:stop]`` where one of the label's keys starts: (start,
    end).  A long label is found by its first characters and extended over as many of the
    rest as the text repeats, so that a label cut short (没有现成信息需要) or changed near
    its end is still found; the value run then starts where the label stops."""
    best: tuple[int, int] | None = None
    for key in label.keys:
        head = _head(key)
        at = sq.find(head, start, stop + len(head))
        if at < 0 or (best is not None and at > best[0]):
            continue
        end = _extent(sq, at, key)
        if best is None or at < best[0] or end > best[1]:
            best = (at, end)
    return best


def _extent(sq: str, at: int, key: str) -> int:
    """Where ``key``, found at ``at`` by its head, ends: past as many of its characters as
    the text repeats (all of them, mostly: that is one comparison)."""
    if sq.startswith(key, at):
        return at + len(key)
    j = len(_head(key))
    end = at + j
    while j < len(key) and end < len(sq) and sq[end] == key[j]:
        end, j = end + 1, j + 1
    return end


@attrs.frozen(slots=True)
class _Heads:
    """Every head of a format's labels, for one search over all of them: the alternation of
    the heads (literals, longest first: one pass over the text, no backtracking), and for
    each head the (label, key) pairs found by it or by a head it starts with, in the labels'
    printed order."""

    pattern: re.Pattern[str]
    keys: dict[str, tuple[tuple[StreamLabel, str], ...]]


def _heads(labels: tuple[StreamLabel, ...]) -> _Heads:
    pairs = [(label, key) for label in labels for key in label.keys]
    heads = sorted({_head(key) for _, key in pairs}, key=lambda h: (-len(h), h))
    keys = {head: tuple(p for p in pairs if head.startswith(_head(p[1]))) for head in heads}
    return _Heads(re.compile("|".join(map(re.escape, heads))), keys)


_HEADS = {fmt: _heads(labels) for fmt, labels in LABELS.items()}
_LONGEST_HEAD = max(len(_head(k)) for ls in LABELS.values() for label in ls for k in label.keys)


def nearest_label(sq: str, fmt: str, start: int, stop: int) -> tuple[StreamLabel, int, int] | None:
    """The label of format ``fmt`` that :func:`find_label` finds nearest after ``start``
    (starting at ``stop`` at the latest), with its place: of labels found at one place the one
    that reaches furthest, the first in printed order on a tie."""
    heads = _HEADS[fmt]
    m = heads.pattern.search(sq, start, stop + _LONGEST_HEAD)
    if m is None or m.start() > stop:
        return None
    at = m.start()
    best: tuple[StreamLabel, int, int] | None = None
    for label, key in heads.keys[m.group()]:
        end = _extent(sq, at, key)
        if best is None or end > best[2]:
            best = (label, at, end)
    return best
