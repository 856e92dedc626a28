"""Label matching that survives real text, over the labels of the official forms.

Labels are compared by a normalised key (:func:`normalize_label`: width folded, all white
space removed, quotes dropped, numbering stripped), first exactly, then against known variants
and typos, then by a strict fuzzy match for long labels (one or two characters lost or changed,
and only when the best candidate is clearly better than the next).  Short labels (其他, 总计)
must match exactly.  Ids are stable snake_case strings: the contract for users and serializers.

The forms' labels, rows and columns are data in :mod:`opengov_report.model.forms`, re-exported
here under the names recognition uses; this module holds the matching, with the variants and
typos it accepts.
"""

from __future__ import annotations

import collections
import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType

from .._chars import squash
from .._memo import Memo
from ..model import forms
from ..numerals import NUMBERING_PREFIX, strip_numbering

__all__ = [
    "APPLICATION_COLUMNS",
    "APPLICATION_COLUMN_LABELS",
    "APPLICATION_GROUP_LABELS",
    "APPLICATION_ROWS_2019",
    "APPLICATION_ROWS_2021",
    "APPLICATION_ROW_LABELS",
    "DISCLOSURE_COLUMN_LABELS",
    "DISCLOSURE_ROW_LABELS",
    "LEGACY_INDICATOR_LABELS",
    "LEGACY_INDICATOR_SPELLINGS",
    "REVIEW_COLUMNS",
    "REVIEW_COLUMN_LABELS",
    "REVIEW_GROUPS",
    "REVIEW_GROUP_LABELS",
    "application_row_of_key",
    "disclosure_columns_in",
    "disclosure_item_of_key",
    "disclosure_row_of_key",
    "disclosure_row_suffix",
    "era_signs",
    "era_signs_of_key",
    "legacy_row_id",
    "match_application_column",
    "match_application_group",
    "match_application_row",
    "match_disclosure_column",
    "match_disclosure_item",
    "match_disclosure_row",
    "match_disclosure_row_suffix",
    "match_legacy_indicator",
    "match_review_column",
    "match_review_group",
    "normalize_label",
    "strip_numbering",
]

_DROP = dict.fromkeys(map(ord, "“”\"'‘’「」『』"), None)
_PAREN_NOTE_RE = re.compile(r"[(（][^()（）]{0,80}[)）]")


def _normalized(text: str) -> str:
    """The matching key of a label: NFKC, no white space, no quotes, no trailing colon."""
    folded = unicodedata.normalize("NFKC", text).translate(_DROP)
    key = squash(folded)
    return key.rstrip(":：")


_NORMALIZED: Memo[str, str] = Memo(_normalized, 8192)
#: ``normalize_label(text)``: the matching key of a label (NFKC, no white space, no quotes,
#: no trailing colon), memoised by text
normalize_label: Callable[[str], str] = _NORMALIZED.__getitem__


def _key(text: str) -> str:
    """Normalised, without numbering prefixes (repeatedly: 三、（一）)."""
    return _unnumbered(normalize_label(text))


def _unnumbered(key: str) -> str:
    """A normalised key without its numbering prefixes (repeatedly: 三、（一）)."""
    for _ in range(3):
        m = NUMBERING_PREFIX.match(key)
        if m is None or m.end() == 0 or m.end() == len(key):
            break
        key = key[m.end() :]
    return key


def _bare(key: str) -> str:
    """A key without parenthetical notes: 规章(设区的市…) → 规章."""
    return _PAREN_NOTE_RE.sub("", key)


#: the fuzzy fallback: the best ratio it needs, its lead over another id's best, and so the
#: lowest ratio that can matter (less a margin, so that rounding never skips a key that counts)
_FUZZY_BEST, _FUZZY_LEAD = 0.84, 0.08
_FLOOR = _FUZZY_BEST - _FUZZY_LEAD - 0.01


def _in_common(counts: Iterable[tuple[str, int]], other: Mapping[str, int]) -> int:
    """How many characters two texts have in common, as multisets, from their character
    counts (``counts``: one text's ``Counter.items()``): the ``matches`` of difflib's
    ``quick_ratio``."""
    return sum([min(c, other.get(ch, 0)) for ch, c in counts])


