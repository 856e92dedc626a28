"""A legacy report (reports on 2008–2018) with its 统计表, values as parameters."""

from __future__ import annotations

from collections.abc import Mapping

LEGACY_ROWS: tuple[tuple[str, str, str], ...] = (
    # (label as written, unit, key of the value; "" for a section row)
    ("一、主动公开情况", "", ""),
    ("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", "proactive"),
    ("\u3000其中：主动公开规范性文件数", "条", "proactive_norm"),
    ("\u3000\u3000\u3000制发规范性文件总数", "件", "norm_issued"),
    ("（二）通过不同渠道和方式公开政府信息的情况", "", ""),
    ("\u30001.政府网站公开政府信息数", "条", "web"),
    ("\u30002.政务微博公开政府信息数", "条", "weibo"),
    ("\u30003.政务微信公开政府信息数", "条", "weixin"),
    ("三、依申请公开情况", "", ""),
    ("（一）收到申请数", "件", "received"),
    ("\u30001.当面申请数", "件", "in_person"),
    ("\u30002.网络申请数", "件", "online"),
    ("（二）申请办结数", "件", "closed"),
    ("\u30001.按时办结数", "件", "on_time"),
    ("\u30002.延期办结数", "件", "late"),
    ("四、行政复议数量", "件", "reviews"),
    ("（一）维持具体行政行为数", "件", "r_upheld"),
    ("（二）被依法纠错数", "件", "r_corrected"),
    ("（三）其他情形数", "件", "r_other"),
    ("八、机构建设和保障经费情况", "", ""),
    ("（四）从事政府信息公开工作人员数", "人", "staff"),
    ("\u30001.专职人员数（不包括政府公报及政府网站工作人员数）", "人", "full_time"),
    ("\u30002.兼职人员数", "人", "part_time"),
)

CONSISTENT: Mapping[str, str] = {
    "proactive": "60", "proactive_norm": "2", "norm_issued": "5", "web": "50", "weibo": "10",
    "weixin": "5", "received": "3", "in_person": "1", "online": "2", "closed": "3",
    "on_time": "3", "late": "0", "reviews": "1", "r_upheld": "1", "r_corrected": "0",
    "r_other": "0", "staff": "5", "full_time": "1", "part_time": "4",
}  # fmt: skip


def legacy_text(values: Mapping[str, str] | None = None, *, prose: str = "") -> str:
    v = {**CONSISTENT, **(values or {})}
    lines = ["某区某局2016年政府信息公开工作年度报告", "一、概述", prose or "2016年，我局……。", ""]
    lines += ["附件：2016年度政府信息公开工作情况统计表", "统计指标\t单位\t统计数"]
    for label, unit, key in LEGACY_ROWS:
        lines.append(f"{label}\t{unit}\t{v[key] if key else ''}")
    return "\n".join(lines) + "\n"
