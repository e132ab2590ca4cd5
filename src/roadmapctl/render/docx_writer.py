"""DOCX of the document view, on python-docx, per docs/rendering.md (ГОСТ Р 7.0.97).

python-docx gives the package, the sections and the header parts; the body is written as
WordprocessingML directly, because python-docx has no API for what the document needs
(``w:tblHeader``, ``w:cantSplit``, the PAGE field, ``w:gridSpan``, all four ``w:rFonts`` slots)
and its cell access is slow. The zip is written again with fixed timestamps and the document
properties are fixed, so that the same roadmap gives the same bytes.

A template folder may hold ``reference.docx``: its styles are kept (ours are added only where
a style of the same id is missing) and its body, if any, is the letterhead of the order.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from roadmapctl.document.fields import NUMBER
from roadmapctl.own_output import CONTINUED_STYLE
from roadmapctl.render.errors import RenderError
from roadmapctl.render.marker import CORE, PLACEHOLDER, mark_text, package_digest
from roadmapctl.render.paging import (
    CELL_MARGIN,
    HANGING,
    METRIC_FONTS,
    Layout,
    appendix_start,
    as_is,
    page_height,
    paginate,
    table_title_height,
)
from roadmapctl.render.style import A4_LONG, A4_SHORT, Style, twips
from roadmapctl.render.view import DocumentView, OrderView, Para, TableView
from roadmapctl.ziputil import reproducible_zip, zip_members

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSDECL = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'
REFERENCE = "reference.docx"
THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'  # 4/8 pt = 0.5 pt


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


# --- paragraphs -------------------------------------------------------------------------------

def _t(text: str) -> str:
    from roadmapctl.writing import visible  # XML 1.0 cannot carry control characters at all

    return f'<w:t xml:space="preserve">{escape(visible(text))}</w:t>'


def _run(text: str, bold: bool = False) -> str:
    props = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else ""
    parts = text.split("\t")
    inner = "<w:tab/>".join(_t(p) if p else "" for p in parts)
    return f"<w:r>{props}{inner}</w:r>"


def _p(runs, style: str, *, keep_next: bool = False, tabs: list[tuple[str, int]] | None = None,
       before: int | None = None, after: int | None = None, ind: dict | None = None, jc: str | None = None,
       sect: str = "") -> str:
    """A paragraph; the pPr children in schema order."""
    ppr = [f'<w:pStyle w:val="{style}"/>']
    if keep_next:
        ppr.append("<w:keepNext/>")
    if tabs:
        ppr.append("<w:tabs>" + "".join(f'<w:tab w:val="{kind}" w:pos="{pos}"/>' for kind, pos in tabs) + "</w:tabs>")
    if before is not None or after is not None:
        attrs = (f' w:before="{before}"' if before is not None else "") + (f' w:after="{after}"' if after is not None else "")
        ppr.append(f"<w:spacing{attrs}/>")
    if ind:
        ppr.append("<w:ind" + "".join(f' w:{k}="{v}"' for k, v in ind.items()) + "/>")
    if jc:
        ppr.append(f'<w:jc w:val="{jc}"/>')
    if sect:
        ppr.append(sect)
    if isinstance(runs, str):
        runs = [(runs, False)]
    body = "".join(_run(text, bold) for text, bold in runs if text)
    return f"<w:p><w:pPr>{''.join(ppr)}</w:pPr>{body}</w:p>"


def _para(para: Para, style: str, **kw) -> str:
    if para.continued and style == "RMTable":
        # The rest of a paragraph after a page break; of a sub-item or a party, aligned with its
        # wrapped lines.
        indent = {"left": HANGING} if para.bullet or para.hanging else None
        return _p(para.text, "RMTableCont", ind=indent, **kw)
    if para.label:
        runs = [(para.label, True)] + ([(" " + para.text, False)] if para.text else [])
        return _p(runs, style, **kw)
    if para.bullet and style == "RMTable":
        # "– " and a hanging indent, so that wrapped lines of the sub-item align with its text.
        return _p(para.line, style, ind={"left": HANGING, "hanging": HANGING}, **kw)
    if para.bullet:
        return _p(para.line, style, **kw)
    if para.hanging and style == "RMTable":
        # One of several parties: its wrapped lines indented, so that each party's start shows.
        return _p(para.text, style, ind={"left": HANGING, "hanging": HANGING}, **kw)
    return _p(para.text, style, **kw)


# --- styles -----------------------------------------------------------------------------------

def _rfonts(font: str) -> str:
    f = quoteattr(font)
    return f"<w:rFonts w:ascii={f} w:hAnsi={f} w:eastAsia={f} w:cs={f}/>"


def _rpr(style: Style, size: float, bold: bool = False) -> str:
    half = int(round(size * 2))
    b = "<w:b/><w:bCs/>" if bold else ""
    return (f'<w:rPr>{_rfonts(style.font)}{b}<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
            '<w:lang w:val="ru-RU" w:eastAsia="ru-RU" w:bidi="ar-SA"/></w:rPr>')


def _style_defs(style: Style) -> dict[str, str]:
    single = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
    indent = twips(style.indent_cm * 10)

    def para(sid, name, ppr, size, bold=False):
        return (f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}" {NSDECL}>'
                f'<w:name w:val="{name}"/><w:qFormat/><w:pPr>{ppr}</w:pPr>{_rpr(style, size, bold)}</w:style>')

    return {
        "RMText": para("RMText", "ДК: текст", f'<w:widowControl/>{single}<w:ind w:firstLine="{indent}"/><w:jc w:val="both"/>', style.text_size),
        "RMRequisite": para("RMRequisite", "ДК: реквизит", f"{single}<w:jc w:val=\"left\"/>", style.text_size),
        "RMTitle": para("RMTitle", "ДК: заголовок", '<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="240" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>', style.text_size, True),
        "RMPlain": para("RMPlain", "ДК: текст без отступа", f"{single}<w:jc w:val=\"left\"/>", style.text_size),
        # Widow and orphan control: a row broken across pages leaves at least two lines of a
        # paragraph on each side (the most a DOCX paragraph can ask for).
        "RMTable": para("RMTable", "ДК: таблица", f"<w:widowControl/>{single}<w:jc w:val=\"left\"/>", style.table_size),
        # The rest of a paragraph cut at a page break (paging.py): formatted as RMTable; its own
        # style tells `roadmapctl import` to join it to the paragraph before.
        "RMTableCont": para("RMTableCont", CONTINUED_STYLE, f"<w:widowControl/>{single}<w:jc w:val=\"left\"/>", style.table_size),
        "RMTableHead": para("RMTableHead", "ДК: шапка таблицы", f"<w:keepNext/>{single}<w:jc w:val=\"center\"/>", style.table_size, True),
        "RMSection": para("RMSection", "ДК: раздел таблицы", f"<w:keepNext/>{single}<w:jc w:val=\"left\"/>", style.table_size, True),
        "RMPageNumber": para("RMPageNumber", "ДК: номер страницы", f"{single}<w:jc w:val=\"center\"/>", style.header_size),
    }


def _setup_styles(document, style: Style, reference: bool) -> None:
    from docx.oxml import parse_xml

    styles = document.styles.element
    if not reference:
        # Defaults: the font in all four slots (no theme fonts), size, Russian, single spacing.
        defaults = styles.find(_w("docDefaults"))
        if defaults is not None:
            styles.remove(defaults)
        defaults = parse_xml(
            f"<w:docDefaults {NSDECL}><w:rPrDefault>{_rpr(style, style.text_size)}</w:rPrDefault>"
            '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
        )
        styles.insert(0, defaults)
        theme_attrs = [_w(a) for a in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")]
        for rfonts in styles.iter(_w("rFonts")):
            for attr in theme_attrs:
                if attr in rfonts.attrib:
                    del rfonts.attrib[attr]
    existing = {el.get(_w("styleId")) for el in styles.findall(_w("style"))}
    for sid, xml in _style_defs(style).items():
        if sid not in existing:
            styles.append(parse_xml(xml))


# --- tables -----------------------------------------------------------------------------------

def _grid(table: TableView, total: int) -> list[int]:
    widths = [int(round(f * total)) for f in table.widths]
    widths[-1] += total - sum(widths)
    return widths


def _cell(width: int, content: str, *, span: int = 1, valign: str | None = None) -> str:
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if valign:
        tcpr += f'<w:vAlign w:val="{valign}"/>'
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{content}</w:tc>"


def _table(table: TableView, style: Style, total: int, start: float, paged: bool) -> tuple[str, float]:
    """The table's XML, and the points it uses on its last page. ``start``: points of its first
    page used above it; ``paged``: the pages are broken here (paging.py), not by the word processor."""
    widths = _grid(table, total)
    n = len(widths)
    borders = "".join(BORDER.format(side=s) for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out = [
        "<w:tbl><w:tblPr>",
        f'<w:tblW w:w="{total}" w:type="dxa"/>',
        f"<w:tblBorders>{borders}</w:tblBorders>",
        '<w:tblLayout w:type="fixed"/>',
        f'<w:tblCellMar><w:left w:w="{CELL_MARGIN}" w:type="dxa"/><w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>',
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>',
        "</w:tblPr><w:tblGrid>",
        "".join(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    header_rows = [table.headers] + ([[str(i) for i in range(1, n + 1)]] if table.column_numbers else [])
    for cells in header_rows:
        # The header rows repeat on every page (w:tblHeader, Word honours it on the first rows only).
        out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
        out.extend(_cell(w, _p(text, "RMTableHead"), valign="center") for w, text in zip(widths, cells))
        out.append("</w:tr>")
    if paged:
        pieces, used = paginate(table, Layout(widths, style.table_size, page_height(style), start))
    else:
        pieces, used = as_is(table), 0.0
    for piece in pieces:
        row = piece.row
        if row.is_section:
            # Whole, and kept with the row after it (w:keepNext): never alone at the foot of a page.
            out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            out.append(_cell(total, _p(row.heading, "RMSection", keep_next=True), span=n))
            out.append("</w:tr>")
            continue
        # The pages break between rows only (paging.py cuts a tall row where a page ends); a
        # row taller than a page and not cut is left to the word processor.
        out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>" if piece.whole else "<w:tr>")
        for width, cell in zip(widths, row.cells):
            cell_style = "RMTable"
            jc = "center" if cell.field == NUMBER.column else None
            paras = "".join(_para(p, cell_style, jc=jc) for p in cell.paragraphs) or _p("", cell_style)
            out.append(_cell(width, paras))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out), used


# --- document parts ---------------------------------------------------------------------------

def _blocks(view: DocumentView, style: Style, content_width: int) -> list[str]:
    left = max(0, content_width - int(round(style.block_width_cm * 567)))
    out = []
    for index, block in enumerate(view.blocks):
        for number, line in enumerate(block.lines):
            before = 240 if index and number == 0 else None
            out.append(_p(line, "RMRequisite", ind={"left": left}, before=before))
    return out


def _order(order: OrderView, view: DocumentView, style: Style, width: int, letterhead: list | None) -> tuple[list[str], list]:
    """The order's paragraphs (strings) and, first, the reference letterhead elements if any."""
    out: list[str] = []
    if not letterhead:
        out += [_p([(line, True)], "RMPlain", jc="center") for line in order.letterhead]
    out.append(_p([(order.kind, True)], "RMPlain", jc="center", before=240, after=240))
    out.append(_p(f"{order.date}\t{order.number}", "RMPlain", tabs=[("right", width)]))
    if order.place:
        out.append(_p(order.place, "RMPlain", jc="center", before=120))
    if order.title:
        out.append(_p([(order.title, True)], "RMPlain", before=360, after=240, ind={"right": max(0, width - 5670)}))
    out += [_para(p, "RMText") for p in order.preamble]
    if order.command:
        out.append(_p([(order.command, True)], "RMPlain", before=120, after=120))
    out += [_para(p, "RMText") for p in order.items]
    if order.signature_position or order.signature_name:
        out.append(_p(f"{order.signature_position}\t{order.signature_name}", "RMPlain", tabs=[("right", width)], before=720))
    if view.working_group:
        out.append(_p("Состав рабочей группы", "RMTitle", before=480))
        out += [_p(f"{i}. {line}", "RMText") for i, line in enumerate(view.working_group, 1)]
    return out, letterhead or []


