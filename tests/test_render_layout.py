"""The table layout of the appendix (docs/rendering.md): column widths from the text in each
column, within minimums; short rows and section rows kept whole, taller rows free to break."""

from __future__ import annotations

from roadmapctl.document.model import Activity, Column, Ref, Section, Table
from roadmapctl.render.style import Style
from roadmapctl.render.view import paragraph_lines, table_chars, table_view

HEADERS = {"номер": "№ п/п", "мероприятие": "Мероприятие", "ответственные": "Ответственный",
           "срок": "Срок", "ожидаемый_результат": "Ожидаемый результат"}
ACTIVITY = ("Проведение методического семинара для заместителей директоров по учебной работе "
            "по вопросам организации внутренней системы оценки качества образования")


def table(activities, sections=(), fields=tuple(HEADERS)):
    return Table([Column(f, HEADERS[f]) for f in fields], None, False, list(activities), list(sections))


def activity(number, text=ACTIVITY, responsible=("РУО",), deadline="Март 2021 года", result="Проведён семинар"):
    return Activity(number, text, responsible=[Ref(r) for r in responsible], deadline=deadline, result=result)


def widths_in_chars(view):
    across = table_chars(Style().table_size)
    return dict(zip(view.fields, (w * across for w in view.widths)))


def test_paragraph_lines_wrap_whole_words():
    # Letters as Times New Roman (Liberation Serif) sets them, in 1/2048 em: М 1821 Б 1176 О 1479
    # У 1450, space 512, « 1024 С 1366 р 1024 е 909 д 1042 н 1096 я 942 я 942, space 512, ш 1577
    # к 995 о 1024 л 1022 а 909, space 512, № 1954 2 1024 » 1024: 25336/2048 = 12.37 em = 22.49
    # characters of 0.55 em; with 1.0 of padding one line from 23.49 on.
    assert paragraph_lines("МБОУ «Средняя школа №2»", 23.5) == 1
    assert paragraph_lines("МБОУ «Средняя школа №2»", 23.4) == 2
    # Narrow letters are narrow: 30 «i» (6/20 em each, 9 em = 16.4 characters) fit in 18.
    assert paragraph_lines("i" * 30, 18) == 1
    assert paragraph_lines("Ш" * 30, 18) > 1
    # "aa bb cc" in lines of 5 characters: "aa bb" and "cc".
    assert paragraph_lines("aa bb cc", 6.5) == 2
    # A word longer than a line is broken inside: 30 «а» of 0.45 em (24.5 characters) in lines
    # of 10 characters → 3 lines.
    assert paragraph_lines("а" * 30, 11.5) == 3
    # A hanging indent of 3 characters: «aa bb» (3.9 characters) fills a line of 4, «cc» (1.6) is
    # broken in the lines of 1 that follow.
    assert paragraph_lines("aa bb cc", 5.5) == 2
    assert paragraph_lines("aa bb cc", 5.5, indent=3.0) == 3
    assert paragraph_lines("", 10) == 1


def test_a_column_with_more_text_is_wider():
    long_result = ("Созданы условия для повышения качества образования, разработаны и утверждены "
                   "программы повышения качества образования в каждой школе с низкими результатами")
    few = table([activity(f"{i}.", result="Проведён семинар") for i in range(1, 9)])
    many = table([activity(f"{i}.", result=long_result) for i in range(1, 9)])
    assert widths_in_chars(table_view(many, Style()))["ожидаемый_результат"] > \
        widths_in_chars(table_view(few, Style()))["ожидаемый_результат"] + 10


def test_a_column_of_short_names_gets_only_what_its_header_needs():
    # Every responsible cell reads "РУО": the column needs no more than its header word
    # «Ответственный» (13 bold letters, about 15 characters) and the padding — under 20 characters.
    view = table_view(table([activity(f"{i}.") for i in range(1, 12)]), Style())
    widths = widths_in_chars(view)
    assert 15 <= widths["ответственные"] <= 20
    assert widths["номер"] == min(widths.values())
    assert widths["мероприятие"] == max(widths.values())


def test_swapping_the_texts_of_two_columns_swaps_their_widths():
    text_a = "Анализ результатов ВПР и ОГЭ по математике и русскому языку в разрезе классов и учителей"
    text_b = "Аналитическая справка"
    first = table([activity(f"{i}.", deadline=text_b, result=text_a) for i in range(1, 7)],
                  fields=("номер", "мероприятие", "срок", "ожидаемый_результат"))
    second = table([activity(f"{i}.", deadline=text_a, result=text_b) for i in range(1, 7)],
                   fields=("номер", "мероприятие", "срок", "ожидаемый_результат"))
    one, two = widths_in_chars(table_view(first, Style())), widths_in_chars(table_view(second, Style()))
    assert one["ожидаемый_результат"] > one["срок"]
    assert two["срок"] > two["ожидаемый_результат"]


def test_no_column_below_its_longest_word():
    word = "Межведомственного"  # 17 letters
    view = table_view(table([activity("1.", deadline=f"{word} плана", result="Да")]), Style())
    widths = widths_in_chars(view)
    assert widths["срок"] >= len(word) + 1.5
    assert widths["ожидаемый_результат"] >= len("Ожидаемый")  # the header's longest word


def test_widths_sum_to_the_table_and_are_the_same_every_time():
    activities = [activity(f"{i}.", responsible=("РУО", "МБОУ «Средняя школа №2»")) for i in range(1, 20)]
    first = table_view(table(activities), Style()).widths
    assert abs(sum(first) - 1) < 1e-9
    assert table_view(table(activities), Style()).widths == first


def test_short_rows_and_sections_are_whole_tall_rows_may_break():
    short = activity("1.1.")  # about three lines in the activity column
    tall = activity("1.2.", responsible=tuple(f"МБОУ «Средняя общеобразовательная школа №{n}»" for n in range(1, 9)))
    last = activity("1.3.")
    view = table_view(table([], [Section("Управление реализацией", "1.", [short, tall, last])]), Style())
    rows = {row.number or row.heading: row for row in view.rows}
    assert rows["1. Управление реализацией"].whole
    assert rows["1.1."].whole
    assert not rows["1.2."].whole  # eight schools, at least eight lines
    # the last row of a table is never split, however tall: the last page is never only a tail
    view = table_view(table([], [Section("Управление реализацией", "1.", [short, tall])]), Style())
    assert view.rows[-1].number == "1.2." and view.rows[-1].whole
