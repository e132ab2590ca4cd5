"""Where the DOCX table's pages break, decided before the word processor sees the table.

A table row that Word or LibreOffice breaks across pages leaves its rest at the top of the next
page with an empty "№" cell, and the DOCX format cannot ask them to repeat the number there.
So the appendix is paginated here: the page is filled row by row, as a word processor fills it
(the text wrapped with the advance widths of Liberation Serif / Times New Roman, lines 1.15 of
the type size, rows kept whole), and a row that does not fit on the rest of a page is cut into
two table rows at the line where the page ends: the second one, at the top of the next page,
reads «4.1. (продолжение)» in its "№" cell. Every row of the table is then kept whole
(``w:cantSplit``), so the word processor breaks pages only between rows.

Each side of a cut holds at least ``MIN_TAIL`` lines, and the cut is made ``SAFETY`` lines
above the estimated foot of the page, so that a small difference in the word processor's
layout moves no row to the next page. Rows that are short (``Row.whole``), section rows and
the table's last row are never cut; a section row stays with the beginning of the row after
it. The result is tested on the PDF that LibreOffice makes (tests/test_render_pdf.py).
"""

from __future__ import annotations


from dataclasses import dataclass, replace
from functools import lru_cache

from roadmapctl.document.fields import NUMBER
from roadmapctl.render.metrics import BOLD, REGULAR, UNITS_PER_EM
from roadmapctl.render.style import A4_LONG, A4_SHORT, Style, twips
from roadmapctl.render.view import CONTINUED_PART, DocumentView, Para, Row, TableView

LINE_EM = 1.15          # single line spacing of Liberation Serif / Times New Roman, in em
BORDER_PT = 0.5         # a row's top border (the borders collapse: one per row)
MIN_TAIL = 3            # lines of a cut row on either side of the page break
SAFETY = 0              # lines left free above the estimated foot of a page before a cut
CELL_MARGIN = 57        # twips, left and right inside every cell (0.1 cm)
HANGING = 227           # twips (0.4 cm): the indent of wrapped lines of a sub-item or a party
# The typefaces whose widths metrics.py holds: with any other (style.yaml may name Arial or
# Verdana) or a reference.docx's own styles, the word processor breaks the pages (see ``as_is``).
METRIC_FONTS = ("Times New Roman", "Liberation Serif")
CONTINUED = "(продолжение)"
CONTINUED_SPLIT = (CONTINUED_PART, "жение)")  # where the number column is narrower than the word


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of a text in points, as Liberation Serif (Times New Roman) sets it."""
    table = BOLD if bold else REGULAR
    average = table["о"]
    return sum(table.get(char, average) for char in text) * size / UNITS_PER_EM


def _breaks(text: str) -> list[int]:
    """Positions where a line may end: after a space, or after a hyphen or dash between letters or
    digits (LibreOffice breaks «2020-|2021» too)."""
    out = []
    for i, char in enumerate(text[:-1]):
        if char == " ":
            out.append(i + 1)
        elif char in "-–" and text[i - 1:i].isalnum() and text[i + 1].isalnum():
            out.append(i + 1)
    return out


@lru_cache(maxsize=65536)
def wrap(text: str, width: float, size: float, *, bold: bool = False, first: float = 0.0, rest: float = 0.0) -> tuple[str, ...]:
    """The lines a left-aligned paragraph takes in ``width`` points: ``first`` points of indent on
    its first line, ``rest`` on the others. The lines are slices of ``text`` (their spaces kept),
    so that joining them gives the text back."""
    if not text:
        return ("",)
    table = BOLD if bold else REGULAR
    average = table["о"]
    scale = size / UNITS_PER_EM
    edge = [0.0]  # edge[i]: the width of text[:i]
    for char in text:
        edge.append(edge[-1] + table.get(char, average) * scale)
    breaks = _breaks(text) + [len(text)]

    def span(start: int, stop: int) -> float:
        while stop > start and text[stop - 1] == " ":  # spaces at the end of a line take no room
            stop -= 1
        return edge[stop] - edge[start]

    lines: list[str] = []
    start, index = 0, 0
    while start < len(text):
        room = max(1.0, width - (first if not lines else rest))
        end = start
        while index < len(breaks) and span(start, breaks[index]) <= room + 1e-6:
            end = breaks[index]
            index += 1
        if end == start:  # a word longer than the line: broken inside
            end = start + 1
            while end < len(text) and edge[end + 1] - edge[start] <= room + 1e-6:
                end += 1
            while index < len(breaks) and breaks[index] <= end:
                index += 1
        lines.append(text[start:end])
        start = end
    return tuple(lines)


@dataclass
class Piece:
    """One table row of the DOCX: a whole row of the view, or a part of a cut one."""

    row: Row
    continued: bool = False  # the part after a page break: the number cell says so
    whole: bool = True       # False only for a row taller than a page that is not cut
    page: int = 0            # the page of the table it is estimated to start on (0: the first)
    top: float = 0.0         # where on that page, in points from the top of the text area


@dataclass
class Layout:
    """What the DOCX table needs to know to be paginated: widths in twips, sizes in points."""

    widths: list[int]      # column widths, twips
    size: float            # table type size
    page: float            # height of a page's text area, points
    start: float           # points of the first page already used above the table

    @property
    def line(self) -> float:
        return LINE_EM * self.size


def _para_lines(para: Para, width: float, size: float) -> tuple[str, ...]:
    indent = HANGING / 20 if (para.hanging or para.bullet) else 0.0
    if para.continued:
        return wrap(para.text, width, size, first=indent, rest=indent)
    return wrap(para.line, width, size, bold=False, rest=indent)


def cell_lines(paras: list[Para], width_twips: int, size: float) -> int:
    inner = (width_twips - 2 * CELL_MARGIN) / 20
    return max(1, sum(len(_para_lines(p, inner, size)) for p in paras))


def row_height_lines(row: Row, layout: Layout) -> int:
    if row.is_section:
        return len(wrap(row.heading, (sum(layout.widths) - 2 * CELL_MARGIN) / 20, layout.size, bold=True))
    return max(cell_lines(c.paragraphs, w, layout.size) for c, w in zip(row.cells, layout.widths))


def _cut_para(para: Para, lines: tuple[str, ...], keep: int) -> tuple[Para, Para]:
    """The paragraph's first ``keep`` lines and the rest, as two paragraphs."""
    head = "".join(lines[:keep]).rstrip(" ")
    tail = "".join(lines[keep:])
    if para.continued:
        return replace(para, text=head), replace(para, text=tail)
    if para.bullet:
        prefix = para.line[:len(para.line) - len(para.text)]
        return replace(para, text=head[len(prefix):]), replace(para, text=tail, continued=True)
    if para.label:
        # A bold label and its text: the first part keeps the label.
        prefix = para.line[:len(para.line) - len(para.text)]
        return replace(para, text=head[len(prefix):]), Para(tail, hanging=para.hanging, continued=True)
    return replace(para, text=head), replace(para, text=tail, continued=True)


