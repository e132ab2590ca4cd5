"""RM5xx: content of the table cells."""

from __future__ import annotations

from roadmapctl.check.diagnostics import Severity
from roadmapctl.check.registration import Finding, rule
from roadmapctl.document import fields


@rule("RM501", "no-result", Severity.WARNING, "Пустая ячейка ожидаемого результата", """
Если в таблице есть колонка «Ожидаемые результаты» (или «Форма предоставления результатов»),
у каждого мероприятия она должна быть заполнена: по ней потом проверяют выполнение.
Мероприятия-заголовки с вложенными мероприятиями не отмечаются.

Неправильно:
    - номер: "61"
      мероприятие: Проведение родительских собраний

Правильно:
    - номер: "61"
      мероприятие: Проведение родительских собраний
      ожидаемый_результат: Проведены собрания во всех ОО
""", scope="activity")
def no_result(ctx):
    for placed in ctx.placed():
        activity = placed.activity
        if activity.children:
            continue
        table = ctx.roadmap.tables[placed.table_index]
        for field in (fields.RESULT, fields.RESULT_FORM):
            value = getattr(activity, field.attr)
            if table.has_column(field.column) and not (value and value.strip()):
                yield Finding(activity.at(fields.NUMBER.key), f"у мероприятия «{activity.number}» не указан {field.label}",
                              f"заполните ключ «{field.key}»")
