"""Every seed parses, round-trips exactly, and reads as a person reads it."""

from __future__ import annotations

import json

import pytest

from opengov_report import Cell, Document, Heading, Table, TableLayout, parse_document
from tests.conftest import DATA, SEED_PATHS, seed_ids

EXPECTED = json.loads((DATA / "seed_outlines.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=seed_ids())
def seed(request: pytest.FixtureRequest, seeds: dict[str, str]) -> tuple[str, str, Document]:
    name: str = request.param
    return name, seeds[name], parse_document(seeds[name])


def test_every_seed_has_expectations() -> None:
    assert SEED_PATHS, "no seed reports found"
    assert {p.name for p in SEED_PATHS} == set(EXPECTED) - {"_comment"}


def test_round_trip_exact(seed: tuple[str, str, Document]) -> None:
    _, text, doc = seed
    assert doc.text == text


def test_leaves_tile_the_input(seed: tuple[str, str, Document]) -> None:
    _, text, doc = seed
    pos = 0
    for leaf in doc.leaves():
        assert leaf.span.start == pos, leaf
        assert text[leaf.span.start : leaf.span.end] == leaf.text
        pos = leaf.span.end
    assert pos == len(text)


def test_bytes_and_path_give_the_same_tree(seed: tuple[str, str, Document]) -> None:
    name, text, doc = seed
    assert parse_document(text.encode("utf-8")) == doc
    assert parse_document(next(p for p in SEED_PATHS if p.name == name)) == doc


def test_title(seed: tuple[str, str, Document]) -> None:
    name, _, doc = seed
    assert doc.title == EXPECTED[name]["title"]


def test_outline(seed: tuple[str, str, Document]) -> None:
    name, _, doc = seed
    got = [
        [h.level, h.numbering.text, h.title, h.anomaly.value if h.anomaly else None]
        for h in doc.headings()
    ]
    assert got == EXPECTED[name]["headings"]


def test_tables(seed: tuple[str, str, Document]) -> None:
    name, _, doc = seed
    got = [[*t.shape, t.layout.value] for t in doc.tables()]
    assert got == EXPECTED[name]["tables"]


def test_positions_point_at_the_source(seed: tuple[str, str, Document]) -> None:
    _, text, doc = seed
    lines = text.split("\n")
    for leaf in doc.leaves():
        if isinstance(leaf, (Heading, Cell)) and leaf.text.strip():
            line = lines[leaf.span.line - 1]
            col = leaf.span.column - 1
            first_line = leaf.text.split("\n")[0]
            assert line[col : col + len(first_line)] == first_line


def _table_rows(doc: Document, index: int) -> list[tuple[str, ...]]:
    table: Table = list(doc.tables())[index]
    return [row.values for row in table.rows]


def test_seed_001_cells_layout(seeds: dict[str, str]) -> None:
    doc = parse_document(seeds["001_a3baca1bbb3e4ec8.txt"])
    disclosure = _table_rows(doc, 0)
    # a wrapped header cell keeps its two lines; blank cells stay blank (NBSP, U+3000)
    assert disclosure[1] == ("信息内容", "本年新\n制作数量", "本年新\n公开数量", "对外公开总数量")
    assert disclosure[2] == ("规章", "无", "\u00a0", "\u3000")
    assert disclosure[6] == ("行政许可", "——", "——", "1440")
    applications = _table_rows(doc, 1)
    # a numbered label inside a table is a row, not a heading
    assert applications[3] == ("一、本年新收政府信息公开申请数量", "12", "1", "", "", "", "", "13")
    assert applications[-1][0] == "四、结转下年度继续办理"
    assert applications[8][:4] == ("", "", "2.其他法律行政法规禁止公开", "")
    assert all(t.layout is TableLayout.CELLS for t in doc.tables())


def test_seed_003_tsv_layout(seeds: dict[str, str]) -> None:
    doc = parse_document(seeds["003_6948b0465f2b12a3.txt"])
    rows = _table_rows(doc, 0)
    assert rows[0] == ("第二十条第（一）项", "", "", "")
    assert rows[1] == ("信息内容", "本年制发件数", "本年度止件数", "现行有效件数")
    assert rows[6][:3] == ("量", "", "")  # the fragment left by the PDF damage
    assert rows[7][0] == "三、 本年 度办 理结 果"
    reviews = _table_rows(doc, 1)
    assert reviews[-1] == ("0",) * 15


def test_seed_000_legacy_indentation_kept(seeds: dict[str, str]) -> None:
    doc = parse_document(seeds["000_765f60bd78de7148.txt"])
    rows = _table_rows(doc, 0)
    assert rows[0] == ("统\u3000计\u3000指\u3000标", "单位", "统计数")
    assert rows[3] == ("\u3000" * 6 + "其中：主动公开规范性文件数", "条", "\u30002")
    # the wrapped, garbled budget label keeps both of its lines
    budget = next(r for r in rows if r[0].strip().startswith("（五）政府信息公开专项经费"))
    assert budget[0].endswith("护等方面的经费）")
    assert budget[1:] == ("万元", "\u30000")


def test_seed_004_noise(seeds: dict[str, str]) -> None:
    from opengov_report import Noise, NoiseKind

    doc = parse_document(seeds["004_9e680528c2d3989d.txt"])
    noise = [leaf for leaf in doc.leaves() if isinstance(leaf, Noise)]
    kinds = [(n.kind, n.text.strip()) for n in noise]
    assert (NoiseKind.BOOKMARK, "[bookmark: _GoBack]") in kinds
    assert (NoiseKind.PAGE_NUMBER, "1") in kinds
