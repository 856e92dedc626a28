"""The error a strategy raises for arguments it cannot honour."""

from __future__ import annotations

from hypothesis.errors import InvalidArgument

from ..errors import OpenGovReportError
from ..model.era import Era

__all__ = ["StrategyArgumentError", "check_era", "check_positive"]


class StrategyArgumentError(OpenGovReportError, InvalidArgument):
    """A strategy was given an argument it cannot honour (an era without that table, a
    non-positive size).  Both an :class:`~opengov_report.OpenGovReportError` and hypothesis's
    ``InvalidArgument``."""


def check_era(era: Era | None, allowed: tuple[Era, ...], strategy: str) -> None:
    """Raise :class:`StrategyArgumentError` unless ``era`` is None or one of ``allowed``."""
    if era is not None and era not in allowed:
        names = ", ".join(f"Era.{e.name}" for e in allowed)
        raise StrategyArgumentError(f"{strategy}(era={era!r}): use None or one of {names}")


def check_positive(value: int, name: str, strategy: str) -> None:
    """Raise :class:`StrategyArgumentError` unless ``value`` ≥ 1."""
    if value < 1:
        raise StrategyArgumentError(f"{strategy}({name}={value!r}): must be at least 1")
