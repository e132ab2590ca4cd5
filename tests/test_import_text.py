"""The importer's parts on small inputs: the text reader, column roles, rows, lists, parties,
the header; and a property test: no input makes the reader raise anything but ImportFailure."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmapctl.check.runner import check_source
from roadmapctl.importer import ImportFailure, import_bytes
from roadmapctl.importer.columns import is_column_numbers, recognize, role_of
from roadmapctl.importer.grid import Grid, Para
from roadmapctl.importer.header import find_period, parse_header
from roadmapctl.importer.guesses import GuessLog
from roadmapctl.importer.parties import Directory, expand_members, merge_key, split_cell
from roadmapctl.importer.cells import looks_like_deadline, split_inline_list
from roadmapctl.importer.text import parse_cell, read_text
from roadmapctl.loading import Source

from conftest import activities_by_number

HEADER = "№ п/п\tМероприятие\tОтветственный\tСрок реализации\tОжидаемые результаты"


def doc_of(*lines: str) -> dict:
    return yaml.safe_load(import_bytes("\n".join(lines).encode("utf-8"), "t.txt").text)


# --------------------------------------------------------------------------- columns


@pytest.mark.parametrize("header, field", [
    ("Сроки", "срок"), ("Срок исполнения", "срок"), ("Сроки реализации", "срок"),
    ("Ответственный", "ответственные"), ("Ответственные", "ответственные"), ("Исполнители", "ответственные"),
    ("Ответственный исполнитель", "ответственные"),
    ("Мероприятие", "мероприятие"), ("Содержание действия", "мероприятие"),
    ("Наименование мероприятия", "мероприятие"), ("Основные направления деятельности", "мероприятие"),
    ("Ожидаемые результаты", "ожидаемый_результат"), ("Ожидаемый результат", "ожидаемый_результат"),
    ("Ожидаемые результаты исполнения мероприятия", "ожидаемый_результат"),
    ("Форма предоставления результатов", "форма_результата"),
    ("№ п/п", "номер"), ("№п/п", "номер"), ("№", "номер"),
    ("Примечание", "примечание"), ("Отметка о выполнении", "отметка"),
    ("Источник финансирования", None),
])
def test_column_roles(header, field):
    assert role_of(header) == field


def test_header_in_any_order_and_unplaced_column():
    header = recognize(["Срок исполнения", "№", "Содержание действия", "Бюджет", "Исполнители"])
    assert [c.field for c in header.columns] == ["срок", "номер", "мероприятие", None, "ответственные"]
    assert [c.header for c in header.unplaced] == ["Бюджет"]


def test_data_rows_are_not_headers():
    assert recognize(["1", "Мероприятие по плану", "РУО", "Март 2021", "Результат"]) is None
    assert recognize(["10", "Мониторинг участия школ в мероприятиях региональной «дорожной» карты", "РУО",
                      "Постоянно", "Контроль за школами – участниками проекта и оказание методической помощи"]) is None
    assert is_column_numbers(["1", "2", "3", "4", "5"])
    assert not is_column_numbers(["1", "2", "4"])


# --------------------------------------------------------------------------- text reader


def test_html_remnants_become_paragraphs_and_vanish():
    paras = parse_cell('<p>Первый абзац</p> <ul style="list-style-type: none"> - пункт; - второй</ul> &quot;x&quot;')
    assert [p.text for p in paras] == ["Первый абзац", "- пункт; - второй", '"x"']
    bold = parse_cell("<b>1. Раздел</b>")
    assert bold[0].text == "1. Раздел" and bold[0].bold
    assert parse_cell("текст <5 баллов> и 3 < 4")[0].text == "текст <5 баллов> и 3 < 4"


def test_encodings_bom_crlf_and_cp1251():
    text = f"Заголовок\r\n{HEADER}\r\n1.\tТекст\tРУО\tМарт 2021\tИтог\r\n"
    for data in (text.encode("utf-8-sig"), text.encode("utf-16"), text.encode("cp1251")):
        doc = read_text(data, "t.txt")
        grid = next(b for b in doc.blocks if isinstance(b, Grid))
        assert grid.rows[1].cells[1].text == "Текст"
    assert any("Windows-1251" in note for note in read_text(text.encode("cp1251"), "t.txt").notes)


def test_a_line_without_tabs_between_rows_is_kept_in_the_table():
    doc = read_text(f"{HEADER}\n1.\tТекст\tРУО\tМарт 2021\tИтог\n\nпродолжение текста\n--\t--\t--\t--\t--\n", "t.txt")
    grid = next(b for b in doc.blocks if isinstance(b, Grid))
    assert grid.rows[2].loose and grid.rows[2].cells[0].text == "продолжение текста"


@pytest.mark.parametrize("data, message", [
    (b"", "пуст"), (b"   \n\n", "пуст"), ("просто текст без таблицы".encode(), "нет таблицы"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1xxxx", "старом формате"), (b"%PDF-1.4", "PDF"),
    ("a\tb\n1\t2\n".encode(), "узнаваемой строки заголовка"),
])
def test_bad_text_input_gives_a_russian_failure(data, message):
    with pytest.raises(ImportFailure, match=message):
        import_bytes(data, "t.txt")


_TOKENS = list("аб вгРУО1.2\t\n\r<>/p«»\"'-–;:,()№*") + [
    "<p>", "</p>", "<b>", "</b>", "<ul>", "<li>", "\x00", "\ufeff", "&amp;", "&#x41;", "\u2028", "\v", "\f",
    "Мероприятие", "Сроки", "Ответственный", "1. ", "1.1.", "--", "Утверждаю", "Приложение № 1", "на 2021-2022 годы",
]
_TEXTISH = st.lists(st.sampled_from(_TOKENS), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=400), _TEXTISH.map(lambda s: s.encode("utf-8", "surrogatepass"))))
def test_the_text_reader_raises_only_its_own_error(data):
    try:
        read_text(data, "t.txt")
    except ImportFailure as exc:
        assert str(exc).startswith("t.txt: ")


@pytest.mark.slow
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_TEXTISH.filter(lambda s: "\t" not in s and "\n" not in s and "\r" not in s), min_size=1,
                         max_size=6), max_size=12))
def test_a_whole_import_of_any_table_raises_only_its_own_error(rows):
    lines = [HEADER] + ["\t".join(cells) for cells in rows]
    try:
        result = import_bytes("\n".join(lines).encode("utf-8"), "t.txt")
    except ImportFailure:
        return
    # whatever the table held, the file is readable YAML that the schema accepts
    broken = [d for d in check_source(Source(name="t.yaml", text=result.text)) if d.code.startswith(("RM0", "RM1"))]
    assert not broken, broken


# --------------------------------------------------------------------------- rows


def test_sections_nested_numbering_children_and_column_number_row():
    doc = doc_of(
        HEADER,
        "1\t2\t3\t4\t5",
        "1. Раздел первый\t\t\t\t",
        "1.1. Подраздел\t\t\t\t",
        "1\tТекст один\tРУО\tМарт 2021 года\tИтог",
        "2\tРабота с партнёрами:\t\t\t",
        "2.1\tСеминар\tОО\tАпрель 2021 года\tПроведён",
        "2. Раздел второй\t\t\t\t",
        "3\tТекст три\tРУО\tМай 2021 года\tИтог",
        "--\t--\t--\t--\t--",
    )
    table = doc["таблицы"][0]
    assert table["номера_колонок"] is True
    assert [s["номер"] for s in table["разделы"]] == ["1.", "2."]
    assert table["разделы"][0]["разделы"][0]["номер"] == "1.1."
    acts = activities_by_number(doc)
    assert list(acts) == ["1", "2", "2.1", "3"]
    assert acts["2"]["мероприятия"][0]["номер"] == "2.1"


def test_page_break_continuation_and_cells_too_many_or_too_few():
    doc = doc_of(
        HEADER,
        "1.\tНачало текста\tРУО\tМарт 2021 года\tПервая часть",
        "\tконец текста\t\t\tвторая часть",
        "2.\tБез даты\tРУО\tРезультат, который на дату не похож",
        "3.\tЛишняя ячейка\tРУО\tАпрель 2021 года\t\tРезультат в шестой ячейке",
    )
    acts = activities_by_number(doc)
    assert acts["1."]["мероприятие"] == "Начало текста конец текста"
    assert acts["1."]["ожидаемый_результат"] == "Первая часть вторая часть"
    assert "срок" not in acts["2."]
    assert acts["2."]["ожидаемый_результат"] == "Результат, который на дату не похож"
    assert acts["3."]["ожидаемый_результат"] == "Результат в шестой ячейке"


def test_inline_lists_become_sub_items():
    assert split_inline_list("Включение показателей: -первый; -второй; -третий") == (
        "Включение показателей:", ["первый;", "второй;", "третий"])
    assert split_inline_list("Дифференциация дефицитов образования- Анализ систем; - Самоанализ педагогов") == (
        "Дифференциация дефицитов образования", ["Анализ систем;", "Самоанализ педагогов"])
    assert split_inline_list("Семинары: - «Управление 2020+:ФГОС » - управление развитием") == (
        "Семинары:", ["«Управление 2020+:ФГОС »", "управление развитием"])
    assert split_inline_list("Проведение семинаров - совещаний учителей - предметников") is None
    assert split_inline_list("Мастер-класс «Школа - школе»; итоги") is None


def test_deadline_words():
    for text in ("Март 2021 года", "постоянно", "По графику ИРО", "ежеквартально", "1 раз в квартал", "2022 год",
                 "В течение учебного года", "К 01 сентября 2021 года", "до 10 числа каждого месяца"):
        assert looks_like_deadline(text), text
    for text in ("Получена объективная информация о динамике успеваемости", "деятельность сторон в рамках карт"):
        assert not looks_like_deadline(text), text


# --------------------------------------------------------------------------- parties


def _names(cell: str) -> list:
    return [r.as_yaml() for r in split_cell([cell]).refs]


def test_responsible_cells_are_split_into_parties():
    assert _names("РУО, ОО") == ["РУО", "ОО"]
    assert _names("ИМЦ РУО; ОО,") == ["ИМЦ РУО", "ОО"]
    assert _names("МКУ «ЦНППМ г. Тулы» (рабочая группа)") == [
        {"кто": "МКУ «ЦНППМ г. Тулы»", "уточнение": "рабочая группа", "связка": "скобки"}]
    assert _names("ОО – сетевые партнёры") == [{"кто": "ОО", "уточнение": "сетевые партнёры", "связка": "тире"}]
    assert _names("МБОУ «СОШ №1» Управление образования") == ["МБОУ «СОШ №1»", "Управление образования"]
    assert _names("Иванова И.И., директор школы, РУО") == ["Иванова И.И., директор школы", "РУО"]
    assert _names("руководители, заместители руководителей школ, демонстрирующих высокие результаты") == [
        "руководители, заместители руководителей школ, демонстрирующих высокие результаты"]


def test_school_lists_and_pairs():
    assert expand_members("МБОУ ЦО №№ 17, 24, 29") == ["МБОУ ЦО № 17", "МБОУ ЦО № 24", "МБОУ ЦО № 29"]
    assert expand_members("Сош №2, №3") == ["Сош №2", "Сош №3"]
    found = split_cell(["МБОУ «СОШ №2» - МБОУ «СОШ №9», МБОУ «СОШ №3» и МБОУ «СОШ №1»"])
    assert [r.name for r in found.refs] == ["МБОУ «СОШ №2»", "МБОУ «СОШ №9»", "МБОУ «СОШ №3»", "МБОУ «СОШ №1»"]
    assert found.pairs == [("МБОУ «СОШ №2»", "МБОУ «СОШ №9»"), ("МБОУ «СОШ №3»", "МБОУ «СОШ №1»")]


def test_directory_merges_only_spaces_case_and_quotes():
    assert merge_key("МКУ «ЦНППМ г.Тулы»") == merge_key('мку "ЦНППМ г. Тулы"')
    assert merge_key("МКУ «ЦНППМ г.Тулы»") != merge_key("МКУ «ЦНППИМ г.Тулы»")
    directory = Directory()
    for name in ["МКУ «ЦНППИМ г.Тулы»", "МКУ «ЦНППИМ г.Тулы»", "МКУ «ЦНППИМ г. Тулы»", "МКУ «ЦНППМ г.Тулы»"]:
        for ref in split_cell([name]).refs:
            directory.use(ref)
    log = GuessLog()
    entries = directory.build(log)
    assert list(entries) == ["МКУ «ЦНППИМ г.Тулы»", "МКУ «ЦНППМ г.Тулы»"]
    assert entries["МКУ «ЦНППИМ г.Тулы»"].aliases == ["МКУ «ЦНППИМ г. Тулы»"]
    assert any("не стал" in g.message for g in log)


# --------------------------------------------------------------------------- header


def _paras(*lines: str) -> list[Para]:
    return [Para(text, line=i) for i, text in enumerate(lines, 1) if text]


def test_periods():
    assert find_period("Дорожная карта на 2021 - 2022 годы") == "2021-2022"
    assert find_period("на 2021-2022 гг.") == "2021-2022"
    assert find_period("на 2020-2021 учебный год") == "2020-2021 учебный год"
    assert find_period("на 2022 год") == "2022"
    assert find_period("от 12.08.2020 № 974") is None


def test_order_letterhead_items_and_signature():
    info = parse_header(_paras(
        "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ", "администрации города Примерска", "Орловской области", "",
        "ПРИКАЗ", "", "24.03.2021 № 93/1", "Примерск", "",
        "О реализации проекта", "", "На основании приказа департамента", "", "ПРИКАЗЫВАЮ:", "",
        "1. Утвердить дорожную карту (приложение 1).", "2. Утвердить состав рабочей группы:",
        "- Иванова И.И., начальник управления, председатель рабочей группы;", "",
        "Начальник управления", "", "И.И. Иванова", "",
        "Приложение", "к приказу управления образования", "«24 марта» 2021 год № 93/1", "",
        "Дорожная карта по поддержке школ", "на территории города Примерска на 2021-2022 гг.",
    ), GuessLog())
    assert info.authority == "Управление образования администрации города Примерска"
    assert info.region == "Орловская область"
    assert info.order["номер"] == "93/1" and info.order["место"] == "Примерск"
    assert info.order["заголовок"] == "О реализации проекта"
    assert info.order["преамбула"] == "На основании приказа департамента"
    assert [i["номер"] for i in info.order["пункты"]] == ["1.", "2."]
    assert info.order["подпись"] == {"должность": "Начальник управления", "фио": "И.И. Иванова"}
    assert info.working_group == [{"фио": "Иванова И.И.", "должность": "начальник управления",
                                   "роль": "председатель рабочей группы"}]
    assert info.appendix == {"к": "к приказу управления образования"}
    assert info.title == "Дорожная карта по поддержке школ на территории города Примерска на 2021-2022 гг."
    assert info.period == "2021-2022"


# --------------------------------------------------------------------------- the field table

# A header word for every column of document/fields.py (a new field with a column of its own gets one
# here, and its header words in importer/columns.py), and a cell under it.
COLUMN_CELLS = {
    "номер": ("№ п/п", "1."),
    "мероприятие": ("Мероприятие", "Провести семинар для учителей"),
    "ответственные": ("Ответственный", "РУО"),
    "срок": ("Срок", "март 2021 года"),
    "ожидаемый_результат": ("Ожидаемый результат", "Проведён семинар"),
    "форма_результата": ("Форма предоставления результатов", "Справка"),
    "примечание": ("Примечание", "По согласованию"),
    "отметка": ("Отметка о выполнении", "Выполнено"),
}


def test_import_carries_every_column_of_the_field_table():
    """Import fills its draft from document/fields.py: a value in the column of any field reaches
    that field (before, a new field's values were silently dropped until importer/rows.py was edited)."""
    from roadmapctl.document import fields

    columns = list(fields.COLUMNS)
    assert sorted(COLUMN_CELLS) == sorted(columns), "a column of document/fields.py without a case here"
    header = "\t".join(COLUMN_CELLS[c][0] for c in columns)
    row = "\t".join(COLUMN_CELLS[c][1] for c in columns)
    [table] = doc_of(header, row)["таблицы"]
    assert [c["поле"] for c in table["колонки"]] == columns
    [activity] = table["мероприятия"]
    assert activity == {
        "номер": "1.", "мероприятие": "Провести семинар для учителей", "ответственные": ["РУО"],
        "срок": "март 2021 года", "ожидаемый_результат": "Проведён семинар", "форма_результата": "Справка",
        "примечание": "По согласованию\nВыполнено",
    }
    for f in fields.ACTIVITY_FIELDS:  # every field shown in a column of its own holds its cell
        if f.column == f.key and f.kind is fields.Kind.TEXT:
            assert COLUMN_CELLS[f.key][1] in activity[f.key].splitlines(), f.key
