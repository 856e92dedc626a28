"""The table finder's parts, each on a text written here by hand: the cells of a tab-separated
run, the number a cell counts for, where a run ends, squashed offsets and lines, and table 三
read by the order of its values (text copied out of a PDF).

Every expected value is read off the text the test writes (an offset counted in it, a number
printed in it) or follows from the form (format-spec §5: the rows of table 三 in printed
order, 一 + 二 = （七） + 四 and （七） = the sum of the results in every column).
"""

from __future__ import annotations

from typing import Any

import pytest

from opengov_report import parse
from opengov_report.document import Span
from opengov_report.model.era import Era
from opengov_report.model.forms import (
    APPLICATION_COLUMN_IDENTITIES,
    APPLICATION_FORM,
    ROW_SUMS_APPLICATIONS,
)
from opengov_report.model.tables import Missing, ReviewTable
from opengov_report.recognize import cell_runs
from opengov_report.recognize.cell_runs import (
    BLANK,
    RowReading,
    Token,
    cell_of,
    number_of,
    read_row,
    tokens_of,
)
from opengov_report.recognize.stream import (
    Squashed,
    _breaks,
    _identities_hold,
    _run_ends,
    _settle_by_columns,
    missing_reason,
    read_stream_tables,
)
from opengov_report.recognize.stream_labels import LABELS, find_label
from tests.forms import ONE_LINE_APPLICATIONS_HEAD, ONE_LINE_REVIEWS_HEAD

_COLUMNS = (
    "natural_person", "commercial_enterprise", "research_institution",
    "social_welfare_organization", "legal_service_organization", "other_organization", "total",
)  # fmt: skip

# ------------------------------------------------------------------ cells of a run


def test_tab_cells_keep_their_text_and_place() -> None:
    # "ab" then the run: a tab, 1, a tab, nothing (a blank cell), a tab, " 12 " (12 with
    # spaces around), a tab, 34 (the last cell, no tab after it)
    text = "ab\t1\t\t 12 \t34"
    tokens = tokens_of(text, 2, len(text))
    assert tokens == [
        Token("1", 3, 4),
        Token("", 5, 5),  # right after its tab
        Token("12", 7, 9),
        Token("34", 11, 13),
    ]
    assert [text[t.start : t.end] for t in tokens] == ["1", "", "12", "34"]


def test_the_last_tab_cell_is_read_to_the_end_of_the_run() -> None:
    text = "\t1\t2\t3\t4\t5\t6\t21"
    tokens = tokens_of(text, 0, len(text))
    assert tokens is not None
    assert [t.text for t in tokens] == ["1", "2", "3", "4", "5", "6", "21"]


def test_a_mark_counts_zero_in_the_sums_and_a_number_its_value() -> None:
    text = "无 —— 12 0"
    assert number_of(text, (0, 1)) == 0  # 无
    assert number_of(text, (2, 4)) == 0  # ——
    assert number_of(text, (5, 7)) == 12
    assert number_of(text, (8, 9)) == 0
    assert number_of(text, BLANK) == 0
    assert number_of(text, None) is None


def test_a_number_grouped_by_thousands_counts_its_value_whatever_its_comma() -> None:
    text = "1,234 1，234 12,345,678"
    assert number_of(text, (0, 5)) == 1234
    assert number_of(text, (6, 11)) == 1234  # a full-width comma, as Chinese text writes it
    assert number_of(text, (12, 22)) == 12345678


def test_why_a_cell_stays_missing() -> None:
    assert missing_reason(RowReading((None,) * 7, True, 2)) == "glued digits: ambiguous split"
    assert missing_reason(RowReading((None,) * 7, True, 0)) == "glued digits: no split adds up"
    assert missing_reason(RowReading((None,) * 7, False, 0)) == "unresolved"


def test_a_run_ends_at_the_first_character_that_is_no_value() -> None:
    text = "0 1 2 X"
    assert _run_ends(Squashed(text), 0) == (6,)  # at the X
    # a numbering follows (五、): the spaced run ends before the 5 that numbers it
    text = "0 1 2 5、存在的问题"
    assert _run_ends(Squashed(text), 0) == (6,)


# ------------------------------------------------------------------ squashed text


def test_squashed_offsets_and_lines() -> None:
    s = Squashed(" ab\ncd")
    assert s.sq == "abcd"
    assert s.end_offset(0) == 0
    assert s.end_offset(2) == 3  # after the b
    assert s.offset(2) == 4  # the c
    assert s.span(1, 2) == Span(1, 2, 1, 2)
    assert s.span(4, 5) == Span(4, 5, 2, 1)
    assert Squashed("x\ny\nz").span(4, 5) == Span(4, 5, 3, 1)


# ------------------------------------------------------------------ column identities

#: a text whose digits the readings below point at: position i holds the digit i % 10
_DIGITS = "0123456789" * 3


def _row(*cells: int | None) -> RowReading:
    """A reading whose cells are the single digits at those positions of ``_DIGITS``."""
    return RowReading(tuple(None if c is None else (c, c + 1) for c in cells), True, 1)


def test_a_column_identity_breaks_where_both_sides_are_known() -> None:
    identities = ((("new_received", "carried_over"), ("total_processed", "carried_forward")),)
    known = {"new_received": 3, "carried_over": 1, "total_processed": 2, "carried_forward": 2}

    def cell(row: str, column: int) -> tuple[int, int] | None:
        # column 0 leaves 二 unknown; column 1 is known and breaks (3 + 1 ≠ 2 + 1)
        if column == 0 and row == "carried_over":
            return None
        if column == 1 and row == "carried_forward":
            return (1, 2)
        return (known[row], known[row] + 1) if column < 2 else (0, 1)

    assert _breaks(_DIGITS, identities, cell)
    # every known cell 0, nothing breaks: the unknown of column 0 decides nothing

    def holding(row: str, column: int) -> tuple[int, int] | None:
        return None if (column, row) == (0, "carried_over") else (0, 1)

    assert not _breaks(_DIGITS, identities, holding)


def _grid(fmt: str, total_of_granted: int) -> dict[str, RowReading]:
    """Readings of table 三 where every column identity holds: 予以公开 2 (自然人), （七） 2,
    一 2; ``total_of_granted`` is what 予以公开's 总计 reads."""
    zero = _row(*([0] * 7))
    readings = {row.id: zero for row in APPLICATION_FORM if not row.is_group}
    readings["granted"] = _row(2, 0, 0, 0, 0, 0, total_of_granted)
    readings["total_processed"] = _row(2, 0, 0, 0, 0, 0, total_of_granted)
    readings["new_received"] = _row(2, 0, 0, 0, 0, 0, total_of_granted)
    return readings


def test_every_row_total_must_hold_for_the_identities_to_hold() -> None:
    assert _identities_hold(_DIGITS, _grid("2021", 2), "2021")
    # 予以公开 总计 3 against 2 in its six columns: the columns still agree (一, （七） and
    # 予以公开 all say 3 in 总计), the row does not
    assert not _identities_hold(_DIGITS, _grid("2021", 3), "2021")


def test_a_row_is_settled_by_the_columns_where_the_other_rows_decide() -> None:
    # 一 read two ways (its 1 under 商业企业 or under 科研机构); （七） has it under 商业企业
    def readings() -> dict[str, RowReading]:
        return {
            "new_received": RowReading(
                (None,) * 7,
                True,
                2,
                (((3, 4), (1, 2), BLANK, BLANK, BLANK, BLANK, (4, 5)),
                 ((3, 4), BLANK, (1, 2), BLANK, BLANK, BLANK, (4, 5))),
            ),
            "carried_over": _row(0, 0, 0, 0, 0, 0, 0),
            "total_processed": _row(3, 1, 0, 0, 0, 0, 4),
            "carried_forward": _row(0, 0, 0, 0, 0, 0, 0),
        }  # fmt: skip

    settled = readings()
    _settle_by_columns(_DIGITS, settled, "2021")
    assert settled["new_received"].cells == ((3, 4), (1, 2), BLANK, BLANK, BLANK, BLANK, (4, 5))
    # without row 二 (not read), 一 + 二 decides nothing: 一 stays unsettled
    unread = readings()
    del unread["carried_over"]
    _settle_by_columns(_DIGITS, unread, "2021")
    assert unread["new_received"].cells == (None,) * 7
    # the form's identity the settling used: 一 + 二 = （七） + 四 (either side first)
    assert set(map(frozenset, APPLICATION_COLUMN_IDENTITIES["2021"][0])) == {
        frozenset({"new_received", "carried_over"}),
        frozenset({"total_processed", "carried_forward"}),
    }


