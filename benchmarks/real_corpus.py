"""Scoreboard: the library against key figures read by hand from real published reports.

Reads ``expected.jsonl`` of a corpus folder (default ``../shared/corpus``, else the copy in
``examples/corpus``), parses every report it names, and prints per file and in total the key
figures that are right, missing and wrong, whether era, year and agency are right (agency compared
after removing white space), and the throughput.

    python benchmarks/real_corpus.py [CORPUS_DIR] [--verbose] [--json]

A key figure is one of: table 三's 总计 column for 一 (new), 二 (carried over), （七） (results
total) and 四 (carried forward); （一）予以公开's 总计; table 四's three 总计 cells; and the legacy
统计表's main indicators.  ``null`` in the file means "not in the report's tables": a number
the library returns there counts as wrong.  A figure the file states and the library does not
return counts as missing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import opengov_report
from opengov_report.model.report import AnnualReport

_ROOT = Path(__file__).resolve().parent.parent
_T3_ROWS = {
    "new": "new_received",
    "carried_over": "carried_over",
    "results_total": "total_processed",
    "carried_forward": "carried_forward",
}
_T4_CELLS = {
    "review_total": ("review", "total"),
    "litigation_direct_total": ("litigation_direct", "total"),
    "litigation_after_review_total": ("litigation_after_review", "total"),
}
_LEGACY_KEYS = (
    "proactive_total",
    "applications_received",
    "applications_closed",
    "applications_answered",
    "reviews",
    "litigations",
    "complaints",
)


def default_corpus() -> Path:
    """``../shared/corpus`` beside the checkout when it is there, else the repository's copy."""
    shared = _ROOT.parent / "shared" / "corpus"
    return shared if (shared / "expected.jsonl").is_file() else _ROOT / "examples" / "corpus"


def _number(report: AnnualReport, table: str, row: str, column: str) -> int | None:
    grid = getattr(report, table)
    if grid is None:
        return None
    for cell in grid.cells:
        if cell.row == row and cell.column == column:
            n = cell.value.number
            return None if n is None else int(n)
    return None


def _legacy_number(report: AnnualReport, key: str) -> int | None:
    if report.legacy is None:
        return None
    for row in report.legacy.rows:
        if row.id == key:
            n = row.value.number
            return None if n is None else int(n)
    return None


def key_figures(report: AnnualReport) -> dict[str, int | None]:
    """The key figures the library read, by the names ``expected.jsonl`` uses."""
    out: dict[str, int | None] = {}
    for key, row in _T3_ROWS.items():
        out[f"t3_total.{key}"] = _number(report, "applications", row, "total")
    out["t3_granted_total"] = _number(report, "applications", "granted", "total")
    for key, (row, column) in _T4_CELLS.items():
        out[f"t4.{key}"] = _number(report, "reviews", row, column)
    for key in _LEGACY_KEYS:
        out[f"legacy.{key}"] = _legacy_number(report, key)
    return out


def expected_era(entry: dict[str, Any]) -> str:
    """The era an entry expects, as :class:`~opengov_report.Era` values: ``prose`` (a report
    with no statistics table) is the era of its year, as the format-spec's eras go (reports
    on 2018 or earlier are legacy)."""
    era = str(entry["era"])
    if era != "prose":
        return era
    year = int(entry["year"])
    return "legacy" if year <= 2018 else "2019" if year <= 2020 else "2021"


def expected_figures(entry: dict[str, Any]) -> dict[str, int | None]:
    """The hand-read figures of one ``expected.jsonl`` entry, flattened like key_figures."""
    out: dict[str, int | None] = {}
    t3 = entry.get("t3_total") or {}
    for key in _T3_ROWS:
        out[f"t3_total.{key}"] = t3.get(key)
    out["t3_granted_total"] = entry.get("t3_granted_total")
    t4 = entry.get("t4") or {}
    for key in _T4_CELLS:
        out[f"t4.{key}"] = t4.get(key)
    legacy = entry.get("legacy") or {}
    for key in _LEGACY_KEYS:
        out[f"legacy.{key}"] = legacy.get(key)
    return out