def _cut_cell(paras: list[Para], width_twips: int, size: float, keep: int) -> tuple[list[Para], list[Para]]:
    inner = (width_twips - 2 * CELL_MARGIN) / 20
    head: list[Para] = []
    used = 0
    for index, para in enumerate(paras):
        lines = _para_lines(para, inner, size)
        if used + len(lines) <= keep:
            head.append(para)
            used += len(lines)
            continue
        room = keep - used
        if room <= 0:
            return head, paras[index:]
        first, second = _cut_para(para, lines, room)
        return head + [first], [second] + paras[index + 1:]
    return head, []


def _continuation_number(number: str, width_twips: int, size: float) -> list[Para] | None:
    """The "№" cell of a continuation: the number, then «(продолжение)» — in two parts where the
    column is narrower than the word; None where even they do not fit."""
    inner = (width_twips - 2 * CELL_MARGIN) / 20
    for words in ((CONTINUED,), CONTINUED_SPLIT):
        if all(text_width(word, size) <= inner for word in words):
            return [Para(number.strip())] + [Para(word) for word in words]
    return None


def cut_row(row: Row, layout: Layout, keep: int) -> tuple[Row, Row]:
    """The row's first ``keep`` lines and the rest, the rest marked as a continuation."""
    first_cells = []
    rest_cells = []
    marked = False
    for cell, width in zip(row.cells, layout.widths):
        if cell.field == NUMBER.column:
            first_cells.append(cell)
            number = _continuation_number(row.number, width, layout.size)
            marked = number is not None
            rest_cells.append(replace(cell, paragraphs=number or [Para(row.number.strip())]))
            continue
        head, tail = _cut_cell(cell.paragraphs, width, layout.size, keep)
        first_cells.append(replace(cell, paragraphs=head))
        rest_cells.append(replace(cell, paragraphs=tail))
    if not marked:
        # no number column, or one too narrow for the word: the first text cell begins with it
        index = next((i for i, c in enumerate(rest_cells) if c.field != NUMBER.column), None)
        if index is not None:
            rest_cells[index] = replace(rest_cells[index], paragraphs=[Para(CONTINUED)] + rest_cells[index].paragraphs)
    return replace(row, cells=first_cells, whole=True), replace(row, cells=rest_cells, whole=row.whole)


def as_is(table: TableView) -> list[Piece]:
    """The rows unpaginated, for a typeface this module cannot measure: short rows whole, taller
    ones left to the word processor to break (without the number on the continuation)."""
    return [Piece(row, whole=row.whole or row.is_section) for row in table.rows]


