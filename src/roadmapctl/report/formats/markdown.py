"""Markdown (GitHub-flavoured): for reading in the repository and in pull requests."""

from __future__ import annotations

import re

from roadmapctl.report.formats.common import (
    SUMMARY_COLUMNS, cell, columns_for, group_items, heading_lines, title, totals_line,
)
from roadmapctl.report.items import Report


# ASCII punctuation that can start Markdown or HTML markup anywhere in a line (CommonMark lets
# every ASCII punctuation character be escaped with a backslash and then shows it as it is).
_INLINE = re.compile(r"([\\`*_{}\[\]<>#!|~&])")
# ... and what makes a block only at the start of a line: a list, a quote, a heading, a rule.
_MARKER = re.compile(r"^(\s*)([-+=>])")
_ORDERED = re.compile(r"^(\s*\d+)([.)])")


def md_text(text: str) -> str:
    """A value as literal Markdown text: no link, image, HTML tag, emphasis or block can come out
    of it; control characters are shown visibly."""
    from roadmapctl.writing import visible_lines

    text = _INLINE.sub(r"\\\1", visible_lines(text))
    lines = [_ORDERED.sub(r"\1\\\2", _MARKER.sub(r"\1\\\2", line)) for line in text.split("\n")]
    return "\n".join(lines)


def md_cell(text: str) -> str:
    """A table cell: a literal text (see md_text) on one line, line breaks as <br>."""
    return "<br>".join(md_text(line.strip()) for line in text.splitlines()) or " "


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(md_cell(h) for h in header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows]
    return lines


def render(report: Report, by: str = "kind", **_options) -> bytes:
    lines = [f"# {title(report)}", ""]
    lines += [f"{md_text(line)}  " for line in heading_lines(report)]
    lines.append("")
    lines += [f"**{totals_line(report)}**", ""]
    if len(report.roadmaps) > 1:
        lines += ["## Сводка по муниципалитетам", ""]
        rows = [[str(getattr(s, key)) for key, _ in SUMMARY_COLUMNS] for s in report.summary]
        lines += _table([label for _, label in SUMMARY_COLUMNS], rows)
        lines.append("")
    groups = group_items(report, by)
    if not groups:
        lines += ["Ничего не найдено: по выбранным условиям замечаний нет.", ""]
    columns = columns_for(report, by)
    for group in groups:
        lines += [f"## {md_text(group.title)} ({len(group.items)})", ""]
        lines += _table([label for _, label in columns], [[cell(item, key) for key, _ in columns] for item in group.items])
        lines.append("")
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")
