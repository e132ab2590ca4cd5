"""XLSX (openpyxl): a sheet of items that starts with the totals, with a frozen header, filters,
column widths and real dates, and a sheet with the summary per municipality."""

from __future__ import annotations

import io
from datetime import datetime, time

from roadmapctl.report.formats.common import (
    ITEM_COLUMNS, SUMMARY_COLUMNS, TOTAL_COLUMNS, cell, stable_zip, title, totals_values,
)
from roadmapctl.report.items import Report

_WIDTHS = {
    "municipality": 24, "file": 28, "number": 8, "text": 60, "kind": 22, "responsible": 36, "deadline": 28,
    "due": 12, "missed": 24, "days_late": 10, "note": 40, "postponed": 40,
}
TOTALS_ROWS = 3  # the names of the totals, their numbers, an empty row
DATE_FORMAT = "DD.MM.YYYY"


def _header(sheet, labels: list[str]) -> None:
    """A bold header row after what the sheet already holds, frozen with everything above it."""
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet.append(labels)
    row = sheet.max_row
    for column in range(1, len(labels) + 1):
        c = sheet.cell(row=row, column=column)
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


def render(report: Report, by: str = "kind", **_options) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = "Отчёт"
    sheet.append([label for _key, label in TOTAL_COLUMNS])
    for column in range(1, len(TOTAL_COLUMNS) + 1):
        sheet.cell(row=1, column=column).font = Font(bold=True)
    sheet.append(totals_values(report))
    sheet.append([])
    _header(sheet, [label for _key, label in ITEM_COLUMNS])
    wrap = Alignment(wrap_text=True, vertical="top")
    row = TOTALS_ROWS + 1  # the header; counted here: sheet.max_row walks every cell of the sheet, once per row it was quadratic
    for item in report.items:
        row += 1
        for column, (key, _label) in enumerate(ITEM_COLUMNS, start=1):
            if key == "due":
                c = sheet.cell(row=row, column=column, value=item.due)
                if item.due is not None:
                    c.number_format = DATE_FORMAT
            elif key == "days_late":
                c = sheet.cell(row=row, column=column, value=item.days_late)
            else:
                c = _text_cell(sheet, row, column, cell(item, key))
            c.alignment = wrap
    for column, (key, _label) in enumerate(ITEM_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = _WIDTHS[key]
    sheet.auto_filter.ref = f"A{TOTALS_ROWS + 1}:{get_column_letter(len(ITEM_COLUMNS))}{row}"

    summary = book.create_sheet("Сводка")
    _header(summary, [label for _key, label in SUMMARY_COLUMNS])
    for index, s in enumerate(report.summary, start=2):
        for column, (key, _label) in enumerate(SUMMARY_COLUMNS, start=1):
            value = getattr(s, key)
            if isinstance(value, str):
                _text_cell(summary, index, column, value)
            else:
                summary.cell(row=index, column=column, value=value)
    for column, (key, _label) in enumerate(SUMMARY_COLUMNS, start=1):
        summary.column_dimensions[get_column_letter(column)].width = 36 if key == "municipality" else 14
    summary.auto_filter.ref = f"A1:{get_column_letter(len(SUMMARY_COLUMNS))}{max(summary.max_row, 1)}"

    stamp = datetime.combine(report.as_of, time())
    book.properties.title = title(report)
    book.properties.creator = "roadmapctl"
    book.properties.created = stamp
    book.properties.modified = stamp
    out = io.BytesIO()
    book.save(out)
    return stable_zip(out.getvalue(), report.as_of)
