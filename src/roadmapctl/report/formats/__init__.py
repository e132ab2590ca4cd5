"""Report writers. Each takes a Report and returns bytes; the heavy ones import their library
only when called. ``FORMATS`` is the table of them (``roadmapctl.outputs``): one row a format."""

from __future__ import annotations

from roadmapctl.outputs import OutputFormat, table
from roadmapctl.own_output import progress_report
from roadmapctl.report.items import Report


def _row(name: str, suffix: str, module: str, binary: bool = False, text: bool = False) -> OutputFormat:
    return OutputFormat(name, (suffix,), f"roadmapctl.report.formats.{module}:render", progress_report,
                        binary=binary, text=text)


FORMATS = table(
    _row("table", ".txt", "table", text=True),
    _row("md", ".md", "markdown", text=True),
    _row("json", ".json", "json_format"),
    _row("csv", ".csv", "csv_format"),
    _row("xlsx", ".xlsx", "xlsx", binary=True),
    _row("docx", ".docx", "docx", binary=True),
    _row("html", ".html", "html"),
)


def render(report: Report, fmt: str, by: str | None = None, **options) -> bytes:
    """``report`` written in ``fmt``, its full list grouped ``by`` (None: the format's own
    grouping — by kind, the documents by section as the appendix)."""
    return FORMATS[fmt].write(report, **({"by": by} if by else {}), **options)
