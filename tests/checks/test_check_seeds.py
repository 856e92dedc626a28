"""The findings on the five seeds, as a person reading them finds them (format-spec §9.1).

- 000 (legacy, 2017): 主动公开政府信息数 60 but its four channels add up to 5 (L-8, L202); the
  numbering jumps from 一是/二是 (prose) to （三） under 二、 (O103).  Nothing else.
- 001 (2019): consistent tables (T3-1 … T4-1 hold), but many cells left blank (V101) and
  无/—— in table 二 (V102); blank arithmetic is said at info.  No error.
- 002 (prose only): nothing to check.
- 003 (2021, damaged PDF): the heading 三、 and rows 一/二 of table 三 and most of table 二 are
  lost (O101, O103 at 四、, O105); what is left adds up.  No error.
- 004 (2019 format for 2020): 四． and 5、 are numbered in another style (O103).  No error.
"""

from __future__ import annotations

from opengov_report import Severity, check, parse
from tests.conftest import SEEDS


def _check(name: str) -> list[tuple[str, str, int | None]]:
    report = parse(next(SEEDS.glob(f"{name}_*.txt")))
    return [(f.code, f.severity.value, f.line) for f in check(report)]


def test_seed_000_legacy() -> None:
    assert _check("000") == [("O103", "warning", 16), ("L202", "warning", 70)]


def test_seed_001_blank_cells_but_consistent() -> None:
    found = _check("001")
    assert not [f for f in found if f[1] == "error"]
    assert {code for code, severity, _ in found if severity == "warning"} == {"V101"}
    report = parse(next(SEEDS.glob("001_*.txt")))
    v102 = check(report, select=["V102"])
    assert [(f.locations[0].row, [loc.column for loc in f.locations]) for f in v102] == [
        ("regulations", ["new_made"]),
        ("admin_license", ["previous_items", "change"]),
        ("admin_penalty", ["previous_items", "change"]),
        ("admin_enforcement", ["previous_items"]),
    ]
    # 规章: 无 + two blank cells; 规范性文件: 2, 2 and a blank; 其他对外管理服务事项: all blank
    v101 = {f.locations[0].row: len(f.locations) for f in check(report, select=["V101"])}
    assert v101["regulations"] == 2
    assert v101["normative_documents"] == 1
    assert v101["other_services"] == 3
    assert "carried_over" not in v101  # 二、上年结转: every cell written as 0
    assert all(f.severity is Severity.INFO for f in check(report, select=["A", "R"]))


def test_seed_002_prose_only() -> None:
    assert _check("002") == []


def test_seed_003_damaged_pdf() -> None:
    found = _check("003")
    assert not [f for f in found if f[1] == "error"]
    assert sorted({code for code, _, _ in found}) == ["O101", "O103", "O105"]
    report = parse(next(SEEDS.glob("003_*.txt")))
    lost = sorted(
        (loc.table, loc.row) for f in check(report, select=["O105"]) for loc in f.locations[1:]
    )
    assert len(check(report, select=["O105"])) == 2  # one finding per table
    assert lost == [
        ("applications", "carried_over"),
        ("applications", "new_received"),
        ("disclosure", "admin_enforcement"),
        ("disclosure", "admin_fees"),
        ("disclosure", "admin_license"),
        ("disclosure", "admin_penalty"),
    ]


def test_seed_004_numbering_slips_only() -> None:
    assert _check("004") == [("O103", "warning", 372), ("O103", "warning", 417)]
