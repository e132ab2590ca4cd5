"""Which due dates of a term are missed as of a day (deadlines.md, "Overdue")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .term import Kind, Term


@dataclass(frozen=True)
class Mark:
    """A progress mark: the day it was made and, optionally, the occurrence it covers."""

    date: date
    covers: date | None = None


def overdue_dates(term: Term, as_of: date, done: bool,
                  marks: Sequence[Mark] = ()) -> tuple[date, ...]:
    """The missed due dates of ``term`` as of ``as_of``.

    once / range / continuous: (due,) when due < as_of and the activity is not done;
    milestones / recurring: every date < as_of met by no mark dated within its window
    (after the previous date, up to and including its own) and by no mark naming it;
    compound: the union of its parts; schedule / unknown / missing: never overdue."""
    if done:
        return ()
    kind = term.kind
    if kind in (Kind.ONCE, Kind.RANGE, Kind.CONTINUOUS):
        if term.due is not None and term.due < as_of:
            return (term.due,)
        return ()
    if kind in (Kind.MILESTONES, Kind.RECURRING):
        covered = {m.covers for m in marks if m.covers is not None}
        mark_days = sorted(m.date for m in marks)
        missed = []
        previous = None
        for d in term.dates:
            if d >= as_of:
                break
            met = d in covered or any(
                (previous is None or previous < m) and m <= d for m in mark_days)
            if not met:
                missed.append(d)
            previous = d
        return tuple(missed)
    if kind is Kind.COMPOUND:
        out = set()
        for part in term.parts:
            out.update(overdue_dates(part, as_of, done, marks))
        return tuple(sorted(out))
    return ()
