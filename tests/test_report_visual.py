"""The report as its reader sees it, in real programs: the DOCX made into PDF by LibreOffice
(the first page's text against a golden file, no section row alone at a page's foot), the
HTML in headless Chromium on a wide and a phone screen (no sideways scrolling, the chart in
view; screenshots kept in tests/golden for the eye) and printed (page numbers), and the CSV
opened by LibreOffice Calc with the Russian locale (numbers that look like dates stay text).

Every conversion runs once (module fixtures). Skipped, with the reason, when LibreOffice,
Chromium or poppler-utils are missing. Set ROADMAPCTL_UPDATE_GOLDEN=1 to rewrite the golden
files; look at them (and at the screenshots) before committing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

import pytest
from conftest import ROADMAPS

from conftest import load_roadmap
from roadmapctl.report.formats import render
from roadmapctl.report.items import build_report

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("ROADMAPCTL_UPDATE_GOLDEN") == "1"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
PDFTOTEXT = shutil.which("pdftotext")
CALC = bool(SOFFICE) and any(Path(SOFFICE).resolve().parent.glob("libsclo.so*"))  # Calc's library beside soffice
TIMEOUT = 240
AS_OF = date(2021, 6, 1)
NAME = "Отчёт Баунт на 01.06.2021"  # Cyrillic and spaces in the file names, as a methodologist names them

need_office = pytest.mark.skipif(not (SOFFICE and PDFTOTEXT), reason="LibreOffice или poppler-utils не установлены: apt-get install -y libreoffice-writer-nogui poppler-utils")
need_calc = pytest.mark.skipif(not CALC, reason="LibreOffice Calc не установлен: apt-get install -y libreoffice-calc-nogui")
need_chromium = pytest.mark.skipif(not (CHROMIUM and PDFTOTEXT), reason="Chromium или poppler-utils не установлены: apt-get install -y chromium poppler-utils")


@pytest.fixture(scope="module")
def baunt():
    return build_report([load_roadmap(str(ROADMAPS / "baunt-2021-2022.yaml"))], AS_OF)


def soffice(folder: Path, *args: str) -> None:
    profile = folder / "профиль LibreOffice"
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", *args, "--outdir", str(folder)],
                   capture_output=True, timeout=TIMEOUT, check=True)


def chromium(*args: str) -> str:
    with tempfile.TemporaryDirectory(prefix="roadmapctl-chromium-") as profile:
        done = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=TIMEOUT, check=False,
        )
    return done.stdout


def pages_text(pdf: Path) -> list[str]:
    text = subprocess.run([PDFTOTEXT, "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True, timeout=TIMEOUT).stdout
    return text.decode("utf-8").split("\f")[:-1]


def golden(name: str, actual: str) -> str:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.write_text(actual, encoding="utf-8")
    return path.read_text(encoding="utf-8")


def lines_of(page: str) -> list[str]:
    """The page's lines as laid out, columns apart by two spaces (the widths of the gaps vary
    with the fonts)."""
    return [re.sub(r"\s{2,}", "  ", line.strip()) for line in page.splitlines() if line.strip()]


def section_headings() -> set[str]:
    roadmap = load_roadmap(str(ROADMAPS / "baunt-2021-2022.yaml"))
    return {" ".join(p.heading.split()) for placed in roadmap.placed_activities() for p in placed.sections}


# --- DOCX through LibreOffice --------------------------------------------------------------------


@pytest.fixture(scope="module")
def docx_pages(baunt, tmp_path_factory):
    if not (SOFFICE and PDFTOTEXT):
        pytest.skip("LibreOffice или poppler-utils не установлены")
    folder = tmp_path_factory.mktemp("docx")
    source = folder / f"{NAME}.docx"
    source.write_bytes(render(baunt, "docx", signature="Иванова И. И., методист"))
    soffice(folder, "--convert-to", "pdf", str(source))
    return pages_text(folder / f"{NAME}.pdf")


@need_office
def test_docx_first_page_answers_at_a_glance(docx_pages):
    first = "\n".join(lines_of(docx_pages[0])) + "\n"
    assert first == golden("report-baunt-docx-page1.txt", first)
    # what the head of the department asks first, as written out by hand from the roadmap
    assert "Информация о ходе реализации дорожной карты по состоянию на 01.06.2021" in first
    assert "13 (21 %)" in first and "2 (3 %)" in first  # overdue and unassigned of 63
    assert "Кто не успевает" in first and "Ответственный не указан" in first


@need_office
def test_docx_pages_do_not_end_on_a_section_row_and_the_signature_is_last(docx_pages):
    headings = section_headings()
    for number, page in enumerate(docx_pages, 1):
        lines = lines_of(page)
        assert lines and lines[-1] not in headings, f"page {number} ends on a section row: {lines[-1]}"
        assert not lines[-1].startswith("Полный список"), f"page {number} ends on a heading"
    assert lines_of(docx_pages[-1])[-3:] == ["Исполнитель: Иванова И. И., методист", "Дата: 01.06.2021", "Подпись: ____________________"]
    assert len(docx_pages) <= 16  # 31 before the first page and the per-page timeline


# --- HTML in Chromium ----------------------------------------------------------------------------

# Headless Chromium lays a window out at least 500 px wide: the page is measured in an iframe of
# the exact width instead, by a script of the test's own wrapper page (the report has none).
WRAPPER = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="{src}" style="width:{width}px;height:900px;border:0"></iframe>
<script>document.getElementById("f").addEventListener("load", () => {{
  const w = document.getElementById("f").contentWindow, d = w.document;
  const svg = d.querySelector("figure svg"), box = svg.getBoundingClientRect();
  document.body.dataset.probe = JSON.stringify({{
    width: w.innerWidth,
    overflow: d.documentElement.scrollWidth > w.innerWidth,
    chart_visible: box.width > 200 && box.left >= 0 && box.right <= w.innerWidth,
    chart_text_px: Math.round(parseFloat(w.getComputedStyle(svg.querySelector("text")).fontSize) * box.width / svg.viewBox.baseVal.width),
  }});
}});</script></body></html>"""


