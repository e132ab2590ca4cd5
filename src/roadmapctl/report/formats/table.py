"""The terminal view: rich tables, one per group, and the summary when there are several roadmaps."""

from __future__ import annotations

import io

from roadmapctl.report.formats.common import (
    SUMMARY_COLUMNS, cell, columns_for, group_items, heading_lines, title, totals_line,
)
from roadmapctl.report.items import Report

_RATIOS = {"text": 5, "responsible": 2, "deadline": 2, "note": 3, "municipality": 2, "kind": 2}
_STYLES = {"overdue": "red", "unassigned": "yellow", "undated": "yellow", "upcoming": "cyan", "stale": "magenta", "done": "green"}


def render(report: Report, by: str = "kind", width: int | None = None, color: bool = False, **_options) -> bytes:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    out = io.StringIO()
    console = Console(
        file=out, width=width or 120, color_system="standard" if color else None, force_terminal=color,
        highlight=False, emoji=False, markup=False, soft_wrap=False,
    )
    console.print(title(report), style="bold")
    for line in heading_lines(report):
        console.print(line)
    console.print(totals_line(report))
    if len(report.roadmaps) > 1:
        summary = Table(title="Сводка по муниципалитетам", box=box.SIMPLE_HEAVY, title_justify="left")
        for key, label in SUMMARY_COLUMNS:
            summary.add_column(label, justify="left" if key == "municipality" else "right", overflow="fold")
        for s in report.summary:
            summary.add_row(*[str(getattr(s, key)) for key, _ in SUMMARY_COLUMNS])
        console.print(summary)
    groups = group_items(report, by)
    if not groups:
        console.print("Ничего не найдено: по выбранным условиям замечаний нет.")
    columns = columns_for(report, by)
    for group in groups:
        table = Table(
            title=f"{group.title} ({len(group.items)})", box=box.SIMPLE_HEAVY, title_justify="left",
            title_style=_STYLES.get(group.key, "bold"), show_lines=False,
        )
        for key, label in columns:
            table.add_column(label, overflow="fold", no_wrap=key == "number", ratio=_RATIOS.get(key))
        for item in group.items:
            table.add_row(*[cell(item, key) for key, _ in columns], style=_STYLES.get(item.kind) if by != "kind" and color else None)
        console.print(table)
    return out.getvalue().encode("utf-8")
