"""The same roadmap imported from every form it comes in: a Word document (with a ruled table and
with a borderless one), a PDF made from each by LibreOffice, a saved web page, text with «|», a
Markdown table, text with one cell per line, and .odt/.rtf/.doc converted by LibreOffice.

The expected values are written out by hand in tests/forms/document.py from the document's text.
Tests that need LibreOffice (soffice) skip cleanly when it is not installed.
"""

from __future__ import annotations

import datetime
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from roadmapctl.check.diagnostics import Severity
from roadmapctl.check.runner import check_source
from roadmapctl.importer import ImportFailure, import_bytes
from roadmapctl.loading import Source

from forms import document as doc

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def needs_soffice(test):
    """A test that drives LibreOffice: marked external, skipped cleanly without it."""
    return pytest.mark.external(pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")(test))


def convert(tmp_path: Path, data: bytes, suffix: str, target: str) -> bytes:
    """Convert with LibreOffice the way a user would (File → Save as / Export as PDF)."""
    source = tmp_path / f"source{suffix}"
    source.write_bytes(data)
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=240)
    return (tmp_path / f"source.{target.split(':')[0]}").read_bytes()


def imported(data: bytes, name: str) -> tuple[dict, str]:
    result = import_bytes(data, name)
    return yaml.safe_load(result.text), result.text


def activity_rows(data: dict) -> list[tuple]:
    rows = []
    for index, table in enumerate(data["таблицы"]):
        for activity in table.get("мероприятия") or []:
            rows.append((index, None, activity))
        for section in table.get("разделы") or []:
            for activity in section.get("мероприятия") or []:
                rows.append((index, section["название"], activity))
    return [(index, section, a["номер"], a["мероприятие"], a.get("ответственные"), a.get("срок"),
             a.get("ожидаемый_результат")) for index, section, a in rows]


def assert_the_document(data: dict, text: str) -> None:
    assert data["название"] == ("План мероприятий («дорожная карта») по поддержке школ с низкими образовательными "
                                "результатами на 2024 год")
    assert data["период"] == "2024"
    assert data["приказ"] == {"вид": "распоряжение", "номер": "1295", "дата": datetime.date(2024, 1, 15)}
    assert data["орган"]["наименование"] == "Администрация Энского района"
    assert data["муниципалитет"] == "Энский район"
    assert len(data["таблицы"]) == 2
    first, second = data["таблицы"]
    assert [(c["поле"], c["заголовок"]) for c in first["колонки"]] == [
        ("номер", "N п/п"), ("мероприятие", "Мероприятие"), ("срок", "Срок"), ("ответственные", "Ответственный"),
        ("ожидаемый_результат", "Ожидаемый результат")]
    assert second["название"] == "План мониторинга"
    assert [(c["поле"], c["заголовок"]) for c in second["колонки"]] == [
        ("номер", "N"), ("мероприятие", "Показатель"), ("срок", "Периодичность"), ("ответственные", "Ответственный"),
        ("форма_результата", "Форма представления результатов")]
    assert [s["номер"] for s in first["разделы"]] == ["I.", "II."]
    assert activity_rows(data) == doc.EXPECTED_ACTIVITIES
    forms = [a["форма_результата"] for a in second["мероприятия"]]
    assert forms == ["Аналитическая справка", "Отчёт"]
    # the numbering restarts in each section: check accepts it, the import has no errors
    errors = [d for d in check_source(Source(name="x.yaml", text=text)) if d.severity is Severity.ERROR]
    assert errors == []


FORMS = {
    "docx": lambda: (doc.docx(), "plan.docx"),
    "docx-borderless": lambda: (doc.docx(borders=False), "plan.docx"),
    "html": lambda: (doc.html(), "plan.html"),
    "pipes": lambda: (doc.pipes(), "plan.txt"),
    "markdown": lambda: (doc.pipes(markdown=True), "plan.md"),
    "one-cell-per-line": lambda: (doc.one_cell_per_line(), "plan.txt"),
}


@pytest.mark.parametrize("form", sorted(FORMS))
def test_every_text_form_gives_the_roadmap(form):
    data, text = imported(*FORMS[form]())
    assert_the_document(data, text)


def test_every_form_gives_the_same_roadmap():
    first = None
    for form in sorted(FORMS):
        data, _text = imported(*FORMS[form]())
        if first is None:
            first = data
        else:
            assert data == first, form


@needs_soffice
@pytest.mark.parametrize("borders", [True, False], ids=["ruled", "aligned"])
def test_pdf_made_by_libreoffice(tmp_path, borders):
    pytest.importorskip("pdfplumber")
    pdf = convert(tmp_path, doc.docx(borders=borders), ".docx", "pdf")
    data, text = imported(pdf, "plan.pdf")
    assert_the_document(data, text)
    assert data == imported(doc.docx(), "plan.docx")[0]


@needs_soffice
@pytest.mark.parametrize("target", ["odt", "rtf", "doc:MS Word 97"])
def test_libreoffice_formats(tmp_path, target):
    converted = convert(tmp_path, doc.docx(), ".docx", target)
    data, text = imported(converted, "plan." + target.split(":")[0])
    assert_the_document(data, text)


