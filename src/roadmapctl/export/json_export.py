"""The JSON integration format: stable English keys, every numbered row in document order."""

from __future__ import annotations


from roadmapctl.document.model import Roadmap
from roadmapctl.writing import json_text


def _iso(value):
    return value.isoformat() if value else None


def roadmap_json(roadmap: Roadmap) -> dict:
    from roadmapctl.document.schedule import activity_term_or_none, roadmap_period_or_reason

    period, _ = roadmap_period_or_reason(roadmap)
    activities = []
    for placed in roadmap.placed_activities():
        activity = placed.activity
        entry = {
            "number": activity.number,
            "text": activity.text,
            "subitems": [
                {"text": item.text, "deadline": item.deadline, "responsible": [r.display for r in item.responsible]}
                for item in activity.subitems
            ],
            "section": placed.section_titles,
            "table": placed.table_index + 1,
            "parent": placed.parent.number if placed.parent else None,
            "responsible": [r.display for r in activity.responsible],
            "deadline": activity.deadline,
            "result": activity.result,
            "result_form": activity.result_form,
            "status": activity.status,
            "deadline_kind": None,
            "start": None,
            "due": None,
            "dates": [],
        }
        if period is not None:
            term = activity_term_or_none(activity, period)
            if term is not None:
                entry["deadline_kind"] = term.kind.value
                entry["start"] = _iso(term.start)
                entry["due"] = _iso(term.due)
                entry["dates"] = [d.isoformat() for d in term.dates]
        activities.append(entry)
    return {
        "file": roadmap.file,
        "region": roadmap.region,
        "municipality": roadmap.municipality,
        "authority": roadmap.authority.name,
        "title": roadmap.title,
        "order": {
            "kind": roadmap.order.kind, "number": roadmap.order.number, "date": _iso(roadmap.order.date),
        } if roadmap.order else None,
        "period": {
            "text": roadmap.period_text,
            "start": _iso(period.start) if period else None,
            "end": _iso(period.end) if period else None,
        },
        "activities": activities,
    }


def export_json(roadmaps: list[Roadmap]) -> str:
    return json_text({"roadmaps": [roadmap_json(r) for r in roadmaps]}) + "\n"
