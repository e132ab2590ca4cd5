"""A real word processor opens every bundled roadmap's DOCX: LibreOffice converts it to PDF,
and the PDF has landscape A4 pages, page numbers from the second page and every activity number.

Skipped, with the reason, only when LibreOffice (soffice) or poppler-utils are not installed
(Debian: apt-get install -y libreoffice-writer-nogui poppler-utils).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from conftest import ROADMAPS, roadmap_files
from conftest import load_roadmap
from roadmapctl.render import render
from roadmapctl.render.options import Options

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = shutil.which("pdfinfo") and shutil.which("pdftotext")
pytestmark = [
    pytest.mark.external,
    pytest.mark.skipif(not SOFFICE, reason="LibreOffice (soffice) не установлен: apt-get install -y libreoffice-writer-nogui"),
    pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdfinfo, pdftotext) не установлены: apt-get install -y poppler-utils"),
]
A4_LANDSCAPE = (841.89, 595.28)
A4_PORTRAIT = (595.28, 841.89)
TIMEOUT = 180


def to_pdf(docx: Path) -> Path:
    """Convert with a profile of its own (a shared profile makes soffice fail silently)."""
    with tempfile.TemporaryDirectory(prefix="roadmapctl-lo-") as profile:
        subprocess.run(
            [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)],
            check=True, capture_output=True, timeout=TIMEOUT,
        )
    pdf = docx.with_suffix(".pdf")
    assert pdf.exists(), f"LibreOffice did not convert {docx.name}"
    return pdf


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out, re.M)]


def page_text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    args = ["pdftotext", "-layout"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run(args + [str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def close(size, expected) -> bool:
    return abs(size[0] - expected[0]) < 1.5 and abs(size[1] - expected[1]) < 1.5


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf")
    jobs = []
    for path in roadmap_files():
        roadmap = load_roadmap(str(path))
        target = folder / f"{path.stem}.docx"
        target.write_bytes(render(roadmap, "docx"))
        jobs.append((path.stem, roadmap, target))
    mtsensk = load_roadmap(str(ROADMAPS / "mtsensk-2021-2022.yaml"))
    with_order = folder / "mtsensk-order.docx"
    with_order.write_bytes(render(mtsensk, "docx", Options(with_order=True)))
    with ThreadPoolExecutor(max_workers=3) as pool:
        converted = list(pool.map(to_pdf, [job[2] for job in jobs] + [with_order]))
    result = {name: (roadmap, pdf) for (name, roadmap, _), pdf in zip(jobs, converted)}
    result["mtsensk-order"] = (mtsensk, converted[-1])
    return result


@pytest.mark.parametrize("name", [p.stem for p in roadmap_files()])
def test_pdf_pages_are_landscape_a4(pdfs, name):
    _roadmap, pdf = pdfs[name]
    sizes = page_sizes(pdf)
    assert sizes, "no pages"
    assert all(close(size, A4_LANDSCAPE) for size in sizes), sizes


@pytest.mark.parametrize("name", [p.stem for p in roadmap_files()])
def test_pdf_text_has_every_activity_number(pdfs, name):
    roadmap, pdf = pdfs[name]
    tokens = set(page_text(pdf).split())
    missing = [a.number for a in roadmap.activities() if a.number.strip() not in tokens]
    assert not missing, f"numbers not in the PDF: {missing}"


@pytest.mark.parametrize("name", [p.stem for p in roadmap_files()])
def test_pdf_numbers_pages_from_the_second(pdfs, name):
    _roadmap, pdf = pdfs[name]
    count = len(page_sizes(pdf))
    assert count >= 2
    first = page_text(pdf, 1).strip().splitlines()[0].strip()
    assert first != "1"
    for page in range(2, count + 1):
        assert page_text(pdf, page).strip().splitlines()[0].strip() == str(page)


def test_pdf_of_order_with_appendix_turns_to_landscape(pdfs):
    roadmap, pdf = pdfs["mtsensk-order"]
    sizes = page_sizes(pdf)
    text = page_text(pdf)
    order_pages = next(i for i in range(1, len(sizes) + 1) if "Приложение" in page_text(pdf, i)) - 1
    assert order_pages >= 1
    assert all(close(s, A4_PORTRAIT) for s in sizes[:order_pages])
    assert all(close(s, A4_LANDSCAPE) for s in sizes[order_pages:])
    assert "ПРИКАЗЫВАЮ:" in text and "И.Г. Мясищева" in text.replace("\u00a0", " ")
    assert page_text(pdf, order_pages + 1).strip().splitlines()[0].strip() == str(order_pages + 1)


def page_bottoms(pdf: Path) -> list[float]:
    """Per page, the lowest text as a share of the page's text area (0 top, 1 bottom margin)."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    margin = 20 / 25.4 * 72
    shares = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", out, re.S):
        bottoms = [float(y) for y in re.findall(r'yMax="([\d.]+)"', page)]
        shares.append((max(bottoms, default=margin) - margin) / (A4_LANDSCAPE[1] - 2 * margin))
    return shares