# ------------------------------------------------------------------ whole tables

#: table 三 of the example: 3 new (自然人), 1 carried over, 2 granted, 1 partly, 1 carried
#: forward; every identity of the form holds
_VALUES = {
    "new_received": [3, 0, 0, 0, 0, 0, 3],
    "carried_over": [1, 0, 0, 0, 0, 0, 1],
    "granted": [2, 0, 0, 0, 0, 0, 2],
    "partially_granted": [1, 0, 0, 0, 0, 0, 1],
    "total_processed": [3, 0, 0, 0, 0, 0, 3],
    "carried_forward": [1, 0, 0, 0, 0, 0, 1],
}
_APART = {"carried_over", "@results", "granted", "partially_granted"}


def _by_order_text(fmt: str, after: str = ONE_LINE_REVIEWS_HEAD) -> str:
    """Table 三 of format ``fmt`` copied out of a PDF: one value a line, the labels of rows
    二 to （二） printed after all the values, then ``after``."""
    lines = ["某局2022年政府信息公开工作年度报告", ONE_LINE_APPLICATIONS_HEAD]
    for row in APPLICATION_FORM:
        if fmt not in row.formats:
            continue
        if row.id not in _APART:
            lines.append(row.numbering + row.labels[0])
        if not row.is_group and not (fmt == "2021" and row.id == "other"):
            lines.extend(str(v) for v in _VALUES.get(row.id, [0] * 7))
    lines.extend(r.numbering + r.labels[0] for r in APPLICATION_FORM if r.id in _APART)
    lines.append(after)
    return "\n\n".join(lines)


def _read_as_values(text: str, era: Era) -> None:
    table = parse(text).applications
    assert table is not None and table.missing == ()
    assert table.era is era
    for row_id, expected in _VALUES.items():
        assert [table.row(row_id)[c].number for c in _COLUMNS] == expected
    # no label stands beside a value read by order; each is placed by the form's identities
    for cell in table.cells:
        assert (cell.row_label, cell.column_label, cell.recovered) == ("", None, True)


def test_by_order_without_a_table_four() -> None:
    _read_as_values(_by_order_text("2021", after="五、存在的主要问题及改进情况 无。"), Era.V2021)


def test_by_order_in_the_2019_form() -> None:
    # the 2019 form: （六） one row, 22 rows of values; read by order as the 2019 form
    _read_as_values(_by_order_text("2019"), Era.V2019)


def test_by_order_stops_at_the_first_table_four_head() -> None:
    # 行政复议 and 复议后起诉 named again after table 四's spaced values: those values are
    # not table 三's
    after = (
        ONE_LINE_REVIEWS_HEAD
        + " 0 1 1 0 2 1 0 0 0 1 0 0 0 0 0 五、存在的主要问题 行政复议 2 件，复议后起诉 1 件"
    )
    _read_as_values(_by_order_text("2021", after=after), Era.V2021)


def test_by_order_stops_at_a_head_that_lost_its_first_words() -> None:
    # table 四 whose head lost 行政复议 (a page break): it starts at 复议后起诉
    after = "未经复议直接起诉复议后起诉 结果维持 0 1 1 0 2 1 0 0 0 1 0 0 0 0 0"
    _read_as_values(_by_order_text("2021", after=after), Era.V2021)


def test_a_table_labelled_in_the_2021_form_is_not_read_by_order_as_the_2019_one() -> None:
    # the 2019 form's values by order (22 rows), but the labels of （六）'s three 2021 sub-rows
    # printed too: the table is the 2021 form's, whose 24 rows these values do not fill
    sub_rows = "".join(
        f"\n\n{row.numbering}{row.labels[0]}"
        for row in APPLICATION_FORM
        if row.id.startswith("other.")
    )
    text = _by_order_text("2019").replace("（六）其他处理", "（六）其他处理" + sub_rows, 1)
    assert "3.其他" in text
    table = parse(text).applications
    assert table is None or table.era is Era.V2021


def test_a_note_after_a_label_is_not_the_row_s_values() -> None:
    # （二）部分公开 with a note of the report's own wording, then its values, on one line
    text = _glued_page({"partially_granted": " 1 0 0 0 0 0 1"}).replace(
        "部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开（含区分处理）"
    )
    assert "（二）部分公开（含区分处理） 1 0 0 0 0 0 1" in text
    table = read_stream_tables(text, Era.V2021).applications
    assert table is not None and table.missing == ()
    assert [table.row("partially_granted")[c].number for c in _COLUMNS] == [1, 0, 0, 0, 0, 0, 1]


def test_a_table_read_by_order_starts_at_its_first_label() -> None:
    text = _by_order_text("2021")
    table = parse(text).applications
    assert table is not None and table.unrecognized == ()
    start = text.index("本年新收政府信息公开申请数量")  # the label's words, after 一、
    line_start = text.rindex("\n", 0, start) + 1
    assert table.span == Span(start, start, text.count("\n", 0, start) + 1, start - line_start + 1)


# ------------------------------------------------------------------ table 四 from the stream

#: table 四's fifteen cells in printed order
_FLAT = [
    (group, column)
    for group in ("review", "litigation_direct", "litigation_after_review")
    for column in ("upheld", "corrected", "other", "pending", "total")
]


def _table_four(run: str) -> tuple[str, ReviewTable | None]:
    text = (
        "某局2022年政府信息公开工作年度报告\n"
        + ONE_LINE_REVIEWS_HEAD
        + run
        + "\n五、存在的主要问题"
    )
    return text, read_stream_tables(text, Era.V2021).reviews


def test_table_four_spaced_values_each_a_cell() -> None:
    text, table = _table_four(" 0 1 1 0 2 1 0 0 0 1 0 0 0 0 0")
    assert table is not None
    assert [table.row(g)[c].raw for g, c in _FLAT] == list("011021000100000")
    assert (table.missing, table.unrecognized) == ((), ())
    for cell in table.cells:
        assert (cell.row_label, cell.column_label, cell.recovered) == ("", None, False)
    start = text.index(" 0 1 1")  # where the head ends
    assert table.span == Span(start, start, 2, start - text.index("\n"))


def test_table_four_glued_one_digit_a_cell_is_recovered() -> None:
    _, table = _table_four(" 011021000100000")
    assert table is not None and table.missing == ()
    assert [table.row(g)[c].raw for g, c in _FLAT] == list("011021000100000")
    assert all(cell.recovered is True for cell in table.cells)


def test_table_four_whose_cut_no_sum_allows_keeps_every_cell_missing() -> None:
    # 17 digits for 15 cells; no cut makes each 总计 the sum of its four
    _, table = _table_four(" 00202000001324015")
    assert table is not None and table.cells == ()
    assert table.missing == tuple(Missing(g, c, "glued digits: no split adds up") for g, c in _FLAT)


def test_table_four_one_cell_vanished_keeps_what_every_reading_shares() -> None:
    # 14 values for 15 cells: the sums place the gap in the last group, not which cell it is
    _, table = _table_four(" 1 1 0 0 2 1 0 0 0 1 0 0 0 0")
    assert table is not None
    assert [table.row(g)[c].raw for g, c in _FLAT[:10]] == list("1100210001")
    assert table.missing == tuple(
        Missing("litigation_after_review", c, "glued digits: ambiguous split")
        for _, c in _FLAT[10:]
    )


def test_table_four_of_marks() -> None:
    # 无 in every one of the fifteen cells: a table, with nothing to count
    _, table = _table_four(" " + " ".join("无" * 15))
    assert table is not None
    assert [table.row(g)[c].raw for g, c in _FLAT] == ["无"] * 15
    # eight dashes after the head: no table of fifteen cells
    _, table = _table_four(" " + " ".join(["——"] * 8))
    assert table is None


# ------------------------------------------------------------------ rows of a glued page


def _glued_page(rows: dict[str, str], fmt: str = "2021", zeros: str = " 0 0 0 0 0 0 0") -> str:
    """Table 三 of ``fmt``'s form on one line: each row's numbering and label, then its run
    (``rows[id]``, else ``zeros``); group rows carry no run.  No label of table 二 is
    written, so nothing in the text signs an era."""
    body = [ONE_LINE_APPLICATIONS_HEAD]
    for row in APPLICATION_FORM:
        if fmt not in row.formats:
            continue
        group = row.is_group or (row.id == "other" and fmt == "2021")
        body.append(row.numbering + row.labels[0] + ("" if group else rows.get(row.id, zeros)))
    return "某局2022年政府信息公开工作年度报告\n" + "".join(body)


