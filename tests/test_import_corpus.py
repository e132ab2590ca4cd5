"""`import` on real documents: the corpus tables (tests/data/corpus, each with its source address)
against their hand-written expected import (expected.json), and properties of the stream-of-cells
reader (importer/textcells.py) on any text."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_tables import (
    TABLES,
    approval_right,
    document_text,
    expected,
    imported_rows,
    match_rows,
    row_right,
    title_right,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmapctl.importer import ImportFailure, import_bytes, import_path
from roadmapctl.importer.datecols import combine_dates
from roadmapctl.importer.textcells import (
    fit_cells,
    pieces_by_bars,
    pieces_by_paragraphs,
    read_stream,
)

EXPECTED = expected()
TALOE = "16_taloe_plan_grafik_vneshnih_procedur_2023.txt"  # a whole PDF page on one line (importer/flatpage.py)

# the forms read today: a ГАРАНТ copy (cells ending in « |»), a mirror site's table flattened onto
# two lines with « | », one cell per paragraph
READ = ["01_krasnodar_gia9_perechen_2012.txt", "02_krasnodar_setevoy_grafik_2008.txt", "10_bolshevistskaya_oosh_fgos_2011.txt",
        "03_ozersk_setevoy_plan_grafik_2011.txt", "04_arkhangelsk_plan_grafik_kvartaly_2013.txt",
        "05_sverdlovsk_podgotovka_uchgod_2011.txt",
        "06_school_gia_plan_2020.txt", "07_tuva_natproj_info_plan_2006.txt", "08_nnov_ege_plan_grafik_2009.txt",
        "11_setevoy_grafik_fgos_ooo.txt", "12_livny_perechen_meropriyatiy_2021.txt", "13_tambarskaya_nastavnichestvo_pdf.txt",
        "14_school15_info_gia_2017.txt", "15_feodosia_school2_kpvr_2023.txt",
        "16_taloe_plan_grafik_vneshnih_procedur_2023.txt"]
# rows whose reading differs from the corpus's by design (none today)
DIFFERENT: set[tuple[str, int]] = set()
@pytest.mark.parametrize("name", READ)
def test_corpus_table_rows_match_the_hand_written_import(name: str) -> None:
    want = EXPECTED[name]
    result = import_bytes(document_text(name), name)
    got = imported_rows(result.data)
    matched = match_rows(want["rows"], got)
    for k, (row, found) in enumerate(zip(want["rows"], matched)):
        if (name, k) in DIFFERENT:
            continue
        assert found is not None, f"row {k} «{row['activity_first6']}» not found"
        assert row_right(row, found), (k, row, found)
    # no invented rows: every imported row is one of the document's
    assert len(got) == len(want["rows"])
    assert title_right(want["title"], result.data), result.data.get("название")
    assert approval_right(want["approval"], result.data)


def test_garant_copy_keeps_an_empty_cell_in_its_column() -> None:
    """07: the empty «СМИ» cell of row 1 comes as a lone «|» after the row; the deadline and the
    responsible stay in their columns (no RM303 blamed on the author)."""
    result = import_bytes(document_text("07_tuva_natproj_info_plan_2006.txt"), "07.txt")
    first = imported_rows(result.data)[0]
    assert first.deadline == "до 25 февраля 2006 г."
    assert first.responsible == ["Минздрав РТ", "Минобразования РТ", "Минстрой РТ", "Минсельхоз РТ"]


def test_start_and_end_columns_become_one_range_with_the_cells_kept() -> None:
    result = import_bytes(document_text("12_livny_perechen_meropriyatiy_2021.txt"), "12.txt")
    row = imported_rows(result.data)[0]
    assert row.deadline == "с 2021 по 2025"
    notes = " ".join(m for messages in result.comments.values() for m in messages)
    assert "«начала реализации»: «2021», «окончания реализации»: «2025»" in notes


def test_section_rows_and_numbers_of_a_flattened_mirror_table() -> None:
    result = import_bytes(document_text("01_krasnodar_gia9_perechen_2012.txt"), "01.txt")
    rows = imported_rows(result.data)
    assert [(r.section, r.number) for r in rows] == [(True, "I."), (True, "1."), (False, "1.1."), (False, "1.2."),
                                                      (False, "1.3.")]
    assert result.data["приказ"]["номер"] == "7498"


def test_an_excerpt_with_only_sections_is_a_draft_with_those_sections() -> None:
    """14: the excerpt ends after the section row «I. Работа с участниками ГИА-2017»; the draft
    keeps the section and says, as a guess, that no activity was found (not a refusal)."""
    result = import_bytes(document_text("14_school15_info_gia_2017.txt"), "14.txt")
    table = result.data["таблицы"][0]
    assert table["разделы"] == [{"номер": "I.", "название": "Работа с участниками ГИА-2017"}]
    assert "мероприятия" not in table
    assert any("только разделы, ни одного мероприятия" in m for m in result.comments[("таблицы", 0)])


def test_a_framed_header_with_sub_columns_and_no_rows_is_a_draft_with_its_columns() -> None:
    """03: a box-drawing frame whose header parts «Сроки выполнения Программы: 2011 - 2013 гг.»
    into four quarter columns over two frame lines, a column-number row and no whole row."""
    result = import_bytes(document_text("03_ozersk_setevoy_plan_grafik_2011.txt"), "03.txt")
    table = result.data["таблицы"][0]
    assert [c["заголовок"] for c in table["колонки"]][:3] == [
        "N п/п", "Пошаговые мероприятия", "Контрольные показатели реализации"]
    assert "I квартал; II квартал; III квартал; IV квартал" in table["колонки"][3]["заголовок"]
    assert "мероприятия" not in table and "разделы" not in table
    assert any("ни одной строки" in m for m in result.comments[("таблицы", 0)])


def test_a_framed_table_with_sub_columns_reads_its_rows_and_quarter_marks() -> None:
    """The header of 03 (copied as found) over a section and two rows written for this test: the
    quarter columns are placed by the frame's positions and the marks «х» become quarters."""
    path = Path(__file__).parent / "data" / "import_text" / "рамка с подколонками.txt"
    rows = imported_rows(import_path(path).data)
    assert [(r.section, r.number, r.text, r.deadline) for r in rows] == [
        (True, "1.", "Развитие системы поддержки талантливых детей", None),
        (False, "1.1.", "Проведение олимпиад школьников", "I квартал; III квартал"),
        (False, "1.2.", "Организация летних профильных смен", "II–III квартал")]


