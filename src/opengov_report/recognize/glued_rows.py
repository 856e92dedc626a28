"""Split the glued digits of application rows: each row's total first, then the columns.

Each glued row's digit run is cut into the table's columns so that the row's parts sum to its
total (:func:`~opengov_report.recognize.glued.split_candidates`).  Rows that stay ambiguous are
resolved jointly with the column identities of the applications table (一 + 二 = （七） + 四;
（七） = the sum of the result rows), together with the rows that were read normally.  What is
still not unique stays unresolved: never guess between solutions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from ..model.forms import APPLICATION_COLUMN_IDENTITIES
from ..model.identities import sums_equal
from .glued import split_candidates
from .labels import APPLICATION_ROW_LABELS

__all__ = ["GluedResult", "split_glued_rows"]

_MAX_CANDIDATES = 64
#: 一 + 二 = （七） + 四, the same in both formats
_BALANCE = APPLICATION_COLUMN_IDENTITIES["2019"][0]
#: the result rows that （七）总计 adds up: every row but 一、二、（七） and 四 (those of either
#: format; a table has the rows it has, and only those present are added up)
_RESULT_ROWS = tuple(
    r
    for r in APPLICATION_ROW_LABELS
    if r not in ("new_received", "carried_over", "total_processed", "carried_forward")
)


@attrs.frozen(slots=True)
class GluedResult:
    """A row's cells as (text, offset into the digit run), or None and the reason."""

    parts: tuple[tuple[str, int], ...] | None
    reason: str = ""


def _parts(split: tuple[int, ...]) -> tuple[tuple[str, int], ...]:
    out: list[tuple[str, int]] = []
    offset = 0
    for number in split:
        text = str(number)
        out.append((text, offset))
        offset += len(text)
    return tuple(out)


def split_glued_rows(
    rows: Sequence[tuple[str, str]],
    ncols: int,
    known: Mapping[str, tuple[int | None, ...]],
) -> list[GluedResult]:
    """Split each ``(row id, digits)``; ``known`` holds the rows read normally."""
    candidates: list[tuple[tuple[int, ...], ...]] = []
    for _, digits in rows:
        if not digits.isdigit():
            candidates.append(())
            continue
        candidates.append(split_candidates(digits, ncols, total_last=True, limit=_MAX_CANDIDATES))
    chosen: list[tuple[int, ...] | None] = [c[0] if len(c) == 1 else None for c in candidates]
    ambiguous = [i for i, c in enumerate(candidates) if len(c) > 1]
    if ambiguous:
        _resolve_by_columns(rows, candidates, chosen, ambiguous, ncols, known)
    out: list[GluedResult] = []
    for i, c in enumerate(candidates):
        if chosen[i] is not None:
            split = chosen[i]
            assert split is not None
            out.append(GluedResult(_parts(split)))
        elif not c:
            out.append(GluedResult(None, "glued digits: no split adds up"))
        else:
            out.append(GluedResult(None, "glued digits: ambiguous split"))
    return out


def _resolve_by_columns(
    rows: Sequence[tuple[str, str]],
    candidates: list[tuple[tuple[int, ...], ...]],
    chosen: list[tuple[int, ...] | None],
    ambiguous: list[int],
    ncols: int,
    known: Mapping[str, tuple[int | None, ...]],
) -> None:
    """Try every combination of the ambiguous rows' candidates (bounded) against the column
    identities; fix the rows only when exactly one combination satisfies them all."""
    ids = [r for r, _ in rows]
    total = 1
    for i in ambiguous:
        total *= len(candidates[i])
        if total > 4096:
            return
    solutions: list[dict[int, tuple[int, ...]]] = []

    def values_of(assign: dict[int, tuple[int, ...]]) -> dict[str, tuple[int | None, ...]]:
        table: dict[str, tuple[int | None, ...]] = dict(known)
        for i, split in enumerate(chosen):
            if split is not None:
                table[ids[i]] = split
        for i, split in assign.items():
            table[ids[i]] = split
        return table

    def consistent(table: Mapping[str, tuple[int | None, ...]]) -> bool:
        """Every identity whose cells are all known holds, and at least one was known."""
        checked = False
        unknown = (None,) * ncols
        for c in range(ncols):
            verdicts = [
                sums_equal(
                    [table.get(r, unknown)[c] for r in _BALANCE[0]],
                    [table.get(r, unknown)[c] for r in _BALANCE[1]],
                )
            ]
            results = [table[r][c] for r in _RESULT_ROWS if r in table]
            if results:
                verdicts.append(sums_equal((table.get("total_processed", unknown)[c],), results))
            for verdict in verdicts:
                if verdict is False:
                    return False
                checked = checked or verdict is not None
        return checked

    def search(k: int, assign: dict[int, tuple[int, ...]]) -> None:
        if len(solutions) > 1:
            return
        if k == len(ambiguous):
            if consistent(values_of(assign)):
                solutions.append(dict(assign))
            return
        i = ambiguous[k]
        for split in candidates[i]:
            assign[i] = split
            search(k + 1, assign)
            del assign[i]

    search(0, {})
    if len(solutions) == 1:
        for i, split in solutions[0].items():
            chosen[i] = split
