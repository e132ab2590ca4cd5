"""A party's view of the roadmaps: which activities fall on a party.

``--party`` takes a name as the tables write it, a directory key, its full name (``полное``),
one of its aliases (``синонимы``), or the authority's name or short name. An activity falls on
the party when one of its responsible parties (its own or a sub-item's) is that party, is a
group that lists it among its members (``состав``), or — for a target school — is a generic
school group ("ОО", "руководители ОО", "общеобразовательные организации", …), which stands for
every target school of the roadmap (``школы``; when a roadmap lists none, the directory entries
of kind «школа»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable

from roadmapctl.document.model import Party, Placed, Ref, Roadmap

_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "'": '"', "–": "-", "—": "-", "ё": "е"})
_GENERIC = re.compile(
    r"^(?:(?:руководител\w*|директор\w*|администраци\w*|административн\w* команд\w*|управленческ\w* команд\w*"
    r"|педагог\w*|педагогическ\w* коллектив\w*)\s+)?"
    r"(?:оо|оу|школ\w*|общеобразовательн\w+\s+(?:организаци\w*|учреждени\w*)|образовательн\w+\s+(?:организаци\w*|учреждени\w*))$"
)


@lru_cache(maxsize=65536)
def norm(name: str | None) -> str:
    """A name for comparison: case, quotes, dashes, ё and spacing do not matter ("№ 2" = "№2")."""
    if not name:
        return ""
    text = name.casefold().translate(_QUOTES)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"№\s+", "№", text)


def is_generic_school_group(name: str) -> bool:
    return bool(_GENERIC.match(norm(name)))


def _names(party: Party | None) -> set[str]:
    if party is None:
        return set()
    return {norm(n) for n in [party.key, party.full_name, *party.aliases] if n}


def identity(roadmap: Roadmap, name: str) -> str:
    """The party ``name`` stands for, as the directory knows it: its full name (``полное``) or
    key, the authority's full name for any spelling of the authority («УО» and «Управление
    образования администрации Абанского района» are one); the name itself when the directory does
    not know it. The same resolution as ``--party`` (``resolve``)."""
    authority = {norm(n) for n in roadmap.authority_names()}
    party = roadmap.party(name)
    if norm(name) in authority or (party is not None and _names(party) & authority):
        return " ".join((roadmap.authority.name or roadmap.authority.short or name).split())
    if party is None:
        return " ".join(name.split())
    return " ".join((party.full_name or party.key).split())


def identities(roadmap: Roadmap, refs: Iterable[Ref]) -> tuple[str, ...]:
    """The parties of ``refs`` by their identity (see ``identity``), once each, in order."""
    out: dict[str, str] = {}
    for ref in refs:
        name = identity(roadmap, ref.name)
        out.setdefault(norm(name), name)
    return tuple(out.values())


def target_schools(roadmap: Roadmap) -> list[str]:
    if roadmap.schools:
        return list(roadmap.schools)
    return [key for key, party in roadmap.parties.items() if (party.kind or "") == "школа"]


@dataclass
class PartyView:
    """The query resolved in one roadmap: the set of names that mean the party."""

    query: str
    names: set[str]
    school: bool

    @property
    def found(self) -> bool:
        return bool(self.names)

    def covers(self, roadmap: Roadmap, ref: Ref) -> bool:
        party = roadmap.party(ref.name)
        names = {norm(ref.name)} | _names(party)
        if names & self.names:
            return True
        if party is not None and {norm(m) for m in party.members} & self.names:
            return True
        return self.school and is_generic_school_group(ref.name)

    def select(self, roadmap: Roadmap) -> Callable[[Placed], bool]:
        def chosen(placed: Placed) -> bool:
            activity = placed.activity
            refs = list(activity.responsible) + [r for item in activity.subitems for r in item.responsible]
            return any(self.covers(roadmap, ref) for ref in refs)

        return chosen


def resolve(roadmap: Roadmap, query: str) -> PartyView:
    """What ``query`` means in ``roadmap`` (empty names when the roadmap does not know it)."""
    wanted = norm(query)
    names: set[str] = set()
    authority = {norm(roadmap.authority.name), norm(roadmap.authority.short)} - {""}
    if wanted in authority:
        names |= authority
    for party in roadmap.parties.values():
        own = _names(party)
        if wanted in own:
            names |= own
    for ref in _all_refs(roadmap):
        if norm(ref.name) == wanted:
            names.add(wanted)
    # the authority's own spellings in the directory ("УО" and its full name) are one party
    if names & authority:
        names |= authority
        for party in roadmap.parties.values():
            if _names(party) & authority:
                names |= _names(party)
    schools = {norm(s) for s in target_schools(roadmap)}
    if wanted in schools:
        names.add(wanted)
    return PartyView(query, names, bool(names & schools))


def _all_refs(roadmap: Roadmap):
    for activity in roadmap.activities():
        yield from activity.responsible
        for item in activity.subitems:
            yield from item.responsible


def known_names(roadmaps: list[Roadmap]) -> list[str]:
    """Every party name the roadmaps know (for a hint when a query matches none)."""
    seen: dict[str, None] = {}
    for roadmap in roadmaps:
        for party in roadmap.parties.values():
            for name in [party.key, party.full_name, *party.aliases]:
                if name:
                    seen.setdefault(name)
        for school in roadmap.schools:
            seen.setdefault(school)
    return list(seen)
