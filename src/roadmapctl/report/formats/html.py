"""HTML: one self-contained page from ``templates/report.html.j2``; the summary of several
roadmaps is drawn as an inline SVG bar chart (no JavaScript)."""

from __future__ import annotations

from functools import cache

from roadmapctl.report.formats.document import COLUMNS, WIDTHS_MM, report_document
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


def render(report: Report, by: str = "kind", **_options) -> bytes:
    page = _environment().get_template(TEMPLATE).render(doc=report_document(report), style=page_style(), columns=COLUMNS, widths=WIDTHS_MM)
    return page.encode("utf-8")
