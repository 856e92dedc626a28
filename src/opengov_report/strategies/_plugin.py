"""The hypothesis plugin: ``st.from_type(AnnualReport)`` and friends in a user's suite.

Registered through the ``hypothesis`` entry point in ``pyproject.toml``; hypothesis calls
:func:`_hypothesis_setup_hook` when it is imported.
"""

from __future__ import annotations

from hypothesis import strategies as st

from ..model.era import Era
from ..model.report import AnnualReport, Metadata
from ..model.tables import (
    ApplicationTable,
    DisclosureTable2019,
    DisclosureTable2021,
    LegacyTable,
    ReviewTable,
)
from ..model.values import Value
from ._reports import metadata, reports
from ._tables import application_tables, disclosure_tables, legacy_tables, review_tables
from ._values import values

__all__ = ["register"]


def register() -> None:
    """Register the strategies for the model types with ``st.register_type_strategy``
    (done for you when the package is installed; call it if hypothesis plugins are off)."""
    st.register_type_strategy(AnnualReport, reports())
    st.register_type_strategy(Metadata, metadata())
    st.register_type_strategy(ApplicationTable, application_tables())
    st.register_type_strategy(ReviewTable, review_tables())
    st.register_type_strategy(DisclosureTable2019, disclosure_tables(Era.V2019))
    st.register_type_strategy(DisclosureTable2021, disclosure_tables(Era.V2021))
    st.register_type_strategy(LegacyTable, legacy_tables())
    st.register_type_strategy(Value, values())


def _hypothesis_setup_hook() -> None:
    register()
