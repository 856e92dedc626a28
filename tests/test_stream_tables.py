"""Tables 三 and 四 read from the character stream: flattened pages, glued digits, vanished
blanks, labels broken over lines, labels apart from their values.

The texts are written here by hand from the official form (format-spec §5–§6); every expected
number is one written into the text, never one the program printed.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from opengov_report import parse
from opengov_report.model.era import Era
from opengov_report.model.forms import APPLICATION_FORM
from opengov_report.model.values import ValueKind
from opengov_report.recognize.cell_runs import BLANK, cell_of, read_row, tokens_of
from tests.conftest import SEEDS
from tests.forms import ONE_LINE_APPLICATIONS_HEAD, ONE_LINE_REVIEWS_HEAD

_SUMS7 = (((0, 1, 2, 3, 4, 5), 6),)
_SUMS15 = (((0, 1, 2, 3), 4), ((5, 6, 7, 8), 9), ((10, 11, 12, 13), 14))


def _cells(run: str, width: int = 7) -> list[str | None]:
    tokens = tokens_of(run, 0, len(run))
    assert tokens is not None
    reading = read_row(tokens, width, _SUMS7 if width == 7 else _SUMS15)
    return [cell_of(run, c) for c in reading.cells]


# ------------------------------------------------------------------ one row's run


def test_a_run_of_one_token_a_cell_is_read_as_written() -> None:
    assert _cells("3 1 0 0 0 0 4") == ["3", "1", "0", "0", "0", "0", "4"]
    assert _cells("无 0 —— 0 0 0 0") == ["无", "0", "——", "0", "0", "0", "0"]


def test_glued_digits_are_cut_where_the_total_adds_up() -> None:
    # corpus pingtan/029: 一 '713000074' = 71, 3, 0, 0, 0, 0, 74 (7,13,... does not add up)
    assert _cells("713000074") == ["71", "3", "0", "0", "0", "0", "74"]
    # spaces are cell boundaries, digits between them may still be glued
    assert _cells("2932530061 43050") == ["2932", "53", "0", "0", "61", "4", "3050"]


def test_one_digit_a_cell_is_read_as_written_even_when_it_does_not_add_up() -> None:
    # corpus pingtan/027: （七） '1000000': 自然人 1, 总计 0 as the report prints it
    assert _cells("1000000") == ["1", "0", "0", "0", "0", "0", "0"]
    assert _cells(" 10 0 00 0 1") == ["1", "0", "0", "0", "0", "0", "1"]


def test_spaced_tokens_cut_into_one_digit_a_cell_must_add_up() -> None:
    # a table drawn without ruling lines loses its blank cells when the PDF is read: the row
    # blank, 0, ——, 252, ——, 无, blank comes out as '0 —— 252 —— 无', five tokens and seven
    # characters.  One character a cell (0, ——, 2, 5, 2, ——, 无) the parts add up to 9 where
    # 总计 is 无: 252 may as well be one cell beside two vanished blanks, so nothing is known
    assert _cells("0 —— 252 —— 无") == [None] * 7
    assert _cells("0 —— 无 0 89 无") == [None] * 7  # 8 + 9 is not 无 either


def test_vanished_blanks_leave_only_what_every_reading_shares() -> None:
    # 2 for 自然人, five blanks, 2 for 总计; the 2 could be any organisation's: total known
    assert _cells("22") == [None, None, None, None, None, None, "2"]
    # six zeros for seven cells: which one vanished (and whether 总计 did) is unknown
    assert _cells("0 00000") == [None] * 7


def test_the_fewest_blanks_are_assumed() -> None:
    # a blank-free cut exists: no reading with a vanished cell is considered
    assert _cells("12000120000000000", 15) == ["12", "0", "0", "0", "12"] + ["0"] * 10


def test_a_run_that_no_cut_makes_add_up_stays_unknown() -> None:
    assert _cells("3700000372") == [None] * 7
    assert _cells("2100310000000000", 15) == [None] * 15


def test_tabs_make_every_cell_explicit() -> None:
    run = "\t0\t13\t\t4\t17\t9\t\t0\t9\t18\t无\t0\t无\t——\t"
    tokens = tokens_of(run, 0, len(run))
    assert tokens is not None and len(tokens) == 15
    reading = read_row(tokens, 15, _SUMS15)
    assert [cell_of(run, c) for c in reading.cells][:5] == ["0", "13", "", "4", "17"]
    # a blank between tabs is never a vanished cell to search for
    short = "\t1\t\t1"
    short_tokens = tokens_of(short, 0, len(short))
    assert short_tokens is not None
    assert read_row(short_tokens, 7, _SUMS7).cells == (None,) * 7


def test_words_in_a_run_make_it_no_run() -> None:
    assert tokens_of("12 件 3", 0, 6) is None


@given(st.lists(st.integers(0, 120), min_size=6, max_size=6), st.randoms())
@settings(max_examples=150)
def test_a_glued_row_reads_back_or_stays_unknown_never_wrong(
    parts: list[int], rnd: random.Random
) -> None:
    values = [*parts, sum(parts)]  # 总计 = 自然人 + the five organisation columns
    # glue them, with a space between some cells
    run = "".join(str(v) + (" " if rnd.random() < 0.3 else "") for v in values)
    tokens = tokens_of(run, 0, len(run))
    assert tokens is not None
    reading = read_row(tokens, 7, _SUMS7)
    for cell, value in zip(reading.cells, values, strict=True):
        if cell is not None:
            assert cell is not BLANK
            assert cell_of(run, cell) == str(value)


# ------------------------------------------------------------------ whole tables


def _page(rows: dict[str, str], fmt: str, sep: str = "") -> str:
    """A one-line page with table 三 written from the form's rows: each label with its
    numbering, then its run (``rows[id]``, or all zeros)."""
    out = [
        "标题: 某局2022年政府信息公开工作年度报告",
        "==================== 正文 ====================",
    ]
    body = [
        "一、总体情况 本年度工作有序推进。",
        "二、主动公开政府信息情况 详见下表。",
        ONE_LINE_APPLICATIONS_HEAD,
    ]
    for row in APPLICATION_FORM:
        if fmt not in row.formats:
            continue
        run = "" if row.is_group or (row.id == "other" and fmt == "2021") else "0000000"
        body.append(row.numbering + row.labels[0] + sep + rows.get(row.id, run))
    body.append(ONE_LINE_REVIEWS_HEAD + " 0 1 1 0 2 1 0 0 0 1 0 0 0 0 0")
    body.append("五、存在的主要问题及改进情况 无。 六、其他需要报告的事项 无。")
    return "\n".join(out) + "\n" + sep.join(body)


def test_a_glued_one_line_table_is_read_by_its_labels() -> None:
    rows = {
        "new_received": "713000074",
        "carried_over": "1000001",
        "granted": "210000021",
        "partially_granted": "8100009",
        "unable.no_info": "370000037",
        "other.overdue_correction": "2000002",
        "other.other_reasons": "0200002",
        "total_processed": "723000075",
    }
    report = parse(_page(rows, "2021"))
    table = report.applications
    assert table is not None and table.era is Era.V2021
    assert table.row("new_received")["natural_person"].number == 71
    assert table.row("new_received")["commercial_enterprise"].number == 3
    assert table.row("new_received")["total"].number == 74
    assert table.row("granted")["total"].number == 21
    assert table.row("other.other_reasons")["commercial_enterprise"].number == 2
    assert table.row("total_processed")["total"].number == 75
    assert table.row("carried_forward")["total"].kind is ValueKind.ZERO
    assert table.missing == ()
    text = report.document.text
    for cell in table.cells:  # every value points at its characters
        span = cell.value.span
        assert span is not None and text[span.start : span.end] == cell.value.raw
    reviews = report.reviews
    assert reviews is not None
    assert [reviews.row(g)["total"].number for g in ("review", "litigation_direct")] == [2, 1]
    assert report.era is Era.V2021


def test_the_2019_form_has_one_row_other() -> None:
    report = parse(_page({"other": "1000001", "new_received": "1000001",
                          "total_processed": "1000001"}, "2019"))  # fmt: skip
    table = report.applications
    assert table is not None and table.era is Era.V2019
    assert table.row("other")["total"].number == 1
    assert "other.overdue_correction" not in table.row_ids


def test_labels_broken_over_lines_and_page_numbers_between_rows() -> None:
    page = _page({"new_received": "2 0 0 0 0 0 2", "granted": "2 0 0 0 0 0 2",
                  "total_processed": "2 0 0 0 0 0 2"}, "2021")  # fmt: skip
    # a PDF's text: the label of 三 one character a line, a page number between two rows
    page = page.replace("三、本年度办理结果", "三、\n本\n年\n度\n办\n理\n结\n果\n")
    page = page.replace("（二）部分公开", "\n- 3 -\n（二）部分\n公开")
    table = parse(page).applications
    assert table is not None
    assert table.row("granted")["total"].number == 2
    assert table.row("partially_granted")["total"].number == 0
    assert table.row("new_received")["total"].number == 2


def test_labels_apart_from_their_values_are_read_by_order_when_the_identities_hold() -> None:
    # text copied out of a PDF: one value a line, the labels of rows 二 to （二） printed
    # after the table's values; every identity of the form holds, so the order is the form's
    values = {
        "new_received": [3, 0, 0, 0, 0, 0, 3],
        "carried_over": [1, 0, 0, 0, 0, 0, 1],
        "granted": [2, 0, 0, 0, 0, 0, 2],
        "partially_granted": [1, 0, 0, 0, 0, 0, 1],
        "total_processed": [3, 0, 0, 0, 0, 0, 3],
        "carried_forward": [1, 0, 0, 0, 0, 0, 1],
    }
    apart = {"carried_over", "@results", "granted", "partially_granted"}
    lines = ["某局2022年政府信息公开工作年度报告", ONE_LINE_APPLICATIONS_HEAD]
    for row in APPLICATION_FORM:
        if row.id == "other":
            lines.append(row.numbering + row.labels[0])
            continue
        if row.id not in apart:
            lines.append(row.numbering + row.labels[0])
        if not row.is_group:
            lines.extend(str(v) for v in values.get(row.id, [0] * 7))
    lines.extend(r.numbering + r.labels[0] for r in APPLICATION_FORM if r.id in apart)
    lines.append(ONE_LINE_REVIEWS_HEAD)
    text = "\n\n".join(lines)
    table = parse(text).applications
    assert table is not None and table.missing == ()
    for row_id, expected in values.items():
        assert [table.row(row_id)[c].number for c in _COLUMNS] == expected
    # the same text with one value changed no longer satisfies the identities: not read so
    broken = text.replace("\n\n2\n\n0", "\n\n5\n\n0", 1)
    table = parse(broken).applications
    assert table is None or table.row("granted").get("total") is None


_COLUMNS = (
    "natural_person", "commercial_enterprise", "research_institution",
    "social_welfare_organization", "legal_service_organization", "other_organization", "total",
)  # fmt: skip


def test_a_numbering_written_twice_is_not_a_value() -> None:
    # corpus pingtan/019: '三三、本年度办理结果' after the run of row 二
    page = _page({"carried_over": "1000001", "total_processed": "1000001",
                  "granted": "1000001"}, "2021").replace("三、本年度", "三三、本年度")  # fmt: skip
    table = parse(page).applications
    assert table is not None
    assert table.row("carried_over")["total"].number == 1


# ------------------------------------------------------------------ flattened seeds


def _table_cells(report: object, table: str) -> dict[tuple[str, str], str]:
    grid = getattr(report, table)
    return {} if grid is None else {(c.row, c.column): c.value.raw.strip() for c in grid.cells}


_FLATTEN: dict[str, Callable[[str], str]] = {
    "glued": lambda text: "".join(text.split()),
    "one line": lambda text: " ".join(text.split()),
    "one cell a line": lambda text: text.replace("\t", "\n"),
}


def test_a_flattened_seed_reads_as_its_lines_do_or_not_at_all() -> None:
    """Metamorphic: the same report flattened three ways (the ways real pages come) gives
    no number its tab-separated lines do not give; where no cell vanished (seeds 003 and 004
    have no blank cell; 003 wraps a label after its values) it gives every one of them."""
    for name in ("003_6948b0465f2b12a3.txt", "004_9e680528c2d3989d.txt"):
        text = (SEEDS / name).read_text(encoding="utf-8")
        lines = parse(text)
        for how, flatten in _FLATTEN.items():
            flat = parse(flatten(text))
            for table in ("applications", "reviews"):
                want, got = _table_cells(lines, table), _table_cells(flat, table)
                assert want, (name, table)
                assert {k: v for k, v in got.items() if want.get(k) != v} == {}, (name, how)
                assert got == want, (name, how, table)


def test_on_a_one_line_page_a_table_row_numbered_like_a_section_is_no_section() -> None:
    # 四、结转下年度继续办理 (a row of table 三) comes before the section 四、…行政诉讼情况
    doc = parse(_page({}, "2021")).document
    marks = [s.heading.numbering.text for s in doc.sections() if s.level == 1]
    assert marks == ["一、", "二、", "三、", "四、", "五、", "六、"]
    titles = [s.title for s in doc.sections() if s.level == 1]
    assert titles[3].startswith("政府信息公开行政复议、行政诉讼情况")


def test_variants_of_the_forms_words() -> None:
    # （七）合计 for （七）总计; a table 四 head whose 复议后起诉 was written otherwise
    page = _page({"new_received": "1000001", "granted": "1000001"}, "2021")
    page = page.replace("（七）总计0000000", "（七）合计1000001").replace(
        "复议后起诉", "复议后诉讼"
    )
    report = parse(page)
    assert report.applications is not None
    assert report.applications.row("total_processed")["total"].number == 1
    assert report.reviews is not None
    assert report.reviews.row("review")["total"].number == 2


def test_a_table_four_whose_sums_fail_every_cut_is_there_with_its_cells_missing() -> None:
    # corpus pingtan/032: 17 digits for 15 cells, and no cut makes the three groups add up
    from opengov_report import check

    page = _page({}, "2021").replace(" 0 1 1 0 2 1 0 0 0 1 0 0 0 0 0", "00202000001324015")
    report = parse(page)
    table = report.reviews
    assert table is not None and table.cells == ()
    assert {m.reason for m in table.missing} == {"glued digits: no split adds up"}
    assert not [f for f in check(report, select=["O104"]) if "行政复议" in f.message]


def test_a_row_with_vanished_blanks_is_settled_by_the_column_identities() -> None:
    # 一 reads '3 1 4': which organisation column holds the 1 the row alone does not say;
    # 一 + 二 = （七） + 四 in every column does (（七） has it under 商业企业)
    rows = {
        "new_received": "3 1 4",
        "granted": "3100004",
        "total_processed": "3100004",
    }
    table = parse(_page(rows, "2021")).applications
    assert table is not None
    new = table.row("new_received")
    assert [new[c].raw for c in _COLUMNS] == ["3", "1", "", "", "", "", "4"]
    assert new["research_institution"].is_blank and new["commercial_enterprise"].number == 1
    # without a row that decides it, the 1 stays where the text left it: unknown
    table = parse(_page({"new_received": "3 1 4"}, "2021")).applications
    assert table is not None
    assert "commercial_enterprise" not in table.row("new_received")


def test_by_order_needs_the_column_identities_too() -> None:
    # every row still adds up to its 总计, but （七） is no longer the sum of the results
    values = {
        "new_received": [3, 0, 0, 0, 0, 0, 3],
        "total_processed": [3, 0, 0, 0, 0, 0, 3],
        "granted": [3, 0, 0, 0, 0, 0, 3],
        "partially_granted": [1, 0, 0, 0, 0, 0, 1],
    }
    lines = ["某局2022年政府信息公开工作年度报告", ONE_LINE_APPLICATIONS_HEAD]
    apart = {"carried_over", "@results", "granted", "partially_granted"}
    for row in APPLICATION_FORM:
        if row.id not in apart and row.id != "other":
            lines.append(row.numbering + row.labels[0])
        if not row.is_group and row.id != "other":
            lines.extend(str(v) for v in values.get(row.id, [0] * 7))
    lines.extend(r.numbering + r.labels[0] for r in APPLICATION_FORM if r.id in apart)
    lines.append(ONE_LINE_REVIEWS_HEAD)
    table = parse("\n\n".join(lines)).applications
    assert table is None or "granted" not in table.row_ids


def test_a_table_whose_six_does_not_tell_leaves_the_era_to_the_year() -> None:
    # a report on 2020 (the 2019 format by its year) whose table 三 comes from the stream with
    # a （六） row that holds nothing readable: the table signs no format, the year decides
    page = _page({"other": "", "new_received": "1000001", "granted": "1000001"}, "2019")
    page = page.replace("某局2022年", "某局2020年")
    report = parse(page)
    assert report.applications is not None
    assert report.era is Era.V2019
    assert not any("sub-rows" in e.reason for e in report.era_evidence)


def test_a_value_glued_to_the_next_numbering_keeps_its_digit() -> None:
    """``…⇥0⇥05、存在的主要问题``: no numbering starts with 0, so the run ends ``…⇥0⇥0`` and
    the numbering is 5 (the last cell is 0, not blank)."""
    values = " 0 1 1 0 2 1 0 0 0 1 0 0 0 0 0".replace(" ", "\t")
    page = _page({}, "2021").replace(" 0 1 1 0 2 1 0 0 0 1 0 0 0 0 0", values)
    page = page.replace("五、存在的主要问题", "5、存在的主要问题")
    table = parse(page).reviews
    assert table is not None and table.missing == ()
    cells = {(c.row, c.column): c.value for c in table.cells}
    assert cells["review", "total"].number == 2
    last = cells["litigation_after_review", "total"]
    assert last.kind is ValueKind.ZERO and last.raw == "0"
