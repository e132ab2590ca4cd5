"""Benchmark of ``roadmapctl import`` on a 30-page PDF (not a test).

    python benchmarks/bench_import_pdf.py [--pages 30] [--borderless] [--spread 0.1] [--max-runs 9] [FILE.pdf]

Without FILE the script builds the PDF itself: a Word document with a roadmap table (sections,
numbered activities with long wrapped texts, a deadline, responsible parties and a result in every
row) is written with python-docx and printed to PDF by LibreOffice (``soffice``), with as many
rows as it takes to fill the requested number of pages (30 by default). With ``--borderless`` the
table has no ruling lines, so the import finds it by column alignment.

Every side is a whole process, as a user meets it, started afresh for every run:

* ours: ``python -m roadmapctl import FILE.pdf -o OUT.yaml --force`` (PDF → checked roadmap YAML);
* "pdfplumber text only": Python that imports pdfplumber and takes ``extract_text()`` of every
  page, and nothing else (no table, no rows, no YAML) — the least any pdfplumber-based import does;
* "pdftotext -layout": poppler's text extraction (when ``pdftotext`` is installed; Debian:
  ``apt-get install poppler-utils``), the fastest way to get the text out at all.

The sides take turns, run after run, until the spread of each side's CPU times ((max − min) /
median) is under ``--spread`` (10 % by default) or ``--max-runs`` is reached; the medians of CPU time
(user + system of the process) and of wall time are printed with the spread and the load average
before the runs. Ratios are ours / alternative (above 1 means we are slower). The target is
under 5 s of wall time for the 30-page PDF.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import ENV  # noqa: E402

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


PLUMBER = ("import sys\n"
           "import pdfplumber\n"
           "with pdfplumber.open(sys.argv[1]) as pdf:\n"
           "    text = [page.extract_text() for page in pdf.pages]\n")


def whole_process(argv: list[str]) -> tuple[float, float]:
    """CPU seconds (user + system of the process and what it waited for) and wall seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**ENV, "PYTHONPATH": str(ROOT / "src")})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"{argv[0]} failed ({proc.returncode}): {proc.stderr.decode(errors='replace')[:500]}")
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, wall


def spread(values: list[float]) -> float:
    return (max(values) - min(values)) / statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("file", nargs="?")
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--borderless", action="store_true")
    parser.add_argument("--spread", type=float, default=0.10, help="stop when every side's spread is under this")
    parser.add_argument("--min-runs", type=int, default=3)
    parser.add_argument("--max-runs", type=int, default=9)
    args = parser.parse_args()

    import pdfplumber

    with tempfile.TemporaryDirectory() as folder:
        data = Path(args.file).read_bytes() if args.file else make_pdf(args.pages, not args.borderless, Path(folder))
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = len(pdf.pages)
        source = Path(folder) / "дорожная карта.pdf"
        source.write_bytes(data)
        target = Path(folder) / "дорожная карта.yaml"
        sides = {
            "roadmapctl import (PDF → YAML)": [sys.executable, "-m", "roadmapctl", "import", str(source), "-o",
                                               str(target), "--force"],
            "pdfplumber text only": [sys.executable, "-c", PLUMBER, str(source)],
        }
        pdftotext = shutil.which("pdftotext")
        if pdftotext:
            sides["pdftotext -layout"] = [pdftotext, "-layout", str(source), str(Path(folder) / "text.txt")]
        for argv in sides.values():  # warm-up: bytecode and the page cache, as on a second run
            whole_process(argv)
        load = os.getloadavg()[0]
        cpus: dict[str, list[float]] = {name: [] for name in sides}
        walls: dict[str, list[float]] = {name: [] for name in sides}
        runs = 0
        while runs < args.max_runs:
            for name, argv in sides.items():
                cpu, wall = whole_process(argv)
                cpus[name].append(cpu)
                walls[name].append(wall)
            runs += 1
            if runs >= args.min_runs and all(spread(v) < args.spread for v in cpus.values()):
                break
        load_after = os.getloadavg()[0]

        imported = yaml.safe_load(target.read_text(encoding="utf-8"))
        activities = sum(len(section.get("мероприятия") or []) for table in imported["таблицы"]
                         for section in table.get("разделы") or [])
        print(f"PDF: {pages} страниц, {len(data) / 1024:.0f} КБ; импортировано мероприятий: {activities}")
        print(f"прогонов каждой стороны: {runs}; средняя загрузка (1 мин): {load:.1f} до, {load_after:.1f} после; "
              f"ядер: {os.cpu_count()}")
        ours_name = next(iter(sides))
        ours_cpu = statistics.median(cpus[ours_name])
        ours_wall = statistics.median(walls[ours_name])
        for name in sides:
            cpu, wall = statistics.median(cpus[name]), statistics.median(walls[name])
            ratio = "" if name == ours_name else f"   отношение по ЦП {ours_cpu / cpu:5.2f}, по времени {ours_wall / wall:5.2f}"
            print(f"{name:<32} ЦП {cpu:6.2f} с (разброс {spread(cpus[name]):4.0%}), время {wall:6.2f} с{ratio}")
        unsteady = [name for name in sides if spread(cpus[name]) >= args.spread]
        if unsteady:
            print(f"разброс не стал меньше {args.spread:.0%} за {runs} прогонов: {', '.join(unsteady)} — "
                  "машина занята, цифры приблизительны")
        verdict = "в пределах цели" if ours_wall < TARGET_SECONDS else "ЦЕЛЬ НЕ ДОСТИГНУТА"
        print(f"цель: меньше {TARGET_SECONDS:.0f} с на {args.pages} страниц — {verdict} "
              f"(время {ours_wall:.2f} с, ЦП {ours_cpu:.2f} с)")


if __name__ == "__main__":
    main()