@pytest.mark.parametrize("name", [p.stem for p in roadmap_files()])
def test_pdf_pages_are_not_left_a_quarter_empty(pdfs, name):
    """Rows may break across pages (docs/rendering.md): only a short row (up to five lines) or a
    section row with the row after it moves whole to the next page, which leaves at most about
    seven lines (a fifth of the page) empty. Keeping every row whole left Мценск's second page
    28 % empty."""
    _roadmap, pdf = pdfs[name]
    shares = page_bottoms(pdf)
    assert len(shares) >= 2
    for page, share in enumerate(shares[:-1], 1):
        assert share >= 0.75, f"page {page} is filled only to {share:.0%}"


def _words(text: str) -> list[str]:
    return text.replace("\u00a0", " ").split()


@pytest.mark.parametrize("name", [p.stem for p in roadmap_files()])
def test_pdf_section_row_never_ends_a_page(pdfs, name):
    """Every section heading is on the same page as the beginning of the row after it."""
    from roadmapctl.render import build

    roadmap, pdf = pdfs[name]
    pages = [" ".join(_words(page_text(pdf, n).replace("\n", " "))) for n in range(1, len(page_sizes(pdf)) + 1)]
    checked = 0
    for table in build(roadmap).tables:
        for row, following in zip(table.rows, table.rows[1:]):
            if not row.is_section:
                continue
            # pdftotext -layout puts a wrapped heading's lines apart: its first four words suffice.
            head = " ".join(_words(row.heading)[:4])
            where = [n for n, text in enumerate(pages) if head in text]
            assert where, f"section «{head}» not found"
            if following.is_section:
                nxt = " ".join(_words(following.heading)[:4])
            else:
                nxt = following.number
            assert nxt in pages[where[0]].split(head, 1)[1], f"«{head}» ends page {where[0] + 1}, «{nxt}» is not after it"
            checked += 1
    assert checked >= 1


def page_count(pdf: Path) -> int:
    return len(page_sizes(pdf))


def test_pdf_page_count_of_the_five_appendices(pdfs):
    """35 pages before the cells were measured letter by letter and the parties' cells were
    laid out as the documents write them; the goal is 32 or fewer."""
    total = sum(page_count(pdfs[p.stem][1]) for p in roadmap_files())
    assert total <= 33, total


