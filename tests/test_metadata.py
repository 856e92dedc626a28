"""Metadata (title, agency, year, published date, signatory) and era from the places real
pages put them: hand-made texts for each layout, then the real corpus against the values read
by hand in ``examples/corpus/expected.jsonl``."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

from opengov_report import Era, parse
from opengov_report.recognize.header import read_header, span_at
from opengov_report.recognize.metadata import parse_date, parse_year
from tests.conftest import CORPUS

_HEADER = (
    "标题: {title}\n"
    "发布时间: 2020-01-17 08:18\n"
    "文号: \n"
    "发布机构: {publisher}\n"
    "栏目: 政府信息公开年报\n"
    "原文链接: https://www.example.gov.cn/zfxxgknb/202001/t20200117_1.htm\n"
    "页面链接与图片详见 links.tsv(同目录)\n"
    "==================== 正文 ====================\n"
)


def _page(title: str, body: str, publisher: str = "") -> str:
    return _HEADER.format(title=title, publisher=publisher) + body


# --------------------------------------------------------------------------- scraper header


def test_scraper_header_title_and_signature_run_into_a_one_line_body() -> None:
    body = (
        "当前位置： 首页政务公开政府信息公开年报 某县农业局2019年政府信息公开工作年度报告 "
        "来源： 时间：2020-01-17 08:18 微信 微博 一、总体情况2019年，我局认真贯彻落实《条例》。"
        "2020年，我局将继续做好公开工作。六、其他需要报告的事项无 某县农业局 2020年1月15日 附件下载"
    )
    meta = parse(_page("某县农业局2019年政府信息公开工作年度报告", body)).metadata
    assert meta.title == "某县农业局2019年政府信息公开工作年度报告"
    assert meta.year == 2019
    assert meta.agency == "某县农业局"
    # the signature's date, not the archiver's
    assert meta.published == datetime.date(2020, 1, 15)
    assert meta.signatory == "某县农业局"


def test_header_is_read_even_with_empty_fields_and_lines_that_are_not_fields() -> None:
    text = _page("某县农业局2019年政府信息公开工作年度报告", "正文从这里开始。", "某县农业局")
    header = read_header(text)
    keys = [f.key for f in header.fields]
    assert keys[:4] == ["标题", "发布时间", "文号", "发布机构"]
    assert text[header.body_start :] == "正文从这里开始。"
    field = header.get("发布机构")
    assert field is not None
    assert text[field.span.start : field.span.end] == "某县农业局"
    assert field.span.line == 4


def test_header_date_when_no_signature_and_header_publisher_as_last_resort() -> None:
    body = "根据《中华人民共和国政府信息公开条例》，现公布本年度报告。一、总体情况（略）"
    meta = parse(_page("2019年度政府信息公开工作年度报告", body, "某县农业局")).metadata
    assert meta.year == 2019
    assert meta.published == datetime.date(2020, 1, 17)
    assert meta.agency == "某县农业局"


def test_a_header_publisher_that_is_not_an_agency_is_not_taken() -> None:
    body = "根据《中华人民共和国政府信息公开条例》，现公布本年度报告。"
    for junk in ("1", "桌面", "福建学生资助"):
        meta = parse(_page("2019年度政府信息公开工作年度报告", body, junk)).metadata
        assert meta.agency is None


def test_an_addressee_line_is_not_a_header() -> None:
    text = "省政府办公厅：\n本年度报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止。\n"
    assert read_header(text).fields == ()
    assert parse(text).metadata.year == 2017


def test_a_bare_unit_in_the_title_gives_way_to_the_fuller_name_of_the_signature() -> None:
    body = "公安局2009年度政府信息公开工作年度报告 2009年，为确保我局工作。 某县公安局 二○一○年四月十日"
    meta = parse(_page("公安局2009年度政府信息公开工作年度报告", body)).metadata
    assert meta.agency == "某县公安局"
    assert meta.published == datetime.date(2010, 4, 10)


def test_a_title_with_a_place_keeps_its_agency_over_the_signature() -> None:
    body = "正文。\n某区住房和城乡建设局\n2024年1月20日\n"
    meta = parse(_page("某区住建局2023年政府信息公开工作年度报告", body)).metadata
    assert meta.agency == "某区住建局"
    assert meta.signatory == "某区住房和城乡建设局"


# --------------------------------------------------------------------------- titles


@pytest.mark.parametrize(
    ("title", "year", "agency"),
    [
        ("关于报送《某区公安局2016年政府信息公开工作情况》的函", 2016, "某区公安局"),
        ("关于报送《某区公安局 2015年政府信息公开年度报告》的函", 2015, "某区公安局"),
        ("某片区管理局关于报送2020年度政府信息公开工作年度报告的函", 2020, "某片区管理局"),
        ("某片区管理局 关于2021年度政府信息公开工作年度报告", 2021, "某片区管理局"),
        ("关于2014年政府信息公开工作要点落实情况的函", 2014, None),
        ("某县教育局二〇一九年政府信息公开工作年度报告", 2019, "某县教育局"),
        ("某县教育局二零一九年度政府信息公开工作年度报告", 2019, "某县教育局"),
        ("某县教育局２０２１年政府信息公开工作年度报告", 2021, "某县教育局"),
        ("经济技术开发区管委会2019年政府信息公开工作年度报告", 2019, "经济技术开发区管委会"),
        # the name ends where the title's core words start, before the year
        ("某市生态环境局政府信息公开工作2019年度报告", 2019, "某市生态环境局"),
        # 人民政府 and 政府信息公开 share their 政府, the year before or after
        ("2023年度某区人民政府信息公开工作年度报告", 2023, "某区人民政府"),
        ("某区人民政府信息公开工作2023年度报告", 2023, "某区人民政府"),
    ],
)
def test_titles_of_reports_and_cover_letters(title: str, year: int, agency: str | None) -> None:
    meta = parse(_page(title, "正文。")).metadata
    assert meta.title == title
    assert meta.year == year
    assert meta.agency == agency


def test_title_run_into_the_first_paragraph_ends_at_the_title() -> None:
    text = (
        "某市人民政府\n2024 年政府信息公开工作年度报告\n\n"
        "本报告由某市人民政府办公室根据《中华人民共和国政府\n"
        "信息公开条例》（国令第 711 号）（以下简称《条例》）规定编\n"
        "制。\n一、总体情况\n2024 年，我市……。\n"
    )
    meta = parse(text).metadata
    assert meta.title == "某市人民政府2024 年政府信息公开工作年度报告"
    assert meta.year == 2024
    assert meta.agency == "某市人民政府"
    span = meta.span_of("title")
    assert span is not None
    assert span.line == 1


def test_title_at_the_start_of_a_one_line_body() -> None:
    text = "某县财政局2012年政府信息公开工作年度报告 本报告主要根据《条例》编制。一、概述2012年，我局……。"
    meta = parse(text).metadata
    assert meta.title == "某县财政局2012年政府信息公开工作年度报告"
    assert meta.year == 2012
    assert meta.agency == "某县财政局"


def test_a_sentence_is_not_a_title() -> None:
    text = (
        "\n\u3000\u3000根据《中华人民共和国政府信息公开条例》等规定，发布本年度报告。一、总体情况\n"
    )
    meta = parse(text).metadata
    assert meta.title is None
    assert meta.agency is None
    assert meta.year is None


# --------------------------------------------------------------------------- year without title


_KJT = (
    "\n\u3000\u3000本报告根据《中华人民共和国政府信息公开条例》，由某省科学技术厅编制。"
    "本报告中所列数据统计期限自{first}年1月1日起至{last}年12月31日止。"
    "\u3000\u3000一、总体情况\u3000\u3000{first}年，我厅认真落实……。"
    "\u3000\u3000五、存在的主要问题及改进情况\u3000\u3000{next}年，我厅将继续……。"
    "\u3000\u3000某省科学技术厅\u3000\u3000{signed}年1月20日\n"
)


def test_year_from_the_statistics_period_not_from_next_years_plans() -> None:
    text = _KJT.format(first=2019, last=2019, next=2020, signed=2020)
    report = parse(text)
    meta = report.metadata
    assert meta.title is None
    assert meta.year == 2019
    span = meta.span_of("year")
    assert span is not None
    assert text[span.start : span.end] == "2019年1月1日起至2019年12月31日"
    assert meta.agency == "某省科学技术厅"
    assert meta.published == datetime.date(2020, 1, 20)
    assert report.era is Era.V2019  # no table: the year decides


def test_a_period_that_is_not_one_calendar_year_says_nothing() -> None:
    text = "本报告所列数据期限自2018年1月1日起至2019年12月31日止。我局加强管理。"
    assert parse(text).metadata.year is None


def test_periods_that_disagree_leave_the_year_unknown() -> None:
    text = (
        "统计期限自2019年1月1日起至2019年12月31日止。附：统计期限自2018年1月1日至2018年12月31日。"
    )
    assert parse(text).metadata.year is None


def test_a_year_after_the_publication_date_is_not_taken() -> None:
    text = _KJT.format(first=2021, last=2021, next=2022, signed=2019)
    assert parse(text).metadata.year is None


def test_a_year_not_over_when_the_report_was_signed_is_not_taken() -> None:
    text = "\n\u3000\u3000一、总体情况\u3000\u30002021年，我局认真落实。\u3000\u3000某县某局\u3000\u30002021年1月10日\n"
    meta = parse(text).metadata
    assert meta.published == datetime.date(2021, 1, 10)
    assert meta.year is None
    # signed in December of the year it reports on
    assert parse(text.replace("2021年1月10日", "2021年12月20日")).metadata.year == 2021


def test_year_from_the_report_naming_itself() -> None:
    text = (
        "\n\u3000\u3000根据《中华人民共和国政府信息公开条例》等相关规定，"
        "现发布《某省工业和信息化厅2016年度政府信息公开工作报告》。"
        "\u3000\u3000一、基本情况\u3000\u3000一年来，我厅……。2017年，我厅将……。\n"
    )
    meta = parse(text).metadata
    assert meta.year == 2016
    assert meta.agency == "某省工业和信息化厅"
    assert meta.title is None


@pytest.mark.parametrize(
    ("opening", "agency"),
    [
        ("2019年以来，某省科学技术厅深入贯彻党中央部署。", "某省科学技术厅"),
        ("2019年，某市人民政府办公室坚持以人民为中心。", "某市人民政府办公室"),
        ("2019年，某省发展和改革委员会认真落实。", "某省发展和改革委员会"),
        ("2018年，省人社厅坚决落实省委省政府决策部署。", None),  # a short form
        ("2019年，认真贯彻落实省政府办公厅部署。", None),
        ("2019年，我市人民政府坚持以人民为中心。", None),
        ("2019年，在市委市政府的领导下，我局…。", None),
    ],
)
def test_agency_from_the_subject_of_the_opening_sentence(opening: str, agency: str | None) -> None:
    meta = parse(opening + "统计期限自2019年1月1日起至2019年12月31日止。").metadata
    assert meta.agency == agency


def test_an_earlier_report_named_in_the_text_is_not_the_report_naming_itself() -> None:
    text = "一年来，对照《某县某局2018年政府信息公开工作年度报告》提出的问题逐项整改。\n"
    assert parse(text).metadata.year is None
    text = "一年来，与《某县某局2018年政府信息公开工作年度报告》相比，公开数量增加。\n"
    assert parse(text).metadata.year is None


def test_a_notice_about_reports_is_not_the_report_naming_itself() -> None:
    text = (
        "根据《某区办公室关于做好2019年政府信息公开工作年度报告编制工作的通知》要求，"
        "结合我局实际编制本报告。一年来，我局……。\n"
    )
    assert parse(text).metadata.year is None


@pytest.mark.parametrize(
    ("opening", "year"),
    [
        ("2018年，省某厅坚决落实省委省政府决策部署。", 2018),
        ("\u3000\u3000一、总体情况\u3000\u30002019年以来，某省某厅深入贯彻……。", 2019),
        ("\r省政府办公厅：\r\u3000\u30002016年我厅认真贯彻落实《条例》。\r", 2016),
        ("一年来，我厅认真贯彻落实《条例》。2016年，我厅……", None),
    ],
)
def test_year_from_the_opening_sentence(opening: str, year: int | None) -> None:
    assert parse(opening).metadata.year == year


# --------------------------------------------------------------------------- signature


@pytest.mark.parametrize(
    ("tail", "signatory", "published"),
    [
        (
            "改进工作。\n\n某县住房和城乡建设局\n2021年2月19日\n1\n",
            "某县住房和城乡建设局",
            "2021-02-19",
        ),
        (
            "改进工作。\n\n2024年1月20日\n某区住房和城乡建设局\n",
            "某区住房和城乡建设局",
            "2024-01-20",
        ),
        (
            "六、其他需要报告的事项暂无某县某片区管理局 2021年1月26日",
            "某县某片区管理局",
            "2021-01-26",
        ),
        ("培训人员300余人。某省某厅2019年1月30日更多信息请关注官方微信", "某省某厅", "2019-01-30"),
        ("\r\r\r\r某省教育厅\r2017年2月24日\r", "某省教育厅", "2017-02-24"),
        ("不断提高水平。 某县财政局 二○一一年元月二十日", "某县财政局", "2011-01-20"),
        (
            "此函 某片区管理局 2022年1月7日 某片区管理局党政办公室 2022年1月7日印发",
            "某片区管理局",
            "2022-01-07",
        ),
        ("常规化、日常化。 二○一四年三月十七日 七、附表", None, "2014-03-17"),
        ("统计期限自2019年1月1日起至2019年12月31日止。", None, None),
    ],
)
def test_signature_block(tail: str, signatory: str | None, published: str | None) -> None:
    meta = parse("某县某局2020年政府信息公开工作年度报告\n正文。" + tail).metadata
    assert meta.signatory == signatory
    assert (None if meta.published is None else meta.published.isoformat()) == published


def test_a_date_in_a_running_sentence_does_not_sign() -> None:
    text = "某县某局2020年政府信息公开工作年度报告\n正文。某县人民政府2020年12月31日 召开了专题会议，部署工作。"
    meta = parse(text).metadata
    assert meta.signatory is None
    assert meta.published is None


def test_a_cover_letters_signature_followed_by_the_report_title() -> None:
    text = (
        "关于报送《某区公安局2015年政府信息公开年度报告》的函 区办公室：现将报告报送贵处。"
        " 某区公安局2016年1月4日 某区公安局2015年政府信息公开工作年度报告 一、概述（略）"
    )
    meta = parse(text).metadata
    assert meta.signatory == "某区公安局"
    assert meta.published == datetime.date(2016, 1, 4)
    assert meta.year == 2015


def test_a_link_to_another_report_at_the_end_is_not_the_report_naming_itself() -> None:
    text = "一年来，我局认真贯彻落实《条例》。\n上一篇：某县某局2018年政府信息公开工作年度报告\n"
    assert parse(text).metadata.year is None
    text = "一年来，我局认真贯彻落实《条例》。\n附件：某县某局2018年政府信息公开工作年度报告.pdf\n"
    meta = parse(text).metadata
    assert meta.year == 2018
    assert meta.agency == "某县某局"


def test_year_before_the_agency_in_a_title() -> None:
    meta = parse("2019年度某市某局政府信息公开工作年度报告\n一、总体情况\n").metadata
    assert meta.year == 2019
    assert meta.agency == "某市某局"


def test_opening_sentence_after_a_title_without_year() -> None:
    meta = parse("某市某局政府信息公开工作年度报告\n2019年，我局认真贯彻落实《条例》。\n").metadata
    assert meta.agency == "某市某局"
    assert meta.year == 2019


def test_parse_date_and_year_in_chinese_numerals() -> None:
    assert parse_date("二○一一年元月二十日") == datetime.date(2011, 1, 20)
    assert parse_date("二〇二〇年十二月三十一日") == datetime.date(2020, 12, 31)
    assert parse_date("2021年2月30日") is None
    assert parse_year("二零一九年度") == 2019
    assert parse_year("2019 年") == 2019


def test_span_at_counts_every_kind_of_line_ending() -> None:
    text = "a\r\nb\rc\nde"
    span = span_at(text, text.index("e"), text.index("e") + 1)
    assert (span.line, span.column) == (4, 2)


# --------------------------------------------------------------------------- era


@pytest.mark.parametrize(
    ("year", "era"),
    [(2012, Era.LEGACY), (2018, Era.LEGACY), (2019, Era.V2019), (2020, Era.V2019),
     (2021, Era.V2021), (2024, Era.V2021)],
)  # fmt: skip
def test_era_of_a_report_without_tables_follows_its_year(year: int, era: Era) -> None:
    report = parse(f"某县某局{year}年政府信息公开工作年度报告\n一、总体情况\n本年度……。\n")
    assert report.era is era
    assert report.era_evidence
    assert str(year) in report.era_evidence[-1].reason


def test_era_unknown_without_tables_or_year() -> None:
    report = parse("某县某局政府信息公开工作年度报告\n一、总体情况\n一年来……。\n")
    assert report.metadata.year is None
    assert report.era is Era.UNKNOWN


def test_standard_outline_without_year_is_unknown_and_says_why() -> None:
    sections = ("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
                "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项")  # fmt: skip
    numerals = "一二三四五六"
    text = "".join(f"{n}、{t}\n内容。\n" for n, t in zip(numerals, sections, strict=True))
    report = parse(text)
    assert report.metadata.year is None
    assert report.era is Era.UNKNOWN
    assert [e.era for e in report.era_evidence] == [Era.UNKNOWN]
    assert "no year" in report.era_evidence[0].reason


def test_table_labels_decide_the_era_before_the_year() -> None:
    text = (
        "某县某局2018年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        "\t第二十条第（一）项\n\n\t信息内容\n\t本年制发件数\n\t本年废止件数\n\t现行有效件数\n\n"
        "\t规章\n\t0\n\t0\n\t0\n\n"
    )
    report = parse(text)
    assert report.metadata.year == 2018
    assert report.era is Era.V2021
    assert report.era_evidence[0].reason.startswith("table label")


# --------------------------------------------------------------------------- real corpus


def _entries() -> list[dict[str, Any]]:
    with (CORPUS / "expected.jsonl").open(encoding="utf-8") as lines:
        return [e for e in map(json.loads, lines) if "file" in e]


def _expected_era(entry: dict[str, Any]) -> str:
    """``prose`` (no statistics table) is the format of the report's text; the model's era is
    then the year's (expected.jsonl's header: "era is by the table's labels …, else by year")."""
    if entry["era"] != "prose":
        return str(entry["era"])
    return "legacy" if entry["year"] <= 2018 else ("2019" if entry["year"] <= 2020 else "2021")


def test_real_corpus_metadata_is_never_wrong() -> None:
    """Every year, era and agency the library returns for a real report is the one read by
    hand; a missing value is allowed but counted (at least as many as reached today)."""
    found = {"year": 0, "era": 0, "agency": 0}
    wrong: list[str] = []
    for entry in _entries():
        report = parse((CORPUS / entry["file"]).read_bytes())
        meta = report.metadata
        got = {
            "year": meta.year,
            "era": None if report.era is Era.UNKNOWN else report.era.value,
            "agency": None if meta.agency is None else "".join(meta.agency.split()),
        }
        want = {
            "year": entry["year"],
            "era": _expected_era(entry),
            "agency": "".join(entry["agency"].split()),
        }
        for key, value in got.items():
            if value is None:
                continue
            if value != want[key]:
                wrong.append(f"{entry['file']}: {key} {value!r} != {want[key]!r}")
            else:
                found[key] += 1
    assert wrong == []
    assert found["year"] >= 49
    assert found["era"] >= 49
    assert found["agency"] >= 49


def test_years_and_dates_in_full_width_digits() -> None:
    """A body without a title whose opening and signature write their digits full-width
    (２０１８年, ２０１９年１月３０日), as some sites do."""
    body = (
        "２０１８年，省人社厅坚决落实省委省政府决策部署，深入推进政务公开工作。"
        "一、概述 本年度工作有序推进。 河北省人力资源和社会保障厅 ２０１９年１月３０日"
    )
    meta = parse(body).metadata
    assert meta.year == 2018
    assert meta.published == datetime.date(2019, 1, 30)
    assert meta.agency == "河北省人力资源和社会保障厅"


def _body(name: str) -> str:
    """A corpus page without the crawler's header: the text a reader copies from the site."""
    text = (CORPUS / "pingtan" / name).read_text(encoding="utf-8")
    rule = text.index("正文")
    return text[text.index("\n", rule) + 1 :]


