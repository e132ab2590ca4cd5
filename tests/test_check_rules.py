"""Each rule on a small document: it fires on the wrong form and stays quiet on the right one.

As yamllint's and ruff's rule tests do, every finding is pinned whole: code, range (line, column,
end line, end column; 1-based, end exclusive), message, hint, and the fix (its title, whether it
is safe, and the line it leaves). The expected values are written out by hand from the documents
below: HEAD is lines 1–17, the first activity starts on line 18 (номер, мероприятие,
ответственные, срок, ожидаемый_результат, then ``extra``), each activity is five lines."""

from __future__ import annotations

import pytest

from roadmapctl.check.fixes import apply_edits
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
    ("RM001", HEAD + activity(text='"Создание команды')),
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


FIX_CASES = [  # the rules whose case above carries no fix: a case where they fix
    ("RM101", HEAD + activity(responsible=None, extra="        ответсвенные: [УО]\n")),
    ("RM605", HEAD + activity(deadline="Январь  ежегодно")),
]

CALENDAR_HINT = "проверьте год в дате или ключ учебного года"
TYPO_HINT = "исправьте опечатку; верное слово добавьте в словарь проекта (roadmapctl check --add-words)"

# code → every finding of that code: (line, column, end line, end column, message, hint, fix),
# fix = (title, safe, the line the fix leaves) or None
EXPECTED = {
    "RM001": [(19, 22, 19, 23, "кавычка открыта, но не закрыта: добавьте закрывающую кавычку в конце значения", None, None)],
    "RM002": [(23, 9, 23, 13, "ключ «срок» уже есть в этом словаре (строка 21); YAML оставит только последнее значение, "
               "а первое будет потеряно", "объедините значения или удалите лишний ключ", None)],
    "RM003": [(19, 22, 19, 48, "тег «!!python/name:os.system» не поддерживается и не выполняется; удалите его", None, None)],
    "RM004": [(19, 22, 19, 59, "в значении есть управляющий символ U+0007 (␇) на месте 10; он невидим в тексте и ломает документы",
               "удалите его или замените пробелом", None)],
    "RM101": [(23, 9, 23, 21, "неизвестный ключ «ответсвенные»", "возможно, имелось в виду «ответственные»?", None)],
    "RM102": [(1, 1, 1, 2, "нет обязательного ключа «муниципалитет»", None, None)],
    "RM103": [(20, 24, 20, 26, "«ответственные»: ожидается список (строки с «- »), а записано: строка", None, None)],
    "RM104": [(18, 16, 18, 20, "«номер»: 4.10 без кавычек YAML читает как число 4.1, и запись «4.10» теряется; заключите "
               "значение в кавычки: \"4.10\"", None, ("Заключить значение в кавычки: \"4.10\"", True, '      - номер: "4.10"'))],
    "RM105": [(23, 17, 23, 24, "«статус»: недопустимое значение «сделано»; допустимо: не начато, в работе, выполнено, отменено",
               None, None)],
    "RM201": [(23, 16, 23, 20, "номер «1.» уже есть у мероприятия в строке 18", "перенумеруйте мероприятие", None)],
    "RM202": [(23, 16, 23, 20, "пропуск в нумерации: после «1.» идёт «3.», нет 2",
               "если пропуск случаен, перенумеруйте; если так в утверждённом документе, оставьте как есть", None)],
    "RM203": [(23, 16, 23, 20, "нарушен порядок нумерации: «1.» стоит после «2.»", None, None)],
    "RM204": [(21, 20, 21, 26, "мероприятие «2.1.» стоит в разделе «3. Раздел»",
               "перенесите мероприятие в нужный раздел или исправьте номер", None)],
    "RM205": [(6, 9, 6, 18, "период «2022-2021» не прочитан: конец периода раньше начала: «2022-2021»",
               "пишите так: 2021-2022, 2020-2021 учебный год или 2021-01-01..2022-12-31", None)],
    "RM206": [(8, 9, 8, 19, "дата документа 10.01.2024 позже окончания периода дорожной карты (01.01.2021–31.12.2022)",
               None, None)],
    "RM207": [(28, 16, 28, 19, "номер «3» записан без точки в конце, а другие номера мероприятий того же уровня — с точкой («2.»)",
               "пишите номера одного уровня единообразно", None)],
    "RM301": [(20, 25, 20, 28, "ответственный «РОУ» не найден в справочнике участников",
               "добавьте «РОУ» в справочник «участники»", None)],
    # two parties later in the directory (lines 10, 11) move the activities two lines down: the third is lines 30–34
    "RM302": [(32, 25, 32, 44, "«МКУ «ЦНППИМ г.Тулы»» похоже на «МКУ «ЦНППМ г.Тулы»» (встречается 2 раза): возможно, один "
               "участник записан по-разному", "выберите одно написание и исправьте остальные; если это действительно "
               "разные участники, допишите в конце строки «# noqa: RM302», и проверка больше не будет об этом напоминать",
               ("Записать как в справочнике: «МКУ «ЦНППМ г.Тулы»»", False, "        ответственные: [МКУ «ЦНППМ г.Тулы»]"))],
    "RM303": [(18, 16, 18, 20, "у мероприятия «1.» не указан ответственный", "добавьте ключ «ответственные»", None)],
    "RM401": [(18, 16, 18, 20, "у мероприятия «1.» не указан срок", "добавьте ключ «срок»", None)],
    "RM402": [(21, 15, 21, 30, "срок «когда получится» (мероприятие «1.»): срок не распознан: ни одно правило чтения сроков к "
               "нему не подходит. Уточните формулировку или укажите срок в явном виде (срок_явно)", None, None)],
    "RM403": [(21, 15, 21, 21, "срок «август» (мероприятие «1.»): год не указан: принят 2021 (август 2021)", None, None)],
    "RM404": [(21, 18, 21, 27, "срок «По отделному графику» (мероприятие «1.»): опечатка: «отделному» прочитано как «отдельному»",
               None, None)],
    "RM405": [(21, 15, 21, 33, "срок «Сентябрь 2024 года» (мероприятие «1.»): дата 30.09.2024 вне периода дорожной карты "
               "(01.01.2021–31.12.2022)", None, None)],
    # the whole mapping under срок_явно: from its first key to the end of its last line
    "RM406": [(24, 11, 26, 1, "мероприятие «1.»: в сроке в явном виде должна быть ровно одна форма: «даты», «с» и «по», «повтор», "
               "«постоянно» или «по_графику»; указано: даты, повтор", None, None)],
    "RM407": [(10, 20, 10, 30, "учебный год 2021-2022: дата 25.10.2020 (осенние каникулы) вне учебного года (01.09.2021–31.08.2022)",
               CALENDAR_HINT, None),
              (10, 36, 10, 46, "учебный год 2021-2022: дата 04.11.2020 (осенние каникулы) вне учебного года (01.09.2021–31.08.2022)",
               CALENDAR_HINT, None)],
    "RM408": [(11, 13, 11, 23, "учебный год 2021-2022: II триместр начинается (01.11.2021) до окончания I триместра (30.11.2021)",
               "перечислите триместры по порядку без пересечений", None)],
    "RM409": [(14, 19, 14, 29, "учебный год 2021-2022: начало летних каникул (20.05.2022) не позже конца III триместра (31.05.2022)",
               "летние каникулы начинаются после последнего триместра", None)],
    "RM501": [(18, 16, 18, 20, "у мероприятия «1.» не указан ожидаемый результат", "заполните ключ «ожидаемый_результат»", None)],
    "RM601": [(19, 35, 19, 50, "в слове «неobjективности» смешаны русские и латинские буквы (b, j, o)",
               "замените латинские буквы «b», «j», «o» русскими", None)],
    "RM602": [(22, 39, 22, 48, "«МБОУ» повторено дважды подряд", "оставьте одно «МБОУ»",
               ("Оставить одно «МБОУ»", True, "        ожидаемый_результат: Ремонт в МБОУ «Витимская СОШ»"))],
    "RM603": [(20, 37, 20, 38, "открывающая кавычка « без пары", "поставьте парную кавычку или скобку", None)],
    "RM604": [(19, 22, 19, 25, "остаток разметки HTML «<p>»", "удалите его", None),
              (19, 42, 19, 46, "остаток разметки HTML «</p>»", "удалите его", None)],
    "RM605": [(21, 21, 21, 22, "пробел перед знаком препинания", "уберите пробел", None)],
    "RM606": [(22, 55, 22, 56, "одиночная буква «х» между словами: похоже на опечатку", "удалите её или допишите слово", None)],
    "RM701": [(19, 22, 19, 33, "слова «Расмотрение» нет в словаре: возможно, имелось в виду «Рассмотрение»?", TYPO_HINT, None),
              (19, 46, 19, 55, "слова «оленочных» нет в словаре: возможно, имелось в виду «оценочных»?", TYPO_HINT, None)],
    "RM702": [(29, 28, 29, 32, "аббревиатура «ШПРО» отличается одной буквой от «ШНРО» (2 раза в этой карте): возможно, опечатка",
               "проверьте, не «ШНРО» ли имелось в виду", None)],
    # one more line (школы) above the activity: its result is line 23
    "RM703": [(23, 44, 23, 53, "«Почесткая» отличается одной буквой от «Почетская» (в справочнике карты): возможно, опечатка в имени",
               "проверьте, как пишется имя, и напишите его везде одинаково", None)],
    "RM901": [(19, 40, 19, 53, "подавление RM601 ничего не подавляет: на этой строке нет такого замечания; удалите его", None, None)],
}

