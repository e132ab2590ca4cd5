"""`import` of a whole PDF page flattened onto one line (importer/flatpage.py): the corpus copy
(tests/data/corpus/tables/16_…, source address in its first line) and hand-written pages of other
regions, with every expected value written out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_tables import approval_right, document_text, expected, imported_rows, match_rows, row_right, title_right
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmapctl.importer import ImportFailure, import_bytes, import_path
from roadmapctl.importer.flatpage import _assign, _pieces, read_flat

TALOE = "16_taloe_plan_grafik_vneshnih_procedur_2023.txt"

# a school in Tomsk: rows in order, dates as ДД.ММ.ГГГГ, one date cell with a second line, Windows line end
TOMSK = ("Муниципальное автономное общеобразовательное учреждение «Средняя школа № 5» г. Томска "
         "УТВЕРЖДЕН приказом директора от 01.09.2024 № 115 График оценочных процедур на 2024-2025 учебный год "
         "Оценочная процедура Класс Предмет Дата проведения "
         "Контрольная работа 5 Математика 15.10.2024 "
         "Диагностическая работа 6 Русский язык 20.11.2024 По графику региона "
         "Пробный экзамен 9 Обществознание 12.02.2025 "
         "Всероссийская проверочная работа 7 Английский язык 03.04.2025\r\n")

# a school in Buryatia: no subject column, the first three activities as a block before their rows,
# date cells with a second line, day ranges
BURYATIA = ("Республика Бурятия Муниципальное бюджетное общеобразовательное учреждение «Кижингинская СОШ» "
            "Приложение 3 к приказу от 10.01.2025 № 7-од Календарный график оценочных процедур на II полугодие "
            "2024/2025 учебного года Оценочная процедура Классы Сроки проведения "
            "Региональная контрольная работа Комплексная работа по функциональной грамотности Пробное собеседование "
            "8 3 февраля 2025 4 12-14 марта 2025 В соответствии с графиком 9 17 апреля 2025 В соответствии с "
            "графиком Итоговая контрольная работа 5-7 19-23 мая 2025")


def _rows(text: str, name: str = "страница.txt") -> list[tuple[str, str | None]]:
    result = import_bytes(text.encode("utf-8"), name)
    return [(r.text, r.deadline) for r in imported_rows(result.data)]


def test_the_corpus_page_reads_every_row_right() -> None:
    want = expected()[TALOE]
    result = import_bytes(document_text(TALOE), TALOE)
    got = imported_rows(result.data)
    for row, found in zip(want["rows"], match_rows(want["rows"], got)):
        assert found is not None and row_right(row, found), (row, found)
    assert len(got) == 8
    assert approval_right(want["approval"], result.data)
    assert title_right(want["title"], result.data)
    assert result.data["приказ"]["номер"] == "02-04-1"  # glued to «от» in the source: «02-04-1от»
    assert result.data["таблицы"][0]["мероприятия"][3]["срок"] == "1-24 марта 2023\nПо решению ОО"
    # the corpus copy's rows 2–5 stood in a block before their cells: said as a guess on those only
    notes = [(k, " ".join(result.comments.get(("таблицы", 0, "мероприятия", k), []))) for k in range(8)]
    assert [k for k, text in notes if "блоком с другими названиями" in text] == [1, 2, 3, 4]


def test_a_page_with_rows_in_order_and_windows_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "График оценочных процедур Томск.txt"
    path.write_bytes(TOMSK.replace("Класс Предмет", "Класс\u00a0Предмет").encode("utf-8"))
    result = import_path(path)
    assert [(r.text, r.deadline) for r in imported_rows(result.data)] == [
        ("Контрольная работа", "15.10.2024"),
        ("Диагностическая работа", "20.11.2024\nПо графику региона"),
        ("Пробный экзамен", "12.02.2025"),
        ("Всероссийская проверочная работа", "03.04.2025"),
    ]
    assert result.data["название"] == "График оценочных процедур на 2024-2025 учебный год"
    assert result.data["приказ"] == {"вид": "приказ", "дата": __import__("datetime").date(2024, 9, 1), "номер": "115"}
    first = result.data["таблицы"][0]["мероприятия"][0]
    assert first["примечание"] == "5\nПредмет: Математика"


def test_a_page_with_activities_ahead_of_their_rows() -> None:
    assert _rows(BURYATIA, "Кижинга план.txt") == [
        ("Региональная контрольная работа", "3 февраля 2025"),
        ("Комплексная работа по функциональной грамотности", "12-14 марта 2025\nВ соответствии с графиком"),
        ("Пробное собеседование", "17 апреля 2025\nВ соответствии с графиком"),
        ("Итоговая контрольная работа", "19-23 мая 2025"),
    ]


def test_a_row_without_its_code_is_refused_naming_the_header() -> None:
    text = TOMSK.replace("6 Русский язык", "Русский язык")  # where row 2's cells begin is unknown
    with pytest.raises(ImportFailure) as caught:
        import_bytes(text.encode("utf-8"), "Томск.txt")
    assert "перед датой «20.11.2024» (строка 2) нет ячейки колонки кодов" in str(caught.value)


def test_more_activities_than_rows_are_refused() -> None:
    # two names before the first row, and the next name is no date cell's second line (it does not
    # begin with a preposition or a word of time): no row is invented
    text = TOMSK.replace("Контрольная работа 5", "Контрольная работа Входная диагностика 5")
    with pytest.raises(ImportFailure):
        import_bytes(text.encode("utf-8"), "Томск.txt")


def test_pieces_are_cut_before_capitals_that_start_a_cell() -> None:
    words = "Итоговое сочинение (изложение) Итоговое собеседование Всероссийские проверочные работы (ВПР) " \
            "По решению ОО Олимпиада по Математике в МБОУ Тальская СОШ".split()
    assert _pieces(words) == ["Итоговое сочинение (изложение)", "Итоговое собеседование",
                              "Всероссийские проверочные работы (ВПР)", "По решению ОО",
                              "Олимпиада по Математике в МБОУ Тальская СОШ"]


def test_assignment_of_pieces_to_rows() -> None:
    # the corpus page: five names before row 1, date-cell lines after rows 4–7
    assert _assign([5, 0, 0, 0, 1, 2, 2, 2], [False, False, False, False, True, True, True, True])
    assert _assign([1, 2, 1], [False, True, False])  # in order, a second line after row 1 only
    assert not _assign([1, 0, 1], [False, False, False])  # row 2 has no name anywhere before its cells
    assert not _assign([3, 0], [False, False])  # a name too many
    assert not _assign([2, 1, 1], [False, False, False])  # a name too many, the rows' names late


def test_a_missing_name_is_refused_not_filled_with_a_date_line() -> None:
    """The corpus page without one of the names of its block: «По решению ОО» after row 4's date
    would have to be row 5's name; it reads as a date line, so the page is refused."""
    text = document_text(TALOE).replace("Краевая диагностическая работа ".encode(), b"")
    with pytest.raises(ImportFailure) as caught:
        import_bytes(text, "16 без названия.txt")
    assert "строк с датой 8, а названий мероприятий перед их ячейками 7" in str(caught.value)