def test_the_year_after_the_standard_preamble() -> None:
    # 根据《中华人民共和国政府信息公开条例》…，特编制此报告：一、总体情况2022年，在区管委会…
    assert parse(_body("028_gonganju_2022.txt")).metadata.year == 2022


def test_a_notice_in_the_clause_before_does_not_hide_the_report_naming_itself() -> None:
    # …《关于政府信息公开工作年度报告有关事项的通知》精神，我局编制了2019年度政府信息公开年度报告。
    assert parse(_body("018_gonganju_2019.txt")).metadata.year == 2019


def test_a_report_drawn_up_by_its_agency_s_office_is_the_agency_s() -> None:
    """pingtan/007 without its header: 本年报…由平潭县工商局办公室编制 — the office drafts the
    agency's report; a county government's report drawn up by its office is the
    government's.  An office that is the agency itself (办公室 of nothing) stays whole."""
    opening = "本年报系根据《中华人民共和国政府信息公开条例》的要求，由{}编制。一、概述\n2012年，我局……。\n"
    cases = {
        "平潭县工商局办公室": "平潭县工商局",
        "某某县人民政府办公室": "某某县人民政府",
        "某省人民政府办公厅": "某省人民政府办公厅",
        "某市政务公开办公室": "某市政务公开办公室",
    }
    for drawn_up_by, agency in cases.items():
        assert parse(opening.format(drawn_up_by)).metadata.agency == agency, drawn_up_by


