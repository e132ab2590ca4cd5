"""RM4xx: deadlines, read by the deadline grammar, and the school calendar they follow (see
docs/deadlines.md)."""

from __future__ import annotations

from roadmapctl.check.diagnostics import Severity
from roadmapctl.check.registration import Finding, rule
from roadmapctl.document import fields
from roadmapctl.textutil import ru_date

_WARNING_RULES = {
    "unknown": "RM402",
    "impossible_date": "RM402",
    "year_inferred": "RM403",
    "typo": "RM404",
    "outside_period": "RM405",
}


def _deadline_items(ctx):
    """(owner, key-span, text, override) for every activity and sub-item that states a deadline."""
    for activity in ctx.activities():
        yield activity, activity
        for item in activity.subitems:
            if item.deadline or item.override:
                yield activity, item


def _terms(ctx):
    return ctx.shared("deadline_terms", _read_terms)


def _read_terms(ctx):
    from roadmapctl.deadlines import OverrideError
    from roadmapctl.document.schedule import item_term

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


def _warned(ctx) -> list:
    """(activity, item, term, its warnings by the rule that reports them) for each deadline with
    warnings: gathered once for the four rules that report them."""
    out = []
    for activity, item, term, _error in _terms(ctx):
        if term is None or item.override:
            continue
        by_rule: dict[str, list] = {}
        for warning in _all_warnings(term):
            code = _WARNING_RULES.get(warning.code)
            if code is not None:
                by_rule.setdefault(code, []).append(warning)
        if by_rule:
            out.append((activity, item, term, by_rule))
    return out


def _warnings(ctx, code):
    for activity, item, term, by_rule in ctx.shared("deadline-warnings", _warned):
        found = by_rule.get(code)
        if not found:
            continue
        # one finding per deadline: "Октябрь – май" infers two years, but it is one text to fix
        first = found[0]
        span = item.at(fields.DEADLINE.key)
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
""", scope="activity")
def no_deadline(ctx):
    for activity in ctx.activities():
        if activity.children or activity.has_deadline:
            continue
        yield Finding(activity.at(fields.NUMBER.key), f"у мероприятия «{activity.number}» не указан срок",
                      f"добавьте ключ «{fields.DEADLINE.key}»")


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
""", scope="activity")
def unknown_deadline(ctx):
    yield from _warnings(ctx, "RM402")


@rule("RM403", "year-inferred", Severity.WARNING, "Год срока не указан и выведен из периода", """
Срок «август» в дорожной карте на 2021-2022 годы прочитан как август 2021 года — первый
август периода. Если имелся в виду другой год, допишите его.

Неправильно:
    срок: август

Правильно:
    срок: август 2021 года
""", scope="activity")
def year_inferred(ctx):
    yield from _warnings(ctx, "RM403")


@rule("RM404", "deadline-typo", Severity.WARNING, "Опечатка в сроке", """
Срок прочитан, несмотря на опечатку в длинном слове («По отделному графику»). В официальном
документе опечатку стоит исправить.

Неправильно:
    срок: По отделному графику

Правильно:
    срок: По отдельному графику
""", scope="activity")
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
""", scope="activity")
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
""", scope="activity")
def bad_override(ctx):
    for activity, item, _term, error in _terms(ctx):
        if error:
            yield Finding(item.at(fields.OVERRIDE.key), f"мероприятие «{activity.number}»: {error}")


# ---- the roadmap's own school calendar (учебный_календарь) --------------------------------------

_HOLIDAY_GEN = {"осенние": "осенних", "зимние": "зимних", "весенние": "весенних", "летние": "летних"}
# holidays and the quarters they stand between (летние: after the last one)
_BETWEEN = {"осенние": (1, 2), "зимние": (2, 3), "весенние": (3, 4), "летние": (4, None)}


def _roman(number: int) -> str:
    """A quarter's or trimester's number as messages write it: I–IV, digits beyond."""
    from roadmapctl.deadlines.calendar_units import ROMAN

    return ROMAN[number] if number < len(ROMAN) else str(number)


def _windows(entry):
    """(name, Dates) of every window of a school year, in the order written: quarters,
    trimesters, holidays."""
    for i, dates in enumerate(entry.quarters, 1):
        yield f"{_roman(i)} четверть", dates
    for i, dates in enumerate(entry.trimesters, 1):
        yield f"{_roman(i)} триместр", dates
    for key, dates in entry.holidays.items():
        yield f"{key} каникулы", dates