def test_a_row_of_marks_keeps_every_mark() -> None:
    # 无 in every cell of a row whose label holds 无 (申请人无正当理由逾期不补正…)
    text = _glued_page({"other.overdue_correction": " 无 无 无 无 无 无 无"})
    table = read_stream_tables(text, Era.V2021).applications
    assert table is not None
    assert [table.row("other.overdue_correction")[c].raw for c in _COLUMNS] == ["无"] * 7


def test_a_row_with_no_values_has_its_cells_missing() -> None:
    # 1.属于国家秘密 followed at once by 2.其他法律行政法规禁止公开: a run of no values (not
    # words), each of its cells missing
    text = _glued_page({"denied.state_secret": ""})
    table = read_stream_tables(text, Era.V2021).applications
    assert table is not None
    assert "denied.state_secret" not in table.row_ids
    assert {(m.row, m.column, m.reason) for m in table.missing} == {
        ("denied.state_secret", c, "unresolved") for c in _COLUMNS
    }


def test_a_text_that_ends_with_a_label() -> None:
    text = _glued_page({"carried_forward": ""})
    assert text.endswith("结转下年度继续办理")
    table = read_stream_tables(text, Era.V2021).applications
    assert table is not None
    assert table.row("total_processed")["total"].raw == "0"
    assert "carried_forward" not in table.row_ids


def test_page_numbers_inside_a_run_are_not_values() -> None:
    for page_number in ("第 3 页", "— 3 —"):
        text = _glued_page({"granted": f" 2 0 0 0\n{page_number}\n0 0 2"})
        table = read_stream_tables(text, Era.V2021).applications
        assert table is not None
        assert [table.row("granted")[c].raw for c in _COLUMNS] == list("2000002"), page_number


def test_a_row_not_found_or_not_values_is_missing_whole() -> None:
    # 2.重复申请 not in the text at all; 3.要求提供公开出版物 followed by words
    text = _glued_page({"not_processed.publication": " 见附件"}).replace(
        "2.重复申请 0 0 0 0 0 0 0", ""
    )
    table = read_stream_tables(text, Era.V2021).applications
    assert table is not None and table.unrecognized == ()
    missing = {(m.row, m.column, m.reason) for m in table.missing}
    assert missing == {
        ("not_processed.repeat", None, "not found"),
        ("not_processed.publication", None, "unreadable"),
    }
    # the cells read carry the form's label of their row, and are not recovered (spaced)
    granted = [c for c in table.cells if c.row == "granted"]
    assert {(c.row_label, c.column_label, c.recovered) for c in granted} == {
        ("予以公开", None, False)
    }
    start = text.index("本年新收政府信息公开申请数量")  # the first label's words
    assert table.span == Span(start, start, 2, start - text.index("\n"))


def test_a_vanished_cell_is_placed_at_its_run() -> None:
    # 一 reads '3 1 4' (自然人 3, 商业企业 1, 总计 4), settled by （七）
    text = _glued_page(
        {"new_received": " 3 1 4", "granted": " 3 1 0 0 0 0 4", "total_processed": " 3 1 0 0 0 0 4"}
    )
    table = read_stream_tables(text, Era.V2021).applications
    assert table is not None
    row = table.row("new_received")
    assert [row[c].raw for c in _COLUMNS] == ["3", "1", "", "", "", "", "4"]
    at = text.index(" 3 1 4") + 1  # the run's first value
    spans = [row[c].span for c in _COLUMNS[2:6]]
    assert [s.start if s is not None else None for s in spans] == [at] * 4
    assert all(c.recovered for c in table.cells if c.row == "new_received")


def test_digits_before_a_numbering_mark_are_the_numbering() -> None:
    # "12 、": the section 12 after a spaced run, a space before its 、
    assert _run_ends(Squashed("0 1 2 12 、存在的问题"), 0) == (6,)


def test_a_row_is_settled_by_the_identities_it_is_in_and_only_those() -> None:
    # 一 read two ways (its 1 under 商业企业 or 科研机构), （七） 3 1 0 0 0 0 4: 一 + 二 =
    # （七） + 四 keeps the first.  The results add up to 2, not to （七）'s 4 (a report's own
    # error): that identity has no 一 in it and settles nothing of 一's
    zero = _row(*([0] * 7))
    one_way = ((3, 4), (1, 2), BLANK, BLANK, BLANK, BLANK, (4, 5))
    other_way = ((3, 4), BLANK, (1, 2), BLANK, BLANK, BLANK, (4, 5))
    readings = {
        "new_received": RowReading((None,) * 7, True, 2, (one_way, other_way)),
        "carried_over": zero,
        **dict.fromkeys(_RESULTS_2021, zero),
        "total_processed": _row(3, 1, 0, 0, 0, 0, 4),
        "carried_forward": zero,
    }
    readings["granted"] = _row(2, 0, 0, 0, 0, 0, 2)
    _settle_by_columns(_DIGITS, readings, "2021")
    assert readings["new_received"] == RowReading(one_way, True, 1, (one_way,))
    # （七） read the two ways, the others decided (一 3 1 0 0 0 0 4, the results not read):
    # 一 + 二 = （七） + 四, with （七） on its left side, keeps the first
    readings = {
        "new_received": _row(3, 1, 0, 0, 0, 0, 4),
        "carried_over": zero,
        "total_processed": RowReading((None,) * 7, True, 2, (one_way, other_way)),
        "carried_forward": zero,
    }
    _settle_by_columns(_DIGITS, readings, "2021")
    assert readings["total_processed"] == RowReading(one_way, True, 1, (one_way,))


def test_a_row_settled_lets_another_settle_in_a_second_pass() -> None:
    # 一 read two ways (its 1 under 商业企业 or 科研机构) and （七） too; the results decide
    # （七） (identity 2), and only then （七） decides 一 (identity 1), though 一 comes first
    zero = _row(*([0] * 7))
    one_way = ((3, 4), (1, 2), BLANK, BLANK, BLANK, BLANK, (4, 5))
    other_way = ((3, 4), BLANK, (1, 2), BLANK, BLANK, BLANK, (4, 5))
    readings = {
        "new_received": RowReading((None,) * 7, True, 2, (one_way, other_way)),
        "carried_over": zero,
        **dict.fromkeys(_RESULTS_2021, zero),
        "total_processed": RowReading((None,) * 7, True, 2, (one_way, other_way)),
        "carried_forward": zero,
    }
    readings["granted"] = _row(3, 1, 0, 0, 0, 0, 4)
    _settle_by_columns(_DIGITS, readings, "2021")
    for row in ("total_processed", "new_received"):
        assert readings[row] == RowReading(one_way, True, 1, (one_way,)), row


def _joint_readings(text: str, runs: dict[str, str]) -> dict[str, RowReading]:
    """Each row's reading of its run (the first place of the run in ``text``), by the row's
    总计 (format-spec §5: the six applicant columns add up to 总计)."""
    out = {}
    for row, run in runs.items():
        at = text.index(run)
        tokens = tokens_of(text, at, at + len(run))
        assert tokens is not None
        out[row] = read_row(tokens, 7, ROW_SUMS_APPLICATIONS)
    return out


def _numbers(text: str, reading: RowReading) -> list[str | None]:
    return [cell_of(text, c) for c in reading.cells]


def test_rows_that_settle_only_together_are_settled_jointly() -> None:
    # 一 glued 123001016: 1 2 3 0 0 10 | 16 or 12 3 0 0 1 0 | 16 (the six parts add up to 16
    # either way); （七） glued 124001017: 1 2 4 0 0 10 | 17 or 12 4 0 0 1 0 | 17; 二 reads
    # 0 0 1 0 0 0 | 1, 四 0 everywhere.  一 + 二 = （七） + 四 in every column holds for one
    # pair only: 1 2 3 0 0 10 16 + 0 0 1 0 0 0 1 = 1 2 4 0 0 10 17 (12 3 … + 二 is 12 3 1 …,
    # which no reading of （七） is).  Neither row settles alone: the other's 自然人 is open
    text = "123001016 0 0 1 0 0 0 1 124001017 0 0 0 0 0 0 0"
    runs = {
        "new_received": "123001016",
        "carried_over": "0 0 1 0 0 0 1",
        "total_processed": "124001017",
        "carried_forward": "0 0 0 0 0 0 0",
    }
    readings = _joint_readings(text, runs)
    assert readings["new_received"].readings == 2
    assert readings["total_processed"].readings == 2
    _settle_by_columns(text, readings, "2021")
    assert _numbers(text, readings["new_received"]) == ["1", "2", "3", "0", "0", "10", "16"]
    assert _numbers(text, readings["total_processed"]) == ["1", "2", "4", "0", "0", "10", "17"]
    for row in ("new_received", "total_processed"):
        assert readings[row].readings == 1
        assert readings[row].options == (readings[row].cells,)
        assert readings[row].recovered  # the cells were cut out of glued digits
    # 二 0 0 0 0 0 1 | 1 instead: 一 + 二 is 1 2 3 0 0 11 | 17 or 12 3 0 0 1 1 | 17, neither
    # a reading of （七）: no pair holds, and nothing is settled
    text = "123001016 0 0 0 0 0 1 1 124001017 0 0 0 0 0 0 0"
    readings = _joint_readings(text, {**runs, "carried_over": "0 0 0 0 0 1 1"})
    _settle_by_columns(text, readings, "2021")
    assert readings["new_received"].readings == 2
    assert readings["total_processed"].readings == 2