def test_pdf_activity_column_only_with_the_number_on_the_second_line() -> None:
    """13: the header's column numbers come «1» after the first column and «2 3 4 5» after the
    others; each row's number stands at the start of its cell's second line; only the activity
    column is in the text, and the draft says so once."""
    result = import_bytes(document_text("13_tambarskaya_nastavnichestvo_pdf.txt"), "13.txt")
    rows = imported_rows(result.data)
    assert [(r.section, r.number, r.text) for r in rows] == [
        (True, "1.", "Нормативное правовое регулирование внедрения методологии (целевой модели) наставничества"),
        (False, "1.1", "Утверждение состава рабочей группы по внедрению целевой модели наставничества в 2020 г."),
        (False, "1.2.", "Назначение кураторов внедрения целевой модели наставничества в ОУ"),
        (False, "1.3.", "Разработка дорожной карты внедрения целевой модели наставничества в ОУ"),
        (False, "1.4.", "Разработка положений о программе наставничества в образовательных организациях")]
    assert all(r.deadline is None and not r.responsible for r in rows)
    notes = [m for messages in result.comments.values() for m in messages]
    assert sum("есть только номера и мероприятия" in m for m in notes) == 1


def test_a_second_line_number_needs_a_first_line_and_the_next_number() -> None:
    """«2.5 …» after «1.1» is no next number: the line stays in the cell, no row is invented."""
    text = ("№ п/п\nНаименование мероприятий\nСрок реализации\n"
            "1.1. Утверждение состава рабочей группы\nМарт 2024 г.\nСоздание группы\n2.5 внутри текста\n")
    try:
        result = import_bytes(text.encode("utf-8"), "план.txt")
    except ImportFailure:
        return
    assert [r.number for r in imported_rows(result.data)] == ["1.1."]


