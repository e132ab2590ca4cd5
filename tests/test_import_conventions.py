"""The conventions of roadmaps from other regions: «N» for «№», numbering restarted in each
section (and check accepting it), approval lines, periods, titles over two paragraphs,
responsible parties; and check's positions inside long texts the importer wraps."""

from __future__ import annotations

import datetime

import pytest
import yaml

from roadmapctl.check.runner import check_source
from roadmapctl.importer import import_bytes
from roadmapctl.importer.columns import role_of
from roadmapctl.importer.grid import Para
from roadmapctl.importer.guesses import GuessLog
from roadmapctl.importer.header import find_period, parse_header, parse_number
from roadmapctl.importer.parties import split_cell
from roadmapctl.loading import Source

HEADER = "N п/п\tМероприятие\tСрок\tОтветственный"


def imported(*lines: str):
    result = import_bytes("\n".join(lines).encode("utf-8"), "t.txt")
    return yaml.safe_load(result.text), result


def codes(text: str) -> list[str]:
    return [d.code for d in check_source(Source(name="x.yaml", text=text))]


@pytest.mark.parametrize("header", ["N", "N п/п", "N п.п.", "n п/п"])
def test_n_is_the_number_column(header):
    assert role_of(header) == "номер"


@pytest.mark.parametrize("text, number", [
    ("от 12.01.2023 N 15", "15"), ("Приказ от 24.03.2021 № 93/1", "93/1"), ("Приложение N 2", "2"),
    ("распоряжение N 1295-р", "1295-р"), ("МБОУ СОШ N", None), ("NASA 12", None),
])
def test_order_numbers_with_n(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("text, period", [
    ("План мероприятий в 2016 году", "2016"), ("Дорожная карта на 2023 год", "2023"),
    ("на 2023 календарный год", "2023"), ("на 2021 - 2022 годы", "2021-2022"),
    ("на 2023/2024 учебный год", "2023-2024 учебный год"), ("в 2016 г.", "2016"),
    ("приказ от 12.01.2023", None),
    # 03 of the corpus: a year and a later end named after it
    ("на 2011 год и на среднесрочный период до 2013 года", "2011-2013"),
    ("на 2011 год и на 2012 год", "2011"), ("на 2011 год и на период до 2030 года", "2011"),
])
def test_periods(text, period):
    assert find_period(text) == period


def _header(*texts: str):
    paras = [Para(text, line=k + 1) for k, text in enumerate(texts)]
    return parse_header(paras, GuessLog())


def test_approval_line_with_the_act():
    info = _header("УТВЕРЖДЕНА", "приказом управления образования администрации города Энска",
                   "от 12.01.2023 N 15", "Дорожная карта", "по поддержке школ на 2023 год")
    assert info.order == {"вид": "приказ", "дата": datetime.date(2023, 1, 12), "номер": "15"}
    assert info.authority == "Управление образования администрации города Энска"
    assert info.title == "Дорожная карта по поддержке школ на 2023 год"
    assert info.period == "2023"


def test_a_title_under_the_stamp_wins_over_a_page_title_above_it():
    """13 of the corpus: a PDF's file name «Дорожная карта Наставничество» stands above the
    stamp; the document's title is the one under it. A surname in capitals is a name."""
    info = _header("Дорожная карта Наставничество", "УТВЕРЖДАЮ", "ДИРЕКТОР ШКОЛЫ", "Е.В.ТАРАБАНОВА",
                   "План мероприятий (дорожная карта)", "внедрения наставничества МБОУ Тамбарской ООШ")
    assert info.title == "План мероприятий (дорожная карта) внедрения наставничества МБОУ Тамбарской ООШ"
    assert info.approval["фио"] == "Е.В.ТАРАБАНОВА"


def test_a_mark_without_its_word_appendix():
    """14 of the corpus: «к приказу МБОУ СОШ № 15» / «от №» at the top, «Приложение» lost."""
    info = _header("к приказу МБОУ СОШ № 15", "от №", "План информационно-разъяснительной работы")
    assert info.appendix == {"к": "к приказу МБОУ СОШ № 15"}
    assert "номер" not in info.order


def test_a_stamp_of_a_printed_form_and_a_title_ending_with_its_district():
    """10 of the corpus: the name between slashes, the order's number in a blank «№_66», and
    the title's last line the school's district in the genitive."""
    info = _header("Утверждаю", "Директор МОУ «Большевистская", "ООШ №19»", "__________ /Т. М. Гераськина/",
                   "Приказ №_66 от 09.03.2011_", "План-график", "введения ФГОС", "в муниципальном учреждении",
                   "«Большевистская ООШ №19»", "Ефремовского района Тульской области")
    assert info.approval["фио"] == "Т. М. Гераськина"
    assert info.order["номер"] == "66"
    assert info.title == ("План-график введения ФГОС в муниципальном учреждении «Большевистская ООШ №19» "
                          "Ефремовского района Тульской области")


def test_a_bare_numbered_appendix_mark_is_kept():
    """15 of the corpus: «Приложение 2» alone above the title."""
    info = _header("Приложение 2", "Календарный план воспитательной работы", "на 2023-2024 учебный год")
    assert info.appendix == {"номер": "2", "к": "документ не указан"}
    assert "не говорит, к какому документу приложен план" in info.comments["приложение"][0]
    assert info.title == "Календарный план воспитательной работы на 2023-2024 учебный год"


def test_approval_on_one_line():
    info = _header("Утвержден распоряжением администрации Энского района от 01.02.2024 N 1295-р",
                   "План мероприятий («дорожная карта»)", "на 2024 год")
    assert info.order == {"вид": "распоряжение", "дата": datetime.date(2024, 2, 1), "номер": "1295-р"}
    assert info.authority == "Администрация Энского района"
    assert info.title == "План мероприятий («дорожная карта») на 2024 год"


def test_numbering_restarting_in_each_section_is_accepted():
    data, result = imported(HEADER, "I. Организация работы", "1.\tСоздание группы\tМарт 2024 г.\tУО",
                            "2.\tРазработка планов\tАпрель 2024 г.\tОО",
                            "II. Методическая работа", "1.\tСеминары\tМай 2024 г.\tУО")
    sections = data["таблицы"][0]["разделы"]
    assert [[a["номер"] for a in s["мероприятия"]] for s in sections] == [["1.", "2."], ["1."]]
    assert [s["номер"] for s in sections] == ["I.", "II."]
    found = codes(result.text)
    assert "RM201" not in found and "RM202" not in found and "RM203" not in found


def test_a_real_duplicate_within_a_section_is_still_reported():
    _data, result = imported(HEADER, "I. Организация работы", "1.\tСоздание группы\tМарт 2024 г.\tУО",
                             "1.\tРазработка планов\tАпрель 2024 г.\tОО",
                             "II. Методическая работа", "1.\tСеминары\tМай 2024 г.\tУО")
    assert codes(result.text).count("RM201") == 1


def test_numbering_through_the_table_still_checked():
    """Sections that do not restart at 1: a repeated number is a duplicate of the table."""
    _data, result = imported(HEADER, "I. Организация работы", "1.\tСоздание группы\tМарт 2024 г.\tУО",
                             "2.\tРазработка планов\tАпрель 2024 г.\tОО",
                             "II. Методическая работа", "2.\tСеминары\tМай 2024 г.\tУО")
    assert "RM201" in codes(result.text)


@pytest.mark.parametrize("cell, parties", [
    ("органы местного самоуправления, осуществляющие управление в сфере образования",
     ["органы местного самоуправления, осуществляющие управление в сфере образования"]),
    ("органы местного самоуправления, осуществляющие управление в сфере образования (ОМСУ), ОО",
     ["органы местного самоуправления, осуществляющие управление в сфере образования (ОМСУ)", "ОО"]),
    ("Иванов И.И. Петров П.П.", ["Иванов И.И.", "Петров П.П."]),
    ("И.И. Иванов П.П. Петров Сидоров С.С.", ["И.И. Иванов", "П.П. Петров", "Сидоров С.С."]),
    ("школы, показавшие низкие результаты", ["школы, показавшие низкие результаты"]),
    ("ОО (руководители), УО", [{"кто": "ОО", "уточнение": "руководители", "связка": "скобки"}, "УО"]),
])
def test_responsible_parties(cell, parties):
    assert [ref.as_yaml() for ref in split_cell([cell]).refs] == parties


def test_check_points_into_a_long_wrapped_text():
    """A finding inside a long text the importer folds over several lines points at the words."""
    text = ("Организация методического сопровождения педагогов школ с низкими образовательными результатами "
            "по вопросам подготовки обучающихся к оценочным процедурам и работа работа с родителями")
    _data, result = imported("Дорожная карта на 2024 год", HEADER, f"1.\t{text}\tМарт 2024 г.\tУО")
    lines = result.text.split("\n")
    found = [d for d in check_source(Source(name="x.yaml", text=result.text)) if d.code == "RM602"]
    assert len(found) == 1
    span = found[0].span
    written = lines[span.line - 1]
    assert "работа работа" not in lines[[k for k, ln in enumerate(lines) if "мероприятие: Организация" in ln][0]]
    assert written[span.column - 1:].startswith("работа")


def test_check_points_at_words_split_by_a_fold():
    """The doubled word stands across a line fold of a quoted scalar."""
    _data, result = imported("Дорожная карта на 2024 год", HEADER, "1.\tX\tМарт 2024 г.\tУО")
    text = result.text.replace("мероприятие: X", 'мероприятие: "Работа с\n          педагогами работа\n'
                                                 '          работа и далее"')
    found = [d for d in check_source(Source(name="x.yaml", text=text)) if d.code == "RM602"]
    lines = text.split("\n")
    row = next(k for k, ln in enumerate(lines) if "педагогами работа" in ln) + 1
    assert (found[0].span.line, found[0].span.column) == (row, lines[row - 1].index("работа") + 1)
    assert found[0].span.end_line == row + 1


def test_a_title_in_capitals_over_three_paragraphs():
    paras = [Para("ДОРОЖНАЯ КАРТА", line=1, bold=True), Para("ПО ПОДДЕРЖКЕ ШКОЛ С НИЗКИМИ РЕЗУЛЬТАТАМИ", line=2, bold=True),
             Para("НА 2023 ГОД", line=3, bold=True)]
    info = parse_header(paras, GuessLog())
    assert info.title == "ДОРОЖНАЯ КАРТА ПО ПОДДЕРЖКЕ ШКОЛ С НИЗКИМИ РЕЗУЛЬТАТАМИ НА 2023 ГОД"
    assert info.period == "2023"


def test_a_section_row_in_a_box_table():
    text = "\n".join(["Дорожная карта на 2024 год", "┌──┬────────────┬──────┐", "│N │Мероприятие │Срок  │",
                      "├──┴────────────┴──────┤", "│I. Организационные    │", "├──┬────────────┬──────┤",
                      "│1.│Работа      │Март  │", "│  │с кадрами   │2024 г│", "├──┼────────────┼──────┤",
                      "│2.│Анализ      │Май   │", "└──┴────────────┴──────┘"])
    data, _result = imported(text)
    section = data["таблицы"][0]["разделы"][0]
    assert (section["номер"], section["название"]) == ("I.", "Организационные")
    assert [(a["номер"], a["мероприятие"], a["срок"]) for a in section["мероприятия"]] == [
        ("1.", "Работа с кадрами", "Март 2024 г"), ("2.", "Анализ", "Май")]


def test_a_doubled_space_in_a_long_folded_text_is_marked_whole():
    """Both spaces of a doubled space are under the finding, also after the text is folded."""
    text = ("Организация методического сопровождения педагогов школ с низкими образовательными "
            "результатами по вопросам подготовки обучающихся к оценочным процедурам и работа  с родителями")
    _data, result = imported("Дорожная карта на 2024 год", HEADER, f"1.\t{text}\tМарт 2024 г.\tУО")
    found = [d for d in check_source(Source(name="x.yaml", text=result.text)) if d.code == "RM605"]
    assert len(found) == 1
    span = found[0].span
    line = result.text.split("\n")[span.line - 1]
    assert span.end_line == span.line
    assert line[span.column - 1:span.end_column - 1] == "  "
    assert line[span.column - 7:span.end_column] == "работа  с"