def test_one_pair_among_three_readings_settles_both_and_two_pairs_settle_neither() -> None:
    # 一 glued 123001016 as above; 二 0 0 0 0 1 0 | 1; （七） glued 123011017: 1 2 3 0 1 10 |
    # 17, 1 2 3 0 11 0 | 17 or 12 3 0 1 1 0 | 17.  Only 1 2 3 0 0 10 16 + 二 = 1 2 3 0 1 10
    # 17 holds: both settle.  With 二 0 0 0 0 0 0 | 0 and （七） glued 123001016 like 一, two
    # pairs hold (each reading with itself): 一 is not the same in both, neither settles
    text = "123001016 0 0 0 0 1 0 1 123011017 0 0 0 0 0 0 0"
    runs = {
        "new_received": "123001016",
        "carried_over": "0 0 0 0 1 0 1",
        "total_processed": "123011017",
        "carried_forward": "0 0 0 0 0 0 0",
    }
    readings = _joint_readings(text, runs)
    assert readings["total_processed"].readings == 3
    _settle_by_columns(text, readings, "2021")
    assert _numbers(text, readings["new_received"]) == ["1", "2", "3", "0", "0", "10", "16"]
    assert _numbers(text, readings["total_processed"]) == ["1", "2", "3", "0", "1", "10", "17"]
    text = "123001016 0 0 0 0 0 0 0 123001016 0 0 0 0 0 0 0"
    readings = _joint_readings(
        text,
        {**runs, "carried_over": "0 0 0 0 0 0 0", "total_processed": "123001016"},
    )
    _settle_by_columns(text, readings, "2021")
    for row in ("new_received", "total_processed"):
        assert readings[row].readings == 2, row
        assert _numbers(text, readings[row])[6] == "16"  # what both readings share
        assert _numbers(text, readings[row])[0] is None


def test_a_row_settled_jointly_lets_another_settle_alone_in_the_next_pass() -> None:
    # 一 and （七） settled together as in the test above (1 2 3 0 0 10 | 16 and 1 2 4 0 0 10
    # | 17); 予以公开 glued 124001017 like （七） (read two ways), every other result 0:
    # （七） = the sum of the results then decides 予以公开, 1 2 4 0 0 10 | 17
    text = "123001016 0 0 1 0 0 0 1 124001017 0 0 0 0 0 0 0"
    runs = {
        "new_received": "123001016",
        "carried_over": "0 0 1 0 0 0 1",
        "total_processed": "124001017",
        "carried_forward": "0 0 0 0 0 0 0",
        **dict.fromkeys(_RESULTS_2021, "0 0 0 0 0 0 0"),
        "granted": "124001017",
    }
    readings = _joint_readings(text, runs)
    assert readings["granted"].readings == 2
    _settle_by_columns(text, readings, "2021")
    assert _numbers(text, readings["total_processed"]) == ["1", "2", "4", "0", "0", "10", "17"]
    assert _numbers(text, readings["granted"]) == ["1", "2", "4", "0", "0", "10", "17"]


def _two_digit_options(pairs: list[tuple[int, int]]) -> RowReading:
    """A row read as many ways as ``pairs``: (自然人, 商业企业) the digits of each pair (their
    places in ``_DIGITS``), the other cells blank."""
    options = tuple(((a, a + 1), (b, b + 1), *(BLANK,) * 5) for a, b in pairs)
    return RowReading((None, None, *(BLANK,) * 5), True, len(options), options)


def test_rows_are_settled_jointly_up_to_256_combinations_of_their_readings() -> None:
    # 一 read 16 ways ((自然人, 商业企业) from (1, 1) to (4, 4)), （七） 16 ways ((4, 4), and
    # (5 to 9, 1 to 3)); 二 and 四 0: 一 = （七） in every column holds for (4, 4) alone.
    # 16 × 16 = 256 combinations are tried (at most _JOINT_LIMIT): both rows settle
    ones = [(a, b) for a in range(1, 5) for b in range(1, 5)]
    sevens = [(4, 4), *((a, b) for a in range(5, 10) for b in range(1, 4))]
    zero = _row(*([0] * 7))

    def readings(ones: list[tuple[int, int]]) -> dict[str, RowReading]:
        return {
            "new_received": _two_digit_options(ones),
            "carried_over": zero,
            "total_processed": _two_digit_options(sevens),
            "carried_forward": zero,
        }

    settled = readings(ones)
    _settle_by_columns(_DIGITS, settled, "2021")
    for row in ("new_received", "total_processed"):
        assert settled[row].cells == ((4, 5), (4, 5), *(BLANK,) * 5), row
    # 一 read one way more ((5, 4), no reading of （七）): 17 × 16 = 272 combinations, more
    # than are tried: neither row settles
    unsettled = readings([*ones, (5, 4)])
    _settle_by_columns(_DIGITS, unsettled, "2021")
    for row in ("new_received", "total_processed"):
        assert unsettled[row].cells[:2] == (None, None), row


def test_rows_are_settled_jointly_by_any_identity_of_the_form() -> None:
    # （七） read (自然人, 商业企业) (1, 2) or (2, 1), 予以公开 (1, 2) or (3, 3), every other
    # result 0: （七） = the sum of the results holds for (1, 2) with (1, 2) alone.  二 is not
    # read, so 一 + 二 = （七） + 四, tried first, decides nothing
    zero = _row(*([0] * 7))
    readings = {
        "new_received": _row(3, 0, 0, 0, 0, 0, 3),
        **dict.fromkeys(_RESULTS_2021, zero),
        "granted": _two_digit_options([(1, 2), (3, 3)]),
        "total_processed": _two_digit_options([(1, 2), (2, 1)]),
        "carried_forward": zero,
    }
    _settle_by_columns(_DIGITS, readings, "2021")
    for row in ("granted", "total_processed"):
        assert readings[row].cells == ((1, 2), (2, 3), *(BLANK,) * 5), row


#: the results of the 2021 form, in printed order
_RESULTS_2021 = tuple(
    row.id
    for row in APPLICATION_FORM
    if not row.is_group
    and row.id
    not in ("new_received", "carried_over", "total_processed", "carried_forward", "other")
)


def test_the_format_table_two_signs_decides_table_three_s_rows() -> None:
    # the 2021 form's table 二 head (本年制发件数) on a page said to be of the 2019 era:
    # table 三 is read with （六）'s three sub-rows
    text = "本年制发件数 3\n" + _glued_page({"other.overdue_fee": " 1 0 0 0 0 0 1"})
    found = read_stream_tables(text, Era.V2019)
    assert found.era_sign == (Era.V2021, Span(0, 6, 1, 1))
    assert found.applications is not None and found.applications.era is Era.V2021
    assert found.applications.row("other.overdue_fee")["total"].raw == "1"
    # the 2019 head (本年新制作数量) on a page said to be of the 2021 era, whose （六） holds
    # nothing readable: the sign decides the 2019 form
    page = _glued_page({}).replace("（六）其他处理", "（六）其他处理 见说明")
    text = "说明：本年新制作数量 5，本年新制作数量 6\n" + page
    found = read_stream_tables(text, Era.V2021)
    start = text.index("本年新制作数量")
    assert found.era_sign == (Era.V2019, Span(start, start + 7, 1, start + 1))
    assert found.applications is not None and found.applications.era is Era.V2019


