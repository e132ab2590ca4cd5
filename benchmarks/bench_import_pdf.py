"""Benchmark of ``roadmapctl import`` on a 30-page PDF (not a test).

    .venv/bin/python benchmarks/bench_import_pdf.py [--repeat N] [--pages 30] [--borderless] [FILE.pdf]

Without FILE the script builds the PDF itself: a Word document with a roadmap table (sections,
numbered activities with long wrapped texts, a deadline, responsible parties and a result in every
row) is written with python-docx and printed to PDF by LibreOffice (``soffice``), with as many
rows as it takes to fill the requested number of pages (30 by default). With ``--borderless`` the
table has no ruling lines, so the import finds it by column alignment.

It prints the time of the whole import (PDF → roadmap YAML, best of N runs) and, in the same run,
of two named alternatives that only extract text and do far less:

* "pdfplumber extract_tables": pdfplumber's own table extraction on every page, the library call
  one would write first (no rows joined across pages, no sections, no YAML);
* "pdftotext -layout": poppler's text extraction (when ``pdftotext`` is installed; Debian:
  ``apt-get install poppler-utils``), the fastest way to get the text out at all.

Ratios are ours / alternative (above 1 means we are slower). The target is under 5 s for the
30-page PDF.
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import best  # noqa: E402

TARGET_SECONDS = 5.0
TEXT = ("Организация методического сопровождения педагогов общеобразовательных организаций с низкими "
        "образовательными результатами по вопросам подготовки обучающихся к оценочным процедурам, "
        "включая посещение уроков и консультации")


def make_docx(rows: int, borders: bool) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    document.add_paragraph("УТВЕРЖДЕНА")
    document.add_paragraph("приказом управления образования администрации города Энска от 10.01.2024 N 7")
    document.add_paragraph("Дорожная карта по поддержке школ с низкими образовательными результатами на 2024 год")
    header = ["№ п/п", "Мероприятие", "Срок", "Ответственный", "Ожидаемый результат"]
    table = document.add_table(rows=1, cols=5)
    if borders:
        table.style = "Table Grid"
    for k, text in enumerate(header):
        table.rows[0].cells[k].text = text
    section_number = 0
    months = ["Январь", "Февраль", "Март", "Апрель", "Май", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"]
    for k in range(rows):
        if k % 10 == 0:
            section_number += 1
            cells = table.add_row().cells
            merged = cells[0].merge(cells[-1])
            merged.paragraphs[0].add_run(f"{section_number}. Направление работы номер {section_number}").bold = True
        cells = table.add_row().cells
        values = [f"{section_number}.{k % 10 + 1}.", TEXT, f"{months[k % len(months)]} 2024 г.",
                  "Управление образования, МБОУ «СОШ № 1», Иванов И.И.", "Проведено не менее двух консультаций"]
        for cell, value in zip(cells, values):
            cell.text = value
    widths = [Cm(1.5), Cm(9), Cm(3.5), Cm(5.5), Cm(5.5)]
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width
    document.add_paragraph("")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_pdf(pages: int, borders: bool, folder: Path) -> bytes:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("нужен LibreOffice (soffice), чтобы построить PDF; или укажите готовый файл PDF")
    import pdfplumber

    rows = pages * 5
    for _attempt in range(4):
        source = folder / "roadmap.docx"
        source.write_bytes(make_docx(rows, borders))
        subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(folder), str(source)], check=True, capture_output=True)
        data = (folder / "roadmap.pdf").read_bytes()
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            count = len(pdf.pages)
        if count == pages:
            return data
        rows = max(5, round(rows * pages / count))
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--borderless", action="store_true")
    args = parser.parse_args()

    import pdfplumber

    from roadmapctl.importer import import_bytes

    with tempfile.TemporaryDirectory() as folder:
        if args.file:
            data = Path(args.file).read_bytes()
        else:
            data = make_pdf(args.pages, not args.borderless, Path(folder))
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = len(pdf.pages)

        ours, result = best(lambda: import_bytes(data, "roadmap.pdf"), args.repeat)
        activities = sum(len(section.get("мероприятия") or []) for table in result.data["таблицы"]
                         for section in table.get("разделы") or [])
        sections = sum(len(table.get("разделы") or []) for table in result.data["таблицы"])

        def plumber_tables():
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                return [page.extract_tables() for page in pdf.pages]

        plumber, _tables = best(plumber_tables, args.repeat)
        print(f"PDF: {pages} страниц, {len(data) / 1024:.0f} КБ; импортировано разделов: {sections}, "
              f"мероприятий в них: {activities}")
        print(f"roadmapctl import (PDF → YAML)   {ours:7.3f} с")
        print(f"pdfplumber extract_tables         {plumber:7.3f} с   отношение {ours / plumber:5.2f}")
        pdftotext = shutil.which("pdftotext")
        if pdftotext:
            source = Path(folder) / "bench.pdf"
            source.write_bytes(data)
            poppler, _ = best(lambda: subprocess.run([pdftotext, "-layout", str(source), "-"], check=True,
                                                      capture_output=True), args.repeat)
            print(f"pdftotext -layout                 {poppler:7.3f} с   отношение {ours / poppler:5.2f}")
        else:
            print("pdftotext не установлен — сравнение с ним пропущено")
        verdict = "в пределах цели" if ours < TARGET_SECONDS else "ЦЕЛЬ НЕ ДОСТИГНУТА"
        print(f"цель: меньше {TARGET_SECONDS:.0f} с на {args.pages} страниц — {verdict}")


if __name__ == "__main__":
    main()
