"""iCalendar export: the dated deadlines and every recurring occurrence as all-day events, for a
methodologist to subscribe to in Outlook or Yandex Calendar.

Events are once / milestones / range (on the last day) / recurring deadlines, and the dated parts
of compound ones. Continuous activities ("постоянно") and schedule / unknown / missing deadlines
have no day to put in a calendar and are left out; so are cancelled activities. Each event's UID
is derived from the file name, the table, the activity number and the date, so it stays the same
from one export to the next, and a calendar that subscribes updates instead of duplicating.

The text is written directly per RFC 5545, an event at a time into one buffer (no object graph
of the whole calendar): TEXT values escaped (3.3.11), content lines folded at 75 octets (3.1),
never inside a UTF-8 character or right after a backslash. The properties are in the order the
icalendar library writes them (its canonical order, then the rest alphabetically), so that the
bytes are the ones earlier versions wrote; tests parse the result with icalendar.
"""

from __future__ import annotations

import hashlib
import io
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from roadmapctl.document.model import Roadmap
from roadmapctl.textutil import ru_date

PRODID = "-//roadmapctl//Дорожные карты//RU"
SUMMARY_LIMIT = 120
LINE_OCTETS = 75  # RFC 5545, 3.1: a content line is folded so that no line is this long or longer
_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"})


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


def text_value(text: str) -> str:
    """A TEXT property value (RFC 5545, 3.3.11): line breaks of any kind become one escaped
    ``\\n``, other control characters (not allowed in TEXT) are shown visibly; ``\\``, ``;`` and
    ``,`` are escaped with a backslash."""
    from roadmapctl.writing import visible_lines

    return visible_lines(text).translate(_ESCAPES)


def fold(line: bytes) -> bytes:
    """One content line folded (RFC 5545, 3.1): after at most 74 octets a CRLF and a space,
    never inside a UTF-8 character; a backslash (or ``^``) that would end a line goes to the
    next one, so that an escape is never split (as the icalendar library folds)."""
    size = len(line)
    if size < LINE_OCTETS:
        return line
    pieces = []
    start = 0
    while size - start >= LINE_OCTETS:
        cut = start + LINE_OCTETS - 1
        while line[cut] & 0xC0 == 0x80:  # a continuation byte: back to the start of its character
            cut -= 1
        if line[cut - 1] in b"\\^":
            cut -= 1
        pieces.append(line[start:cut])
        start = cut
    pieces.append(line[start:])
    return b"\r\n ".join(pieces)


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= SUMMARY_LIMIT else line[: SUMMARY_LIMIT - 1].rstrip() + "…"


def _stamp(roadmap: Roadmap, period) -> datetime:
    """A fixed DTSTAMP (the order date, or the period start), so that equal input gives equal bytes."""
    day = (roadmap.order.date if roadmap.order and roadmap.order.date else None) or (period.start if period else date(2000, 1, 1))
    return datetime.combine(day, time(), tzinfo=timezone.utc)


def _day(day: date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


class _Writer:
    """Content lines into one buffer, each folded and ended with CRLF."""

    def __init__(self) -> None:
        self.out = io.BytesIO()

    def line(self, name: str, value: str) -> None:
        self.out.write(fold(f"{name}:{value}".encode("utf-8", "backslashreplace")))
        self.out.write(b"\r\n")


def export_ics(roadmaps: list[Roadmap]) -> bytes:
    from roadmapctl.document.schedule import activity_term_or_none, roadmap_period_or_reason
    from roadmapctl.report.items import CANCELLED, responsible_names

    ics = _Writer()
    line = ics.line
    line("BEGIN", "VCALENDAR")
    line("VERSION", "2.0")
    line("PRODID", text_value(PRODID))
    line("CALSCALE", "GREGORIAN")
    line("METHOD", "PUBLISH")
    names = sorted({r.municipality for r in roadmaps if r.municipality})
    line("X-WR-CALNAME", text_value("Сроки дорожной карты: " + names[0] if len(names) == 1 else "Сроки дорожных карт"))
    for roadmap in roadmaps:
        period, _ = roadmap_period_or_reason(roadmap)
        if period is None:
            continue
        stamp = _stamp(roadmap, period).strftime("%Y%m%dT%H%M%SZ")
        categories = text_value(roadmap.municipality) if roadmap.municipality else None
        title = f"Дорожная карта: {roadmap.title}"
        for placed in roadmap.placed_activities():
            activity = placed.activity
            if activity.status == CANCELLED:
                continue
            term = activity_term_or_none(activity, period)
            if term is None:
                continue
            days = _dated(term)
            if not days:
                continue
            summary = text_value(_short(f"№ {activity.number} {activity.text}"))
            responsible = responsible_names(activity)
            head = [activity.text, f"Срок: {activity.deadline or term.text}"]
            tail = ["Ответственные: " + (", ".join(responsible) if responsible else "не указаны")]
            if activity.status:
                done = f" {ru_date(activity.done_date)}" if activity.done_date else ""
                tail.append(f"Статус: {activity.status}{done}")
            tail.append(title)
            for index, day in enumerate(days, start=1):
                line("BEGIN", "VEVENT")
                line("SUMMARY", summary)
                line("DTSTART;VALUE=DATE", _day(day))
                line("DTEND;VALUE=DATE", _day(day + timedelta(days=1)))
                line("DTSTAMP", stamp)
                line("UID", text_value(_uid(roadmap, placed.table_index, activity.number, day)))
                if categories is not None:
                    line("CATEGORIES", categories)
                count = [f"Срок {index} из {len(days)}"] if len(days) > 1 else []
                line("DESCRIPTION", text_value("\n".join(head + count + tail)))
                line("TRANSP", "TRANSPARENT")
                line("END", "VEVENT")
    line("END", "VCALENDAR")
    return ics.out.getvalue()
