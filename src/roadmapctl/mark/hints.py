"""What to tell the user after a mark: a new deadline that is not understood, a covered date that
is not one of the activity's deadlines. The edit itself is made either way; these are hints."""

from __future__ import annotations

from roadmapctl.deadlines import Kind, read_deadline
from roadmapctl.document.model import Roadmap
from roadmapctl.document.schedule import activity_term, roadmap_period_or_reason
from roadmapctl.mark.edits import MarkRequest
from roadmapctl.textutil import ru_date


def mark_warnings(roadmap: Roadmap, request: MarkRequest, number: str) -> list[str]:
    """Russian hints about what ``request`` wrote into ``roadmap`` (as it was before the edit) on
    activity ``number``; none when the roadmap's period cannot be read."""
    period, _ = roadmap_period_or_reason(roadmap)
    if period is None:
        return []
    out = []
    if request.postpone:
        term = read_deadline(request.postpone, period)
        if term.kind in (Kind.UNKNOWN, Kind.MISSING):
            out.append(f"новый срок «{request.postpone}» не распознан; проверьте его: roadmapctl explain --period \"{roadmap.period_text}\" \"{request.postpone}\"")
    if request.covers and not request.postpone:
        for placed in roadmap.placed_activities():
            activity = placed.activity
            if activity.number == number and request.table in (None, placed.table_index + 1):
                term = activity_term(activity, period)
                if term.dates and request.covers not in term.dates:
                    shown = ", ".join(ru_date(d) for d in term.dates[:12])
                    out.append(f"дата {ru_date(request.covers)} не совпадает ни с одним сроком мероприятия ({shown})")
                break
    return out
