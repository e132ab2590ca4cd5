"""RM3xx: responsible parties — presence, the directory, spelling variants."""

from __future__ import annotations

import difflib
import re
from collections import Counter

from roadmapctl.check.diagnostics import Fix, Severity
from roadmapctl.check.registration import Finding, rule
from roadmapctl.document import fields
from roadmapctl.textutil import digits, fold_to_alnum, near_spelling, plural, words


def _all_refs(ctx):
    """(ref, activity) for every responsible named in activities and their sub-items."""
    for activity in ctx.activities():
        for ref in activity.responsible:
            yield ref, activity
        for item in activity.subitems:
            for ref in item.responsible:
                yield ref, activity


@rule("RM301", "unknown-party", Severity.WARNING, "Ответственный не найден в справочнике участников", """
Каждый ответственный в таблице должен быть ключом справочника `участники` (или его синонимом):
так отчёты знают, кто это, и собирают задания одной организации вместе. Подсказка предлагает
похожее имя из справочника. Отчёт «без ответственного» считает такое мероприятие неназначенным.

Неправильно:
    участники:
      РУО:
    ...
    ответственные: [РОУ]

Правильно:
    ответственные: [РУО]
""", scope="activity")
def unknown_party(ctx):
    roadmap = ctx.roadmap
    for ref, _activity in _all_refs(ctx):
        if roadmap.party(ref.name) is None:
            yield Finding(ref.span, f"ответственный «{ref.name}» не найден в справочнике участников",
                          unknown_party_hint(roadmap, ref.name))
    for name, what, span in [(s, "целевая школа", roadmap.at("школы")) for s in roadmap.schools] + [
        (n, "школа пары", p.span) for p in roadmap.pairs for n in (p.school, p.partner)
    ]:
        if roadmap.party(name) is None:
            yield Finding(span, f"{what} «{name}» не найдена в справочнике участников", unknown_party_hint(roadmap, name))
    for party in roadmap.parties.values():
        for member in party.members:
            if roadmap.party(member) is None:
                yield Finding(party.at("состав"), f"участник «{member}» из состава «{party.key}» не найден в справочнике")


def _leads(short: str, full: str) -> bool:
    """``short`` is ``full`` written differently (case, quotes, spacing) or its first two or more
    words: «Управление образования» of «Управление образования администрации города Мценска»."""
    if fold_to_alnum(short) == fold_to_alnum(full):
        return True
    ws, wf = [w.lower() for w in words(short)], [w.lower() for w in words(full)]
    return len(ws) >= 2 and len(ws) < len(wf) and wf[:len(ws)] == ws


def unknown_party_hint(roadmap, name: str) -> str:
    """What to do about a name the directory does not know, never leading to a second entry for
    a party it already has: the authority (full and short name are one party), an entry whose
    key, full name or synonym this name shortens or spells differently, a near spelling; only a
    name that is none of these is to be added."""
    authority = roadmap.authority_names()
    entry = roadmap.authority_party()
    if any(_leads(name, other) for other in authority):
        if entry is not None:
            return _use(entry, name)
        key, full = authority[0], authority[-1]
        extra = f" и «полное: {full}»" if full != key else ""
        return (f"это орган, который утверждает дорожную карту; добавьте в справочник «участники» одну запись "
                f"«{key}» с «вид: орган»{extra} и пишите везде «{key}»")
    for party in roadmap.parties.values():
        if any(_leads(name, other) for other in [party.key, party.full_name, *party.aliases] if other):
            return _use(party, name)
    names = {n: p for p in roadmap.parties.values() for n in [p.key, *p.aliases, p.full_name] if n}
    close = difflib.get_close_matches(name, list(names), n=1, cutoff=0.75)
    if close:
        party = names[close[0]]
        return f"возможно, имелось в виду «{party.key}»?"
    return f"добавьте «{name}» в справочник «участники»"


def _use(party, name: str) -> str:
    full = f" ({party.full_name})" if party.full_name and party.full_name != party.key else ""
    return (f"это участник «{party.key}»{full}, он уже есть в справочнике: напишите «{party.key}» или добавьте "
            f"«{name}» в «синонимы» у «{party.key}»")


