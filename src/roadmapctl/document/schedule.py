"""Deadline terms of the model's activities: the one place that turns an activity's deadline
(its words, a structured override, or its sub-items' deadlines) into a term."""

from __future__ import annotations

from functools import lru_cache

from roadmapctl.deadlines import Kind, OverrideError, Period, PeriodError, Term, parse_period, read_deadline, term_from_override
from roadmapctl.deadlines.calendar import HOLIDAYS, SchoolCalendar, SchoolYear
from roadmapctl.document.model import Activity, Dates, Roadmap, SubItem

_HOLIDAY_KEYS = dict(zip(("осенние", "зимние", "весенние", "летние"), HOLIDAYS))


def _windows(entries: list[Dates], count: int) -> tuple:
    windows = tuple((d.start, d.end) for d in entries
                    if d.start is not None and d.end is not None and d.start <= d.end)
    return windows if len(windows) == count else ()


def school_calendar(roadmap: Roadmap) -> SchoolCalendar | None:
    """The roadmap's own school calendar (``учебный_календарь``), or None when it declares
    none.  A window whose dates are not dates, or end before they start, is left to the
    typical calendar (RM407 reports it)."""
    years = []
    for entry in roadmap.school_calendar:
        if entry.year is None:
            continue
        holidays = tuple((_HOLIDAY_KEYS[key], (d.start, d.end)) for key, d in entry.holidays.items()
                         if key in _HOLIDAY_KEYS and d.start is not None and d.end is not None
                         and d.start <= d.end)
        years.append(SchoolYear(entry.year, _windows(entry.quarters, 4),
                                _windows(entry.trimesters, 3), holidays))
    return SchoolCalendar(tuple(years)) if years else None


def roadmap_period(roadmap: Roadmap) -> Period:
    """The roadmap's period with its school calendar: what every reading of its deadlines
    uses.  Raises PeriodError (a Russian message) when the period cannot be read."""
    return parse_period(roadmap.period_text).with_calendar(school_calendar(roadmap))


def period_or_reason(text, calendar: SchoolCalendar | None = None) -> tuple[Period | None, str | None]:
    """The period written as ``text`` (with ``calendar`` for its school words), or None and the
    reason it cannot be read (a Russian message)."""
    try:
        return parse_period(text).with_calendar(calendar), None
    except PeriodError as exc:
        return None, str(exc)


def roadmap_period_or_reason(roadmap: Roadmap) -> tuple[Period | None, str | None]:
    """The roadmap's period with its school calendar (:func:`roadmap_period`), or None and the
    reason it cannot be read (a Russian message)."""
    return period_or_reason(roadmap.period_text, school_calendar(roadmap))


@lru_cache(maxsize=8192)
def _read(text: str | None, period: Period) -> Term:
    return read_deadline(text, period)


def item_term(item: Activity | SubItem, period: Period) -> Term:
    """The term of an activity's or sub-item's own deadline (override wins over the words)."""
    if item.override:
        return term_from_override(item.override, period, item.deadline or "")
    return _read(item.deadline, period)


def activity_term(activity: Activity, period: Period) -> Term:
    """The activity's term; without a deadline of its own, the compound of its sub-items'."""
    own = item_term(activity, period)
    if own.kind is not Kind.MISSING or not activity.subitems:
        return own
    parts = tuple(item_term(item, period) for item in activity.subitems if item.deadline or item.override)
    if not parts:
        return own
    if len(parts) == 1:
        return parts[0]
    dates = tuple(sorted({d for part in parts for d in part.dates}))
    dues = [p.due for p in parts if p.due]
    starts = [p.start for p in parts if p.start] + [d for p in parts for d in p.dates]
    return Term(
        text="; ".join(p.text for p in parts),
        kind=Kind.COMPOUND,
        start=min(starts) if starts else None,
        due=max(dues) if dues else None,
        dates=dates,
        parts=parts,
    )


def activity_term_or_none(activity: Activity, period: Period) -> Term | None:
    """The activity's term (:func:`activity_term`), or None when its explicit deadline
    (``срок_явно``) cannot be read (the linter says why)."""
    try:
        return activity_term(activity, period)
    except OverrideError:
        return None
