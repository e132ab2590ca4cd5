"""Report writers. Each takes a Report and returns bytes; the heavy ones import their library
only when called."""

from __future__ import annotations

import importlib

from roadmapctl.report.items import Report

FORMATS = ("table", "md", "json", "csv", "xlsx", "docx", "html")
BINARY = frozenset({"xlsx", "docx"})
_MODULES = {"table": "table", "md": "markdown", "json": "json_format", "csv": "csv_format", "xlsx": "xlsx", "docx": "docx", "html": "html"}


def render(report: Report, fmt: str, by: str | None = None, **options) -> bytes:
    """``report`` written in ``fmt``, its full list grouped ``by`` (None: the format's own
    grouping — by kind, the documents by section as the appendix)."""
    module = importlib.import_module(f"roadmapctl.report.formats.{_MODULES[fmt]}")
    return module.render(report, **({"by": by} if by else {}), **options)