@rule("RM302", "party-variant", Severity.WARNING, "Один участник записан по-разному", """
Одна и та же организация записана по-разному: «МКУ «ЦНППМ г.Тулы»» и «МКУ «ЦНППИМ г.Тулы»»,
«руководители общеобразовательных организаций» и «руководители общественных организаций».
Это опечатка в официальном документе, и отчёты по ответственным разделят задания одной
организации. Замечание ставится у более редкого написания. Если это одно и то же, исправьте
написание или укажите вариант в `синонимы`; если это действительно разные участники, оставьте
как есть и допишите в конце строки `# noqa: RM302` — тогда проверка больше не будет об этом
напоминать.

Неправильно:
    ответственные: [МКУ «ЦНППИМ г.Тулы»]   # в остальных строках — «ЦНППМ»

Правильно:
    ответственные: [МКУ «ЦНППМ г.Тулы»]
""", fix="varies", reads=(fields.RESPONSIBLE.key,))
def party_variant(ctx):
    roadmap = ctx.roadmap
    usage = Counter(ref.name for ref, _ in _all_refs(ctx))
    names = list(dict.fromkeys(list(roadmap.parties) + list(usage)))
    acknowledged = {(p.key, a) for p in roadmap.parties.values() for a in p.aliases}
    order = {name: i for i, name in enumerate(names)}
    rare_of: dict[str, str] = {}
    # near_spelling never pairs names with different numbers: only names with the same numbers
    # are compared (in the same order as all pairs would be)
    same_numbers: dict[tuple[str, ...], list[int]] = {}
    for i, name in enumerate(names):
        same_numbers.setdefault(digits(name), []).append(i)
    later = {i: group[k + 1:] for group in same_numbers.values() for k, i in enumerate(group)}
    for i, a in enumerate(names):
        for b in (names[j] for j in later[i]):
            if (a, b) in acknowledged or (b, a) in acknowledged or not near_spelling(a, b):
                continue
            # the rarer spelling is the suspect; on a tie, the one that appears later
            frequent, rare = (a, b) if (usage[a], -order[a]) >= (usage[b], -order[b]) else (b, a)
            rare_of.setdefault(rare, frequent)
    for ref, _activity in _all_refs(ctx):
        if ref.name in rare_of:
            other = rare_of[ref.name]
            count = usage[other]
            times = f"встречается {plural(count, 'раз', 'раза', 'раз')}" if count else "есть в справочнике"
            yield Finding(ref.span, f"«{ref.name}» похоже на «{other}» ({times}): {_how_different(ref.name, other)}",
                          "выберите одно написание и исправьте остальные; если это действительно разные участники, "
                          "допишите в конце строки «# noqa: RM302», и проверка больше не будет об этом напоминать",
                          _spelling_fix(ctx, ref, other))
    for name, other in rare_of.items():
        if usage[name] == 0 and name in roadmap.parties:
            yield Finding(roadmap.parties[name].span, f"участник «{name}» похож на «{other}»: " + (
                          _how_different(name, other) if _invisible_only(name, other) else "возможно, это одно и то же"),
                          _variant_entry_hint(roadmap, name, other))


def _variant_entry_hint(roadmap, name: str, other: str) -> str:
    """For a directory entry ``name`` that no row uses and that looks like ``other``: synonyms go
    on an entry that exists, so the hint names the one that does."""
    if roadmap.party(other) is not None:
        return (f"если это один участник, удалите запись «{name}» и укажите «{name}» в синонимах «{other}»")
    return f"если это один участник, укажите «{other}» в синонимах «{name}»"


_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\u00ad]")


def _invisible_only(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ only by characters one does not see."""
    return a != b and _INVISIBLE.sub("", a) == _INVISIBLE.sub("", b)


def _how_different(name: str, other: str) -> str:
    if _invisible_only(name, other):
        found = sorted({f"U+{ord(c):04X}" for c in _INVISIBLE.findall(name + other)})
        return f"написания отличаются только невидимым символом ({', '.join(found)}) — удалите его"
    return "возможно, один участник записан по-разному"


def _spelling_fix(ctx, ref, other: str) -> Fix | None:
    """Write ``ref`` as the directory writes the party. Safe only when the variant is not itself
    in the directory: two directory entries may be two parties, so an editor only offers it."""
    roadmap = ctx.roadmap
    if roadmap.party(other) is None:
        return None
    edit = ctx.value_edit(ref.at("кто"), ref.name, other)
    if edit is None:
        return None
    return Fix(f"Записать как в справочнике: «{other}»", (edit,), safe=roadmap.party(ref.name) is None)


@rule("RM303", "no-responsible", Severity.WARNING, "У мероприятия нет ответственного", """
Мероприятие без ответственного никто не выполнит. Если в утверждённом документе ответственный
не указан, замечание фиксирует это; исправить можно только новым приказом. Мероприятия, у
которых ответственные указаны во вложенных мероприятиях или в каждом подпункте, не отмечаются.

Неправильно:
    - номер: "9"
      мероприятие: Формирование программ развития ОО

Правильно:
    - номер: "9"
      мероприятие: Формирование программ развития ОО
      ответственные: [РУО, ОО]
""", scope="activity")
def no_responsible(ctx):
    for activity in ctx.activities():
        if activity.children or activity.has_responsible:
            continue
        yield Finding(activity.at(fields.NUMBER.key), f"у мероприятия «{activity.number}» не указан ответственный",
                      f"добавьте ключ «{fields.RESPONSIBLE.key}»")
