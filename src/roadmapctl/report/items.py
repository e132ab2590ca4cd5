"""Report items: what each activity needs attention for, as of a day. Pure: no I/O.

One item per activity and kind. An activity that is done (as of the day) gives only a ``done``
item; a cancelled one gives none. A heading row (an activity with children and neither a
deadline nor a responsible party of its own, like 001 4.6) is carried by its children and gives
no item of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property
from typing import TYPE_CHECKING, Callable, Iterable

from roadmapctl.deadlines import Kind, Mark, Term, overdue_dates
from roadmapctl.document.fields import Status
from roadmapctl.document.model import Activity, Placed, Postponement, Roadmap
from roadmapctl.document.schedule import activity_term_or_none, roadmap_period_or_reason
from roadmapctl.report.parties import identities
from roadmapctl.textutil import plural, ru_date

if TYPE_CHECKING:
    from roadmapctl.report.trend import Trend

KINDS = ("overdue", "unassigned", "undated", "upcoming", "stale", "done")
KIND_TITLES = {
    "overdue": "Просрочено",
    "unassigned": "Ответственный не указан",
    "undated": "Срок не определён",
    "upcoming": "Приближается срок",
    "stale": "Давно нет отметок о ходе",
    "done": "Выполнено",
}
DONE, IN_PROGRESS, CANCELLED = Status.DONE.value, Status.IN_PROGRESS.value, Status.CANCELLED.value
DEFAULT_WITHIN = 30
STALE_MONTHS = 3  # "no mark for longer than a quarter"


@dataclass(frozen=True)
class Item:
    """One reason an activity appears in a report. ``order`` is its place in the document."""

    file: str
    municipality: str
    number: str
    text: str
    kind: str
    responsible: tuple[str, ...]
    deadline: str | None
    due: date | None = None
    missed: tuple[date, ...] = ()
    days_late: int | None = None
    section: str | None = None
    status: str | None = None
    done_date: date | None = None
    last_mark: date | None = None
    note: str = ""
    order: int = 0
    roadmap_index: int = 0
    postponements: tuple[Postponement, ...] = ()
    parties: tuple[str, ...] = ()  # the responsible by their identity in the directory (parties.identity)

    def to_json(self) -> dict:
        return {
            "file": self.file,
            "municipality": self.municipality,
            "number": self.number,
            "text": self.text,
            "kind": self.kind,
            "responsible": list(self.responsible),
            "deadline": self.deadline,
            "due": self.due.isoformat() if self.due else None,
            "missed": [d.isoformat() for d in self.missed],
            "days_late": self.days_late,
            "postponements": [postponement_json(p) for p in self.postponements],
        }


COUNTS = ("activities", "done", "overdue", "unassigned", "undated", "upcoming", "stale", "cancelled")


@dataclass
class Summary:
    """Counts of one roadmap (activities, not occurrences)."""

    file: str
    municipality: str
    activities: int = 0
    done: int = 0
    overdue: int = 0
    unassigned: int = 0
    undated: int = 0
    upcoming: int = 0
    stale: int = 0
    cancelled: int = 0

    def add(self, other: "Summary") -> None:
        for name in COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def counts(self) -> dict:
        return {name: getattr(self, name) for name in COUNTS}

    def to_json(self) -> dict:
        return {"file": self.file, "municipality": self.municipality, **self.counts()}


# The one state of an activity, for the status charts (the report's and the site's) and ``--by
# status``. The kinds overlap (an activity may be overdue and unassigned at once): the state is
# the first of STATES that holds. A cancelled activity gives no items and is in none of them: its
# state is CANCELLED_STATE. The report's chart leaves cancelled activities out (its shares are of
# the others); the site's bar shows them as a part of their own (CHART_STATES).
STATES = ("done", "overdue", "upcoming", "undated", "pending")
CANCELLED_STATE = "cancelled"
CHART_STATES = (*STATES, CANCELLED_STATE)
STATE_TITLES = {
    "done": "Выполнено",
    "overdue": "Просрочено",
    "upcoming": "Срок скоро",
    "undated": "Срок не определён",
    "pending": "Срок не наступил",
    CANCELLED_STATE: "Отменено",
}


def state_of(kinds: Iterable[str], status: str | None = None) -> str:
    if status == CANCELLED:
        return CANCELLED_STATE
    found = set(kinds)
    return next((state for state in STATES[:-1] if state in found), "pending")


@dataclass
class Row:
    """One activity with everything the document formats show about it; ``dates`` are its
    deadlines (every occurrence of a recurring one), ``missed`` those without a mark as of the day."""

    placed: Placed
    kinds: tuple[str, ...]
    items: tuple[Item, ...]
    dates: tuple[date, ...] = ()
    missed: tuple[date, ...] = ()
    start: date | None = None  # where a deadline that is a period ("в течение года") begins
    order: int = 0  # the activity's place in the document (as Item.order)
    due: date | None = None  # the deadline's last day (Term.due), None when it has none

    @property
    def state(self) -> str:
        return state_of(self.kinds, self.placed.activity.status)


@dataclass
class RoadmapReport:
    roadmap: Roadmap
    summary: Summary
    rows: list[Row] = field(default_factory=list)


@dataclass
class Report:
    as_of: date
    kinds: tuple[str, ...]
    within: int
    party: str | None
    roadmaps: list[RoadmapReport]
    trend: Trend | None = None  # what changed since an earlier day (report.trend), when asked

    @cached_property
    def items(self) -> list[Item]:
        """Every item of the selected kinds: by roadmap, then kind, then document order."""
        out = [
            item for rr in self.roadmaps for row in rr.rows for item in row.items if item.kind in self.kinds
        ]
        return sorted(out, key=lambda i: (i.roadmap_index, KINDS.index(i.kind), i.order))

    def present(self, kinds: Iterable[str]) -> list[str]:
        """Those of ``kinds`` that an activity of the report has, whether the report shows that
        kind or not (for a CI run that fails on them), in the order given."""
        found = {item.kind for rr in self.roadmaps for row in rr.rows for item in row.items}
        return [kind for kind in kinds if kind in found]

    @property
    def summary(self) -> list[Summary]:
        return [rr.summary for rr in self.roadmaps]

    @property
    def totals(self) -> Summary:
        """The counts of everything the report covers (all its roadmaps, the party's activities)."""
        total = Summary("", "")
        for summary in self.summary:
            total.add(summary)
        return total

    def to_json(self) -> dict:
        return {
            "as_of": self.as_of.isoformat(),
            "totals": self.totals.counts(),
            "items": [item.to_json() for item in self.items],
            "summary": [s.to_json() for s in self.summary],
        }


def is_heading(activity: Activity) -> bool:
    """A row that only groups its children (001 4.6 "Проведение мероприятий …:")."""
    return bool(activity.children) and not activity.has_deadline and not activity.has_responsible


def is_done(activity: Activity, as_of: date) -> bool:
    if activity.status == DONE or (activity.status is None and activity.done_date is not None):
        return activity.done_date is None or activity.done_date <= as_of
    return False


def plus_days(day: date, days: int) -> date:
    """``day`` moved by ``days``, held at the ends of the calendar (no OverflowError)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def months_before(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    if year < date.min.year:
        return date.min
    last = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def _term(activity: Activity, period) -> Term:
    term = activity_term_or_none(activity, period) if period is not None else None
    return term if term is not None else Term(activity.deadline or "", Kind.UNKNOWN, None, None, ())


def deadline_text(activity: Activity) -> str | None:
    """The deadline as written: the activity's own, or its sub-items' joined with "; "."""
    if activity.deadline and activity.deadline.strip():
        return activity.deadline
    parts = [item.deadline for item in activity.subitems if item.deadline and item.deadline.strip()]
    return "; ".join(parts) if parts else None


def full_text(activity: Activity) -> str:
    """The activity's text with its sub-items, one a line ("– …"), so that a text that ends on a
    colon (Абан 17 "… по специальным программам:") is never shown without what follows it."""
    lines = [activity.text.rstrip()]
    lines += [f"– {item.text.strip()}" for item in activity.subitems if item.text and item.text.strip()]
    return "\n".join(lines)


def responsible_names(activity: Activity) -> tuple[str, ...]:
    """The responsible parties as written, the activity's own first, then its sub-items'."""
    names = [ref.display for ref in activity.responsible]
    for item in activity.subitems:
        names.extend(ref.display for ref in item.responsible if ref.display not in names)
    return tuple(names)


def days(n: int) -> str:
    """"1 день", "3 дня", "12 дней"."""
    return plural(n, "день", "дня", "дней")


def missed_text(missed: Iterable[date]) -> str:
    """What the tool knows of missed deadlines: that there is no mark, not that the work was not
    done ("нет отметки о выполнении, срок прошёл 30.09.2020")."""
    dates = [ru_date(d) for d in missed]
    if len(dates) == 1:
        return f"нет отметки о выполнении, срок прошёл {dates[0]}"
    return f"нет отметок о выполнении за сроки {', '.join(dates)}"


def postponement_json(p: Postponement) -> dict:
    out = {"previous": p.previous, "date": p.date.isoformat() if p.date else None, "reason": p.reason}
    if p.basis:
        out["basis"] = p.basis
    return out


def postponement_text(p: Postponement) -> str:
    """"Срок перенесён 25.03.2021 с «Март 2021 года»: Состав команды не утверждён (приказ № 5)"."""
    when = f" {ru_date(p.date)}" if p.date else ""
    text = f"Срок перенесён{when} с «{p.previous}»: {p.reason}"
    return text + (f" ({p.basis})" if p.basis else "")


def activity_items(roadmap: Roadmap, placed: Placed, period, as_of: date, within: int, order: int, roadmap_index: int,
                   term: Term | None = None) -> tuple[Item, ...]:
    """Every item of one activity as of ``as_of`` (all kinds; the caller selects); ``term`` is
    its deadline read already (read here when not given)."""
    activity = placed.activity
    if activity.status == CANCELLED or is_heading(activity):
        return ()
    marks = [m for m in activity.marks if m.date is not None and m.date <= as_of]
    last_mark = max((m.date for m in marks), default=None)
    base = Item(  # the fields every item of the activity shares; each kind is a copy (replace)
        kind="",
        file=roadmap.file,
        municipality=roadmap.municipality,
        number=activity.number,
        text=full_text(activity),
        responsible=responsible_names(activity),
        parties=identities(roadmap, [*activity.responsible, *(r for item in activity.subitems for r in item.responsible)]),
        deadline=deadline_text(activity),
        section=placed.sections[-1].heading if placed.sections else None,
        status=activity.status,
        done_date=activity.done_date,
        last_mark=last_mark,
        order=order,
        roadmap_index=roadmap_index,
        postponements=tuple(activity.postponements),
    )
    term = term if term is not None else _term(activity, period)
    if is_done(activity, as_of):
        note = f"выполнено {ru_date(activity.done_date)}" if activity.done_date else "выполнено"
        return (replace(base, kind="done", due=term.due, note=note),)

    items: list[Item] = []
    progress = [Mark(m.date, m.covers) for m in marks]
    missed = overdue_dates(term, as_of, False, progress)
    if missed:
        late = (as_of - missed[0]).days
        note = f"{missed_text(missed)}; просрочка {days(late)}"
        items.append(replace(base, kind="overdue", due=term.due, missed=tuple(missed), days_late=late, note=note))

    refs = list(activity.responsible) + [ref for item in activity.subitems for ref in item.responsible]
    if not refs:
        items.append(replace(base, kind="unassigned", due=term.due, note="ответственный не указан"))
    elif all(roadmap.party(ref.name) is None for ref in refs):
        names = ", ".join(f"«{ref.name}»" for ref in refs)
        items.append(replace(base, kind="unassigned", due=term.due, note=f"нет в справочнике участников: {names}"))

    if term.kind in (Kind.SCHEDULE, Kind.UNKNOWN, Kind.MISSING):
        note = {Kind.SCHEDULE: "по графику или по плану", Kind.MISSING: "срок не указан"}.get(term.kind, "срок не распознан")
        items.append(replace(base, kind="undated", note=note))
    else:
        horizon = plus_days(as_of, within)
        dates = term.dates or ((term.due,) if term.due else ())
        for day in sorted(dates):
            if day < as_of or day > horizon:
                continue
            # an occurrence already met by a mark in its window is not "upcoming"
            if term.kind in (Kind.ONCE, Kind.RANGE, Kind.CONTINUOUS) or day in overdue_dates(term, plus_days(day, 1), False, progress):
                items.append(replace(base, kind="upcoming", due=day, note=f"срок {ru_date(day)}, через {days((day - as_of).days)}"))
                break

    if activity.status == IN_PROGRESS:
        since = last_mark or term.start or (period.start if period else None)
        if since is None or since < months_before(as_of, STALE_MONTHS):
            note = f"последняя отметка {ru_date(last_mark)}" if last_mark else "отметок о ходе нет"
            items.append(replace(base, kind="stale", due=term.due, note=note))
    return tuple(items)


def roadmap_report(roadmap: Roadmap, as_of: date, within: int = DEFAULT_WITHIN, index: int = 0,
                   select: Callable[[Placed], bool] | None = None) -> RoadmapReport:
    period, _ = roadmap_period_or_reason(roadmap)
    summary = Summary(roadmap.file, roadmap.municipality)
    rows = []
    for order, placed in enumerate(roadmap.placed_activities()):
        activity = placed.activity
        if is_heading(activity) or (select is not None and not select(placed)):
            continue
        term = _term(activity, period)
        items = activity_items(roadmap, placed, period, as_of, within, order, index, term)
        kinds = tuple(dict.fromkeys(item.kind for item in items))
        dates = tuple(sorted(set(term.dates or ((term.due,) if term.due else ()))))
        missed = next((item.missed for item in items if item.kind == "overdue"), ())
        rows.append(Row(placed, kinds, items, dates, missed, term.start if term.start != term.due else None, order, term.due))
        summary.activities += 1
        if activity.status == CANCELLED:
            summary.cancelled += 1
        for kind in kinds:
            setattr(summary, kind, getattr(summary, kind) + 1)
    return RoadmapReport(roadmap, summary, rows)


def build_report(roadmaps: Iterable[Roadmap], as_of: date, kinds: Iterable[str] = KINDS, within: int = DEFAULT_WITHIN,
                 party: str | None = None, select: Callable[[Roadmap], Callable[[Placed], bool] | None] | None = None) -> Report:
    """The report over ``roadmaps``; ``select(roadmap)`` gives the filter of its activities
    (the party view), or None for all of them."""
    chosen = tuple(k for k in KINDS if k in set(kinds))
    parts = [
        roadmap_report(roadmap, as_of, within, index, select(roadmap) if select else None)
        for index, roadmap in enumerate(roadmaps)
    ]
    return Report(as_of, chosen, within, party, parts)