def _raw_lines(pdf: Path) -> list[str]:
    """The PDF's text line by line in reading order (each table cell's lines on their own)."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [line.strip() for line in text.replace("\u00a0", " ").splitlines()]


@pytest.mark.parametrize("name", [p.stem for p in roadmap_files()])
def test_pdf_lines_do_not_break_where_typography_binds(pdfs, name):
    """No line of the printed appendix ends with «№» before its number, and no «г.» / «гг.» starts
    a line after the year it belongs to (Баунт: «… 2023 / г. - МБОУ …» before the non-breaking
    spaces)."""
    _roadmap, pdf = pdfs[name]
    lines = _raw_lines(pdf)
    for previous, line in zip([""] + lines, lines):
        assert not (previous.endswith("№") and previous != "№" and re.match(r"\d", line)), (previous, line)
        assert not (re.match(r"(?:гг?)\.", line) and re.search(r"\d{4}$", previous)), (previous, line)


def _column_text(roadmap, pdf: Path, field: str) -> str:
    """The words printed in one column of the first table, page by page, line by line."""
    from roadmapctl.render import build

    table = build(roadmap).tables[0]
    index = table.fields.index(field)
    left = MARGIN_PT + sum(table.widths[:index]) * TABLE_WIDTH_PT
    right = left + table.widths[index] * TABLE_WIDTH_PT
    words = [sorted((w for w in page if w[0] >= left - 1 and w[2] <= right + 1), key=lambda w: (round(w[1]), w[0]))
             for page in _page_words(pdf)]
    return " ".join(w[4] for page in words for w in page).replace("\u00a0", " ")


def test_pdf_cells_show_separators_pairs_and_where_each_party_begins(pdfs):
    roadmap, pdf = pdfs["mtsensk-2021-2022"]
    text = _column_text(roadmap, pdf, "ответственные")
    # Мценск 1.3: two pairs of partner schools, not four schools one under another
    assert "МБОУ «Средняя школа №2» – МБОУ «Средняя школа №9»," in text
    assert "МБОУ «Средняя школа №3» – МБОУ «Средняя школа №1»" in text
    roadmap, pdf = pdfs["aban-2020-2023"]
    text = _column_text(roadmap, pdf, "ответственные")
    # Абан 4: three people, each ending with the separator
    assert "Коршунова Н.В., муниципальный координатор;" in text
    assert "Килина С.А., руководитель МКУ «ИМС»;" in text


@pytest.mark.parametrize("name", [p.stem for p in roadmap_files()])
def test_pdf_last_page_holds_a_whole_row(pdfs, name):
    """The last row of a table is never split, so the last page starts a row of its own and is
    never only the tail of one (Славский's last page used to hold only a 3-line tail)."""
    roadmap, pdf = pdfs[name]
    last = roadmap.tables[-1]
    numbers = [a.number.strip() for a in roadmap.activities() if a in list(_table_activities(last))]
    tokens = page_text(pdf, page_count(pdf)).split()
    assert numbers[-1] in tokens, f"the last page does not start the row {numbers[-1]}"


def _table_activities(table):
    def walk(activities):
        for activity in activities:
            yield activity
            yield from walk(activity.children)

    def sections(items):
        for section in items:
            yield from walk(section.activities)
            yield from sections(section.sections)

    yield from walk(table.activities)
    yield from sections(table.sections)


MARGIN_PT = 20 / 25.4 * 72
TABLE_WIDTH_PT = A4_LANDSCAPE[0] - 30 / 25.4 * 72  # 297 mm less the 20 mm and 10 mm margins


def _page_words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [[(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)]
        for page in re.findall(r"<page [^>]*>(.*?)</page>", out, re.DOTALL)]


def continuation_tails(view, pdf: Path) -> list[tuple[int, int]]:
    """(page, lines) for every page that begins with the table's repeated header: how many lines
    of a row broken on the page before stand above the first row that starts on this one (a row
    starts where its number column has text; a section heading starts in that column too)."""
    table = view.tables[0]
    header_words = {w for h in table.headers for w in h.replace("\u00a0", " ").split()}
    number_right = MARGIN_PT + table.widths[0] * TABLE_WIDTH_PT
    tails = []
    for page, words in enumerate(_page_words(pdf), 1):
        body = [w for w in words if w[1] > MARGIN_PT - 2]  # below the page number
        if page == 1 or not body:
            continue
        top = min(w[1] for w in body)
        header = [w for w in body if w[4] in header_words and w[1] < top + 60]
        if not header or min(w[1] for w in header) > top + 3:
            continue  # the page does not begin with the table's header
        bottom = max(w[1] for w in header) + 2 + (13.8 if table.column_numbers else 0)
        rest = [w for w in body if w[1] > bottom]
        # a row starts where the number column has text, or a section heading begins in it
        starts = [w[1] for w in rest if w[0] <= number_right - 5]
        first = min(starts, default=max((w[3] for w in rest), default=bottom) + 1)
        lines: list[float] = []
        for y in sorted(w[1] for w in rest if w[1] < first - 1):
            if not lines or y - lines[-1] > 3:
                lines.append(y)
        tails.append((page, len(lines)))
    return tails


@pytest.mark.parametrize("name", [p.stem for p in roadmap_files()])
def test_pdf_every_continuation_page_begins_with_a_numbered_row(pdfs, name):
    """No page begins with the number-less rest of a row broken on the page before: a tall row is
    cut into two table rows where the page ends, and the second one carries the number. Before
    the DOCX was paginated by roadmapctl, 16 of 30 such pages began with a tail of 1–3 lines
    («ШНСУ.», «материалы.»)."""
    from roadmapctl.render import build

    roadmap, pdf = pdfs[name]
    tails = continuation_tails(build(roadmap), pdf)
    assert tails, "no page begins with the table's header"
    assert all(lines == 0 for _page, lines in tails), tails


CONTINUATION_WORDS = ("(продолжение)", "(продол-")
LINE_PT = 13.8  # one line of 12 pt Times New Roman / Liberation Serif at single spacing


def _docx_continuations(docx_path: Path) -> list[str]:
    """The numbers of the continuation rows the DOCX holds (its "№" cell: number, «(продолжение)»)."""
    import docx

    found = []
    for table in docx.Document(str(docx_path)).tables:
        for tr in table._tbl.findall(qn("w:tr")):
            tc = tr.find(qn("w:tc"))
            paragraphs = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.findall(qn("w:p"))]
            if len(paragraphs) >= 2 and paragraphs[1] in CONTINUATION_WORDS:
                found.append(paragraphs[0])
    return found


