"""A 2021-format report as a model with merged cells, rendered to text, HTML, .docx and PDF.

The tables have the official geometry (row and column spans as the form prints them); the
text rendering flattens the spans into empty cells, as PDF-extracted text shows them.  The
writers for .docx and PDF are imported lazily: they are test dependencies (the ``dev`` extra).
"""

from __future__ import annotations

import html
import io
from collections.abc import Mapping

import attrs

from opengov_report import AnnualReport
from opengov_report.document import (
    Blank,
    Document,
    MetaLine,
    Noise,
    Paragraph,
    Section,
    Table,
    TitleLine,
)
from opengov_report.model.forms import (
    APPLICANT_COLUMNS,
    APPLICATION_GROUP_TEXT,
    APPLICATION_ROW_TEXT,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
    application_rows,
)

_GROUP_LABEL = APPLICATION_GROUP_TEXT


@attrs.frozen
class Span:
    """A cell of a grid as the form draws it."""

    text: str
    rows: int = 1
    cols: int = 1


Grid = tuple[tuple[Span, ...], ...]


@attrs.frozen
class Form:
    """A report: blocks in order, each a paragraph (str), a heading (str) or a table (Grid)."""

    title: str
    blocks: tuple[str | Grid, ...]
    applications: Mapping[str, Mapping[str, str]]
    reviews: Mapping[str, Mapping[str, str]]
    disclosure: Mapping[str, str]


def expand(grid: Grid) -> list[list[str]]:
    """The grid with spans expanded: the text in the top-left position, empty cells elsewhere."""
    out: list[list[str]] = []
    taken: dict[tuple[int, int], str] = {}
    for r, row in enumerate(grid):
        cells: list[str] = []
        c = 0
        for span in row:
            while (r, c) in taken:
                cells.append(taken.pop((r, c)))
                c += 1
            cells.append(span.text)
            for dc in range(1, span.cols):
                cells.append("")
                taken.pop((r, c + dc), None)
            for dr in range(1, span.rows):
                for dc in range(span.cols):
                    taken[(r + dr, c + dc)] = ""
            c += span.cols
        while (r, c) in taken:
            cells.append(taken.pop((r, c)))
            c += 1
        out.append(cells)
    return out


