"""Deadline terms of the model's activities: the one place that turns an activity's deadline
(its words, a structured override, or its sub-items' deadlines) into a term."""

from __future__ import annotations

from functools import lru_cache

from roadmapctl.deadlines import Kind, Period, Term, read_deadline, term_from_override
from roadmapctl.model import Activity, SubItem


@lru_cache(maxsize=8192)
def _read(text: str | None, period: Period) -> Term:
    return read_deadline(text, period)


def item_term(item: Activity | SubItem, period: Period) -> Term:
    """The term of an activity's or sub-item's own deadline (override wins over the words)."""
    if item.override:
        return term_from_override(item.override, period, item.deadline or "")
    return _read(item.deadline, period)


def activity_term(activity: Activity, period: Period) -> Term:
    """The activity's term; without a deadline of its own, the compound of its sub-items'."""
    own = item_term(activity, period)
    if own.kind is not Kind.MISSING or not activity.subitems:
        return own
    parts = tuple(item_term(item, period) for item in activity.subitems if item.deadline or item.override)
    if not parts:
        return own
    if len(parts) == 1:
        return parts[0]
    dates = tuple(sorted({d for part in parts for d in part.dates}))
    dues = [p.due for p in parts if p.due]
    starts = [p.start for p in parts if p.start] + [d for p in parts for d in p.dates]
    return Term(
        text="; ".join(p.text for p in parts),
        kind=Kind.COMPOUND,
        start=min(starts) if starts else None,
        due=max(dues) if dues else None,
        dates=dates,
        parts=parts,
    )