def test_the_date_a_site_s_page_was_published_on() -> None:
    """Two kinds of page as copied from government sites: a platform's block of fields
    (索引号 … 生成日期：2024-01-25 … 标题：…), and a line of fields under the title (来源：…
    发布时间：2024-01-25 10:12    浏览次数：123), whose view count is no table cell."""
    block = (
        "索引号：11330100002489XXXX/2024-00123\n主题分类：政务公开\n发布机构：某市某区财政局\n"
        "生成日期：2024-01-25\n文号：\n标题：某区财政局2023年政府信息公开工作年度报告\n"
        "某区财政局2023年政府信息公开工作年度报告\n本报告根据《中华人民共和国政府信息公开条例》编制。\n"
        "一、总体情况\n2023年，我局……。\n"
    )
    line = (
        "当前位置：首页 > 政府信息公开 > 年度报告\n某区财政局2023年政府信息公开工作年度报告\n"
        "来源：某区财政局    发布时间：2024-01-25 10:12    浏览次数：123\n【字体：大 中 小】\n"
        "本报告根据《中华人民共和国政府信息公开条例》编制。\n一、总体情况\n2023年，我局……。\n"
    )
    for text in (block, line):
        report = parse(text)
        meta = report.metadata
        assert (meta.year, meta.agency) == (2023, "某区财政局")
        assert meta.published == datetime.date(2024, 1, 25)
        assert list(report.document.tables()) == []
