"""RM2xx: numbering and structure of the tables, the period and the dates of approval."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from functools import lru_cache

from roadmapctl.check.diagnostics import Severity
from roadmapctl.check.registration import Finding, rule
from roadmapctl.document import fields
from roadmapctl.textutil import ru_date


@lru_cache(maxsize=4096)
def parts(number: str | None) -> tuple[int, ...]:
    """'4.6.1.' → (4, 6, 1); '12' → (12,); '' → (). Remembered: several rules read every number."""
    return tuple(int(x) for x in _DIGITS.findall(number or ""))


_DIGITS = re.compile(r"\d+")


def _restarting_tables(roadmap) -> set[int]:
    """Tables whose activities are numbered anew in each section (I: 1, 2, 3; II: 1, 2 …).

    A table counts when it has at least two sections with activities numbered on one level and
    every such section after the first starts again at 1: the document's own scheme, so numbers
    are unique within a section, not within the table."""
    found: set[int] = set()
    for index, table in enumerate(roadmap.tables):
        firsts: list[int] = []
        _first_numbers(table.sections, firsts)
        if len(firsts) >= 2 and all(first == 1 for first in firsts[1:]):
            found.add(index)
    return found


# The walks below are functions of the module, not nested ones: a nested function that calls
# itself holds itself in its closure, a cycle that kept the whole document (through ``ctx``)
# alive until the garbage collector's next full pass.
def _first_numbers(sections, firsts: list[int]) -> None:
    """The first number of each section (in document order) whose activities are numbered on one level."""
    for section in sections:
        numbers = [parts(a.number) for a in section.activities if a.number]
        single = [n[0] for n in numbers if len(n) == 1]
        if single and len(single) == len(numbers):
            firsts.append(single[0])
        _first_numbers(section.sections, firsts)


def _scope(ctx, placed) -> object:
    """What a number must be unique in: the table, or the section in a table numbered per section."""
    restarting = ctx.shared("numbering-restarts", lambda c: _restarting_tables(c.roadmap))
    if placed.table_index in restarting and placed.sections:
        return id(placed.sections[-1])
    return None


def _table_label(ctx, index: int) -> str:
    return f" (таблица {index + 1})" if len(ctx.roadmap.tables) > 1 else ""


@rule("RM201", "duplicate-number", Severity.ERROR, "Номер мероприятия повторяется", """
Номер мероприятия — его адрес: по нему отмечают выполнение (`roadmapctl mark ФАЙЛ 1.3`),
сравнивают версии и ссылаются в отчётах. Два мероприятия с одним номером в одной таблице
делают эти ссылки неоднозначными.

Неправильно:
    - номер: "1.2."
    - номер: "1.2."

Правильно:
    - номер: "1.2."
    - номер: "1.3."

