"""Transcription of seed 002 (город Тула, 2020-2021 учебный год) checked against the source document.

Every expected value below is written out by hand from the seed text, not computed from the YAML.
"""
from pathlib import Path

import pytest
import yaml

SLUG = "tula"
ROADMAP = Path(__file__).resolve().parents[1] / "roadmaps" / "tula-2020-2021.yaml"

UO = "Управление образования администрации города Тулы"

EXPECTED_NUMBERS = [
    "1.1.",
    "2.1.", "2.2.", "2.3.", "2.4.", "2.5.", "2.6.", "2.7.",
    "3.1.",
    "4.1.", "4.2.", "4.3.", "4.4.", "4.5.", "4.6.", "4.7.", "4.8.", "4.9.",
    "4.10.", "4.11.", "4.12.",
]

EXPECTED_SECTIONS = [
    ("1.", "Нормативно-правовое и информационное сопровождение деятельности по повышению "
           "качества образования в школах с низкими результатами обучения и в школах, "
           "функционирующих в неблагоприятных социальных условиях"),
    ("2.", "Проведение мониторингов качества образования в школах с низкими образовательными "
           "результатами"),
    ("3.", "Обеспечение объективности проведения оценочных процедур"),
    ("4.", "Организационно-методическое сопровождение деятельности по повышению качества "
           "образования в школах с низкими результатами обучения и в школах, функционирующих в "
           "неблагоприятных социальных условиях"),
]


@pytest.fixture(scope="module")
def doc():
    text = ROADMAP.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/roadmap.schema.json\n")
    return yaml.safe_load(text)


def _flatten(activities):
    for act in activities or []:
        yield act
        yield from _flatten(act.get("мероприятия"))


def _sections(sections):
    for sec in sections or []:
        yield sec
        yield from _sections(sec.get("разделы"))


def _all_activities(table):
    acts = list(_flatten(table.get("мероприятия")))
    for sec in _sections(table.get("разделы")):
        acts.extend(_flatten(sec.get("мероприятия")))
    return acts


@pytest.fixture(scope="module")
def table(doc):
    assert len(doc["таблицы"]) == 1
    return doc["таблицы"][0]


@pytest.fixture(scope="module")
def by_number(table):
    return {a["номер"]: a for a in _all_activities(table)}


def test_header(doc):
    assert doc["версия_формата"] == 1
    assert doc["орган"]["наименование"] == "Администрация города Тулы"
    assert doc["регион"] == "Тульская область"
    assert doc["муниципалитет"] == "город Тула"
    assert doc["период"] == "2020-2021 учебный год"
    assert doc["название"] == (
        "«Дорожная карта» мероприятий, реализуемых на уровне муниципалитета, направленных на "
        "повышение качества реализации образовательных программ в ШНОР и ШНУС с учетом "
        "профессиональных дефицитов педагогических команд, выявленных в ходе анализа результатов "
        "ВПР на 2020-2021 учебный год"
    )
    assert doc["приложение"] == {"номер": "2", "к": "к письму администрации города Тулы"}


def test_letter_has_no_number_or_date(doc):
    # "от _____ № _____": both blank in the source.
    assert doc["приказ"]["вид"] == "письмо"
    assert "номер" not in doc["приказ"]
    assert "дата" not in doc["приказ"]


def test_columns(table):
    assert [(c["поле"], c["заголовок"]) for c in table["колонки"]] == [
        ("номер", "№ п/п"),
        ("мероприятие", "Наименование мероприятия"),
        ("срок", "Сроки исполнения"),
        ("ответственные", "Ответственные"),
    ]
    assert table.get("номера_колонок") is False


def test_sections(table):
    assert [(s.get("номер"), s["название"]) for s in table["разделы"]] == EXPECTED_SECTIONS
    assert all("разделы" not in s for s in table["разделы"])


def test_activity_numbers_in_document_order(table):
    numbers = [a["номер"] for a in _all_activities(table)]
    assert numbers == EXPECTED_NUMBERS
    assert len(numbers) == 21
    assert all(isinstance(n, str) for n in numbers)


def test_section_membership(table):
    per_section = {s["номер"]: [a["номер"] for a in s["мероприятия"]] for s in table["разделы"]}
    assert per_section == {
        "1.": ["1.1."],
        "2.": ["2.1.", "2.2.", "2.3.", "2.4.", "2.5.", "2.6.", "2.7."],
        "3.": ["3.1."],
        "4.": ["4.1.", "4.2.", "4.3.", "4.4.", "4.5.", "4.6.", "4.7.", "4.8.", "4.9.",
               "4.10.", "4.11.", "4.12."],
    }


def test_activity_1_1(by_number):
    a = by_number["1.1."]
    assert a["мероприятие"].startswith(
        "Корректировка муниципальной программы сопровождения школ с низкими образовательными "
        "результатами на 2020-2021 учебный год в соответствии рекомендаций ФИОКО"
    )
    assert a["мероприятие"].endswith("на 2020-2023 г.г.»")
    assert a["ответственные"] == [UO, "МКУ «ЦНППМ г.Тулы»"]
    assert a["срок"] == "Декабрь 2020"


def test_activity_2_2(by_number):
    a = by_number["2.2."]
    assert a["мероприятие"] == (
        "Проведение промежуточного и итогового мониторинга эффективности реализации "
        "муниципальной программы сопровождения школ с низкими образовательными результатами на "
        "2020-2021 учебный год"
    )
    assert a["срок"] == "Декабрь 2020, июнь 2021"


