"""The real reports in other layouts: what the library reads when the same report is published
another way (run by hand; tests/test_layout_variants.py holds the floors).

    python benchmarks/layout_variants.py [LAYOUT ...]

Sites, crawlers and PDF tools publish one report in many layouts: the text of a page on one
line, cells one a line, tabs turned into spaces, full-width digits, text wrapped at a fixed
width when copied out of a PDF.  Each layout below rewrites a real report of examples/ (the
seeds and the corpus) the way such a tool would, changing nothing but the layout, so that the
figures read by hand stay the truth for the rewritten text:

- the corpus's key figures (examples/corpus/expected.jsonl, read by someone else);
- every cell of tables 三 and 四 of the corpus oracles and of the seeds' oracles, and the seeds'
  legacy 统计表 (tests/data/oracles, read from the texts).

For each layout it prints the figures right, missed and wrong (a wrong one is a number the
report does not print there), and the reports whose year or era was lost.
"""

from __future__ import annotations

import argparse
import functools
import html
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs

import opengov_report
from opengov_report import AnnualReport

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from tests.oracles import OracleTable, compare_grid, compare_legacy, read_oracle  # noqa: E402

from real_corpus import entries, expected_era, expected_figures, key_figures  # noqa: E402

CORPUS = ROOT / "examples" / "corpus"
SEEDS = ROOT / "examples" / "seeds"
ORACLES = ROOT / "tests" / "data" / "oracles"

_SPACES_RE = re.compile(r"[ \t\u3000]+")
_LINE_BREAKS_RE = re.compile(r"\r\n|\r|\n")
_BREAK_RUNS_RE = re.compile(r"(?:\r\n|\r|\n)+")
_SCRAPER_RULE = "==== 正文 ===="


def _body_lines(text: str) -> tuple[list[str], list[str]]:
    """A scraper's header (up to its ``==== 正文 ====`` rule) and the lines after it: the
    header is the crawler's, not the site's, so the layouts leave it alone."""
    lines = _LINE_BREAKS_RE.split(text)
    cut = next((i + 1 for i, line in enumerate(lines) if _SCRAPER_RULE in squash_rule(line)), 0)
    return lines[:cut], lines[cut:]


def squash_rule(line: str) -> str:
    """``==================== 正文 ====================`` as ``==== 正文 ====``."""
    return re.sub("=+", "====", line)


def _per_body(rewrite: Callable[[list[str]], str]) -> Callable[[str], str]:
    @functools.wraps(rewrite)
    def layout(text: str) -> str:
        head, body = _body_lines(text)
        return "\n".join([*head, rewrite(body)]) if head else rewrite(body)

    return layout


def as_published(text: str) -> str:
    """The text as it is (the baseline)."""
    return text


def crlf(text: str) -> str:
    """Windows line ends."""
    return _LINE_BREAKS_RE.sub("\r\n", text)


@_per_body
def one_line(lines: list[str]) -> str:
    """The page's text on one line, a space where a line ended (scraped pages)."""
    return " ".join(lines)


@_per_body
def lines_glued(lines: list[str]) -> str:
    """The page's text on one line, nothing where a line ended."""
    return "".join(lines)


@_per_body
def token_per_line(lines: list[str]) -> str:
    """Every run of spaces and tabs a line break: one cell a line, labels cut at their
    spaces (text copied out of a PDF table)."""
    return "\n".join(_SPACES_RE.sub("\n", line) for line in lines)


@_per_body
def ideographic_spaces(lines: list[str]) -> str:
    """Spaces and tabs written as ideographic spaces (U+3000)."""
    return "\n".join(_SPACES_RE.sub("\u3000", line) for line in lines)


@_per_body
def no_break_spaces(lines: list[str]) -> str:
    """Spaces and tabs written as no-break spaces (``&nbsp;``, U+00A0)."""
    return "\n".join(_SPACES_RE.sub("\u00a0", line) for line in lines)


