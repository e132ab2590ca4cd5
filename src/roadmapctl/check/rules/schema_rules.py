"""RM1xx: the JSON Schema, reported at the YAML node each problem concerns."""

from __future__ import annotations

import re

from roadmapctl.check.diagnostics import Edit, Fix, Severity
from roadmapctl.check.registration import Finding, rule

_FIX_TITLES = {
    "RM101": "Исправить ключ на «{text}»",
    "RM104": "Заключить значение в кавычки: {text}",
    "RM105": "Записать дату в виде ГГГГ-ММ-ДД: {text}",
}


_NUMBER_KEY = re.compile(r"^\s*(?:-\s+)?номер:")
_NUMBER_VALUE = re.compile(r"^\s*(?:-\s+)?номер:\s*[\"']?(\d+(?:\.\d+)*)(\.?)[\"']?\s*(?:#.*)?$", re.MULTILINE)


def _number_like_the_others(ctx, span, text: str) -> str:
    """A number quoted by RM104's fix as the document writes the other numbers of its level: a
    bare ``1.3`` among ``"1.1."``, ``"1.2."`` becomes ``"1.3."``, so that the next check does not
    find it written unlike them (RM207)."""
    line = ctx.source.line(span.line) if span.line else ""
    bare = text.strip('"')
    if not _NUMBER_KEY.match(line) or not re.fullmatch(r"\d+(?:\.\d+)*", bare):
        return text
    depth = bare.count(".") + 1
    dotted = plain = 0
    source = ctx.source.text
    line_number, last = 1, 0
    for match in _NUMBER_VALUE.finditer(source):
        line_number += source.count("\n", last, match.start())
        last = match.start()
        if match.group(1).count(".") + 1 != depth or line_number == span.line:
            continue
        if match.group(2):
            dotted += 1
        else:
            plain += 1
    return f'"{bare}."' if dotted > plain else text


def _problems(ctx, code):
    for problem in ctx.schema_problems:
        if problem.code == code:
            fix = None
            if problem.replacement is not None and code in _FIX_TITLES:
                span, text = problem.replacement
                if code == "RM104":
                    text = _number_like_the_others(ctx, span, text)
                fix = Fix(_FIX_TITLES[code].format(text=text), (Edit(span, text),))
            yield Finding(problem.span, problem.message, problem.hint, fix)


@rule("RM101", "unknown-key", Severity.ERROR, "Неизвестный ключ", """
Схема дорожной карты не допускает ключей, которых она не знает: опечатка в ключе иначе молча
превратила бы поле в мусор. Подсказка предлагает похожий допустимый ключ.

Неправильно:
    ответсвенные: [РУО]

Правильно:
    ответственные: [РУО]
""", stage="document", fix="safe", scope="activity")
def unknown_key(ctx):
    yield from _problems(ctx, "RM101")


@rule("RM102", "missing-key", Severity.ERROR, "Нет обязательного ключа", """
У дорожной карты обязательны: версия_формата, орган, муниципалитет, название, период, таблицы;
у мероприятия — номер и мероприятие; у раздела — название; у колонки — поле и заголовок.
Замечание указывает на словарь, в котором ключа не хватает.

Неправильно:
    - номер: "1.1."
      срок: Март 2021 года

Правильно:
    - номер: "1.1."
      мероприятие: Создание муниципальной управленческой команды
      срок: Март 2021 года
""", stage="document", scope="activity")
def missing_key(ctx):
    yield from _problems(ctx, "RM102")


@rule("RM103", "wrong-type", Severity.ERROR, "Значение не того вида", """
Каждое поле имеет свой вид: строка, список, словарь, дата. Например, ответственные — это список,
даже если ответственный один.

Неправильно:
    ответственные: РУО

Правильно:
    ответственные: [РУО]
""", stage="document", scope="activity")
def wrong_type(ctx):
    yield from _problems(ctx, "RM103")


@rule("RM104", "number-as-float", Severity.ERROR, "Номер или текст записан без кавычек и читается как число", """
YAML читает `4.10` без кавычек как дробное число 4.1, а `2022` — как целое число. Номер
мероприятия «4.10» превратился бы в «4.1» у любой программы, которая читает файл. Номера и
тексты, похожие на числа, пишите в двойных кавычках.

Неправильно:
    номер: 4.10

Правильно:
    номер: "4.10"
""", stage="document", fix="safe", scope="activity")
def number_as_float(ctx):
    yield from _problems(ctx, "RM104")


@rule("RM105", "invalid-value", Severity.ERROR, "Недопустимое значение", """
Значение не подходит полю: статус не из списка, дата не в виде ГГГГ-ММ-ДД, пустая строка или
пустой список, неверная ссылка.

Неправильно:
    статус: сделано
    дата_выполнения: 31.05.2021

Правильно:
    статус: выполнено
    дата_выполнения: 2021-05-31
""", stage="document", scope="activity")
def invalid_value(ctx):
    yield from _problems(ctx, "RM105")
