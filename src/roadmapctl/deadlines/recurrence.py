"""Recurrences (rule 6 of docs/deadlines.md): a closed set of small classes.

Each class owns its occurrences inside a period, its stable code (``Term.recurrence``, the
JSON export and the tests use it) and its Russian name (``explain``, reports).  The grammar
builds them from words; ``override.py`` builds them from «срок_явно».  A new rhythm is a new
class here and the production that builds it in ``grammar.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import ClassVar

from roadmapctl.textutil import plural_word as plural

from .calendar import TYPICAL, SchoolCalendar
from .calendar_units import (
    MONTHS_GEN,
    MONTHS_NOM,
    ROMAN,
    SCHOOL_KINDS,
    CalendarUnit,
    last_day,
    month_end,
)

MAX_OCCURRENCES = 5000
WEEKDAYS_ACC = ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье")
_EVERY_WEEKDAY = ("каждый", "каждый", "каждую", "каждый", "каждую", "каждую", "каждое")
_WEEKDAY_CODES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def months(p0: date, p1: date) -> Iterator[tuple[int, int]]:
    """(year, month) of every month from p0's to p1's."""
    y, m = p0.year, p0.month
    while (y, m) <= (p1.year, p1.month):
        yield y, m
        m += 1
        if m > 12:
            y, m = y + 1, 1


class Recurrence:
    """A rhythm of deadlines.  ``window``: a written span the recurrence stays inside
    ("ежеквартально в течение 2026 года"); ``since``: the first deadline, written with its
    year, that the rhythm starts at ("декабрь 2025, далее – ежегодно", "начиная с 2026 года",
    rule 20); ``until``: the span it ends with ("с 2025 по 2027 гг.").  All are set by the
    grammar."""

    __slots__ = ("since", "until", "window")

    def __init__(self) -> None:
        self.window: CalendarUnit | None = None
        self.since: CalendarUnit | None = None
        self.until: CalendarUnit | None = None

    @property
    def code(self) -> str:
        raise NotImplementedError

    @property
    def name(self) -> str:
        raise NotImplementedError

    def _dates(self, p0: date, p1: date, cal: SchoolCalendar) -> list[date]:
        raise NotImplementedError

    def occurrences(self, p0: date, p1: date, cal: SchoolCalendar | None = None) -> list[date]:
        """Every occurrence in [p0, p1], sorted; school units follow ``cal``."""
        found = sorted(set(self._dates(p0, p1, cal or TYPICAL)))
        return [d for d in found if p0 <= d <= p1][:MAX_OCCURRENCES]

    def in_school_year(self) -> Recurrence:
        """The same rhythm read in a school-year period ("2 раза в год": the school year's
        half-years)."""
        return self

    @property
    def school(self) -> bool:
        """Whether the occurrences come from the school calendar."""
        return False

    def is_monthly(self) -> bool:
        return False

    def is_yearly(self) -> bool:
        return False

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.code == self.code  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.code))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r})"


class EveryMonths(Recurrence):
    """The end of every ``n``-th month of the calendar year (n divides 12): monthly,
    quarterly, half-yearly, yearly, 3 or 6 times a year."""

    __slots__ = ("n",)
    _CODES: ClassVar[dict[int, tuple[str, str]]] = {1: ("monthly", "ежемесячно"), 2: ("six_times_yearly", "6 раз в год"),
              3: ("quarterly", "раз в квартал"), 4: ("three_times_yearly", "3 раза в год"),
              6: ("half-yearly", "раз в полгода"), 12: ("yearly", "ежегодно")}

    def __init__(self, n: int):
        super().__init__()
        if n not in self._CODES:
            raise ValueError(n)
        self.n = n

    @property
    def code(self) -> str:
        return self._CODES[self.n][0]

    @property
    def name(self) -> str:
        return self._CODES[self.n][1]

    def _dates(self, p0: date, p1: date, cal: SchoolCalendar) -> list[date]:
        return [month_end(y, m) for y, m in months(p0, p1) if m % self.n == 0]

    def in_school_year(self) -> Recurrence:
        return SchoolUnits("ahalf") if self.n == 6 else self

    def is_monthly(self) -> bool:
        return self.n == 1

    def is_yearly(self) -> bool:
        return self.n == 12


class FromStart(Recurrence):
    """The end of every ``n``-th month counting from the period's first month ("1 раз в 2
    месяца")."""

    __slots__ = ("n",)

    def __init__(self, n: int):
        super().__init__()
        self.n = n

    @property
    def code(self) -> str:
        return "monthly" if self.n == 1 else f"every_{self.n}_months"

    @property
    def name(self) -> str:
        n = self.n
        return "ежемесячно" if n == 1 else f"раз в {n} {plural(n, 'месяц', 'месяца', 'месяцев')}"

    def _dates(self, p0: date, p1: date, cal: SchoolCalendar) -> list[date]:
        out: list[date] = []
        for k, (y, m) in enumerate(months(p0, p1)):
            if k % self.n == self.n - 1:
                out.append(month_end(y, m))
                if len(out) > MAX_OCCURRENCES:
                    break
        return out