def _agency_key(agency: str | None) -> str | None:
    """An agency name with its white space removed (``平潭综合实验区国有资产管理局 `` and
    ``平潭综合实验区 国有资产管理局`` are the same name)."""
    return None if agency is None else "".join(agency.split())


def entries(corpus: Path) -> Iterator[dict[str, Any]]:
    """The report entries of ``corpus/expected.jsonl`` (the header line skipped)."""
    with (corpus / "expected.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            entry = json.loads(line)
            if "file" in entry:
                yield entry


def score(corpus: Path) -> dict[str, Any]:
    """Parse every report the corpus names and compare; a JSON-ready summary."""
    totals: Counter[str] = Counter()
    files: list[dict[str, Any]] = []
    size = 0
    elapsed = 0.0
    for entry in entries(corpus):
        path = corpus / entry["file"]
        data = path.read_bytes()
        size += len(data)
        start = time.perf_counter()
        report = opengov_report.parse(data)
        elapsed += time.perf_counter() - start
        got = key_figures(report)
        want = expected_figures(entry)
        counts: Counter[str] = Counter()
        wrong: list[str] = []
        missing: list[str] = []
        for key, value in want.items():
            if value is None:
                if got[key] is not None:
                    counts["wrong"] += 1
                    wrong.append(f"{key}={got[key]} (expected none)")
                continue
            counts["stated"] += 1
            if got[key] == value:
                counts["right"] += 1
            elif got[key] is None:
                counts["missing"] += 1
                missing.append(key)
            else:
                counts["wrong"] += 1
                wrong.append(f"{key}={got[key]} (expected {value})")
        era_ok = report.era.value == expected_era(entry)
        year_ok = report.metadata.year == entry["year"]
        agency_ok = _agency_key(report.metadata.agency) == _agency_key(entry.get("agency"))
        totals.update(counts)
        totals["files"] += 1
        totals["era_right"] += era_ok
        totals["year_right"] += year_ok
        totals["agency_right"] += agency_ok
        files.append(
            {
                "file": entry["file"],
                **{k: counts[k] for k in ("stated", "right", "missing", "wrong")},
                "era": report.era.value,
                "era_ok": era_ok,
                "year": report.metadata.year,
                "year_ok": year_ok,
                "agency": report.metadata.agency,
                "agency_ok": agency_ok,
                "wrong_figures": wrong,
                "missing_figures": missing,
            }
        )
    stated = totals["stated"] or 1
    return {
        "files": files,
        "total": {
            "files": totals["files"],
            "stated": totals["stated"],
            "right": totals["right"],
            "missing": totals["missing"],
            "wrong": totals["wrong"],
            "right_share": round(totals["right"] / stated, 4),
            "wrong_share": round(totals["wrong"] / stated, 4),
            "era_right": totals["era_right"],
            "year_right": totals["year_right"],
            "agency_right": totals["agency_right"],
            "mb_per_s": round(size / 1e6 / elapsed, 2) if elapsed else None,
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=None)
    parser.add_argument("--verbose", "-v", action="store_true", help="list missing figures")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args(argv)
    corpus = args.corpus or default_corpus()
    result = score(corpus)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    for f in result["files"]:
        flags = (
            ("" if f["era_ok"] else f" ERA={f['era']}")
            + ("" if f["year_ok"] else f" YEAR={f['year']}")
            + ("" if f["agency_ok"] else f" AGENCY={f['agency']}")
        )
        print(
            f"{f['file']:<40} right {f['right']:>2}/{f['stated']:<2} "
            f"missing {f['missing']:>2} wrong {f['wrong']}{flags}"
        )
        for w in f["wrong_figures"]:
            print(f"    WRONG {w}")
        if args.verbose and f["missing_figures"]:
            print(f"    missing {', '.join(f['missing_figures'])}")
    t = result["total"]
    print(
        f"\n{t['files']} files: {t['right']}/{t['stated']} key figures right "
        f"({t['right_share']:.1%}), {t['missing']} missing, {t['wrong']} wrong "
        f"({t['wrong_share']:.1%}); era right {t['era_right']}/{t['files']}, "
        f"year right {t['year_right']}/{t['files']}, "
        f"agency right {t['agency_right']}/{t['files']}; {t['mb_per_s']} MB/s parse",
        file=sys.stdout,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
