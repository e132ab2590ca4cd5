"""Stage 3: the roadmap as plain dataclasses. Consumers read this, never the YAML.

Every object keeps ``span`` (its whole node) and ``spans`` (the value node of each of its
keys, by the Russian key), so that a rule can point at the exact field it talks about.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import datetime
from datetime import date
from typing import Iterator

from roadmapctl.spans import NOWHERE, Span


@dataclass
class Located:
    span: Span = field(default=NOWHERE, repr=False, compare=False, kw_only=True)
    spans: dict[str, Span] = field(default_factory=dict, repr=False, compare=False, kw_only=True)

    def at(self, key: str) -> Span:
        """The span of the value of ``key``, or of the whole object when the key is absent."""
        return self.spans.get(key, self.span)


@dataclass
class Person(Located):
    name: str
    position: str | None = None
    role: str | None = None


@dataclass
class Party(Located):
    """An entry of the roadmap's directory of responsible parties; ``key`` is the name as written."""

    key: str
    full_name: str | None = None
    kind: str | None = None
    aliases: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    note: str | None = None


@dataclass
class Ref(Located):
    """A responsible party as named in a table cell, with an optional qualifier."""

    name: str
    qualifier: str | None = None
    joiner: str = "скобки"

    @property
    def display(self) -> str:
        if not self.qualifier:
            return self.name
        if self.joiner == "тире":
            return f"{self.name} – {self.qualifier}"
        return f"{self.name} ({self.qualifier})"


@dataclass
class SubItem(Located):
    text: str
    deadline: str | None = None
    override: dict | None = None
    responsible: list[Ref] = field(default_factory=list)


@dataclass
class ProgressMark(Located):
    date: datetime.date
    text: str
    link: str | None = None
    covers: datetime.date | None = None


@dataclass
class Postponement(Located):
    previous: str
    reason: str
    date: date | None = None
    basis: str | None = None


@dataclass
class Activity(Located):
    number: str
    text: str
    subitems: list[SubItem] = field(default_factory=list)
    responsible: list[Ref] = field(default_factory=list)
    deadline: str | None = None
    override: dict | None = None
    result: str | None = None
    result_form: str | None = None
    note: str | None = None
    status: str | None = None
    done_date: date | None = None
    marks: list[ProgressMark] = field(default_factory=list)
    postponements: list[Postponement] = field(default_factory=list)
    children: list["Activity"] = field(default_factory=list)

    @property
    def has_responsible(self) -> bool:
        return bool(self.responsible) or any(item.responsible for item in self.subitems)

    @property
    def has_deadline(self) -> bool:
        return bool(self.deadline and self.deadline.strip()) or self.override is not None or any(
            (item.deadline and item.deadline.strip()) or item.override for item in self.subitems
        )


@dataclass
class Section(Located):
    title: str
    number: str | None = None
    activities: list[Activity] = field(default_factory=list)
    sections: list["Section"] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title


@dataclass
class Column(Located):
    field: str
    header: str


@dataclass
class Table(Located):
    columns: list[Column]
    title: str | None = None
    column_numbers: bool = False
    activities: list[Activity] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)

    def has_column(self, name: str) -> bool:
        return any(column.field == name for column in self.columns)


@dataclass
class OrderItem(Located):
    text: str
    number: str | None = None
    list_items: list[str] = field(default_factory=list)


@dataclass
class Order(Located):
    kind: str | None = None
    number: str | None = None
    date: date | None = None
    place: str | None = None
    title: str | None = None
    preamble: str | None = None
    items: list[OrderItem] = field(default_factory=list)
    signatory: Person | None = None


@dataclass
class Approval(Located):
    position: str
    name: str
    word: str | None = None
    date: date | None = None


@dataclass
class Appendix(Located):
    to: str
    number: str | None = None


@dataclass
class Preamble(Located):
    problem: str | None = None
    goal: str | None = None
    tasks: list[str] = field(default_factory=list)


@dataclass
class Pair(Located):
    school: str
    partner: str


