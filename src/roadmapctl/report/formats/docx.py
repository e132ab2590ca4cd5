"""DOCX (python-docx): A4 landscape, Times New Roman in every font slot, the table header
repeated on every page, page numbers from the second page, as the appendix (docs/rendering.md);
unlike the appendix, every row of a progress report is kept whole."""

from __future__ import annotations

import io
from datetime import datetime, time

from roadmapctl.report.formats.common import stable_zip
from roadmapctl.report.formats.document import COLUMNS, WIDTHS_MM, ReportDocument, report_document
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


def _cell(cell, lines: list[str], style, *, bold: bool = False, align: int | None = None) -> None:
    from docx.shared import Pt

    first = cell.paragraphs[0]
    for index, line in enumerate(lines or [""]):
        paragraph = first if index == 0 else cell.add_paragraph()
        if align is not None:
            paragraph.alignment = align
        run = paragraph.add_run(visible(line))
        run.bold = bold
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


def _add_row(table, values: list[list[str]], widths_mm, style, *, span: bool = False, bold: bool = False) -> None:
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
    for tc, lines in cells:
        _cell(_Cell(tc, table), lines, style, bold=bold)


def render(report: Report, by: str = "kind", **_options) -> bytes:
    import docx

    view: ReportDocument = report_document(report)
    style = page_style()
    document = docx.Document()
    _setup(document, style)
    body = document.paragraphs[0] if document.paragraphs else None
    if body is not None and not body.text:
        body._p.getparent().remove(body._p)
    _paragraph(document, view.title, style, size=style.text_size, bold=True, align=1)
    for line in view.lines:
        _paragraph(document, line, style, size=style.text_size, align=1)
    _paragraph(document, view.totals, style, size=style.text_size, align=1, before=6)
    if view.summary:
        _paragraph(document, "Сводка по муниципалитетам", style, size=style.text_size, bold=True, before=12)
        widths = (87,) + (36,) * (len(view.summary_header) - 1)
        table = _table(document, view.summary_header, widths, style)
        for values in view.summary:
            _add_row(table, [[v] for v in values], widths, style)
    for index, part in enumerate(view.roadmaps):
        _paragraph(document, part.title, style, size=style.text_size, bold=True, align=1, before=12,
                   new_page=bool(view.summary) or index > 0)
        if len(view.roadmaps) > 1 and part.municipality:
            _paragraph(document, part.municipality, style, size=style.text_size, align=1)
        if not any(t.lines for t in part.tables):
            _paragraph(document, "Мероприятий по выбранным условиям нет.", style, size=style.text_size)
        for table_part in part.tables:
            if table_part.title:
                _paragraph(document, table_part.title, style, size=style.text_size, bold=True, align=1, before=12)
            table = _table(document, list(COLUMNS), WIDTHS_MM, style)
            for row in table_part.lines:
                if row.section is not None:
                    _add_row(table, [[row.section]], WIDTHS_MM, style, span=True, bold=True)
                else:
                    _add_row(table, [[row.number], row.text.splitlines() or [""], row.responsible, [row.deadline], row.marks],
                             WIDTHS_MM, style)
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
