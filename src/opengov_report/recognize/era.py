"""Deciding a report's era from its tables' own labels, its outline and (last) its year."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .._chars import BLANK
from ..document import Document
from ..model.era import Era, EraEvidence
from .build import content_span
from .labels import normalize_label
from .rows import CONTENT, RowView
from .stream import StreamTables, read_stream_tables

__all__ = ["decide_era", "era_of_stream"]

#: the six sections of the 2019 and 2021 outlines, as words their titles contain
_STANDARD_SECTIONS = (
    ("总体情况",),
    ("主动公开",),
    ("收到和处理", "依申请公开"),
    ("行政复议", "行政诉讼"),
    ("存在的主要问题", "问题", "改进"),
    ("其他需要报告",),
)


def decide_era(
    doc: Document,
    views: Iterable[RowView],
    year: int | None,
    stream: Callable[[], StreamTables] | None = None,
) -> tuple[Era, tuple[EraEvidence, ...]]:
    """The era and the evidence that decided it.

    Table signatures decide (format-spec §2: a 2021 label beats a 2019 label, which beats a
    legacy label); a label shared by 2019 and 2021 leaves the choice to the year.  A report
    without tables takes the era of its outline and year; ``UNKNOWN`` only when nothing
    decides.
    """
    # the labels that sign each era, first spelling of each key only; their evidence (which
    # needs the cell, for its span) is made for the deciding sign alone
    signed: dict[str, list[tuple[RowView, int]]] = {
        "2021": [], "2019": [], "legacy": [], "2019_or_2021": []
    }  # fmt: skip
    seen: set[tuple[str, str]] = set()
    for view in views:
        for position, sign, label_key in view.labels_read.era_signs:  # most rows have none
            key = (sign, label_key)
            if key in seen:
                continue
            seen.add(key)
            signed[sign].append((view, position))
    for sign, era in (("2021", Era.V2021), ("2019", Era.V2019), ("legacy", Era.LEGACY)):
        if signed[sign]:
            return era, _evidence(sign, signed[sign])
    if signed["2019_or_2021"]:
        evidence = _evidence("2019_or_2021", signed["2019_or_2021"])
        shape = _table3_shape(doc, stream) if year is not None else None
        if shape is not None:
            # table 三's own shape is a table signature: stronger than the year (late
            # adopters report on 2021 in the 2019 form)
            return shape[0], (*evidence, shape[1])
        if year is not None:
            era = Era.V2021 if year >= 2021 else Era.V2019
            return era, (*evidence, EraEvidence(era, f"year {year} decides between 2019 and 2021"))
        return Era.UNKNOWN, evidence
    return _era_from_outline(doc, year)


def _table3_shape(
    doc: Document, stream: Callable[[], StreamTables] | None
) -> tuple[Era, EraEvidence] | None:
    found = stream() if stream is not None else read_stream_tables(doc.text, Era.UNKNOWN)
    return era_of_stream(found)


def era_of_stream(found: StreamTables) -> tuple[Era, EraEvidence] | None:
    """The era what was read from the character stream signs: a 2019 or 2021 label in the
    text, else table 三's （六） in three sub-rows (2021) or as a single row with values
    (2019); None when it shows neither."""
    if found.era_sign is not None:
        era, span = found.era_sign
        return era, EraEvidence(era, f"table label in the text ({_sign_name(era.value)})", span)
    table = found.applications
    if table is None:
        return None
    if any(r.startswith("other.") for r in table.row_ids):
        reason = "table 三 read from the text: （六） in three sub-rows (2021 format)"
        return Era.V2021, EraEvidence(Era.V2021, reason, table.span)
    if "other" in table.row_ids and any(v.number is not None for v in table.row("other").values()):
        reason = "table 三 read from the text: （六） a single row (2019 format)"
        return Era.V2019, EraEvidence(Era.V2019, reason, table.span)
    return None


def _evidence(sign: str, found: list[tuple[RowView, int]]) -> tuple[EraEvidence, ...]:
    """The evidence of the labels (row view, position among its labels) that sign ``sign``."""
    era = {"2021": Era.V2021, "2019": Era.V2019, "legacy": Era.LEGACY}.get(sign, Era.UNKNOWN)
    out: list[EraEvidence] = []
    for view, position in found:
        cell = view.label_cell(position)
        reason = f"table label {cell[CONTENT].strip(BLANK)!r} ({_sign_name(sign)})"
        out.append(EraEvidence(era, reason, content_span(cell)))
    return tuple(out)


def _sign_name(sign: str) -> str:
    return {
        "2021": "2021 format",
        "2019": "2019 format",
        "legacy": "legacy 统计表",
        "2019_or_2021": "2019 or 2021 format",
    }[sign]


def _era_from_outline(doc: Document, year: int | None) -> tuple[Era, tuple[EraEvidence, ...]]:
    """No table label decides: the year does (format-spec §2: reports on 2018 or earlier are
    legacy, on 2019–2020 the 2019 format, from 2021 the 2021 format), with the outline as
    supporting evidence; without a year, ``UNKNOWN`` (the evidence says what was seen)."""
    titles = [normalize_label(s.title) for s in doc.sections() if s.level == 1]
    found = sum(1 for words in _STANDARD_SECTIONS if any(w in t for t in titles for w in words))
    standard = found >= 5
    if year is None:
        if standard:
            reason = f"no table; the standard outline ({found} of 6 sections) but no year"
            return Era.UNKNOWN, (EraEvidence(Era.UNKNOWN, reason),)
        return Era.UNKNOWN, ()
    if year < 2019:
        reason = f"no table; the report is on {year}, before the 2019 format"
        return Era.LEGACY, (EraEvidence(Era.LEGACY, reason),)
    era = Era.V2021 if year >= 2021 else Era.V2019
    period = "2021 on" if era is Era.V2021 else "2019–2020"
    if standard:
        reason = (
            f"no table; the standard outline ({found} of 6 sections) and the year {year} ({period})"
        )
    else:
        reason = f"no table and no standard outline; the year {year} ({period})"
    return era, (EraEvidence(era, reason),)
