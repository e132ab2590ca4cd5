"""Transcription test for the Абанский район roadmap (seed 004).

Every expected value below is written out by hand from the source document,
not computed from the YAML file.
"""
from pathlib import Path

import pytest
import yaml

SLUG = "aban"
ROADMAP = Path(__file__).resolve().parents[1] / "roadmaps" / "aban-2020-2023.yaml"

EXPECTED_NUMBERS = [
    "1.", "2.", "3.",
    "4.", "5.", "6.", "7.", "8.", "9.", "10.", "11.", "12.", "13.", "14.",
    "15.", "16.", "17.", "18.", "19.", "20.", "21.", "22.",
    "23.",
    "24.", "25.", "26.", "27", "29", "30", "31",
]

EXPECTED_SECTIONS = [
    ("Нормативно-правовое обеспечение", ["1.", "2.", "3."]),
    ("Организационно-управленческие мероприятия",
     ["4.", "5.", "6.", "7.", "8.", "9.", "10.", "11.", "12.", "13.", "14."]),
    ("Развитие кадрового потенциала руководящих и педагогических работников школ",
     ["15.", "16.", "17.", "18.", "19.", "20.", "21.", "22."]),
    ("Эффективное использование внутренних и внешних ресурсов", ["23."]),
    ("Мониторинг и контроль эффективности реализации комплекса мер по повышению "
     "качества образования в ШНРО и ШНСУ",
     ["24.", "25.", "26.", "27", "29", "30", "31"]),
]

FULL_UO = "Управление образования администрации Абанского района"
IMS_FULL = "МКУ «Информационно-методическая служба»"


@pytest.fixture(scope="module")
def doc():
    text = ROADMAP.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/roadmap.schema.json\n")
    assert "\r" not in text
    return yaml.safe_load(text)


@pytest.fixture(scope="module")
def table(doc):
    assert len(doc["таблицы"]) == 1
    return doc["таблицы"][0]


def flatten(activities):
    for a in activities or []:
        yield a
        yield from flatten(a.get("мероприятия"))


def all_activities(table):
    out = list(flatten(table.get("мероприятия")))

    def walk(sections):
        for s in sections or []:
            out.extend(flatten(s.get("мероприятия")))
            walk(s.get("разделы"))

    walk(table.get("разделы"))
    return out


@pytest.fixture(scope="module")
def by_number(table):
    acts = all_activities(table)
    result = {a["номер"]: a for a in acts}
    assert len(result) == len(acts), "duplicate activity numbers"
    return result


def test_header(doc):
    assert doc["версия_формата"] == 1
    assert doc["орган"] == {"наименование": FULL_UO, "краткое": "УО"}
    assert doc["муниципалитет"] == "Абанский район"
    assert doc["регион"] == "Красноярский край"
    assert doc["период"] == "2020-2023"
    assert doc["название"] == (
        "Комплекс мер, направленных на создание условий для получения качественного "
        "общего образования в школах с низкими результатами обучения и школах, "
        "функционирующих в неблагоприятных социальных условиях на 2020-2023 годы "
        "(Абанского район)"
    )
    # The document has no order, no approval stamp and no appendix mark.
    for key in ("приказ", "утверждение", "приложение", "рабочая_группа", "пары"):
        assert key not in doc