def _number_column(view, words, header_bottom):
    number_right = MARGIN_PT + view.tables[0].widths[0] * TABLE_WIDTH_PT
    return sorted((w for w in words if w[2] <= number_right + 1 and w[1] > header_bottom), key=lambda w: w[1])


@pytest.mark.parametrize("name", [p.stem for p in roadmap_files()])
def test_pdf_cut_rows_continue_at_a_page_top_with_their_number_and_three_lines_each_side(pdfs, name):
    """Every «N (продолжение)» stands on the first row of a page, right under the repeated header,
    with the number of the row that the page before ends with; both parts of a cut row hold at
    least three lines; and the PDF shows as many continuations as the DOCX holds (none lost in a
    page that the word processor broke otherwise)."""
    from roadmapctl.render import build

    roadmap, pdf = pdfs[name]
    _check_continuations(build(roadmap), pdf, LINE_PT)


def _check_continuations(view, pdf: Path, line: float) -> None:
    """Every continuation at the top of its page, three lines or more on each side, as many in the
    PDF as in the DOCX; ``line``: the table's line height in points."""
    expected = _docx_continuations(pdf.with_suffix(".docx"))
    pages = _page_words(pdf)
    seen = []
    for index, words in enumerate(pages):
        marks = [w for w in words if w[4] in CONTINUATION_WORDS]
        if not marks:
            continue
        [mark] = marks  # one continuation a page, at its top
        header_words = {x for h in view.tables[0].headers for x in h.replace("\u00a0", " ").split()}
        top = min(w[1] for w in words if w[1] > MARGIN_PT - 2)
        header = [w for w in words if w[4] in header_words and top - 1 < w[1] < top + 40]
        # where the first row's text begins: a line below the header's last line (and its column numbers)
        header_bottom = max(w[1] for w in header) + line * (2 if view.tables[0].column_numbers else 1) - 1
        column = _number_column(view, words, header_bottom)
        number = column[0]
        assert abs(mark[1] - number[1] - line) < 2, (index + 1, number, mark)
        assert number[1] - header_bottom < 4, f"page {index + 1}: the continuation is not the first row"
        seen.append(number[4])
        # this part: from its number to the next row's number (or the foot of the text)
        starts = [w[1] for w in column if w[1] > mark[1] + 1 and w[4] not in ("жение)",)]
        end = starts[0] if starts else max(w[3] for w in words)
        assert (end - number[1]) / line >= 2.9, f"page {index + 1}: the rest of {number[4]} is shorter than three lines"
        # the part before: from its number on the page before to the foot of that page's text
        before = pages[index - 1]
        heads = [w for w in before if w[4] == number[4] and w[2] <= column[0][2] + 1]
        assert heads, f"{number[4]} does not begin on page {index}"
        assert (max(w[3] for w in before) - heads[-1][1]) / line >= 2.9, f"page {index}: {number[4]} holds fewer than three lines"
    assert seen == [n.strip() for n in expected]


