"""Recognition of variants real reports come in, beyond the seeds (synthetic fixtures)."""

from __future__ import annotations

from opengov_report import Era, ValueKind, parse
from tests.conftest import LAYOUTS

_APP_HEAD = "\t\n\t自然人\n\t法人或其他组织\n\t总计\n\n\t\n\t\n\t商业企业\n\t科研机构\n\t社会公益组织\n\t法律服务机构\n\t其他\n\t\n\n"


def _tsv_report(rows: list[str], head: str = "") -> str:
    return (
        "某局2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        + head
        + "\n".join(rows)
        + "\n"
    )


def test_group_subtotal_row_uses_the_group_id() -> None:
    text = _tsv_report(
        [
            "（三）不予公开\t\t2\t0\t0\t0\t0\t0\t2",
            "\t1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1",
            "\t2.其他法律行政法规禁止公开\t1\t0\t0\t0\t0\t0\t1",
        ]
    )
    report = parse(text)
    assert report.applications is not None
    assert report.applications.cell("denied", "total") is not None
    assert report.applications.cell("denied", "total").number == 2  # type: ignore[union-attr]
    assert report.applications.cell("denied.law_forbidden", "natural_person").number == 1  # type: ignore[union-attr]


def test_subtotal_column_from_the_header() -> None:
    head = "\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t小计\t总计\n"
    text = _tsv_report(["一、本年新收政府信息公开申请数量\t5\t1\t0\t0\t0\t1\t2\t7"], head)
    report = parse(text)
    assert report.applications is not None
    row = report.applications.row("new_received")
    assert list(row) == [
        "natural_person",
        "commercial_enterprise",
        "research_institution",
        "social_welfare_organization",
        "legal_service_organization",
        "other_organization",
        "legal_entity_subtotal",
        "total",
    ]
    assert row["legal_entity_subtotal"].number == 2
    assert row["total"].number == 7


def test_lost_header_maps_by_official_order_only_when_the_count_fits() -> None:
    report = parse(
        _tsv_report(
            [
                "一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3",
                "二、上年结转政府信息公开申请数量\t1\t2",
            ]
        )
    )
    assert report.applications is not None
    assert report.applications.cell("new_received", "total").number == 3  # type: ignore[union-attr]
    assert report.applications.cell("carried_over", "natural_person") is None
    reasons = {(m.row, m.reason) for m in report.applications.missing}
    assert ("carried_over", "cell count does not fit") in reasons


def test_wrapped_and_spaced_labels_in_cells_layout() -> None:
    text = (
        "某局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        "\t第二十条第（一）项\n\n\t信息内容\n\t本年新\n制作数量\n\t本年 新\n公开数量\n\t对外公开\n总数量\n\n"
        "\t规  章\n\t0\n\t无\n\t——\n\n"
    )
    report = parse(text)
    assert report.era is Era.V2019
    assert report.disclosure is not None
    row = report.disclosure.row("regulations")
    assert [v.kind for v in row.values()] == [ValueKind.ZERO, ValueKind.NONE, ValueKind.DASH]
    assert list(row) == ["new_made", "new_published", "total_published"]


def test_glued_rows_split_by_totals_and_column_identities() -> None:
    text = (
        "某区2021年政府信息公开工作年度报告。一、总体情况本年度认真落实条例。"
        "二、收到和处理政府信息公开申请情况本年新收政府信息公开申请数量400000040"
        "上年结转政府信息公开申请数量0000000（一）予以公开400000040（七）总计400000040"
        "四、结转下年度继续办理0000000。三、存在的主要问题及改进情况无。"
    )
    report = parse(text)
    apps = report.applications
    assert apps is not None
    new = apps.row("new_received")
    assert new["natural_person"].number == 40
    assert new["total"].number == 40
    assert all(c.recovered for c in apps.cells if c.row == "new_received")
    # each recovered value points at its own digits in the source
    span = new["total"].span
    assert span is not None
    assert text[span.start : span.end] == "40"


