"""Stage 4: integration exports of the model (JSON, iCalendar). ``FORMATS`` is the table of them
(``roadmapctl.outputs``): one row a format, its writer ``(roadmaps) -> bytes or str``."""

from __future__ import annotations

from roadmapctl.outputs import OutputFormat, table
from roadmapctl.own_output import export_file

FORMATS = table(
    OutputFormat("json", (".json",), "roadmapctl.export.json_export:export_json", export_file),
    OutputFormat("ics", (".ics",), "roadmapctl.export.ics:export_ics", export_file),
)


def export_roadmaps(roadmaps: list, fmt: str) -> bytes:
    """The bytes of ``roadmaps`` exported as ``fmt`` (one of FORMATS)."""
    return FORMATS[fmt].write(roadmaps)