@pytest.mark.parametrize("name", [p.stem for p in roadmap_files()])
def test_pdf_rows_start_where_paging_placed_them(pdfs, name):
    """paging.py's estimate is the layout LibreOffice makes: every activity row (and every
    continuation) begins on the page and at the height, within 3 pt, that it was placed at."""
    from roadmapctl.render import build
    from roadmapctl.render.docx_writer import _grid
    from roadmapctl.render.paging import (Layout, appendix_start, content_width, page_height, paginate,
                                          table_title_height)
    from roadmapctl.render.style import Style

    roadmap, pdf = pdfs[name]
    view, style = build(roadmap), Style()
    pages = _page_words(pdf)
    used = appendix_start(view, style)
    first = None
    checked = 0
    for table in view.tables:
        if table.title and first is not None:
            used += table_title_height(table.title, style)
        layout = Layout(_grid(table, content_width(style)), style.table_size, page_height(style), used)
        pieces, used = paginate(table, layout)
        if first is None:  # the page on which the table's header first stands
            word = table.headers[1].replace("\u00a0", " ").split()[0]
            first = next(i for i, words in enumerate(pages) if any(w[4] == word for w in words))
        for piece in pieces:
            if piece.row.is_section:
                continue
            number = piece.row.number.strip()
            words = pages[first + piece.page]
            tops = [w[1] for w in words if w[4] == number and w[0] < MARGIN_PT + layout.widths[0] / 20]
            expected = MARGIN_PT + piece.top + 1.4  # the text of a line starts 1.4 pt below its top
            assert any(abs(y - expected) < 3 for y in tops), (number, piece.continued, first + piece.page + 1, expected, tops)
            checked += 1
        first += pieces[-1].page
    assert checked == sum(1 for t in view.tables for r in t.rows if not r.is_section) + len(
        _docx_continuations(pdf.with_suffix(".docx")))


def test_pdf_cut_rows_after_the_order(pdfs):
    """With the order in front (portrait pages, then the landscape appendix), the appendix is
    paginated the same: Мценск 2.1 and 6.1 continue at the tops of their pages."""
    from roadmapctl.render import build

    roadmap, pdf = pdfs["mtsensk-order"]
    _check_continuations(build(roadmap), pdf, LINE_PT)
    assert {"2.1.", "6.1."} <= set(_docx_continuations(pdf.with_suffix(".docx")))


def test_pdf_cut_rows_at_another_type_size(tmp_path):
    """The same with the table set in 14 pt (style.yaml: «размер_в_таблице: 14»): other lines,
    other cuts (Мценск takes 12 pages), and still every continuation heads its page."""
    from dataclasses import replace

    from roadmapctl.render.docx_writer import render_docx
    from roadmapctl.render.style import Style
    from roadmapctl.render.view import build_view

    style = replace(Style(), table_size=14.0)
    view = build_view(load_roadmap(str(ROADMAPS / "mtsensk-2021-2022.yaml")), style)
    docx_path = tmp_path / "Мценск 14 пт.docx"
    docx_path.write_bytes(render_docx(view, style))
    pdf = to_pdf(docx_path)
    assert len(_docx_continuations(docx_path)) >= 2
    _check_continuations(view, pdf, 14 * 1.15)


def test_pdf_tall_rows_are_cut_and_continued(pdfs):
    """Мценск 2.1 (a list of diagnostics, more lines than a page holds) and Тула 4.11 (a list of
    seminars and a column of partners, at the foot of a page) are cut: the DOCX has their
    continuation rows, and their number heads the next page."""
    for name, number in (("mtsensk-2021-2022", "2.1."), ("tula-2020-2021", "4.11.")):
        _roadmap, pdf = pdfs[name]
        assert number in _docx_continuations(pdf.with_suffix(".docx")), name