def test_refusal_names_the_row_whose_code_is_missing() -> None:
    text = document_text(TALOE).replace("11 История".encode(), "История".encode())
    with pytest.raises(ImportFailure) as caught:
        import_bytes(text, "16 без класса.txt")
    message = str(caught.value)
    assert "в строке 1 вся страница вытянута в одну строку" in message
    assert "колонки «Оценочная», «Класс», «Предмет»" in message
    assert "перед датой «1-24 марта 2023» (строка 5) нет ячейки колонки кодов" in message
    assert "Импортируйте сам файл PDF" in message


_ACTIVITIES = ["Контрольная работа", "Итоговое собеседование", "Пробный экзамен по математике",
               "Всероссийская проверочная работа (ВПР)", "Диагностика функциональной грамотности"]
_CODES = ["5", "9", "10(11)", "5-9", "11"]
_SUBJECTS = ["Математика", "Русский язык", "Физика/математика", "История"]
_DATES = ["7 декабря 2022", "15.10.2024", "1-24 марта 2023", "12-14 марта 2025 г."]
_TAILS = ["По решению ОО", "В соответствии с графиком"]

_row = st.tuples(st.sampled_from(_ACTIVITIES), st.sampled_from(_CODES), st.sampled_from(_SUBJECTS),
                 st.sampled_from(_DATES), st.one_of(st.none(), st.sampled_from(_TAILS)))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_row, min_size=1, max_size=12), st.integers(min_value=1, max_value=12))