def test_ambiguous_glued_row_stays_unresolved() -> None:
    text = (
        "某区2021年政府信息公开工作年度报告。一、总体情况本年度认真落实条例。"
        "本年度我局扎实推进政府信息公开工作，主动公开各类信息，规范依申请公开办理流程，加强监督保障。"
        "二、收到和处理政府信息公开申请情况本年新收政府信息公开申请数量123001016"
        "上年结转政府信息公开申请数量0000000。三、存在的主要问题及改进情况无。"
    )
    report = parse(text)
    apps = report.applications
    assert apps is not None
    assert apps.row("new_received") == {}
    assert {m.reason for m in apps.missing if m.row == "new_received"} == {
        "glued digits: ambiguous split"
    }


def test_regional_legacy_table_with_cumulative_column() -> None:
    text = (
        "某市2009年政府信息公开工作年度报告\n附件\n"
        "指标名称\t计量单位\t2009年度\t历年累计\n"
        "主动公开政府信息数\t条\t120\t560\n"
        "其中：全文电子化的主动公开信息数\t条\t100\t500\n"
        "收到申请数\t件\t5\t18\n"
        "行政申诉数\t件\t0\t1\n"
    )
    report = parse(text)
    assert report.era is Era.LEGACY
    legacy = report.legacy
    assert legacy is not None
    assert legacy.columns == ("value", "cumulative")
    assert legacy.cell("proactive_total").number == 120  # type: ignore[union-attr]
    assert legacy.cell("proactive_total", "cumulative").number == 560  # type: ignore[union-attr]
    assert legacy.cell("applications_received", "cumulative").number == 18  # type: ignore[union-attr]
    # the regional tables' 行政申诉数 is their complaints row (the catalogue knows it)
    extra = legacy.row("complaints")
    assert extra is not None
    assert extra.label == "行政申诉数"
    assert extra.unit == "件"
    sub = legacy.row("全文电子化的主动公开信息数")
    assert sub is not None
    assert sub.path[0] == "proactive_total"


def test_tables_replaced_by_sentences_are_statements_not_zeros() -> None:
    text = (
        "某局2022年政府信息公开工作年度报告\n一、总体情况\n本年度……。\n"
        "三、收到和处理政府信息公开申请情况\n本年度未收到政府信息公开申请。\n"
        "四、政府信息公开行政复议、行政诉讼情况\n本年度未发生政府信息公开行政复议、行政诉讼情况。\n"
    )
    report = parse(text)
    assert report.applications is None
    assert report.reviews is None
    assert sorted(s.table for s in report.statements) == ["applications", "reviews"]
    assert not report.figures()


def test_metadata_in_chinese_numerals_and_scraper_header() -> None:
    text = (
        "标题：某县教育局二〇二一年政府信息公开工作年度报告\n发布日期：2022-01-28\n"
        "某县教育局二〇二一年政府信息公开工作年度报告\n一、总体情况\n本年度……。\n"
    )
    meta = parse(text).metadata
    assert meta.year == 2021
    assert meta.agency == "某县教育局"
    assert str(meta.published) == "2022-01-28"
    assert meta.signatory is None


def test_unrecognisable_text_is_unknown_with_no_tables() -> None:
    report = parse("hello\nworld\n")
    assert report.era is Era.UNKNOWN
    assert report.tables == ()
    assert report.metadata.title is None


def test_right_padded_rows_keep_every_row() -> None:
    """A PDF or HTML extraction that pads every row with an empty cell on the right: the
    header's 总计 is a column, not the row （七）总计, and no row is lost."""
    head = "\t自然人\t法人或其他组织\t\t\t\t\t总计\t\n\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\t\n"
    rows = [
        "一、本年新收政府信息公开申请数量\t5\t1\t0\t0\t0\t0\t6\t",
        "（一）予以公开\t4\t1\t0\t0\t0\t0\t5\t",
        "（七）总计\t4\t1\t0\t0\t0\t0\t5\t",
        "四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1\t",
    ]
    report = parse(_tsv_report(rows, head))
    table = report.applications
    assert table is not None
    assert {m.row for m in table.missing if m.column is not None} == set()
    assert table.cell("total_processed", "total").number == 5  # type: ignore[union-attr]
    assert table.cell("total_processed", "natural_person").number == 4  # type: ignore[union-attr]


