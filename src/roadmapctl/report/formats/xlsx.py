"""XLSX (openpyxl): a sheet of items that starts with the title (the day of the report), the
roadmaps' names and the totals, with a frozen header, filters, column widths, real dates,
overdue rows in red (and «Просрочено» in their «Вид»), and a print set-up (A4 landscape, fit
to the page's width, the header repeated on every page, rows as high as their wrapped text);
with ``--by`` a first column names the group. Then a sheet per table of the first page: the
progress per roadmap or municipality («Сводка»: counts and shares), who is late, and the
changes of the period when asked."""

from __future__ import annotations

import io
from datetime import datetime, time

from roadmapctl.report.formats.common import (
    ITEM_COLUMNS,
    TOTAL_COLUMNS,
    cell,
    stable_zip,
    title,
    totals_values,
)
from roadmapctl.report.items import Report

_WIDTHS = {
    "municipality": 24, "file": 28, "number": 8, "text": 60, "kind": 22, "responsible": 36, "deadline": 28,
    "due": 12, "missed": 24, "days_late": 10, "note": 40, "postponed": 40,
}
TOTALS_ROWS = 5  # the title, the roadmaps, the names of the totals, their numbers, an empty row
LINE_HEIGHT = 15  # points a wrapped line of 11 pt text takes
DATE_FORMAT = "DD.MM.YYYY"


def _header(sheet, labels: list[str], row: int = 1) -> None:
    """A bold header row at ``row``, frozen with everything above it."""
    from openpyxl.styles import Alignment, Font, PatternFill

    for column, label in enumerate(labels, start=1):
        c = sheet.cell(row=row, column=column, value=label)
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDEBF7")
        c.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = f"A{row + 1}"


def _text_cell(sheet, row: int, column: int, text: str):
    """A cell holding ``text`` as data: never a formula (openpyxl takes "=…" for one), and with
    the control characters that XML 1.0 cannot carry shown visibly."""
    from roadmapctl.writing import visible_lines

    c = sheet.cell(row=row, column=column)
    c.value = visible_lines(text)
    c.data_type = "s"
    return c


def _row_height(texts: list[tuple[str, int]]) -> float:
    """The height a row needs for its wrapped cells (text, column width in characters)."""
    import math

    lines = 1
    for text, width in texts:
        count = sum(max(1, math.ceil(len(part) / max(width * 1.1, 1))) for part in text.split("\n"))
        lines = max(lines, count)
    return LINE_HEIGHT * lines


def _print_setup(sheet, header_row: int | None) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if header_row is not None:
        sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.oddFooter.center.text = "Страница &P из &N"


def _table_sheet(book, name: str, header: list[str], rows: list[list], widths: list[int]) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(name)
    _header(sheet, header)
    wrap = Alignment(wrap_text=True, vertical="top")
    for index, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            c = _text_cell(sheet, index, column, value) if isinstance(value, str) else sheet.cell(row=index, column=column, value=value)
            c.alignment = wrap
            if isinstance(value, float):
                c.number_format = "0%"
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(sheet.max_row, 1)}"
    _print_setup(sheet, 1)


def render(report: Report, by: str = "kind", signature: str | None = None, **_options) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from roadmapctl.report.formats.common import (
        GROUPING_TITLES,
        group_items,
        roadmap_names,
    )
    from roadmapctl.report.glance import SHARES, glance

    grouped = by != "kind"
    columns = ([("group", f"Группа ({GROUPING_TITLES[by]})")] if grouped else []) + list(ITEM_COLUMNS)
    widths = {**_WIDTHS, "group": 36}
    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = "Отчёт"
    _text_cell(sheet, 1, 1, title(report)).font = Font(bold=True, size=13)
    _text_cell(sheet, 2, 1, "Дорожные карты: " + "; ".join(roadmap_names(report)))
    for column, (_key, label) in enumerate(TOTAL_COLUMNS, start=1):
        sheet.cell(row=3, column=column, value=label).font = Font(bold=True)
    for column, value in enumerate(totals_values(report), start=1):
        sheet.cell(row=4, column=column, value=value)
    header_row = TOTALS_ROWS + 1  # below an empty row
    _header(sheet, [label for _key, label in columns], header_row)
    wrap = Alignment(wrap_text=True, vertical="top")
    late = Font(color="B71C1C", bold=True)
    row = header_row  # counted here: sheet.max_row walks every cell of the sheet, once per row it was quadratic
    entries = [(g.title, item) for g in group_items(report, by) for item in g.items] if grouped else [("", i) for i in report.items]
    for group, item in entries:
        row += 1
        texts = []
        for column, (key, _label) in enumerate(columns, start=1):
            if key == "due":
                c = sheet.cell(row=row, column=column, value=item.due)
                if item.due is not None:
                    c.number_format = DATE_FORMAT
            elif key == "days_late":
                c = sheet.cell(row=row, column=column, value=item.days_late)
            else:
                text = group if key == "group" else cell(item, key)
                c = _text_cell(sheet, row, column, text)
                texts.append((text, widths[key]))
            c.alignment = wrap
            if item.kind == "overdue":
                c.font = late
        sheet.row_dimensions[row].height = _row_height(texts)
    for column, (key, _label) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = widths[key]
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(columns))}{row}"
    if signature:
        from roadmapctl.report.formats.document import signature_lines

        for offset, line in enumerate(signature_lines(report, signature), start=2):
            _text_cell(sheet, row + offset, 1, line)
    _print_setup(sheet, header_row)

    g = glance(report)
    many = len(report.roadmaps) > 1
    progress_header = ["Муниципалитет" if many else "Дорожная карта", "Мероприятий"]
    for _key, label in SHARES:
        progress_header += [label, f"{label}, %"]
    progress_rows = []
    for entry in g.rows + ([g.total] if many else []):
        values: list = [("    " if entry.part else "") + entry.name, entry.activities]
        for key, _label in SHARES:
            values += [entry.count(key), entry.share(key) / 100]
        progress_rows.append(values)
    _table_sheet(book, "Сводка", progress_header, progress_rows, [36, 13] + [13] * (2 * len(SHARES)))
    _table_sheet(book, "Кто не успевает", ["Ответственный", "Просрочено мероприятий", "Наибольшая просрочка, дней"],
                 [[p.name, p.overdue, p.most_days] for p in g.late_parties], [60, 22, 26])
    if report.trend is not None:
        from roadmapctl.report.trend import CHANGES

        labels = dict(CHANGES)
        _table_sheet(book, "Изменения", ["Изменение", "Муниципалитет", "№", "Мероприятие", "Подробности"],
                     [[labels[c.kind], c.municipality, c.number, c.text, c.detail] for c in report.trend.changes], [24, 24, 8, 60, 50])

    stamp = datetime.combine(report.as_of, time())
    book.properties.title = title(report)
    book.properties.creator = "roadmapctl"
    book.properties.created = stamp
    book.properties.modified = stamp
    out = io.BytesIO()
    book.save(out)
    return stable_zip(out.getvalue(), report.as_of)
