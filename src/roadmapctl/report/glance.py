"""The first page of a report, what a reader asks first: as of which date, how far along each
roadmap (and, for several roadmaps, each municipality) is, who is late and what is most late.
Pure: counts and shares of a built Report, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field

from roadmapctl.report.items import CANCELLED, STATES, Item, Report

NO_PARTY = "Ответственный не указан"
MOST_LATE = 10  # how many of the most overdue activities the first page lists

# The shares of the first page, in this order (the kinds of items.KINDS, counted once per activity;
# they overlap: a recurring activity may be overdue and have its next deadline soon, an overdue
# one may have no responsible). The status chart draws the states (items.STATES), which do not.
SHARES = (
    ("done", "Выполнено"),
    ("overdue", "Просрочено"),
    ("upcoming", "Срок скоро"),
    ("undated", "Без срока"),
    ("unassigned", "Без ответственного"),
)


def percent(part: int, whole: int) -> int:
    """``part`` of ``whole`` in whole percent, halves rounded up (0 of 0 is 0)."""
    return (200 * part + whole) // (2 * whole) if whole else 0


@dataclass
class Progress:
    """One row of the first page: a roadmap, a municipality or everything. ``activities`` are
    those not cancelled; every state counts each activity once, ``unassigned`` overlaps them."""

    name: str
    activities: int = 0
    done: int = 0
    overdue: int = 0
    upcoming: int = 0
    undated: int = 0
    unassigned: int = 0
    part: bool = False  # a roadmap listed under its municipality
    states: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATES, 0))

    def count(self, key: str) -> int:
        return int(getattr(self, key))

    def share(self, key: str) -> int:
        return percent(self.count(key), self.activities)

    def text(self, key: str) -> str:
        """"13 (21 %)"."""
        return f"{self.count(key)} ({self.share(key)}\u00a0%)"

    def add(self, other: Progress) -> None:
        for key in ("activities", *(key for key, _ in SHARES)):
            setattr(self, key, self.count(key) + other.count(key))
        for state in STATES:
            self.states[state] += other.states[state]

    def to_json(self) -> dict:
        return {"name": self.name, "activities": self.activities,
                **{key: {"count": self.count(key), "percent": self.share(key)} for key, _ in SHARES},
                "states": dict(self.states)}


@dataclass
class LateParty:
    """A responsible party (by its identity in the directory) and its overdue activities."""

    name: str
    overdue: int
    most_days: int


@dataclass
class Glance:
    rows: list[Progress]
    total: Progress
    late_parties: list[LateParty]
    most_late: list[Item]

    def to_json(self) -> dict:
        return {
            "progress": [row.to_json() | {"part": row.part} for row in self.rows],
            "total": self.total.to_json(),
            "late_parties": [{"name": p.name, "overdue": p.overdue, "most_days_late": p.most_days} for p in self.late_parties],
            "most_late": [{"file": i.file, "number": i.number, "days_late": i.days_late} for i in self.most_late],
        }


def _progress(name: str, rows) -> Progress:
    out = Progress(name)
    for row in rows:
        if row.placed.activity.status == CANCELLED:
            continue
        out.activities += 1
        out.states[row.state] += 1
        for key, _label in SHARES:
            if key in row.kinds:
                setattr(out, key, out.count(key) + 1)
    return out


def roadmap_name(report: Report, index: int) -> str:
    """How the first page names a roadmap: its municipality, or its file when it has none."""
    roadmap = report.roadmaps[index].roadmap
    return roadmap.municipality or roadmap.file


def glance(report: Report) -> Glance:
    from roadmapctl.report.parties import norm

    rows: list[Progress] = []
    if len(report.roadmaps) == 1:
        rr = report.roadmaps[0]
        rows.append(_progress(roadmap_name(report, 0), rr.rows))
    else:
        by_place: dict[str, list[int]] = {}
        for index, rr in enumerate(report.roadmaps):
            by_place.setdefault(norm(rr.roadmap.municipality) or rr.roadmap.file, []).append(index)
        for indexes in by_place.values():
            first = report.roadmaps[indexes[0]].roadmap
            place = _progress(first.municipality or first.file, [row for i in indexes for row in report.roadmaps[i].rows])
            rows.append(place)
            if len(indexes) > 1:
                for i in indexes:
                    part = _progress(report.roadmaps[i].roadmap.title, report.roadmaps[i].rows)
                    part.part = True
                    rows.append(part)
    total = Progress("Всего")
    for row in rows:
        if not row.part:
            total.add(row)

    overdue = [item for rr in report.roadmaps for row in rr.rows for item in row.items if item.kind == "overdue"]
    parties: dict[str, LateParty] = {}
    for item in overdue:
        for name in item.parties or (NO_PARTY,):
            key = norm(name)
            found = parties.setdefault(key, LateParty(name, 0, 0))
            found.overdue += 1
            found.most_days = max(found.most_days, item.days_late or 0)
    late = sorted(parties.values(), key=lambda p: (p.name == NO_PARTY, -p.overdue, -p.most_days, p.name.casefold()))
    most = sorted(overdue, key=lambda i: (-(i.days_late or 0), i.roadmap_index, i.order))[:MOST_LATE]
    return Glance(rows, total, late, most)
