"""DOCX (python-docx): A4 landscape, Times New Roman in every font slot, the table header
repeated on every page, page numbers from the second page, as the appendix (docs/rendering.md);
unlike the appendix, every row of a progress report is kept whole."""

from __future__ import annotations

import io
from datetime import datetime, time

from roadmapctl.report.formats.common import stable_zip
from roadmapctl.report.formats.document import (
    COLUMNS,
    GROUP_WIDTHS_MM,
    TIMELINE_PAGE,
    WIDTHS_MM,
    ReportDocument,
    report_document,
    status_bars,
    timeline_rows,
)
from roadmapctl.report.formats.page import page_style
from roadmapctl.report.items import Report
from roadmapctl.writing import visible


def _fonts(rpr, font: str) -> None:
    """Set the font in all four w:rFonts slots of ``rpr`` and drop theme fonts, which would win."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{slot}"), font)
    for theme in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
        fonts.attrib.pop(qn(f"w:{theme}"), None)


def _setup(document, style) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    normal = document.styles["Normal"]
    normal.font.size = Pt(style.text_size)
    _fonts(normal.element.get_or_add_rPr(), style.font)
    for rpr in document.styles.element.iterfind(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}"):
        _fonts(rpr, style.font)
    paragraph_format = normal.paragraph_format
    paragraph_format.space_after = Pt(0)
    paragraph_format.space_before = Pt(0)
    paragraph_format.line_spacing = 1.0
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin, section.right_margin = Mm(style.margin_left_mm), Mm(style.margin_right_mm)
    section.top_margin, section.bottom_margin = Mm(style.margin_top_mm), Mm(style.margin_bottom_mm)
    section.header_distance = Mm(12.5)
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = 1  # centre
    field = header._p.makeelement(qn("w:fldSimple"), {qn("w:instr"): " PAGE "})
    header._p.append(field)


def _paragraph(container, text: str, style, *, size: float, bold: bool = False, align: int | None = None,
               before: float = 0, new_page: bool = False):
    from docx.shared import Pt

    paragraph = container.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.page_break_before = new_page
    if align is not None:
        paragraph.alignment = align
    run = paragraph.add_run(visible(text))
    run.bold = bold
    run.font.size = Pt(size)
    return paragraph


LATE_WORD = "Просрочено на "  # the start of common.overdue_line


def _cell(cell, lines: list[str], style, *, bold: bool = False, align: int | None = None, keep: bool = False) -> None:
    """The lines of a cell, a paragraph each; a line that says an item is overdue is bold and
    red (the word and the weight survive black-and-white printing). ``keep``: kept on the page
    of the row that follows (a section row, the table's header)."""
    from docx.shared import Pt, RGBColor

    first = cell.paragraphs[0]
    for index, line in enumerate(lines or [""]):
        paragraph = first if index == 0 else cell.add_paragraph()
        if align is not None:
            paragraph.alignment = align
        if keep:
            paragraph.paragraph_format.keep_with_next = True
        run = paragraph.add_run(visible(line))
        run.bold = bold or line.startswith(LATE_WORD)
        if line.startswith(LATE_WORD):
            run.font.color.rgb = RGBColor(0xB7, 0x1C, 0x1C)
        run.font.size = Pt(style.table_size)


def _row_flags(row, header: bool = False) -> None:
    from docx.oxml import OxmlElement

    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))
    if header:
        trpr.append(OxmlElement("w:tblHeader"))


def _table(document, header: list[str], widths_mm: tuple[int, ...], style):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, width in zip(table.columns, widths_mm):
        column.width = Mm(width)
    for cell, label, width in zip(table.rows[0].cells, header, widths_mm):
        cell.width = Mm(width)
        _cell(cell, [label], style, bold=True, align=1)
    _row_flags(table.rows[0], header=True)
    return table


