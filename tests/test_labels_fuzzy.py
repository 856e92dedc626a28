"""The catalogues' fuzzy fallback skips keys that cannot count (bounds of the ratio); its
answers must be those of scoring every key, as it did before."""

from __future__ import annotations

import collections
import difflib

from hypothesis import given, settings
from hypothesis import strategies as st

from opengov_report.recognize import labels
from opengov_report.recognize.labels import Catalogue, _bare, _unnumbered

_CATALOGUES: list[Catalogue] = [
    labels._TOP_CATALOGUE,
    labels._ANY_SUB,
    labels.DISCLOSURE_ROW_CATALOGUE,
    labels.DISCLOSURE_COLUMN_CATALOGUE,
    labels.LEGACY_CATALOGUE,
    *labels.SUB_ROW_CATALOGUES.values(),
]
_KEYS = sorted({k for c in _CATALOGUES for k in c.keys})


def _every_key(catalogue: Catalogue, normalized: str) -> str | None:
    """The fallback as written before: every key scored."""
    key = _unnumbered(normalized)
    if not key:
        return None
    found = catalogue.exact.get(key) or catalogue.exact.get(_bare(key))
    if found is not None:
        return found
    bare = _bare(key)
    if len(bare) < catalogue.fuzzy_min:
        return None
    scored = sorted(
        ((difflib.SequenceMatcher(None, bare, k).ratio(), k) for k in catalogue.keys),
        reverse=True,
    )
    if not scored:
        return None
    best, best_key = scored[0]
    second = next(
        (s for s, k in scored[1:] if catalogue.exact[k] != catalogue.exact[best_key]), 0.0
    )
    if best >= 0.84 and best - second >= 0.08:
        return catalogue.exact[best_key]
    return None


@st.composite
def _damaged_keys(draw: st.DrawFn) -> str:
    """An official key with characters dropped, doubled, replaced or added."""
    chars = list(draw(st.sampled_from(_KEYS)))
    for _ in range(draw(st.integers(0, 4))):
        i = draw(st.integers(0, len(chars)))
        edit = draw(st.sampled_from(["drop", "double", "replace", "add"]))
        other = draw(st.sampled_from("的信息公开申请数量其他一二三（）1"))
        if edit == "drop" and i < len(chars):
            del chars[i]
        elif edit == "double" and i < len(chars):
            chars.insert(i, chars[i])
        elif edit == "replace" and i < len(chars):
            chars[i] = other
        else:
            chars.insert(i, other)
    return "".join(chars)


@settings(max_examples=150)
@given(_damaged_keys(), st.sampled_from(range(len(_CATALOGUES))))
def test_the_fallback_answers_as_scoring_every_key(key: str, which: int) -> None:
    catalogue = _CATALOGUES[which]
    assert catalogue.match_key(key) == _every_key(catalogue, key)


def test_a_damaged_official_label_is_still_found() -> None:
    """The fallback is not dead: a long label with one character changed is matched."""
    key = labels._key("二、上年结转政府信息公开申请数量")
    damaged = key.replace("结转", "结专")
    assert labels._TOP_CATALOGUE.match_key(damaged) == labels._TOP_CATALOGUE.match_key(key)
    assert labels._TOP_CATALOGUE.match_key(key) is not None


@settings(max_examples=200)
@given(
    st.text("的信息公开申请数量其他一二三（）1ab", max_size=30),
    st.text("的信息公开申请数量其他ab", max_size=30),
)
def test_characters_in_common_are_quick_ratios_matches(a: str, b: str) -> None:
    common = labels._in_common(collections.Counter(a).items(), collections.Counter(b))
    quick = difflib.SequenceMatcher(None, a, b).quick_ratio()
    assert (2.0 * common / (len(a) + len(b)) if a or b else 1.0) == quick