class Catalogue:
    """Labels → ids, with variants and a strict fuzzy fallback for long labels.

    Every match depends only on the label's normalised key (:func:`normalize_label`), so the
    matches are memoised by key: the spellings of one label (spaced out, full width …) share
    one entry.
    """

    def __init__(self, entries: Mapping[str, tuple[str, ...]], *, fuzzy_min: int = 6) -> None:
        self.exact: dict[str, str] = {}
        for ident, labels in entries.items():
            for label in labels:
                self.exact.setdefault(_key(label), ident)
                self.exact.setdefault(_bare(_key(label)), ident)
        self.keys = tuple(k for k in self.exact if len(k) >= fuzzy_min)
        #: each fuzzy key with its length and its characters counted, for the bounds below
        self._fuzzy = tuple((k, len(k), collections.Counter(k)) for k in self.keys)
        self.fuzzy_min = fuzzy_min
        self._matches: Memo[str, str | None] = Memo(self._match_key, 4096)

    def match(self, text: str) -> str | None:
        return self.match_key(normalize_label(text))

    def match_key(self, normalized: str) -> str | None:
        """The id of the label whose normalised key is ``normalized``, or None (memoised by
        key, per catalogue)."""
        return self._matches[normalized]

    def _match_key(self, normalized: str) -> str | None:
        """:meth:`match_key`, not memoised."""
        key = _unnumbered(normalized)
        if not key:
            return None
        found = self.exact.get(key) or self.exact.get(_bare(key))
        if found is not None:
            return found
        bare = _bare(key)
        if len(bare) < self.fuzzy_min:
            return None
        # A match needs a best ratio of 0.84 and a lead of 0.08 over the best key of another
        # id, so keys that cannot reach 0.76 change neither: they are skipped by two upper
        # bounds of the ratio, first by length (2·min/(sum)), then by the characters in common
        # (quick_ratio).  The outcome is the same as scoring every key, at a fraction of it.
        # The second bound is difflib's quick_ratio, 2·(characters in common, as multisets)
        # / (n + m), computed from character counts (the keys' made once) rather than by a
        # SequenceMatcher per key, whose construction indexed every key anew.
        n = len(bare)
        counts = collections.Counter(bare).items()
        scored = []
        for k, m, k_counts in self._fuzzy:
            if 2 * min(n, m) < _FLOOR * (n + m):
                continue
            if 2.0 * _in_common(counts, k_counts) / (n + m) < _FLOOR:
                continue
            scored.append((difflib.SequenceMatcher(None, bare, k).ratio(), k))
        if not scored:
            return None
        scored.sort(reverse=True)
        best, best_key = scored[0]
        second = next((s for s, k in scored[1:] if self.exact[k] != self.exact[best_key]), 0.0)
        if best >= _FUZZY_BEST and best - second >= _FUZZY_LEAD:
            return self.exact[best_key]
        return None


# ------------------------------------------------------------------ applications (table 三)

#: each row of table 三 as the form prints it, with its numbering (the form's, model/forms.py)
APPLICATION_ROW_LABELS: Mapping[str, str] = MappingProxyType(forms.APPLICATION_ROW_TEXT)
APPLICATION_ROWS_2019: tuple[str, ...] = forms.application_rows("2019")
APPLICATION_ROWS_2021: tuple[str, ...] = forms.application_rows("2021")

_GROUPS = {
    "results": ("三、本年度办理结果", "本年度办理结果"),
    "denied": ("（三）不予公开", "不予公开"),
    "unable": ("（四）无法提供", "无法提供"),
    "not_processed": ("（五）不予处理", "不予处理"),
    "other": ("（六）其他处理", "其他处理"),
}
APPLICATION_GROUP_CATALOGUE = Catalogue(_GROUPS, fuzzy_min=99)
#: the official labels of the groups of result rows that have numbered sub-rows
APPLICATION_GROUP_LABELS: Mapping[str, str] = forms.APPLICATION_GROUP_TEXT

