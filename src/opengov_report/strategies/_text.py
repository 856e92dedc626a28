"""Report texts with the noise real reports carry, paired with the report they must give."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from .._chars import BLANK
from .._render import LAYOUTS, Layout, Style, render_styled
from ..model.era import Era
from ..model.report import AnnualReport
from ._errors import StrategyArgumentError
from ._reports import reports

__all__ = ["report_content", "report_texts"]


@st.composite
def _styles(draw: st.DrawFn, title: str | None) -> Style:
    split = None
    if title is not None and draw(st.booleans()):
        split = draw(st.integers(2, len(title) - 2))
    return Style(
        newline=draw(st.sampled_from(("\n", "\r\n"))),
        title_split=split,
        spaced_labels=draw(st.booleans()),
        wrap_heads=draw(st.booleans()),
        blank=draw(st.sampled_from(("", "\u3000", "\u00a0"))),
        heading_indent=draw(st.sampled_from(("", "    ", "\u3000\u3000", "\u00a0"))),
        misstyled=frozenset(draw(st.sets(st.sampled_from((4, 5)), max_size=2))),
        page_number=draw(st.none() | st.integers(1, 30)),
        bookmark=draw(st.booleans()),
        table_page_number=draw(st.none() | st.integers(1, 30)),
        stock_prose=True,  # a report's text has prose in every section, as real ones do
    )


@st.composite
def report_texts(
    draw: st.DrawFn,
    layout: Layout | None = None,
    noise: bool = True,
    era: Era | None = None,
    consistent: bool | None = None,
) -> tuple[str, AnnualReport]:
    """``(text, expected_report)``: a generated report written in ``layout`` (None: any of
    cells, tsv, markdown), with, when ``noise``, what real reports carry: spaced labels
    (``本年新收 政府信息公开 申请数量``), head cells wrapped over two lines, blank cells of
    U+3000 or NBSP, CRLF line endings, a title split over two lines, indented and mis-styled
    headings (``四．``, ``5、``), a spaced legacy head (``统　计　指　标``), stray page
    numbers (between paragraphs, and between two rows of tables 二 and 三) and a
    ``[bookmark: _GoBack]`` line.  Blank cells, ``无`` and ``——`` come with the
    tables.  ``parse(text)`` must give ``expected_report``
    (compare with :func:`report_content`).
    """
    if layout is not None and layout not in LAYOUTS:
        raise StrategyArgumentError(f"report_texts(layout={layout!r}): use one of {LAYOUTS}")
    chosen = layout if layout is not None else draw(st.sampled_from(LAYOUTS))
    is_consistent = draw(st.booleans()) if consistent is None else consistent
    report = draw(reports(era=era, consistent=is_consistent))
    style = draw(_styles(report.metadata.title)) if noise else Style(stock_prose=True)
    return render_styled(report, chosen, style), report


def _value_key(value: Any) -> tuple[object, ...]:
    if value is None:
        return (None,)
    return (value.kind.value, value.raw.strip(BLANK), value.number, value.unit)


def report_content(report: AnnualReport) -> tuple[object, ...]:
    """What a report says, as a comparable tuple: era, metadata (title, agency, year,
    published, signatory), for each table its kind (and era) and every figure (table, row,
    column, value kind, raw text without surrounding white space, number, unit), the legacy
    rows' labels, hierarchy and units, and what tables miss.  Not included: where things are
    (spans), the document, row labels of grid tables (the renderer writes the official ones),
    era evidence.

    ``report_content(parse(render(r))) == report_content(r)`` is the round-trip property.
    """
    meta = report.metadata
    tables: list[object] = []
    for table in report.tables:
        kind = type(table).__name__
        table_era = getattr(table, "era", None)
        missing = tuple(sorted((m.row, m.column or "", m.reason) for m in table.missing))
        tables.append((kind, table_era, missing))
    legacy = None
    if report.legacy is not None:
        legacy = tuple(
            (r.id, r.label, r.path, r.unit, _value_key(r.value), _value_key(r.cumulative))
            for r in report.legacy.rows
        )
    figures = tuple(
        sorted(
            ((f.table, f.row, f.column, *_value_key(f.value)) for f in report.figures()),
            key=repr,
        )
    )
    statements = tuple((s.table, s.text) for s in report.statements)
    return (
        report.era,
        (meta.title, meta.agency, meta.year, meta.published, meta.signatory),
        tuple(tables),
        figures,
        legacy,
        statements,
    )
