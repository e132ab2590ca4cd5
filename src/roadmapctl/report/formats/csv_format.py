"""CSV for Excel: UTF-8 with BOM (Excel then reads Cyrillic right) and ";" between fields (the
list separator of the Russian Windows locale, so that a double click opens it in columns).

Like every report it starts with the totals: a row of their names, a row of the numbers and an
empty row; then the items, a header row first."""

from __future__ import annotations

import csv
import io

from roadmapctl.report.formats.common import ITEM_COLUMNS, TOTAL_COLUMNS, cell, totals_values
from roadmapctl.report.items import Report


# OWASP, "CSV Injection": a cell that starts with one of these is read by Excel and LibreOffice
# as a formula; a leading apostrophe makes it text (and Excel does not show the apostrophe).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMERIC = frozenset({"days_late"})


def neutral(text: str) -> str:
    """A text cell that a spreadsheet cannot take for a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def render(report: Report, by: str = "kind", **_options) -> bytes:
    from roadmapctl.writing import visible_lines

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([label for _key, label in TOTAL_COLUMNS])
    writer.writerow([str(n) for n in totals_values(report)])
    writer.writerow([])
    writer.writerow([label for _key, label in ITEM_COLUMNS])
    for item in report.items:
        writer.writerow([
            cell(item, key) if key in NUMERIC else neutral(visible_lines(cell(item, key)))
            for key, _label in ITEM_COLUMNS
        ])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
