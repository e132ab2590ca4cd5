"""`import` on variants of the corpus forms that held-out documents will have: Windows line ends,
non-breaking spaces, indenting tabs, page numbers between rows, the header repeated on a new page,
reordered columns and extra «Примечание» / «Ожидаемый результат» columns. The corpus copies keep
their hand-written expected import (tests/data/corpus/tables/expected.json); the hand-written
tables below have their expected values written out here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from corpus_tables import document_text, expected, imported_rows, match_rows, row_right

from roadmapctl.importer import import_bytes, import_path

EXPECTED = expected()


def _all_right(name: str, data: bytes) -> None:
    want = EXPECTED[name]["rows"]
    result = import_bytes(data, name)
    got = imported_rows(result.data)
    matched = match_rows(want, got)
    assert [k for k, (w, g) in enumerate(zip(want, matched)) if g is None or not row_right(w, g)] == []
    assert len(got) == len(want)


def _crlf(data: bytes) -> bytes:
    return data.replace(b"\n", b"\r\n")


def _nbsp(data: bytes) -> bytes:
    return re.sub(r"(?<=[а-яё]) (?=[а-яё])", "\u00a0", data.decode("utf-8")).encode("utf-8")


def _indented(data: bytes) -> bytes:
    return b"\n".join(b"\t" + line if line.strip() else line for line in data.split(b"\n"))


@pytest.mark.parametrize("change", [_crlf, _nbsp, _indented])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_tables_read_the_same_with_windows_line_ends_nbsp_and_indents(name: str, change) -> None:
    _all_right(name, change(document_text(name)))


def _before_row(name: str, anchor: str, inserted: str) -> bytes:
    text = document_text(name).decode("utf-8")
    assert text.count(anchor) == 1
    return text.replace(anchor, inserted + anchor).encode("utf-8")


# (file, the text that starts a row in the middle of its table)
MIDDLE_ROWS = [
    ("06_school_gia_plan_2020.txt", "3\n\nОбеспечить"),
    ("07_tuva_natproj_info_plan_2006.txt", "2. | Подготовить"),
    ("10_bolshevistskaya_oosh_fgos_2011.txt", "3. Формирование"),
    ("11_setevoy_grafik_fgos_ooo.txt", "3. Обеспечение"),
    ("13_tambarskaya_nastavnichestvo_pdf.txt", "Разработка положений"),
    ("15_feodosia_school2_kpvr_2023.txt", "Интерактивные формы"),
]


@pytest.mark.parametrize("mark", ["Страница 2 из 3\n", "- 2 -\n", "\n— 2 —\n\n", "стр. 2\n"])
@pytest.mark.parametrize(("name", "anchor"), MIDDLE_ROWS)
def test_a_page_number_between_rows_is_no_text(name: str, anchor: str, mark: str) -> None:
    _all_right(name, _before_row(name, anchor, mark))


REPEATED_HEADERS = {
    "07_tuva_natproj_info_plan_2006.txt": "N п/п |\nМероприятия | СМИ | Срок исполнения |\nОтветственные |\n1 | 2 | 3 | 4 | 5 |\n",
    "10_bolshevistskaya_oosh_fgos_2011.txt": "№\nОтветственные\nМероприятия\nСроки\nп/п\nреализации\n",
    "15_feodosia_school2_kpvr_2023.txt": "Дела, события, мероприятия\n\nКлассы\n\nОриентировочное время\nпроведения\n",
}


@pytest.mark.parametrize("name", sorted(REPEATED_HEADERS))
def test_the_header_repeated_on_a_new_page_is_no_row(name: str) -> None:
    anchor = next(a for n, a in MIDDLE_ROWS if n == name)
    _all_right(name, _before_row(name, anchor, "Страница 2\n" + REPEATED_HEADERS[name]))


def test_the_header_repeated_without_its_column_numbers() -> None:
    name = "07_tuva_natproj_info_plan_2006.txt"
    header = REPEATED_HEADERS[name].replace("1 | 2 | 3 | 4 | 5 |\n", "")
    _all_right(name, _before_row(name, "2. | Подготовить", header))


# hand-written tables: a deadline column first, an expected result and a note beside the responsible
ROWS = [("1", "Провести совещание с руководителями школ", "до 15 марта 2024 г.", ["Отдел образования"]),
        ("2", "Организовать пробный экзамен по математике", "апрель 2024 г.", ["Руководители школ"])]

GARANT = """План мероприятий по подготовке к ГИА в Пензенской области на 2024 год
N п/п |
Срок исполнения | Мероприятие | Ответственный | Ожидаемый результат | Примечание |
1 | 2 | 3 | 4 | 5 | 6 |
1. | до 15 марта 2024 г. | Провести совещание с руководителями школ | Отдел образования | Протокол совещания |
|
2. | апрель 2024 г. | Организовать пробный экзамен по математике | Руководители школ | Аналитическая справка | По графику |
"""

PARAGRAPHS = """План мероприятий по подготовке к ГИА в Тверской области на 2024 год