def test_a_generated_flat_page_reads_back_to_its_rows(rows: list, lifted: int) -> None:
    """A page laid out as a PDF flattens it (the first ``lifted`` activities as a block before row
    1's cells, each date cell's second line after its date) reads back to exactly its rows."""
    lifted = min(lifted, len(rows))
    words = "Школа № 1 План-график оценочных процедур на 2023 год Оценочная процедура Класс Предмет Дата".split()
    words += " ".join(r[0] for r in rows[:lifted]).split()
    for k, (activity, code, subject, date, tail) in enumerate(rows):
        if k >= lifted:
            words += activity.split()
        words += [code, *subject.split(), *date.split(), *(tail.split() if tail else [])]
    table = read_flat(words)
    assert table is not None
    want = [[activity, code, subject, date + ("\n" + tail if tail else "")]
            for activity, code, subject, date, tail in rows]
    assert table.rows == want
    assert [note is not None for note in table.notes] == [lifted > 1 and 0 < k < lifted for k in range(len(rows))]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_ACTIVITIES + _CODES + _SUBJECTS + _DATES + _TAILS + ["Класс", "Дата", "Оценочная"]),
                max_size=40))
def test_any_flat_line_reads_to_its_own_words_or_nothing(pieces: list[str]) -> None:
    words = "Оценочная процедура Класс Предмет Дата".split() + " ".join(pieces).split()
    table = read_flat(words)
    if table is None:
        return
    source = set(words)
    for cells in table.rows:
        assert len(cells) == len(table.header)
        for cell in cells:
            assert set(cell.split()) <= source


# a district's plan with numbered rows, the whole table on one line (another region, another header)
KEM = ("Утверждаю Начальник управления образования администрации Кемского района И.И. Петров "
       "План мероприятий по подготовке к ГИА в Кемском районе на 2024-2025 учебный год "
       "№ п/п Наименование мероприятия Срок исполнения Ответственные исполнители 1 2 3 4 "
       "1. Проведение совещания с руководителями ОО по итогам ГИА-2024 до 15 сентября 2024 г. Управление образования "
       "2. Участие в региональных семинарах для учителей-предметников в течение учебного года Руководители ОО "
       "3. Организация пробных экзаменов в 9 и 11 классах декабрь 2024 г., март 2025 г. Методический кабинет, "
       "МБОУ СОШ № 2.")


def test_a_numbered_table_on_one_line_parts_each_row_at_its_deadline(tmp_path: Path) -> None:
    path = tmp_path / "План ГИА Кемский район.txt"
    path.write_text(KEM + "\r\n", encoding="utf-8")
    result = import_path(path)
    assert [(r.number, r.text, r.deadline, r.responsible) for r in imported_rows(result.data)] == [
        ("1.", "Проведение совещания с руководителями ОО по итогам ГИА-2024", "до 15 сентября 2024 г.",
         ["Управление образования"]),
        ("2.", "Участие в региональных семинарах для учителей-предметников", "в течение учебного года",
         ["Руководители ОО"]),
        ("3.", "Организация пробных экзаменов в 9 и 11 классах", "декабрь 2024 г., март 2025 г.",
         ["Методический кабинет", "МБОУ СОШ № 2."]),  # «№ 2.» is a school's number, not row 2
    ]
    assert result.data["название"] == "План мероприятий по подготовке к ГИА в Кемском районе на 2024-2025 учебный год"
    assert "ячейки строки разделены по сроку «в течение учебного года»" in " ".join(
        result.comments[("таблицы", 0, "мероприятия", 1)])


def test_a_numbered_row_without_a_deadline_is_refused() -> None:
    text = KEM.replace("в течение учебного года ", "")
    with pytest.raises(ImportFailure) as caught:
        import_bytes(text.encode("utf-8"), "Кемь.txt")
    message = str(caught.value)
    assert "колонки «№ п/п», «Наименование мероприятия», «Срок исполнения», «Ответственные исполнители»" in message
    assert "в строке «2.» срок не отделить от соседних ячеек" in message