def test_a_label_cut_short_is_found_by_its_first_words() -> None:
    # 一、本年新收政府信息公开申请 (数量 lost), and the short form cut: 本年新收申请
    for label in ("本年新收政府信息公开申请", "本年新收申请"):
        text = _glued_page({"new_received": " 3 0 0 0 0 0 3"}).replace(
            "本年新收政府信息公开申请数量", label
        )
        table = read_stream_tables(text, Era.V2021).applications
        assert table is not None
        assert [table.row("new_received")[c].raw for c in _COLUMNS] == list("3000003"), label
    # changed at its end (数量 → 件数): the row is found, its run starts with words
    text = _glued_page({}).replace("本年新收政府信息公开申请数量", "本年新收政府信息公开申请件数")
    table = read_stream_tables(text, Era.V2021).applications
    assert table is not None
    assert Missing("new_received", None, "unreadable") in table.missing


def test_a_text_that_starts_with_the_first_label() -> None:
    text = _glued_page({"new_received": " 3 0 0 0 0 0 3"})
    text = text[text.index("本年新收政府信息公开申请数量") :]
    table = read_stream_tables(text, Era.V2021).applications
    assert table is not None
    assert [table.row("new_received")[c].raw for c in _COLUMNS] == list("3000003")


def test_the_first_label_met_twice_in_prose_before_the_table() -> None:
    prose = (
        "一、总体情况 本年新收政府信息公开申请数量较上年有所增加。"
        + "本局坚持以公开为常态、不公开为例外，" * 8
        + "本年新收政府信息公开申请数量中自然人占多数。"
        + "本局进一步规范依申请公开工作流程，" * 8
        + "\n"
    )
    text = prose + _glued_page({"new_received": " 3 0 0 0 0 0 3"})
    table = read_stream_tables(text, Era.V2021).applications
    assert table is not None
    assert [table.row("new_received")[c].raw for c in _COLUMNS] == list("3000003")


def test_squashed_offsets_at_the_edges() -> None:
    s = Squashed(" ab ")
    assert s.end_offset(1) == 2  # after the a
    assert s.offset(2) == 4  # past the end: the end of the text


def test_more_readings_than_the_search_keeps_leave_the_run_unknown() -> None:
    # twelve 0s for table 四's fifteen cells: every sum is 0, so any three cells may be the
    # ones that vanished; the first readings found all put them last, which says nothing
    sums = (((0, 1, 2, 3), 4), ((5, 6, 7, 8), 9), ((10, 11, 12, 13), 14))
    for run in ("0" * 12, " ".join("0" * 12)):
        tokens = tokens_of(run, 0, len(run))
        assert tokens is not None
        reading = read_row(tokens, 15, sums)
        assert reading.cells == (None,) * 15, run
        assert reading.options == ()
        assert reading.readings > 1
    # after table 四's head: no cell known, fewer characters than cells, so no table (where
    # eight cells were once read as 0)
    assert _table_four(" " + "0" * 12)[1] is None


def test_what_a_run_says_of_its_row() -> None:
    s7 = (((0, 1, 2, 3, 4, 5), 6),)

    def reading(run: str, budget: int = 40_000) -> RowReading:
        tokens = tokens_of(run, 0, len(run))
        assert tokens is not None
        return read_row(tokens, 7, s7, budget=budget)

    unknown = (None,) * 7
    # no values: nothing known, nothing cut
    assert read_row([], 7, s7) == RowReading(unknown, False, 0)
    # one token a cell: read as written, one reading, not recovered
    direct = ((0, 1), (2, 3), (4, 5), (6, 7), (8, 9), (10, 11), (12, 13))
    assert reading("3 1 0 0 0 0 4") == RowReading(direct, False, 1, (direct,))
    # cells between tabs that do not fit the columns: not ours to resolve
    assert reading("\t1\t\t1") == RowReading(unknown, False, 0)
    # one character a cell, a mark one cell too: cut out of the run
    one_each = ((0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7))
    assert reading("无100001") == RowReading(one_each, True, 1, (one_each,))
    # more tokens than cells: no reading, nothing cut
    assert reading("1 1 1 1 1 1 1 1") == RowReading(unknown, False, 0)
    # no cut adds up: cut in vain
    assert reading("3700000372") == RowReading(unknown, True, 0)
    # as many characters as cells or more: no cell vanished, even where a blank would add up
    # (10, four 0s, a vanished cell and 10)
    assert reading("10 0 0 0 0 10") == RowReading(unknown, True, 0)
    # the search out of budget: unknown
    assert reading("2932530061 43050", budget=10) == RowReading(unknown, True, 0)


def test_more_blanks_are_tried_when_the_fewest_give_no_reading() -> None:
    # '5 5 10' for seven cells: with three vanished (each digit a cell) the total fails; with
    # four, 5 and 5 are two of the six parts and 10 the total: the total is known
    run = "5 5 10"
    tokens = tokens_of(run, 0, len(run))
    assert tokens is not None
    reading = read_row(tokens, 7, (((0, 1, 2, 3, 4, 5), 6),))
    assert reading.cells == (None,) * 6 + ((4, 6),)
    assert reading.readings > 1


def test_a_table_of_six_rows_found_is_a_table() -> None:
    # only the first six rows of the form made it onto the page (一, 二, 三, （一）, （二）, （三）)
    text = _glued_page({"new_received": " 3 0 0 0 0 0 3", "granted": " 2 0 0 0 0 0 2"})
    text = text[: text.index("1.属于国家秘密")]
    table = read_stream_tables(text, Era.V2021).applications
    assert table is not None
    assert table.row("new_received")["total"].raw == "3"
    assert table.row("granted")["total"].raw == "2"


def test_a_blank_cell_s_text_is_empty_and_a_word_is_no_value() -> None:
    assert cell_of("3 1", BLANK) == ""
    assert cell_of("3 1", (2, 3)) == "1"
    assert tokens_of("1 X 2", 0, 5) is None


# ------------------------------------------------------------------ a table read with no era


def test_with_no_era_a_2019_table_is_told_by_its_single_row_other() -> None:
    # 2019 form: （六）其他处理 is one row with cells; 1 application, granted, total 1
    rows = {"new_received": "1000001", "granted": "1000001", "total_processed": "1000001"}
    table = read_stream_tables(_glued_page(rows, "2019", zeros="0" * 7), Era.UNKNOWN).applications
    assert table is not None and table.era is Era.V2019
    cells = {(c.row, c.column): c.value.number for c in table.cells}
    assert cells["other", "total"] == 0
    assert cells["new_received", "natural_person"] == 1
    assert cells["total_processed", "total"] == 1
    assert not [c for c in cells if c[0].startswith("other.")]


def test_with_no_era_a_2021_table_is_told_by_its_rows_under_other() -> None:
    # 2021 form: （六）其他处理 is a group of three rows (1. … 2. … 3.其他)
    rows = {"new_received": "2000002", "unable.no_info": "2000002", "total_processed": "2000002"}
    table = read_stream_tables(_glued_page(rows, "2021", zeros="0" * 7), Era.UNKNOWN).applications
    assert table is not None and table.era is Era.V2021
    cells = {(c.row, c.column): c.value.number for c in table.cells}
    assert cells["unable.no_info", "total"] == 2
    assert cells["other.other_reasons", "total"] == 0
    assert ("other", "total") not in cells


# ------------------------------------------------------------------ where table 四's head is

#: table 四's fifteen values, spaced, and the cells they are (format-spec §4.4)
_RUN_FOUR = " 0 1 1 0 2 1 0 0 0 1 0 0 0 0 0"
_CELLS_FOUR = list("011021000100000")
_TITLE = "某局2022年政府信息公开工作年度报告\n"
_CAPTION_FOUR = "四、政府信息公开行政复议、行政诉讼情况"
#: the form's head on one line, from its first cell (行政复议) on
_HEAD_FOUR = ONE_LINE_REVIEWS_HEAD.removeprefix(_CAPTION_FOUR)


def _four_cells(text: str) -> list[str] | None:
    table = read_stream_tables(text, Era.V2021).reviews
    return None if table is None else [table.row(g)[c].raw for g, c in _FLAT]


def test_a_head_that_lost_its_first_words_is_found_by_fuyihouqisu() -> None:
    # a page break took the caption and 行政复议 … 总计 of the first group: the head starts at
    # 未经复议直接起诉, and no 行政复议 names it; 复议后起诉 alone tells where it is
    head = _HEAD_FOUR[_HEAD_FOUR.index("未经复议直接起诉") :]
    assert "行政复议" not in head
    text = _TITLE + head + _RUN_FOUR + "\n五、存在的主要问题"
    assert _four_cells(text) == _CELLS_FOUR


