"""``check --fix`` never breaks what it does not touch: a double space in a party's name (a
reference, a synonym) is found but not "fixed" in one place only; and, as a property, fixing adds
no finding to any roadmap the strategies make."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmapctl.check.fixes import fix_text
from roadmapctl.check.runner import check_source
from roadmapctl.loading import Source

from conftest import ROADMAP_HEAD

PARTY = "Отдел  образования"  # two spaces, in the directory and in the references alike

SOURCE = ROADMAP_HEAD + f"""\
участники:
  {PARTY}:
    вид: орган
  ИМЦ:
    синонимы: [Информационно-методический  центр]
таблицы:
  - колонки:
      - {{поле: номер, заголовок: № п/п}}
      - {{поле: мероприятие, заголовок: Мероприятие}}
      - {{поле: ответственные, заголовок: Ответственный}}
      - {{поле: срок, заголовок: Срок}}
      - {{поле: ожидаемый_результат, заголовок: Результат}}
    мероприятия:
      - номер: "1."
        мероприятие: Создание  команды
        ответственные: [{PARTY}]
        срок: Март 2021 года
        ожидаемый_результат: Команда создана
      - номер: "2."
        мероприятие: Анализ результатов
        ответственные: [{PARTY}, Информационно-методический  центр]
        срок: Апрель 2021 года
        ожидаемый_результат: Анализ проведён
"""


def _codes(text: str) -> Counter:
    return Counter(d.code for d in check_source(Source(name="t.yaml", text=text)))


def test_a_double_space_in_a_party_name_is_found_but_not_fixed_in_one_place():
    result = fix_text(SOURCE, "t.yaml")
    # the activity's own text is fixed; the names keep their spelling everywhere
    assert result.after == SOURCE.replace("мероприятие: Создание  команды", "мероприятие: Создание команды")
    before, after = _codes(SOURCE), _codes(result.after)
    assert after["RM301"] == before["RM301"] == 0 and after["RM302"] == before["RM302"]
    assert after["RM605"] == before["RM605"] - 1  # the names' double spaces are still reported


WORDS = ["Создание", "команды", "поддержки", "школ"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spaces=st.lists(st.sampled_from([" ", "  ", "   "]), min_size=3, max_size=3),
       where=st.sampled_from(["мероприятие: Анализ результатов", "ожидаемый_результат: Команда создана",
                              "срок: Март 2021 года"]),
       trailing=st.sampled_from(["", " ", "  "]))
def test_fixing_adds_no_finding(spaces, where, trailing):
    value = WORDS[0] + "".join(sp + w for sp, w in zip(spaces, WORDS[1:], strict=True)) + trailing
    key = where.split(":")[0]
    text = SOURCE.replace(where, f'{key}: "{value}"', 1)
    before = _codes(text)
    result = fix_text(text, "t.yaml")
    after = _codes(result.after)
    assert all(after[code] <= before[code] for code in after), (before, after)
    assert fix_text(result.after, "t.yaml").after == result.after  # nothing left to fix
