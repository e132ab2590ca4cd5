"""Each rule on a small document: it fires on the wrong form and stays quiet on the right one."""

from __future__ import annotations

import pytest

from roadmapctl.check.config import Config
from roadmapctl.check.registry import all_rules
from roadmapctl.check.runner import check_source
from roadmapctl.loading import Source
from conftest import ROADMAP_HEAD

HEAD = ROADMAP_HEAD + """\
участники:
  УО:
  ИМЦ:
таблицы:
  - колонки:
      - {поле: номер, заголовок: № п/п}
      - {поле: мероприятие, заголовок: Мероприятие}
      - {поле: ответственные, заголовок: Ответственный}
      - {поле: срок, заголовок: Срок}
      - {поле: ожидаемый_результат, заголовок: Результат}
    мероприятия:
"""


def activity(number="1.", text="Создание команды", responsible="[УО]", deadline="Март 2021 года", result="Команда создана", extra=""):
    lines = [f'      - номер: "{number}"', f"        мероприятие: {text}"]
    if responsible is not None:
        lines.append(f"        ответственные: {responsible}")
    if deadline is not None:
        lines.append(f"        срок: {deadline}")
    if result is not None:
        lines.append(f"        ожидаемый_результат: {result}")
    return "\n".join(lines) + "\n" + extra


def codes(text):
    return [d.code for d in check_source(Source("t.yaml", text))]


def test_a_clean_document_has_no_findings():
    assert codes(HEAD + activity() + activity("2.", deadline="ежеквартально")) == []


CASES = [
    ("RM002", HEAD + activity(extra="        срок: Апрель 2021 года\n")),
    ("RM003", HEAD + activity(text="!!python/name:os.system ''")),
    ("RM004", HEAD + activity(text='"Совещание\\u0007 с руководителями ОО"')),
    ("RM101", HEAD + activity(extra="        ответсвенные: [УО]\n")),
    ("RM102", HEAD.replace("муниципалитет: город Примерск\n", "") + activity()),
    ("RM103", HEAD + activity(responsible="УО")),
    ("RM104", HEAD.replace('      - номер: "{number}"', "") + activity().replace('"1."', "4.10")),
    ("RM105", HEAD + activity(extra="        статус: сделано\n")),
    ("RM201", HEAD + activity("1.") + activity("1.")),
    ("RM202", HEAD + activity("1.") + activity("3.")),
    ("RM203", HEAD + activity("2.") + activity("1.")),
    ("RM204", HEAD.replace("    мероприятия:\n", "    разделы:\n      - номер: \"3.\"\n        название: Раздел\n        мероприятия:\n")
     + activity("2.1.").replace("      ", "          ", 1).replace("\n        ", "\n            ")),
    ("RM205", HEAD.replace("период: 2021-2022", "период: 2022-2021") + activity()),
    ("RM207", HEAD + activity("1.") + activity("2.") + activity("3")),
    ("RM206", HEAD.replace("участники:", "приказ:\n  дата: 2024-01-10\nучастники:") + activity()),
    ("RM301", HEAD + activity(responsible="[РОУ]")),
    ("RM302", HEAD.replace("  ИМЦ:\n", "  ИМЦ:\n  МКУ «ЦНППМ г.Тулы»:\n  МКУ «ЦНППИМ г.Тулы»:\n")
     + activity(responsible="[МКУ «ЦНППМ г.Тулы»]") + activity("2.", responsible="[МКУ «ЦНППМ г.Тулы»]")
     + activity("3.", responsible="[МКУ «ЦНППИМ г.Тулы»]")),
    ("RM303", HEAD + activity(responsible=None)),
    ("RM401", HEAD + activity(deadline=None)),
    ("RM402", HEAD + activity(deadline="когда получится")),
    ("RM403", HEAD + activity(deadline="август")),
    ("RM404", HEAD + activity(deadline="По отделному графику")),
    ("RM405", HEAD + activity(deadline="Сентябрь 2024 года")),
    ("RM406", HEAD + activity(extra="        срок_явно:\n          даты: [2021-05-31]\n          повтор: ежемесячно\n")),
    ("RM407", HEAD.replace("участники:", "учебный_календарь:\n  \"2021-2022\":\n    каникулы:\n"
                           "      осенние: {с: 2020-10-25, по: 2020-11-04}\nучастники:") + activity()),
    ("RM408", HEAD.replace("участники:", "учебный_календарь:\n  \"2021-2022\":\n    триместры:\n"
                           "      - {с: 2021-09-01, по: 2021-11-30}\n      - {с: 2021-11-01, по: 2022-02-28}\n"
                           "      - {с: 2022-03-01, по: 2022-05-31}\nучастники:") + activity()),
    ("RM409", HEAD.replace("участники:", "учебный_календарь:\n  \"2021-2022\":\n    триместры:\n"
                           "      - {с: 2021-09-01, по: 2021-11-30}\n      - {с: 2021-12-01, по: 2022-02-28}\n"
                           "      - {с: 2022-03-01, по: 2022-05-31}\n    каникулы:\n"
                           "      летние: {с: 2022-05-20, по: 2022-08-31}\nучастники:") + activity()),
    ("RM501", HEAD + activity(result=None)),
    ("RM601", HEAD + activity(text="Профилактика неobjективности оценивания")),
    ("RM602", HEAD + activity(result="Ремонт в МБОУ МБОУ «Витимская СОШ»")),
    ("RM603", HEAD + activity(responsible="[ГБОУ ОО ДПО «Институт развития образования]")),
    ("RM604", HEAD + activity(text="<p>Разработка планов</p>")),
    ("RM605", HEAD + activity(deadline="Январь , ежегодно")),
    ("RM606", HEAD + activity(result="Повышение компетентности х педагогов")),
    ("RM701", HEAD + activity(text="Расмотрение результатов оленочных процедур")),
    ("RM702", HEAD + activity(text="Анализ результатов ШНРО") + activity("2.", text="Совещание ШНРО")
     + activity("3.", text="Отчёт ШПРО")),
    ("RM703", HEAD.replace("участники:", "школы: [Почетская СОШ]\nучастники:") + activity(result="Доля 55,5 % (+Почесткая СОШ)")),
    ("RM901", HEAD + activity() .replace("Создание команды", "Создание команды  # noqa: RM601")),
]


