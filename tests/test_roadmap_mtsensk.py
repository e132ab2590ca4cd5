"""The Mtsensk roadmap (seed 001) transcribed into roadmaps/mtsensk-2021-2022.yaml.

Every expected value below is written out by hand from the seed document, not computed from the YAML.
"""

import datetime
from pathlib import Path

import pytest
import yaml

SLUG = "mtsensk"
ROADMAP = Path(__file__).resolve().parents[1] / "roadmaps" / "mtsensk-2021-2022.yaml"

EXPECTED_NUMBERS = [
    "1.1.", "1.2.", "1.3.", "1.4.", "1.5.", "1.6.",
    "2.1.", "2.2.", "2.3.", "2.4.",
    "3.1.", "3.2.", "3.3.", "3.4.", "3.5.", "3.6.", "3.7.", "3.8.", "3.9.",
    "4.1.", "4.2.", "4.3.", "4.4.", "4.5.", "4.6.", "4.6.1.", "4.7.", "4.7.1.", "4.7.2.", "4.7.3.",
    "4.8.", "4.9.", "4.10.", "4.11.", "4.12.", "4.13.",
    "6.1.", "6.2.",
    "7.1.", "7.2.",
]

EXPECTED_SECTIONS = [
    ("1.", "Организационно-управленческие мероприятия, направленные на выравнивание образовательных результатов"),
    ("2.", "Создание школьной среды, обеспечивающей снижение количества обучающихся, находящихся в группе с рисками учебной неуспешности"),
    ("3.", "Создание на школьном уровне среды, обеспечивающей снижение количества обучающихся, имеющих предметные дефициты"),
    ("4.", "Совершенствование работы по развитию кадрового потенциала руководящих и педагогических работников школы"),
    ("6.", "Совершенствование организационно-управленческих условий, направленных на повышение качества подготовки обучающихся"),
    ("7.", "Анализ эффективности реализации управленческих мер по сопровождению школ с низкими результатами"),
]

SCHOOL_1 = "МБОУ «Средняя школа №1»"
SCHOOL_2 = "МБОУ «Средняя школа №2»"
SCHOOL_3 = "МБОУ «Средняя школа №3»"
SCHOOL_9 = "МБОУ «Средняя школа №9»"


@pytest.fixture(scope="module")
def roadmap():
    text = ROADMAP.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/roadmap.schema.json\nверсия_формата: 1\n")
    assert "\r" not in text and "\t" not in text
    return yaml.safe_load(text)


@pytest.fixture(scope="module")
def table(roadmap):
    assert len(roadmap["таблицы"]) == 1
    return roadmap["таблицы"][0]


def flatten(activities):
    for activity in activities or []:
        yield activity
        yield from flatten(activity.get("мероприятия"))


def all_activities(table):
    found = list(flatten(table.get("мероприятия")))
    for section in table.get("разделы", []):
        assert not section.get("разделы"), "this document has no nested sections"
        found.extend(flatten(section.get("мероприятия")))
    return found


@pytest.fixture(scope="module")
def by_number(table):
    return {a["номер"]: a for a in all_activities(table)}


def party_names(activity):
    return [p if isinstance(p, str) else p["кто"] for p in activity.get("ответственные", [])]


def test_activity_numbers_in_document_order(table):
    assert [a["номер"] for a in all_activities(table)] == EXPECTED_NUMBERS


def test_row_count(table):
    assert len(all_activities(table)) == 40


def test_sections(table):
    assert [(s["номер"], s["название"]) for s in table["разделы"]] == EXPECTED_SECTIONS


def test_no_section_5_numbering_gap_is_kept(table):
    numbers = [s["номер"] for s in table["разделы"]]
    assert "5." not in numbers
    assert not any(a["номер"].startswith("5.") for a in all_activities(table))


def test_children(by_number):
    assert [c["номер"] for c in by_number["4.6."]["мероприятия"]] == ["4.6.1."]
    assert [c["номер"] for c in by_number["4.7."]["мероприятия"]] == ["4.7.1.", "4.7.2.", "4.7.3."]
    assert by_number["4.6."]["мероприятие"] == "Проведение мероприятий в рамках партнерских отношений:"