class DayOfMonth(Recurrence):
    """Day ``day`` of every month ("до 10 числа каждого месяца"); the last day in shorter
    months."""

    __slots__ = ("day",)

    def __init__(self, day: int):
        super().__init__()
        self.day = day

    @property
    def code(self) -> str:
        return f"monthly_day_{self.day}"

    @property
    def name(self) -> str:
        return f"ежемесячно, до {self.day} числа"

    def _dates(self, p0: date, p1: date, cal: SchoolCalendar) -> list[date]:
        return [date(y, m, min(self.day, last_day(y, m))) for y, m in months(p0, p1)]


_WEEKDAYS_NOM = ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота",
                 "воскресенье")
_ORDINALS_BY_GENDER = {"m": ("первый", "второй", "третий", "четвёртый"),
                       "f": ("первая", "вторая", "третья", "четвёртая"),
                       "n": ("первое", "второе", "третье", "четвёртое")}
_WEEKDAY_GENDER = "mmfmffn"


class MonthlyWeekday(Recurrence):
    """The ``n``-th ``weekday`` (0 Monday … 6 Sunday; n = 1…4) of every month ("каждую первую
    пятницу месяца", rule 31)."""

    __slots__ = ("n", "weekday")

    def __init__(self, n: int, weekday: int):
        super().__init__()
        self.n = n
        self.weekday = weekday

    @property
    def code(self) -> str:
        return f"monthly_{_WEEKDAY_CODES[self.weekday]}_{self.n}"

    @property
    def name(self) -> str:
        ordinal = _ORDINALS_BY_GENDER[_WEEKDAY_GENDER[self.weekday]][self.n - 1]
        return f"ежемесячно, {ordinal} {_WEEKDAYS_NOM[self.weekday]} месяца"

    def _dates(self, p0: date, p1: date, cal: SchoolCalendar) -> list[date]:
        out: list[date] = []
        for y, m in months(p0, p1):
            first = date(y, m, 1)
            out.append(first + timedelta(days=(self.weekday - first.weekday()) % 7
                                         + 7 * (self.n - 1)))
        return out


class InMonths(Recurrence):
    """The end of each of the named ``months`` of every year ("2 раза в год (март, сентябрь)",
    rule 27)."""

    __slots__ = ("months",)

    def __init__(self, months: tuple[int, ...]):
        super().__init__()
        self.months = tuple(sorted(set(months)))

    @property
    def code(self) -> str:
        return "yearly_months_" + "-".join(str(m) for m in self.months)

    @property
    def name(self) -> str:
        return "ежегодно: " + ", ".join(MONTHS_NOM[m - 1] for m in self.months)

    def _dates(self, p0: date, p1: date, cal: SchoolCalendar) -> list[date]:
        return [month_end(y, m) for y, m in months(p0, p1) if m in self.months]


class EveryYears(Recurrence):
    """31 December of every ``n``-th year, counting from the period's first year."""

    __slots__ = ("n",)

    def __init__(self, n: int):
        super().__init__()
        self.n = n

    @property
    def code(self) -> str:
        return f"every_{self.n}_years"

    @property
    def name(self) -> str:
        return f"раз в {self.n} {plural(self.n, 'год', 'года', 'лет')}"

    def _dates(self, p0: date, p1: date, cal: SchoolCalendar) -> list[date]:
        return [date(y, 12, 31) for y in range(p0.year + self.n - 1, p1.year + 1, self.n)]


class Weekly(Recurrence):
    """Every ``n``-th week on ``weekday`` (0 Monday … 6 Sunday; a week ends on Sunday)."""

    __slots__ = ("n", "weekday")

    def __init__(self, n: int = 1, weekday: int = 6):
        super().__init__()
        self.n = n
        self.weekday = weekday

    @property
    def code(self) -> str:
        if self.weekday != 6:
            return f"weekly_{_WEEKDAY_CODES[self.weekday]}"
        return "weekly" if self.n == 1 else f"every_{self.n}_weeks"

    @property
    def name(self) -> str:
        if self.weekday != 6:
            return f"{_EVERY_WEEKDAY[self.weekday]} {WEEKDAYS_ACC[self.weekday]}"
        n = self.n
        return "еженедельно" if n == 1 else f"раз в {n} {plural(n, 'неделю', 'недели', 'недель')}"

    def _dates(self, p0: date, p1: date, cal: SchoolCalendar) -> list[date]:
        first = p0 + timedelta(days=(self.weekday - p0.weekday()) % 7)
        out: list[date] = []
        step = timedelta(days=7 * self.n)
        d = first + timedelta(days=7 * (self.n - 1))
        while d <= p1 and len(out) <= MAX_OCCURRENCES:
            out.append(d)
            d += step
        return out