def test_a_reviews_row_left_entirely_blank_is_fifteen_blank_cells() -> None:
    head = "行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n"
    for layout in ("tsv", "cells"):
        row = "\t" * 14 if layout == "tsv" else "\n".join(["\t"] * 15)
        text = (
            "某局2022年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n"
            + head
            + row
            + "\n"
        )
        report = parse(text)
        assert report.reviews is not None, layout
        assert report.reviews.missing == (), layout
        kinds = {f.value.kind for f in report.figures() if f.table == "reviews"}
        assert kinds == {ValueKind.BLANK}, layout
        assert len(report.reviews.cells) == 15, layout


def test_a_disclosure_head_naming_a_column_twice_leaves_the_row_unresolved() -> None:
    text = (
        "某局2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
        "信息内容\t本年制发件数\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t2\t3\t4\n"
    )
    report = parse(text)
    table = report.disclosure
    assert table is not None
    assert table.row("regulations") == {}
    assert {(m.row, m.column) for m in table.missing if m.row == "regulations"} == {
        ("regulations", "issued"),
        ("regulations", "repealed"),
        ("regulations", "in_force"),
    }


def test_glued_disclosure_rows_split_only_where_the_split_is_unique() -> None:
    """A one-line web page: caption, head and row label run together, then the row's digits.
    ``000`` and ``123`` can be cut into three numbers one way only; ``1012`` several ways
    (1 0 12, 10 1 2): it stays unresolved.  Single-value rows read as they are."""
    text = (
        "某局2021年政府信息公开工作年度报告二、主动公开政府信息情况第二十条第（一）项信息内容"
        "本年制发件数本年废止件数现行有效件数规章123行政规范性文件1012第二十条第（五）项信息内容"
        "本年处理决定数量行政许可12三、收到和处理政府信息公开申请情况本年度未收到政府信息公开申请。"
    )
    report = parse(text)
    table = report.disclosure
    assert table is not None and table.era is Era.V2021
    figures = {(f.row, f.column): f for f in report.figures() if f.table == "disclosure"}
    assert {k: f.value.number for k, f in figures.items()} == {
        ("regulations", "issued"): 1,
        ("regulations", "repealed"): 2,
        ("regulations", "in_force"): 3,
        ("admin_license", "decisions"): 12,
    }
    for f in figures.values():
        span = f.span
        assert span is not None and text[span.start : span.end] == f.value.raw
    assert all(f.recovered for k, f in figures.items() if k[0] == "regulations")
    assert {(m.column, m.reason) for m in table.missing if m.row == "normative_documents"} == {
        ("issued", "glued digits: ambiguous split"),
        ("repealed", "glued digits: ambiguous split"),
        ("in_force", "glued digits: ambiguous split"),
    }


_REVIEW_HEAD = (
    "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
    "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计"
)


