"""The forms catalogue (model/forms.py) as data, and recognition agreeing with it.

Expected labels are written from the forms as docs/format-spec.md §4–§6 quotes them, never
from what the code prints.
"""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given

from opengov_report.model.forms import (
    APPLICANT_HEAD_LABELS,
    APPLICATION_COLUMN_IDENTITIES,
    APPLICATION_GROUP_TEXT,
    DISCLOSURE_FORM,
    DISCLOSURE_ROW_LABELS,
    LEGACY_FORM,
    LEGACY_INDICATOR_LABELS,
    LEGACY_INDICATOR_VARIANTS,
    LEGACY_UNITS,
    REVIEW_GROUP_SUMS,
    LegacyIndicator,
)
from opengov_report.model.tables import LegacyTable
from opengov_report.numerals import strip_numbering
from opengov_report.recognize.labels import legacy_row_id, match_legacy_indicator
from opengov_report.strategies import legacy_tables


def _walk(
    nodes: tuple[LegacyIndicator, ...], path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], LegacyIndicator]]:
    for node in nodes:
        yield (*path, node.id), node
        yield from _walk(node.children, (*path, node.id))


_NUMBERINGS = ("一、", "三、", "（一）", "（二）", "1.", "3．", "2、")


def test_the_groups_of_table_three_as_the_form_prints_them() -> None:
    assert dict(APPLICATION_GROUP_TEXT) == {
        "denied": "（三）不予公开",
        "unable": "（四）无法提供",
        "not_processed": "（五）不予处理",
        "other": "（六）其他处理",
    }


def test_the_head_of_table_three_with_a_subtotal_before_the_total() -> None:
    assert list(APPLICANT_HEAD_LABELS.values()) == [
        "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "小计", "总计",
    ]  # fmt: skip


def test_table_two_rows_are_the_official_labels_of_either_form() -> None:
    for form in DISCLOSURE_FORM.values():
        for row, labels, _ in form:
            assert DISCLOSURE_ROW_LABELS[row] in labels
    assert DISCLOSURE_ROW_LABELS["normative_documents"] == "行政规范性文件"


def test_the_legacy_form_holds_the_well_known_indicators_with_their_labels_and_units() -> None:
    found = {node.id: node for _, node in _walk(LEGACY_FORM)}
    for ident, label in LEGACY_INDICATOR_LABELS.items():
        assert found[ident].label == label
    # format-spec §6.3–§6.4: counts of items are 条, of cases 件, the fee in 万元
    assert found["proactive_total"].unit == "条"
    assert found["applications_received"].unit == "件"
    assert found["fees"].unit == "万元"
    # the sections hold no value
    assert [n.label for n in LEGACY_FORM if n.unit is None] == [
        "主动公开情况", "回应解读情况", "依申请公开情况", "机构建设和保障经费情况",
    ]  # fmt: skip


def test_every_legacy_row_has_a_unit_of_the_form_and_a_path_of_its_own() -> None:
    paths = [path for path, _ in _walk(LEGACY_FORM)]
    assert len(paths) == len(set(paths))
    for _, node in _walk(LEGACY_FORM):
        assert node.unit is None or node.unit in LEGACY_UNITS
        assert node.unit is not None or node.children  # a section has rows under it


def test_recognition_gives_each_legacy_row_the_forms_id_whatever_its_numbering() -> None:
    for _, node in _walk(LEGACY_FORM):
        labels = [node.label] if node.label.startswith("其中") else [
            numbering + node.label for numbering in _NUMBERINGS
        ]  # fmt: skip
        for label in labels:
            assert legacy_row_id(label) == node.id, label


def test_recognition_reads_every_variant_of_a_legacy_indicator_as_it() -> None:
    for ident, variants in LEGACY_INDICATOR_VARIANTS.items():
        for variant in (LEGACY_INDICATOR_LABELS[ident], *variants):
            assert match_legacy_indicator(variant) == ident, variant


@given(legacy_tables())
def test_generated_legacy_rows_take_their_ids_and_labels_from_the_form(table: LegacyTable) -> None:
    by_path = dict(_walk(LEGACY_FORM))
    assert table.rows
    for row in table.rows:
        node = by_path[row.path]
        assert row.id == node.id
        assert row.unit == node.unit
        assert row.label.endswith(node.label)
        assert strip_numbering(row.label)[1] == strip_numbering(node.label)[1]


def test_table_four_sums_each_group_of_five_to_its_last_column() -> None:
    # the form prints 行政复议, 未经复议直接起诉 and 复议后起诉 with five columns each:
    # 结果维持, 结果纠正, 其他结果, 尚未审结, 总计
    assert REVIEW_GROUP_SUMS == (((0, 1, 2, 3), 4), ((5, 6, 7, 8), 9), ((10, 11, 12, 13), 14))


def test_table_three_balances_what_was_received_with_what_was_processed() -> None:
    for fmt in ("2019", "2021"):
        balance, results = APPLICATION_COLUMN_IDENTITIES[fmt]
        # （七）总计 + 四、结转下年度继续办理 = 一、本年新收 + 二、上年结转
        assert balance == (("total_processed", "carried_forward"), ("new_received", "carried_over"))
        total, parts = results
        assert total == ("total_processed",)
        # （一）予以公开 first, the last result row of the format last; no group row, no total
        assert parts[0] == "granted"
        assert parts[-1] == ("other" if fmt == "2019" else "other.other_reasons")
        assert not {"denied", "unable", "not_processed", "total_processed"} & set(parts)


def test_table_two_column_heads_and_their_printed_variants_are_read_as_their_columns() -> None:
    """Each column head of table 二 the catalogue knows, official first, then the variants
    reports print (format-spec §9: 本年度止件数; design.md: 本年废纸件数, 本年度新制作数量,
    本年度公开数量; R-HY22: 现行有效件数 (历史累计)), is read as its column."""
    from opengov_report.model.forms import DISCLOSURE_COLUMN_LABELS, DISCLOSURE_COLUMN_VARIANTS
    from opengov_report.recognize.labels import match_disclosure_column

    assert set(DISCLOSURE_COLUMN_VARIANTS) == set(DISCLOSURE_COLUMN_LABELS)
    for column, labels in DISCLOSURE_COLUMN_VARIANTS.items():
        assert labels[0] == DISCLOSURE_COLUMN_LABELS[column]
        for label in labels:
            assert match_disclosure_column(label) == column, label
    for printed, column in (
        ("本年度止件数", "repealed"),
        ("本年废纸件数", "repealed"),
        ("现行有效件数 (历史累计)", "in_force"),
        ("本年度新制作数量", "new_made"),
        ("本年度公开数量", "new_published"),
    ):
        assert match_disclosure_column(printed) == column, printed
