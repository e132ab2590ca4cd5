"""Several date columns become one deadline in every input form (importer/datecols.py), the
cells as written kept in the activity's comment."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from roadmapctl.importer import import_path
from roadmapctl.importer.datecols import combine_dates, date_columns, is_date_header

HEADER = ["№", "Мероприятие", "Срок начала", "Срок окончания", "Ответственный"]
ROWS = [["1", "Создание рабочей группы", "01.09.2023", "15.09.2023", "Директор"],
        ["2", "Мониторинг результатов", "01.10.2023", "30.05.2024", "Заместитель директора"]]


def _docx() -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph("План мероприятий на 2023-2024 учебный год")
    table = document.add_table(rows=1, cols=len(HEADER))
    for k, text in enumerate(HEADER):
        table.rows[0].cells[k].text = text
    for row in ROWS:
        cells = table.add_row().cells
        for k, text in enumerate(row):
            cells[k].text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _tabs() -> bytes:
    lines = ["План мероприятий на 2023-2024 учебный год", "\t".join(HEADER), *("\t".join(r) for r in ROWS)]
    return "\n".join(lines).encode("utf-8")


@pytest.mark.parametrize(("name", "make"), [("План школы с датами.docx", _docx), ("План школы с датами.txt", _tabs)])
def test_start_and_end_columns_become_one_range(tmp_path: Path, name: str, make) -> None:
    target = tmp_path / name
    target.write_bytes(make())
    result = import_path(target)
    table = result.data["таблицы"][0]
    assert [c["заголовок"] for c in table["колонки"]] == ["№", "Мероприятие", "Срок (Срок начала; Срок окончания)",
                                                           "Ответственный"]
    assert [a["срок"] for a in table["мероприятия"]] == ["с 01.09.2023 по 15.09.2023", "с 01.10.2023 по 30.05.2024"]
    notes = " ".join(m for messages in result.comments.values() for m in messages)
    assert "«Срок начала»: «01.09.2023», «Срок окончания»: «15.09.2023»" in notes


def test_which_headers_are_date_columns() -> None:
    assert date_columns(["№", "Мероприятие", "Плановое начало", "Плановое окончание", "Ответственный"]) == [2, 3]
    assert date_columns(["Наименование", "I квартал", "II квартал", "III квартал", "IV квартал", "Исполнитель"]) == \
        [1, 2, 3, 4]
    assert date_columns(["№", "Мероприятие", "Дата", "Дата", "Дата"]) == [2, 3, 4]
    # one date column, or date-like words in other columns, are not several date columns
    assert date_columns(["№", "Мероприятие", "Срок", "Ответственный"]) == []
    assert date_columns(["Мероприятие", "Срок начала", "Ответственный", "Срок окончания"]) == []
    assert date_columns(["Мероприятие", "Работа с родителями", "Работа с учениками", "Срок"]) == []
    assert date_columns(["Мероприятие", "Срок с", "Срок по", "Исполнитель"]) == [1, 2]
    assert not is_date_header("Ответственный за проведение")
    assert not is_date_header("Отметка о выполнении")


def test_combined_deadlines() -> None:
    assert combine_dates(["Плановое начало", "Плановое окончание"], ["20.03.2008", "30.12.2008"]) == \
        "с 20.03.2008 по 30.12.2008"
    assert combine_dates(["Плановое начало", "Плановое окончание"], ["20.03.2008", ""]) == "20.03.2008"
    assert combine_dates(["I квартал", "II квартал", "III квартал", "IV квартал"], ["-", "х", "х", "-"]) == "II–III квартал"