def test_without_libreoffice_the_message_names_the_package(monkeypatch):
    from roadmapctl.importer import convert as converter

    monkeypatch.setattr(converter, "soffice", lambda: None)
    for data, what in ((b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "(.doc)"), (b"{\\rtf1 text}", "RTF")):
        with pytest.raises(ImportFailure) as caught:
            import_bytes(data, "plan.x")
        message = str(caught.value)
        assert what in message and "libreoffice-writer" in message and "LibreOffice" in message


def test_a_scanned_pdf_gets_a_clear_message():
    pytest.importorskip("pdfplumber")
    # a one-page PDF with a drawing and no text, as a scanner makes (the image replaced by a path)
    content = b"0 0 1 rg 10 10 100 100 re f"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    with pytest.raises(ImportFailure, match="нет текста — это, по-видимому, скан") as caught:
        import_bytes(bytes(out), "scan.pdf")
    assert "ocrmypdf" in str(caught.value)


def test_a_damaged_pdf_is_a_russian_message():
    pytest.importorskip("pdfplumber")
    with pytest.raises(ImportFailure, match="PDF повреждён"):
        import_bytes(b"%PDF-1.4\n1 0 obj garbage", "bad.pdf")


def test_word_table_typed_with_tabs():
    from docx import Document
    import io

    document = Document()
    for line in doc.APPROVAL + doc.TITLE:
        document.add_paragraph(line)
    document.add_paragraph("\t".join(doc.HEADER))
    for title, rows in doc.SECTIONS:
        document.add_paragraph(title)
        for row in rows:
            document.add_paragraph("\t".join(row))
    out = io.BytesIO()
    document.save(out)
    result = import_bytes(out.getvalue(), "tabs.docx")
    data = yaml.safe_load(result.text)
    assert activity_rows(data) == doc.EXPECTED_ACTIVITIES[:4]
    assert any("абзацев, где ячейки разделены табуляцией" in g.message for g in result.guesses)


def test_a_word_document_without_any_table_says_what_to_do():
    from docx import Document
    import io

    document = Document()
    document.add_paragraph("Просто текст без таблицы")
    out = io.BytesIO()
    document.save(out)
    with pytest.raises(ImportFailure, match="нет ни одной таблицы и нет абзацев с табуляциями.*Преобразовать в таблицу"):
        import_bytes(out.getvalue(), "empty.docx")


def test_box_table_of_a_legal_database():
    """A legal database's text export: cells between │, rows between ├──┼──┤, each cell wrapped."""
    text = "\n".join([
        "Приложение N 2",
        "к приказу управления образования администрации города Энска от 01.09.2023 N 512",
        "",
        "ДОРОЖНАЯ КАРТА",
        "на 2023/2024 учебный год",
        "┌────┬──────────────────────────┬────────────┬──────────────┐",
        "│ N  │      Мероприятие         │    Срок    │ Ответственный│",
        "│п/п │                          │            │              │",
        "├────┼──────────────────────────┼────────────┼──────────────┤",
        "│1.  │Анализ результатов ВПР по │Сентябрь    │Управление    │",
        "│    │учебно-                   │2023 г.     │образования   │",
        "│    │методическим объединениям │            │              │",
        "├────┼──────────────────────────┼────────────┼──────────────┤",
        "│2.  │Семинар для учителей      │Октябрь 2023│ГМО           │",
        "│    │- математики              │г.          │              │",
        "│    │- русского языка          │            │              │",
        "└────┴──────────────────────────┴────────────┴──────────────┘",
    ])
    data, _text = imported(text.encode("utf-8"), "consultant.txt")
    table = data["таблицы"][0]
    assert [c["заголовок"] for c in table["колонки"]] == ["N п/п", "Мероприятие", "Срок", "Ответственный"]
    first, second = table["мероприятия"]
    assert first["мероприятие"] == "Анализ результатов ВПР по учебно-методическим объединениям"
    assert first["срок"] == "Сентябрь 2023 г."
    assert first["ответственные"] == ["Управление образования"]
    assert second["мероприятие"] == "Семинар для учителей"
    assert second["подпункты"] == ["математики", "русского языка"]
    assert second["срок"] == "Октябрь 2023 г."
    assert data["период"] == "2023-2024 учебный год"
    assert data["приложение"]["номер"] == "2"
    assert data["приказ"]["номер"] == "512"


def test_check_does_not_load_the_pdf_libraries():
    import sys

    root = Path(__file__).resolve().parents[1]
    roadmap = sorted((root / "roadmaps").glob("*.yaml"))[0]
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "roadmapctl", "check", str(roadmap)],
                          capture_output=True)
    loaded = {line.split("|")[-1].strip().split(".")[0] for line in proc.stderr.decode().splitlines() if "|" in line}
    assert "roadmapctl" in loaded
    assert loaded & {"pdfplumber", "pypdfium2", "pdfminer"} == set()