@rule("RM407", "school-calendar-dates", Severity.ERROR, "Даты учебного календаря вне своего учебного года", """
Каждый учебный год календаря (ключ вида `2025-2026`) — это два соседних года, с 1 сентября
первого по 31 августа второго. Даты его четвертей, триместров и каникул должны лежать внутри
этого учебного года, и окончание не может быть раньше начала. Иначе сроки «II четверть» или
«в период осенних каникул» прочитаются неверно.

Неправильно:
    учебный_календарь:
      "2025-2026":
        каникулы:
          осенние: {с: 2024-10-25, по: 2024-11-04}

Правильно:
    учебный_календарь:
      "2025-2026":
        каникулы:
          осенние: {с: 2025-10-25, по: 2025-11-04}
""", scope="activity")
def school_calendar_dates(ctx):
    from datetime import date

    for entry in ctx.roadmap.school_calendar:
        if entry.year is None:
            yield Finding(entry.span, f"«{entry.key}» — не учебный год: учебный год охватывает два соседних года, "
                                      "например 2025-2026")
            continue
        first, last = date(entry.year, 9, 1), date(entry.year + 1, 8, 31)
        for name, dates in _windows(entry):
            if dates.start is None or dates.end is None:
                continue  # not a date: the schema says so (RM105)
            if dates.end < dates.start:
                yield Finding(dates.at("по"), f"учебный год {entry.key}: {name} заканчивается ({ru_date(dates.end)}) "
                                              f"раньше, чем начинается ({ru_date(dates.start)})")
                continue
            for key, day in (("с", dates.start), ("по", dates.end)):
                if not first <= day <= last:
                    yield Finding(dates.at(key), f"учебный год {entry.key}: дата {ru_date(day)} ({name}) вне учебного года "
                                                 f"({ru_date(first)}–{ru_date(last)})",
                                  "проверьте год в дате или ключ учебного года")


@rule("RM408", "school-calendar-order", Severity.ERROR, "Четверти или триместры не по порядку или пересекаются", """
Четверти (и триместры) перечисляются по порядку: каждая следующая начинается после того, как
закончилась предыдущая. Если они перепутаны или налезают друг на друга, непонятно, какой
день к какой четверти относится.

Неправильно:
    четверти:
      - {с: 2025-09-01, по: 2025-10-24}
      - {с: 2025-10-20, по: 2025-12-28}
      …

Правильно:
    четверти:
      - {с: 2025-09-01, по: 2025-10-24}
      - {с: 2025-11-05, по: 2025-12-28}
      …
""", scope="activity")
def school_calendar_order(ctx):
    for entry in ctx.roadmap.school_calendar:
        for unit, word, items in (("четверть", "четверти", entry.quarters), ("триместр", "триместра", entry.trimesters)):
            previous = None
            for i, dates in enumerate(items, 1):
                if dates.start is None or dates.end is None or dates.end < dates.start:
                    previous = None
                    continue
                if previous is not None and dates.start <= previous[1].end:
                    yield Finding(dates.at("с"), f"учебный год {entry.key}: {_roman(i)} {unit} начинается "
                                                 f"({ru_date(dates.start)}) до окончания {_roman(previous[0])} {word} "
                                                 f"({ru_date(previous[1].end)})",
                                  "перечислите четверти по порядку без пересечений" if unit == "четверть"
                                  else "перечислите триместры по порядку без пересечений")
                previous = (i, dates)


@rule("RM409", "school-calendar-holidays", Severity.ERROR, "Каникулы не между четвертями", """
Каникулы лежат между четвертями: осенние — между I и II, зимние — между II и III, весенние —
между III и IV, летние — после IV (или после последнего триместра). Каникулы, которые
налезают на четверть, — ошибка в датах.

Неправильно:
    учебный_календарь:
      "2025-2026":
        четверти:
          - {с: 2025-09-01, по: 2025-10-24}
          - {с: 2025-11-05, по: 2025-12-28}
          - {с: 2026-01-12, по: 2026-03-27}
          - {с: 2026-04-06, по: 2026-05-26}
        каникулы:
          осенние: {с: 2025-10-20, по: 2025-11-04}

Правильно:
        каникулы:
          осенние: {с: 2025-10-25, по: 2025-11-04}
""", scope="activity")
def school_calendar_holidays(ctx):
    def valid(dates):
        return dates.start is not None and dates.end is not None and dates.start <= dates.end

    for entry in ctx.roadmap.school_calendar:
        quarters = entry.quarters if len(entry.quarters) == 4 and all(valid(q) for q in entry.quarters) else None
        trimesters = entry.trimesters if len(entry.trimesters) == 3 and all(valid(t) for t in entry.trimesters) else None
        for key, dates in entry.holidays.items():
            if key not in _BETWEEN or not valid(dates):
                continue
            genitive = f"{_HOLIDAY_GEN[key]} каникул"
            after, before = _BETWEEN[key]
            if quarters is not None:
                prev = quarters[after - 1]
                if dates.start <= prev.end:
                    yield Finding(dates.at("с"), f"учебный год {entry.key}: начало {genitive} ({ru_date(dates.start)}) "
                                                 f"не позже конца {_roman(after)} четверти ({ru_date(prev.end)})",
                                  f"каникулы начинаются после {_roman(after)} четверти")
                if before is not None and dates.end >= quarters[before - 1].start:
                    nxt = quarters[before - 1]
                    yield Finding(dates.at("по"), f"учебный год {entry.key}: конец {genitive} ({ru_date(dates.end)}) "
                                                  f"не раньше начала {_roman(before)} четверти ({ru_date(nxt.start)})",
                                  f"каникулы заканчиваются до {_roman(before)} четверти")
            elif key == "летние" and trimesters is not None and dates.start <= trimesters[-1].end:
                yield Finding(dates.at("с"), f"учебный год {entry.key}: начало летних каникул ({ru_date(dates.start)}) "
                                             f"не позже конца III триместра ({ru_date(trimesters[-1].end)})",
                              "летние каникулы начинаются после последнего триместра")
