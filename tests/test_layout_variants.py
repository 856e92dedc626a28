"""The real reports rewritten in other layouts (benchmarks/layout_variants.py): the same
report published another way must never read a figure wrong, nor lose its year or era, and
must read at least as much as when the floor was last raised.

The truth is what was read by hand (examples/corpus/expected.jsonl, tests/data/oracles); the
layouts change white space, line breaks, digit width and markup, never a figure.  Floors are
counts, raised as recognition improves (``python benchmarks/layout_variants.py`` prints them).
"""

from __future__ import annotations

import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from layout_variants import LAYOUTS, score

#: per layout: (key figures right, oracle cells right, legacy tables right), at least.
#: What stays missing is undecidable from the rewritten text: one value a line with blank
#: cells that became blank lines (then vanished), digits glued across lines.
FLOORS: dict[str, tuple[int, int, int]] = {
    "as_published": (212, 2596, 1),
    "crlf": (212, 2596, 1),
    "one_line": (212, 2275, 1),
    "lines_glued": (210, 2056, 1),
    "token_per_line": (212, 2444, 1),
    "ideographic_spaces": (212, 2444, 1),
    "no_break_spaces": (212, 2444, 1),
    "full_width_digits": (212, 2596, 1),
    "spaces_for_tabs": (212, 2444, 1),
    "pipes": (212, 2361, 0),  # seed 000's 统计表 one cell a row: a label broken over two rows
    "html_page": (212, 2444, 1),
    "wrapped": (212, 2575, 1),
    "label_chars_per_line": (212, 2570, 1),
    "without_header": (212, 2596, 1),
    "title_wrapped": (212, 2596, 1),
}

#: figures read wrong in a layout, with why (none today)
KNOWN_WRONG: dict[str, int] = {"pipes": 1}  # seed 000: 60 of the 64 legacy rows (see FLOORS)


def test_every_layout_has_a_floor() -> None:
    assert set(FLOORS) == set(LAYOUTS)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_layout_reads_nothing_wrong_and_keeps_its_floor(layout: str) -> None:
    result = score(layout)
    counts: dict[str, int] = result["counts"]  # type: ignore[assignment]
    wrong: list[str] = result["wrong"]  # type: ignore[assignment]
    assert len(wrong) == KNOWN_WRONG.get(layout, 0), wrong
    assert result["lost"] == [], "year or era lost"
    key, cells, legacy = FLOORS[layout]
    assert counts.get("key_right", 0) >= key
    assert counts.get("cells_right", 0) >= cells
    assert counts.get("legacy_tables_right", 0) >= legacy


def test_a_layout_changes_only_the_layout() -> None:
    """The rewrites keep every character that is not white space (full-width digits and
    markup aside): a figure read by hand stays the truth."""
    text = (ROOT / "examples" / "seeds").glob("*.txt").__next__().read_text(encoding="utf-8")
    keep = "".join(text.split())
    for name in ("crlf", "one_line", "lines_glued", "token_per_line", "wrapped", "spaces_for_tabs"):
        assert "".join(LAYOUTS[name](text).split()) == keep, name
