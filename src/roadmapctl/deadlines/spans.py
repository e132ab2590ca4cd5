"""Calendar spans named in deadline texts (a day, a month, a quarter, a year …), the dates
they stand for, and their Russian names."""

from __future__ import annotations

from datetime import date, timedelta

MONTHS_NOM = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
              "сентябрь", "октябрь", "ноябрь", "декабрь")
MONTHS_GEN = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря")
ROMAN = ("", "I", "II", "III", "IV")


_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def last_day(y: int, m: int) -> int:
    """Number of days in month m of year y."""
    if m == 2 and y % 4 == 0 and (y % 100 != 0 or y % 400 == 0):
        return 29
    return _DAYS[m]


def month_end(y: int, m: int) -> date:
    return date(y, m, last_day(y, m))


def fmt(d: date) -> str:
    return f"{d.day:02d}.{d.month:02d}.{d.year:04d}"


def shift_years(d: date, years: int) -> date:
    """``d`` moved by whole years, clamped to the calendar's range (29 Feb → 28 Feb)."""
    y = min(max(d.year + years, date.min.year), date.max.year)
    return date(y, d.month, min(d.day, last_day(y, d.month)))


class Span:
    """A named span of the calendar.

    ``kind``: "day" (m, d), "month" (m), "quarter" (q), "half" (q = 1 or 2), "year",
    "academic" (y is the first year), "ahalf" (half q of academic year y).
    ``y`` is None while the year is not known; ``explicit`` tells whether it was written.
    ``edge``: None, "start" (the span's first day only) or "end" (its last day only).
    ``a``/``b`` are character offsets of the words that name the span."""

    __slots__ = ("kind", "y", "m", "d", "q", "explicit", "edge", "a", "b", "propagated")

    def __init__(self, kind, y=None, m=0, d=0, q=0, a=0, b=0):
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

    # bounds of the span for year y ---------------------------------------------------------
    def _bounds(self, y: int) -> tuple[date, date]:
        kind = self.kind
        if kind == "month":
            return date(y, self.m, 1), month_end(y, self.m)
        if kind == "day":
            d = date(y, self.m, self.d)
            return d, d
        if kind == "quarter":
            return date(y, 3 * self.q - 2, 1), month_end(y, 3 * self.q)
        if kind == "half":
            return date(y, 6 * self.q - 5, 1), month_end(y, 6 * self.q)
        if kind == "year":
            return date(y, 1, 1), date(y, 12, 31)
        if kind == "academic":
            return date(y, 9, 1), date(y + 1, 8, 31)
        if kind == "ahalf":
            if self.q == 1:
                return date(y, 9, 1), date(y, 12, 31)
            return date(y + 1, 1, 1), date(y + 1, 8, 31)
        raise ValueError(kind)  # pragma: no cover - all kinds are listed above

    def bounds(self, y: int | None = None) -> tuple[date, date]:
        first, last = self._bounds(self.y if y is None else y)
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
        elif kind == "quarter":
            text = f"{ROMAN[self.q]} квартал" + (f" {y}" if y is not None else "")
        elif kind == "half":
            text = f"{ROMAN[self.q]} полугодие" + (f" {y}" if y is not None else "")
        elif kind == "year":
            text = f"{y} год" if y is not None else "год"
        elif kind == "academic":
            text = f"{y}/{y + 1} учебный год" if y is not None else "учебный год"
        else:
            text = f"{ROMAN[self.q]} полугодие" + (
                f" {y}/{y + 1} учебного года" if y is not None else " учебного года")
        if self.edge == "end":
            return "конец " + self.genitive(y)
        if self.edge == "start":
            return "начало " + self.genitive(y)
        return text

    def genitive(self, y: int | None = None) -> str:
        """"2022 года", "мая 2022 года", "I квартала 2022 года", "учебного года" …"""
        y = self.y if y is None else y
        year = f" {y} года" if y is not None else ""
        kind = self.kind
        if kind == "month":
            return MONTHS_GEN[self.m - 1] + year
        if kind == "day":
            return f"{self.d} {MONTHS_GEN[self.m - 1]}{year}"
        if kind == "quarter":
            return f"{ROMAN[self.q]} квартала{year}"
        if kind == "half":
            return f"{ROMAN[self.q]} полугодия{year}"
        if kind == "year":
            return year.strip() or "года"
        academic = f"{y}/{y + 1} учебного года" if y is not None else "учебного года"
        if kind == "academic":
            return academic
        return f"{ROMAN[self.q]} полугодия {academic}"


def sundays(start: date, end: date) -> list[date]:
    first = start + timedelta(days=(6 - start.weekday()) % 7)
    out = []
    step = timedelta(days=7)
    d = first
    while d <= end:
        out.append(d)
        d += step
    return out
