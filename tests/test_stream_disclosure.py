"""Table 二 read from the character stream: glued one-line pages of both formats.

The texts are written here from the official forms (format-spec §4); every expected number
is one written into the text.
"""

from __future__ import annotations

from decimal import Decimal

from opengov_report import parse
from opengov_report.model.tables import DisclosureTable2019, DisclosureTable2021

_T3 = (
    "三、收到和处理政府信息公开申请情况 申请人情况自然人法人或其他组织总计商业企业科研机构"
    "社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量0000000"
)


def test_a_glued_2021_table_reads_what_one_cut_decides() -> None:
    text = (
        "某局2022年政府信息公开工作年度报告\n一、总体情况 工作有序推进。二、主动公开政府信息情况"
        "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件8855698"
        "第二十条第（五）项信息内容本年处理决定数量行政许可10690第二十条第（六）项信息内容本年处理决定"
        "数量行政处罚2113行政强制0第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费"
        "9116.36 （二）其他 本年度无。" + _T3
    )
    table = parse(text).disclosure
    assert isinstance(table, DisclosureTable2021)
    assert [table.row("regulations")[c].number for c in ("issued", "repealed", "in_force")] == [
        0,
        0,
        0,
    ]
    assert table.row("admin_license")["decisions"].number == 10690
    assert table.row("admin_penalty")["decisions"].number == 2113
    fees = table.row("admin_fees")["amount"]
    assert fees.number == Decimal("9116.36") and fees.unit == "万元"
    # seven digits for three columns and no sum between them: left missing, never guessed
    assert table.row("normative_documents") == {}
    reasons = {(m.row, m.column): m.reason for m in table.missing}
    assert reasons[("normative_documents", "issued")] == "glued digits: ambiguous split"


def test_a_glued_2019_table_and_its_signed_column() -> None:
    text = (
        "某局2020年政府信息公开工作年度报告\n一、总体情况 工作有序推进。二、主动公开政府信息情况"
        "第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件9921"
        "第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可2 -1 7其他对外管理服务"
        "事项000第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费00" + _T3
    )
    table = parse(text).disclosure
    assert isinstance(table, DisclosureTable2019)
    license_row = table.row("admin_license")
    assert [license_row[c].number for c in ("previous_items", "change", "decisions")] == [2, -1, 7]
    assert table.row("admin_fees")["change"].number == 0
    assert table.row("other_services")["decisions"].number == 0


def test_a_glued_row_of_table_two_is_labelled_by_its_own_label() -> None:
    """pingtan/028: …第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性
    文件417…: the head runs into the first row's label; the row is 规章, not the whole run."""
    from opengov_report import parse
    from tests.conftest import CORPUS

    table = parse(CORPUS / "pingtan" / "028_gonganju_2022.txt").disclosure
    assert table is not None
    labels = {c.row: c.row_label for c in table.cells}
    assert labels["regulations"] == "规章"
    assert labels["normative_documents"] == "行政规范性文件"
    assert labels["admin_license"] == "行政许可"