Если в документе нумерация начинается заново в каждом разделе (раздел I: 1, 2, 3; раздел II:
1, 2 …) и так во всех разделах таблицы, номер должен быть единственным в своём разделе.
""", reads=(fields.NUMBER.key,), names_lines=True)
def duplicate_number(ctx):
    seen: dict[tuple, object] = {}
    for placed in ctx.placed():
        activity = placed.activity
        key = (placed.table_index, _scope(ctx, placed), parts(activity.number) or (activity.number,))
        if key in seen:
            first = seen[key]
            yield Finding(activity.at(fields.NUMBER.key),
                          f"номер «{activity.number}» уже есть у мероприятия в строке {first.span.line}{_table_label(ctx, placed.table_index)}",
                          "перенумеруйте мероприятие")
        else:
            seen[key] = activity


def _sequence_findings(items, what: str, label: str):
    """items: (number, parts, span) in document order, all siblings of one numbering level."""
    previous = None
    for number, nums, span in items:
        if not nums:
            continue
        last = nums[-1]
        if previous is None:
            if last > 1 and len(nums) >= 1:
                missing = ", ".join(_with_prefix(nums[:-1], k) for k in range(1, last))
                yield "gap", Finding(span, f"{what} начинается с «{number}»: нет {missing}{label}")
        else:
            prev_number, prev_last = previous
            if last > prev_last + 1:
                gap = [_with_prefix(nums[:-1], k) for k in range(prev_last + 1, last)]
                shown = ", ".join(gap[:5]) + (" …" if len(gap) > 5 else "")
                yield "gap", Finding(span, f"пропуск в нумерации: после «{prev_number}» идёт «{number}», нет {shown}{label}",
                                     "если пропуск случаен, перенумеруйте; если так в утверждённом документе, оставьте как есть")
            elif last < prev_last:
                yield "order", Finding(span, f"нарушен порядок нумерации: «{number}» стоит после «{prev_number}»{label}")
        previous = (number, last) if previous is None or last >= previous[1] else previous


def _with_prefix(prefix: tuple[int, ...], k: int) -> str:
    return ".".join(str(x) for x in prefix + (k,))


def _numbering(ctx):
    roadmap = ctx.roadmap
    # activities: siblings are those sharing a number prefix within a table
    groups: dict[tuple, list] = defaultdict(list)
    for placed in ctx.placed():
        nums = parts(placed.activity.number)
        if nums:
            groups[(placed.table_index, _scope(ctx, placed), nums[:-1])].append((placed.activity.number, nums, placed.activity.at(fields.NUMBER.key)))
    for (table_index, _scope_key, _prefix), items in groups.items():
        yield from _sequence_findings(items, "нумерация мероприятий", _table_label(ctx, table_index))
    # sections: siblings under one parent
    for index, table in enumerate(roadmap.tables):
        yield from _section_numbering(ctx, table.sections, index)


def _section_numbering(ctx, sections, table_index: int):
    items = [(s.number, parts(s.number), s.at("номер")) for s in sections if s.number]
    yield from _sequence_findings(items, "нумерация разделов", _table_label(ctx, table_index))
    for section in sections:
        yield from _section_numbering(ctx, section.sections, table_index)


def _numbering_findings(ctx, wanted: str):
    """The numbering findings of one kind ("gap" or "order"), read once for both rules."""
    for kind, finding in ctx.shared("numbering", lambda c: list(_numbering(c))):
        if kind == wanted:
            yield finding


@rule("RM202", "numbering-gap", Severity.WARNING, "Пропуск в нумерации", """
После мероприятия 27 идёт 29, после раздела 4 — раздел 6: номер пропущен. Так бывает, когда
строку удалили, а нумерацию не поправили, или когда строка потерялась при копировании.
Если пропуск есть в утверждённом документе, замечание подтверждает это; чтобы проверка больше о
нём не напоминала, допишите в конце строки комментарий `# noqa: RM202`.

Неправильно:
    - номер: "27"
    - номер: "29"

Правильно:
    - номер: "27"
    - номер: "28"
""", reads=(fields.NUMBER.key,))
def numbering_gap(ctx):
    yield from _numbering_findings(ctx, "gap")


@rule("RM203", "numbering-order", Severity.WARNING, "Нарушен порядок нумерации", """
Номера одного уровня должны возрастать в порядке документа.

Неправильно:
    - номер: "1.3."
    - номер: "1.2."

Правильно:
    - номер: "1.2."
    - номер: "1.3."
""", reads=(fields.NUMBER.key,))
def numbering_order(ctx):
    yield from _numbering_findings(ctx, "order")


@rule("RM204", "number-outside-section", Severity.WARNING, "Номер не соответствует разделу", """
Мероприятие «2.3.» в разделе «3.» или вложенное мероприятие «4.7.1.» под мероприятием «4.6.»
обычно означает ошибку нумерации или строку не в том разделе. Проверяются только составные
номера; сквозная нумерация (1, 2, … 63) по разделам не привязана.

Неправильно:
    - номер: "3."
      мероприятия:
        - номер: "2.3."

Правильно:
    - номер: "3."
      мероприятия:
        - номер: "3.3."
""", reads=(fields.NUMBER.key,))
def number_outside_section(ctx):
    for placed in ctx.placed():
        nums = parts(placed.activity.number)
        if len(nums) < 2:
            continue
        if placed.parent is not None:
            parent_nums = parts(placed.parent.number)
            if parent_nums and nums[:-1] != parent_nums:
                yield Finding(placed.activity.at(fields.NUMBER.key),
                              f"вложенное мероприятие «{placed.activity.number}» стоит под мероприятием «{placed.parent.number}»")
            continue
        numbered = [s for s in placed.sections if s.number]
        if not numbered:
            continue
        section = numbered[-1]
        section_nums = parts(section.number)
        if len(nums) - 1 == len(section_nums) and nums[:-1] != section_nums:
            yield Finding(placed.activity.at(fields.NUMBER.key),
                          f"мероприятие «{placed.activity.number}» стоит в разделе «{section.heading}»",
                          "перенесите мероприятие в нужный раздел или исправьте номер")
    for _index, path in ctx.roadmap.sections():
        if len(path) < 2 or not path[-1].number or not path[-2].number:
            continue
        nums, parent = parts(path[-1].number), parts(path[-2].number)
        if len(nums) == len(parent) + 1 and nums[:-1] != parent:
            yield Finding(path[-1].at("номер"), f"подраздел «{path[-1].number}» стоит в разделе «{path[-2].number}»")


@rule("RM205", "bad-period", Severity.ERROR, "Период дорожной карты не читается или конец раньше начала", """
Все сроки читаются относительно периода дорожной карты, поэтому он должен быть понятен:
`2021-2022` (календарные годы), `2020-2021 учебный год` или `2021-01-01..2022-12-31`.

