"""What changed between two days (``report --since``): the activities newly done, newly
overdue, and the deadlines postponed in between. Pure: compares two Reports of the same
roadmaps built as of the two days."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import PureWindowsPath

from roadmapctl.report.items import Report, full_text
from roadmapctl.textutil import ru_date

CHANGES = (("done", "Выполнено за период"), ("overdue", "Стало просроченным"), ("postponed", "Срок перенесён"))


@dataclass(frozen=True)
class Change:
    kind: str
    file: str
    municipality: str
    number: str
    text: str
    detail: str

    def label(self, many: bool) -> str:
        """The first cell of the change's row in every report format: the activity's number,
        after the roadmap it belongs to when the report has several roadmaps (its municipality,
        or its file's name when the municipality is not stated; PureWindowsPath splits a path at
        both "\\" and "/"). Empty parts are left out: the label never starts with a lone comma."""
        where = (self.municipality or PureWindowsPath(self.file).name) if many else ""
        return ", ".join(part for part in (where, self.number) if part)

    def to_json(self) -> dict:
        return {"kind": self.kind, "file": self.file, "municipality": self.municipality, "number": self.number,
                "text": self.text, "detail": self.detail}


@dataclass
class Trend:
    since: date
    as_of: date
    changes: list[Change] = field(default_factory=list)

    def of(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]

    @property
    def heading(self) -> str:
        return f"Изменения с {ru_date(self.since)} по {ru_date(self.as_of)}"

    def to_json(self) -> dict:
        return {"since": self.since.isoformat(), "as_of": self.as_of.isoformat(),
                **{kind: [c.to_json() for c in self.of(kind)] for kind, _ in CHANGES}}


def build_trend(then: Report, now: Report) -> Trend:
    """The changes from ``then`` (as of the earlier day) to ``now``, in document order."""
    before = {(rr.roadmap.file, row.order): row for rr in then.roadmaps for row in rr.rows}
    trend = Trend(then.as_of, now.as_of)
    for rr in now.roadmaps:  # the rows in document order, each row's changes in the order of CHANGES
        roadmap = rr.roadmap
        for row in rr.rows:
            old = before.get((roadmap.file, row.order))
            old_kinds = set(old.kinds) if old else set()
            activity = row.placed.activity
            base = {"file": roadmap.file, "municipality": roadmap.municipality, "number": activity.number, "text": full_text(activity)}
            if "done" in row.kinds and "done" not in old_kinds:
                done = row.placed.activity.done_date
                trend.changes.append(Change("done", detail=f"выполнено {ru_date(done)}" if done else "выполнено", **base))
            overdue = next((item for item in row.items if item.kind == "overdue"), None)
            if overdue is not None and "overdue" not in old_kinds:
                trend.changes.append(Change("overdue", detail=overdue.note, **base))
            for p in row.placed.activity.postponements:
                if p.date is not None and then.as_of < p.date <= now.as_of:
                    trend.changes.append(Change("postponed", detail=f"{ru_date(p.date)}: с «{p.previous}»; {p.reason}", **base))
    return trend