def test_pdf_columns_read_line_by_line_anchored_on_the_classes() -> None:
    """15: each row gives its cells' first lines in column order (activity, «5-9», date), then
    the further lines; «сентябрь, в» is left open, so «течение года» goes on the deadline."""
    result = import_bytes(document_text("15_feodosia_school2_kpvr_2023.txt"), "15.txt")
    rows = imported_rows(result.data)
    assert [(r.section, r.text, r.deadline) for r in rows] == [
        (True, "Модуль «Урочная деятельность» (согласно индивидуальным планам работы учителей-предметников)", None),
        (False, ("Оформление стендов (предметно-эстетическая среда, наглядная агитация школьных стендов предметной "
                 "направленности)"), "сентябрь, в течение года"),
        (False, "Интерактивные формы учебной деятельности", "В течение учебного года"),
        (False, "Содержание уроков (по плану учителя)", "В течение учебного года"),
        (False, ("Всероссийский открытый урок «ОБЖ» (урок подготовки детей к действиям в условиях различного рода "
                 "чрезвычайных ситуаций)"), "01.09"),
        (False, "Международный день распространения грамотности (информационная минутка на уроке русского языка)",
         "08.09"),
        (False, "Всероссийский открытый урок «ОБЖ» (приуроченный ко Дню гражданской обороны Российской Федерации)",
         "04.10")]


INTERLEAVED = ("Дела, события, мероприятия\nКлассы\nОриентировочное время\nпроведения\n"
               "Модуль «Классное руководство»\n"
               "Классный час «Мы — россияне»\n5-9\n01.09\n"
               "Собрание родителей (по параллелям\n7-8\nсентябрь, в\nклассов)\nтечение месяца\n")


def test_interleaved_pdf_rows_of_a_made_up_plan() -> None:
    result = import_bytes(INTERLEAVED.encode("utf-8"), "план воспитания.txt")
    rows = imported_rows(result.data)
    assert [(r.section, r.text, r.deadline) for r in rows] == [
        (True, "Модуль «Классное руководство»", None),
        (False, "Классный час «Мы — россияне»", "01.09"),
        (False, "Собрание родителей (по параллелям классов)", "сентябрь, в течение месяца")]
    table = result.data["таблицы"][0]
    assert [c["заголовок"] for c in table["колонки"]] == ["Дела, события, мероприятия", "Классы",
                                                         "Ориентировочное время проведения"]


def test_interleaved_pdf_rows_with_a_responsible_column() -> None:
    """A responsible cell left open («… по») takes the next line; any other further line
    («терроризмом») goes on the activity."""
    text = ("Дела, события, мероприятия\nКлассы\nДата\nОтветственные\nМодуль «Основные школьные дела»\n"
            "Торжественная линейка «Первый звонок»\n1-4\n01.09\nЗаместитель директора по\n"
            "ВР, классные руководители\nДень солидарности в борьбе с\n5-9\n03.09\nСоветник директора\nтерроризмом\n")
    rows = imported_rows(import_bytes(text.encode("utf-8"), "план.txt").data)
    assert [(r.section, r.text, r.deadline, r.responsible) for r in rows] == [
        (True, "Модуль «Основные школьные дела»", None, []),
        (False, "Торжественная линейка «Первый звонок»", "01.09", ["Заместитель директора по ВР", "классные руководители"]),
        (False, "День солидарности в борьбе с терроризмом", "03.09", ["Советник директора"])]


def test_interleaved_pdf_rows_with_a_class_missing_are_refused() -> None:
    """Without the class line of the second row no row boundary is sure: refused, none invented."""
    text = INTERLEAVED.replace("7-8\n", "")
    with pytest.raises(ImportFailure):
        import_bytes(text.encode("utf-8"), "план воспитания.txt")


def test_cyrillic_file_name_with_spaces(tmp_path: Path) -> None:
    target = tmp_path / "План мероприятий Тыва 2006.txt"
    target.write_bytes(document_text("07_tuva_natproj_info_plan_2006.txt"))
    result = import_path(target)
    assert "План мероприятий Тыва 2006.txt" in result.text
    assert [r.number for r in imported_rows(result.data)] == ["1.", "2."]


