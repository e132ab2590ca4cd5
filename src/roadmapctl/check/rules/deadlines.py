"""RM4xx: deadlines, read by the deadline grammar (see shared/deadlines.md)."""

from __future__ import annotations

from roadmapctl.check.diagnostics import Severity
from roadmapctl.check.registry import Finding, rule

_WARNING_RULES = {
    "unknown": "RM402",
    "impossible_date": "RM402",
    "year_inferred": "RM403",
    "typo": "RM404",
    "outside_period": "RM405",
}


def _deadline_items(ctx):
    """(owner, key-span, text, override) for every activity and sub-item that states a deadline."""
    for activity in ctx.roadmap.activities():
        yield activity, activity
        for item in activity.subitems:
            if item.deadline or item.override:
                yield activity, item


def _terms(ctx):
    return ctx.shared("deadline_terms", _read_terms)


def _read_terms(ctx):
    from roadmapctl.deadlines import OverrideError
    from roadmapctl.terms import item_term

    period = ctx.period
    out = []
    if period is None:
        return out
    for activity, item in _deadline_items(ctx):
        if not (item.deadline or item.override):
            continue
        try:
            term = item_term(item, period)
        except OverrideError as exc:
            out.append((activity, item, None, str(exc)))
            continue
        out.append((activity, item, term, None))
    return out


def _warnings(ctx, code):
    for activity, item, term, _error in _terms(ctx):
        if term is None or item.override:
            continue
        found = [w for w in _all_warnings(term) if _WARNING_RULES.get(w.code) == code]
        if not found:
            continue
        # one finding per deadline: "Октябрь – май" infers two years, but it is one text to fix
        first = found[0]
        span = item.at("срок")
        if first.end > first.start and item.deadline:
            span = ctx.locate_span(span, item.deadline, first.start, first.end)
        yield Finding(span, f"срок «{term.text}» (мероприятие «{activity.number}»): {_join([w.message for w in found])}")


def _join(messages: list[str]) -> str:
    """'год не указан: принят 2020 (…)' twice → 'год не указан: принят 2020 (…); принят 2021 (…)'."""
    messages = list(dict.fromkeys(messages))
    heads = {m.split(": ", 1)[0] for m in messages}
    if len(messages) > 1 and len(heads) == 1 and all(": " in m for m in messages):
        return f"{heads.pop()}: " + "; ".join(m.split(": ", 1)[1] for m in messages)
    return "; ".join(messages)


def _all_warnings(term):
    seen = list(term.warnings)
    for part in term.parts:
        seen.extend(w for w in _all_warnings(part) if w not in seen)
    return seen


@rule("RM401", "no-deadline", Severity.WARNING, "У мероприятия нет срока", """
Без срока нельзя сказать, выполнено ли мероприятие вовремя: отчёты покажут его как
«срок не определён». Мероприятия, у которых сроки указаны во вложенных мероприятиях или
в подпунктах, не отмечаются.

Неправильно:
    - номер: "13"
      мероприятие: Внедрение ЦОС

Правильно:
    - номер: "13"
      мероприятие: Внедрение ЦОС
      срок: Декабрь 2023 года
""")
def no_deadline(ctx):
    for activity in ctx.roadmap.activities():
        if activity.children or activity.has_deadline:
            continue
        yield Finding(activity.at("номер"), f"у мероприятия «{activity.number}» не указан срок", "добавьте ключ «срок»")


@rule("RM402", "unknown-deadline", Severity.WARNING, "Срок не удалось прочитать", """
Слова срока не подошли ни к одному правилу чтения сроков или дата невозможна («30 февраля»).
Документ остаётся верным, но отчёты покажут мероприятие как «срок не определён». Посмотреть,
как читается срок: `roadmapctl explain "текст"`. Если слова необычны, укажите даты явно
в `срок_явно` — тогда текст только показывается.

Неправильно:
    срок: в начале весны

Правильно:
    срок: в начале весны
    срок_явно:
      даты: [2021-03-31]
""")
def unknown_deadline(ctx):
    yield from _warnings(ctx, "RM402")


@rule("RM403", "year-inferred", Severity.WARNING, "Год срока не указан и выведен из периода", """
Срок «август» в дорожной карте на 2021-2022 годы прочитан как август 2021 года — первый
август периода. Если имелся в виду другой год, допишите его.

Неправильно:
    срок: август

Правильно:
    срок: август 2021 года
""")
def year_inferred(ctx):
    yield from _warnings(ctx, "RM403")


@rule("RM404", "deadline-typo", Severity.WARNING, "Опечатка в сроке", """
Срок прочитан, несмотря на опечатку в длинном слове («По отделному графику»). В официальном
документе опечатку стоит исправить.

Неправильно:
    срок: По отделному графику

Правильно:
    срок: По отдельному графику
""")
def deadline_typo(ctx):
    yield from _warnings(ctx, "RM404")


@rule("RM405", "deadline-outside-period", Severity.WARNING, "Срок вне периода дорожной карты", """
Дата срока позже окончания или раньше начала периода дорожной карты. Срок сохраняется как
есть, но стоит проверить год или период.

Неправильно:
    период: 2021-2022
    срок: Сентябрь 2023 года

Правильно:
    период: 2021-2023
    срок: Сентябрь 2023 года
""")
def deadline_outside_period(ctx):
    yield from _warnings(ctx, "RM405")


@rule("RM406", "bad-override", Severity.ERROR, "Явно указанный срок записан неверно", """
В `срок_явно` должен быть ровно один вид срока: `даты` (список дат), `с` и `по` (окно),
`повтор` (с необязательными `день` и `месяц`), `постоянно: true` или `по_графику: true`.

Неправильно:
    срок_явно:
      даты: [2021-05-31]
      повтор: ежемесячно

Правильно:
    срок_явно:
      даты: [2021-05-31]
""")
def bad_override(ctx):
    for activity, item, term, error in _terms(ctx):
        if error:
            yield Finding(item.at("срок_явно"), f"мероприятие «{activity.number}»: {error}")