def test_fuyihouqisu_is_looked_for_in_five_places() -> None:
    # the same head, after prose that says 复议后起诉 (each time followed by words, not the
    # table's values) and before prose that says it again: the first five places are tried,
    # so a table whose 复议后起诉 is the fifth is found and one whose 复议后起诉 is the sixth is
    # not (nothing else names this head: it lost 行政复议)
    head = _HEAD_FOUR[_HEAD_FOUR.index("未经复议直接起诉") :]
    said = "本年度复议后起诉案件由法制机构办理。"
    after = "\n五、存在的主要问题 复议后起诉案件的应诉工作有待加强。"
    for before, found in ((4, True), (5, False)):
        text = _TITLE + said * before + head + _RUN_FOUR + after
        assert _four_cells(text) == (_CELLS_FOUR if found else None), before


def test_a_page_that_starts_with_fuyihouqisu() -> None:
    # a page break took everything before 复议后起诉: the page opens with it
    head = _HEAD_FOUR[_HEAD_FOUR.index("复议后起诉") :]
    assert _four_cells(head + _RUN_FOUR + "\n五、存在的主要问题") == _CELLS_FOUR


def test_a_head_without_fuyihouqisu_is_the_one_that_names_xingzhengfuyi() -> None:
    # 复议后起诉 written otherwise (复议后诉讼), so table 四 is found after a 尚未审结 of its
    # head, and a head names 行政复议 within 80 characters before that 尚未审结.  Here the head
    # lost its own 行政复议 cell and the caption's names it, with a note between them whose
    # length puts the caption's 行政复议 80 characters before the 尚未审结 that the values
    # follow (the second: the first is followed by 复议后诉讼), then 81.  Prose after the
    # table says 行政复议 again: only a 行政复议 before 尚未审结 names its head.
    head = _HEAD_FOUR.removeprefix("行政复议").replace("复议后起诉", "复议后诉讼")
    note = "（注：本表统计本机关因政府信息公开工作被申请复议或者被提起诉讼的案件，单位为件。）"
    after = "\n五、存在的主要问题 本年度行政复议案件较上年减少。"

    def page(note_length: int) -> tuple[str, int]:
        text = _TITLE + _CAPTION_FOUR + note[:note_length] + head + _RUN_FOUR + after
        sq = Squashed(text).sq
        second = sq.index("尚未审结", sq.index("尚未审结") + 1)
        return text, second - sq.index("行政复议")

    shortest = 80 - page(0)[1]  # the caption's 行政复议 is 58 characters before, no note
    for distance, found in ((80, True), (81, False)):
        text, at = page(shortest + distance - 80)
        assert at == distance
        assert _four_cells(text) == (_CELLS_FOUR if found else None), distance


def test_values_with_no_head_of_table_four_are_no_table_four() -> None:
    # fifteen values after 行政复议, but neither 复议后起诉 nor 尚未审结: no head, no table 四
    assert _four_cells(_TITLE + "行政复议" + _RUN_FOUR + "\n五、存在的主要问题") is None


def test_a_glued_run_before_a_two_digit_numbering_ends_where_the_table_is_complete() -> None:
    # fifteen digits glued to the numbering 12、 of what follows: the run may end one digit
    # before 、 (sixteen digits: no cut makes the groups add up) or two (fifteen: one a cell)
    text = _TITLE + ONE_LINE_REVIEWS_HEAD + "011021000100000" + "12、其他需要报告的事项"
    assert _four_cells(text) == _CELLS_FOUR


# ------------------------------------------------------------------ a row's run, at its edges


def test_a_note_after_a_label_closes_within_forty_characters() -> None:
    # （二）部分公开 followed by a note in parentheses, then its values: a parenthesis closed
    # at most 40 characters from where it opened (both marks counted) is a note after the
    # label, and the values follow it; one closed further is not a note, and the row is words
    words = "含区分处理的申请：本年度部分公开的申请均涉及第三方合法权益，已依法作区分处理后公开"
    for length, read in ((40, True), (41, False)):
        note = "（" + words[: length - 2] + "）"
        assert len(note) == length
        text = _glued_page({"partially_granted": note + " 1 0 0 0 0 0 1"}).replace(
            "部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开"
        )
        table = read_stream_tables(text, Era.V2021).applications
        assert table is not None
        if read:
            row = table.row("partially_granted")
            assert [row[c].raw for c in _COLUMNS] == list("1000001")
        else:
            assert Missing("partially_granted", None, "unreadable") in table.missing


def test_a_label_with_a_word_written_twice_is_followed_by_words() -> None:
    # 2.没有现成信息需要需要另行制作: the label is found by its first words (没有现成信息需要);
    # what follows it is words, not values, though they are words of the label: unreadable
    text = _glued_page({"unable.need_creation": ""}).replace(
        "没有现成信息需要另行制作", "没有现成信息需要需要另行制作"
    )
    table = read_stream_tables(text, Era.V2021).applications
    assert table is not None
    assert Missing("unable.need_creation", None, "unreadable") in table.missing


# ------------------------------------------------------------------ the search's bounds


def test_the_search_stops_at_its_budget_of_states() -> None:
    # '5' for two cells and no sum: the 5 in either cell, a blank (vanished) in the other.  The
    # search visits five states: the first cell (the 5, or a blank), the second after each, and
    # the end after each, where a reading is complete
    tokens = tokens_of("5", 0, 1)
    assert tokens is not None
    first, second = ((0, 1), BLANK), (BLANK, (0, 1))
    assert read_row(tokens, 2, (), budget=5) == RowReading((None, None), True, 2, (first, second))
    # one state fewer: the budget runs out before the second reading; what the first alone
    # says (the 5 in the first cell) is not known, so nothing is
    assert read_row(tokens, 2, (), budget=4) == RowReading((None, None), True, 0)


def test_a_number_grouped_by_thousands_is_one_cell_where_the_row_s_sums_hold() -> None:
    # seven tokens for seven cells: read as written.  1,234 is one cell (one number, 1234)
    # where the six parts add up to 总计 (format-spec §5): 1234 + 0 + … = 1234
    text = "1,234 0 0 0 0 0 1,234"
    tokens = tokens_of(text, 0, len(text))
    assert tokens is not None and len(tokens) == 7
    cells: tuple[tuple[int, int], ...] = (
        (0, 5),
        (6, 7),
        (8, 9),
        (10, 11),
        (12, 13),
        (14, 15),
        (16, 21),
    )
    assert read_row(tokens, 7, ROW_SUMS_APPLICATIONS) == RowReading(cells, False, 1, (cells,))
    # 1234 against 1235: the comma may part two cells as well (1 and 234), so nothing is read
    text = "1,234 0 0 0 0 0 1,235"
    tokens = tokens_of(text, 0, len(text))
    assert tokens is not None and len(tokens) == 7
    assert read_row(tokens, 7, ROW_SUMS_APPLICATIONS) == RowReading((None,) * 7, False, 0)
    # without a grouped number, seven tokens are the seven cells whatever the sums say (1
    # against 2: what the report printed)
    text = "1 0 0 0 0 0 2"
    tokens = tokens_of(text, 0, len(text))
    assert tokens is not None
    cells = tuple((i, i + 1) for i in range(0, 13, 2))
    assert read_row(tokens, 7, ROW_SUMS_APPLICATIONS) == RowReading(cells, False, 1, (cells,))


def test_no_cell_vanished_where_the_characters_fill_the_row() -> None:
    # 10 0 0 0 10: seven characters for seven cells, one a cell 1 0 0 0 0 1 | 0, whose parts
    # (2) are not its 总计 (0).  Only a run with fewer characters than cells has vanished
    # cells (the module's rule), so 10 … 10 with two blanks gone is not looked for: unknown
    text = "10 0 0 0 10"
    tokens = tokens_of(text, 0, len(text))
    assert tokens is not None
    assert read_row(tokens, 7, ROW_SUMS_APPLICATIONS) == RowReading((None,) * 7, True, 0)


def test_a_label_is_looked_for_where_it_starts_by_stop_at_the_latest() -> None:
    # 予以公开's key found by its head, starting at 2: found with stop 2, not with stop 1
    label = next(label for label in LABELS["2021"] if label.row.id == "granted")
    key = label.keys[-1]
    sq = "xx" + key + "yy"
    assert find_label(sq, label, 0, 2) == (2, 2 + len(key))
    assert find_label(sq, label, 0, 1) is None
    assert find_label(sq, label, 3, len(sq)) is None  # nor from past its start