Неправильно:
    период: 2022-2021

Правильно:
    период: 2021-2022
""", scope="activity")
def bad_period(ctx):
    if ctx.period is None:
        yield Finding(ctx.roadmap.at("период"), f"период «{ctx.roadmap.period_text}» не прочитан: {ctx.period_reason}",
                      "пишите так: 2021-2022, 2020-2021 учебный год или 2021-01-01..2022-12-31")


@rule("RM206", "approval-outside-period", Severity.WARNING, "Дата утверждения вне периода дорожной карты", """
Дорожную карту утверждают до начала или в начале её периода. Дата приказа или грифа
утверждения после окончания периода или больше чем за год до его начала почти всегда означает
опечатку в дате или в периоде.

Неправильно:
    период: 2021-2022
    приказ: {дата: 2023-03-18}

Правильно:
    период: 2021-2022
    приказ: {дата: 2021-03-18}
""", scope="activity")
def approval_outside_period(ctx):
    period = ctx.period
    if period is None:
        return
    roadmap = ctx.roadmap
    dated = []
    if roadmap.order and roadmap.order.date:
        dated.append(("дата документа", roadmap.order.date, roadmap.order.at("дата")))
    if roadmap.approval and roadmap.approval.date:
        dated.append(("дата утверждения", roadmap.approval.date, roadmap.approval.at("дата")))
    earliest = date(period.start.year - 1, period.start.month, min(period.start.day, 28))
    for what, when, span in dated:
        if when > period.end:
            yield Finding(span, f"{what} {ru_date(when)} позже окончания периода дорожной карты ({ru_date(period.start)}–{ru_date(period.end)})")
        elif when < earliest:
            yield Finding(span, f"{what} {ru_date(when)} более чем на год раньше начала периода дорожной карты ({ru_date(period.start)}–{ru_date(period.end)})")


@rule("RM207", "number-style", Severity.WARNING, "Номера одного уровня записаны по-разному", """
В одной таблице номера одного уровня пишут единообразно: либо все с точкой в конце («26.»,
«2.1.»), либо все без неё («27», «2.1»). Разнобой («26.», затем «27») обычно остаётся после
правки документа. Замечание ставится у номеров, записанных реже.

Неправильно:
    - номер: "26."
    - номер: "27"

Правильно:
    - номер: "26."
    - номер: "27."
""", reads=(fields.NUMBER.key,))
def number_style(ctx):
    groups: dict[tuple, list[tuple[str, object]]] = {}
    for placed in ctx.placed():
        number = placed.activity.number
        if parts(number):
            groups.setdefault((placed.table_index, "мероприятий", len(parts(number))), []).append((number, placed.activity.at(fields.NUMBER.key)))
    for index, path in ctx.roadmap.sections():
        number = path[-1].number
        if number and parts(number):
            groups.setdefault((index, "разделов", len(parts(number))), []).append((number, path[-1].at("номер")))
    for (table_index, what, _depth), items in groups.items():
        dotted = [item for item in items if item[0].rstrip().endswith(".")]
        plain = [item for item in items if not item[0].rstrip().endswith(".")]
        if not dotted or not plain:
            continue
        if len(dotted) != len(plain):
            rare, usual = (dotted, plain) if len(dotted) < len(plain) else (plain, dotted)
        else:  # a tie: the style of the first number is the document's own
            first_dotted = items[0][0].rstrip().endswith(".")
            rare, usual = (plain, dotted) if first_dotted else (dotted, plain)
        with_dot = rare is dotted
        for number, span in rare:
            position = next(i for i, item in enumerate(items) if item[1] is span)
            before = [item for item in items[:position] if item in usual]
            example = (before[-1] if before else usual[0])[0]
            yield Finding(span,
                          f"номер «{number}» записан {'с точкой' if with_dot else 'без точки'} в конце, а другие номера "
                          f"{what} того же уровня — {'без неё' if with_dot else 'с точкой'} («{example}»){_table_label(ctx, table_index)}",
                          "пишите номера одного уровня единообразно")