EXPECTED_FIXES = {
    # without ответственные the activity is four lines (18–21); the misspelled key is line 22
    "RM101": [(22, 9, 22, 21, "неизвестный ключ «ответсвенные»", "возможно, имелось в виду «ответственные»?",
               ("Исправить ключ на «ответственные»", True, "        ответственные: [УО]"))],
    "RM605": [(21, 21, 21, 23, "двойной пробел", "оставьте один пробел", ("Оставить один пробел", True, "        срок: Январь ежегодно"))],
}


def findings(code: str, text: str) -> list[tuple]:
    out = []
    for d in check_source(Source("t.yaml", text)):
        if d.code != code:
            continue
        fix = None
        if d.fix is not None:
            fix = (d.fix.title, d.fix.safe, apply_edits(text, d.fix.edits).splitlines()[d.span.line - 1])
        out.append((d.span.line, d.span.column, d.span.end_line, d.span.end_column, d.message, d.hint, fix))
    return out


@pytest.mark.parametrize("code, text", CASES, ids=[c for c, _ in CASES])
def test_rule_finding_is_pinned_whole(code, text):
    assert findings(code, text) == EXPECTED[code]


@pytest.mark.parametrize("code, text", FIX_CASES, ids=[c for c, _ in FIX_CASES])
def test_rule_fix_is_pinned_whole(code, text):
    assert findings(code, text) == EXPECTED_FIXES[code]


def test_a_rule_declares_the_fixes_it_makes():
    # the reference in docs/check.md says which rules fix: a rule's cases agree with its declaration
    fixes: dict[str, set[bool]] = {}
    for code, text in CASES + FIX_CASES:
        for *_, fix in findings(code, text):
            if fix is not None:
                fixes.setdefault(code, set()).add(fix[1])
    declared = {r.code: r.fix for r in all_rules() if r.fix}
    assert set(fixes) == set(declared)
    for code, kinds in declared.items():
        assert kinds == "varies" or fixes[code] == {kinds == "safe"}, code


def test_every_registered_rule_has_a_case_and_docs():
    tested = {code for code, _ in CASES}
    assert set(EXPECTED) == tested and set(EXPECTED_FIXES) == {code for code, _ in FIX_CASES}
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
