"""The legacy 统计表 read from the character stream (recognize/legacy_stream.py).

Each hand-made text's expected figures were read off the text by eye; the corpus test compares
with the figures read by hand in examples/corpus/expected.jsonl.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from opengov_report import parse
from opengov_report._blocks import blocks_of
from opengov_report.model.tables import LegacyTable
from opengov_report.model.values import ValueKind
from opengov_report.recognize.legacy import recognize_legacy
from opengov_report.recognize.legacy_stream import (
    AMBIGUOUS,
    MAYBE_BLANK,
    MAYBE_ONE,
    NO_SPLIT,
    ONE_FOR_TWO,
    fuller_legacy,
    read_legacy_stream,
)
from opengov_report.recognize.rows import row_views

_ROOT = Path(__file__).resolve().parent.parent
_CORPUS = _ROOT / "examples" / "corpus"
_SEED_000 = _ROOT / "examples" / "seeds" / "000_765f60bd78de7148.txt"

_PROSE = "某局2009年政府信息公开工作年度报告。一、概述。本年度认真落实条例，主动公开各类信息。"


def _read(text: str) -> LegacyTable:
    table = read_legacy_stream(text)
    assert table is not None
    return table


def _number(table: LegacyTable, row: str, column: str = "value") -> int | None:
    value = table.cell(row, column)
    assert value is not None, row
    n = value.number
    assert n is None or isinstance(n, int)
    return n


def _missing(table: LegacyTable) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in table.missing:
        out.setdefault(m.row, set()).add(m.reason)
    return out


def test_spaced_single_column_table_after_prose() -> None:
    text = (
        _PROSE + "附表： 指标名称 计量单位 年末统计 主动公开信息数 条 15 其中：1．网站公开 条 15 "
        "2．政府公报公开 条 0 受理依申请公开信息总数 条 0 对申请的答复总数 条 0 "
        "行政复议数 件 0 行政诉讼数 件 0 行政申诉数 件 0 附件下载"
    )
    table = _read(text)
    assert table.columns == ("value",)
    assert [r.id for r in table.rows] == [
        "proactive_total", "网站公开", "政府公报公开", "applications_received",
        "applications_answered", "reviews", "litigations", "complaints",
    ]  # fmt: skip
    assert _number(table, "proactive_total") == 15
    assert _number(table, "网站公开") == 15
    assert _number(table, "complaints") == 0
    assert table.rows[1].label == "其中：1．网站公开"
    assert table.rows[1].path == ("proactive_total", "网站公开")
    assert table.rows[1].unit == "条"
    assert table.rows[5].unit == "件"
    assert all(r.cumulative is None for r in table.rows)
    assert not table.missing


def test_spaced_two_columns_read_the_year_and_the_cumulative() -> None:
    text = (
        "统计表 指标名称 计量 单位 2011 年度 历年累计 主动公开信息数 条 425 1516 "
        "其中：1.网站公开 条 418 1509 2.政府公报公开 条 7 7 受理依申请公开信息总数 条 0 3 "
        "行政复议数 条 0 0"
    )
    table = _read(text)
    assert table.columns == ("value", "cumulative")
    assert (_number(table, "proactive_total"), _number(table, "proactive_total", "cumulative")) == (
        425,
        1516,
    )
    assert _number(table, "网站公开", "cumulative") == 1509
    assert _number(table, "applications_received") == 0
    assert _number(table, "applications_received", "cumulative") == 3
    assert _number(table, "reviews") == 0


def test_a_lone_value_in_a_spaced_two_column_table_stays_missing() -> None:
    # which column the single 0 belongs to, the text does not say
    text = (
        "指标名称 计量单位 2013年度 历年累计 主动公开信息数 条 72804 76424 "
        "其中：1、网站公开 条 72804 76424 2、政府公报公开 条 0 受理依申请公开信息总数 条 0 0"
    )
    table = _read(text)
    assert _number(table, "proactive_total") == 72804
    assert _number(table, "政府公报公开") is None
    assert _number(table, "政府公报公开", "cumulative") is None
    assert _missing(table) == {"政府公报公开": {ONE_FOR_TWO}}
    assert _number(table, "applications_received") == 0


def test_glued_single_column_and_digits_run_into_the_next_numbering() -> None:
    # 条152.政府公报 is 15, then row 2.; 条02．办结 is 0, then row 2.
    text = (
        "七、附表指 标 名 称单位数量主动公开信息数条15其中：1．网站公开条152．政府公报公开条0"
        "正式受理政府信息公开申请数件3其中：1．在办件12．办结件2受理政府信息公开工作行政复议数件0"
        "收到政府信息公开工作行政诉讼数件1"
    )
    table = _read(text)
    assert _number(table, "proactive_total") == 15
    assert _number(table, "网站公开") == 15
    assert _number(table, "政府公报公开") == 0
    assert _number(table, "applications_received") == 3
    assert _number(table, "在办") == 1
    assert _number(table, "applications_closed") == 2
    assert _number(table, "reviews") == 0
    assert _number(table, "litigations") == 1
    span = table.cell("网站公开").span  # type: ignore[union-attr]
    assert span is not None
    assert text[span.start : span.end] == "15"
    assert text[span.end] == "2"


def test_glued_two_columns_split_by_the_sums_of_the_qizhong_list() -> None:
    # 受理 2121: 2|121 or 21|21 (212|1 has the year above the cumulative); its channels
    # 1818 (1|818 or 18|18) + 00 + 33 add up only as 21|21 = 18|18 + 0|0 + 3|3
    text = (
        "指标名称计量单位2012年度历年累计受理依申请公开信息总数条2121其中：1.当面申请数条1818"
        "2.传真申请数条003.电子邮件申请数条33行政复议数条00"
    )
    table = _read(text)
    assert (_number(table, "applications_received"), _number(table, "applications_received", "cumulative")) == (21, 21)  # fmt: skip
    assert (_number(table, "当面申请数"), _number(table, "当面申请数", "cumulative")) == (18, 18)
    assert (_number(table, "电子邮件申请数"), _number(table, "电子邮件申请数", "cumulative")) == (3, 3)  # fmt: skip
    assert _number(table, "reviews") == 0
    assert _number(table, "reviews", "cumulative") == 0
    assert not table.missing
    value = table.cell("applications_received")
    assert value is not None
    assert value.span is not None
    assert text[value.span.start : value.span.end] == "21"


def test_ambiguous_glue_stays_missing_never_guessed() -> None:
    # 2111016 is 2|111016, 21|11016 or 211|1016, and 网站 is the same string with 公报 00:
    # the sums hold for every cut
    text = (
        "指 标 名 称单位2015年度历年累计主动公开信息数条2111016其中：1.政府网站公开数条2111016"
        "2.政府公报公开数条00受理政府信息公开申请总数条03行政复议数件00"
    )
    table = _read(text)
    assert _number(table, "proactive_total") is None
    assert _number(table, "proactive_total", "cumulative") is None
    assert _missing(table)["proactive_total"] == {AMBIGUOUS}
    value = table.cell("proactive_total")
    assert value is not None
    assert value.kind is ValueKind.UNREADABLE
    assert value.raw == "2111016"
    # 03 has one cut only: 0 | 3
    assert _number(table, "applications_received") == 0
    assert _number(table, "applications_received", "cumulative") == 3


def test_contradicting_sums_say_nothing() -> None:
    # 网站 + 公报 = 主动公开 holds for no cut of 20263542 and 17953304 (+ 0|7): missing
    text = (
        "指标名称计量单位2012年度历年累计主动公开信息数条20263542其中：1.网站公开条179533042."
        "政府公报公开条07行政复议数条00"
    )
    table = _read(text)
    assert _number(table, "proactive_total") is None
    assert _number(table, "网站公开") is None
    assert (_number(table, "政府公报公开"), _number(table, "政府公报公开", "cumulative")) == (0, 7)
    assert _missing(table)["proactive_total"] == {AMBIGUOUS}


def test_a_table_that_breaks_year_below_cumulative_loses_that_constraint() -> None:
    # 受理 10 can only be 1|0 (the year above the cumulative): this table does not keep
    # 历年累计 ≥ 本年, so 10774 stays ambiguous (10|774, 107|74, 1077|4) rather than 10|774
    text = (
        "指 标 名 称单位2017年历年累计主动公开文件数条10774 其中：1.政府网站公开数条10774 "
        "2.政府公报公开数条00受理政府信息公开申请总数条10 其中：1.当面申请数条00 "
        "2.网上申请数条00 3.信函、传真申请数条10对申请的答复总数条10 其中：1.同意公开答复数条00 "
        "2.同意部分公开答复数条10行政复议数件00行政诉讼数件10"
    )
    table = _read(text)
    assert _number(table, "proactive_total") is None
    assert _missing(table)["proactive_total"] == {AMBIGUOUS}
    # 10 may also be one number and a blank cell: its 其中 list, adding up with 1|0, says not
    assert _number(table, "applications_received") == 1
    assert _number(table, "applications_received", "cumulative") == 0
    assert _number(table, "applications_answered") == 1
    assert _number(table, "同意部分公开答复数") == 1
    assert _number(table, "reviews") == 0  # 00 cannot be one number
    # no list confirms 行政诉讼数 10: 1|0, or 10 and a blank?
    assert _number(table, "litigations") is None
    assert _missing(table)["litigations"] == {MAYBE_ONE}


def test_year_below_cumulative_picks_the_cut_when_the_table_keeps_it() -> None:
    # 4251516: 4|251516, 42|51516, 425|1516, 4251|516 (42515|16 … put the year above)
    # with 网站 4181509 and 公报 77 (7|7): only 425|1516 = 418|1509 + 7|7
    text = (
        "指标名称计量单位2011年度历年累计主动公开信息数条4251516其中：1.网站公开条4181509"
        "2.政府公报公开条77行政复议数条00"
    )
    table = _read(text)
    assert _number(table, "proactive_total") == 425
    assert _number(table, "proactive_total", "cumulative") == 1516
    assert _number(table, "网站公开") == 418
    assert _number(table, "网站公开", "cumulative") == 1509


def test_year_below_cumulative_narrows_a_list() -> None:
    # 1210 is 1|210, 12|10 or 121|0, and 网站 the same string with 公报 00: the sum holds for
    # every cut, 历年累计 ≥ the year only for 1|210.  1234 (1|234, 12|34) is in no list;
    # every cut of 9051 (90|51, 905|1; 9|051 has a leading zero) puts the year above
    rows = (
        "主动公开信息数条1210其中：1.网站公开条12102.政府公报公开条00受理政府信息公开申请总数条03"
        "行政复议数件1234行政诉讼数件9051"
    )
    table = _read("指标名称计量单位2014年度历年累计" + rows)
    assert (_number(table, "proactive_total"), _number(table, "proactive_total", "cumulative")) == (1, 210)  # fmt: skip
    assert _number(table, "网站公开", "cumulative") == 210
    assert _number(table, "applications_received", "cumulative") == 3
    assert _missing(table) == {"reviews": {AMBIGUOUS}, "litigations": {NO_SPLIT}}
    # a row whose only cut puts the year above the cumulative (10: 1|0, confirmed by its
    # list): the table does not keep the rule, which then decides nothing
    broken = "受理依申请公开信息总数条10其中：1.当面申请数条102.网上申请数条00"
    table = _read("指标名称计量单位2014年度历年累计" + broken + rows)
    assert _number(table, "applications_received") == 1
    assert _number(table, "proactive_total") is None
    assert _missing(table)["proactive_total"] == {AMBIGUOUS}


def test_a_visible_blank_cell_stops_the_splitting_of_glued_runs() -> None:
    # 网站 has no digits: a cell of this glued table can be blank, so 4251516 may be one cell
    text = (
        "指标名称计量单位2011年度历年累计主动公开信息数条4251516其中：1.网站公开条"
        "2.政府公报公开条77行政复议数条00"
    )
    table = _read(text)
    assert _number(table, "proactive_total") is None
    assert _missing(table)["proactive_total"] == {MAYBE_BLANK}
    assert table.cell("网站公开").kind is ValueKind.BLANK  # type: ignore[union-attr]
    assert _number(table, "reviews") == 0  # 00 is two cells whatever else is blank


def test_sums_that_contradict_one_another_decide_nothing() -> None:
    # 受理 2121 = 当面 + 传真 33 holds only as 21|21 with 当面 18|18; but 当面's own list
    # (上午 1800: 1|800, 180|0 above; 下午 018: 0|18) adds up only to 当面 1|818: the two
    # lists contradict each other, so neither chooses
    text = (
        "指标名称计量单位2012年度历年累计受理依申请公开信息总数条2121其中：1.当面申请数条1818"
        "其中：1.上午条18002.下午条0182.传真申请数条33行政复议数条00"
    )
    table = _read(text)
    assert table.row("下午").path == ("applications_received", "当面申请数", "下午")  # type: ignore[union-attr]
    assert table.row("传真申请数").path == ("applications_received", "传真申请数")  # type: ignore[union-attr]
    assert _number(table, "applications_received") is None
    assert _number(table, "当面申请数") is None
    assert _missing(table) == {
        "applications_received": {AMBIGUOUS},
        "当面申请数": {AMBIGUOUS},
        # a single number (1800, 33) needs a list that adds up with its cut to be cut
        "上午": {MAYBE_ONE},
        "传真申请数": {MAYBE_ONE},
    }
    assert (_number(table, "下午"), _number(table, "下午", "cumulative")) == (0, 18)


def test_two_digit_numbering_cut_off_the_value() -> None:
    # …9.其他方式 条 5, glued to 10.: 510 is 5, then row 10
    ways = ("当面", "传真", "电邮", "网上", "电话", "来访", "委托", "邮寄")
    items = "".join(f"{n}.{way}申请数条0" for n, way in enumerate(ways, 1))
    text = (
        f"指标名称计量单位年末统计受理依申请公开信息总数条5其中：{items}9.其他方式条510.信函申请数条0"
        "行政复议数件0"
    )
    table = _read(text)
    assert _number(table, "其他方式") == 5
    assert _number(table, "邮寄申请数") == 0
    assert _number(table, "信函申请数") == 0
    assert table.row("信函申请数").label == "10.信函申请数"  # type: ignore[union-attr]
    assert table.row("信函申请数").path == ("applications_received", "信函申请数")  # type: ignore[union-attr]


def test_items_numbered_in_brackets_and_circles_and_a_skipped_number() -> None:
    text = (
        "指标名称 单位 统计数 1.不同意公开答复数 件 3 （1）涉及国家秘密 件 1 （2）涉及商业秘密 件 2 "
        "2.不属于本行政机关公开数 件 0 ①当面 件 0 ②网络 件 0 4.申请信息不存在数 件 1 "
        "行政复议数量 件 0"
    )
    table = _read(text)
    # each row's parent (ids: ① is folded to 1 by the label key, so "1当面")
    parents = {r.label: r.path[:-1] for r in table.rows}
    assert parents == {
        "1.不同意公开答复数": (),
        "（1）涉及国家秘密": ("不同意公开答复数",),
        "（2）涉及商业秘密": ("不同意公开答复数",),
        "2.不属于本行政机关公开数": (),
        "①当面": ("不属于本行政机关公开数",),
        "②网络": ("不属于本行政机关公开数",),
        "4.申请信息不存在数": (),
        "行政复议数量": (),
    }
    assert _number(table, "申请信息不存在数") == 1


def test_digits_inside_a_label_end_the_table_rather_than_give_a_number() -> None:
    text = (
        "指标名称 计量单位 年末统计 主动公开信息数 条 15 受理依申请公开信息总数 条 4 "
        "其中：1．政务服务12345热线 件 3 行政复议数 件 0"
    )
    table = _read(text)
    assert [r.id for r in table.rows] == ["proactive_total", "applications_received"]
    assert _number(table, "applications_received") == 4


def test_truncated_table_ends_before_the_signature() -> None:
    text = (
        "七、附表 指标名称计量单位年末统计主动公开信息数条86其中：1、网站公开条86 2、政府公报公开条0"
        "受理依申请公开信息总数条0其中：1、当面申请数条0 2、传真申请数条0 3、电子邮件申请数条0 "
        "平潭综合实验区财政金融局2017年1月13日"
    )
    table = _read(text)
    assert _number(table, "proactive_total") == 86
    assert _number(table, "applications_received") == 0
    assert table.rows[-1].id == "电子邮件申请数"
    assert table.row("applications_answered") is None
    assert table.row("reviews") is None


def test_blank_none_and_dash_are_kept_apart() -> None:
    text = (
        "指标名称 计量单位 年末统计 主动公开信息数 条 12 其中：1．网站公开 条 2．政府公报公开 条 无 "
        "受理依申请公开信息总数 条 —— 行政复议数 件 0"
    )
    table = _read(text)
    kinds = {r.id: r.value.kind for r in table.rows}
    assert kinds == {
        "proactive_total": ValueKind.COUNT,
        "网站公开": ValueKind.BLANK,
        "政府公报公开": ValueKind.NONE,
        "applications_received": ValueKind.DASH,
        "reviews": ValueKind.ZERO,
    }


def test_rows_with_blank_cells_run_into_the_next_label() -> None:
    # glued: 受理依申请公开信息总数条 (blank) runs into 行政复议数, a label the catalogue knows
    text = (
        "指标名称计量单位年末统计主动公开信息数条5其中：1．网站公开条2．政府公报公开条5"
        "受理依申请公开信息总数条行政复议数件0"
    )
    table = _read(text)
    assert [(r.id, r.value.kind) for r in table.rows] == [
        ("proactive_total", ValueKind.COUNT),
        ("网站公开", ValueKind.BLANK),
        ("政府公报公开", ValueKind.COUNT),
        ("applications_received", ValueKind.BLANK),
        ("reviews", ValueKind.ZERO),
    ]
    # white space after a unit that no value follows: the row ends there (附件下载 is no row)
    table = _read("指标名称 计量单位 年末统计 主动公开信息数 条 5 行政复议数 件 附件下载")
    assert [(r.id, r.unit, r.value.kind) for r in table.rows] == [
        ("proactive_total", "条", ValueKind.COUNT),
        ("reviews", "件", ValueKind.BLANK),
    ]


def test_national_form_with_sections_and_notes() -> None:
    text = (
        "2016年度政府信息公开工作情况统计表 统 计 指 标 单位 统计数 一、主动公开情况"
        "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）条 60 "
        "其中：主动公开规范性文件数 条 2 制发规范性文件总数 件 2 "
        "三、依申请公开情况（一）收到申请数 件 7 1.当面申请数 件 3 2.网络申请数 件 4 "
        "（二）申请办结数 件 7 （三）申请答复数 件 7 四、行政复议数量 件 1 五、行政诉讼数量 件 0 "
        "六、被举报投诉数量 件 0 八、机构建设和保障经费情况 "
        "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）万元 1.5"
    )
    table = _read(text)
    assert _number(table, "proactive_total") == 60
    assert table.row("proactive_total").path == ("主动公开情况", "proactive_total")  # type: ignore[union-attr]
    assert table.row("主动公开规范性文件数").path == (  # type: ignore[union-attr]
        "主动公开情况", "proactive_total", "主动公开规范性文件数"
    )  # fmt: skip
    assert table.row("制发规范性文件总数").unit == "件"  # type: ignore[union-attr]
    assert _number(table, "applications_received") == 7
    assert _number(table, "当面申请数") == 3
    assert _number(table, "applications_closed") == 7
    assert _number(table, "applications_answered") == 7
    assert _number(table, "reviews") == 1
    assert _number(table, "litigations") == 0
    assert _number(table, "complaints") == 0
    fund = table.rows[-1]
    assert fund.unit == "万元"
    assert fund.value.raw == "1.5"


def test_no_head_no_table() -> None:
    assert read_legacy_stream(_PROSE) is None
    # the words of the head in a sentence, no unit head after them
    assert read_legacy_stream(_PROSE + "我局完善统计指标体系，主动公开信息数 条 15。") is None
    # a head, then prose
    assert read_legacy_stream("指标名称 计量单位 年末统计 本年度我局未收到申请。") is None
    assert read_legacy_stream("") is None


def test_spans_give_line_and_column() -> None:
    text = "附表\r\n指标名称\r\n计量单位\r\n年末统计\r\n主动公开信息数\r\n条\r\n  15\r\n行政复议数 件 0\n"
    table = _read(text)
    value = table.cell("proactive_total")
    assert value is not None
    assert value.span is not None
    assert text[value.span.start : value.span.end] == "15"
    assert (value.span.line, value.span.column) == (7, 3)
    reviews = table.cell("reviews")
    assert reviews is not None and reviews.span is not None
    assert (reviews.span.line, reviews.span.column) == (8, 9)


def test_full_width_digits_keep_their_text() -> None:
    text = "指标名称 计量单位 年末统计 主动公开信息数 条 １５ 行政复议数 件 ０"
    table = _read(text)
    value = table.cell("proactive_total")
    assert value is not None and value.number == 15
    assert value.raw == "１５"


@pytest.mark.parametrize("separator", [" ", "", "\u3000", "\n", "\t"])
def test_seed_000_flattened_reads_as_its_lines(separator: str) -> None:
    # the seed's tab-led table (read by the line-based recogniser) with its white space
    # replaced: the stream reads the same rows, labels, units, values and hierarchy
    report = parse(_SEED_000)
    assert report.legacy is not None
    text = re.sub(r"\s+", separator, report.document.text)
    table = _read(text)
    assert not table.missing
    got = [(r.id, r.label, r.path, r.unit, r.value.number) for r in table.rows]
    want = [(r.id, r.label, r.path, r.unit, r.value.number) for r in report.legacy.rows]
    assert got == want


def test_line_based_table_first_stream_otherwise() -> None:
    report = parse(_SEED_000)
    blocks = blocks_of(report.document)
    table = recognize_legacy(row_views(blocks.tables))
    assert table is not None
    assert report.legacy == table  # the seed reads exactly as the line-based recogniser reads it
    flat = "某局2017年报告。" + re.sub(r"\s+", "", report.document.text)
    streamed = parse(flat).legacy
    assert streamed is not None
    assert streamed.cell("proactive_total").number == 60  # type: ignore[union-attr]


def test_the_stream_wins_where_lines_cut_rows_into_pieces() -> None:
    """Text wrapped at a fixed width starts lines in the middle of rows; read from lines, the
    rows are pieces of two, read from the stream they are whole (pingtan/002: 附表 of 6
    indicators, hand-read in expected.jsonl: 主动公开信息数 6, the rest 0)."""
    text = (_CORPUS / "pingtan" / "002_huanbaoju_2009.txt").read_text(encoding="utf-8")
    start = text.index("附表")
    words = text[start:].split()
    lines, current = [], ""
    for word in words:  # wrap at about 30 characters
        if current and len(current) + len(word) > 30:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    wrapped = text[:start] + "\n".join(lines)
    table = parse(wrapped).legacy
    assert table is not None
    by_lines = recognize_legacy(row_views(blocks_of(parse(wrapped).document).tables))
    assert by_lines is not None and by_lines.row("proactive_total") is None  # the label cut
    assert fuller_legacy(by_lines, table) is table
    assert table.cell("proactive_total").number == 6  # type: ignore[union-attr]
    assert table.cell("applications_answered").number == 0  # type: ignore[union-attr]
    assert table.cell("complaints").number == 0  # type: ignore[union-attr]


def test_ten_megabytes_of_heads_and_noise_on_one_line() -> None:
    """A head, twenty copies of three rows glued in two columns (2011年度 | 历年累计), then
    noise that looks like the start of a head (统计指标 and 5,000 digits, 指 标 名 称 and
    5,000 条), all repeated to 10 MB on one line: the first head's sixty rows are read, each
    value split in its two columns or left unknown, never split wrong.  (Its time against its
    size, which must grow linearly, is measured by ``benchmarks/bench_scaling.py --kinds
    legacy``, not asserted here.)"""
    table = read_legacy_stream(_legacy_noise(10_000_000))
    assert table is not None and table.span is not None and table.span.start == 0
    truth = {"proactive_total": (425, 1516), "网站公开": (418, 1509), "政府公报公开": (7, 7)}
    assert [r.id for r in table.rows] == list(truth) * 20
    for r in table.rows:
        read = (r.value.number, r.cumulative.number if r.cumulative else None)
        assert read in (truth[r.id], (None, None)), (r.id, read)


def _legacy_noise(size: int) -> str:
    head = "指标名称计量单位2011年度历年累计"
    rows = "主动公开信息数条4251516其中：1.网站公开条41815092.政府公报公开条77"
    noise = "统计指标" + "1" * 5000 + "指 标 名 称" + "条" * 5000
    unit = head + rows * 20 + noise
    return (unit * (size // len(unit) + 1))[:size]


# --------------------------------------------------------------------------- the corpus


def _entries() -> list[dict[str, Any]]:
    out = []
    with (_CORPUS / "expected.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            entry = json.loads(line)
            if "file" in entry and entry["file"].endswith(".txt"):
                out.append(entry)
    return out


def test_corpus_legacy_figures_are_never_wrong() -> None:
    right = 0
    wrong: list[str] = []
    for entry in _entries():
        report = parse(_CORPUS / entry["file"])
        table = report.legacy
        want = entry.get("legacy") or {}
        for key in (
            "proactive_total", "applications_received", "applications_closed",
            "applications_answered", "reviews", "litigations", "complaints",
        ):  # fmt: skip
            row = table.row(key) if table is not None else None
            got = row.value.number if row is not None else None
            expected = want.get(key)
            if got is None:
                continue
            if got == expected:
                right += 1
            else:
                wrong.append(f"{entry['file']} {key}: {got} (hand-read {expected})")
            if row is not None and row.value.span is not None:
                span = row.value.span
                assert report.document.text[span.start : span.end] == row.value.raw
    assert wrong == []
    assert right >= 60
