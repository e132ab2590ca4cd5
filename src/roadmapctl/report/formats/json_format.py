"""JSON for integrations: stable English keys, one item per activity and kind; the first page
(``first_page``: shares per roadmap or municipality, the late parties, the most overdue) and
the grouping asked for (``groups``: each group's title and the indexes of its items)."""

from __future__ import annotations


from roadmapctl.report.items import Report
from roadmapctl.writing import json_text


def render(report: Report, by: str = "kind", signature: str | None = None, **_options) -> bytes:
    from roadmapctl.report.formats.common import group_items, roadmap_names
    from roadmapctl.report.glance import glance

    data = report.to_json()
    data["roadmaps"] = [{"file": rr.roadmap.file, "title": name} for rr, name in zip(report.roadmaps, roadmap_names(report))]
    data["first_page"] = glance(report).to_json()
    index = {id(item): n for n, item in enumerate(report.items)}
    data["by"] = by
    data["groups"] = [{"key": g.key, "title": g.title, "items": [index[id(i)] for i in g.items]} for g in group_items(report, by)]
    if report.trend is not None:
        data["trend"] = report.trend.to_json()
    if signature:
        data["signature"] = {"by": " ".join(signature.split()), "date": report.as_of.isoformat()}
    return (json_text(data) + "\n").encode("utf-8")
