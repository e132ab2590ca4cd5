"""Calendar units named in deadline texts (a day, a month, a quarter, a year …), the dates
they stand for, and their Russian names."""

from __future__ import annotations

from datetime import date, timedelta

from .calendar import TYPICAL
from .days import last_day, month_end

MONTHS_NOM = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
              "сентябрь", "октябрь", "ноябрь", "декабрь")
MONTHS_GEN = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря")
ROMAN = ("", "I", "II", "III", "IV")


def shift_years(d: date, years: int) -> date:
    """``d`` moved by whole years, clamped to the calendar's range (29 Feb → 28 Feb)."""
    y = min(max(d.year + years, date.min.year), date.max.year)
    return date(y, d.month, min(d.day, last_day(y, d.month)))


class CalendarUnit:
    """A named unit of the calendar (a day, a month, a quarter, a school holiday …).

    ``kind``: "day" (m, d), "weekday" (the q-th weekday d — 0 Monday … 6 Sunday — of month
    m: "во вторую среду февраля"), "month" (m), "quarter" (q), "half" (q = 1 or 2), "year",
    "academic" (y is the first year), and the school kinds of school year y, whose dates
    come from ``cal`` (a SchoolCalendar; None: the typical one): "ahalf" (half-year q),
    "squarter" (quarter q, четверть), "trimester" (q), "holiday" (q: 1 autumn … 4 summer).
    ``y`` is None while the year is not known; ``explicit`` tells whether it was written.
    ``edge``: None, "start" (the span's first day only) or "end" (its last day only).
    ``part``: None, 1, 2 or 3 — the beginning, middle or end of the span: of a month, its
    ten-day part (декада: 1–10, 11–20, 21–last); of a longer span, its first or last month
    (of a school year, the month lessons start or end).
    ``a``/``b`` are character offsets of the words that name the span."""

    __slots__ = ("kind", "y", "m", "d", "q", "explicit", "edge", "a", "b", "propagated",
                 "part", "cal")

    def __init__(self, kind, y=None, m=0, d=0, q=0, a=0, b=0, part=None):
        self.kind = kind
        self.y = y
        self.m = m
        self.d = d
        self.q = q
        self.explicit = y is not None
        self.edge = None
        self.a = a
        self.b = b
        self.propagated = False
        self.part = part
        self.cal = None

    @property
    def school(self) -> bool:
        """Whether the span is a part of a school year (read with the school calendar)."""
        return self.kind in SCHOOL_KINDS or (self.kind == "academic"
                                             and (self.edge is not None or self.part is not None))

    @property
    def window(self) -> bool:
        """Whether the span reads as a window of work (a range), not as one deadline."""
        return self.edge is None and (self.kind == "holiday"
                                      or (self.part is not None and self.kind == "month"))

    def _calendar(self):
        if self.cal is None:
            return TYPICAL
        return self.cal

    # bounds of the span for year y ---------------------------------------------------------
    def _bounds(self, y: int) -> tuple[date, date]:
        kind = self.kind
        if kind == "month":
            return date(y, self.m, 1), month_end(y, self.m)
        if kind == "day":
            d = date(y, self.m, self.d)
            return d, d
        if kind == "weekday":
            first = date(y, self.m, 1)
            d = first + timedelta(days=(self.d - first.weekday()) % 7 + 7 * (self.q - 1))
            return d, d
        if kind == "quarter":
            return date(y, 3 * self.q - 2, 1), month_end(y, 3 * self.q)
        if kind == "half":
            return date(y, 6 * self.q - 5, 1), month_end(y, 6 * self.q)
        if kind == "year":
            return date(y, 1, 1), date(y, 12, 31)
        if kind == "academic":
            return date(y, 9, 1), date(y + 1, 8, 31)
        if kind in SCHOOL_KINDS:
            return self._calendar().unit(y, kind, self.q)
        raise ValueError(kind)  # pragma: no cover - all kinds are listed above

    def bounds(self, y: int | None = None) -> tuple[date, date]:
        y = self.y if y is None else y
        first, last = self._bounds(y)
        if self.kind == "academic" and (self.edge is not None or self.part is not None):
            cal = self._calendar()  # the school year's start and end are those of lessons
            first, last = cal.lessons_start(y), cal.lessons_end(y)
        part = self.part
        if part is not None:
            if self.kind == "month":
                top = last_day(first.year, first.month)
                first, last = ((first, first.replace(day=10)),
                               (first.replace(day=11), first.replace(day=20)),
                               (first.replace(day=21), first.replace(day=top)))[part - 1]
            elif part == 1:
                last = month_end(first.year, first.month)
            else:
                first = last.replace(day=1)
        if self.edge == "start":
            return first, first
        if self.edge == "end":
            return last, last
        return first, last

    def exists_in(self, y: int) -> bool:
        return self.kind != "day" or self.d <= last_day(y, self.m)

    def infer_year(self, lower: date) -> int:
        """The first year whose occurrence of this span ends on or after ``lower``."""
        for y in range(max(lower.year - 1, date.min.year), lower.year + 9):
            if self.exists_in(y) and self.bounds(y)[1] >= lower:
                return y
        raise ValueError("no occurrence")  # only near the end of the calendar

    # names -----------------------------------------------------------------------------------
    def name(self, y: int | None = None) -> str:
        y = self.y if y is None else y
        kind = self.kind
        if kind == "month":
            text = MONTHS_NOM[self.m - 1] + (f" {y}" if y is not None else "")
        elif kind == "day":
            text = f"{self.d} {MONTHS_GEN[self.m - 1]}" + (f" {y}" if y is not None else "")
        elif kind == "weekday":
            text = self._weekday_words(nominative=True) + (f" {y}" if y is not None else "")
        elif kind == "quarter":
            text = f"{ROMAN[self.q]} квартал" + (f" {y}" if y is not None else "")
        elif kind == "half":
            text = f"{ROMAN[self.q]} полугодие" + (f" {y}" if y is not None else "")
        elif kind == "year":
            text = f"{y} год" if y is not None else "год"
        elif kind == "academic":
            text = f"{y}/{y + 1} учебный год" if y is not None else "учебный год"
        elif kind == "holiday":
            text = _HOLIDAYS_NOM[self.q - 1] + _school_year(y)
        else:
            text = f"{ROMAN[self.q]} {_SCHOOL_UNITS[kind][0]}{_school_year(y)}"
        if self.part is not None and kind == "month":
            text = f"{self.part}-я декада {MONTHS_GEN[self.m - 1]}" + (f" {y}" if y is not None else "")
        elif self.part is not None:
            text = f"{_PARTS[self.part - 1]} {self.genitive(y, bare=True)}"
        if self.edge == "end":
            return "конец " + self.genitive(y)
        if self.edge == "start":
            return "начало " + self.genitive(y)
        return text

    def genitive(self, y: int | None = None, bare: bool = False) -> str:
        """"2022 года", "мая 2022 года", "I квартала 2022 года", "учебного года" …"""
        y = self.y if y is None else y
        if self.part is not None and not bare:
            if self.kind == "month":
                return f"{self.part}-й декады {self.genitive(y, bare=True)}"
            return f"{_PARTS_GEN[self.part - 1]} {self.genitive(y, bare=True)}"
        year = f" {y} года" if y is not None else ""
        kind = self.kind
        if kind == "month":
            return MONTHS_GEN[self.m - 1] + year
        if kind == "day":
            return f"{self.d} {MONTHS_GEN[self.m - 1]}{year}"
        if kind == "weekday":
            return self._weekday_words(nominative=False) + year
        if kind == "quarter":
            return f"{ROMAN[self.q]} квартала{year}"
        if kind == "half":
            return f"{ROMAN[self.q]} полугодия{year}"
        if kind == "year":
            return year.strip() or "года"
        academic = f"{y}/{y + 1} учебного года" if y is not None else "учебного года"
        if kind == "academic":
            return academic
        if kind == "holiday":
            return _HOLIDAYS_GEN[self.q - 1] + _school_year(y)
        return f"{ROMAN[self.q]} {_SCHOOL_UNITS[kind][1]}{_school_year(y)}"


    def _weekday_words(self, nominative: bool) -> str:
        """"вторая среда февраля" / "второй среды февраля"."""
        gender = _WEEKDAY_GENDER[self.d]
        if nominative:
            return (f"{_ORDINALS_NOM[gender][self.q - 1]} {WEEKDAYS_NOM[self.d]} "
                    f"{MONTHS_GEN[self.m - 1]}")
        return f"{_ORDINALS_GEN[gender][self.q - 1]} {WEEKDAYS_GEN[self.d]} {MONTHS_GEN[self.m - 1]}"