def _appendix(view: DocumentView, style: Style, width: int, paged: bool) -> list[str]:
    out = _blocks(view, style, width)
    out.append(_p(view.title, "RMTitle", before=360 if out else 0))
    preamble = view.preamble
    for index, para in enumerate(preamble):
        # A line of space between the preamble and the table, without an empty paragraph.
        last = index == len(preamble) - 1 and view.tables and not view.tables[0].title
        out.append(_para(para, "RMText", after=240 if last else None))
    used = appendix_start(view, style)
    for table in view.tables:
        if table.title:
            out.append(_p(table.title, "RMTitle"))
            used += table_title_height(table.title, style)
        xml, used = _table(table, style, width, used, paged)
        out.append(xml)
    return out


PAGE_FIELD = (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    '<w:r><w:t>2</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
)


def _set_header(header, xml_paragraph: str) -> None:
    from docx.oxml import parse_xml

    header.is_linked_to_previous = False
    element = header._element
    for child in list(element):
        element.remove(child)
    element.append(parse_xml(xml_paragraph))


def _configure_section(section, style: Style, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Twips

    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width = Twips(A4_LONG if landscape else A4_SHORT)
    section.page_height = Twips(A4_SHORT if landscape else A4_LONG)
    section.top_margin = Twips(twips(style.margin_top_mm))
    section.bottom_margin = Twips(twips(style.margin_bottom_mm))
    section.left_margin = Twips(twips(style.margin_left_mm))
    section.right_margin = Twips(twips(style.margin_right_mm))
    section.header_distance = Twips(twips(style.header_distance_mm))
    section.footer_distance = Twips(twips(style.header_distance_mm))
    section.gutter = Twips(0)


def _open(template_dir: Path | None):
    import docx

    reference = template_dir / REFERENCE if template_dir else None
    if reference is not None and reference.is_file():
        try:
            return docx.Document(str(reference)), True
        except Exception:  # noqa: BLE001 - any broken package is the user's file
            raise RenderError(f"{reference}: не удалось открыть как документ DOCX (файл повреждён или это не документ Word)") from None
    return docx.Document(), False


def _clean_package(document) -> None:
    package = document.part.package
    for rels in (package.rels, document.part.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype in (THUMBNAIL, STYLES_WITH_EFFECTS):
                rels.pop(rid)
    settings = document.settings.element
    for tag in ("savePreviewPicture", "rsids", "attachedTemplate"):
        for el in settings.findall(_w(tag)):
            settings.remove(el)
    for el in settings.findall(_w("themeFontLang")):
        el.set(_w("val"), "ru-RU")
        for attr in (_w("eastAsia"), _w("bidi")):
            el.attrib.pop(attr, None)


def _app_xml(author: str) -> bytes:
    """docProps/app.xml: the application and the organisation, nothing that changes between runs."""
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>roadmapctl</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        f"<Company>{escape(author)}</Company><LinksUpToDate>false</LinksUpToDate>"
        "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode("utf-8")


def _set_app(document, author: str) -> None:
    for part in document.part.package.iter_parts():
        if str(part.partname) == APP:
            part._blob = _app_xml(author)


def core_text(text: str) -> str:
    """python-docx keeps core properties to 255 characters: a longer text ends with "…"."""
    return text if len(text) <= 255 else text[:254].rstrip() + "…"


def _core(document, title: str, author: str, stamp: datetime) -> None:
    core = document.core_properties
    core.title = core_text(title)
    core.author = core_text(author)
    core.subject = ""
    core.keywords = "дорожная карта"
    core.comments = ""
    core.category = ""
    core.content_status = ""
    core.language = "ru-RU"
    core.last_modified_by = "roadmapctl"
    core.revision = 1
    core.created = stamp
    core.modified = stamp
    core.last_printed = stamp
    core.identifier = PLACEHOLDER
    core.version = ""


def _stamp(view: DocumentView) -> datetime:
    return datetime(view.date.year, view.date.month, view.date.day, 0, 0, 0)


def _prepared(style: Style, template_dir: Path | None, with_order: bool):
    """The document of python-docx with everything but the body and the view's properties: the
    package cleaned, the styles, the landscape section with its page-number headers. Returns the
    document, whether it came from a reference template, and the template body's elements that
    are the order's letterhead."""
    from docx.oxml import parse_xml

    document, reference = _open(template_dir)
    body = document.element.body
    letterhead = []
    for child in list(body):
        if child.tag != _w("sectPr"):
            if reference and with_order:
                letterhead.append(child)
            body.remove(child)
    if body.find(_w("sectPr")) is None:
        body.append(parse_xml(f"<w:sectPr {NSDECL}/>"))
    final = body.find(_w("sectPr"))
    for tag in ("headerReference", "footerReference"):
        for el in final.findall(_w(tag)):
            final.remove(el)
    _clean_package(document)
    _setup_styles(document, style, reference)
    section = document.sections[-1]
    _configure_section(section, style, landscape=True)
    # Page numbers: centred in the header from the second page; the first page has none.
    section.different_first_page_header_footer = True
    _set_header(section.header, f'<w:p {NSDECL}><w:pPr><w:pStyle w:val="RMPageNumber"/></w:pPr>{PAGE_FIELD}</w:p>')
    _set_header(section.first_page_header, f'<w:p {NSDECL}><w:pPr><w:pStyle w:val="RMPageNumber"/></w:pPr></w:p>')
    return document, reference, letterhead


def _sections(final) -> tuple[str, str]:
    """The order's section properties (portrait, with the page-number headers) and the final
    ones that follow an order (the landscape appendix inherits the headers and continues the
    count): both as XML text, from the template's final ``w:sectPr``, which is left as it is."""
    from lxml import etree

    order_sect = copy.deepcopy(final)
    order_sect.find(_w("pgSz")).set(_w("w"), str(A4_SHORT))
    order_sect.find(_w("pgSz")).set(_w("h"), str(A4_LONG))
    order_sect.find(_w("pgSz")).attrib.pop(_w("orient"), None)
    after_order = copy.deepcopy(final)
    for tag in ("headerReference", "footerReference", "titlePg"):
        for el in after_order.findall(_w(tag)):
            after_order.remove(el)
    return etree.tostring(order_sect, encoding="unicode"), etree.tostring(after_order, encoding="unicode")


def _pieces(view: DocumentView, style: Style, letterhead: list, order_sect: str, paged: bool) -> tuple[list[str], list]:
    """The body's paragraphs and tables (XML text) and, first, the reference letterhead elements;
    ``paged``: the table's pages are broken here (paging.py)."""
    landscape_width = A4_LONG - twips(style.margin_left_mm) - twips(style.margin_right_mm)
    portrait_width = A4_SHORT - twips(style.margin_left_mm) - twips(style.margin_right_mm)
    pieces: list[str] = []
    order_elements: list = []
    if view.order is not None:
        order_pieces, order_elements = _order(view.order, view, style, portrait_width, letterhead)
        # The order is a portrait section: its last paragraph carries the section's properties.
        head, _, tail = order_pieces[-1].partition("</w:pPr>")
        order_pieces[-1] = head + order_sect + "</w:pPr>" + tail
        pieces += order_pieces
    pieces += _appendix(view, style, landscape_width, paged)
    return pieces, order_elements


def _body_element(before: str, orders: str, pieces: list[str], closing: str):
    """The whole body parsed once (as python-docx parses XML): moving the elements one by one
    into the template tree (addprevious) made the time grow with the square of the rows."""
    from docx.oxml import parse_xml

    return parse_xml(f"<w:body {NSDECL}>{before}{orders}{''.join(pieces)}{closing}</w:body>")


def _body(document, view: DocumentView, style: Style, letterhead: list, paged: bool) -> None:
    from lxml import etree

    body = document.element.body
    final = body.find(_w("sectPr"))
    order_sect, after_order = _sections(final)
    pieces, order_elements = _pieces(view, style, letterhead, order_sect, paged)
    before = "".join(etree.tostring(el, encoding="unicode") for el in body if el is not final)
    orders = "".join(etree.tostring(el, encoding="unicode") for el in order_elements)
    closing = after_order if view.order is not None else etree.tostring(final, encoding="unicode")
    body.getparent().replace(body, _body_element(before, orders, pieces, closing))


def _rezip(members: list[tuple[str, bytes]], view: DocumentView) -> bytes:
    """The package again, with fixed timestamps and the render mark in dc:identifier."""
    digest = package_digest(members)
    mark = escape(mark_text(view.identity, digest)).encode("utf-8")
    stamp = (max(view.date.year, 1980), view.date.month, view.date.day, 0, 0, 0)

    def edit(name: str, blob: bytes) -> bytes:
        return blob.replace(PLACEHOLDER.encode(), mark) if name == CORE else blob

    return reproducible_zip(members, stamp, 0o644, create_system=0, compresslevel=6, edit=edit)


def _paged(style: Style, reference: bool) -> bool:
    """Whether the table's pages are broken here where the text can be measured (paging.py): our
    styles, in a typeface whose widths paging.py knows; otherwise the word processor breaks them."""
    return not reference and style.font in METRIC_FONTS


def _render_package(view: DocumentView, style: Style, template_dir: Path | None) -> bytes:
    """The document through python-docx's objects: with a reference template (its styles and
    letterhead), and the reference the fast path is tested against."""
    document, reference, letterhead = _prepared(style, template_dir, view.order is not None)
    _set_app(document, view.author)
    _body(document, view, style, letterhead, _paged(style, reference))
    _core(document, view.title, view.author, _stamp(view))
    buffer = io.BytesIO()
    document.save(buffer)
    return _rezip(zip_members(buffer.getvalue()), view)


# --- the fast path: one package skeleton a style, the view's parts written into it -------------

APP = "/docProps/app.xml"
DOCUMENT = "word/document.xml"
_TITLE_MARK = "roadmapctl-title-placeholder"
_AUTHOR_MARK = "roadmapctl-author-placeholder"
_STAMP_MARK = datetime(1901, 2, 3, 0, 0, 0)  # a date no roadmap has: replaced by the view's


_BODY_MARK = "<w:p><w:r><w:t>roadmapctl-body-placeholder</w:t></w:r></w:p>"


@dataclass
class _Skeleton:
    """A package as ``_render_package`` writes it for a style without a reference template, with
    marks where the view's title, author and date go, and its document.xml cut where the body's
    paragraphs and tables go: before them, and after them (with the final section's properties,
    without an order and after one)."""

    members: tuple[tuple[str, bytes], ...]
    head: bytes
    tail: bytes
    tail_after_order: bytes
    order_sect: str


def _document_xml(document, style: Style, closing: str) -> tuple[bytes, bytes]:
    """document.xml of ``document`` with a marked body, as python-docx writes it, cut at the mark."""
    from docx.opc.oxml import serialize_part_xml

    root = copy.deepcopy(document.element)
    root.replace(root.find(_w("body")), _body_element("", "", [_BODY_MARK], closing))
    xml = serialize_part_xml(root)
    head, mark, tail = xml.partition(_BODY_MARK.encode())
    if not mark:
        raise RenderError("внутренняя ошибка: в заготовке документа DOCX не найдено место для текста")
    return head, tail


@lru_cache(maxsize=8)
def _skeleton(style: Style) -> _Skeleton:
    from lxml import etree

    document, _reference, _letterhead = _prepared(style, None, False)
    _set_app(document, _AUTHOR_MARK)
    final = document.element.body.find(_w("sectPr"))
    order_sect, after_order = _sections(final)
    head, tail = _document_xml(document, style, etree.tostring(final, encoding="unicode"))
    _head, tail_after_order = _document_xml(document, style, after_order)
    # the order's section properties as they are written inside the document (python-docx's
    # path parses them into the body, where their namespace declarations are the document's)
    _head, in_place = _document_xml(document, style, f"<w:p><w:pPr>{order_sect}</w:pPr></w:p>")
    order_sect = in_place.decode("utf-8").partition("<w:pPr>")[2].partition("</w:pPr>")[0]
    _core(document, _TITLE_MARK, _AUTHOR_MARK, _STAMP_MARK)
    buffer = io.BytesIO()
    document.save(buffer)
    return _Skeleton(tuple(zip_members(buffer.getvalue())), head, tail, tail_after_order, order_sect)


def _core_value(text: str) -> bytes:
    """A text of core.xml as lxml writes it (python-docx sets it as an element's text)."""
    return escape(core_text(text)).replace("\r", "&#13;").encode("utf-8")


def _render_fast(view: DocumentView, style: Style) -> bytes:
    """The same bytes as ``_render_package`` without a template, without building python-docx's
    objects or an XML tree for each document: the body's text goes between the two halves of the
    style's document.xml. Our pieces are written as lxml writes them (checked by the tests
    against the python-docx path), so the body is never parsed — at 50,000 activities its tree
    alone took several times the memory of the roadmap."""
    skeleton = _skeleton(style)
    pieces, _ = _pieces(view, style, [], skeleton.order_sect, _paged(style, False))
    tail = skeleton.tail_after_order if view.order is not None else skeleton.tail
    document_xml = b"".join([skeleton.head, *(piece.encode("utf-8") for piece in pieces), tail])
    del pieces
    stamp = _stamp(view).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    marks = _STAMP_MARK.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    members = []
    for name, blob in skeleton.members:
        if name == DOCUMENT:
            blob = document_xml
        elif name == CORE:
            blob = (blob.replace(_TITLE_MARK.encode(), _core_value(view.title))
                    .replace(_AUTHOR_MARK.encode(), _core_value(view.author)).replace(marks, stamp))
        elif "/" + name == APP:
            blob = _app_xml(view.author)
        members.append((name, blob))
    return _rezip(members, view)


def render_docx(view: DocumentView, style: Style, template_dir: Path | None = None) -> bytes:
    reference = template_dir / REFERENCE if template_dir else None
    if reference is not None and reference.is_file():
        return _render_package(view, style, template_dir)
    return _render_fast(view, style)
