"""Reading Russian deadline texts (сроки) into terms, and what is overdue.

See docs/deadlines.md for the rules; ``read_deadline`` never raises."""

from .overdue import Mark, overdue_dates
from .override import OverrideError, term_from_override
from .period import Period, PeriodError, parse_period
from .reader import read_deadline
from .term import Kind, Term, TermWarning

__all__ = [
    "Kind",
    "Mark",
    "OverrideError",
    "Period",
    "PeriodError",
    "Term",
    "TermWarning",
    "overdue_dates",
    "parse_period",
    "read_deadline",
    "term_from_override",
]
