"""What one table label means to every recogniser, looked up once per spelling.

Every recogniser asks the same questions of each label cell (is it an applicant column, a
group, a row of table 三, a review group, a 主动公开 column or row, a legacy indicator, an era
sign?).  The answers depend only on the label's normalised key, so they are computed together
the first time a key is seen and shared by every later label with that key, whatever its
spacing or width.  Both memos are bounded.
"""

from __future__ import annotations

from collections.abc import Callable

from .._memo import Memo
from .labels import (
    APPLICATION_COLUMN_CATALOGUE,
    APPLICATION_GROUP_CATALOGUE,
    DISCLOSURE_COLUMN_CATALOGUE,
    DISCLOSURE_ROW_CATALOGUE,
    LEGACY_CATALOGUE,
    REVIEW_COLUMN_CATALOGUE,
    REVIEW_GROUP_CATALOGUE,
    SUB_ROW_CATALOGUES,
    application_row_of_key,
    disclosure_item_of_key,
    era_signs_of_key,
    normalize_label,
)

__all__ = ["LabelFacts", "label_facts"]


class LabelFacts:
    """The catalogue matches of one normalised label ``key`` (None where nothing matches)."""

    __slots__ = (
        "application_column",
        "application_group",
        "disclosure_column",
        "disclosure_item",
        "disclosure_row",
        "era_signs",
        "key",
        "legacy_indicator",
        "review_column",
        "review_group",
        "top_application_row",
    )

    def __init__(self, key: str) -> None:
        self.key = key
        self.era_signs = era_signs_of_key(key)
        self.application_column = APPLICATION_COLUMN_CATALOGUE.match_key(key)
        self.application_group = APPLICATION_GROUP_CATALOGUE.match_key(key)
        #: the applications row read outside any group of sub-rows
        self.top_application_row = application_row_of_key(key, None)
        self.review_group = REVIEW_GROUP_CATALOGUE.match_key(key)
        self.review_column = REVIEW_COLUMN_CATALOGUE.match_key(key)
        self.disclosure_column = DISCLOSURE_COLUMN_CATALOGUE.match_key(key)
        self.disclosure_row = DISCLOSURE_ROW_CATALOGUE.match_key(key)
        self.disclosure_item = disclosure_item_of_key(key)
        self.legacy_indicator = LEGACY_CATALOGUE.match_key(key)

    def application_row(self, group: str | None) -> str | None:
        """The applications row of this label read in ``group``'s context
        (:func:`~.labels.match_application_row`)."""
        if group in SUB_ROW_CATALOGUES:
            return application_row_of_key(self.key, group)
        return self.top_application_row


_FACTS_OF_KEY: Memo[str, LabelFacts] = Memo(LabelFacts, 4096)
_FACTS: Memo[str, LabelFacts] = Memo(lambda text: _FACTS_OF_KEY[normalize_label(text)], 8192)
#: ``label_facts(text)``: the facts of a label as written (memoised by text, then by
#: normalised key)
label_facts: Callable[[str], LabelFacts] = _FACTS.__getitem__
