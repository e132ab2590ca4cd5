"""CSV for Excel: UTF-8 with BOM (Excel then reads Cyrillic right) and ";" between fields (the
list separator of the Russian Windows locale, so that a double click opens it in columns).

One table, as a CSV reader expects: a header row, then a row per item. Every row carries the
day the report is made for and its roadmap's name (a CSV has no title); with ``--by`` a first
column names the item's group and the rows follow the groups. The totals and the summary per
municipality are tables of their own: they are in the XLSX report (sheet «Сводка») and in JSON.

A value that a spreadsheet would turn into a number or a date ("1.1." is 1 January in a Russian
LibreOffice or Excel, "1.10" is 1 October) starts with an invisible WORD JOINER (U+2060), which
keeps it text; the dates meant as dates (the day of the report, the deadline) are left as dates."""

from __future__ import annotations

import csv
import io
import re

from roadmapctl.report.formats.common import (
    GROUPING_TITLES,
    ITEM_COLUMNS,
    cell,
    fmt_date,
    group_items,
    roadmap_names,
)
from roadmapctl.report.items import Report

# OWASP, "CSV Injection": a cell that starts with one of these is read by Excel and LibreOffice
# as a formula; a leading apostrophe makes it text (and Excel does not show the apostrophe).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMERIC = frozenset({"days_late"})
DATES = frozenset({"as_of", "due"})  # real dates: a spreadsheet may read them as dates
WORD_JOINER = "\u2060"
_NUMBER_LIKE = re.compile(r"[\d\s.,:/]+")


def neutral(text: str) -> str:
    """A text cell that a spreadsheet can take neither for a formula nor for a number or date."""
    if text.startswith(FORMULA_START):
        return "'" + text
    if _NUMBER_LIKE.fullmatch(text) and any(ch.isdigit() for ch in text):
        return WORD_JOINER + text
    return text


def render(report: Report, by: str = "kind", **_options) -> bytes:
    from roadmapctl.writing import visible_lines

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    grouped = by != "kind"
    head = ([f"Группа ({GROUPING_TITLES[by]})"] if grouped else []) + ["По состоянию на", "Дорожная карта"]
    writer.writerow(head + [label for _key, label in ITEM_COLUMNS])
    names = roadmap_names(report)
    day = fmt_date(report.as_of)
    groups = group_items(report, by) if grouped else [None]
    for group in groups:
        for item in group.items if group is not None else report.items:
            values = [day, neutral(visible_lines(names[item.roadmap_index]))]
            for key, _label in ITEM_COLUMNS:
                text = cell(item, key)
                values.append(text if key in NUMERIC or key in DATES else neutral(visible_lines(text)))
            writer.writerow(([neutral(visible_lines(group.title))] if group is not None else []) + values)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