def test_a_label_found_whole_is_not_cut_short_by_a_variant() -> None:
    # the 2021 form's 部分公开 row (format-spec §5) written with 情况, as the form prints it:
    # found to its closing bracket, though its variant with 情形 starts at the same place
    # and, on this text, stops at 况
    label = next(label for label in LABELS["2021"] if label.row.id == "partially_granted")
    sq = "部分公开(区分处理的,只计这一情况,不计其他情形)1"
    assert find_label(sq, label, 0, len(sq)) == (0, len(sq) - 1)
    # 没有现成信息需要另行制作 whole, though 没有现成信息需要 (cut short) is one of its keys
    label = next(label for label in LABELS["2021"] if label.row.id == "unable.need_creation")
    sq = "没有现成信息需要另行制作1"
    assert find_label(sq, label, 0, len(sq)) == (0, len(sq) - 1)


def test_a_label_of_seven_characters_is_looked_for_whole() -> None:
    # 本年度办理结果 (三's label, seven characters): prose's 本年度办理结束 is not it
    label = next(label for label in LABELS["2021"] if label.row.id == "@results")
    assert "本年度办理结果" in label.keys
    assert find_label("本年度办理结束的申请", label, 0, 10) is None
    assert find_label("x本年度办理结果1", label, 0, 10) == (1, 8)


def test_a_label_met_again_cut_short_ends_where_its_text_stops() -> None:
    # 结转下年度继续办理申请数量 whole at 0, then cut short after seven characters
    # (结转下年度继续, then 1): the second one ends after those seven
    label = next(label for label in LABELS["2021"] if label.row.id == "carried_forward")
    whole = "结转下年度继续办理申请数量"
    sq = whole + "0" + whole[:7] + "1"
    at = len(whole) + 1
    assert find_label(sq, label, 1, len(sq)) == (at, at + 7)


def test_the_default_budget_is_forty_thousand_states(monkeypatch: pytest.MonkeyPatch) -> None:
    # '5' for 375 cells and no sum: 375 readings (the 5 in any cell), of which 128 are looked
    # for.  The states the search visits are counted here, on a budget that does not run out:
    # the calls of the walk, each one unit of the budget the searches of a row share
    tokens = tokens_of("5", 0, 1)
    assert tokens is not None
    budgets: list[list[int]] = []
    search = cell_runs._search

    def counted(*args: Any) -> Any:
        budgets.append(args[4])  # the row's budget left, a list of one int
        return search(*args)

    monkeypatch.setattr(cell_runs, "_search", counted)
    plenty = 10**9
    assert read_row(tokens, 375, (), limit=128, budget=plenty).readings == 128
    needed = plenty - budgets[-1][0]
    monkeypatch.undo()
    # the run this test is for: one state more than the documented budget (40,000)
    assert needed == 40_001
    assert read_row(tokens, 375, (), limit=128, budget=needed).readings == 128
    # by default the budget runs out one state short: nothing is known, no reading counted
    assert read_row(tokens, 375, (), limit=128) == RowReading((None,) * 375, True, 0)


def test_the_search_keeps_readings_up_to_its_limit() -> None:
    # '5' for n cells and no sum: n readings (the 5 in any cell)
    tokens = tokens_of("5", 0, 1)
    assert tokens is not None
    reading = read_row(tokens, 3, (), limit=4)
    assert (reading.cells, reading.readings, len(reading.options)) == ((None,) * 3, 3, 3)
    # the limit reached: at least that many readings, the others not looked for, no options
    for limit in (3, 2):
        assert read_row(tokens, 3, (), limit=limit) == RowReading((None,) * 3, True, limit)
    # by default 24 readings are kept: 23 are all there are, 24 may not be
    reading = read_row(tokens, 23, ())
    assert (reading.readings, len(reading.options)) == (23, 23)
    assert read_row(tokens, 24, ()) == RowReading((None,) * 24, True, 24)


def test_a_page_that_starts_with_the_head_naming_xingzhengfuyi() -> None:
    # a page that opens with table 四's head (its 行政复议 the page's first characters), whose
    # 复议后起诉 was written otherwise (复议后诉讼): found after a 尚未审结 of the head
    head = _HEAD_FOUR.replace("复议后起诉", "复议后诉讼")
    assert head.startswith("行政复议")
    assert _four_cells(head + _RUN_FOUR + "\n五、存在的主要问题") == _CELLS_FOUR


# ------------------------------------------------------------------ where table 三 starts


def test_the_first_label_is_looked_for_in_three_places() -> None:
    # prose that says 本年新收政府信息公开申请数量 (each time far from the next row's label)
    # before the table: three places of a label are tried, so the table's 一 is found after two
    # such sentences; after three it is not, and the table starts at its second row (二)
    sentence = (
        "本年新收政府信息公开申请数量较上年有所增加。" + "本局坚持以公开为常态、不公开为例外，" * 8
    )
    page = _glued_page({"new_received": " 3 0 0 0 0 0 3"})
    for said, found in ((2, True), (3, False)):
        table = read_stream_tables(sentence * said + "\n" + page, Era.V2021).applications
        assert table is not None
        if found:
            assert [table.row("new_received")[c].raw for c in _COLUMNS] == list("3000003")
        else:
            assert Missing("new_received", None, "not found") in table.missing
            assert table.row("carried_over")["total"].raw == "0"


def test_a_row_s_label_is_looked_for_within_160_characters_of_the_one_before() -> None:
    # page footers and headers (blank pages) between （一）予以公开's values and （二）部分公开: the next label is found when it starts at most 160 characters (white space
    # not counted) after the end of the label before; further, the rows before it are not
    # taken for the same table, which is read from （二） on
    footer = "第3页共8页" + "某局2022年政府信息公开工作年度报告" * 8

    def page(length: int) -> tuple[str, int]:
        text = _glued_page({"granted": " 2 0 0 0 0 0 2\n" + footer[:length] + "\n"})
        sq = Squashed(text).sq
        end = sq.index("予以公开") + len("予以公开")
        return text, sq.index("部分公开") - end

    shortest = page(0)[1]  # the values and the numbering （二）
    for distance, found in ((160, True), (161, False)):
        text, at = page(distance - shortest)
        assert at == distance
        table = read_stream_tables(text, Era.V2021).applications
        assert table is not None
        assert (Missing("new_received", None, "not found") in table.missing) is not found
        assert table.row("partially_granted")["total"].raw == "0"


def test_a_page_that_starts_with_the_second_row_s_label() -> None:
    # 一 went with the page before: the page opens with 上年结转政府信息公开申请数量
    text = _glued_page({"carried_over": " 2 0 0 0 0 0 2"})
    text = text[text.index("上年结转") :]
    table = read_stream_tables(text, Era.V2021).applications
    assert table is not None
    assert [table.row("carried_over")[c].raw for c in _COLUMNS] == list("2000002")
    assert Missing("new_received", None, "not found") in table.missing


def test_a_table_three_with_no_number_is_no_table() -> None:
    # every row of table 三 found, each followed by words: no cell holds a number
    rows = {
        row.id: " 见附件"
        for row in APPLICATION_FORM
        if not row.is_group and "2021" in row.formats and row.id != "other"
    }
    table = read_stream_tables(_glued_page(rows), Era.V2021).applications
    assert table is None or not any(c.value.is_number for c in table.cells)


def test_with_no_era_other_without_values_or_sub_rows_is_the_2021_form() -> None:
    # （六）其他处理 with no value of its own: in the 2019 form it is a row of seven cells, in
    # the 2021 form a group (its three sub-rows lost here with a page)
    text = _glued_page({}, "2019", zeros="0" * 7).replace("（六）其他处理0000000", "（六）其他处理")
    table = read_stream_tables(text, Era.UNKNOWN).applications
    assert table is not None and table.era is Era.V2021
    assert Missing("other.overdue_correction", None, "not found") in table.missing


def test_by_order_finds_the_form_its_values_fill_whatever_the_era_said() -> None:
    # the 2019 form's values by order (22 rows) on a page said to be of the 2021 era, and no
    # label of （六）'s 2021 sub-rows: the values fill the 2019 form and every identity holds
    table = read_stream_tables(_by_order_text("2019"), Era.V2021).applications
    assert table is not None and table.era is Era.V2019 and table.missing == ()
    for row_id, expected in _VALUES.items():
        assert [table.row(row_id)[c].number for c in _COLUMNS] == expected