# rows readable without a group: their labels are unique in the table
_TOP_ROWS = {
    "new_received": (
        "本年新收政府信息公开申请数量",
        "本年新收申请数量",
        "新收政府信息公开申请数量",
    ),
    "carried_over": ("上年结转政府信息公开申请数量", "上年结转申请数量"),
    "granted": ("予以公开",),
    "partially_granted": (
        "部分公开（区分处理的，只计这一情形，不计其他情形）",
        "部分公开（区分处理的，只计这一情况，不计其他情形）",
        "部分公开",
    ),
    "total_processed": ("（七）总计", "总计"),
    "carried_forward": ("结转下年度继续办理", "结转下年度继续办理申请数量"),
}
_TOP_CATALOGUE = Catalogue(_TOP_ROWS)
_SUB_ROWS: dict[str, dict[str, tuple[str, ...]]] = {
    "denied": {
        "denied.state_secret": ("属于国家秘密",),
        "denied.law_forbidden": ("其他法律行政法规禁止公开",),
        "denied.safety_stability": ("危及“三安全一稳定”", "危及三安全一稳定"),
        "denied.third_party_rights": ("保护第三方合法权益",),
        "denied.internal_affairs": ("属于三类内部事务信息", "属于三类内容事务信息"),
        "denied.process_info": ("属于四类过程性信息",),
        "denied.enforcement_case": ("属于行政执法案卷",),
        "denied.admin_query": ("属于行政查询事项",),
    },
    "unable": {
        "unable.no_info": ("本机关不掌握相关政府信息",),
        "unable.need_creation": ("没有现成信息需要另行制作", "没有现成信息需要"),
        "unable.unclear": ("补正后申请内容仍不明确",),
    },
    "not_processed": {
        "not_processed.complaint": ("信访举报投诉类申请",),
        "not_processed.repeat": ("重复申请",),
        "not_processed.publication": ("要求提供公开出版物",),
        "not_processed.massive_requests": ("无正当理由大量反复申请",),
        "not_processed.confirm_info": ("要求行政机关确认或重新出具已获取信息",),
    },
    "other": {
        "other.overdue_correction": (
            "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        ),
        "other.overdue_fee": (
            "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ),
        "other.other_reasons": ("其他",),
    },
}
SUB_ROW_CATALOGUES = {g: Catalogue(rows, fuzzy_min=8) for g, rows in _SUB_ROWS.items()}
# sub-rows whose labels are unique across groups, for rows that lost their group context
_ANY_SUB = Catalogue(
    {k: v for rows in _SUB_ROWS.values() for k, v in rows.items() if k != "other.other_reasons"},
    fuzzy_min=8,
)


def match_application_group(label: str) -> str | None:
    """The group a label opens (``results``, ``denied``, ``unable``, ``not_processed``,
    ``other``), or None."""
    return APPLICATION_GROUP_CATALOGUE.match(label)


def match_application_row(label: str, group: str | None = None) -> str | None:
    """The applications-table row id of a label, read in ``group``'s context.

    ``（六）其他处理`` is the row ``other`` (the 2019 single row, or a 2021 subtotal); a
    sub-row label (``3.其他``) is read within its group only.
    """
    return application_row_of_key(normalize_label(label), group)


def application_row_of_key(normalized: str, group: str | None = None) -> str | None:
    """:func:`match_application_row` of a label's normalised key (memoised)."""
    return _APPLICATION_ROWS[normalized, group]


def _application_row(key: tuple[str, str | None]) -> str | None:
    normalized, group = key
    if not _unnumbered(normalized):
        return None
    if group in SUB_ROW_CATALOGUES:
        found = SUB_ROW_CATALOGUES[group].match_key(normalized)
        if found is not None:
            return found
    group_of_label = APPLICATION_GROUP_CATALOGUE.match_key(normalized)
    if group_of_label == "other":
        return "other"
    if group_of_label is not None:
        return None
    return _TOP_CATALOGUE.match_key(normalized) or _ANY_SUB.match_key(normalized)


_APPLICATION_ROWS: Memo[tuple[str, str | None], str | None] = Memo(_application_row, 4096)


#: the applicant columns' head labels, with 小计 where a report adds it before 总计
APPLICATION_COLUMN_LABELS: Mapping[str, str] = forms.APPLICANT_HEAD_LABELS
APPLICATION_COLUMNS: tuple[str, ...] = forms.APPLICANT_COLUMNS
APPLICATION_COLUMN_CATALOGUE = Catalogue(
    {k: (v,) for k, v in APPLICATION_COLUMN_LABELS.items()}, fuzzy_min=99
)


def match_application_column(label: str) -> str | None:
    """The applicant column of a header label (自然人 … 总计; 小计 where a report adds it)."""
    return APPLICATION_COLUMN_CATALOGUE.match(label)


# ------------------------------------------------------------------ reviews (table 四)

REVIEW_GROUP_LABELS: Mapping[str, str] = MappingProxyType(forms.REVIEW_GROUP_LABELS)
REVIEW_GROUPS: tuple[str, ...] = forms.REVIEW_GROUPS
REVIEW_COLUMN_LABELS: Mapping[str, str] = MappingProxyType(forms.REVIEW_COLUMN_LABELS)
REVIEW_COLUMNS: tuple[str, ...] = forms.REVIEW_COLUMNS
REVIEW_GROUP_CATALOGUE = Catalogue(
    {"review": ("行政复议",), "litigation_direct": ("未经复议直接起诉", "直接起诉"),
     "litigation_after_review": ("复议后起诉",)},
    fuzzy_min=99,
)  # fmt: skip
REVIEW_COLUMN_CATALOGUE = Catalogue(
    {k: (v,) for k, v in REVIEW_COLUMN_LABELS.items()}, fuzzy_min=99
)


def match_review_group(label: str) -> str | None:
    """``review`` (行政复议), ``litigation_direct``, ``litigation_after_review`` or None."""
    return REVIEW_GROUP_CATALOGUE.match(label)


def match_review_column(label: str) -> str | None:
    """``upheld``, ``corrected``, ``other``, ``pending``, ``total`` or None."""
    return REVIEW_COLUMN_CATALOGUE.match(label)


# ------------------------------------------------------------------ disclosure (table 二)

DISCLOSURE_ROW_LABELS: Mapping[str, str] = forms.DISCLOSURE_ROW_LABELS
DISCLOSURE_ROW_CATALOGUE = Catalogue(
    {**{k: (v,) for k, v in DISCLOSURE_ROW_LABELS.items()},
     "normative_documents": ("行政规范性文件", "规范性文件")},
    fuzzy_min=99,
)  # fmt: skip
DISCLOSURE_COLUMN_LABELS: Mapping[str, str] = forms.DISCLOSURE_COLUMN_LABELS
DISCLOSURE_COLUMN_CATALOGUE = Catalogue(forms.DISCLOSURE_COLUMN_VARIANTS, fuzzy_min=5)
_ITEM_RE = re.compile(r"第二十条第[(（]([一二三四五六七八九十]{1,2})[)）]项")
_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def match_disclosure_row(label: str) -> str | None:
    """The 主动公开 row id of a label (规章 … 政府集中采购), or None."""
    return DISCLOSURE_ROW_CATALOGUE.match(label)


def disclosure_row_of_key(normalized: str) -> str | None:
    """:func:`match_disclosure_row` of a label's normalised key."""
    return DISCLOSURE_ROW_CATALOGUE.match_key(normalized)


def match_disclosure_column(label: str, era: object = None) -> str | None:
    """The 主动公开 column id of a head label (本年制发件数, 本年新制作数量 …), or None."""
    return DISCLOSURE_COLUMN_CATALOGUE.match(label)


def _longest_first(variants: Mapping[str, tuple[str, ...]]) -> tuple[tuple[str, str], ...]:
    pairs = {(normalize_label(v), k) for k, vs in variants.items() for v in vs}
    return tuple(sorted(pairs, key=lambda kv: (-len(kv[0]), kv[0])))


_DISCLOSURE_ROW_SUFFIXES = _longest_first(
    {**{k: (v,) for k, v in DISCLOSURE_ROW_LABELS.items()},
     "normative_documents": ("行政规范性文件", "规范性文件")}
)  # fmt: skip
_DISCLOSURE_COLUMN_KEYS = _longest_first(forms.DISCLOSURE_COLUMN_VARIANTS)


def match_disclosure_row_suffix(text: str) -> str | None:
    """The 主动公开 row whose label ends ``text``: a glued line keeps the caption and head
    before the row label (``…现行有效件数规章``).  The longest label wins (行政规范性文件
    over 规范性文件)."""
    found = disclosure_row_suffix(text)
    return None if found is None else found[0]


def disclosure_row_suffix(text: str) -> tuple[str, str] | None:
    """The 主动公开 row whose label ends ``text``, and that label: ``(row id, label)``."""
    key = normalize_label(text)
    return next(
        ((ident, label) for label, ident in _DISCLOSURE_ROW_SUFFIXES if key.endswith(label)), None
    )


def disclosure_columns_in(text: str) -> list[tuple[str, str]]:
    """The head labels a glued line holds, in their order: ``(column id, label)``.  Each
    place of the text is claimed by the longest label found there (本年度制发件数 before
    本年制发件数 … and no label inside another)."""
    key = normalize_label(text)
    taken = [False] * len(key)
    found: list[tuple[int, str, str]] = []
    for label, ident in _DISCLOSURE_COLUMN_KEYS:
        start = key.find(label)
        while start >= 0:
            end = start + len(label)
            if not any(taken[start:end]):
                taken[start:end] = [True] * len(label)
                found.append((start, ident, label))
            start = key.find(label, end)
    return [(ident, label) for _, ident, label in sorted(found)]


def match_disclosure_item(caption: str) -> int | None:
    """The item number of a block caption (第二十条第（五）项 → 5), or None."""
    return disclosure_item_of_key(normalize_label(caption))


def disclosure_item_of_key(normalized: str) -> int | None:
    """:func:`match_disclosure_item` of a caption's normalised key."""
    m = _ITEM_RE.fullmatch(normalized.replace("(", "（").replace(")", "）"))
    if m is None:
        return None
    n = m.group(1)
    return 10 + _CN.get(n[1:], 0) if n.startswith("十") and len(n) > 1 else _CN.get(n, 0)


# ------------------------------------------------------------------ legacy 统计表

LEGACY_INDICATOR_LABELS: Mapping[str, str] = forms.LEGACY_INDICATOR_LABELS
#: the variants regional tables print (model/forms.py); exact matches only
_LEGACY_VARIANTS: Mapping[str, tuple[str, ...]] = forms.LEGACY_INDICATOR_VARIANTS
LEGACY_CATALOGUE = Catalogue(
    {k: (v, *_LEGACY_VARIANTS.get(k, ())) for k, v in LEGACY_INDICATOR_LABELS.items()},
    fuzzy_min=99,
)


#: every spelling of each well-known legacy indicator (the national label first)
LEGACY_INDICATOR_SPELLINGS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {k: (v, *_LEGACY_VARIANTS.get(k, ())) for k, v in LEGACY_INDICATOR_LABELS.items()}
)


def match_legacy_indicator(label: str) -> str | None:
    """The id of a well-known legacy indicator (parenthetical notes ignored), or None."""
    return LEGACY_CATALOGUE.match(label)


def legacy_row_id(label: str) -> str:
    """A deterministic id for any legacy row: the well-known id, else the label without
    numbering, 其中, parenthetical notes and white space (Chinese kept)."""
    known = match_legacy_indicator(label)
    if known is not None:
        return known
    key = _bare(_key(label))
    return key or normalize_label(label)


# ------------------------------------------------------------------ era signatures

_SIGNS = {
    "2021": ("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额",
             "行政规范性文件", "申请人无正当理由逾期不补正"),
    "2019": ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减",
             "其他对外管理服务事项", "第二十条第(九)项", "采购项目数量", "采购总金额",
             "政府集中采购"),
    "2019_or_2021": ("本列数据的勾稽关系为", "本年新收政府信息公开申请数量", "结转下年度继续办理",
                     "未经复议直接起诉", "复议后起诉"),
    "legacy": ("统计指标", "主动公开政府信息数", "申请答复数", "申请办结数", "行政复议数量",
               "机构建设和保障经费情况", "指标名称", "计量单位"),
}  # fmt: skip
ERA_2021_SIGNS = _SIGNS["2021"]
ERA_2019_SIGNS = _SIGNS["2019"]
ERA_2019_OR_2021_SIGNS = _SIGNS["2019_or_2021"]
LEGACY_SIGNS = _SIGNS["legacy"]
_SIGN_KEYS = tuple((era, normalize_label(s)) for era, signs in _SIGNS.items() for s in signs)
# typos of decisive labels
_SIGN_VARIANTS = (("2021", "本年度止件数"), ("2021", "本年废纸件数"), ("2019", "本年度新制作数量"))
_ALL_SIGNS = (*_SIGN_KEYS, *_SIGN_VARIANTS)


def era_signs(label: str) -> frozenset[str]:
    """Which eras a table label signals: ``"2021"``, ``"2019"``, ``"2019_or_2021"``,
    ``"legacy"``.  Match table labels only: some signs also occur in running text."""
    return era_signs_of_key(normalize_label(label))


def _era_signs(key: str) -> frozenset[str]:
    """:func:`era_signs` of a label's normalised key."""
    if not key:
        return frozenset()
    found = {era for era, sign in _ALL_SIGNS if sign in key}
    # 行政规范性文件 contains 规范性文件; 统计指标 must be the head, not a phrase
    if "2021" in found and "2019" in found:
        found.discard("2019")
    return frozenset(found)


_ERA_SIGNS: Memo[str, frozenset[str]] = Memo(_era_signs, 4096)
#: ``era_signs_of_key(key)``: :func:`era_signs` of a label's normalised key (memoised)
era_signs_of_key: Callable[[str], frozenset[str]] = _ERA_SIGNS.__getitem__
