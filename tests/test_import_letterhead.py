"""The blank (`орган.бланк`) at the top of a document, imported line by line as written, in every
input form: text, Word and the PDF LibreOffice makes of it. Expected values written by hand."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

from roadmapctl.importer import import_bytes, import_path

TABLE = "№\tМероприятие\tСрок\tОтветственный\n1\tСовещание\tсентябрь 2024\tДиректор\n"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

ABAN = ["АДМИНИСТРАЦИЯ АБАНСКОГО РАЙОНА", "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ", "Красноярского края"]
TITLE_ABAN = "План мероприятий по подготовке к ГИА на 2024-2025 учебный год"


def _text(tmp_path: Path, head: str, name: str = "План ГИА Абан 2024.txt", newline: str = "\n") -> dict:
    target = tmp_path / name
    target.write_bytes((head + TABLE).replace("\n", newline).encode("utf-8"))
    return import_path(target).data


def test_a_department_blank_above_a_plan(tmp_path: Path) -> None:
    data = _text(tmp_path, "\n".join(ABAN) + "\n\n" + TITLE_ABAN + "\n", newline="\r\n")
    assert data["орган"]["бланк"] == ABAN
    assert data["название"] == TITLE_ABAN


def test_a_blank_over_an_order_keeps_its_lines_as_written(tmp_path: Path) -> None:
    head = ("Российская Федерация\nИркутская область\nАдминистрация муниципального образования\n«Куйтунский район»\n"
            "Комитет по образованию\n\nПРИКАЗ\n\nот 12.03.2024 № 45\n\nПлан мероприятий на 2024 год\n")
    data = _text(tmp_path, head, "Приказ Куйтун.txt")
    assert data["орган"]["бланк"] == ["Российская Федерация", "Иркутская область",
                                      "Администрация муниципального образования", "«Куйтунский район»",
                                      "Комитет по образованию"]
    assert data["приказ"]["номер"] == "45"


def test_a_school_blank_with_its_address(tmp_path: Path) -> None:
    head = ("Муниципальное бюджетное общеобразовательное учреждение\n«Средняя общеобразовательная школа № 2»\n"
            "456780, Челябинская область, г. Озёрск, ул. Победы, 7\nТел. (35130) 2-11-22, e-mail: school2@mail.ru\n\n"
            "План работы на 2024-2025 учебный год\n")
    data = _text(tmp_path, head, "План школы 2.txt")
    assert data["орган"] == {
        "наименование": "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 2»",
        "бланк": ["Муниципальное бюджетное общеобразовательное учреждение", "«Средняя общеобразовательная школа № 2»",
                  "456780, Челябинская область, г. Озёрск, ул. Победы, 7",
                  "Тел. (35130) 2-11-22, e-mail: school2@mail.ru"]}


@pytest.mark.parametrize("head", [
    "Приложение № 2\nк приказу управления образования\nот 15.02.2024 № 47-од\n" + TITLE_ABAN + "\n",
    "Утверждаю\nНачальник управления образования\nИ.И. Иванов\n" + TITLE_ABAN + "\n",
    TITLE_ABAN + "\n",
])
def test_no_blank_without_the_lines_of_one(tmp_path: Path, head: str) -> None:
    assert "бланк" not in _text(tmp_path, head)["орган"]


def test_the_flat_pdf_page_blank_is_parted_at_its_address() -> None:
    text = ("Муниципальное казённое общеобразовательное учреждение «Основная школа с. Ильинка» 682910, Хабаровский "
            "край, с. Ильинка, ул. Школьная, 3 Приложение к приказу № 5 от 09.01.2024 План-график оценочных процедур "
            "на 2023-2024 учебный год Оценочная процедура Класс Предмет Дата Контрольная работа 5 Математика "
            "12.02.2024 Итоговая работа 6 История 20.05.2024")
    data = import_bytes(text.encode("utf-8"), "Ильинка.txt").data
    assert data["орган"]["бланк"] == ["Муниципальное казённое общеобразовательное учреждение «Основная школа с. Ильинка»",
                                      "682910, Хабаровский край, с. Ильинка, ул. Школьная, 3"]
    assert data["название"] == "План-график оценочных процедур на 2023-2024 учебный год"


def _docx() -> bytes:
    from docx import Document

    document = Document()
    for line in ABAN:
        document.add_paragraph(line)
    document.add_paragraph(TITLE_ABAN)
    table = document.add_table(rows=2, cols=4)
    table.style = "Table Grid"
    for k, text in enumerate(("№", "Мероприятие", "Срок", "Ответственный")):
        table.rows[0].cells[k].text = text
    for k, text in enumerate(("1", "Совещание с руководителями школ", "сентябрь 2024", "Иванов И.И.")):
        table.rows[1].cells[k].text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_the_blank_of_a_word_document(tmp_path: Path) -> None:
    target = tmp_path / "План ГИА Абан.docx"
    target.write_bytes(_docx())
    assert import_path(target).data["орган"]["бланк"] == ABAN


@pytest.mark.external
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_the_blank_of_the_same_document_as_pdf(tmp_path: Path) -> None:
    pytest.importorskip("pypdfium2")
    source = tmp_path / "source.docx"
    source.write_bytes(_docx())
    subprocess.run([str(SOFFICE), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)], check=True, capture_output=True,
                   timeout=240)
    target = tmp_path / "План ГИА Абан.pdf"
    (tmp_path / "source.pdf").rename(target)
    assert import_path(target).data["орган"]["бланк"] == ABAN


def test_the_authority_from_a_department_blank_keeps_the_place_name(tmp_path: Path) -> None:
    data = _text(tmp_path, "\n".join(ABAN) + "\n" + TITLE_ABAN + "\n")
    assert data["орган"]["наименование"] == "Управление образования администрации Абанского района"
    assert data["регион"] == "Красноярский край"


def test_an_act_number_is_no_authority(tmp_path: Path) -> None:
    """«Приложение к приказу № 12 от …» names no body: the authority is left for the user."""
    data = _text(tmp_path, "Приложение к приказу № 12 от 10.01.2024\n" + TITLE_ABAN + "\n")
    assert data["орган"]["наименование"] == "Орган не указан в документе"
    assert data["приказ"]["номер"] == "12"


@pytest.mark.parametrize(("head", "authority"), [
    ("Приложение N 1\nк постановлению Правительства\nРеспублики Алтай\nот 15 февраля 2024 г. N 19\n",
     "Правительство Республики Алтай"),
    ("Приложение N 4\nк постановлению главы муниципального\nобразования город Армавир\nот 9 апреля 2024 г. N 805\n",
     "Глава муниципального образования город Армавир"),
    ("УТВЕРЖДАЮ\nДиректор школы МОУ «Школа № 7 имени А.П. Чехова»\nИ.И. Иванов\n", "МОУ «Школа № 7 имени А.П. Чехова»"),
    ("УТВЕРЖДАЮ\nДИРЕКТОР ШКОЛЫ\nЕ.В.ПЕТРОВА\n", "Орган не указан в документе"),  # which school is not said
])
def test_the_authority_named_by_the_mark_or_the_stamp(tmp_path: Path, head: str, authority: str) -> None:
    assert _text(tmp_path, head + TITLE_ABAN + "\n")["орган"]["наименование"] == authority
