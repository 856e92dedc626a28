"""Rules L1xx/L2xx over a legacy 统计表 read by the parser."""

from __future__ import annotations

from opengov_report import Severity, check, parse

from .legacy_text import legacy_text


def test_consistent_legacy_table_gives_no_finding() -> None:
    assert check(parse(legacy_text())) == ()


def test_l101_qizhong_row_above_its_parent() -> None:
    found = check(parse(legacy_text({"proactive_norm": "61"})), select=["L101"])
    assert [(f.code, f.severity, f.locations[0].row) for f in found] == [
        ("L101", Severity.ERROR, "主动公开规范性文件数")
    ]
    assert (found[0].expected, found[0].actual) == (60, 61)


def test_l101_ignores_an_indented_row_of_another_unit() -> None:
    # 制发规范性文件总数 (件) sits under the 其中 list of 主动公开政府信息数 (条): not a part
    assert check(parse(legacy_text({"norm_issued": "99"})), select=["L"]) == ()


def test_l102_partitions() -> None:
    found = check(parse(legacy_text({"part_time": "3"})), select=["L102"])
    assert [(f.severity, f.expected, f.actual) for f in found] == [(Severity.ERROR, 4, 5)]
    assert "专职人员数" in found[0].message
    found = check(parse(legacy_text({"late": "1"})), select=["L102"])
    assert [f.locations[0].row for f in found] == ["applications_closed"]


def test_l201_sum_of_items_is_a_warning() -> None:
    found = check(parse(legacy_text({"online": "1"})), select=["L201"])
    assert [(f.severity, f.locations[0].row) for f in found] == [
        (Severity.WARNING, "applications_received")
    ]
    found = check(parse(legacy_text({"r_other": "1"})), select=["L201"])
    assert [f.locations[0].row for f in found] == ["reviews"]


def test_l202_proactive_total_between_a_channel_and_their_sum() -> None:
    found = check(parse(legacy_text({"proactive": "70"})), select=["L202"])
    assert [(f.severity, f.expected, f.actual) for f in found] == [(Severity.WARNING, 65, 70)]
    found = check(parse(legacy_text({"proactive": "40"})), select=["L202"])
    assert [(f.locations[1].row, f.expected, f.actual) for f in found] == [
        ("政府网站公开政府信息数", 50, 40)
    ]


def test_l203_closed_more_than_received() -> None:
    values = {"closed": "4", "on_time": "4", "received": "3"}
    found = check(parse(legacy_text(values)), select=["L203"])
    assert [(f.expected, f.actual) for f in found] == [(3, 4)]


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