def header_height(table: TableView, layout: Layout) -> float:
    lines = max(len(wrap(h, (w - 2 * CELL_MARGIN) / 20, layout.size, bold=True)) for h, w in zip(table.headers, layout.widths))
    height = lines * layout.line + BORDER_PT
    if table.column_numbers:
        height += layout.line + BORDER_PT
    return height


def paginate(table: TableView, layout: Layout) -> tuple[list[Piece], float]:
    """The table's rows as the DOCX writes them, and the points used on the last page."""
    line = layout.line
    header = header_height(table, layout)
    used = layout.start + header
    pieces: list[Piece] = []
    page = 0

    def new_page() -> None:
        nonlocal used, page
        used = header
        page += 1

    def height(lines: int) -> float:
        return lines * line + BORDER_PT

    rows = table.rows
    for index, row in enumerate(rows):
        lines = row_height_lines(row, layout)
        if row.is_section:
            following = rows[index + 1] if index + 1 < len(rows) else None
            need = height(lines)
            if following is not None:
                follow_lines = row_height_lines(following, layout)
                need += height(follow_lines if following.whole else min(follow_lines, MIN_TAIL))
            if used + need > layout.page and used > header:
                new_page()
            pieces.append(Piece(row, page=page, top=used))
            used += height(lines)
            continue
        current, continued = row, False
        while True:
            if used + height(lines) <= layout.page:
                pieces.append(Piece(current, continued, page=page, top=used))
                used += height(lines)
                break
            room = int((layout.page - used - BORDER_PT) // line) - SAFETY
            keep = min(room, lines - MIN_TAIL)
            if current.whole or keep < MIN_TAIL:
                if used <= header:  # taller than a page and not to be cut: the word processor breaks it
                    pieces.append(Piece(current, continued, whole=False, page=page, top=used))
                    used += height(lines)
                    break
                new_page()
                continue
            head, tail = cut_row(current, layout, keep)
            pieces.append(Piece(head, continued, page=page, top=used))
            new_page()
            current, continued = tail, True
            lines = row_height_lines(current, layout)
    return pieces, used


# --- the first page -------------------------------------------------------------------------

class _Flow:
    """Text paragraphs laid out line by line onto pages of ``page`` points."""

    def __init__(self, page: float) -> None:
        self.page = page
        self.used = 0.0

    def space(self, points: float) -> None:
        self.used = min(self.page, self.used + points)

    def paragraph(self, text: str, width: float, size: float, *, bold: bool = False, first: float = 0.0,
                  widows: bool = False) -> None:
        """``widows``: the style's widow and orphan control (at least two lines on each side of a
        page break)."""
        height = LINE_EM * size
        count = len(wrap(text, width, size, bold=bold, first=first))
        fit = int((self.page - self.used + 1e-6) // height)
        if count <= fit:
            self.used += count * height
            return
        if widows and count >= 2:
            if fit < 2:
                fit = 0
            elif count - fit < 2:
                fit = count - 2 if count - 2 >= 2 else 0
        rest = count - fit
        while rest:
            self.used = 0.0
            lines = min(rest, int(self.page // height))
            self.used = lines * height
            rest -= lines


def page_height(style: Style) -> float:
    return (A4_SHORT - twips(style.margin_top_mm) - twips(style.margin_bottom_mm)) / 20


def content_width(style: Style) -> int:
    """The landscape text width in twips."""
    return A4_LONG - twips(style.margin_left_mm) - twips(style.margin_right_mm)


def appendix_start(view: DocumentView, style: Style) -> float:
    """Points of the page on which the appendix's first table begins that are used above it: the
    corner blocks, the title and the preamble, with their spacing (as docx_writer writes them)."""
    width = content_width(style) / 20
    size = style.text_size
    flow = _Flow(page_height(style))
    block = min(width, style.block_width_cm * 567 / 20)
    any_block = False
    for index, blk in enumerate(view.blocks):
        for number, text in enumerate(blk.lines):
            if index and number == 0:
                flow.space(12.0)
            flow.paragraph(text, block, size)
            any_block = True
    flow.space(18.0 if any_block else 0.0)
    flow.paragraph(view.title, width, size, bold=True)
    flow.space(12.0)
    for para in view.preamble:
        flow.paragraph(para.line, width, size, first=style.indent_cm * 567 / 20, widows=True)
    if view.preamble and view.tables and not view.tables[0].title:
        flow.space(12.0)
    return flow.used


def table_title_height(title: str, style: Style) -> float:
    flow = _Flow(page_height(style))
    flow.space(12.0)
    flow.paragraph(title, content_width(style) / 20, style.text_size, bold=True)
    flow.space(12.0)
    return flow.used
