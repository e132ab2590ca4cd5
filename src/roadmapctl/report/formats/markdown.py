"""Markdown (GitHub-flavoured): for reading in the repository and in pull requests."""

from __future__ import annotations

import re

from roadmapctl.report.formats.common import (
    FIRST_PAGE_TITLES,
    GROUPING_TITLES,
    FirstPage,
    cell,
    columns_for,
    first_page,
    group_items,
    heading_lines,
    title,
    totals_line,
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


def first_page_lines(page: FirstPage, level: str = "##") -> list[str]:
    lines = [f"{level} {FIRST_PAGE_TITLES[0]}", ""]
    lines += _table(page.progress_header, [[(" " if part else "") + row[0], *row[1:]] for row, part in zip(page.progress, page.progress_parts)])
    lines.append("")
    if page.late:
        lines += [f"{level} {FIRST_PAGE_TITLES[1]}", ""]
        lines += _table(page.late_header, page.late)
        if page.late_more:
            lines += ["", md_text(page.late_more_line)]
        lines.append("")
        lines += [f"{level} {FIRST_PAGE_TITLES[2]}", ""]
        lines += _table(page.most_late_header, page.most_late)
        lines.append("")
    else:
        lines += ["Просроченных мероприятий нет.", ""]
    return lines


def trend_lines(report: Report) -> list[str]:
    from roadmapctl.report.trend import CHANGES

    trend = report.trend
    if trend is None:
        return []
    lines = [f"## {trend.heading}", ""]
    for kind, label in CHANGES:
        changes = trend.of(kind)
        lines += [f"### {label}: {len(changes)}", ""]
        if changes:
            rows = [[c.label(len(report.roadmaps) > 1), c.text, c.detail] for c in changes]
            lines += _table(["№", "Мероприятие", "Что изменилось"], rows)
            lines.append("")
    return lines


def render(report: Report, by: str = "kind", signature: str | None = None, **_options) -> bytes:
    from roadmapctl.report.formats.document import signature_lines

    lines = [f"# {title(report)}", ""]
    lines += [f"{md_text(line)}  " for line in heading_lines(report)]
    lines.append("")
    lines += [f"**{totals_line(report)}**", ""]
    lines += first_page_lines(first_page(report))
    lines += trend_lines(report)
    lines += [f"## Полный список {GROUPING_TITLES[by]}", ""]
    groups = group_items(report, by)
    if not groups:
        lines += ["Ничего не найдено: по выбранным условиям замечаний нет.", ""]
    columns = columns_for(report, by)
    for group in groups:
        lines += [f"### {md_text(group.title)} ({len(group.items)})", ""]
        lines += _table([label for _, label in columns], [[cell(item, key) for key, _ in columns] for item in group.items])
        lines.append("")
    if signature:
        lines += [f"{md_text(line)}  " for line in signature_lines(report, signature)]
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")
