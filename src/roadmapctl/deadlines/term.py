"""A deadline read into a term: its kind, dates, notes and warnings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from roadmapctl.textutil import plural_word as plural, ru_date

from .calendar_units import MONTHS_GEN, MONTHS_NOM, ROMAN


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


def recurrence_name(rec: str) -> str:
    """Russian name of a recurrence code such as "quarterly" or "monthly_day_10"."""
    fixed = {"monthly": "ежемесячно", "quarterly": "раз в квартал",
             "half-yearly": "раз в полгода", "yearly": "ежегодно", "weekly": "еженедельно",
             "three_times_yearly": "3 раза в год", "six_times_yearly": "6 раз в год"}
    if rec in fixed:
        return fixed[rec]
    school = {"school_squarter": "каждую четверть", "school_trimester": "каждый триместр",
              "school_ahalf": "раз в полугодие учебного года", "school_holiday": "в каждые каникулы"}
    if rec in school:
        return school[rec]
    head, _, arg = rec.rpartition("_")
    if head in ("yearly_squarter", "yearly_trimester", "yearly_ahalf", "yearly_holiday"):
        from .calendar_units import CalendarUnit

        return f"ежегодно ({CalendarUnit(head[7:], q=int(arg)).name()})"
    if head == "yearly_decade":
        m, part = arg.split("-")
        return f"ежегодно ({part}-я декада {MONTHS_GEN[int(m) - 1]})"
    if head == "monthly_day":
        return f"ежемесячно, до {arg} числа"
    if head == "yearly_month":
        return f"ежегодно ({MONTHS_NOM[int(arg) - 1]})"
    if head == "yearly_date":
        m, d = arg.split("-")
        return f"ежегодно, до {int(d)} {MONTHS_GEN[int(m) - 1]}"
    if head == "yearly_quarter":
        return f"ежегодно ({ROMAN[int(arg)]} квартал)"
    if head == "yearly_half":
        return f"ежегодно ({ROMAN[int(arg)]} полугодие)"
    count, _, unit = rec.partition("_")[2].partition("_")
    if count.isdigit():
        n = int(count)
        words = {"months": ("месяц", "месяца", "месяцев"), "weeks": ("неделю", "недели", "недель"),
                 "years": ("год", "года", "лет")}.get(unit)
        if words:
            return f"раз в {n} {plural(n, *words)}"
    return rec


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
    parts: tuple["Term", ...] = ()
    notes: tuple[str, ...] = ()
    warnings: tuple[TermWarning, ...] = ()
    recurrence: str | None = None

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
            name = recurrence_name(self.recurrence or "")
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