def applications_grid(values: Mapping[str, Mapping[str, str]]) -> Grid:
    rows: list[tuple[Span, ...]] = [
        (
            Span("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3),
            Span("申请人情况", 1, 7),
        ),
        (Span("自然人", 2), Span("法人或其他组织", 1, 5), Span("总计", 2)),
        tuple(Span(t) for t in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")),
    ]

    def numbers(row: str) -> tuple[Span, ...]:
        return tuple(Span(values[row][c]) for c in APPLICANT_COLUMNS)

    opened: set[str] = set()
    for row in application_rows("2021"):
        label = APPLICATION_ROW_TEXT[row]
        lead: list[Span] = []
        if row in ("new_received", "carried_over", "carried_forward"):
            lead.append(Span(label, 1, 3))
        elif "." in row:
            group = row.split(".")[0]
            if group not in opened:
                opened.add(group)
                size = sum(1 for r in application_rows("2021") if r.startswith(group + "."))
                lead.append(Span(_GROUP_LABEL[group], size))
            lead.append(Span(label))
        else:
            lead.append(Span(label, 1, 2))
        if row == "granted":
            lead.insert(0, Span("三、本年度办理结果", 22))
        rows.append((*lead, *numbers(row)))
    return tuple(rows)


def reviews_grid(values: Mapping[str, Mapping[str, str]]) -> Grid:
    heads = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    return (
        (Span("行政复议", 1, 5), Span("行政诉讼", 1, 10)),
        (
            *(Span(h, 2) for h in heads),
            Span("未经复议直接起诉", 1, 5),
            Span("复议后起诉", 1, 5),
        ),
        tuple(Span(h) for h in heads * 2),
        tuple(Span(values[g][c]) for g in REVIEW_GROUPS for c in REVIEW_COLUMNS),
    )


def disclosure_grid(values: Mapping[str, str]) -> Grid:
    def item(title: str) -> tuple[Span, ...]:
        return (Span(title, 1, 4),)

    return (
        item("第二十条第（一）项"),
        (Span("信息内容"), Span("本年制发件数"), Span("本年废止件数"), Span("现行有效件数")),
        (Span("规章"), *(Span(values[f"regulations.{c}"]) for c in ("i", "r", "f"))),
        (
            Span("行政规范性文件"),
            *(Span(values[f"normative_documents.{c}"]) for c in ("i", "r", "f")),
        ),
        item("第二十条第（五）项"),
        (Span("信息内容"), Span("本年处理决定数量", 1, 3)),
        (Span("行政许可"), Span(values["admin_license"], 1, 3)),
        item("第二十条第（六）项"),
        (Span("信息内容"), Span("本年处理决定数量", 1, 3)),
        (Span("行政处罚"), Span(values["admin_penalty"], 1, 3)),
        (Span("行政强制"), Span(values["admin_enforcement"], 1, 3)),
        item("第二十条第（八）项"),
        (Span("信息内容"), Span("本年收费金额（单位：万元）", 1, 3)),
        (Span("行政事业性收费"), Span(values["admin_fees"], 1, 3)),
    )


DISCLOSURE_KEYS = (
    "regulations.i",
    "regulations.r",
    "regulations.f",
    "normative_documents.i",
    "normative_documents.r",
    "normative_documents.f",
    "admin_license",
    "admin_penalty",
    "admin_enforcement",
    "admin_fees",
)


def make_form(
    applications: Mapping[str, Mapping[str, str]],
    reviews: Mapping[str, Mapping[str, str]],
    disclosure: Mapping[str, str],
    agency: str = "某市某局",
) -> Form:
    title = f"{agency}2022年政府信息公开工作年度报告"
    blocks: tuple[str | Grid, ...] = (
        "一、总体情况",
        "2022年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，现将有关情况报告如下。",
        "二、主动公开政府信息情况",
        disclosure_grid(disclosure),
        "三、收到和处理政府信息公开申请情况",
        applications_grid(applications),
        "四、政府信息公开行政复议、行政诉讼情况",
        reviews_grid(reviews),
        "五、存在的主要问题及改进情况",
        "无。",
    )
    return Form(title, blocks, applications, reviews, disclosure)


def to_text(form: Form) -> str:
    """The report as tab-separated text: spans expanded into empty cells."""
    lines = [form.title]
    for block in form.blocks:
        if isinstance(block, str):
            lines.append(block)
        else:
            lines.extend("\t".join(row) for row in expand(block))
    return "\n".join(lines) + "\n"


def to_html(form: Form, *, indent: bool = True) -> str:
    """The report as an HTML page, tables with rowspan/colspan."""
    nl = "\n" if indent else ""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{html.escape(form.title)}</title></head>",
        "<body>",
        '<div class="nav">当前位置：首页 &gt; 政府信息公开</div>',
        f"<h1>{html.escape(form.title)}</h1>",
    ]
    for block in form.blocks:
        if isinstance(block, str):
            tag = "h2" if block[:2] in {"一、", "二、", "三、", "四、", "五、"} else "p"
            parts.append(f"<{tag}>{html.escape(block)}</{tag}>")
            continue
        parts.append('<table border="1">')
        for row in block:
            cells = []
            for span in row:
                attrs_ = ""
                if span.rows > 1:
                    attrs_ += f' rowspan="{span.rows}"'
                if span.cols > 1:
                    attrs_ += f' colspan="{span.cols}"'
                cells.append(f"<td{attrs_}><p>{html.escape(span.text)}</p></td>")
            parts.append("<tr>" + nl + nl.join(cells) + nl + "</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def to_docx(form: Form) -> bytes:
    """The report as a .docx written with python-docx, merged cells merged."""
    import docx

    document = docx.Document()
    document.add_heading(form.title, level=0)
    for block in form.blocks:
        if isinstance(block, str):
            if block[:2] in {"一、", "二、", "三、", "四、", "五、"}:
                document.add_heading(block, level=1)
            else:
                document.add_paragraph(block)
            continue
        width = len(expand(block)[0])
        table = document.add_table(rows=len(block), cols=width)
        # the cells, taken once (python-docx's table.cell() walks the whole table each time);
        # merging only touches the cells of each span, so these stay valid
        cells = [list(row.cells) for row in table.rows]
        taken: set[tuple[int, int]] = set()
        for r, row in enumerate(block):
            c = 0
            for span in row:
                while (r, c) in taken:
                    c += 1
                cell = cells[r][c]
                if span.rows > 1 or span.cols > 1:
                    cell = cell.merge(cells[r + span.rows - 1][c + span.cols - 1])
                cell.text = span.text
                for dr in range(span.rows):
                    for dc in range(span.cols):
                        taken.add((r + dr, c + dc))
                c += span.cols
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def to_pdf(
    form: Form,
    *,
    break_after: int | None = None,
    page_numbers: bool = False,
    ruled: bool = True,
    title_size: float = 14,
    running_head: str | None = None,
) -> bytes:
    """The report as a landscape A4 PDF drawn with reportlab's canvas and its built-in CID font
    STSong-Light (no font file needed): text lines, and tables as ruled boxes, one box per
    merged cell, its text centred vertically.  ``break_after`` starts a new page inside the
    applications table after that many of its rows (the table then starts on a new page) (a span crossing the break is drawn on
    both pages, its text on the first only).  ``page_numbers`` prints ``- N -`` at the foot
    of every page; ``ruled=False`` draws the tables' text without their lines.  The title is
    drawn in ``title_size`` points, a line for each line of ``form.title``.  ``running_head``
    is printed at the top of every page (Word's page header)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width, height = 842.0, 595.0
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(width, height), invariant=1)
    if page_numbers or running_head:
        show_page = pdf.showPage

        def numbered() -> None:
            pdf.setFont("STSong-Light", 9)
            if page_numbers:
                pdf.drawCentredString(width / 2, 20, f"- {pdf.getPageNumber()} -")
            if running_head:
                pdf.drawCentredString(width / 2, height - 22, running_head)
            show_page()

        pdf.showPage = numbered
    y = height - 40

    def new_page() -> None:
        nonlocal y
        pdf.showPage()
        y = height - 40

    def line(text: str, size: float) -> None:
        nonlocal y
        if y < 60:
            new_page()
        pdf.setFont("STSong-Light", size)
        pdf.drawString(40, y, text)
        y -= size * 1.8

    for title_line in form.title.split("\n"):
        line(title_line, title_size)
    for block in form.blocks:
        if isinstance(block, str):
            line(block, 10)
            continue
        forced = break_after if len(expand(block)[0]) == 10 else None
        if forced is not None:  # the table starts on a new page and breaks where asked
            new_page()
        y = _draw_table(pdf, block, y, forced, ruled=ruled)
        y -= 16
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def _column_widths(columns: int) -> list[float]:
    if columns == 10:  # applications: three label columns, seven figures
        return [46.0, 74.0, 300.0] + [46.0] * 7
    if columns == 1:
        return [760.0]
    first = 300.0 if columns <= 4 else 180.0
    return [first] + [(760.0 - first) / (columns - 1)] * (columns - 1)


def _draw_table(
    pdf: object, grid: Grid, top: float, break_after: int | None, *, ruled: bool = True
) -> float:
    """Draw ``grid`` from ``top`` down; returns the y below it.  A row is as high as the
    wrapped text of its one-row cells needs."""
    size = 7.0
    widths = _column_widths(len(expand(grid)[0]))
    xs = [40.0]
    for w in widths:
        xs.append(xs[-1] + w)
    # where each span starts: (row, col)
    placed: list[tuple[int, int, Span]] = []
    taken: set[tuple[int, int]] = set()
    heights = [14.0] * len(grid)
    for r, row in enumerate(grid):
        c = 0
        for span in row:
            while (r, c) in taken:
                c += 1
            placed.append((r, c, span))
            if span.rows == 1:
                lines = _wrap(span.text, xs[c + span.cols] - xs[c] - 4, size)
                heights[r] = max(heights[r], len(lines) * size * 1.2 + 5)
            for dr in range(span.rows):
                for dc in range(span.cols):
                    taken.add((r + dr, c + dc))
            c += span.cols
    # the y of each row's top edge, and its page
    tops: list[tuple[int, float]] = []
    page, y = 0, top
    for r in range(len(grid)):
        if (break_after is not None and r == break_after) or y - heights[r] < 40:
            page, y = page + 1, 555.0
        tops.append((page, y))
        y -= heights[r]
    for current in sorted({p for p, _ in tops}):
        if current:
            pdf.showPage()  # type: ignore[attr-defined]
        pdf.setFont("STSong-Light", size)  # type: ignore[attr-defined]
        pdf.setLineWidth(0.5)  # type: ignore[attr-defined]
        for r, c, span in placed:
            rows_here = [i for i in range(r, r + span.rows) if tops[i][0] == current]
            if not rows_here:
                continue
            upper = tops[rows_here[0]][1]
            lower = tops[rows_here[-1]][1] - heights[rows_here[-1]]
            left, right = xs[c], xs[c + span.cols]
            if ruled:
                pdf.rect(left, lower, right - left, upper - lower)  # type: ignore[attr-defined]
            if rows_here[0] == r and span.text:
                lines = _wrap(span.text, right - left - 4, size)
                first = (upper + lower) / 2 + (len(lines) - 1) * size * 0.6 - size / 3
                for i, text in enumerate(lines):
                    pdf.drawString(left + 2, first - i * size * 1.2, text)  # type: ignore[attr-defined]
    return tops[-1][1] - heights[-1]


def _wrap(text: str, width: float, size: float) -> list[str]:
    """Cut ``text`` into lines of at most ``width`` points, every character counted as wide
    (the way a cell wraps a long Chinese label); explicit newlines are kept."""
    per_line = max(1, int(width // size))
    lines: list[str] = []
    for part in text.split("\n"):
        lines.extend(part[i : i + per_line] for i in range(0, max(len(part), 1), per_line))
    return lines


def form_of_document(document: Document) -> Form:
    """A parsed report as a :class:`Form`: its lines as paragraphs, its tables as grids of
    single cells (short rows padded with empty cells to the table's width)."""
    blocks: list[str | Grid] = []

    def visit(node: object) -> None:
        if isinstance(node, Table):
            width = node.shape[1]
            rows = [r.values for r in node.rows if not r.is_rule]
            grid = tuple(
                tuple(Span(_one_line(v)) for v in (*row, *[""] * (width - len(row))))
                for row in rows
            )
            blocks.append(grid)
        elif isinstance(node, Section):
            blocks.append(node.heading.text.strip())
            for child in node.children:
                visit(child)
        elif isinstance(node, Blank):
            return
        elif isinstance(node, (Paragraph, Noise, TitleLine, MetaLine)):
            blocks.extend(line.strip() for line in node.text.splitlines() if line.strip())

    if document.front is not None:
        for item in document.front.items:
            visit(item)
    for child in document.children:
        visit(child)
    first = blocks[0] if blocks and isinstance(blocks[0], str) else ""
    return Form(first, tuple(blocks[1:] if first else blocks), {}, {}, {})


def _one_line(text: str) -> str:
    """A wrapped cell's lines joined (a Chinese label wrapped in its cell)."""
    return "".join(part.strip() for part in text.split("\n"))


def raw_grid(report: AnnualReport, table: str) -> dict[str, dict[str, str]]:
    """A recognised table's raw cell texts by row and column (stripped), to compare with the
    texts a form was written from."""
    out: dict[str, dict[str, str]] = {}
    for f in report.figures():
        if f.table == table:
            out.setdefault(f.row, {})[f.column] = f.value.raw.strip()
    return out


#: table 三's caption and head as a one-line page runs them together (format-spec §4.3)
ONE_LINE_APPLICATIONS_HEAD = (
    "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加"
    "第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
)
#: table 四's caption and head as a one-line page runs them together (format-spec §4.4)
ONE_LINE_REVIEWS_HEAD = (
    "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
    "未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果"
    "尚未审结总计"
)
