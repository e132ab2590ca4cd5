"""The HTML appendix in a real browser: headless Chromium prints every bundled roadmap to PDF,
and each printed page is looked at; the same page on a wide and a narrow screen is measured.

Skipped, with the reason, when Chromium or poppler-utils (pdftoppm, pdfinfo) are not installed
(Debian: apt-get install -y chromium poppler-utils).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import ROADMAPS, roadmap_files
from conftest import load_roadmap
from roadmapctl.render import render

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
POPPLER = shutil.which("pdftoppm") and shutil.which("pdfinfo")
pytestmark = [
    pytest.mark.external,
    pytest.mark.skipif(not CHROMIUM, reason="Chromium не установлен: apt-get install -y chromium"),
    pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftoppm, pdfinfo) не установлены: apt-get install -y poppler-utils"),
]
TIMEOUT = 120
DPI = 100


def chromium(*args: str) -> str:
    with tempfile.TemporaryDirectory(prefix="roadmapctl-chromium-") as profile:
        done = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=TIMEOUT,
        )
    return done.stdout


def read_pgm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    magic, width, height, maxval, pixels = re.match(rb"(P5)\s+(\d+)\s+(\d+)\s+(\d+)\s(.*)", data, re.S).groups()
    assert int(maxval) == 255
    return int(width), int(height), pixels


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("chromium")
    out = {}
    for path in roadmap_files():
        html = folder / f"{path.stem}.html"
        html.write_bytes(render(load_roadmap(str(path)), "html"))
        pdf = folder / f"{path.stem}.pdf"
        chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri())
        assert pdf.exists(), f"Chromium did not print {html.name}"
        subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), str(pdf), str(folder / path.stem)], check=True, timeout=TIMEOUT)
        pages = sorted(folder.glob(f"{path.stem}-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        out[path.stem] = (pdf, pages)
    return out


def table_lines(width: int, height: int, pixels: bytes) -> tuple[int, int, int] | None:
    """(x of the table's left border, lowest y of that border, lowest y of a line across the
    table) on one page image, or None when the page has no table."""
    dark = lambda x, y: pixels[y * width + x] < 160  # noqa: E731
    # The left border: the column, in the left third, with the most dark pixels.
    best_x, best = None, 0
    for x in range(width // 3):
        count = sum(1 for y in range(height) if dark(x, y))
        if count > best:
            best_x, best = x, count
    if best_x is None or best < height // 5:
        return None
    border_bottom = max(y for y in range(height) if dark(best_x, y) or dark(best_x + 1, y))
    across = [y for y in range(height) if sum(1 for x in range(best_x, width) if dark(x, y)) > (width - best_x) * 0.6]
    if not across:
        return None
    return best_x, border_bottom, max(across)


@pytest.mark.parametrize("name", [p.stem for p in roadmap_files()])
def test_printed_pages_are_a4_landscape(printed, name):
    pdf, pages = printed[name]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert abs(width - 841.9) < 2 and abs(height - 595.3) < 2
    assert len(pages) >= 2


@pytest.mark.parametrize("name", [p.stem for p in roadmap_files()])
def test_printed_table_border_ends_at_the_last_row_on_every_page(printed, name):
    """The left border of the table does not run on below the lowest line across the table (the
    bottom of the last row on the page, or of a row that goes on to the next page)."""
    _pdf, pages = printed[name]
    checked = 0
    for number, page in enumerate(pages, 1):
        found = table_lines(*read_pgm(page))
        if found is None:
            continue
        _x, border_bottom, last_line = found
        assert border_bottom <= last_line + 2, (
            f"page {number}: the left border runs {border_bottom - last_line} px ({DPI} dpi) below the last row"
        )
        checked += 1
    assert checked >= len(pages) - 1  # the first page may hold only the title and the preamble


def probe(width: int) -> dict[str, str]:
    """The Мценск page in a window ``width`` px wide, scrolled down: does a table box scroll
    inside the page, and where is the table header."""
    html = render(load_roadmap(str(ROADMAPS / "mtsensk-2021-2022.yaml")), "html").decode("utf-8")
    script = (
        "<script>window.scrollTo(0, 1500);"
        "const boxes = [...document.querySelectorAll('.table-wrap')];"
        "document.body.dataset.across = boxes.some(e => e.scrollWidth > e.clientWidth);"
        "document.body.dataset.down = boxes.some(e => e.scrollHeight > e.clientHeight);"
        "document.body.dataset.head = Math.round(document.querySelector('thead').getBoundingClientRect().top);"
        "document.body.dataset.scrolled = Math.round(window.scrollY);</script>"
    )
    with tempfile.TemporaryDirectory(prefix="roadmapctl-html-") as folder:
        page = Path(folder) / "probe.html"
        page.write_text(html.replace("</body>", script + "</body>"), encoding="utf-8")
        dom = chromium(f"--window-size={width},900", "--dump-dom", page.as_uri())
    return dict(re.findall(r'data-(\w+)="([^"]*)"', dom))


def test_wide_screen_has_no_inner_scrollbar_and_the_header_sticks():
    found = probe(1280)
    assert found["scrolled"] == "1500"  # the page itself scrolls
    assert found["across"] == "false" and found["down"] == "false"
    assert found["head"] == "0"  # the header row stays at the top of the window


def test_tablet_scrolls_the_table_sideways_with_the_number_in_view():
    found = probe(900)
    assert found["across"] == "true" and found["down"] == "false"  # one vertical scrollbar: the page's


def phone(width: int = 390) -> dict[str, str]:
    """The Мценск page on a phone ``width`` px wide: the window's width, whether anything scrolls
    sideways, and each activity's number cell (its text, whether it is inside the window and
    before the activity's other cells). Headless Chromium will not open a window narrower than
    500 px, so the page is shown in a frame of the phone's width (its media queries see the
    frame's width, as a phone's browser would)."""
    import html as markup

    page_html = render(load_roadmap(str(ROADMAPS / "mtsensk-2021-2022.yaml")), "html").decode("utf-8")
    measure = (
        "function measure(frame) { const w = frame.contentWindow, doc = frame.contentDocument, d = document.body.dataset;"
        "d.width = w.innerWidth;"
        "d.sideways = doc.documentElement.scrollWidth > w.innerWidth;"
        "d.inner = [...doc.querySelectorAll('.table-wrap')].some(e => e.scrollWidth > e.clientWidth"
        " || e.scrollHeight > e.clientHeight);"
        "const rows = [...doc.querySelectorAll('tr.activity')];"
        "d.rows = rows.length;"
        "d.numbers = rows.map(r => r.querySelector('td.number').textContent).join('|');"
        "d.visible = rows.every(r => { const b = r.querySelector('td.number').getBoundingClientRect();"
        " return b.left >= 0 && b.right <= w.innerWidth && b.height > 0; });"
        "d.first = rows.every(r => { const n = r.querySelector('td.number').getBoundingClientRect().top;"
        " return [...r.querySelectorAll('td:not(.number)')].filter(c => c.getBoundingClientRect().height > 0)"
        ".every(c => c.getBoundingClientRect().top >= n); });"
        "d.label = w.getComputedStyle(rows[0].querySelector('td:nth-child(2)'), '::before').content; }"
    )
    outer = (f"<!DOCTYPE html><html><body><script>{measure}</script>"
             f'<iframe style="width:{width}px;height:844px;border:0" onload="measure(this)" '
             f'srcdoc="{markup.escape(page_html, quote=True)}"></iframe></body></html>')
    with tempfile.TemporaryDirectory(prefix="roadmapctl-html-") as folder:
        page = Path(folder) / "Мценск на телефоне.html"
        page.write_text(outer, encoding="utf-8")
        dom = chromium("--window-size=1280,900", "--dump-dom", page.as_uri())
    return dict(re.findall(r'data-(\w+)="([^"]*)"', dom.split("<iframe", 1)[0]))


def test_phone_shows_every_activity_as_a_card_with_its_number():
    found = phone(390)
    assert found["width"] == "390"
    assert found["sideways"] == "false" and found["inner"] == "false"  # only the page scrolls, down
    # Мценск has 40 numbered rows (the seed document, counted by hand), each with its number
    # first and inside the window
    assert found["rows"] == "40"
    numbers = found["numbers"].split("|")
    assert numbers[:3] == ["1.1.", "1.2.", "1.3."] and "4.6.1." in numbers
    assert found["visible"] == "true" and found["first"] == "true"
    # each other cell is introduced by its column's header, as written in the document
    assert found["label"] == "&quot;Мероприятие&quot;"  # the CSS string, as the DOM dump escapes it
