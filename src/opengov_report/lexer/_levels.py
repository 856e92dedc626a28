"""Heading levels: a pure function of the numbering sequence (:func:`heading_levels`), the
pass that applies it, and the pass that gives a line made a paragraph its run-in text back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from ..document import NumberingAnomaly, NumberingStyle
from ._kinds import SegmentKind, where
from ._numbering import numbering_of
from ._state import LexState

__all__ = ["MAX_DEPTH", "HeadingLevel", "assign_levels", "heading_levels", "rejoin_demoted"]

#: deepest heading level the grammar nests; deeper numbered lines stay paragraphs
MAX_DEPTH = 8

_JUST_HEADING: tuple[SegmentKind, ...] = ("heading",)

#: bracketed styles (（一）, (1), ①) mark sub-items; they never stand in for a level whose
#: style is unbracketed (一、, 1、), nor the other way round
_BRACKETED = {
    style: style in (NumberingStyle.CN_PAREN, NumberingStyle.AR_PAREN, NumberingStyle.CIRCLED)
    for style in NumberingStyle
}

#: where a numbered line goes: a heading's depth and anomaly, or None for a paragraph
HeadingLevel: TypeAlias = tuple[int, NumberingAnomaly | None] | None


def heading_levels(numberings: Sequence[tuple[NumberingStyle, int]]) -> list[HeadingLevel]:
    """The depth of each numbered line of a text, by its numbering (style, ordinal) and
    those around it, in order; None for a line that is a paragraph.

    * A style seen for the first time opens the next deeper level; later headings of that
      style go back to that level (as reStructuredText decides title levels).  Depth never
      skips: a style of level 3 right under level 1 is placed at depth 2.
    * A heading continues its level's ordinal sequence, or starts a new deeper level at 1.
    * A heading whose own style cannot continue, but whose ordinal continues an open
      shallower level whose style differs, is placed on that level and marked
      ``MISSTYLED`` (``四．`` then ``5、`` between ``三、`` and ``六、``), provided the
      next heading in that level's style does not take the same or a lower ordinal.
      Bracketed styles never stand in for unbracketed ones, nor the other way round.
    * A numbered line that restarts an open ancestor level at 1 while deeper levels are
      open is a numbered list inside the text (``（1）…。（2）…``): a paragraph.
    * Other breaks (skips, repeats, a first heading not at 1) keep their place and are
      marked ``SKIPPED``, ``REPEATED`` or ``NOT_FIRST``.
    * A line deeper than :data:`MAX_DEPTH` is a paragraph.
    """
    style_level: dict[NumberingStyle, int] = {}
    level_style: dict[int, NumberingStyle] = {}
    stack: list[tuple[NumberingStyle, int]] = []  # (style, ordinal) per open level
    out: list[HeadingLevel] = []

    def same_style(level: int, style: NumberingStyle) -> bool:
        # whether the open heading at ``level`` continues ``style``'s sequence (a misstyled
        # heading stands in for its level's own style)
        return stack[level - 1][0] is style or level_style.get(level) is style

    for idx, (style, n) in enumerate(numberings):
        depth = len(stack)
        own = style_level.get(style)
        place: int | None = None
        anomaly: NumberingAnomaly | None = None
        if own is not None and own <= depth and same_style(own, style):
            prev = stack[own - 1][1]
            if n == prev + 1:
                place = own
            elif n == 1 and own < depth:
                out.append(None)  # a list restarting inside deeper text
                continue
        elif n == 1:
            place = min(own, depth + 1) if own is not None else depth + 1
        if place is None:  # can it continue a shallower open level of another style?
            place = _misstyled_level(numberings, idx, stack, level_style)
            if place is not None:
                anomaly = NumberingAnomaly.MISSTYLED
        if place is None:
            if own is not None and own <= depth:
                place = own
                prev = stack[own - 1][1] if same_style(own, style) else 0
                anomaly = NumberingAnomaly.SKIPPED if n > prev + 1 else NumberingAnomaly.REPEATED
            else:
                place = min(own, depth + 1) if own is not None else depth + 1
                anomaly = NumberingAnomaly.NOT_FIRST
        if place > MAX_DEPTH:
            out.append(None)
            continue
        if anomaly is not NumberingAnomaly.MISSTYLED:
            style_level.setdefault(style, place)
            level_style.setdefault(place, style)
        del stack[place - 1 :]
        stack.append((style, n))
        out.append((place, anomaly))
    return out


def _misstyled_level(
    numberings: Sequence[tuple[NumberingStyle, int]],
    idx: int,
    stack: list[tuple[NumberingStyle, int]],
    level_style: dict[int, NumberingStyle],
) -> int | None:
    """The open level, of another style, whose ordinal sequence heading ``idx`` continues
    (the deepest such level; both bracketed or both not), provided the next heading in that
    level's style does not take the same or a lower ordinal; else None."""
    style, n = numberings[idx]
    for k in range(len(stack), 0, -1):
        k_style = level_style.get(k, stack[k - 1][0])
        if (
            k_style is not style
            and _BRACKETED[k_style] == _BRACKETED[style]
            and stack[k - 1][1] + 1 == n
        ):
            later = next((m for s, m in numberings[idx + 1 :] if s is k_style), None)
            return k if later is None or later > n else None
    return None


def assign_levels(st: LexState) -> None:
    """Give each numbered line its depth and anomaly (:func:`heading_levels`), or make it
    a paragraph."""
    kinds = st.kinds
    segs = where(kinds, _JUST_HEADING)
    numberings = [numbering_of(st.num[i][0]) for i in segs]
    levels = heading_levels([(numbering.style, numbering.ordinal) for numbering in numberings])
    for seg, level in zip(segs, levels, strict=True):
        if level is None:
            kinds[seg] = "para"
        else:
            st.level[seg], st.anomaly[seg] = level


def rejoin_demoted(st: LexState) -> None:
    """A numbered line demoted to a paragraph takes its run-in text back.

    Run-in text always directly follows its heading's segment; the segment it joins is
    extended, and the run-in segment is marked ``merged`` (no token of its own)."""
    kinds, ends, stops = st.kinds, st.ends, st.stops
    for i in st.runins:
        if kinds[i - 1] == "heading":
            continue
        if kinds[i - 1] == "para" and ends[i - 1] == st.starts[i]:
            ends[i - 1], stops[i - 1] = ends[i], stops[i]
            kinds[i] = "merged"
        else:
            kinds[i] = "para"