def test_activity_3_1_and_4_8_deadlines(by_number):
    assert by_number["3.1."]["срок"] == "В течение учебного года"
    assert by_number["4.1."]["срок"] == "Октябрь 2020"
    assert by_number["4.8."]["срок"] == "Май 2021"
    assert by_number["2.7."]["срок"] == "Ноябрь 2020"


def test_activity_4_2_list_items(by_number):
    a = by_number["4.2."]
    assert a["мероприятие"] == (
        "Дифференциация профессиональных дефицитов от обобщенного варианта до профессиональных "
        "дефицитов конкретных педагогов тульских центров образования"
    )
    assert len(a["подпункты"]) == 3
    assert a["подпункты"][1] == (
        "Самоанализ педагогов с низкими образовательными результатами на предмет выявления "
        "собственных профессиональных дефицитов;"
    )


def test_activity_4_9_joined_across_page_break(by_number):
    a = by_number["4.9."]
    assert a["мероприятие"].endswith("в эффективный режим работы:")
    assert a["подпункты"] == [
        "корректировка образовательной программы школы;",
        "внесение изменений в нормативные документы образовательной организации;",
        "внедрение системы менеджмента качества в образовательной организации;",
        "совершенствование психолого-педагогического сопровождения слабомотивированных "
        "обучающихся, учащихся «группы риска»;",
        "организация работы коллегиальных органов управления образовательной организации;",
        "улучшение имиджа образовательной организации",
    ]
    assert a["ответственные"] == [
        UO,
        {"кто": "МКУ «ЦНППИМ г. Тулы»", "уточнение": "рабочая группа", "связка": "скобки"},
        "руководители, заместители руководителей образовательных организаций, демонстрирующих "
        "стабильные и высокие образовательные результаты",
    ]
    assert a["срок"] == "В течение учебного года"


def test_activity_4_10_sub_items_with_own_deadlines(by_number):
    a = by_number["4.10."]
    subs = a["подпункты"]
    assert [s["срок"] for s in subs] == [
        "Сентябрь-октябрь 2020", "Октябрь 2020", "Ноябрь 2020",
        "Декабрь 2020", "Февраль 2021", "Март 2021",
    ]
    assert subs[0]["текст"] == (
        "цикл семинаров «Формирование системы менеджмента качества в образовательной организации»"
    )
    assert subs[5]["текст"] == (
        "управленческий практикум «Организация эффективного взаимодействия с родителями»"
    )
    assert "срок" not in a
    assert a["ответственные"] == [
        UO,
        {"кто": "МКУ «ЦНППМ г. Тулы»", "уточнение": "рабочая группа", "связка": "скобки"},
        "МБОУ ЦО №№ 17, 24, 29, 32, 47, 55, 57",
        "МБОУ «ВОШ г. Тулы»",
        {"кто": "ОО", "уточнение": "сетевые партнёры", "связка": "тире"},
    ]


def test_activity_4_11_sub_items_with_own_deadlines(by_number):
    subs = by_number["4.11."]["подпункты"]
    assert [s["срок"] for s in subs] == [
        "Сентябрь 2020", "Ноябрь 2020", "Январь 2021", "Апрель 2021",
    ]
    assert subs[2]["текст"] == (
        "мастер-класс «Комплексный консалтинг как инновационная технология работы с семьёй»;"
    )
    assert subs[3]["текст"].endswith("в условия работы Центра образования»")


def test_activity_4_12(by_number):
    a = by_number["4.12."]
    assert a["срок"] == (
        "В течение 2020-2021 учебного года (по индивидуальным планам работы, в соответствии с "
        "договором о партнёрском взаимодействии)"
    )
    assert a["мероприятие"].startswith("Организация работы сетевых пар")


def test_defect_no_responsible_in_2_2_to_2_7(by_number):
    for number in ["2.2.", "2.3.", "2.4.", "2.5.", "2.6.", "2.7."]:
        assert not by_number[number].get("ответственные"), number
    assert by_number["2.1."]["ответственные"] == [UO, "МКУ «ЦНППМ г.Тулы»"]


def test_defect_centre_spelled_differently_is_not_merged(doc, by_number):
    parties = doc["участники"]
    for spelling in ["МКУ «ЦНППМ г.Тулы»", "МКУ «ЦНППИМ г.Тулы»",
                     "МКУ «ЦНППИМ г. Тулы»", "МКУ «ЦНППМ г. Тулы»"]:
        assert spelling in parties, spelling
    assert all(not (p or {}).get("синонимы") for p in parties.values())
    assert by_number["3.1."]["ответственные"][1] == "МКУ «ЦНППМ г.Тулы»"
    assert by_number["4.1."]["ответственные"][1] == "МКУ «ЦНППИМ г.Тулы»"


def test_school_group_and_target_schools(doc):
    parties = doc["участники"]
    group = parties["МБОУ ЦО №№ 17, 24, 29, 32, 47, 55, 57"]
    assert group["вид"] == "группа"
    expected_members = ["МБОУ ЦО № 17", "МБОУ ЦО № 24", "МБОУ ЦО № 29", "МБОУ ЦО № 32",
                        "МБОУ ЦО № 47", "МБОУ ЦО № 55", "МБОУ ЦО № 57"]
    assert group["состав"] == expected_members
    for school in expected_members + ["МБОУ «ВОШ г. Тулы»"]:
        assert parties[school]["вид"] == "школа"
    assert doc["школы"] == expected_members + ["МБОУ «ВОШ г. Тулы»"]


def test_every_responsible_is_in_directory(doc, table):
    parties = doc["участники"]
    for a in _all_activities(table):
        for r in a.get("ответственные") or []:
            name = r["кто"] if isinstance(r, dict) else r
            assert name in parties, (a["номер"], name)
