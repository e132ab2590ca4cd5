"""iCalendar export: the dated deadlines and every recurring occurrence as all-day events, for a
methodologist to subscribe to in Outlook or Yandex Calendar.

Events are once / milestones / range (on the last day) / recurring deadlines, and the dated parts
of compound ones. Continuous activities ("постоянно") and schedule / unknown / missing deadlines
have no day to put in a calendar and are left out; so are cancelled activities. Each event's UID
is derived from the file name, the table, the activity number and the date, so it stays the same
from one export to the next, and a calendar that subscribes updates instead of duplicating.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from roadmapctl.document.model import Roadmap
from roadmapctl.textutil import ru_date

if TYPE_CHECKING:  # icalendar itself is imported only when exporting
    from icalendar import vText

PRODID = "-//roadmapctl//Дорожные карты//RU"
SUMMARY_LIMIT = 120


def _dated(term) -> list[date]:
    from roadmapctl.deadlines import Kind

    if term.kind in (Kind.ONCE, Kind.MILESTONES, Kind.RANGE, Kind.RECURRING):
        return list(term.dates or ((term.due,) if term.due else ()))
    if term.kind is Kind.COMPOUND:
        return sorted({d for part in term.parts for d in _dated(part)})
    return []


def _uid(roadmap: Roadmap, table: int, number: str, day: date) -> str:
    key = f"{Path(roadmap.file).stem}|{table}|{number}|{day.isoformat()}"
    return hashlib.sha1(key.encode("utf-8", "surrogateescape")).hexdigest()[:20] + "@roadmapctl"


def _text(text: str) -> vText:
    """A TEXT property value (RFC 5545, 3.3.11): line breaks of any kind become one escaped
    ``\\n``, other control characters (not allowed in TEXT) are shown visibly; the library
    escapes ``\\``, ``;`` and ``,``."""
    from icalendar import vText

    from roadmapctl.writing import visible_lines

    return vText(visible_lines(text))


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= SUMMARY_LIMIT else line[: SUMMARY_LIMIT - 1].rstrip() + "…"


def _stamp(roadmap: Roadmap, period) -> datetime:
    """A fixed DTSTAMP (the order date, or the period start), so that equal input gives equal bytes."""
    day = (roadmap.order.date if roadmap.order and roadmap.order.date else None) or (period.start if period else date(2000, 1, 1))
    return datetime.combine(day, time(), tzinfo=timezone.utc)


def export_ics(roadmaps: list[Roadmap]) -> bytes:
    from icalendar import Calendar, Event

    from roadmapctl.report.items import CANCELLED, responsible_names
    from roadmapctl.document.schedule import activity_term_or_none, roadmap_period_or_reason

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    names = sorted({r.municipality for r in roadmaps if r.municipality})
    calendar.add("x-wr-calname", _text("Сроки дорожной карты: " + names[0] if len(names) == 1 else "Сроки дорожных карт"))
    for roadmap in roadmaps:
        period, _ = roadmap_period_or_reason(roadmap)
        if period is None:
            continue
        stamp = _stamp(roadmap, period)
        for placed in roadmap.placed_activities():
            activity = placed.activity
            if activity.status == CANCELLED:
                continue
            term = activity_term_or_none(activity, period)
            if term is None:
                continue
            days = _dated(term)
            responsible = responsible_names(activity)
            for index, day in enumerate(days, start=1):
                event = Event()
                event.add("uid", _uid(roadmap, placed.table_index, activity.number, day))
                event.add("dtstamp", stamp)
                event.add("dtstart", day)
                event.add("dtend", day + timedelta(days=1))
                event.add("summary", _text(_short(f"№ {activity.number} {activity.text}")))
                lines = [activity.text, f"Срок: {activity.deadline or term.text}"]
                if len(days) > 1:
                    lines.append(f"Срок {index} из {len(days)}")
                lines.append("Ответственные: " + (", ".join(responsible) if responsible else "не указаны"))
                if activity.status:
                    done = f" {ru_date(activity.done_date)}" if activity.done_date else ""
                    lines.append(f"Статус: {activity.status}{done}")
                lines.append(f"Дорожная карта: {roadmap.title}")
                event.add("description", _text("\n".join(lines)))
                if roadmap.municipality:
                    event.add("categories", [_text(roadmap.municipality)])
                event.add("transp", "TRANSPARENT")
                calendar.add_component(event)
    return calendar.to_ical()
