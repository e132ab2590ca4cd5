"""Month lengths: the date arithmetic below the school calendar and the calendar units."""

from __future__ import annotations

from datetime import date

_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def last_day(y: int, m: int) -> int:
    """Number of days in month m of year y."""
    if m == 2 and y % 4 == 0 and (y % 100 != 0 or y % 400 == 0):
        return 29
    return _DAYS[m]


def month_end(y: int, m: int) -> date:
    return date(y, m, last_day(y, m))