@dataclass
class Authority(Located):
    name: str
    short: str | None = None
    letterhead: list[str] = field(default_factory=list)  # the order's blank, line by line («бланк»)


@dataclass
class Dates(Located):
    """A window of the school calendar: ``с`` … ``по`` (None when a date is not a valid date)."""

    start: date | None
    end: date | None


@dataclass
class SchoolYearDates(Located):
    """One school year of the roadmap's own school calendar (``учебный_календарь``).

    ``key`` is the school year as written ("2025-2026"), ``year`` its first year (None when
    the key is not two neighbouring years); ``holidays`` by Russian key (осенние …)."""

    key: str
    year: int | None
    quarters: list[Dates] = field(default_factory=list)
    trimesters: list[Dates] = field(default_factory=list)
    holidays: dict[str, Dates] = field(default_factory=dict)


@dataclass
class Placed:
    """An activity with where it stands: its table, its section path and its parent activity."""

    activity: Activity
    table_index: int
    sections: tuple[Section, ...]
    parent: Activity | None = None

    @property
    def section_titles(self) -> list[str]:
        return [section.heading for section in self.sections]


@dataclass
class Roadmap(Located):
    file: str
    authority: Authority
    municipality: str
    title: str
    period_text: str
    tables: list[Table]
    format_version: int = 1
    region: str | None = None
    order: Order | None = None
    approval: Approval | None = None
    appendix: Appendix | None = None
    preamble: Preamble | None = None
    working_group: list[Person] = field(default_factory=list)
    schools: list[str] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    parties: dict[str, Party] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    school_calendar: list[SchoolYearDates] = field(default_factory=list)

    def placed_activities(self) -> Iterator[Placed]:
        """Every numbered row in document order, children right after their parent."""
        for index, table in enumerate(self.tables):
            yield from _walk_activities(table.activities, index, ())
            for section in table.sections:
                yield from _walk_section(section, index, ())

    def activities(self) -> Iterator[Activity]:
        for placed in self.placed_activities():
            yield placed.activity

    def sections(self) -> Iterator[tuple[int, tuple[Section, ...]]]:
        """Every section with its ancestors (the path ends with the section itself)."""
        def walk(section: Section, index: int, path: tuple[Section, ...]):
            here = path + (section,)
            yield index, here
            for child in section.sections:
                yield from walk(child, index, here)

        for index, table in enumerate(self.tables):
            for section in table.sections:
                yield from walk(section, index, ())

    def party(self, name: str) -> Party | None:
        """The directory entry for ``name``: a key, one of its aliases, its full name
        (``полное``); the authority's full and short names (``орган``) are one party, the entry
        under either of them."""
        found = self._entry(name)
        if found is not None:
            return found
        if _spaced(name) in self.authority_names():
            for other in self.authority_names():
                found = self._entry(other)
                if found is not None:
                    return found
        return None

    def authority_names(self) -> list[str]:
        """The authority's short name and its full name, as written (spacing normalised)."""
        names = [_spaced(self.authority.short), _spaced(self.authority.name)]
        return [n for n in dict.fromkeys(names) if n]

    def authority_party(self) -> Party | None:
        """The directory entry of the authority, under its short or its full name."""
        for name in self.authority_names():
            found = self._entry(name)
            if found is not None:
                return found
        return None

    def _entry(self, name: str) -> Party | None:
        found = self.parties.get(name)
        if found is not None:
            return found
        for party in self.parties.values():
            if name in party.aliases:
                return party
        wanted = _spaced(name)
        for party in self.parties.values():
            if party.full_name and _spaced(party.full_name) == wanted:
                return party
        return None


def _spaced(text: str | None) -> str:
    return " ".join((text or "").split())


def _walk_activities(activities, index, sections, parent=None):
    for activity in activities:
        yield Placed(activity, index, sections, parent)
        yield from _walk_activities(activity.children, index, sections, activity)


def _walk_section(section, index, path):
    here = path + (section,)
    yield from _walk_activities(section.activities, index, here)
    for child in section.sections:
        yield from _walk_section(child, index, here)
