"""Report formats ("eras") and the evidence that decided a report's era."""

from __future__ import annotations

import enum

import attrs

from ..document import Span

__all__ = ["Era", "EraEvidence"]


class Era(enum.Enum):
    """The table format a report follows.

    ``LEGACY``: one 统计表 (reports on 2008–2018); ``V2019``: 国办公开办函〔2019〕60号 (reports
    on 2019–2020); ``V2021``: 国办公开办函〔2021〕30号 (2021 on); ``UNKNOWN``: nothing decides.
    """

    LEGACY = "legacy"
    V2019 = "2019"
    V2021 = "2021"
    UNKNOWN = "unknown"


@attrs.frozen(slots=True)
class EraEvidence:
    """One fact that voted for an era: a table label (with where it is), the outline, or the
    year (a tie-breaker only)."""

    era: Era
    reason: str
    span: Span | None = None