def test_a_glued_reviews_row_is_cut_by_its_group_totals() -> None:
    """Table 四 on a one-line page: its head, then its 15 numbers run together.  Each group's
    总计 is the sum of its four results, which leaves one cut of ``12000120000000000``."""
    one_line = (LAYOUTS / "one_line.txt").read_text(encoding="utf-8")
    text = one_line.replace("本年度未发生行政复议和行政诉讼。", _REVIEW_HEAD + "12000120000000000")
    report = parse(text)
    assert report.document.text == text
    table = report.reviews
    assert table is not None and table.missing == ()
    assert table.row("review")["upheld"].number == 12
    assert table.row("review")["total"].number == 12
    assert all(v.number == 0 for v in table.row("litigation_direct").values())
    for f in report.figures():
        if f.table == "reviews":
            assert f.recovered
            assert f.span is not None and text[f.span.start : f.span.end] == f.value.raw
    # digits whose groups cannot add up stay missing, never guessed: sixteen digits for
    # fifteen cells, and no cut makes 2 + 1 + 0 + 0 (or any other) the group's 总计
    broken = one_line.replace("本年度未发生行政复议和行政诉讼。", _REVIEW_HEAD + "2100310000000000")
    table = parse(broken).reviews
    assert table is not None and table.cells == ()
    assert table.missing
    # one digit a cell is read as written, sums or not (the checks report the sum)
    as_written = one_line.replace(
        "本年度未发生行政复议和行政诉讼。", _REVIEW_HEAD + "210031000000000"
    )
    table = parse(as_written).reviews
    assert table is not None
    assert [table.row("review")[c].number for c in ("upheld", "corrected", "total")] == [2, 1, 3]


_TITLE = "某市某局2022年政府信息公开工作年度报告\n"
_HEAD_APPLICATIONS = (
    "三、收到和处理政府信息公开申请情况\n"
    "| | 自然人 | 法人或其他组织 | | | | | 总计 |\n"
    "| | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |\n"
)


def test_a_table_four_head_padded_to_fifteen_columns_is_no_table_three() -> None:
    """Table 四's second head row names 总计 among its results; padded with empty cells it
    still holds no row of table 三 (the report prints no table 三)."""
    text = _TITLE + (
        "四、政府信息公开行政复议、行政诉讼情况\n"
        "| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |\n"
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | "
        "| 复议后起诉 | | | | |\n"
        "| | | | | | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 "
        "| 其他结果 | 尚未审结 | 总计 |\n"
        "| 0 | 1 | 1 | 0 | 2 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |\n"
    )
    report = parse(text)
    assert report.applications is None
    assert report.reviews is not None and report.reviews.cell("review", "total").number == 2  # type: ignore[union-attr]


def test_a_value_written_with_words_is_kept_and_the_row_read() -> None:
    """``约4`` where 自然人's number goes: the cell is kept as written (unreadable), the row's
    other cells are read, and the label is the row's own."""
    text = (
        _TITLE
        + _HEAD_APPLICATIONS
        + (
            "| 一、本年新收政府信息公开申请数量 | 约4 | 0 | 0 | 0 | 0 | 0 | 4 |\n"
            "| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        )
    )
    table = parse(text).applications
    assert table is not None
    cells = {c.column: c for c in table.cells if c.row == "new_received"}
    assert cells["natural_person"].value.kind is ValueKind.UNREADABLE
    assert cells["natural_person"].value.raw == "约4"
    assert cells["natural_person"].row_label == "一、本年新收政府信息公开申请数量"
    assert cells["total"].value.number == 4
    assert not [m for m in table.missing if m.row == "new_received"]


def test_a_subtotal_column_under_a_two_row_head() -> None:
    """A report adds 小计 after the five organisation columns, on the head's second row;
    总计, on its first row, is still the last column."""
    text = _TITLE + (
        "三、收到和处理政府信息公开申请情况\n"
        "| | 自然人 | 法人或其他组织 | | | | | | 总计 |\n"
        "| | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 小计 | |\n"
        "| 一、本年新收政府信息公开申请数量 | 3 | 1 | 0 | 0 | 0 | 1 | 2 | 5 |\n"
        "| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
    )
    table = parse(text).applications
    assert table is not None
    row = {c.column: c.value.number for c in table.cells if c.row == "new_received"}
    assert row == {
        "natural_person": 3, "commercial_enterprise": 1, "research_institution": 0,
        "social_welfare_organization": 0, "legal_service_organization": 0,
        "other_organization": 1, "legal_entity_subtotal": 2, "total": 5,
    }  # fmt: skip