# kinds of span that stand for one day (read as one deadline, never "включительно")
DAY_KINDS = frozenset({"day", "weekday"})
# kinds of span placed in a school year by their month (September … August)
MONTH_KINDS = frozenset({"month", "day", "weekday"})
WEEKDAYS_NOM = ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье")
WEEKDAYS_GEN = ("понедельника", "вторника", "среды", "четверга", "пятницы", "субботы",
                "воскресенья")
_WEEKDAY_GENDER = (0, 0, 1, 0, 1, 1, 2)  # masculine, feminine, neuter
_ORDINALS_NOM = (("первый", "второй", "третий", "четвёртый"),
                 ("первая", "вторая", "третья", "четвёртая"),
                 ("первое", "второе", "третье", "четвёртое"))
_ORDINALS_GEN = (("первого", "второго", "третьего", "четвёртого"),
                 ("первой", "второй", "третьей", "четвёртой"),
                 ("первого", "второго", "третьего", "четвёртого"))
SCHOOL_KINDS = frozenset({"ahalf", "squarter", "trimester", "holiday"})
_SCHOOL_UNITS = {"ahalf": ("полугодие", "полугодия"), "squarter": ("четверть", "четверти"),
                 "trimester": ("триместр", "триместра")}
_HOLIDAYS_NOM = ("осенние каникулы", "зимние каникулы", "весенние каникулы", "летние каникулы")
_HOLIDAYS_GEN = ("осенних каникул", "зимних каникул", "весенних каникул", "летних каникул")
_PARTS = ("начало", "середина", "конец")
_PARTS_GEN = ("начала", "середины", "конца")


def _school_year(y: int | None) -> str:
    return f" {y}/{y + 1} учебного года" if y is not None else " учебного года"
