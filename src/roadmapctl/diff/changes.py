"""What changed between two versions of a roadmap, read from the two models (never from YAML).

The result is a list of :class:`Change`: plain data that the output formats render. ``kind`` is
one of KINDS; ``number`` is the activity's number (the new one when both exist), the section's
number for ``section`` and None for ``header``; ``old``/``new`` are the values before and after;
``field`` names the roadmap key concerned (in Russian, as in the file); ``extra`` carries the
details of each kind (word diff, deadline readings, added and removed parties…).

Numbers change in two ways. An activity is ``moved`` only when it changed its place: it went to
another section, or it now stands elsewhere among the other activities (it is not on the longest
run of activities that kept their order). An activity that kept its place but got a new number
was renumbered: when its section was renumbered and its number followed ("4.2." of section "4."
became "5.2." of section "5."), that is part of the section's one change (``extra["activities"]``);
otherwise the neighbours renumbered together (after an insertion or a deletion) make one
``renumbered`` change with the old and the new numbers as lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as _field
from datetime import date
from difflib import SequenceMatcher
from typing import Any, Callable, cast

from roadmapctl.document import fields
from roadmapctl.document.model import Activity, Placed, Roadmap, SubItem
from roadmapctl.diff.match import match_activities, pair_up
from roadmapctl.textutil import ru_date

KINDS = ("added", "removed", "moved", "renumbered", "text", "deadline", "responsible", "status", "section", "header")
# the fields of an activity compared word by word ("text") and as values ("status")
_WORDS = tuple(f for f in fields.ACTIVITY_FIELDS if f.diff_kind == "text" and f.kind == fields.Kind.TEXT)
_VALUES = tuple(f for f in fields.ACTIVITY_FIELDS if f.diff_kind == "status" and f.kind in (fields.Kind.TEXT, fields.Kind.DATE))


@dataclass
class Change:
    kind: str
    number: str | None = None
    old: Any = None
    new: Any = None
    field: str | None = None
    extra: dict = _field(default_factory=dict)

    def to_json(self) -> dict:
        out = {"kind": self.kind, "number": self.number, "old": _jsonable(self.old), "new": _jsonable(self.new)}
        if self.field is not None:
            out["field"] = self.field
        out.update({k: _jsonable(v) for k, v in self.extra.items()})
        return out


@dataclass
class RoadmapDiff:
    """The changes of one roadmap file. ``status``: modified, added, deleted or renamed."""

    file: str
    changes: list[Change]
    status: str = "modified"
    old_file: str | None = None

    @property
    def changed(self) -> bool:
        """Anything to show: a change inside the roadmap, or the file added, deleted or renamed."""
        return bool(self.changes) or self.status != "modified"

    def to_json(self) -> dict:
        out: dict = {"file": self.file, "status": self.status}
        if self.old_file and self.old_file != self.file:
            out["old_file"] = self.old_file
        out["changes"] = [c.to_json() for c in self.changes]
        return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


# -- word-level diff -------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """``[("=", text), ("-", removed), ("+", inserted), …]`` over words, spaces and punctuation.
    Joining the "=" and "-" parts gives ``old``; joining "=" and "+" gives ``new``."""
    a, b = _TOKEN.findall(old or ""), _TOKEN.findall(new or "")
    # segments: ["=", text] or ["~", removed, inserted]
    segments: list[list[str]] = []
    i1 = j1 = 0
    for i2, j2, size in [*_matching_blocks(a, b), (len(a), len(b), 0)]:
        if i1 < i2 or j1 < j2:
            if segments and segments[-1][0] == "~":
                segments[-1][1] += "".join(a[i1:i2])
                segments[-1][2] += "".join(b[j1:j2])
            else:
                segments.append(["~", "".join(a[i1:i2]), "".join(b[j1:j2])])
        if size:
            if segments and segments[-1][0] == "=":
                segments[-1][1] += "".join(a[i2:i2 + size])
            else:
                segments.append(["=", "".join(a[i2:i2 + size])])
        i1, j1 = i2 + size, j2 + size
    # A mere space between two edits reads better inside one edit: "-a b+x y", not "-a+x -b+y".
    merged: list[list[str]] = []
    for segment in segments:
        if (segment[0] == "~" and len(merged) >= 2 and merged[-1][0] == "=" and not merged[-1][1].strip()
                and merged[-2][0] == "~"):
            space = merged.pop()[1]
            merged[-1][1] += space + segment[1]
            merged[-1][2] += space + segment[2]
        else:
            merged.append(segment)
    out: list[tuple[str, str]] = []
    for segment in merged:
        if segment[0] == "=":
            out.append(("=", segment[1]))
        else:
            if segment[1]:
                out.append(("-", segment[1]))
            if segment[2]:
                out.append(("+", segment[2]))
    return out


# A stretch of tokens with no word that occurs once on both sides is compared token by token
# (difflib, quadratic) only up to this product of lengths; a longer one is one replacement.
_GAP_PRODUCT = 250_000
_WORK_PER_TOKEN = 24  # tokens visited in all, per token of the two texts


def _matching_blocks(a: list[str], b: list[str]) -> list[tuple[int, int, int]]:
    """(i, j, size) of the runs ``a[i:i+size] == b[j:j+size]``, in order: a patience diff.
    Common ends are matched first; inside, the tokens that occur once on each side and keep
    their order (the longest increasing run, O(n log n)) anchor the rest, which is solved the
    same way between each two anchors. A stretch with no such anchor is compared by difflib
    when it is small, else taken as one replacement; a budget of visited tokens keeps the
    whole linear (difflib with every token was quadratic: 5,000 words with 100 changed, 30 s)."""
    blocks: list[tuple[int, int, int]] = []
    budget = _WORK_PER_TOKEN * (len(a) + len(b)) + 10_000
    stack = [(0, len(a), 0, len(b))]
    while stack:
        a0, a1, b0, b1 = stack.pop()
        # the common end first: an insertion then begins with its space («входных» + « и итоговых»)
        i, j = a1, b1
        while i > a0 and j > b0 and a[i - 1] == b[j - 1]:
            i, j = i - 1, j - 1
        if i < a1:
            blocks.append((i, j, a1 - i))
        a1, b1 = i, j
        i, j = a0, b0
        while i < a1 and j < b1 and a[i] == b[j]:
            i, j = i + 1, j + 1
        if i > a0:
            blocks.append((a0, b0, i - a0))
        a0, b0 = i, j
        if a0 == a1 or b0 == b1:
            continue
        budget -= (a1 - a0) + (b1 - b0)
        anchors = _anchors(a, a0, a1, b, b0, b1) if budget > 0 else []
        if anchors:
            pa, pb = a0, b0
            for i, j in anchors:
                stack.append((pa, i, pb, j))
                blocks.append((i, j, 1))
                pa, pb = i + 1, j + 1
            stack.append((pa, a1, pb, b1))
        elif (a1 - a0) * (b1 - b0) <= _GAP_PRODUCT and budget > 0:
            matcher = SequenceMatcher(None, a[a0:a1], b[b0:b1], autojunk=False)
            blocks.extend((a0 + i, b0 + j, n) for i, j, n in matcher.get_matching_blocks() if n)
    blocks.sort()
    merged: list[tuple[int, int, int]] = []
    for i, j, n in blocks:  # neighbouring runs as one
        if merged and merged[-1][0] + merged[-1][2] == i and merged[-1][1] + merged[-1][2] == j:
            merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] + n)
        else:
            merged.append((i, j, n))
    return merged


def _anchors(a: list[str], a0: int, a1: int, b: list[str], b0: int, b1: int) -> list[tuple[int, int]]:
    """Positions (i, j) of the tokens that occur once in ``a[a0:a1]`` and once in ``b[b0:b1]``,
    the longest run of them in the same order on both sides."""
    where: dict[str, int] = {}
    for i in range(a0, a1):
        where[a[i]] = -1 if a[i] in where else i
    seen: dict[str, int] = {}
    for j in range(b0, b1):
        token = b[j]
        if where.get(token, -1) >= 0:
            seen[token] = -1 if token in seen else j
    pairs = sorted((where[t], j) for t, j in seen.items() if j >= 0)
    return [pairs[k] for k in _longest_increasing([j for _i, j in pairs])]


# -- helpers ---------------------------------------------------------------------------------

def _heading(placed: Placed | None) -> str | None:
    if placed is None or not placed.sections:
        return None
    return " / ".join(placed.section_titles)


def _refs(refs) -> list[str]:
    return [ref.display for ref in refs]


def _date(value: date | None) -> str | None:
    return ru_date(value) if value else None


def _period(roadmap: Roadmap):
    from roadmapctl.document.schedule import roadmap_period_or_reason

    return roadmap_period_or_reason(roadmap)[0]


def _term(item: Activity | SubItem, period, whole: bool):
    if period is None:
        return None
    from roadmapctl.document.schedule import activity_term, item_term

    try:
        return activity_term(cast(Activity, item), period) if whole else item_term(item, period)
    except Exception:  # noqa: BLE001 - a reading problem must not stop the review
        return None


def _outside(term, period) -> bool:
    """Whether a term's dates leave the roadmap's period (docs/deadlines.md, rule 11)."""
    dates = [d for d in (term.start, term.due, *term.dates) if d is not None]
    return any(d < period.start or d > period.end for d in dates)


def reading(term) -> str | None:
    """A short Russian reading of a term: one date, a range, a few dates, or its description."""
    if term is None:
        return None

    kind = term.kind.value
    if kind == "once" and term.due:
        return ru_date(term.due)
    if kind == "range" and term.start and term.due:
        return f"{ru_date(term.start)}–{ru_date(term.due)}"
    if kind == "milestones" and 0 < len(term.dates) <= 4:
        return ", ".join(ru_date(d) for d in term.dates)
    return term.describe()


def _postponement_key(p) -> tuple:
    return (p.previous, p.reason, p.date, p.basis)


def _postponement_json(p) -> dict:
    out = {"previous": p.previous, "reason": p.reason}
    if p.date:
        out["date"] = p.date.isoformat()
    if p.basis:
        out["basis"] = p.basis
    return out


def _list_change(old: list[str], new: list[str]) -> tuple[list[str], list[str]]:
    """(removed, added), counting repeated entries."""
    removed = list(old)
    added = []
    for item in new:
        if item in removed:
            removed.remove(item)
        else:
            added.append(item)
    return removed, added


# -- activities ------------------------------------------------------------------------------

class _Differ:
    def __init__(self, old: Roadmap | None, new: Roadmap | None):
        self.old = old
        self.new = new
        self.old_period = _period(old) if old else None
        self.new_period = _period(new) if new else None
        self.changes: list[Change] = []
        # id(old section) → the new section paired with it; id(new section) → its renumbering
        self.section_pairs: dict[int, Any] = {}
        self.renumbered_sections: dict[int, Change] = {}

    def add(self, kind: str, number: str | None, old: Any = None, new: Any = None, field: str | None = None, **extra) -> None:
        self.changes.append(Change(kind, number, old, new, field, {k: v for k, v in extra.items() if v is not None}))

    # .. header .................................................................................
    def header(self) -> None:
        old, new = self.old, self.new
        if old is None or new is None:
            return

        def scalar(path: str, get: Callable[[Roadmap], Any]) -> None:
            a, b = get(old), get(new)
            if a != b:
                self.add("header", None, a, b, path)

        def listing(path: str, get: Callable[[Roadmap], list[str]]) -> None:
            a, b = get(old), get(new)
            if a != b:
                removed, added = _list_change(a, b)
                self.add("header", None, a, b, path, removed=removed or None, added=added or None)

        order = lambda r, attr: getattr(r.order, attr) if r.order else None  # noqa: E731
        scalar("орган.наименование", lambda r: r.authority.name)
        scalar("орган.краткое", lambda r: r.authority.short)
        listing("орган.бланк", lambda r: list(r.authority.letterhead))
        scalar("регион", lambda r: r.region)
        scalar("муниципалитет", lambda r: r.municipality)
        scalar("приказ.вид", lambda r: order(r, "kind"))
        scalar("приказ.номер", lambda r: order(r, "number"))
        scalar("приказ.дата", lambda r: _date(order(r, "date")))
        scalar("приказ.место", lambda r: order(r, "place"))
        scalar("приказ.заголовок", lambda r: order(r, "title"))
        scalar("приказ.преамбула", lambda r: order(r, "preamble"))
        listing("приказ.пункты", lambda r: [
            " ".join(filter(None, [i.number, i.text] + list(i.list_items))) for i in (r.order.items if r.order else [])
        ])
        scalar("приказ.подпись", lambda r: _person(r.order.signatory) if r.order and r.order.signatory else None)
        scalar("утверждение.гриф", lambda r: r.approval.word if r.approval else None)
        scalar("утверждение", lambda r: _person_parts(r.approval.name, r.approval.position) if r.approval else None)
        scalar("утверждение.дата", lambda r: _date(r.approval.date) if r.approval else None)
        scalar("приложение", lambda r: " ".join(filter(None, [r.appendix.number, r.appendix.to])) if r.appendix else None)
        scalar("название", lambda r: r.title)
        scalar("период", lambda r: r.period_text)
        scalar("преамбула.проблема", lambda r: r.preamble.problem if r.preamble else None)
        scalar("преамбула.цель", lambda r: r.preamble.goal if r.preamble else None)
        listing("преамбула.задачи", lambda r: list(r.preamble.tasks) if r.preamble else [])
        listing("рабочая_группа", lambda r: [_person(p) for p in r.working_group])
        listing("школы", lambda r: list(r.schools))
        listing("пары", lambda r: [f"{p.school} — {p.partner}" for p in r.pairs])
        listing("участники", lambda r: [_party(p) for p in r.parties.values()])
        listing("примечания", lambda r: list(r.notes))
        listing("таблицы", lambda r: [_table(t) for t in r.tables])
        for change in self.changes:
            if change.kind == "header" and change.field in ("приказ.заголовок", "приказ.преамбула", "название",
                                                              "преамбула.проблема", "преамбула.цель"):
                if change.old and change.new:
                    change.extra["words"] = word_diff(change.old, change.new)

    # .. sections ...............................................................................
    def sections(self) -> None:
        if self.old is None or self.new is None:
            return  # a whole file added or deleted: its activities carry their sections
        old = list(self.old.sections())
        new = list(self.new.sections())
        key = lambda item: (item[0], item[1][-1].number.strip()) if item[1][-1].number else None  # noqa: E731
        found = pair_up([(key(s), s[1][-1].title) for s in old], [(key(s), s[1][-1].title) for s in new])
        for i, j, _ in found:
            a = old[i][1][-1] if i is not None else None
            b = new[j][1][-1] if j is not None else None
            if i is not None and j is not None and a is not None and b is not None and old[i][0] == new[j][0]:
                self.section_pairs[id(a)] = b
            if a is None:
                assert b is not None  # a pair has at least one side
                self.add("section", b.number, None, b.heading, "разделы", change="added")
            elif b is None:
                self.add("section", a.number, a.heading, None, "разделы", change="removed")
            elif a.number != b.number:
                self.add("section", b.number, a.heading, b.heading, "разделы", change="renumbered",
                         old_number=a.number, title=b.title if a.title == b.title else None,
                         words=word_diff(a.title, b.title) if a.title != b.title else None)
                self.renumbered_sections[id(b)] = self.changes[-1]
            elif a.title != b.title:
                self.add("section", b.number, a.title, b.title, "разделы", change="renamed",
                         words=word_diff(a.title, b.title))

    # .. activities .............................................................................
    def activities(self) -> None:
        old = list(self.old.placed_activities()) if self.old else []
        new = list(self.new.placed_activities()) if self.new else []
        pairs = match_activities(old, new)
        moved = self._moved(pairs, {id(p): n for n, p in enumerate(old)})
        runs = self._renumbering_runs(pairs, moved)
        for index, pair in enumerate(pairs):
            if index in runs:
                members: list[Any] = [pairs[k] for k in runs[index]]  # renumbered: both sides present
                self.add("renumbered", members[0].new.activity.number,
                         [m.old.activity.number for m in members], [m.new.activity.number for m in members], fields.NUMBER.key,
                         section=_heading(members[0].new))
            if pair.old is None:
                assert pair.new is not None  # a pair has at least one side
                a = pair.new.activity
                self.add("added", a.number, None, a.text, section=_heading(pair.new),
                         parent=pair.new.parent.number if pair.new.parent else None,
                         responsible=_refs(a.responsible) or None, deadline=a.deadline)
            elif pair.new is None:
                a = pair.old.activity
                self.add("removed", a.number, a.text, None, section=_heading(pair.old),
                         responsible=_refs(a.responsible) or None, deadline=a.deadline)
            else:
                self.activity(pair.old, pair.new, pair.score, index in moved)

    def _same_section(self, old_placed: Placed, new_placed: Placed) -> bool:
        if old_placed.table_index != new_placed.table_index:
            return False
        if not old_placed.sections or not new_placed.sections:
            return not old_placed.sections and not new_placed.sections
        return self.section_pairs.get(id(old_placed.sections[-1])) is new_placed.sections[-1]

    def _moved(self, pairs, old_order: dict[int, int]) -> set[int]:
        """The pairs (by index) whose activity changed its place: another section, or out of
        the longest run of activities that kept their order."""
        both = [k for k, p in enumerate(pairs) if p.old is not None and p.new is not None]
        sequence = [old_order[id(pairs[k].old)] for k in both]
        keep = {both[k] for k in _longest_increasing(sequence)}
        return {k for k in both if k not in keep or not self._same_section(pairs[k].old, pairs[k].new)}

    def _renumbering_runs(self, pairs, moved: set[int]) -> dict[int, list[int]]:
        """Runs of neighbouring activities renumbered in place, by the index of their first pair.
        A number that follows its section's renumbering goes to that section's change instead."""
        runs: dict[int, list[int]] = {}
        current: list[int] = []
        section = None
        for k, pair in enumerate(pairs):
            if pair.old is None or pair.new is None:
                continue  # an added or removed row does not end a run
            a, b = pair.old.activity, pair.new.activity
            if k in moved or a.number == b.number or self._follows_section(pair):
                if current:
                    runs[current[0]] = current
                current = []
                continue
            here = id(pair.new.sections[-1]) if pair.new.sections else None
            if current and here != section:
                runs[current[0]] = current
                current = []
            section = here
            current.append(k)
        if current:
            runs[current[0]] = current
        return runs

    def _follows_section(self, pair) -> bool:
        """The number changed exactly as its section's: "4.6.1." of "4." → "5.6.1." of "5."."""
        if not pair.new.sections:
            return False
        change = self.renumbered_sections.get(id(pair.new.sections[-1]))
        if change is None or not pair.old.sections or self.section_pairs.get(id(pair.old.sections[-1])) is not pair.new.sections[-1]:
            return False
        old_core = (change.extra.get("old_number") or "").strip().rstrip(".")
        new_core = (change.number or "").strip().rstrip(".")
        a, b = pair.old.activity.number.strip(), pair.new.activity.number.strip()
        if not old_core or not new_core or not a.startswith(old_core) or a[len(old_core):][:1].isdigit():
            return False
        if b != new_core + a[len(old_core):]:
            return False
        change.extra.setdefault("activities", []).append([a, b])
        return True

    def activity(self, old_placed: Placed, new_placed: Placed, score: float, moved: bool = False) -> None:
        a, b = old_placed.activity, new_placed.activity
        number = b.number
        first = len(self.changes)
        self._activity_changes(a, b, number, old_placed, new_placed, score, moved)
        # every change names its activity: a reviewer reading «ответственные — добавлен: ОО» sees
        # which row it is without opening the file
        for change in self.changes[first:]:
            if change.kind != "moved":
                change.extra.setdefault("activity", b.text)

    def _activity_changes(self, a: Activity, b: Activity, number: str, old_placed: Placed, new_placed: Placed,
                          score: float, moved: bool) -> None:
        if moved:
            other_section = not self._same_section(old_placed, new_placed)
            self.add("moved", number, a.number, b.number, fields.NUMBER.key, text=b.text,
                     old_section=_heading(old_placed) if other_section else None,
                     new_section=_heading(new_placed) if other_section else None)
        for f in _WORDS:
            old_text, new_text = getattr(a, f.attr), getattr(b, f.attr)
            if (old_text or "") != (new_text or ""):
                self.add("text", number, old_text, new_text, f.key,
                         words=word_diff(old_text or "", new_text or ""),
                         similarity=round(score, 2) if f is fields.TEXT else None)
        self.subitems(number, a, b)
        self.deadline(number, a, b, whole=True)
        self.responsible(number, a.responsible, b.responsible)
        self.status(number, a, b)

    def subitems(self, number: str, a: Activity, b: Activity) -> None:
        old_texts, new_texts = [s.text for s in a.subitems], [s.text for s in b.subitems]
        if old_texts != new_texts:
            removed, added = _list_change(old_texts, new_texts)
            self.add("text", number, old_texts, new_texts, fields.SUBITEMS.key, removed=removed or None, added=added or None)
        found = pair_up([(k, s.text) for k, s in enumerate(a.subitems)], [(k, s.text) for k, s in enumerate(b.subitems)])
        for i, j, _ in found:
            if i is None or j is None:
                continue
            old_item, new_item = a.subitems[i], b.subitems[j]
            self.deadline(number, old_item, new_item, whole=False, subitem=new_item.text)
            self.responsible(number, old_item.responsible, new_item.responsible, subitem=new_item.text)

    def deadline(self, number: str, a: Activity | SubItem, b: Activity | SubItem, whole: bool, subitem: str | None = None) -> None:
        old_records = [_postponement_key(p) for p in getattr(a, "postponements", [])]
        new_records = [p for p in getattr(b, "postponements", []) if _postponement_key(p) not in old_records]
        if a.deadline == b.deadline and a.override == b.override:
            for record in new_records:
                self.add("deadline", number, None, _postponement_json(record), fields.POSTPONEMENTS.key, deadline_unchanged=True)
            return
        old_term = _term(a, self.old_period, whole)
        new_term = _term(b, self.new_period, whole)
        old_due = old_term.due if old_term is not None else None
        new_due = new_term.due if new_term is not None else None
        postponed = bool(old_due and new_due and new_due > old_due)
        extra: dict[str, Any] = {
            "old_reading": reading(old_term),
            "new_reading": reading(new_term),
            "old_due": old_due.isoformat() if old_due else None,
            "new_due": new_due.isoformat() if new_due else None,
            "postponed": postponed,
            "subitem": subitem,
        }
        if new_term is not None and self.new_period is not None and _outside(new_term, self.new_period):
            # as check flags it (RM405): a date after the period's end or before its start
            extra["outside_period"] = f"{ru_date(self.new_period.start)}–{ru_date(self.new_period.end)}"
        if a.override != b.override:
            extra["old_override"] = a.override
            extra["new_override"] = b.override
        if postponed:
            if new_records:
                extra["postponement"] = _postponement_json(new_records[-1])
                extra["reason"] = new_records[-1].reason
            else:
                extra["unrecorded"] = True
        elif new_records:
            extra["postponement"] = _postponement_json(new_records[-1])
        self.add("deadline", number, a.deadline, b.deadline, fields.DEADLINE.key, **extra)

    def responsible(self, number: str, old_refs, new_refs, subitem: str | None = None) -> None:
        a, b = _refs(old_refs), _refs(new_refs)
        if a == b:
            return
        removed, added = _list_change(a, b)
        self.add("responsible", number, a, b, fields.RESPONSIBLE.key, removed=removed, added=added,
                 reordered=True if not removed and not added else None, subitem=subitem)

    def status(self, number: str, a: Activity, b: Activity) -> None:
        for f in _VALUES:
            old_value, new_value = getattr(a, f.attr), getattr(b, f.attr)
            if old_value != new_value:
                if f.kind == fields.Kind.DATE:
                    old_value, new_value = _date(old_value), _date(new_value)
                self.add("status", number, old_value, new_value, f.key)
        old_marks = [(m.date, m.text, m.link, m.covers) for m in a.marks]
        new_marks = [(m.date, m.text, m.link, m.covers) for m in b.marks]
        for mark in new_marks:
            if mark not in old_marks:
                self.add("status", number, None, _mark(mark), fields.MARKS.key)
        for mark in old_marks:
            if mark not in new_marks:
                self.add("status", number, _mark(mark), None, fields.MARKS.key)