@pytest.fixture(scope="module")
def html_page(baunt, tmp_path_factory):
    folder = tmp_path_factory.mktemp("html")
    page = folder / f"{NAME}.html"
    page.write_bytes(render(baunt, "html"))
    return page


@need_chromium
@pytest.mark.parametrize("width", [1280, 390])
def test_html_fits_the_screen_and_shows_the_chart(html_page, width):
    wrapper = html_page.with_name(f"проба {width}.html")
    wrapper.write_text(WRAPPER.format(src=html_page.as_uri(), width=width), encoding="utf-8")
    dom = chromium("--allow-file-access-from-files", "--window-size=1400,1000", "--virtual-time-budget=10000", "--dump-dom",
                   wrapper.as_uri())
    found = json.loads(re.search(r'data-probe="([^"]*)"', dom).group(1).replace("&quot;", '"'))
    assert found["width"] == width
    assert found["overflow"] is False, f"{width} px: the page scrolls sideways"
    assert found["chart_visible"] is True
    assert found["chart_text_px"] >= 10  # the chart's labels stay readable scaled to the screen
    shot = GOLDEN / f"report-baunt-html-{width}.png"
    if UPDATE or not shot.exists():  # kept for the eye; not compared byte for byte (fonts, versions)
        frame = html_page.with_name(f"кадр {width}.html")
        frame.write_text(WRAPPER.format(src=html_page.as_uri(), width=width).replace("height:900px", "height:1400px"), encoding="utf-8")
        chromium("--allow-file-access-from-files", f"--window-size={width},1400", f"--screenshot={shot}", frame.as_uri())


@need_chromium
def test_printed_html_has_page_numbers(html_page):
    pdf = html_page.with_suffix(".pdf")
    chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", html_page.as_uri())
    pages = pages_text(pdf)
    assert len(pages) > 3
    for number, page in enumerate(pages, 1):
        assert f"Страница {number} из {len(pages)}" in page
    headings = section_headings()
    for number, page in enumerate(pages, 1):
        body = [line for line in lines_of(page) if not line.startswith("Страница ")]
        assert body[-1] not in headings, f"printed page {number} ends on a section row: {body[-1]}"


# --- CSV in LibreOffice Calc with the Russian locale -----------------------------------------------


@need_calc
def test_csv_numbers_stay_text_in_russian_calc(tmp_path):
    from openpyxl import load_workbook

    roadmaps = [load_roadmap(str(p)) for p in sorted(ROADMAPS.glob("*.yaml"))]
    data = render(build_report(roadmaps, AS_OF), "csv")
    source = tmp_path / "Отчёт по картам.csv"
    # a control row first: the same number without the word joiner, which Calc makes a date
    source.write_bytes(data.replace(b"\r\n", b"\r\n" + ";".join(["1.1."] * data.split(b"\r\n")[0].count(b";")).encode() + b";1.1.\r\n", 1))
    # separator ";" (59), quote '"' (34), UTF-8 (76), from row 1, no column types, language 1049 (ru-RU)
    soffice(tmp_path, "--infilter=CSV:59,34,76,1,,1049", "--convert-to", "xlsx", str(source))
    sheet = load_workbook(tmp_path / "Отчёт по картам.xlsx").worksheets[0]
    header = [c.value for c in sheet[1]]
    number = header.index("№")
    control = sheet.cell(row=2, column=number + 1)
    assert control.is_date, "the control «1.1.» was not read as a date: the test would not see the problem"
    numbers = [row[number] for row in sheet.iter_rows(min_row=3)]
    assert len(numbers) == 74 and all(c.data_type == "s" for c in numbers)  # 27 of them were dates (issue 25)
    assert {c.value for c in numbers} >= {"\u20601.", "\u20602.2.", "\u20604.10."}
    due = header.index("Дата срока")
    assert sheet.cell(row=3, column=due + 1).is_date  # a deadline stays a date