def full_width_digits(text: str) -> str:
    """Every digit full-width (０…９), years and dates included."""
    return text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})


@_per_body
def spaces_for_tabs(lines: list[str]) -> str:
    """Tabs turned into two spaces."""
    return "\n".join(line.replace("\t", "  ") for line in lines)


@_per_body
def pipes(lines: list[str]) -> str:
    """Tab-separated rows as Markdown pipe rows (``| a | b |``)."""
    return "\n".join(
        "| " + " | ".join(_cells(line)) + " |" if "\t" in line else line for line in lines
    )


def _cells(line: str) -> list[str]:
    """A tab-separated line's cells (a tab that starts the line starts its first cell)."""
    cells = [c.strip() for c in line.split("\t")]
    return cells[1:] if line.startswith("\t") else cells


def html_page(text: str) -> str:
    """An HTML page: a ``<p>`` a line, tab-separated rows as rows of a ``<table>``."""
    out = ["<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"]
    rows: list[str] = []
    for line in _LINE_BREAKS_RE.split(text):
        if "\t" in line:
            cells = "".join(f"<td>{html.escape(c)}</td>" for c in _cells(line))
            rows.append(f"<tr>{cells}</tr>")
            continue
        if rows:
            out.append("<table>" + "".join(rows) + "</table>")
            rows = []
        out.append(f"<p>{html.escape(line)}</p>")
    if rows:
        out.append("<table>" + "".join(rows) + "</table>")
    out.append("</body></html>")
    return "\n".join(out)


@_per_body
def wrapped(lines: list[str]) -> str:
    """Lines wrapped at white space after about 30 characters, the white space at the wrap
    dropped (text copied out of a PDF)."""
    out: list[str] = []
    for line in lines:
        current = ""
        for piece in re.split(r"(\s+)", line):
            if len(current) + len(piece) > 30 and current.strip():
                out.append(current.rstrip())  # a wrapped line ends at its last word
                current = piece.lstrip()
            else:
                current += piece
        out.append(current)
    return "\n".join(out)


_LABEL_LINE_RE = re.compile(r"[ \t\u3000]*[\u4e00-\u9fff、（）]{2,14}[ \t\u3000]*")


@_per_body
def label_chars_per_line(lines: list[str]) -> str:
    """A line that holds only a short label broken one character a line (a narrow PDF
    table column copied out)."""
    out: list[str] = []
    for line in lines:
        if _LABEL_LINE_RE.fullmatch(line):
            out.extend(line.strip())
        else:
            out.append(line)
    return "\n".join(out)


def without_header(text: str) -> str:
    """The page as a reader copies it from the site: without the crawler's header (标题:,
    发布时间: … up to ``==== 正文 ====``), so without the title the header repeated."""
    head, body = _body_lines(text)
    return "\n".join(body) if head else text


_TITLE_END_RE = re.compile("(政府信息公开工作)(年度报告)")


@_per_body
def title_wrapped(lines: list[str]) -> str:
    """The title wrapped before its last words (…政府信息公开工作 / 年度报告), as a PDF's
    title set over two lines is copied out."""
    return _TITLE_END_RE.sub("\\1\n\\2", "\n".join(lines), count=1)


LAYOUTS: dict[str, Callable[[str], str]] = {
    f.__name__: f
    for f in (
        as_published,
        crlf,
        one_line,
        lines_glued,
        token_per_line,
        ideographic_spaces,
        no_break_spaces,
        full_width_digits,
        spaces_for_tabs,
        pipes,
        html_page,
        wrapped,
        label_chars_per_line,
        without_header,
        title_wrapped,
    )
}

#: the corpus oracles' reports (the PDF's oracle is read against its pdftotext text)
_CORPUS_ORACLES = {
    p.relative_to(ORACLES / "corpus").with_suffix(".txt").as_posix(): p
    for p in sorted((ORACLES / "corpus").rglob("*.tables"))
}
_CORPUS_ORACLES = {
    (k.replace(".txt", ".pdftotext.txt") if k.startswith("pdf/") else k): v
    for k, v in _CORPUS_ORACLES.items()
}


