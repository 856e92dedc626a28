"""PDF readers compared: pdfplumber and pypdfium2, on speed and on the tables of generated PDFs
(run by hand).

    .venv/bin/python benchmarks/bench_inputs.py [--files 20] [--repeat 3]

Generates 2021-format reports with random figures (blank, 无, —— and numbers), writes each as a
PDF with reportlab (the tests' writer, ``tests/forms.py``; half of them with a page break inside
the applications table), and measures, per reader:

* the time to get the text out (best of ``--repeat``, mean per file);
* how many of the report's figures ``parse`` recovers from that text, against the figures of the
  text version of the same report (kind and number must match).

pdfplumber is measured twice: its plain text (``page.extract_text``) and the ``pdf`` adapter
(:func:`opengov_report.inputs.pdf.extract_pdf`: tables found from ruling lines, cell by cell).
pypdfium2 has no table finder: its text is what the grammar gets.  Figures go to docs/inputs.md.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pdfplumber
import pypdfium2
from tests.forms import (
    DISCLOSURE_KEYS,
    Form,
    make_form,
    to_docx,
    to_html,
    to_pdf,
    to_text,
)

from opengov_report import AnnualReport, extract, parse
from opengov_report.inputs.pdf import extract_pdf
from opengov_report.model.forms import (
    APPLICANT_COLUMNS,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
    application_rows,
)


def random_form(rnd: random.Random) -> Form:
    def value() -> str:
        return rnd.choice([str(rnd.randint(0, 999)), "", "无", "——", "0"])

    apps = {r: {c: value() for c in APPLICANT_COLUMNS} for r in application_rows("2021")}
    reviews = {g: {c: value() for c in REVIEW_COLUMNS} for g in REVIEW_GROUPS}
    disclosure = {k: str(rnd.randint(0, 99)) for k in DISCLOSURE_KEYS}
    return make_form(apps, reviews, disclosure)


def plumber_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() for page in pdf.pages) + "\n"


def plumber_adapter(data: bytes) -> str:
    return extract_pdf(data)[0]


def pdfium_text(data: bytes) -> str:
    document = pypdfium2.PdfDocument(data)
    try:
        pages = []
        for i in range(len(document)):
            page = document[i]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(pages).replace("\r\n", "\n") + "\n"
    finally:
        document.close()


def figures(report: AnnualReport) -> dict[tuple[str, str, str], tuple[object, object]]:
    return {(f.table, f.row, f.column): (f.value.kind, f.value.number) for f in report.figures()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    cases: list[tuple[bytes, dict[tuple[str, str, str], tuple[object, object]]]] = []
    for i in range(args.files):
        form = random_form(rnd)
        data = to_pdf(form, break_after=rnd.randint(4, 24) if i % 2 else None)
        cases.append((data, figures(parse(to_text(form)))))
    size = sum(len(d) for d, _ in cases) / len(cases)
    print(f"{len(cases)} PDFs, mean {size / 1024:.1f} KiB, half with a page break in a table")
    readers: list[tuple[str, Callable[[bytes], str]]] = [
        ("pdfplumber extract_text", plumber_text),
        ("pdfplumber tables (adapter)", plumber_adapter),
        ("pypdfium2 get_text_range", pdfium_text),
    ]
    print(f"{'reader':<30} {'ms/file':>8} {'figures':>9} {'recovered':>10}")
    for name, read in readers:
        best = float("inf")
        texts: list[str] = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            texts = [read(d) for d, _ in cases]
            best = min(best, time.perf_counter() - start)
        total = right = 0
        for text, (_, expected) in zip(texts, cases, strict=True):
            got = figures(parse(text))
            total += len(expected)
            right += sum(1 for k, v in expected.items() if got.get(k) == v)
        per_file = best / len(cases) * 1000
        print(f"{name:<30} {per_file:8.1f} {total:9d} {right / total:10.1%}")
    print()
    print("the other adapters on the same reports (extraction only):")
    forms = [random_form(random.Random(args.seed + i)) for i in range(args.files)]
    others: list[tuple[str, list[bytes]]] = [
        ("html (lxml)", [to_html(f).encode("utf-8") for f in forms]),
        ("docx (python-docx)", [to_docx(f) for f in forms]),
    ]
    for name, files in others:
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            for data in files:
                extract(data)
            best = min(best, time.perf_counter() - start)
        kib = sum(len(d) for d in files) / len(files) / 1024
        print(f"{name:<30} {best / len(files) * 1000:8.1f} ms/file ({kib:.1f} KiB)")


if __name__ == "__main__":
    main()
