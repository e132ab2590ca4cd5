"""A deadline read into a term: its kind, dates, notes and warnings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING

from roadmapctl.textutil import plural_word as plural
from roadmapctl.textutil import ru_date

if TYPE_CHECKING:
    from .recurrence import Recurrence


class Kind(str, Enum):
    ONCE = "once"
    MILESTONES = "milestones"
    RANGE = "range"
    RECURRING = "recurring"
    CONTINUOUS = "continuous"
    SCHEDULE = "schedule"
    COMPOUND = "compound"
    UNKNOWN = "unknown"
    MISSING = "missing"


@dataclass(frozen=True)
class TermWarning:
    """A problem found in a deadline text; ``start``/``end`` are character offsets in the
    text given to read_deadline (0, 0 when the warning is about the whole text)."""

    code: str
    message: str
    start: int = 0
    end: int = 0


_UNDEFINED = "срок не определён"


def _dates_line(dates: tuple[date, ...]) -> str:
    if len(dates) <= 4:
        return ", ".join(ru_date(d) for d in dates)
    shown = ", ".join(ru_date(d) for d in dates[:3])
    n = len(dates)
    return f"{shown}, …, {ru_date(dates[-1])} (всего {n} {plural(n, 'дата', 'даты', 'дат')})"


@dataclass(frozen=True)
class Term:
    text: str
    kind: Kind
    start: date | None
    due: date | None
    dates: tuple[date, ...]
    parts: tuple[Term, ...] = ()
    notes: tuple[str, ...] = ()
    warnings: tuple[TermWarning, ...] = ()
    repeat: Recurrence | None = None

    @property
    def recurrence(self) -> str | None:
        """The code of the recurrence ("quarterly", "monthly_day_10" …), None if not recurring."""
        return self.repeat.code if self.repeat is not None else None

    def describe(self) -> str:
        """One readable Russian line about the term."""
        kind = self.kind
        if kind is Kind.ONCE:
            return f"однократно: {_day(self.due)}"
        if kind is Kind.MILESTONES:
            if any(p.kind is Kind.RANGE for p in self.parts):
                pieces = ", ".join(f"{_day(p.start)}–{_day(p.due)}" if p.kind is Kind.RANGE
                                   else _day(p.due) for p in self.parts)
                return f"несколько сроков: {pieces}"
            return f"несколько сроков: {_dates_line(self.dates)}"
        if kind is Kind.RANGE:
            return f"в период {_day(self.start)}–{_day(self.due)}"
        if kind is Kind.RECURRING:
            name = self.repeat.name if self.repeat is not None else ""
            if not self.dates:
                return f"{name}: в периоде дорожной карты сроков нет"
            return f"{name}: {_dates_line(self.dates)}"
        if kind is Kind.CONTINUOUS:
            return f"постоянно: {_day(self.start)}–{_day(self.due)}"
        if kind is Kind.SCHEDULE:
            return f"по графику: {_UNDEFINED}"
        if kind is Kind.COMPOUND:
            inner = "; ".join(f"«{p.text}» — {p.describe()}" for p in self.parts)
            return f"составной срок: {inner}"
        if kind is Kind.MISSING:
            return f"срок не указан: {_UNDEFINED}"
        return f"срок не распознан: {_UNDEFINED}"

    def explanation(self) -> list[str]:
        """What ``roadmapctl explain`` says about the term, line by line (an editor's hover too)."""
        return ([self.describe()] + [f"примечание: {note}" for note in self.notes]
                + [f"предупреждение: {warning.message}" for warning in self.warnings])

    def to_json(self) -> dict:
        return {
            "text": self.text,
            "kind": self.kind.value,
            "start": self.start.isoformat() if self.start else None,
            "due": self.due.isoformat() if self.due else None,
            "dates": [d.isoformat() for d in self.dates],
            "recurrence": self.recurrence,
            "warnings": [w.message for w in self.warnings],
            "notes": list(self.notes),
            "parts": [p.to_json() for p in self.parts],
        }


def _day(day: date | None) -> str:
    """A date of a term whose kind has it (a dated kind always does)."""
    assert day is not None
    return ru_date(day)
