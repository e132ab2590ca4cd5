"""HTML: one self-contained page from ``templates/report.html.j2`` (no JavaScript, no external
resources); the pictures of report/charts.py inline as SVG."""

from __future__ import annotations

from functools import cache

from roadmapctl.report.formats.document import (
    COLUMNS,
    GROUP_WIDTHS_MM,
    TIMELINE_PAGE,
    WIDTHS_MM,
    report_document,
    status_bars,
    timeline_rows,
)
from roadmapctl.report.formats.page import page_style
from roadmapctl.report.items import Report

TEMPLATE = "report.html.j2"


@cache
def _environment():
    """The template environment, made once: compiling the template costs more than filling it
    (``site`` writes a report for each of thousands of roadmaps)."""
    import jinja2

    from roadmapctl.resources import templates_dir

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir()), encoding="utf-8"),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        auto_reload=False,
    )


def render(report: Report, by: str = "section", signature: str | None = None, **_options) -> bytes:
    from roadmapctl.report import charts

    doc = report_document(report, by, signature)
    bars = status_bars(doc.first)
    timelines: dict[str, str] = {}
    pictures = {"status": charts.status_chart(bars, "svg").decode("utf-8") if any(b.total for b in bars) else "", "timelines": timelines}
    for rr in report.roadmaps:
        rows = timeline_rows(report, rr)
        if rows:  # with each roadmap's table in the appendix layout, after the groups otherwise
            # two layouts: the label above the row on a phone, beside it on a wide screen and in print
            # (the wide one in parts of a printed page each: Chromium leaves a blank page after a
            # picture taller than a page)
            wide = "".join(
                '<div class="tl-wide">' + charts.timeline(rows[start:start + TIMELINE_PAGE], report.as_of, "svg", wide=True).decode("utf-8")
                + "</div>"
                for start in range(0, len(rows), TIMELINE_PAGE)
            )
            timelines[rr.roadmap.file] = '<div class="tl-narrow">' + charts.timeline(rows, report.as_of, "svg").decode("utf-8") + "</div>" + wide
    page = _environment().get_template(TEMPLATE).render(
        doc=doc, style=page_style(), columns=COLUMNS, widths=WIDTHS_MM, group_widths=GROUP_WIDTHS_MM, charts=pictures,
    )
    return page.encode("utf-8")
