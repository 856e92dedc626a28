"""A complete report text (TSV layout) built from table values, for the rule tests that go
through the parser: what a report looks like, not what the model looks like."""

from __future__ import annotations

from collections.abc import Mapping

from opengov_report.model.forms import (
    APPLICANT_COLUMNS,
    APPLICATION_GROUP_TEXT,
    APPLICATION_ROW_TEXT,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
    application_rows,
)

_GROUP_LABEL = APPLICATION_GROUP_TEXT

DISCLOSURE_2021 = (
    "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
    "规章\t{reg_issued}\t{reg_repealed}\t{reg_in_force}\n"
    "行政规范性文件\t{norm_issued}\t{norm_repealed}\t{norm_in_force}\n"
    "第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t12\n"
    "第二十条第（六）项\n信息内容\t本年处理决定数量\n行政处罚\t3\n行政强制\t0\n"
    "第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t{fees}\n"
)
DISCLOSURE_2019 = (
    "第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
    "规章\t0\t0\t0\n规范性文件\t{norm_made}\t{norm_published}\t{norm_total}\n"
    "第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
    "行政许可\t{lic_previous}\t{lic_change}\t40\n其他对外管理服务事项\t0\t0\t0\n"
    "第二十条第（六）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
    "行政处罚\t5\t0\t9\n行政强制\t2\t0\t0\n"
    "第二十条第（八）项\n信息内容\t上一年项目数量\t本年增/减\n行政事业性收费\t1\t0\n"
    "第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t3\t{amount}\n"
)
DISCLOSURE_DEFAULTS = {
    "reg_issued": "0", "reg_repealed": "0", "reg_in_force": "2", "norm_issued": "3",
    "norm_repealed": "1", "norm_in_force": "10", "fees": "0", "norm_made": "2",
    "norm_published": "2", "norm_total": "8", "lic_previous": "30", "lic_change": "增2",
    "amount": "4995万",
}  # fmt: skip


def consistent_grid(era2021: bool = True) -> dict[str, dict[str, str]]:
    """A consistent applications table: 5 new (自然人 4, 商业企业 1), all granted but one
    carried forward."""
    rows = application_rows("2021" if era2021 else "2019")
    grid = {r: dict.fromkeys(APPLICANT_COLUMNS, "0") for r in rows}
    grid["new_received"].update(natural_person="4", commercial_enterprise="1", total="5")
    grid["granted"].update(natural_person="3", commercial_enterprise="1", total="4")
    grid["total_processed"].update(natural_person="3", commercial_enterprise="1", total="4")
    grid["carried_forward"].update(natural_person="1", total="1")
    return grid


def consistent_reviews() -> dict[str, dict[str, str]]:
    reviews = {g: dict.fromkeys(REVIEW_COLUMNS, "0") for g in REVIEW_GROUPS}
    reviews["review"].update(upheld="1", total="1")
    return reviews


def report_text(
    *,
    year: int = 2022,
    agency: str = "某市某局",
    applications: Mapping[str, Mapping[str, str]] | None = None,
    reviews: Mapping[str, Mapping[str, str]] | None = None,
    disclosure: Mapping[str, str] | None = None,
    prose: str = "本年度，我局认真贯彻落实《中华人民共和国政府信息公开条例》。",
    sections: tuple[str, ...] = (
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ),
) -> str:  # fmt: skip
    """A 2021-format report (2019 when ``year`` < 2021) with its three tables."""
    era2021 = year >= 2021
    apps = applications if applications is not None else consistent_grid(era2021)
    revs = reviews if reviews is not None else consistent_reviews()
    values = {**DISCLOSURE_DEFAULTS, **(disclosure or {})}
    tables = {
        "二": (DISCLOSURE_2021 if era2021 else DISCLOSURE_2019).format(**values),
        "三": _applications(apps),
        "四": _reviews(revs),
    }
    lines = [f"{agency}{year}年政府信息公开工作年度报告", ""]
    for title in sections:
        lines.append(title)
        key = title[0]
        if key == "一":
            lines.append(prose)
        elif key in tables:
            lines.append(tables[key])
        else:
            lines.append("无。")
        lines.append("")
    lines += [agency, f"{year + 1}年1月20日"]
    return "\n".join(lines) + "\n"


def _applications(grid: Mapping[str, Mapping[str, str]]) -> str:
    out = [
        "\t自然人\t法人或其他组织\t\t\t\t\t总计",
        "\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t",
    ]
    opened: set[str] = set()
    for row, cols in grid.items():
        label = APPLICATION_ROW_TEXT[row]
        group = row.split(".")[0] if "." in row else None
        prefix = ""
        if group is not None and group not in opened:
            opened.add(group)
            prefix = _GROUP_LABEL[group] + "\t"
        elif group is not None:
            prefix = "\t"
        out.append(prefix + label + "\t" + "\t".join(cols[c] for c in APPLICANT_COLUMNS))
    return "\n".join(out)


def _reviews(groups: Mapping[str, Mapping[str, str]]) -> str:
    flat = [groups[g][c] for g in REVIEW_GROUPS for c in REVIEW_COLUMNS]
    return "行政复议\t行政诉讼\n" + "\t".join(flat)