def test_corpus_files_keep_their_sources() -> None:
    for name in EXPECTED:
        first = (TABLES / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# source: {EXPECTED[name]['source']}"


def test_quarter_marks_become_the_quarters_marked() -> None:
    headers = ["I квартал 2013 г.", "II квартал 2013 г.", "III квартал 2013 г.", "IV квартал 2013 г."]
    assert combine_dates(headers, ["х", "х", "х", "х"]) == "I–IV квартал 2013 г."
    assert combine_dates(headers, ["х", "-", "х", "-"]) == "I квартал 2013 г.; III квартал 2013 г."
    assert combine_dates(["Дата", "Дата"], ["10.09.2023", "15.10.2023"]) == "10.09.2023; 15.10.2023"


def test_fit_cells_puts_the_deadline_in_its_column() -> None:
    roles = ["мероприятие", None, "срок", "ответственные"]
    assert fit_cells(["Разработать план", "до 25 февраля 2006 г.", "Минздрав РТ"], roles) == \
        ["Разработать план", "", "до 25 февраля 2006 г.", "Минздрав РТ"]


_ALPHABET = st.sampled_from(list("абв АБВ№N12.|│\n\t-х") + ["Мероприятие", "Срок", "Ответственный", "п/п", " |",
                                                            "\n\n", "1.", "I.", "март 2021", "Директор"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_stream_reader_gives_rows_or_nothing_and_invents_no_text(text: str) -> None:
    lines = text.split("\n")
    source_words = set(text.replace("|", " ").replace("│", " ").split())
    for pieces in (pieces_by_bars(lines), pieces_by_paragraphs(lines)):
        if pieces is None:
            continue
        out = read_stream(lines, pieces, "проверка")
        if out is None:
            continue
        for item in out:
            if isinstance(item, tuple):
                for cell in item[1]:
                    for word in cell.replace("<br>", " ").split():
                        # every word of a cell is the document's, or the deadline joined from date
                        # columns / the joined header of date columns
                        assert word in source_words or word in {"с", "по", "Срок", "квартал", "–", ";"} \
                            or any(word.strip("();") in w or w in word for w in source_words), word


@settings(max_examples=100, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_import_of_any_text_is_rows_or_a_russian_refusal(text: str) -> None:
    try:
        result = import_bytes(text.encode("utf-8"), "проверка.txt")
    except ImportFailure as exc:
        assert str(exc).startswith("проверка.txt:")
        return
    assert result.data["таблицы"]


def test_a_page_run_onto_one_line_is_refused_naming_what_was_found() -> None:
    """The corpus's whole page on one line with one row's class cell lost: no row boundary is sure
    (more in tests/test_import_flat_page.py)."""
    name = "16 без класса.txt"
    with pytest.raises(ImportFailure) as caught:
        import_bytes(document_text(TALOE).replace("11 История".encode(), "История".encode()), name)
    message = str(caught.value)
    assert message.startswith(name + ": таблица мероприятий не прочитана — в строке 1 вся страница вытянута в одну строку")
    assert "найден заголовок таблицы (колонки «Оценочная», «Класс», «Предмет»" in message


RUN_ON = ("План на 2021 год\n№ Мероприятие Срок Ответственный\n1 2 3 4\n"
          "1. Проведение мониторинга в течение учебного года ежеквартально Управление образования\n"
          "2. Совещание с директорами до 15 июня Отдел образования, школы\n"
          "3. Семинар для учителей Март 2021 года Методический кабинет\n"
          "4. Анализ результатов ГИА в 9 классах август Отдел образования\n")


def test_rows_run_onto_lines_are_parted_by_their_deadline() -> None:
    result = import_bytes(RUN_ON.encode("utf-8"), "план.txt")
    rows = imported_rows(result.data)
    assert [(r.number, r.text, r.deadline) for r in rows] == [
        ("1.", "Проведение мониторинга", "в течение учебного года ежеквартально"),
        ("2.", "Совещание с директорами", "до 15 июня"),
        ("3.", "Семинар для учителей", "Март 2021 года"),
        ("4.", "Анализ результатов ГИА в 9 классах", "август")]
    assert "ячейки строки разделены по сроку «до 15 июня»" in " ".join(result.comments[("таблицы", 0, "мероприятия", 1)])


def test_rows_run_onto_lines_with_an_unclear_deadline_are_refused() -> None:
    text = RUN_ON.replace("Методический кабинет", "методический кабинет")  # no capital: where the deadline ends is unclear
    with pytest.raises(ImportFailure):
        import_bytes(text.encode("utf-8"), "план.txt")


def test_interleaved_pdf_columns_with_numbered_rows_are_read() -> None:
    """10: «Март» / «Директор» stand above row 1, «2011» / «г.» after its first line; «Март-август
    Директор» above row 2 and «2011 г.» after; row 3's deadline ends its first line."""
    result = import_bytes(document_text("10_bolshevistskaya_oosh_fgos_2011.txt"), "10.txt")
    rows = imported_rows(result.data)
    assert [(r.section, r.number, r.deadline, r.responsible) for r in rows] == [
        (True, None, None, []), (False, "1.", "Март 2011 г.", ["Директор"]),
        (False, "2.", "Март-август 2011 г.", ["Директор"]), (False, "3.", "Март 2011 г.", ["Директор"])]
    assert rows[0].text == "Организационное обеспечение введения ФГОС"
    assert rows[2].text == ("Проведение тематического педагогического совета, совета школы, совещаний при директоре "
                            "по вопросам реализации ФГОС.")
    assert [c["заголовок"] for c in result.data["таблицы"][0]["колонки"]] == [
        "№ п/п", "Мероприятия", "Сроки реализации", "Ответственные"]


def test_interleaved_pdf_columns_with_a_cell_missing_are_refused() -> None:
    """Without row 3's «Директор» a row has no responsible: nothing can be placed surely."""
    text = document_text("10_bolshevistskaya_oosh_fgos_2011.txt").decode("utf-8")
    text = text.replace("Март 2011 г.\nДиректор\n", "Март 2011 г.\n")
    with pytest.raises(ImportFailure) as caught:
        import_bytes(text.encode("utf-8"), "10.txt")
    assert "колонки перемешаны построчно" in str(caught.value)
    assert "«Сроки» и «п/п»" in str(caught.value)


def test_quarter_marks_in_paragraph_cells() -> None:
    result = import_bytes(document_text("04_arkhangelsk_plan_grafik_kvartaly_2013.txt"), "04.txt")
    row = imported_rows(result.data)[0]
    assert (row.number, row.deadline) == ("1.", "I–IV квартал 2013 г.")
    assert row.responsible == ["министерство образования и науки Архангельской области"]


def test_merged_direction_column_becomes_sections() -> None:
    result = import_bytes(document_text("11_setevoy_grafik_fgos_ooo.txt"), "11.txt")
    rows = imported_rows(result.data)
    assert [(r.section, r.number) for r in rows] == [(True, "I."), (False, "1."), (False, "2."), (False, "3."),
                                                      (False, "4."), (False, "5.")]
    assert all(not r.deadline for r in rows)


@pytest.mark.parametrize(("cell", "people"), [
    ("Иванов И.И. Петров П.П.", ["Иванов И.И.", "Петров П.П."]),
    ("учитель Иванов И.И. учитель Петров П.П.", ["учитель Иванов И.И.", "учитель Петров П.П."]),
    ("Директор Иванов И.И. и завуч Петров П.П.", ["Директор Иванов И.И.", "завуч Петров П.П."]),
    ("Зам. директора по УВР Пушкина Е.В.", ["Зам. директора по УВР Пушкина Е.В."]),
])
def test_people_without_commas_are_split_by_their_initials(cell: str, people: list[str]) -> None:
    from roadmapctl.importer.parties import split_cell

    assert [ref.as_yaml() for ref in split_cell([cell]).refs] == people


def test_a_date_in_the_stream_is_not_taken_for_a_row_number() -> None:
    """A ГАРАНТ copy of a plan numbered 1, 2, 3 whose deadline cells hold «01.09» and «15.05»."""
    text = ("№ п/п |\nМероприятие |\nСрок |\nОтветственный |\n1 |\nСовещание с руководителями |\n01.09 |\nДиректор |\n"
            "2 |\nПробный экзамен |\n15.05 |\nЗаместитель директора |\n")
    result = import_bytes(text.encode("utf-8"), "план.txt")
    rows = imported_rows(result.data)
    assert [(r.number, r.text, r.deadline) for r in rows] == [("1", "Совещание с руководителями", "01.09"),
                                                              ("2", "Пробный экзамен", "15.05")]


@pytest.mark.parametrize(("previous", "number", "expected"), [
    (None, "1", True), ("1.", "1.1.", True), ("1.3.", "2.", True), ("2.", "2.1", True), ("I.", "1.", True),
    ("3.", "01.09", False), ("3", "15.05", False), ("1", "2021", False),
])
def test_which_number_can_start_the_next_row(previous: str | None, number: str, expected: bool) -> None:
    from roadmapctl.importer.textcells import follows

    assert follows(previous, number) is expected


GARANT_WITH_EMPTY_CELLS = (
    "План мероприятий по подготовке к ЕГЭ на 2020 год\nN п/п |\nНаименование мероприятия |\nСрок исполнения |\n"
    "Ответственный исполнитель |\n1. |\nСовещание с руководителями школ |\nфевраль 2020 г. |\nУправление образования |\n"
    "2. |\nПробный экзамен по математике |\n|\nМетодический кабинет |\n3. |\nИнформирование родителей |\n"
    "в течение года |\n|\n"
)


def test_garant_cells_with_empty_ones_in_any_column() -> None:
    rows = imported_rows(import_bytes(GARANT_WITH_EMPTY_CELLS.encode("utf-8"), "план.txt").data)
    assert [(r.number, r.deadline, r.responsible) for r in rows] == [
        ("1.", "февраль 2020 г.", ["Управление образования"]), ("2.", None, ["Методический кабинет"]),
        ("3.", "в течение года", [])]


PARAGRAPHS = ("План работы школы по подготовке к ГИА на 2020-2021 учебный год\n\nМероприятие\n\nСроки\n\nОтветственные\n\n"
              "Совещание при директоре о подготовке к ГИА\n\nсентябрь\n\nДиректор\n\n{second}"
              "Родительское собрание\n\nноябрь, март\n\nКлассный руководитель\n")


def test_paragraph_cells_without_numbers() -> None:
    text = PARAGRAPHS.format(second="Оформление стенда «Готовимся к ГИА»\n\nоктябрь\n\nЗам. директора по УВР\n\n")
    rows = imported_rows(import_bytes(text.encode("utf-8"), "план.txt").data)
    assert [(r.text[:20], r.deadline) for r in rows] == [("Совещание при директ", "сентябрь"),
                                                         ("Оформление стенда «Г", "октябрь"),
                                                         ("Родительское собрани", "ноябрь, март")]


def test_paragraph_cells_without_numbers_and_a_cell_missing_are_refused() -> None:
    """Without numbers a missing cell cannot be placed: the text is refused, no rows invented."""
    text = PARAGRAPHS.format(second="Оформление стенда «Готовимся к ГИА»\n\nЗам. директора по УВР\n\n")
    with pytest.raises(ImportFailure) as caught:
        import_bytes(text.encode("utf-8"), "план.txt")
    assert "стоят ячейки заголовка таблицы («Мероприятие», «Сроки», «Ответственные»)" in str(caught.value)


def test_cells_placed_by_content_are_listed_as_guesses() -> None:
    result = import_bytes(document_text("07_tuva_natproj_info_plan_2006.txt"), "07.txt")
    note = " ".join(result.comments[("таблицы", 0, "мероприятия", 0)])
    assert "ячейки строки расставлены по содержанию" in note
    assert "«до 25 февраля 2006 г.» — в колонку «Срок исполнения»" in note
    # the second row has one piece a column, in order: no guess
    assert ("таблицы", 0, "мероприятия", 1) not in result.comments
