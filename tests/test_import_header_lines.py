"""The text above the table as real documents break it: a period broken by a line break, a
title broken before its period, approval marks on one line or over many (issue 23)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

from roadmapctl.importer import import_path

TABLE = "№\tМероприятие\tСрок\tОтветственный\n1\tСовещание\tсентябрь 2021\tДиректор\n"


def _import(tmp_path: Path, head: str) -> dict:
    target = tmp_path / "План мероприятий школы № 5.txt"
    target.write_text(head + TABLE, encoding="utf-8")
    return import_path(target).data


@pytest.mark.parametrize(("head", "title", "period"), [
    ("План мероприятий по подготовке к ГИА на 2021-\n2022 учебный год\n",
     "План мероприятий по подготовке к ГИА на 2021-2022 учебный год", "2021-2022 учебный год"),
    ("План мероприятий по подготовке к ГИА\nна 2021 -\n2022 годы\n",
     "План мероприятий по подготовке к ГИА на 2021 - 2022 годы", "2021-2022"),
    ("План мероприятий по подготовке к ГИА в\n2021 году\n", "План мероприятий по подготовке к ГИА в 2021 году", "2021"),
    ("План мероприятий по подготовке к ГИА\nСроки: на 2021 -\n2022 годы\n", "План мероприятий по подготовке к ГИА",
     "2021-2022"),
])
def test_a_period_broken_by_a_line_break_is_read_not_replaced_by_the_current_year(
        tmp_path: Path, head: str, title: str, period: str) -> None:
    data = _import(tmp_path, head)
    assert (data["название"], data["период"]) == (title, period)


def test_a_title_broken_before_its_period_goes_on_to_it(tmp_path: Path) -> None:
    data = _import(tmp_path, "План деятельности по введению\nФедерального Государственного Образовательного Стандарта\n"
                             "МОУ «Школа №3» на 2011-2012 учебный год\nЦели: определить изменения.\n")
    assert data["название"] == ("План деятельности по введению Федерального Государственного Образовательного "
                                "Стандарта МОУ «Школа №3» на 2011-2012 учебный год")


@pytest.mark.parametrize(("head", "date", "number"), [
    ("ПРИЛОЖЕНИЕ УТВЕРЖДЕН приказом министерства образования от 28.09.2012г. № 7498\nПлан мероприятий на 2013 год\n",
     "2012-09-28", "7498"),
    ("Приложение к Постановлению от 17.12.2012 г № 4007 Паспорт\nПлан мероприятий на 2013 год\n", "2012-12-17", "4007"),
    (("ПРИЛОЖЕНИЕ N 2\nк комплексу мер\nпо модернизации\nсистемы общего образования\nна 2013 год\n(в редакции постановления\n"
      "правительства области\nот 2 апреля 2013 года N 130-пп)\nПлан-график мероприятий на 2013 год\n"), "2013-04-02", "130-пп"),
])
def test_appendix_marks_on_one_line_or_many(tmp_path: Path, head: str, date: str, number: str) -> None:
    data = _import(tmp_path, head)
    assert data.get("приложение")
    assert (str(data["приказ"]["дата"]), data["приказ"]["номер"]) == (date, number)


def test_a_run_on_copy_of_the_stamp_and_a_blank_date(tmp_path: Path) -> None:
    data = _import(tmp_path, "Утверждаю Директор школы МОУ «Школа №3» Т. В. Коломийчук\nУтверждаю\nДиректор школы МОУ «Школа №3»\n"
                             "________________________Т.В. Коломийчук\n«________» __________________ 20____г.\n"
                             "План мероприятий на 2011-2012 учебный год\n")
    assert data["утверждение"] == {"гриф": "Утверждаю", "должность": "Директор школы МОУ «Школа №3»",
                                   "фио": "Т.В. Коломийчук"}


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _two_column_docx() -> bytes:
    """A school's plan: «Рассмотрено …» on the left, the appendix mark on the right (a borderless
    layout table), the title, the plan's table."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document()
    layout = document.add_table(rows=1, cols=2)
    layout.rows[0].cells[0].text = "Рассмотрено на заседании\nпедагогического совета\nпротокол № 3 от 10.02.2022"
    layout.rows[0].cells[1].text = "Приложение № 2\nк приказу МБОУ СОШ № 1\nот 15.02.2022 № 47-од"
    for line in ("План мероприятий («дорожная карта»)", "по подготовке к ГИА на 2022 год"):
        paragraph = document.add_paragraph()
        paragraph.add_run(line).bold = True
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for k, text in enumerate(("№", "Мероприятие", "Срок", "Ответственный")):
        table.rows[0].cells[k].text = text
    for row in (("1", "Совещание с руководителями школ", "март 2022", "Иванов И.И."),
                ("2", "Пробный экзамен", "апрель 2022", "Петров П.П.")):
        cells = table.add_row().cells
        for k, text in enumerate(row):
            cells[k].text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _mark(data: dict) -> tuple:
    return (data["приложение"], str(data["приказ"]["дата"]), data["приказ"]["номер"], data["название"])


EXPECTED_MARK = ({"номер": "2", "к": "к приказу МБОУ СОШ № 1"}, "2022-02-15", "47-од",
                 "План мероприятий («дорожная карта») по подготовке к ГИА на 2022 год")


def test_the_mark_at_the_top_right_of_a_word_document(tmp_path: Path) -> None:
    target = tmp_path / "План ГИА школа 1.docx"
    target.write_bytes(_two_column_docx())
    assert _mark(import_path(target).data) == EXPECTED_MARK


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_the_mark_at_the_top_right_of_the_same_document_as_pdf(tmp_path: Path) -> None:
    """The PDF gives the two columns line by line across the page; the mark is read whole."""
    pytest.importorskip("pypdfium2")
    source = tmp_path / "source.docx"
    source.write_bytes(_two_column_docx())
    subprocess.run([str(SOFFICE), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)], check=True, capture_output=True,
                   timeout=240)
    target = tmp_path / "План ГИА школа 1.pdf"
    (tmp_path / "source.pdf").rename(target)
    assert _mark(import_path(target).data) == EXPECTED_MARK


@pytest.mark.parametrize("head", [
    "УТВЕРЖДАЮ Директор МБОУ СОШ № 5 __________ И.И. Иванов «01» сентября 2024 г.\n",
    "УТВЕРЖДАЮ\nДиректор МБОУ СОШ № 5\n__________ И.И. Иванов\n«01» сентября 2024 г.\n",
])
def test_a_stamp_on_one_line_or_many_with_its_date(tmp_path: Path, head: str) -> None:
    data = _import(tmp_path, head + "План мероприятий на 2024-2025 учебный год\n")
    assert data["утверждение"] == {"гриф": "УТВЕРЖДАЮ", "должность": "Директор МБОУ СОШ № 5", "фио": "И.И. Иванов",
                                   "дата": __import__("datetime").date(2024, 9, 1)}
    assert data["название"] == "План мероприятий на 2024-2025 учебный год"


def test_a_stamp_on_one_line_without_a_date(tmp_path: Path) -> None:
    data = _import(tmp_path, "Утверждаю Начальник управления образования администрации Кемского района И.И. Петров\n"
                             "План мероприятий на 2024 год\n")
    assert data["утверждение"] == {"гриф": "Утверждаю",
                                   "должность": "Начальник управления образования администрации Кемского района",
                                   "фио": "И.И. Петров"}
