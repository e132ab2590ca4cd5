"""Report writers. Each takes a Report and returns bytes; the heavy ones import their library
only when called."""

from __future__ import annotations

import importlib

from roadmapctl.report.items import Report

FORMATS = ("table", "md", "json", "csv", "xlsx", "docx", "html")
BINARY = frozenset({"xlsx", "docx"})
_MODULES = {"table": "table", "md": "markdown", "json": "json_format", "csv": "csv_format", "xlsx": "xlsx", "docx": "docx", "html": "html"}


def render(report: Report, fmt: str, by: str = "kind", **options) -> bytes:
    module = importlib.import_module(f"roadmapctl.report.formats.{_MODULES[fmt]}")
    return module.render(report, by=by, **options)