def test_a_label_that_ends_with_its_note_and_no_values() -> None:
    # （二）部分公开（区分处理的，只计这一情形，不计其他情形） followed at once by 三、不予公开 (the
    # group's numbering written 三、): no value; the note's closing parenthesis is the label's,
    # not debris of the next numbering, so the row is one with no values, like any other
    text = _glued_page({"partially_granted": ""}).replace("（三）不予公开", "三、不予公开")
    assert "不计其他情形）三、不予公开" in text
    table = read_stream_tables(text, Era.V2021).applications
    assert table is not None
    assert {(m.column, m.reason) for m in table.missing if m.row == "partially_granted"} == {
        (c, "unresolved") for c in _COLUMNS
    }


def test_the_last_row_with_no_values_before_a_two_digit_numbering() -> None:
    # 四、结转下年度继续办理 followed at once by 12、 of what follows: no value, the digits are
    # the numbering (a spaced or leading run of one or two digits)
    text = _glued_page({"carried_forward": ""}) + "12、其他需要报告的事项"
    table = read_stream_tables(text, Era.V2021).applications
    assert table is not None
    assert {(m.column, m.reason) for m in table.missing if m.row == "carried_forward"} == {
        (c, "unresolved") for c in _COLUMNS
    }


def test_where_a_run_ends_before_a_numbering() -> None:
    # a spaced number of three digits before 、: a numbering has at most two, so the number
    # is a value with one or two digits of numbering glued to it
    assert _run_ends(Squashed("0 1 2 123、存在的问题"), 0) == (8, 7)
    # glued 01010 before 、: the numbering is 10 (never 0: no numbering is 0 or starts with 0)
    assert _run_ends(Squashed("01010、存在的问题"), 0) == (3,)
    # a zero-width space after the digits is white space
    assert _run_ends(Squashed("0005\u200b、存在的问题"), 0) == (3,)


# ------------------------------------------------------------------ cells of a run, searched

_S7 = (((0, 1, 2, 3, 4, 5), 6),)


def _read7(run: str) -> RowReading:
    tokens = tokens_of(run, 0, len(run))
    assert tokens is not None
    return read_row(tokens, 7, _S7)


def test_a_mark_in_a_searched_run_counts_zero() -> None:
    # 无 2 2 for seven cells (four vanished): 无 and the first 2 are parts, the last 2 the
    # total (0 + 2 = 2); which parts they are is not known
    reading = _read7("无 2 2")
    assert reading.cells == (None,) * 6 + ((4, 5),)
    assert reading.readings > 1


def test_a_number_has_no_leading_zero_in_a_searched_run() -> None:
    # 20101105 for seven cells: one cell takes two digits; 20, 10 or 11 make the parts add up
    # to more than the total 5, and 05 is no number: no reading
    assert _read7("20101105") == RowReading((None,) * 7, True, 0)


def test_a_glued_run_with_one_reading_is_recovered() -> None:
    # corpus pingtan/029: 713000074 = 71, 3, 0, 0, 0, 0, 74 (cut out of glued digits)
    cells = ((0, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 9))
    assert _read7("713000074") == RowReading(cells, True, 1, (cells,))


def test_six_values_for_seven_cells_one_a_long_mark() -> None:
    # —— and five 0s: six cells written, one vanished, every one counting 0: which one
    # vanished is not known (a mark is one cell, however many characters it has)
    reading = _read7("—— 0 0 0 0 0")
    assert reading.cells == (None,) * 7
    assert reading.readings > 1


def test_tab_cells_with_zero_width_characters() -> None:
    # a Word export leaves U+FEFF before the first tab and U+200B in an empty cell: white
    # space, so the cell is blank and the row is a row of cells
    run = "\ufeff\t1\t\u200b\t2"
    tokens = tokens_of(run, 0, len(run))
    assert tokens is not None
    assert [t.text for t in tokens] == ["1", "", "2"]


def test_a_mark_of_every_dash_and_slash() -> None:
    run = "—―─–-－/／"
    tokens = tokens_of(run, 0, len(run))
    assert tokens is not None and [t.text for t in tokens] == [run]


def test_a_run_of_marks_glued_to_the_next_numbering() -> None:
    # 无 in every cell, the last glued to 5、 of the next heading: the 5 is the numbering
    assert _run_ends(Squashed("无 无 无5、存在的问题"), 0) == (5,)
    # a run whose last digits cannot be a numbering (a lone 0, 100) ends at 、
    assert _run_ends(Squashed("1 0、"), 0) == (3,)
    assert _run_ends(Squashed("1 100、"), 0) == (5,)
    # table 三's last row and table 四, each of marks, before 5、存在的主要问题
    text = _glued_page({"carried_forward": " 无 无 无 无 无 无 无"}) + "5、存在的主要问题"
    table = read_stream_tables(text, Era.V2021).applications
    assert table is not None
    assert [table.row("carried_forward")[c].raw for c in _COLUMNS] == ["无"] * 7
    text = _TITLE + ONE_LINE_REVIEWS_HEAD + " " + " ".join("无" * 15) + "5、存在的主要问题"
    assert _four_cells(text) == ["无"] * 15


def test_a_table_is_six_rows_found_in_a_row() -> None:
    # page headers (blank pages: more than 160 characters) break table 三 after its first k
    # rows.  Six rows found one after the other are a table, which starts at 一 (the first of
    # its rows the text holds): the rows after the break are not found.  Five are not, and the
    # table is the one the rows after the break make
    headers = "第3页共8页" + "某局2022年政府信息公开工作年度报告" * 9
    page = _glued_page({"new_received": " 3 0 0 0 0 0 3", "denied.state_secret": " 1 0 0 0 0 0 1"})
    for before, label in ((6, "1.属于国家秘密"), (5, "（三）不予公开")):
        text = page.replace(label, headers + label, 1)
        table = read_stream_tables(text, Era.V2021).applications
        assert table is not None
        missing = {m.row for m in table.missing if m.reason == "not found"}
        if before == 6:
            assert table.row("new_received")["total"].raw == "3"
            assert "denied.state_secret" in missing
        else:
            assert table.row("denied.state_secret")["total"].raw == "1"
            assert "new_received" in missing


def test_a_page_that_ends_with_a_label_that_starts_with_wu() -> None:
    # the page ends after 8.属于行政查询事项's values with （四）无法提供, its numbering lost:
    # the 无 of 无法提供 is the label's, not a mark of the row before
    text = _glued_page({"denied.admin_query": " 1 0 0 0 0 0 1"})
    text = text[: text.index("（四）无法提供")] + "无法提供"
    table = read_stream_tables(text, Era.V2021).applications
    assert table is not None
    assert [table.row("denied.admin_query")[c].raw for c in _COLUMNS] == list("1000001")


def test_a_table_three_printed_twice_is_read_where_it_starts_first() -> None:
    # the whole table again after it (a page printed twice, the second copy with other
    # figures): the table starts at the first of its rows the text holds
    first = _glued_page({"new_received": " 3 0 0 0 0 0 3"})
    again = _glued_page({"new_received": " 5 0 0 0 0 0 5"})
    table = read_stream_tables(first + "\n" + again, Era.V2021).applications
    assert table is not None
    assert [table.row("new_received")[c].raw for c in _COLUMNS] == list("3000003")


def test_a_table_two_with_one_number_read_from_the_stream() -> None:
    # a one-line page whose table 二 holds one number (行政许可 7) and 无 in every other cell
    # written: the table is read, with its one number (one number is more than none)
    text = (
        "某局2022年政府信息公开工作年度报告\n一、总体情况 工作有序推进。二、主动公开政府信息情况"
        "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章 无 无 无 行政规范性文件"
        " 无 无 无 第二十条第（五）项信息内容本年处理决定数量行政许可 7 "
        + ONE_LINE_APPLICATIONS_HEAD
    )
    table = parse(text).disclosure
    assert table is not None
    assert [c.value.number for c in table.cells if c.value.is_number] == [7]
    assert table.row("admin_license")["decisions"].raw == "7"


def test_a_label_shorter_than_eight_characters_is_found_whole() -> None:
    # the first six rows only (一, 二, 三、本年度办理结果, （一）, （二）, （三）): a table.  A
    # label of fewer than eight characters is found by all of them (a longer one by its first
    # six, test_a_label_cut_short_is_found_by_its_first_words): 本年度办理结论 is not
    # 本年度办理结果, so five rows are found, and five are no table
    text = _glued_page({"new_received": " 3 0 0 0 0 0 3"})
    text = text[: text.index("1.属于国家秘密")]
    assert read_stream_tables(text, Era.V2021).applications is not None
    changed = text.replace("本年度办理结果", "本年度办理结论")
    assert read_stream_tables(changed, Era.V2021).applications is None