def test_the_form_guess_is_listed_and_left_as_a_comment():
    result = import_bytes(doc.one_cell_per_line(), "plan.txt")
    assert any("каждая ячейка стоит на своей строке" in g.message for g in result.guesses)
    assert "# импорт: таблица прочитана из текста, где каждая ячейка стоит на своей строке" in result.text
    # the first activity's text is wrapped over two lines: joining them is a guess of that row
    row_guesses = [g for g in result.guesses if "со строчной буквы, присоединены к строке выше" in g.message]
    assert [g.where for g in row_guesses] == ["строка 12"]
    assert "# импорт: строки текста, начинающиеся со строчной буквы, присоединены к строке выше как" in result.text


@needs_soffice
def test_a_table_over_several_pages_of_a_pdf(tmp_path):
    pytest.importorskip("pypdfium2")
    pdf = convert(tmp_path, doc.long_docx(), ".docx", "pdf")
    result = import_bytes(pdf, "long.pdf")
    data = result.data
    assert len(data["таблицы"]) == 1
    sections = data["таблицы"][0]["разделы"]
    assert [(s["номер"], s["название"]) for s in sections] == [(f"{k}.", f"Направление работы {k}") for k in range(1, 7)]
    for k, section in enumerate(sections, 1):
        rows = [(a["номер"], a["мероприятие"], a["срок"], a["ответственные"]) for a in section["мероприятия"]]
        assert rows == [(f"{k}.{a}.", f"{doc.LONG_TEXT} (пункт {k}.{a})", "Март 2025 г.", ["УО", "ОО"])
                        for a in range(1, 9)]
    # the table goes on over the pages without a guess about a table "without a header"
    assert not any("без строки заголовка" in g.message for g in result.guesses)


def test_cli_imports_a_web_page_numbered_per_section_with_exit_0(tmp_path):
    import sys

    source = tmp_path / "план.html"
    source.write_bytes(doc.html())
    proc = subprocess.run([sys.executable, "-m", "roadmapctl", "import", str(source), "-o", str(tmp_path) + "/"],
                          capture_output=True, timeout=120)
    err = proc.stderr.decode()
    assert proc.returncode == 0, err
    assert "ошибок нет" in err
    written = (tmp_path / "план.yaml").read_text(encoding="utf-8")
    assert_the_document(yaml.safe_load(written), written)


def _merged_down_docx() -> bytes:
    """Two activities sharing one deadline cell merged down (Word's vMerge)."""
    from docx import Document
    import io

    document = Document()
    document.add_paragraph("Дорожная карта на 2025 год")
    table = document.add_table(rows=3, cols=4)
    table.style = "Table Grid"
    for k, text in enumerate(["№", "Мероприятие", "Срок", "Ответственный"]):
        table.rows[0].cells[k].text = text
    for r, (number, text, who) in enumerate([("1.", "Совещание директоров", "УО"), ("2.", "Семинар учителей", "ОО")], 1):
        cells = table.rows[r].cells
        cells[0].text, cells[1].text, cells[3].text = number, text, who
    merged = table.rows[1].cells[2].merge(table.rows[2].cells[2])
    merged.text = "Сентябрь 2025 г."
    document.add_paragraph("")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@needs_soffice
def test_a_cell_merged_down_reads_alike_in_word_and_pdf(tmp_path):
    pytest.importorskip("pypdfium2")
    word = _merged_down_docx()
    expected = [("1.", "Совещание директоров", "Сентябрь 2025 г.", ["УО"]), ("2.", "Семинар учителей", "Сентябрь 2025 г.", ["ОО"])]
    for data, name in ((word, "m.docx"), (convert(tmp_path, word, ".docx", "pdf"), "m.pdf")):
        result = import_bytes(data, name)
        rows = [(a["номер"], a["мероприятие"], a.get("срок"), a.get("ответственные"))
                for a in result.data["таблицы"][0]["мероприятия"]]
        assert rows == expected, name
        assert any("объединена по вертикали" in g.message for g in result.guesses), name


@needs_soffice
def test_a_borderless_pdf_table_without_numbers(tmp_path):
    pytest.importorskip("pypdfium2")
    from docx import Document
    import io

    rows = [("Совещание директоров школ по итогам года и планированию работы на следующий год", "Август 2025 г.", "УО"),
            ("Семинар учителей", "Октябрь 2025 г.", "ОО"),
            ("Анализ результатов ВПР и подготовка справки для администрации района", "Май 2025 г.", "ИМЦ")]
    document = Document()
    document.add_paragraph("План работы на 2025 год")
    table = document.add_table(rows=1, cols=3)
    for k, text in enumerate(["Мероприятие", "Срок", "Ответственный"]):
        table.rows[0].cells[k].text = text
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    document.add_paragraph("")
    out = io.BytesIO()
    document.save(out)
    result = import_bytes(convert(tmp_path, out.getvalue(), ".docx", "pdf"), "plan.pdf")
    got = [(a["мероприятие"], a["срок"], a["ответственные"]) for a in result.data["таблицы"][0]["мероприятия"]]
    assert got == [(text, when, [who]) for text, when, who in rows]
    assert any("нарисована без линий" in g.message and "сверьте границы строк" in g.message for g in result.guesses)