_WHO = ["Управление образования", "Руководители ОО", "Директор школы", "Методический кабинет"]
_WHEN = ["до 15 сентября 2024 г.", "в течение учебного года", "март 2025 г.", "ежеквартально"]
_WHAT = ["Проведение совещания с руководителями", "Участие в семинарах для учителей",
         "Организация пробных экзаменов в 9 классах", "Мониторинг результатов"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_WHAT), st.sampled_from(_WHEN), st.sampled_from(_WHO)), min_size=1,
                max_size=15), st.booleans())
def test_a_generated_numbered_line_reads_back_to_its_rows(rows: list, column_numbers: bool) -> None:
    words = "План на 2024 год № п/п Мероприятие Срок Ответственный".split() + (["1", "2", "3", "4"] if column_numbers else [])
    for k, (what, when, who) in enumerate(rows, 1):
        words += [f"{k}.", *what.split(), *when.split(), *who.split()]
    table = read_flat(words)
    assert table is not None
    assert table.rows == [[f"{k}.", what, when, who] for k, (what, when, who) in enumerate(rows, 1)]


def test_the_next_page_on_a_line_of_its_own_with_the_header_repeated_or_not() -> None:
    """A PDF of two pages flattened page by page: the second line holds the rest of the rows,
    after the page number and the header repeated, or without them."""
    header = "Оценочная Класс Предмет Планируемая дата проведения процедура диагностирования оценочной процедуры"
    cut = "По решению ОО Всероссийские проверочные работы (ВПР) 11 Химия"
    want = expected()[TALOE]["rows"]
    for second in (f"2 {header} ", "\n"):
        text = document_text(TALOE).decode("utf-8").replace(
            cut, f"По решению ОО\n{second}Всероссийские проверочные работы (ВПР) 11 Химия")
        got = imported_rows(import_bytes(text.encode("utf-8"), "Талое 2 страницы.txt").data)
        assert len(got) == 8
        assert all(found is not None and row_right(row, found) for row, found in zip(want, match_rows(want, got)))


def test_a_numbered_table_goes_on_on_the_next_page() -> None:
    text = KEM.replace(" 3. Организация", "\n- 2 - № п/п Наименование мероприятия Срок исполнения Ответственные "
                                          "исполнители 3. Организация")
    rows = imported_rows(import_bytes(text.encode("utf-8"), "Кемь.txt").data)
    assert [(r.number, r.deadline) for r in rows] == [("1.", "до 15 сентября 2024 г."), ("2.", "в течение учебного года"),
                                                      ("3.", "декабрь 2024 г., март 2025 г.")]
    # a next line that does not go on with row 3 is left as text: no row invented
    text = KEM + "\nПриложение 2 Состав рабочей группы 1. Иванов И.И. до 2025 года Председатель"
    rows = imported_rows(import_bytes(text.encode("utf-8"), "Кемь.txt").data)
    assert [r.number for r in rows] == ["1.", "2.", "3."]


def test_other_header_words_class_letters_and_glued_year_marks() -> None:
    text = ("МАОУ «Гимназия № 3» г. Сыктывкар График оценочных процедур на 2024/2025 учебный год "
            "Вид оценочной процедуры Классы Учебный предмет Сроки проведения "
            "Входная диагностика 5а Русский язык 10.09.2024г. Контрольная работа за полугодие 7,8 Алгебра 20.12.2024г. "
            "Согласно графику МО Пробный экзамен 9-е Математика 18-20 марта 2025 г.")
    data = import_bytes(text.encode("utf-8"), "Сыктывкар гимназия 3.txt").data
    assert [(r.text, r.deadline) for r in imported_rows(data)] == [
        ("Входная диагностика", "10.09.2024г."),
        ("Контрольная работа за полугодие", "20.12.2024г.\nСогласно графику МО"),
        ("Пробный экзамен", "18-20 марта 2025 г.")]
    assert [a["примечание"].split("\n")[0] for a in data["таблицы"][0]["мероприятия"]] == ["5а", "7,8", "9-е"]
    assert data["название"] == "График оценочных процедур на 2024/2025 учебный год"
    assert data["орган"]["бланк"] == ["МАОУ «Гимназия № 3» г. Сыктывкар"]
