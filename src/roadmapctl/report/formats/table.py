"""The terminal view: rich tables, one per group, and the summary when there are several roadmaps."""

from __future__ import annotations

import io

from roadmapctl.report.formats.common import (
    FIRST_PAGE_TITLES,
    GROUPING_TITLES,
    cell,
    columns_for,
    first_page,
    group_items,
    heading_lines,
    title,
    totals_line,
)
from roadmapctl.report.items import Report

_RATIOS = {"text": 5, "responsible": 2, "deadline": 2, "note": 3, "municipality": 2, "kind": 2}
_STYLES = {"overdue": "red", "unassigned": "yellow", "undated": "yellow", "upcoming": "cyan", "stale": "magenta", "done": "green"}


def render(report: Report, by: str = "kind", width: int | None = None, color: bool = False, signature: str | None = None,
           **_options) -> bytes:
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
    page = first_page(report)
    progress = Table(title=FIRST_PAGE_TITLES[0], box=box.SIMPLE_HEAVY, title_justify="left")
    for index, label in enumerate(page.progress_header):
        progress.add_column(label, justify="left" if index == 0 else "right", overflow="fold")
    for row, part in zip(page.progress, page.progress_parts):
        progress.add_row(("  " if part else "") + row[0], *row[1:])
    console.print(progress)
    if page.late:
        late = Table(title=FIRST_PAGE_TITLES[1], box=box.SIMPLE_HEAVY, title_justify="left", title_style="red" if color else None)
        for index, label in enumerate(page.late_header):
            late.add_column(label, justify="left" if index == 0 else "right", overflow="fold", ratio=4 if index == 0 else 1)
        for row in page.late:
            late.add_row(*row)
        console.print(late)
        if page.late_more:
            console.print(page.late_more_line)
        most = Table(title=FIRST_PAGE_TITLES[2], box=box.SIMPLE_HEAVY, title_justify="left", title_style="red" if color else None)
        for label in page.most_late_header:
            most.add_column(label, overflow="fold", ratio=5 if label == "Мероприятие" else 2 if label in ("Ответственные", "Муниципалитет") else None,
                            justify="right" if label == "Дней просрочки" else "left")
        for row in page.most_late:
            most.add_row(*row)
        console.print(most)
    else:
        console.print("Просроченных мероприятий нет.")
    if report.trend is not None:
        from roadmapctl.report.trend import CHANGES

        console.print(report.trend.heading, style="bold")
        for kind, label in CHANGES:
            changes = report.trend.of(kind)
            table = Table(title=f"{label}: {len(changes)}", box=box.SIMPLE_HEAVY, title_justify="left")
            for name, ratio in (("№", None), ("Мероприятие", 5), ("Что изменилось", 3)):
                table.add_column(name, overflow="fold", ratio=ratio)
            for c in changes:
                table.add_row(c.label(len(report.roadmaps) > 1), c.text, c.detail)
            console.print(table)
    console.print(f"Полный список {GROUPING_TITLES[by]}", style="bold")
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
    if signature:
        from roadmapctl.report.formats.document import signature_lines

        console.print()
        for line in signature_lines(report, signature):
            console.print(line)
    return out.getvalue().encode("utf-8")