№

Мероприятие

Ответственный

Срок

Ожидаемый результат

1.

Провести совещание с руководителями школ

Отдел образования

до 15 марта 2024 г.

Протокол совещания

2.

Организовать пробный экзамен по математике

Руководители школ

апрель 2024 г.

Аналитическая справка
"""

PIPES = """План мероприятий по подготовке к ГИА в Омской области на 2024 год
| Срок | № | Мероприятие | Примечание | Ответственный |
| до 15 марта 2024 г. | 1 | Провести совещание с руководителями школ | | Отдел образования |
| апрель 2024 г. | 2 | Организовать пробный экзамен по математике | По графику | Руководители школ |
"""


@pytest.mark.parametrize(("text", "results", "notes"), [
    (GARANT, ["Протокол совещания", "Аналитическая справка"], [None, "По графику"]),
    (PARAGRAPHS, ["Протокол совещания", "Аналитическая справка"], [None, None]),
    (PARAGRAPHS.replace("\n\n", "\n"), ["Протокол совещания", "Аналитическая справка"], [None, None]),
    (PIPES, [None, None], [None, "По графику"]),
], ids=["garant", "paragraphs", "lines", "pipes"])
def test_reordered_and_extra_columns(tmp_path: Path, text: str, results: list, notes: list) -> None:
    path = tmp_path / "План ГИА 2024 (вариант).txt"
    path.write_text(text, encoding="utf-8")
    data = import_path(path).data
    assert [(r.number.rstrip("."), r.text, r.deadline, r.responsible) for r in imported_rows(data)] == ROWS
    activities = data["таблицы"][0]["мероприятия"]
    assert [a.get("ожидаемый_результат") for a in activities] == results
    assert [a.get("примечание") for a in activities] == notes


_WHAT = ["Совещание с руководителями школ", "Пробный экзамен по математике", "Семинар для учителей"]
_WHEN = ["март 2024 г.", "до 15 мая 2024 г.", "в течение года"]
_WHO = ["Отдел образования", "Руководители ОО", "Директор"]
_MARKS = ["Страница 2 из 3", "- 3 -", "стр. 4", "2 из 5", "— 7 —"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_WHAT), st.sampled_from(_WHEN), st.sampled_from(_WHO)), min_size=1,
                max_size=8),
       st.lists(st.tuples(st.integers(min_value=0, max_value=8), st.sampled_from(_MARKS)), max_size=3),
       st.sampled_from(["\n", "\r\n"]))
def test_page_marks_between_the_rows_of_a_tab_table_change_nothing(rows: list, marks: list, newline: str) -> None:
    lines = ["План мероприятий на 2024 год", "№\tМероприятие\tСрок\tОтветственный"]
    lines += [f"{k}\t{what}\t{when}\t{who}" for k, (what, when, who) in enumerate(rows, 1)]
    marked = list(lines)
    for position, mark in sorted(marks, reverse=True):
        marked.insert(2 + min(position, len(rows)), mark)
    got = imported_rows(import_bytes(newline.join(marked).encode("utf-8"), "план.txt").data)
    assert [(r.number, r.text, r.deadline, r.responsible) for r in got] == [
        (str(k), what, when, [who]) for k, (what, when, who) in enumerate(rows, 1)]


def test_only_a_bare_number_header_closes_a_title_above_it() -> None:
    from roadmapctl.importer.columns import NUMBER_HEADER

    assert [bool(NUMBER_HEADER.match(t)) for t in ("№", "N п/п", "№ п/п", "№№ п/п", "№ приказа", "Номер школы")] == \
        [True, True, True, True, False, False]