def _parse(text: str) -> AnnualReport:
    return opengov_report.parse(text.encode("utf-8"))  # bytes: an HTML page is sniffed


def _oracle_table(table: OracleTable, layout: str) -> OracleTable:
    """The oracle's table as the layout writes its cells (full-width digits stay full-width:
    a value keeps the characters it is written in)."""
    if layout != "full_width_digits":
        return table
    rows = tuple((label, tuple(map(full_width_digits, cells))) for label, cells in table.rows)
    return attrs.evolve(table, rows=rows)


def _texts() -> Iterator[tuple[str, str]]:
    for entry in entries(CORPUS):
        if entry["file"].endswith(".txt"):
            yield entry["file"], (CORPUS / entry["file"]).read_text(encoding="utf-8")
    for path in sorted(SEEDS.glob("*.txt")):
        yield f"seeds/{path.name}", path.read_text(encoding="utf-8")


def score(layout: str) -> dict[str, object]:
    """Right, missed and wrong figures of every report rewritten in ``layout``; the files
    that lost their year or era, and what was read wrong."""
    rewrite = LAYOUTS[layout]
    expected = {e["file"]: e for e in entries(CORPUS)}
    counts: Counter[str] = Counter()
    wrong: list[str] = []
    lost: list[str] = []
    for name, text in _texts():
        report = _parse(rewrite(text))
        if name in expected:
            entry = expected[name]
            got, want = key_figures(report), expected_figures(entry)
            for key, value in want.items():
                if value is None:
                    if got[key] is not None:
                        wrong.append(f"{name} {key}: {got[key]}, the tables hold none")
                    continue
                if got[key] == value:
                    counts["key_right"] += 1
                elif got[key] is None:
                    counts["key_missed"] += 1
                else:
                    wrong.append(f"{name} {key}: {got[key]}, hand-read {value}")
            if report.metadata.year != entry["year"]:
                lost.append(f"{name} year {report.metadata.year}")
            if report.era.value != expected_era(entry):
                lost.append(f"{name} era {report.era.value}")
        oracle_path = (
            ORACLES / "seeds" / f"{name[6:9]}.tables"
            if name.startswith("seeds/")
            else _CORPUS_ORACLES.get(name)
        )
        if oracle_path is None:
            continue
        for part, printed in read_oracle(oracle_path).tables.items():
            table = _oracle_table(printed, layout)
            if part == "legacy":
                problems = compare_legacy(report, table)
                counts["legacy_rows_wrong" if problems else "legacy_tables_right"] += 1
                wrong.extend(f"{name} {p}" for p in problems)
                continue
            result = compare_grid(report, table)
            counts["cells_right"] += result.right
            counts["cells_missed"] += len(result.missed)
            wrong.extend(f"{name} {w}" for w in result.wrong)
    return {"counts": dict(counts), "wrong": wrong, "lost": lost}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("layouts", nargs="*", choices=[[], *LAYOUTS], metavar="LAYOUT")
    args = parser.parse_args(argv)
    for layout in args.layouts or LAYOUTS:
        result = score(layout)
        c: dict[str, int] = result["counts"]  # type: ignore[assignment]
        wrong: list[str] = result["wrong"]  # type: ignore[assignment]
        lost: list[str] = result["lost"]  # type: ignore[assignment]
        print(
            f"{layout:<22} key figures {c.get('key_right', 0)} right, "
            f"{c.get('key_missed', 0)} missed; oracle cells {c.get('cells_right', 0)} right, "
            f"{c.get('cells_missed', 0)} missed; legacy tables "
            f"{c.get('legacy_tables_right', 0)} right; {len(wrong)} wrong; "
            f"{len(lost)} year/era lost"
        )
        for line in [*wrong, *lost][:10]:
            print(f"    {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
