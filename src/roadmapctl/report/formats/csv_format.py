"""CSV for Excel: UTF-8 with BOM (Excel then reads Cyrillic right) and ";" between fields (the
list separator of the Russian Windows locale, so that a double click opens it in columns)."""

from __future__ import annotations

import csv
import io

from roadmapctl.report.formats.common import ITEM_COLUMNS, cell
from roadmapctl.report.items import Report


def render(report: Report, by: str = "kind", **_options) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([label for _key, label in ITEM_COLUMNS])
    for item in report.items:
        writer.writerow([cell(item, key) for key, _label in ITEM_COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