_SCHOOL_NAMES = {"squarter": "каждую четверть", "trimester": "каждый триместр",
                 "ahalf": "раз в полугодие учебного года", "holiday": "в каждые каникулы"}


class SchoolUnits(Recurrence):
    """The end of every ``unit`` of the school year: "squarter", "trimester", "ahalf" or
    "holiday"."""

    __slots__ = ("unit",)

    def __init__(self, unit: str):
        super().__init__()
        self.unit = unit

    @property
    def code(self) -> str:
        return f"school_{self.unit}"

    @property
    def name(self) -> str:
        return _SCHOOL_NAMES[self.unit]

    @property
    def school(self) -> bool:
        return True

    def _dates(self, p0: date, p1: date, cal: SchoolCalendar) -> list[date]:
        return [cal.unit(y, self.unit, q)[1] for y in range(p0.year - 1, p1.year + 1)
                for q in range(1, cal.count(self.unit) + 1)]


class Yearly(Recurrence):
    """Once a year at the end of ``anchor``, a span without a year (a month, a day, a
    quarter, a half-year, a part of a month or of the school year)."""

    __slots__ = ("anchor",)

    def __init__(self, anchor: CalendarUnit):
        super().__init__()
        self.anchor = anchor

    @property
    def school(self) -> bool:
        return bool(self.anchor.school)

    @property
    def code(self) -> str:
        a = self.anchor
        if a.kind in SCHOOL_KINDS:
            return f"yearly_{a.kind}_{a.q}"
        if a.part is not None:
            return f"yearly_decade_{a.m}-{a.part}"
        if a.kind == "month":
            return "yearly" if a.m == 12 else f"yearly_month_{a.m}"
        if a.kind == "day":
            return f"yearly_date_{a.m:02d}-{a.d:02d}"
        if a.kind == "quarter":
            return "yearly" if a.q == 4 else f"yearly_quarter_{a.q}"
        return "yearly" if a.q == 2 else f"yearly_half_{a.q}"

    @property
    def name(self) -> str:
        a = self.anchor
        code = self.code
        if code == "yearly":
            return "ежегодно"
        if a.kind in SCHOOL_KINDS:
            return f"ежегодно ({CalendarUnit(a.kind, q=a.q).name()})"
        if a.part is not None:
            return f"ежегодно ({a.part}-я декада {MONTHS_GEN[a.m - 1]})"
        if a.kind == "month":
            return f"ежегодно ({MONTHS_NOM[a.m - 1]})"
        if a.kind == "day":
            return f"ежегодно, до {a.d} {MONTHS_GEN[a.m - 1]}"
        if a.kind == "quarter":
            return f"ежегодно ({ROMAN[a.q]} квартал)"
        return f"ежегодно ({ROMAN[a.q]} полугодие)"

    def _dates(self, p0: date, p1: date, cal: SchoolCalendar) -> list[date]:
        anchor = self.anchor
        anchor.cal = cal
        first = p0.year - 1 if anchor.kind in SCHOOL_KINDS else p0.year
        out = []
        for y in range(first, p1.year + 1):
            if anchor.kind == "day" and not anchor.exists_in(y):
                out.append(date(y, anchor.m, last_day(y, anchor.m)))
            else:
                out.append(anchor.bounds(y)[1])
        return out


class ReportAfter(Recurrence):
    """A report on each period of ``base``, due on day ``day`` of the month after the period
    ends ("ежеквартально, не позднее 3-го числа месяца, следующего за отчетным периодом",
    rule 15)."""

    __slots__ = ("base", "day")

    def __init__(self, base: Recurrence, day: int):
        super().__init__()
        self.base = base
        self.day = day

    @property
    def code(self) -> str:
        return f"{self.base.code}_report_day_{self.day}"

    @property
    def name(self) -> str:
        return (f"{self.base.name}, до {self.day} числа месяца, следующего за отчётным "
                "периодом")

    @property
    def school(self) -> bool:
        return self.base.school

    def in_school_year(self) -> Recurrence:
        base = self.base.in_school_year()
        return self if base is self.base else ReportAfter(base, self.day)

    def _dates(self, p0: date, p1: date, cal: SchoolCalendar) -> list[date]:
        out = []
        for end in self.base.occurrences(date(p0.year - 1, p0.month, 1), p1, cal):
            y, m = (end.year + 1, 1) if end.month == 12 else (end.year, end.month + 1)
            out.append(date(y, m, min(self.day, last_day(y, m))))
        return out