def test_columns(table):
    assert table["колонки"] == [
        {"поле": "номер", "заголовок": "№п/п"},
        {"поле": "мероприятие", "заголовок": "Мероприятие"},
        {"поле": "ответственные", "заголовок": "Ответственный"},
        {"поле": "срок", "заголовок": "Срок реализации"},
        {"поле": "ожидаемый_результат", "заголовок": "Ожидаемые результаты исполнения мероприятия"},
    ]


def test_header(roadmap):
    assert roadmap["орган"]["наименование"] == "Управление образования администрации города Мценска"
    assert roadmap["регион"] == "Орловская область"
    assert roadmap["муниципалитет"] == "город Мценск"
    assert roadmap["период"] == "2021-2022"
    assert roadmap["название"] == (
        "Дорожная карта по реализации проекта сопровождения школ, имеющих низкие образовательные результаты "
        "и функционирующих в неблагоприятных социальных условиях, на территории города Мценска на 2021-2022 гг."
    )
    assert roadmap["приложение"]["к"] == "к приказу управления образования"
    assert "утверждение" not in roadmap


def test_order(roadmap):
    order = roadmap["приказ"]
    assert order["номер"] == "93/1"
    assert order["дата"] in (datetime.date(2021, 3, 24), "2021-03-24")
    assert order["место"] == "Мценск"
    assert order["заголовок"].startswith("О реализации проекта сопровождения общеобразовательных организаций")
    assert order["преамбула"].startswith("На основании приказов Департамента образования Орловской области от 28 января 2021 года № 89")
    assert [p["номер"] for p in order["пункты"]] == ["1.", "2.", "3.", "4."]
    assert order["пункты"][1]["текст"] == "Утвердить состав рабочей группы по реализации Проекта:"
    assert len(order["пункты"][1]["перечень"]) == 11
    assert order["пункты"][3]["текст"] == "Контроль за исполнением данного приказа оставляю за собой."
    assert order["подпись"] == {"должность": "И. о. начальника управления образования", "фио": "И. Г. Мясищева"}


def test_working_group(roadmap):
    group = roadmap["рабочая_группа"]
    assert [m["фио"] for m in group] == [
        "Мясищева И.Г.", "Камышева Л.Н.", "Красникова Н.И.", "Полякова В.В.", "Ронжина Н.В.", "Савичева Л.Н.",
        "Силаева Н.С.", "Чухрий Н.М.", "Шалимова Т.И.", "Ширяева Т.Г.", "Якушина Г. И.",
    ]
    assert group[0]["роль"] == "председатель рабочей группы"
    assert group[0]["должность"] == "и.о. начальника управления образования администрации города Мценска"
    assert group[4]["должность"] == "директор МБУ г. Мценска «ППМСП-Центр»"
    # the document's own doubled role and genitive "заместителя" are kept
    assert group[7]["роль"] == "член рабочей группы член рабочей группы"
    assert group[1]["должность"] == "заместителя директора МБОУ г.Мценска «Средняя школа №1»"


def test_schools_and_pairs(roadmap):
    assert roadmap["школы"] == [SCHOOL_2, SCHOOL_3]
    assert roadmap["пары"] == [
        {"школа": SCHOOL_2, "партнёр": SCHOOL_9},
        {"школа": SCHOOL_3, "партнёр": SCHOOL_1},
    ]


def test_every_party_is_in_the_directory(roadmap, table):
    directory = roadmap["участники"]
    for activity in all_activities(table):
        for name in party_names(activity):
            assert name in directory, (activity["номер"], name)
    for name in roadmap["школы"]:
        assert name in directory