def test_preamble(doc):
    p = doc["преамбула"]
    paragraphs = p["проблема"].split("\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("по итогам комплексного анализа результатов оценочных мероприятий")
    assert paragraphs[1].startswith("На протяжении 2017-2020гг в Абанской ООШ №1 и Устьянской СОШ")
    assert paragraphs[2] == (
        "В связи с этим, возникает проблема создания в 9 школах Абанского района таких условий, "
        "которые позволят повысить качество образования в данных общеобразовательных учреждениях."
    )
    assert p["цель"] == (
        "Поддержка школ с низкими результатами обучения и школ, функционирующих "
        "в неблагоприятных социальных условиях"
    )
    assert len(p["задачи"]) == 5
    assert p["задачи"][0] == (
        "Внести коррективы в нормативно-правовое обеспечение деятельности ШНРО и ШНСУ "
        "на муниципальном уровне."
    )
    assert p["задачи"][4] == (
        "Обеспечить информационную открытость результатов реализации муниципального "
        "комплекса мер с «особенными» школами."
    )


def test_target_schools(doc):
    assert doc["школы"] == [
        "А-Ключинская ООШ", "Березовская СОШ", "Покатеевская СОШ", "Почетская СОШ",
        "Самойловская СОШ", "Хандальская СОШ", "Чигашетская ООШ",
        "Абанская ООШ №1", "Устьянская СОШ",
    ]
    for school in doc["школы"]:
        assert doc["участники"][school]["вид"] == "школа"


def test_columns(table):
    assert table["колонки"] == [
        {"поле": "номер", "заголовок": "№ п/п"},
        {"поле": "мероприятие", "заголовок": "Мероприятие"},
        {"поле": "срок", "заголовок": "Срок исполнения"},
        {"поле": "ожидаемый_результат", "заголовок": "Ожидаемые результаты"},
        {"поле": "ответственные", "заголовок": "Исполнители"},
    ]
    assert table["номера_колонок"] is True


def test_sections(table):
    sections = table["разделы"]
    assert "мероприятия" not in table
    assert [(s["название"], [a["номер"] for a in s["мероприятия"]]) for s in sections] == EXPECTED_SECTIONS
    for s in sections:
        assert "номер" not in s  # the document does not number its sections
        assert "разделы" not in s


def test_numbers_and_count(table):
    numbers = [a["номер"] for a in all_activities(table)]
    assert numbers == EXPECTED_NUMBERS
    assert len(numbers) == 30
    for a in all_activities(table):
        assert "мероприятия" not in a  # no child activities in this document


def test_row_1(by_number):
    a = by_number["1."]
    assert a["мероприятие"] == (
        "Утверждение перечня общеобразовательных организаций Абанского района "
        "со стабильно низкими образовательными результатами."
    )
    assert a["срок"] == "Июнь 2020 г."
    assert a["ответственные"] == ["УО", "МКУ «ИМС»"]


def test_row_4_people(by_number):
    a = by_number["4."]
    assert a["срок"] == "Июнь 2020 года"
    assert a["ответственные"] == [
        "Коршунова Н.В., муниципальный координатор",
        "Килина С.А., руководитель МКУ «ИМС»",
        "Шукайло Н.Н., начальник отдела общего и дополнительного образования Управления образования",
    ]


def test_row_8_and_11_deadlines(by_number):
    assert by_number["8."]["срок"] == "Сентябрь 2020г февраль, май 2021г"
    assert by_number["8."]["ответственные"] == ["УО", "МКУ «ИМС»", "руководители ОО", "рабочая группа"]
    assert by_number["11."]["срок"] == "Ноябрь 2020, май 2021, по графику"
    assert by_number["11."]["ответственные"][0] == FULL_UO


def test_row_15_range(by_number):
    a = by_number["15."]
    assert a["срок"] == "Октябрь – май"
    assert a["ожидаемый_результат"] == "Составлены ИППР"
    assert a["ответственные"] == ["МКУ «ИМС»", "руководители ОО"]


def test_row_17_subitems(by_number):
    a = by_number["17."]
    assert a["мероприятие"] == (
        "Прохождение курсовой подготовки управленческой командой по специальным программам:"
    )
    assert a["подпункты"] == [
        "«Управление школой 2020+:реализация ФГОС и предметных концепций »",
        "управление профессиональным развитием педагогов",
    ]
    assert a["срок"] == "2 квартал 2020 В течение года"
    # the stray trailing comma of the cell is gone
    assert a["ответственные"] == ["МКУ «ИМС»", "руководители ОО"]


def test_row_14_and_21(by_number):
    assert by_number["14."]["ответственные"] == ["КИПК", FULL_UO, "МКУ «ИМС»", "руководители ОО"]
    assert by_number["14."]["срок"] == "Июль 2020г"
    a = by_number["21."]
    assert a["мероприятие"].startswith("«Методический десант» в ШНРО и ШНСУ")
    assert a["срок"] == "Ноябрь-декабрь 2020, апрель – май 2021"
    assert a["ответственные"] == [FULL_UO, IMS_FULL, "руководители ОО"]


def test_rows_29_to_31(by_number):
    assert by_number["29"]["мероприятие"] == (
        "Педагогическая конференция «Качественное образование через эффективные управленческие практики»"
    )
    assert by_number["29"]["срок"] == "Декабрь, ежегодно"
    assert by_number["29"]["ответственные"] == [FULL_UO, IMS_FULL, "административные команды ОО"]
    assert by_number["30"]["срок"] == "Январь , ежегодно"
    assert by_number["31"]["мероприятие"] == "Фестиваль «Инновации. Мастерство. Творчество.»"
    assert by_number["31"]["срок"] == "Февраль, ежегодно"


def test_document_defects_kept(doc, by_number):
    # numbering gap: 27 is followed by 29, and 27-31 have no final dot
    assert "28" not in by_number and "28." not in by_number
    assert "27." not in by_number
    # row 16 has an empty "Ожидаемые результаты" cell
    assert "ожидаемый_результат" not in by_number["16."]
    # "ШПРО" instead of "ШНРО" in row 26
    assert "в ШПРО и ШНСУ" in by_number["26."]["мероприятие"]
    assert "в ШПРО и ШНСУ." in by_number["26."]["ожидаемый_результат"]
    # row 6 spells two schools unlike the preamble, and lacks a space before "("
    result6 = by_number["6."]["ожидаемый_результат"]
    assert "+Почесткая СОШ" in result6
    assert "+ Апаноключинская ООШ" in result6
    assert "проекты(планы мероприятий)" in result6
    # doubled full stop inside the quoted monitoring title of row 14
    assert "качества образования..»" in by_number["14."]["мероприятие"]
    # title slip "(Абанского район)"
    assert doc["название"].endswith("(Абанского район)")


def test_spelling_variants_not_merged(doc):
    parties = doc["участники"]
    for key in ("УО", FULL_UO, "МКУ «ИМС»", IMS_FULL,
                "руководители ОО", "Руководители ОО",
                "административные команды ОО", "Административные команды ОО"):
        assert key in parties
    for value in parties.values():
        assert "синонимы" not in (value or {})
    assert parties["УО"]["вид"] == "орган"
    assert parties[FULL_UO]["вид"] == "орган"
    assert parties["КИПК"]["вид"] == "организация"


def test_every_responsible_is_in_directory(doc, table):
    parties = doc["участники"]
    for a in all_activities(table):
        for r in a.get("ответственные", []):
            name = r if isinstance(r, str) else r["кто"]
            assert name in parties, name
