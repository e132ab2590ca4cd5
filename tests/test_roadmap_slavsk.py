"""Transcription of seed 003 (Славский муниципальный округ, 2022-2023) checked against the source.

Every expected value below is written out by hand from the seed text, not computed from the YAML.
"""
import datetime
from pathlib import Path

import pytest
import yaml

SLUG = "slavsk"
ROADMAP = Path(__file__).resolve().parents[1] / "roadmaps" / "slavsk-2022-2023.yaml"

HEADS = "руководители общеобразовательных организаций"
HEADS_CAP = "Руководители общеобразовательных организаций"
DEPT = "Отдел образования"

EXPECTED_NUMBERS_TABLE_1 = [
    "1.1", "1.2", "1.3",
    "2.1", "2.2", "2.3", "2.4", "2.5",
    "3.1", "3.2", "3.3", "3.4",
    "4.1", "4.2", "4.3", "4.4",
]
EXPECTED_NUMBERS_TABLE_2 = ["1", "2", "3", "4", "5", "6", "7", "8"]

EXPECTED_SECTIONS = [
    ("1.", "Улучшение материально-технической базы"),
    ("2.", "Повышение квалификации кадрового состава"),
    ("3.", "Взаимодействие с родительским сообществом"),
    ("4.", "Достижение положительной динамики результатов учебной деятельности"),
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
def tables(doc):
    assert len(doc["таблицы"]) == 2
    return doc["таблицы"]


@pytest.fixture(scope="module")
def t1(tables):
    return {a["номер"]: a for a in _all_activities(tables[0])}


@pytest.fixture(scope="module")
def t2(tables):
    return {a["номер"]: a for a in _all_activities(tables[1])}


def test_header(doc):
    assert doc["версия_формата"] == 1
    assert doc["орган"]["краткое"] == "Отдел образования"
    assert doc["орган"]["наименование"].startswith("Отдел образования администрации")
    assert doc["регион"] == "Калининградская область"
    assert doc["муниципалитет"] == "Славский муниципальный округ"
    assert doc["период"] == "2022-2023"
    assert doc["название"] == (
        "Дорожная карта по поддержке общеобразовательных организаций с устойчиво низкими "
        "образовательными результатами на 2022 - 2023 годы в МО «Славский муниципальный округ "
        "Калининградской области»"
    )


def test_order(doc):
    order = doc["приказ"]
    assert order["вид"] == "приказ"
    assert order["номер"] == "11/1"
    assert order["дата"] in (datetime.date(2022, 2, 28), "2022-02-28")
    assert order["подпись"] == {"должность": "Начальник отдела", "фио": "И.В. Коробова"}
    assert [p.get("номер") for p in order["пункты"]] == ["1.", "2.", "2.1.", "2.2.", "2.3.", "3."]
    assert order["пункты"][0]["текст"] == (
        "Утвердить дорожную карту по поддержке общеобразовательных организаций с устойчиво "
        "низкими образовательными результатами на 2022-2023 годы (Приложение №1)."
    )
    assert order["пункты"][5]["текст"] == "Контроль за исполнением настоящего приказа оставляю за собой."
    assert "№844/1" in order["преамбула"]
    assert doc["приложение"]["номер"] == "1"


def test_columns(tables):
    first, second = tables
    common = [
        ("номер", "№"),
        ("мероприятие", "Основные направления деятельности"),
        ("срок", "Сроки исполнения"),
        ("ответственные", "Ответственный исполнитель"),
    ]
    assert [(c["поле"], c["заголовок"]) for c in first["колонки"]] == common + [
        ("ожидаемый_результат", "Ожидаемый результат")]
    assert [(c["поле"], c["заголовок"]) for c in second["колонки"]] == common + [
        ("форма_результата", "Форма предоставления результатов")]
    assert second["название"] == "Реализация дорожной карты"


def test_sections(tables):
    first, second = tables
    assert [(s.get("номер"), s["название"]) for s in first["разделы"]] == EXPECTED_SECTIONS
    assert not second.get("разделы")


def test_activity_numbers_in_document_order(tables):
    first, second = tables
    n1 = [a["номер"] for a in _all_activities(first)]
    n2 = [a["номер"] for a in _all_activities(second)]
    assert n1 == EXPECTED_NUMBERS_TABLE_1
    assert n2 == EXPECTED_NUMBERS_TABLE_2
    assert len(n1) == 16 and len(n2) == 8
    assert len(n1) + len(n2) == 24
    assert all(isinstance(n, str) for n in n1 + n2)


def test_activity_1_1(t1):
    a = t1["1.1"]
    assert a["мероприятие"] == "Пополнение фонда школьной библиотеки"
    assert a["ответственные"] == [HEADS_CAP]
    assert a["срок"] == "Постоянно"
    assert a["ожидаемый_результат"] == "100% укомплектованность библиотечного фонда"


def test_activity_2_3_deadline_with_note(t1):
    a = t1["2.3"]
    assert a["срок"] == "Постоянно (по графику ОО)"
    assert a["ожидаемый_результат"] == "Прохождение педагогами регулярной курсовой подготовки"


def test_activity_2_5_list_items(t1):
    a = t1["2.5"]
    assert a["мероприятие"] == (
        "Включение в показатели стимулирующих выплат педагогам показателей, характеризующих:")
    assert a["подпункты"] == [
        "результативность педагогов, работающих со сложным контингентом;",
        "результативность в индивидуальной работе с обучающимися, слабоуспевающими учебный материал;",
        "результативность в индивидуальной работе с родителями",
    ]


def test_activity_4_1_and_4_2(t1):
    assert t1["4.1"]["срок"] == "Ежегодно"
    assert t1["4.1"]["ответственные"] == [DEPT, HEADS]
    assert t1["4.2"]["срок"] == "По графику"
    assert t1["4.2"]["мероприятие"] == (
        "Организация участия общеобразовательных учреждений в процедурах независимой оценки "
        "качества образования")


def test_table_2_rows(t2):
    assert t2["1"]["срок"] == "Февраль 2022"
    assert t2["1"]["ответственные"] == [DEPT]
    assert t2["1"]["форма_результата"] == (
        "Приказ отдела образования администрации МО «Славский муниципальный округ "
        "Калининградской области»")
    assert t2["2"]["срок"] == "Ежегодно (сентябрь)"
    assert t2["4"]["срок"] == "Ежегодно (май)"
    assert t2["5"]["срок"] == "1 раз в квартал"
    assert t2["5"]["форма_результата"] == (
        "Аналитическая справка по итогам мониторинга сайтов общеобразовательных организаций")
    assert t2["7"]["ответственные"] == [DEPT, "МБОУ «Прохладенская ООШ»"]
    assert t2["8"]["срок"] == "1 раз в год"
    assert all("ожидаемый_результат" not in a for a in t2.values())


def test_row_6_joined_across_page_break(t2):
    a = t2["6"]
    assert a["мероприятие"] == (
        "Мониторинг результатов освоения образовательных программ, результатов государственной "
        "итоговой аттестацией в 9, 11 классах")
    assert a["срок"] == "Ежегодно (июль)"
    assert a["форма_результата"] == "Аналитическая справка по итогам мониторинга"


def test_defect_wrong_word_in_row_6_responsible_is_kept(doc, t2):
    assert t2["6"]["ответственные"] == [DEPT, "руководители общественных организаций"]
    assert "руководители общественных организаций" in doc["участники"]
    assert all(not (p or {}).get("синонимы") for p in doc["участники"].values())


def test_every_responsible_is_in_directory(doc, tables):
    parties = doc["участники"]
    for table in tables:
        for a in _all_activities(table):
            assert a.get("ответственные"), a["номер"]
            for r in a["ответственные"]:
                name = r["кто"] if isinstance(r, dict) else r
                assert name in parties, (a["номер"], name)
