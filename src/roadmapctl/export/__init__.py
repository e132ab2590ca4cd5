"""Stage 4: integration exports of the model (JSON, iCalendar)."""

from __future__ import annotations

FORMATS = ("json", "ics")


def export_roadmaps(roadmaps: list, fmt: str) -> bytes:
    """The bytes of ``roadmaps`` exported as ``fmt`` (one of FORMATS)."""
    if fmt == "json":
        from roadmapctl.export.json_export import export_json

        return export_json(roadmaps).encode("utf-8")
    from roadmapctl.export.ics import export_ics

    return export_ics(roadmaps)
