"""Which due dates of a term are missed as of a day (docs/deadlines.md, "Просрочка")."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
import datetime
from dataclasses import dataclass
from datetime import date

from .term import Kind, Term


@dataclass(frozen=True)
class Mark:
    """A progress mark: the day it was made and, optionally, the occurrence it covers."""

    date: datetime.date
    covers: datetime.date | None = None


def overdue_dates(term: Term, as_of: date, done: bool,
                  marks: Sequence[Mark] = ()) -> tuple[date, ...]:
    """The missed due dates of ``term`` as of ``as_of``.

    once / range / continuous: (due,) when due < as_of and the activity is not done;
    milestones / recurring: every date < as_of met neither by a mark naming it (``covers``)
    nor by a mark dated within its window (after the previous date, up to and including its
    own; a mark naming another of the dates does not count for windows);
    compound: the union of its parts; schedule / unknown / missing: never overdue."""
    if done:
        return ()
    kind = term.kind
    if kind in (Kind.ONCE, Kind.RANGE, Kind.CONTINUOUS):
        if term.due is not None and term.due < as_of:
            return (term.due,)
        return ()
    if kind in (Kind.MILESTONES, Kind.RECURRING):
        # A mark that names one of the dates counts for that date only; any other mark
        # counts for the date whose window (after the previous date, up to and including
        # its own) holds the day the mark was made.
        dates = term.dates
        named = {m.covers for m in marks if m.covers in dates}
        dated = sorted(m.date for m in marks if m.covers not in dates)
        missed = []
        previous = None
        for d in dates:
            if d >= as_of:
                break
            k = 0 if previous is None else bisect_right(dated, previous)
            met = d in named or (k < len(dated) and dated[k] <= d)
            if not met:
                missed.append(d)
            previous = d
        return tuple(missed)
    if kind is Kind.COMPOUND:
        out: set[date] = set()
        for part in term.parts:
            out.update(overdue_dates(part, as_of, done, marks))
        return tuple(sorted(out))
    return ()