def _longest_increasing(sequence: list[int]) -> list[int]:
    """Indices of one longest strictly increasing subsequence (the first found, deterministic)."""
    import bisect

    # Patience sorting: O(n log n). tails[n] is the index of the smallest tail of an increasing
    # run of length n+1, and values[n] its value (kept beside it so that bisect needs no copy).
    tails: list[int] = []
    values: list[int] = []
    previous: list[int] = [-1] * len(sequence)
    for i, value in enumerate(sequence):
        n = bisect.bisect_left(values, value)
        if n:
            previous[i] = tails[n - 1]
        if n == len(tails):
            tails.append(i)
            values.append(value)
        else:
            tails[n] = i
            values[n] = value
    out: list[int] = []
    k = tails[-1] if tails else -1
    while k >= 0:
        out.append(k)
        k = previous[k]
    return out[::-1]


def _mark(mark: tuple) -> dict:
    day, text, link, covers = mark
    out = {"date": day.isoformat() if day else None, "text": text}
    if link:
        out["link"] = link
    if covers:
        out["covers"] = covers.isoformat()
    return out


def _person_parts(name: str | None, position: str | None) -> str:
    return ", ".join(part for part in (name, position) if part)


def _person(person) -> str:
    text = _person_parts(person.name, person.position)
    return f"{text} ({person.role})" if getattr(person, "role", None) else text


def _party(party) -> str:
    details = []
    if party.full_name:
        details.append(party.full_name)
    if party.kind:
        details.append(party.kind)
    if party.aliases:
        details.append("синонимы: " + ", ".join(party.aliases))
    if party.members:
        details.append("состав: " + ", ".join(party.members))
    if party.note:
        details.append(party.note)
    return party.key + (f" ({'; '.join(details)})" if details else "")


def _table(table) -> str:
    columns = ", ".join(f"{c.header}" for c in table.columns)
    return (f"{table.title}: " if table.title else "") + columns


def diff_roadmaps(old: Roadmap | None, new: Roadmap | None) -> list[Change]:
    """The changes from ``old`` to ``new`` (either may be None: an added or a deleted file)."""
    differ = _Differ(old, new)
    differ.header()
    differ.sections()
    differ.activities()
    return differ.changes


__all__ = ["Change", "KINDS", "RoadmapDiff", "diff_roadmaps", "reading", "word_diff"]