def _add_row(table, values: list[list[str]], widths_mm, style, *, span: bool = False, bold: bool = False,
             keep: bool = False, right: frozenset[int] = frozenset()) -> None:
    """One row appended as XML. python-docx's ``add_row``, ``row.cells`` and ``merge`` look the
    row up among all rows of the table each time, which made a long report quadratic."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm
    from docx.table import _Cell

    tr = OxmlElement("w:tr")
    trpr = OxmlElement("w:trPr")
    trpr.append(OxmlElement("w:cantSplit"))
    tr.append(trpr)
    if span:
        groups = [(values[0], sum(widths_mm), len(widths_mm))]
    else:
        groups = [(lines, width, 1) for lines, width in zip(values, widths_mm)]
    cells = []
    for lines, width, count in groups:
        tc = OxmlElement("w:tc")
        tcpr = OxmlElement("w:tcPr")
        tcw = OxmlElement("w:tcW")
        tcw.set(qn("w:w"), str(Mm(width).twips))
        tcw.set(qn("w:type"), "dxa")
        tcpr.append(tcw)
        if count > 1:
            grid_span = OxmlElement("w:gridSpan")
            grid_span.set(qn("w:val"), str(count))
            tcpr.append(grid_span)
        tc.append(tcpr)
        tc.append(OxmlElement("w:p"))
        tr.append(tc)
        cells.append((tc, lines))
    table._tbl.append(tr)
    for column, (tc, lines) in enumerate(cells):
        _cell(_Cell(tc, table), lines, style, bold=bold, keep=keep, align=2 if column in right else None)


def _simple_table(document, header: list[str], rows: list[list[str]], widths: tuple[int, ...], style, *,
                  bold_last: bool = False, parts: list[bool] | None = None) -> None:
    """A table of the first page; the columns of numbers ("13", "13 (21 %)") aligned right."""
    import re

    numbers = re.compile(r"\d+( \(\d+\u00a0%\))?")
    right = frozenset(c for c in range(1, len(header)) if rows and all(numbers.fullmatch(row[c]) for row in rows))
    table = _table(document, header, widths, style)
    for index, values in enumerate(rows):
        first = ("    " if parts and parts[index] else "") + values[0]
        _add_row(table, [[first], *([v] for v in values[1:])], widths, style, bold=bold_last and index == len(rows) - 1,
                 right=right)


def _picture(document, png: bytes, width_mm: float, max_height_mm: float) -> None:
    """A picture centred on its own paragraph, ``width_mm`` wide unless it would then be taller
    than ``max_height_mm``."""
    import struct

    from docx.shared import Mm

    width_px, height_px = struct.unpack(">II", png[16:24])  # the PNG header (IHDR)
    height = width_mm * height_px / width_px
    paragraph = document.add_paragraph()
    paragraph.alignment = 1
    run = paragraph.add_run()
    if height > max_height_mm:
        run.add_picture(io.BytesIO(png), height=Mm(max_height_mm))
    else:
        run.add_picture(io.BytesIO(png), width=Mm(width_mm))


def render(report: Report, by: str = "section", signature: str | None = None, **_options) -> bytes:
    import docx

    from roadmapctl.report import charts

    view: ReportDocument = report_document(report, by, signature)
    style = page_style()
    document = docx.Document()
    _setup(document, style)
    body = document.paragraphs[0] if document.paragraphs else None
    if body is not None and not body.text:
        body._p.getparent().remove(body._p)
    size = style.text_size
    _paragraph(document, view.title, style, size=size, bold=True, align=1)
    for line in view.lines:
        _paragraph(document, line, style, size=size, align=1)
    _paragraph(document, view.totals, style, size=size, align=1, before=6)

    first = view.first
    _paragraph(document, f"Ход реализации на {first.as_of}", style, size=size, bold=True, align=1, before=12)
    shares = len(first.progress_header) - 1
    _simple_table(document, first.progress_header, first.progress, (267 - 35 * shares,) + (35,) * shares, style,
                  bold_last=view.many, parts=first.progress_parts)
    bars = status_bars(first)
    if any(b.total for b in bars):
        _picture(document, charts.status_chart(bars, "png"), 120, 150)
    if first.late:
        _paragraph(document, "Кто не успевает", style, size=size, bold=True, align=1, before=12)
        _simple_table(document, first.late_header, first.late, (167, 50, 50), style)
        if first.late_more:
            _paragraph(document, first.late_more_line, style, size=style.table_size)
        _paragraph(document, "Самые просроченные мероприятия", style, size=size, bold=True, align=1, before=12)
        widths = (40, 14, 95, 68, 25, 25) if view.many else (14, 120, 83, 25, 25)
        _simple_table(document, first.most_late_header, first.most_late, widths, style)
    else:
        _paragraph(document, "Просроченных мероприятий нет.", style, size=size, before=6)
    if view.trend:
        _paragraph(document, view.trend_heading, style, size=size, bold=True, align=1, before=12)
        for heading, rows in view.trend:
            _paragraph(document, heading, style, size=size, bold=True, before=6)
            if rows:
                _simple_table(document, ["№", "Мероприятие", "Что изменилось"], rows, (30, 137, 100), style)

    _paragraph(document, view.list_title, style, size=size, bold=True, align=1, before=12, new_page=True)
    for index, part in enumerate(view.roadmaps):
        _paragraph(document, part.title, style, size=size, bold=True, align=1, before=12, new_page=index > 0)
        if view.many and part.municipality:
            _paragraph(document, part.municipality, style, size=size, align=1)
        if not any(t.lines for t in part.tables):
            _paragraph(document, "Мероприятий по выбранным условиям нет.", style, size=size)
        for table_part in part.tables:
            if table_part.title:
                _paragraph(document, table_part.title, style, size=size, bold=True, align=1, before=12)
            _lines_table(document, table_part, WIDTHS_MM, style)
    for table_part in view.groups:
        _paragraph(document, table_part.title or "", style, size=size, bold=True, align=1, before=12)
        _lines_table(document, table_part, GROUP_WIDTHS_MM, style)

    timelines = [(rr, timeline_rows(report, rr)) for rr in report.roadmaps]
    if any(rows for _rr, rows in timelines):
        _paragraph(document, "Сроки мероприятий", style, size=size, bold=True, align=1, before=12, new_page=True)
        for rr, rows in timelines:
            for start in range(0, len(rows), TIMELINE_PAGE):
                if view.many or start:
                    name = rr.roadmap.municipality or rr.roadmap.file
                    _paragraph(document, f"{name}: строки {start + 1}–{min(start + TIMELINE_PAGE, len(rows))} из {len(rows)}",
                               style, size=style.table_size, align=1, before=6)
                _picture(document, charts.timeline(rows[start:start + TIMELINE_PAGE], report.as_of, "png", wide=True), 255, 160)
    if view.signature:
        for n, line in enumerate(view.signature):
            _paragraph(document, line, style, size=size, before=24 if n == 0 else 6)

    stamp = datetime.combine(report.as_of, time())
    core = document.core_properties
    core.title = view.title
    core.author = "roadmapctl"
    core.last_modified_by = "roadmapctl"
    core.created = stamp
    core.modified = stamp
    core.revision = 1
    out = io.BytesIO()
    document.save(out)
    return stable_zip(out.getvalue(), report.as_of)



def _lines_table(document, table_part, widths, style) -> None:
    table = _table(document, list(COLUMNS), widths, style)
    for line in table_part.lines:
        if line.section is not None:
            # kept with the row under it: no section row alone at a page's foot
            _add_row(table, [[line.section]], widths, style, span=True, bold=True, keep=True)
        else:
            _add_row(table, [[line.number], line.text.splitlines() or [""], line.responsible, [line.deadline], line.marks],
                     widths, style)
