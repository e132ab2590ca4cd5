"""The period of a roadmap: "на 2021-2022 годы", "на 2020-2021 учебный год" …"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from .calendar import TYPICAL, SchoolCalendar
from .calendar_units import shift_years
from .grammar import ParseFailure, Parser
from .lexer import DOT, tokenize

MIN_YEAR = 1900
MAX_YEAR = 2199
_EXAMPLES = "например: «2021-2022», «2020-2021 учебный год» или «2021-01-01..2022-12-31»"


class PeriodError(ValueError):
    """The period of a roadmap cannot be read (the message is in Russian)."""


@dataclass(frozen=True)
class Period:
    """The roadmap period [start, end], and the school calendar its school words follow
    (``calendar``: the roadmap's own, or None for the typical one)."""

    start: date
    end: date
    academic: bool = False
    text: str = ""
    calendar: SchoolCalendar | None = None

    @cached_property
    def school(self) -> bool:
        """Whether the period counts in school years (1 September … 31 August): then
        "полугодие" and "2 раза в год" mean the school year's half-years."""
        return self.academic or ((self.start.month, self.start.day) == (9, 1)
                                 and (self.end.month, self.end.day) == (8, 31)
                                 and self.end.year > self.start.year)

    @cached_property
    def certain_year(self) -> bool:
        """Whether a month (or a day, a quarter …) without a year can only be in one year of
        the period: the period is twelve months or shorter."""
        return self.end < shift_years(self.start, 1)

    def school_calendar(self) -> SchoolCalendar:
        return self.calendar if self.calendar is not None else TYPICAL

    def with_calendar(self, calendar: SchoolCalendar | None) -> Period:
        return replace(self, calendar=calendar)


def _check_year(y: int, text: str) -> None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise PeriodError(f"год {y} в периоде «{text}» вне допустимых пределов "
                          f"({MIN_YEAR}–{MAX_YEAR})")


def parse_period(text: str) -> Period:
    """Read a roadmap period; raise PeriodError with a Russian message when it cannot.

    The period is read with the deadline grammar: a year, a range of years, an academic year,
    or a range of days or months with their years ("2021-01-01..2022-12-31")."""
    if not isinstance(text, str) or not text.strip():
        raise PeriodError(f"период дорожной карты не указан; укажите его, {_EXAMPLES}")
    shown = text.strip()
    if len(shown) > 200:
        raise PeriodError("период дорожной карты записан слишком длинно: "
                          f"укажите его коротко, {_EXAMPLES}")
    tokens = tokenize(shown)
    n = len(tokens)
    while n and tokens[n - 1].kind == DOT:
        n -= 1
    parser = Parser(tokens[:n], shown)
    i = 1 if parser.norm(0) == "на" else 0
    try:
        read = parser.span_or_range(i)
        if read is not None and read[1] is None and read[3] + 2 < n \
                and tokens[read[3]].kind == DOT and tokens[read[3] + 1].kind == DOT:
            second = parser.span(read[3] + 2)  # "2021-01-01..2022-12-31"
            if second is not None:
                read = (read[0], second[0], False, second[1])
    except ParseFailure as e:
        raise PeriodError(f"{e.message} (период «{shown}»)") from None
    if read is None or read[2] or read[3] != n:
        raise PeriodError(f"не удалось прочитать период дорожной карты «{shown}»; "
                          f"укажите его, {_EXAMPLES}")
    first, last = read[0], read[1] or read[0]
    for span in (first, last):
        if span.y is None:
            raise PeriodError(f"в периоде «{shown}» не указан год; укажите его, {_EXAMPLES}")
        _check_year(span.y, shown)
    start, end = first.bounds()[0], last.bounds()[1]
    if end < start:
        raise PeriodError(f"конец периода раньше начала: «{shown}»")
    return Period(start, end, first.kind == "academic" and read[1] is None, shown)
