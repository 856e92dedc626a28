"""A legacy 统计表 read by the parser, checked whole (the cases of each rule L1xx/L2xx are in
tests/data/rules/L*.toml)."""

from __future__ import annotations

from opengov_report import check, parse

from .legacy_text import legacy_text


def test_consistent_legacy_table_gives_no_finding() -> None:
    assert check(parse(legacy_text())) == ()


def test_a_table_split_by_a_page_number_is_one_table() -> None:
    lines = legacy_text().split("\n")
    cut = next(i for i, line in enumerate(lines) if line.startswith("三、依申请公开情况"))
    split = "\n".join([*lines[:cut], "", "- 2 -", "", *lines[cut:]])
    whole, parted = parse(legacy_text()), parse(split)
    assert len(list(parted.document.tables())) == 2
    assert parted.legacy is not None and whole.legacy is not None
    assert [(r.id, r.path, r.value.raw) for r in parted.legacy.rows] == [
        (r.id, r.path, r.value.raw) for r in whole.legacy.rows
    ]
    assert check(parted) == ()
