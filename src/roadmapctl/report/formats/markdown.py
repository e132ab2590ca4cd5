"""Markdown (GitHub-flavoured): for reading in the repository and in pull requests."""

from __future__ import annotations

from roadmapctl.report.formats.common import (
    SUMMARY_COLUMNS, cell, columns_for, group_items, heading_lines, title, totals_line,
)
from roadmapctl.report.items import Report


def md_cell(text: str) -> str:
    """A table cell: "|" escaped, line breaks as <br>, HTML-significant "<" neutralised."""
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
    return "<br>".join(line.strip() for line in text.splitlines()) or " "


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(md_cell(h) for h in header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows]
    return lines


def render(report: Report, by: str = "kind", **_options) -> bytes:
    lines = [f"# {title(report)}", ""]
    lines += [f"{line}  " for line in heading_lines(report)]
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
        lines += [f"## {group.title} ({len(group.items)})", ""]
        lines += _table([label for _, label in columns], [[cell(item, key) for key, _ in columns] for item in group.items])
        lines.append("")
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")
