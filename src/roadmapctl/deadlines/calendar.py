"""The school calendar: quarters (четверти), trimesters, half-years and holidays of a school year.

A school year is named by its first calendar year (2025 → the 2025-2026 учебный год).  Every
reading of a school word asks a ``SchoolCalendar`` for the dates of that year; a roadmap may
declare its own dates (``учебный_календарь``), and what it does not declare comes from the
typical calendar of docs/deadlines.md ("The school year"):

- quarters: I = Sep–Oct, II = Nov–Dec, III = Jan–Mar, IV = Apr–May;
- trimesters: Sep–Nov, Dec–Feb, Mar–May;
- half-years: I = 1 Sep – 31 Dec, II = 1 Jan – 31 May (the end of lessons);
- holidays: autumn 26 Oct – 4 Nov, winter 30 Dec – 8 Jan, spring 23–31 Mar, summer 1 Jun – 31 Aug.

A declared year's half-years follow its quarters (I = first quarter's start … second quarter's
end, II = third quarter's start … fourth quarter's end); its end of lessons is the end of its
last quarter (or trimester).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .days import month_end

Window = tuple[date, date]

HOLIDAYS = ("autumn", "winter", "spring", "summer")

ROADMAP_CALENDAR = "по учебному календарю дорожной карты"
TYPICAL_CALENDAR = "по типовому календарю"


def typical_quarters(y: int) -> tuple[Window, ...]:
    return ((date(y, 9, 1), date(y, 10, 31)), (date(y, 11, 1), date(y, 12, 31)),
            (date(y + 1, 1, 1), date(y + 1, 3, 31)), (date(y + 1, 4, 1), date(y + 1, 5, 31)))


def typical_trimesters(y: int) -> tuple[Window, ...]:
    return ((date(y, 9, 1), date(y, 11, 30)), (date(y, 12, 1), month_end(y + 1, 2)),
            (date(y + 1, 3, 1), date(y + 1, 5, 31)))


def typical_holidays(y: int) -> dict[str, Window]:
    return {"autumn": (date(y, 10, 26), date(y, 11, 4)),
            "winter": (date(y, 12, 30), date(y + 1, 1, 8)),
            "spring": (date(y + 1, 3, 23), date(y + 1, 3, 31)),
            "summer": (date(y + 1, 6, 1), date(y + 1, 8, 31))}


@dataclass(frozen=True)
class SchoolYear:
    """What a roadmap declares for the school year starting in ``year`` (empty: not declared)."""

    year: int
    quarters: tuple[Window, ...] = ()
    trimesters: tuple[Window, ...] = ()
    holidays: tuple[tuple[str, Window], ...] = ()


@dataclass(frozen=True)
class SchoolCalendar:
    """The declared school years of a roadmap (none: the typical calendar only)."""

    years: tuple[SchoolYear, ...] = ()

    def _declared(self, y: int) -> SchoolYear | None:
        for year in self.years:
            if year.year == y:
                return year
        return None

    # the parts of school year y ---------------------------------------------------------------
    def quarters(self, y: int) -> tuple[Window, ...]:
        declared = self._declared(y)
        if declared is not None and len(declared.quarters) == 4:
            return declared.quarters
        return typical_quarters(y)

    def trimesters(self, y: int) -> tuple[Window, ...]:
        declared = self._declared(y)
        if declared is not None and len(declared.trimesters) == 3:
            return declared.trimesters
        return typical_trimesters(y)

    def halves(self, y: int) -> tuple[Window, Window]:
        declared = self._declared(y)
        if declared is not None and len(declared.quarters) == 4:
            q = declared.quarters
            return (q[0][0], q[1][1]), (q[2][0], q[3][1])
        return (date(y, 9, 1), date(y, 12, 31)), (date(y + 1, 1, 1), self.lessons_end(y))

    def holiday(self, y: int, name: str) -> Window:
        declared = self._declared(y)
        if declared is not None:
            for key, window in declared.holidays:
                if key == name:
                    return window
        return typical_holidays(y)[name]

    def lessons_start(self, y: int) -> date:
        """The first day of school year y (1 September unless declared otherwise)."""
        declared = self._declared(y)
        if declared is not None and (declared.quarters or declared.trimesters):
            return (declared.quarters or declared.trimesters)[0][0]
        return date(y, 9, 1)

    def lessons_end(self, y: int) -> date:
        """The last day of lessons of school year y (31 May unless declared otherwise)."""
        declared = self._declared(y)
        if declared is not None and (declared.quarters or declared.trimesters):
            return (declared.quarters or declared.trimesters)[-1][1]
        return date(y + 1, 5, 31)

    def unit(self, y: int, unit: str, q: int) -> Window:
        """Window ``q`` (1-based) of ``unit`` ("squarter", "trimester", "ahalf", "holiday")."""
        if unit == "squarter":
            return self.quarters(y)[q - 1]
        if unit == "trimester":
            return self.trimesters(y)[q - 1]
        if unit == "ahalf":
            return self.halves(y)[q - 1]
        return self.holiday(y, HOLIDAYS[q - 1])

    def count(self, unit: str) -> int:
        return {"squarter": 4, "trimester": 3, "ahalf": 2, "holiday": 4}[unit]

    def source(self, years) -> str:
        """Which calendar a reading of the school years ``years`` used (for explain)."""
        if any(self._declared(y) is not None for y in years):
            return ROADMAP_CALENDAR
        return TYPICAL_CALENDAR


TYPICAL = SchoolCalendar()