def test_spot_checks(by_number):
    a = by_number["1.1."]
    assert a["мероприятие"] == "Разработка, согласование и реализация плана совместной работы по выравниванию образовательных результатов"
    assert a["срок"] == "февраль, 2021г, реализация до 2022 года"
    assert a["ожидаемый_результат"] == "Разработана, согласован и реализован план совместной работы по выравниванию образовательных результатов"

    a = by_number["1.3."]  # joined across a page break
    assert a["мероприятие"] == (
        "Разработка и заключение партнерских договоров о совместной деятельности и сотрудничестве школ с низкими "
        "результатами и функционирующих в неблагоприятных социальных условиях, со школами с высокими результатами обучения"
    )
    assert party_names(a) == [SCHOOL_2, SCHOOL_9, SCHOOL_3, SCHOOL_1]
    assert a["срок"] == "Март, 2021 г."
    assert a["ожидаемый_результат"] == "Заключены договоры, регламентирована деятельность сторон в рамках дорожных карт"

    a = by_number["2.2."]
    assert party_names(a) == ["Педагоги-психологи МБОУ «Средняя школа №2», МБОУ «Средняя школа №3», ППМСП-Центра"]
    assert a["срок"] == "февраль, 2021г. Сентябрь, 2021 г."

    a = by_number["2.1."]
    assert a["срок"] == "В течение всего срока"
    assert a["ожидаемый_результат"].split("\n")[3].startswith("Проведены общешкольные родительские собрания")
    assert len(a["ожидаемый_результат"].split("\n")) == 4

    a = by_number["4.6.1."]  # second pair bled into 4.7 in the extraction and is put back
    assert party_names(a) == [SCHOOL_2, SCHOOL_9, SCHOOL_3, SCHOOL_1]
    assert a["срок"] == "Сентябрь-декабрь 2021 год, Январь-март 2022 год"
    assert "ответственные" not in by_number["4.7."]

    a = by_number["4.10."]
    assert a["срок"] == "По графику ИРО и ОРЦОКО"
    assert party_names(a) == ["Управление образования", SCHOOL_2, SCHOOL_3]

    a = by_number["6.1."]
    assert a["мероприятие"] == "Внесение изменений в планы административного контроля на 2021-2022 учебный год и их реализация:"
    assert len(a["подпункты"]) == 2
    assert a["подпункты"][0].startswith("по контролю за выявленными недостатками")
    assert party_names(a) == ["Сош №2, №3"]
    assert a["срок"] == "август"

    a = by_number["7.2."]
    assert a["мероприятие"] == (
        "Отчет начальника управления образования по реализации дорожной карты сопровождения школ с низкими "
        "результатами на заседании управления образования Совета"
    )
    assert a["срок"] == "Декабрь 2022 год"


def test_deadlines_missing_in_document_stay_missing(by_number):
    for number in ("1.4.", "1.5.", "1.6."):
        assert "срок" not in by_number[number], number
        assert by_number[number].get("ответственные"), number
        assert by_number[number].get("ожидаемый_результат"), number


def test_document_defects_are_kept(roadmap, by_number):
    # unbalanced quote in 1.1
    assert "ГБОУ ОО ДПО «Институт развития образования" in party_names(by_number["1.1."])
    assert "ГБОУ ОО ДПО «Институт развития образования" in roadmap["участники"]
    # a second spelling of the institute in 1.6 is its own key, not merged
    assert "БУ ОО ДПО «Институт развития образования»" in party_names(by_number["1.6."])
    for entry in roadmap["участники"].values():
        assert not (entry or {}).get("синонимы")
    # typos, doubled words, missing words
    assert "педагогги-психологи" in party_names(by_number["2.1."])
    assert by_number["4.4."]["ожидаемый_результат"].endswith("математики, математики")
    assert "динамики образовательных в школах" in by_number["3.8."]["мероприятие"]
    assert "(Н.В.Кириева, Н.В. Рябчикова)" in by_number["2.2."]["мероприятие"]
    assert "(Н.В.Киршева, Н.В.Рябчикова)" in by_number["2.3."]["мероприятие"]
    # both case spellings of the department are kept
    assert "управление образования" in party_names(by_number["1.2."])
    assert "Управление образования" in party_names(by_number["1.5."])
    # 4.8 repeats parties in one cell
    assert party_names(by_number["4.8."]).count("Управление образования") == 2


def test_lost_text_after_4_13_is_not_invented(by_number):
    assert by_number["4.13."]["ожидаемый_результат"] == "Подготовлена информация об опыте работы в рамках муниципальной программы"
    text = ROADMAP.read_text(encoding="utf-8")
    assert "ТЕКСТ УТРАЧЕН В ИСТОЧНИКЕ после 4.13" in text


def test_no_html_or_markdown_artifacts(table):
    for activity in all_activities(table):
        for key in ("мероприятие", "срок", "ожидаемый_результат"):
            value = activity.get(key, "")
            assert "<" not in value and "**" not in value, (activity["номер"], key)