@pytest.mark.parametrize("code, text", CASES, ids=[c for c, _ in CASES])
def test_rule_fires(code, text):
    assert code in codes(text)


def test_every_registered_rule_has_a_case_and_docs():
    tested = {code for code, _ in CASES} | {"RM001"}
    rules = all_rules()
    assert {r.code for r in rules} == tested
    for r in rules:
        assert "Неправильно" in r.doc and "Правильно" in r.doc, r.code
        assert r.summary and r.name


def test_list_markers_and_coinciding_quotes_are_not_unbalanced():
    text = HEAD + activity(text="Круглый стол по вопросам 1) «Работа с обучающимися», 2) «Отчёты школ»") + activity(
        "2.", result="Создано МКУ «Управление образования МО «Баунтовский район»")
    assert codes(text) == []


def test_only_the_case_of_the_first_letter_is_not_a_variant():
    text = HEAD.replace("  ИМЦ:\n", "  ИМЦ:\n  Руководители ОО:\n  руководители ОО:\n") + activity(
        responsible="[Руководители ОО]") + activity("2.", responsible="[руководители ОО]")
    assert codes(text) == []


def test_different_school_numbers_are_not_variants():
    text = HEAD.replace("  ИМЦ:\n", "  ИМЦ:\n  МБОУ «Средняя школа №2»:\n  МБОУ «Средняя школа №3»:\n") + activity(
        responsible="[МБОУ «Средняя школа №2»]") + activity("2.", responsible="[МБОУ «Средняя школа №3»]")
    assert codes(text) == []


def test_parent_activity_with_children_needs_no_responsible_or_deadline():
    child = activity("1.1.").replace("      - ", "          - ").replace("\n        ", "\n            ")
    text = HEAD + activity(responsible=None, deadline=None, result=None, extra="        мероприятия:\n" + child)
    assert codes(text) == []


def test_noqa_suppresses_on_its_line_and_file_level():
    line = HEAD + activity(deadline="По отделному графику  # noqa: RM404, RM701")
    assert codes(line) == []
    whole = "# roadmapctl: noqa: RM404, RM701\n" + HEAD + activity(deadline="По отделному графику")
    assert codes(whole) == []
    unused = "# roadmapctl: noqa: RM601\n" + HEAD + activity()
    assert codes(unused) == ["RM901"]


def test_noqa_inside_a_quoted_string_is_text():
    text = HEAD + activity(text='"Разбор # noqa: RM404 в тексте"', deadline="По отделному графику")
    assert "RM404" in codes(text)


def test_letters_in_abbreviations_and_list_markers_are_not_stray():
    text = HEAD + activity(text="Семинар (№ п/п по плану): а) входной контроль; б) итоговый, г. Тула, 2021 г, в школах и у педагогов")
    assert "RM606" not in codes(text)


def test_a_control_character_is_a_finding_at_its_value():
    text = HEAD + activity(text='"Совещание\\e]0;заголовок\\a с руководителями"')
    [found] = [d for d in check_source(Source("t.yaml", text)) if d.code == "RM004"]
    line = text.splitlines()[found.line - 1]
    assert line[found.column - 1 :].startswith('"Совещание')
    assert "U+001B (␛)" in found.message


def test_a_party_typo_is_one_finding_not_two():
    # «МКУ «ЦНППИМ г.Тулы»» is neither in the directory (RM301) nor spelt like the others (RM302):
    # one cause, reported once, by the rule that says what it is.
    text = (HEAD.replace("  ИМЦ:\n", "  ИМЦ:\n  МКУ «ЦНППМ г.Тулы»:\n")
            + activity(responsible="[МКУ «ЦНППМ г.Тулы»]") + activity("2.", responsible="[МКУ «ЦНППМ г.Тулы»]")
            + activity("3.", responsible="[МКУ «ЦНППИМ г.Тулы»]"))
    found = [d for d in check_source(Source("t.yaml", text)) if d.code.startswith("RM3")]
    assert [(d.code, d.line) for d in found] == [("RM302", text.splitlines().index(
        "        ответственные: [МКУ «ЦНППИМ г.Тулы»]") + 1)]
    # with RM302 not run, RM301 still reports the name
    assert "RM301" in [d.code for d in check_source(Source("t.yaml", text), Config(ignore=("RM302",)))]


def test_hint_for_an_unused_directory_entry_names_an_entry_that_exists():
    # The unused entry «МКУ «ЦНППИМ г.Тулы»» looks like «МКУ «ЦНППМ г.Тулы»», which the rows use
    # but the directory does not hold: the synonym goes on the entry that exists (the hint used to
    # ask for it on the one that does not).
    text = (HEAD.replace("  ИМЦ:\n", "  ИМЦ:\n  МКУ «ЦНППИМ г.Тулы»:\n")
            + activity(responsible="[МКУ «ЦНППМ г.Тулы»]"))
    hints = [d.hint for d in check_source(Source("t.yaml", text)) if d.code == "RM302"]
    assert "если это один участник, укажите «МКУ «ЦНППМ г.Тулы»» в синонимах «МКУ «ЦНППИМ г.Тулы»»" in hints
