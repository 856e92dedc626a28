"""The tables grammar (grammars/tables.lark): table 三 of the 2019 and 2021 forms as rules over
row labels, held to the catalogue (model/forms.py) and to the forms as format-spec §4.3 and §5.3
print them: every row in printed order, （三）（四）（五） groups of 8, 3 and 5 sub-rows, （六）其他处理
a row in 2019 and a group of three in 2021.

Expected values are read off the forms (the rows, their numbering and order) or off the text a
test writes (the numbers printed in it), never off the program's output.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Token, Tree
from lark.exceptions import UnexpectedToken

from opengov_report.model.era import Era
from opengov_report.model.forms import APPLICATION_FORM, FormRow
from opengov_report.recognize.stream import read_stream_tables
from opengov_report.recognize.stream_labels import LABELS, find_label, fold
from opengov_report.recognize.table_grammar import (
    START_RULES,
    _parser,
    grammar_text,
    label_tokens,
    parse_rows,
    terminal_of,
)
from tests.forms import ONE_LINE_APPLICATIONS_HEAD

_ROOT = Path(__file__).resolve().parent.parent
_GRAMMAR = _ROOT / "grammars" / "tables.lark"


def _rows(fmt: str) -> list[FormRow]:
    """The rows of table 三 the form ``fmt`` prints, groups included, in printed order."""
    return [row for row in APPLICATION_FORM if fmt in row.formats]


# ------------------------------------------------------------------ the grammar and the forms


def test_the_grammar_declares_one_terminal_per_row_label_of_the_catalogue_in_printed_order() -> (
    None
):
    declared = [
        name
        for line in _GRAMMAR.read_text(encoding="utf-8").splitlines()
        if line.startswith("%declare")
        for name in line.split()[1:]
        if name != "VALUES"
    ]
    assert declared == [terminal_of(row) for row in APPLICATION_FORM]
    assert len(declared) == 30  # 2 + 1 + 2 + (1 + 8) + (1 + 3) + (1 + 5) + (1 + 3) + 1 + 1


def test_each_row_rule_is_written_under_the_row_as_the_form_prints_it() -> None:
    # `//   （三）不予公开: a group of eight` then `denied: (DENIED VALUES?)? …`: the comment
    # above a row's rule is the row's numbering and official label
    lines = _GRAMMAR.read_text(encoding="utf-8").splitlines()
    for row in APPLICATION_FORM:
        uses = [i for i, line in enumerate(lines) if f"({terminal_of(row)} VALUES?)?" in line]
        assert uses, row.id
        for i in uses:
            comment = next(line for line in reversed(lines[:i]) if line.startswith("//"))
            assert row.numbering + row.labels[0] in comment, (row.id, comment)


def test_the_package_ships_the_grammar_file() -> None:
    assert grammar_text() == _GRAMMAR.read_text(encoding="utf-8")


def test_terminal_names_follow_the_row_ids() -> None:
    by_id = {row.id: row for row in APPLICATION_FORM}
    assert terminal_of(by_id["new_received"]) == "NEW_RECEIVED"
    assert terminal_of(by_id["@denied"]) == "DENIED"
    assert terminal_of(by_id["denied.state_secret"]) == "DENIED_STATE_SECRET"
    assert terminal_of(by_id["other.other_reasons"]) == "OTHER_OTHER_REASONS"


# ------------------------------------------------------------------ what the rules accept


def _parse(fmt: str, types: list[str]) -> Tree[Token]:
    """The parse tree of the format's start rule over tokens of ``types`` (a ``VALUES`` token
    after every label of a row with values)."""
    parser: Any = _parser().parse_interactive(start=START_RULES[fmt])  # Lark: untyped
    for t in types:
        parser.feed_token(Token(t, t))
    tree: Tree[Token] = parser.feed_eof()
    return tree


def _label_types(tree: Tree[Token]) -> list[str]:
    return [t.type for t in tree.scan_values(lambda v: isinstance(v, Token)) if t.type != "VALUES"]


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_every_row_of_the_form_in_printed_order_is_a_table(fmt: str) -> None:
    types = []
    for row in _rows(fmt):
        types.append(terminal_of(row))
        if not row.is_group and not (fmt == "2021" and row.id == "other"):
            types.append("VALUES")
    tree = _parse(fmt, types)
    assert tree.data == f"applications_{fmt}"
    assert _label_types(tree) == [terminal_of(row) for row in _rows(fmt)]


@given(st.data())
@settings(max_examples=200)
def test_any_rows_left_out_the_rest_in_printed_order_is_a_table(data: st.DataObject) -> None:
    fmt = data.draw(st.sampled_from(["2019", "2021"]))
    rows = _rows(fmt)
    keeps = data.draw(st.lists(st.booleans(), min_size=len(rows), max_size=len(rows)))
    kept = [row for row, keep in zip(rows, keeps, strict=True) if keep]
    types = [t for row in kept for t in (terminal_of(row), "VALUES")]
    assert _label_types(_parse(fmt, types)) == [terminal_of(row) for row in kept]


def _subtree(tree: Tree[Token], name: str) -> Tree[Token]:
    (found,) = tree.find_data(name)
    return found


def test_sub_rows_nest_under_their_group() -> None:
    # 2021 (format-spec §4.3): （六）其他处理 is a group of three sub-rows; （三）不予公开 holds its 1–8
    tree = _parse(
        "2021",
        ["GRANTED", "VALUES", "DENIED", "DENIED_STATE_SECRET", "VALUES", "DENIED_ADMIN_QUERY",
         "VALUES", "OTHER", "OTHER_OVERDUE_CORRECTION", "VALUES", "OTHER_OTHER_REASONS", "VALUES",
         "TOTAL_PROCESSED", "VALUES"],
    )  # fmt: skip
    assert _label_types(_subtree(tree, "denied")) == [
        "DENIED", "DENIED_STATE_SECRET", "DENIED_ADMIN_QUERY"
    ]  # fmt: skip
    assert _label_types(_subtree(tree, "other_2021")) == [
        "OTHER", "OTHER_OVERDUE_CORRECTION", "OTHER_OTHER_REASONS"
    ]  # fmt: skip
    # a sub-row whose group label was lost is still under its group
    lost = _parse("2021", ["UNABLE_NEED_CREATION", "VALUES", "UNABLE_UNCLEAR", "VALUES"])
    assert _label_types(_subtree(lost, "unable")) == ["UNABLE_NEED_CREATION", "UNABLE_UNCLEAR"]


def test_in_the_2019_form_other_is_a_row_of_values_without_sub_rows() -> None:
    # format-spec §5.3: （六）其他处理 is a single value row
    tree = _parse("2019", ["OTHER", "VALUES", "TOTAL_PROCESSED", "VALUES"])
    assert _label_types(_subtree(tree, "other_2019")) == ["OTHER"]
    with pytest.raises(UnexpectedToken):
        _parse("2019", ["OTHER", "OTHER_OVERDUE_CORRECTION"])


@pytest.mark.parametrize(
    "types",
    [
        ["NEW_RECEIVED", "VALUES", "NEW_RECEIVED"],  # a row twice
        ["CARRIED_OVER", "VALUES", "NEW_RECEIVED"],  # 二 before 一
        ["DENIED_LAW_FORBIDDEN", "VALUES", "DENIED_STATE_SECRET"],  # 2. before 1.
        ["TOTAL_PROCESSED", "VALUES", "GRANTED"],  # （七） before （一）
        ["GRANTED", "VALUES", "VALUES"],  # two runs of values for one row
        ["DENIED_STATE_SECRET", "DENIED"],  # a group's label after its sub-row
    ],
)
def test_rows_out_of_the_forms_order_are_not_a_table(types: list[str]) -> None:
    with pytest.raises(UnexpectedToken):
        _parse("2021", types)


# ------------------------------------------------------------------ tokens from the stream


def test_the_labels_come_as_the_text_gives_them_with_the_values_between() -> None:
    text = (
        "一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3 "
        "二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1 三、本年度办理结果（一）予以公开 2 0 0 0 0 0 2"
    )
    sq = fold(text)
    first = LABELS["2019"][0]
    at = find_label(sq, first, 0, len(sq))
    assert at is not None
    tokens = list(label_tokens(sq, "2019", (first, *at)))
    assert [label.type for label, _ in tokens] == [
        "NEW_RECEIVED", "CARRIED_OVER", "RESULTS", "GRANTED"
    ]  # fmt: skip
    # the values of a row are the text up to the next label's numbering
    assert [None if v is None else v.value for _, v in tokens] == [None, "3000003", "1000001", None]
    # the last row's values are not a token: no label follows them
    assert sq[tokens[-1][0].end_pos :] == "2000002"


def test_a_label_met_again_inside_the_table_is_passed_over() -> None:
    # a note repeats 予以公开 between （一） and （二): the grammar takes （一） once
    text = (
        "（一）予以公开 2 0 0 0 0 0 2（注：予以公开含部分）"
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 1 0 0 0 0 0 1"
    )
    sq = fold(text)
    granted = next(label for label in LABELS["2019"] if label.row.id == "granted")
    at = find_label(sq, granted, 0, len(sq))
    assert at is not None
    rows = parse_rows(sq, "2019", (granted, *at))
    assert [label.row.id for label, _, _ in rows] == ["granted", "partially_granted"]


def test_the_rows_are_found_where_the_text_gives_them_from_its_first_character() -> None:
    # the text starts with 一's label: the first row starts at 0 and ends after the label
    label = "一、本年新收政府信息公开申请数量"
    sq = fold(label + " 3 0 0 0 0 0 3 二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1")
    first = LABELS["2019"][0]
    at = find_label(sq, first, 0, len(sq))
    assert at == (len("一、"), len(label))
    rows = parse_rows(sq, "2019", (first, 0, len(label)))
    assert [(row.row.id, start) for row, start, _ in rows] == [
        ("new_received", 0),
        ("carried_over", sq.index("上年结转")),
    ]


def test_the_table_ends_160_characters_after_the_last_row_it_took() -> None:
    # 一 and 二, then a note of 100 characters, then 一 and 二 again (passed over: out of the
    # form's order) and （一）予以公开 more than 160 characters (ROW_WINDOW) after 二 ended:
    # each label is within 160 characters of the one before, but none is taken after 二, so
    # （一） is not the table's
    note = "注" * 100
    text = (
        "一、本年新收政府信息公开申请数量 3 二、上年结转政府信息公开申请数量 1"
        + note
        + "一、本年新收政府信息公开申请数量"
        + note
        + "二、上年结转政府信息公开申请数量 1 （一）予以公开 2"
    )
    sq = fold(text)
    first = LABELS["2019"][0]
    at = find_label(sq, first, 0, len(sq))
    assert at is not None
    rows = parse_rows(sq, "2019", (first, *at))
    assert [row.row.id for row, _, _ in rows] == ["new_received", "carried_over"]


def test_the_table_is_read_past_a_label_in_the_prose_before_it() -> None:
    # the section's prose names （一）予以公开 before the table; the table's rows are its own
    # (2019 form, format-spec §5.3; every row's 总计 the sum of its columns, 一 + 二 = （七） + 四,
    # （七） = the sum of the results)
    rows = {
        "一、本年新收政府信息公开申请数量": "5 1 0 0 0 0 6",
        "二、上年结转政府信息公开申请数量": "0 0 0 0 0 0 0",
        "三、本年度办理结果（一）予以公开": "3 1 0 0 0 0 4",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": "1 0 0 0 0 0 1",
        "（三）不予公开 1.属于国家秘密": "0 0 0 0 0 0 0",
        "（四）无法提供 1.本机关不掌握相关政府信息": "1 0 0 0 0 0 1",
        "（五）不予处理 1.信访举报投诉类申请": "0 0 0 0 0 0 0",
        "（六）其他处理": "0 0 0 0 0 0 0",
        "（七）总计": "5 1 0 0 0 0 6",
        "四、结转下年度继续办理": "0 0 0 0 0 0 0",
    }
    text = (
        "全年共收到申请6件，其中予以公开4件。" + ONE_LINE_APPLICATIONS_HEAD
        + "".join(f"{label} {values} " for label, values in rows.items())
    )  # fmt: skip
    table = read_stream_tables(text, Era.V2019).applications
    assert table is not None
    totals = {c.row: c.value.number for c in table.cells if c.column == "total"}
    assert totals["new_received"] == 6
    assert totals["granted"] == 4
    assert totals["partially_granted"] == 1
    assert totals["unable.no_info"] == 1
    assert totals["other"] == 0
    assert totals["total_processed"] == 6
    assert totals["carried_forward"] == 0


def test_every_terminal_the_rules_use_is_a_label_of_the_form() -> None:
    names = {s.name for rule in _parser().rules for s in rule.expansion if s.is_term}
    assert names == {terminal_of(row) for row in APPLICATION_FORM} | {"VALUES"}
    assert all(re.fullmatch("[A-Z_]+", n) for n in names)


@pytest.mark.parametrize("fmt", ["2019", "2021", "any"])
def test_a_token_the_parse_has_an_action_for_is_always_shifted(fmt: str) -> None:
    # table_grammar._feed passes over a token with no action in the current state and feeds
    # any other without a copy of the parse: sound only if no token the lexer gives for the
    # format is refused after the reductions it makes.  Every configuration (stack of
    # states) the format's tokens can reach is visited, and every token tried on it.
    from lark.parsers.lalr_analysis import Shift

    parser = _parser()
    states = parser.parse_interactive(start=START_RULES[fmt]).parser_state.parse_conf.states
    types = {terminal_of(label.row) for label in LABELS[fmt]} | {"VALUES"}
    start_state = parser.parser.parser.parser.parse_table.start_states[START_RULES[fmt]]

    def fed(stack: tuple[int, ...], t: str) -> tuple[int, ...] | None:
        """The stack after ``t`` (None: refused after reductions)."""
        out = list(stack)
        while True:
            action = states[out[-1]].get(t)
            if action is None:
                return None
            kind, arg = action
            if kind is Shift:
                return (*out, arg)
            if arg.expansion:
                del out[-len(arg.expansion) :]
            out.append(states[out[-1]][arg.origin.name][1])

    seen: set[tuple[int, ...]] = set()
    todo: list[tuple[int, ...]] = [(start_state,)]
    while todo:
        stack = todo.pop()
        if stack in seen:
            continue
        seen.add(stack)
        for t in types:
            if t in states[stack[-1]]:
                after = fed(stack, t)
                assert after is not None, (stack, t)
                todo.append(after)
    assert len(seen) > len(types)  # the walk went past the start


@given(st.data())
@settings(max_examples=150, deadline=None)
def test_rows_written_as_the_form_prints_them_are_found_whatever_the_breaks(
    data: st.DataObject,
) -> None:
    # a table 三 written from the form (format-spec §4.3, §5.3): any rows left out, each
    # written with its numbering and official label, a run of seven values after each row
    # with values, and between any two characters of the table spaces, line breaks or
    # nothing (as flattened pages give them)
    fmt = data.draw(st.sampled_from(["2019", "2021"]))
    rows = _rows(fmt)
    keeps = data.draw(st.lists(st.booleans(), min_size=len(rows), max_size=len(rows)))
    kept = [row for row, keep in zip(rows, keeps, strict=True) if keep]
    if not kept:
        return
    parts = []
    for row in kept:
        parts.append(row.numbering + row.labels[0])
        if not row.is_group and not (fmt == "2021" and row.id == "other"):
            parts.append(" ".join(str(data.draw(st.integers(0, 999))) for _ in range(7)))
    gaps = st.sampled_from(["", " ", "\n", "\r\n", "\u3000", " \n "])
    text = "".join(c + (data.draw(gaps) if data.draw(st.booleans()) else "")
                   for c in " ".join(parts))  # fmt: skip
    sq = fold(text)
    first = next(label for label in LABELS[fmt] if label.row.id == kept[0].id)
    at = find_label(sq, first, 0, len(sq))
    assert at is not None
    found = parse_rows(sq, fmt, (first, *at))
    assert [label.row.id for label, _, _ in found] == [row.id for row in kept]


def test_fewer_than_six_rows_are_not_a_table_six_are() -> None:
    # five rows of the form with their seven values each are taken for a passage that names
    # some rows, not for the table; with （七）总计 added, six rows make the table
    five = (
        "一、本年新收政府信息公开申请数量 2 0 0 0 0 0 2 二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0 "
        "（一）予以公开 1 0 0 0 0 0 1 （二）部分公开 1 0 0 0 0 0 1 "
    )
    last = "四、结转下年度继续办理 0 0 0 0 0 0 0"
    assert read_stream_tables(five + last, Era.V2019).applications is None
    table = read_stream_tables(five + "（七）总计 2 0 0 0 0 0 2 " + last, Era.V2019).applications
    assert table is not None
    totals = {c.row: c.value.number for c in table.cells if c.column == "total"}
    assert totals == {
        "new_received": 2, "carried_over": 0, "granted": 1, "partially_granted": 1,
        "total_processed": 2, "carried_forward": 0,
    }  # fmt: skip


def test_the_grammars_are_read_as_utf_8_whatever_the_locale() -> None:
    """Both grammars hold Chinese (table 三's labels in their comments): a process whose locale
    encoding is ASCII (C locale, no UTF-8 coercion) still loads them and reads a table."""
    heading = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\n"
    script = (  # ASCII only: the command line is decoded in the locale's encoding
        "import locale, opengov_report\n"
        "assert locale.getpreferredencoding(False).lower() in ('ascii', 'ansi_x3.4-1968')\n"
        f"r = opengov_report.parse({heading!a}.encode())\n"
        "assert list(r.document.headings())\n"
        "from opengov_report.recognize.table_grammar import grammar_text\n"
        "assert 'DENIED_STATE_SECRET' in grammar_text()\n"
        "print('ok')\n"
    )
    env = {
        **os.environ,
        "LC_ALL": "C",
        "LANG": "C",
        "PYTHONCOERCECLOCALE": "0",
        "PYTHONUTF8": "0",
        "PYTHONIOENCODING": "utf-8",
    }
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "ok"
