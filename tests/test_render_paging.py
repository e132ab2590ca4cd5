"""The DOCX table's own pagination (render/paging.py): text wrapped as LibreOffice wraps it, rows
cut where a page ends with «N (продолжение)» on the rest, at least three lines on each side.

What LibreOffice really prints is tested on its PDF in tests/test_render_pdf.py; here the parts
are checked on tables built by hand, with the expected pages written out line by line."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from roadmapctl.render.paging import (
    CONTINUED_SPLIT,
    Layout,
    cell_lines,
    cut_row,
    paginate,
    text_width,
    wrap,
)
from roadmapctl.render.view import Cell, Para, Row, TableView

# Тула 2.3 as LibreOffice 7.4 printed it in a column of 8556 twips less 2 × 57 of cell margins
# (422.1 pt): four lines, the third broken after the hyphen of «2020-2021».
TULA_23 = ("Проведение мониторинга качества образования в рамках всероссийских проверочных работ в школах "
           "с низкими образовательными результатами в 2020-2021 учебном году в муниципальные образования "
           "города Тула с выявлением пробелов в знаниях обучающихся, профессиональных дефицитов педагогов")


def test_wrap_breaks_lines_where_libreoffice_does():
    assert [line.rstrip() for line in wrap(TULA_23, 422.1, 12)] == [
        "Проведение мониторинга качества образования в рамках всероссийских",
        "проверочных работ в школах с низкими образовательными результатами в 2020-",
        "2021 учебном году в муниципальные образования города Тула с выявлением",
        "пробелов в знаниях обучающихся, профессиональных дефицитов педагогов",
    ]


def test_text_width_is_liberation_serif():
    # «МБОУ» regular 12 pt: М 1821 Б 1176 О 1479 У 1450 (1/2048 em) = 5926 / 2048 × 12 = 34.72 pt
    assert abs(text_width("МБОУ", 12) - 5926 / 2048 * 12) < 1e-9
    # «ШНУС» in bold 14 pt is 46.68 pt wide in LibreOffice's PDF of Тула's title (pdftotext -bbox)
    assert abs(text_width("ШНУС", 14, bold=True) - 46.68) < 0.05
    # a non-breaking space is as wide as a space
    assert text_width("№\u00a02", 12) == text_width("№ 2", 12)


def test_a_word_longer_than_the_line_is_broken_inside():
    lines = wrap("Ш" * 10, 30, 12)  # Ш is 2066/2048 em ≈ 12.1 pt at 12 pt: two in 30 pt
    assert [len(line) for line in lines] == [2, 2, 2, 2, 2]


WIDTHS = [1200, 6000]  # twips: "№" (about 54 pt inside) and the activity column


def row(number: str, lines: int) -> Row:
    """An activity row whose text column has ``lines`` one-line paragraphs."""
    return Row("activity", number=number, cells=[
        Cell("номер", [Para(number)]),
        Cell("мероприятие", [Para(f"строка {i}") for i in range(1, lines + 1)]),
    ], whole=lines <= 5)


def section(heading: str) -> Row:
    return Row("section", heading=heading)


def table(rows: list[Row]) -> TableView:
    return TableView(None, ["№", "Мероприятие"], ["номер", "мероприятие"], False, rows, [0.2, 0.8])


def layout(page_lines: float, start: float = 0.0) -> Layout:
    # a header of one line (13.8 + 0.5 pt), then room for ``page_lines`` lines of 13.8 pt, each
    # row with its 0.5 pt border
    return Layout(WIDTHS, 12.0, 14.3 + page_lines, start)


def shape(pieces) -> list[tuple[str, bool, int, int]]:
    out = []
    for piece in pieces:
        name = piece.row.heading if piece.row.is_section else piece.row.number
        lines = 1 if piece.row.is_section else len(piece.row.cells[1].paragraphs)
        out.append((name, piece.continued, lines, piece.page))
    return out


def test_a_tall_row_is_cut_where_the_page_ends():
    # page: 200 pt of rows. 1. (4 lines, 55.7 pt) and 2. (4 lines) use 111.4; 3. has 8 lines
    # (110.9 pt): 200 − 111.4 − 0.5 = 88.1 pt hold 6 lines; 3. is cut after 5 so that 3 remain.
    pieces, used = paginate(table([row("1.", 4), row("2.", 4), row("3.", 8), row("4.", 2)]), layout(200))
    assert shape(pieces) == [("1.", False, 4, 0), ("2.", False, 4, 0), ("3.", False, 5, 0),
                             ("3.", True, 3, 1), ("4.", False, 2, 1)]
    rest = pieces[3].row
    assert [p.text for p in rest.cells[0].paragraphs] in (["3.", "(продолжение)"], ["3.", *CONTINUED_SPLIT])
    assert [p.text for p in rest.cells[1].paragraphs] == ["строка 6", "строка 7", "строка 8"]
    # the last page: header, 3. (3 lines) and 4. (2 lines)
    assert abs(used - (14.3 + 3 * 13.8 + 0.5 + 2 * 13.8 + 0.5)) < 1e-6


def test_no_cut_leaves_fewer_than_three_lines_on_either_side():
    # 1. uses 8 lines (110.9 pt) of 140: 28.6 pt hold 2 lines only: 2. (7 lines) moves whole.
    pieces, _ = paginate(table([row("1.", 8), row("2.", 7), row("3.", 1)]), layout(140))
    assert shape(pieces) == [("1.", False, 8, 0), ("2.", False, 7, 1), ("3.", False, 1, 1)]
    # 6 lines of room but a 7-line row: cut after 4, not 6, so that three go on.
    pieces, _ = paginate(table([row("1.", 1), row("2.", 7), row("3.", 1)]), layout(14.3 + 6 * 13.8 + 0.5))
    assert shape(pieces)[:3] == [("1.", False, 1, 0), ("2.", False, 4, 0), ("2.", True, 3, 1)]


def test_short_rows_and_the_last_row_are_never_cut():
    # 2. has 5 lines (a short row) and 3. is the last: each moves whole to the next page.
    short = [row("1.", 9), row("2.", 5), row("3.", 1)]
    pieces, _ = paginate(table(short), layout(12 * 13.8))
    assert shape(pieces) == [("1.", False, 9, 0), ("2.", False, 5, 1), ("3.", False, 1, 1)]
    last = [row("1.", 9), row("2.", 9)]
    last[-1].whole = True
    pieces, _ = paginate(table(last), layout(12 * 13.8))
    assert shape(pieces) == [("1.", False, 9, 0), ("2.", False, 9, 1)]


def test_a_section_row_goes_with_the_beginning_of_the_next_row():
    # After 1. (9 lines, 124.7 pt) of 170 pt, the section (14.3) and 3 lines of 2. (41.9) do not
    # fit: the section row opens the next page.
    pieces, _ = paginate(table([row("1.", 9), section("2. Раздел"), row("2.1.", 8), row("2.2.", 1)]), layout(170))
    assert shape(pieces)[:3] == [("1.", False, 9, 0), ("2. Раздел", False, 1, 1), ("2.1.", False, 8, 1)]


def test_a_row_taller_than_two_pages_is_cut_twice():
    pieces, _ = paginate(table([row("1.", 30), row("2.", 1)]), layout(12 * 13.8 + 0.5))
    assert shape(pieces) == [("1.", False, 12, 0), ("1.", True, 12, 1), ("1.", True, 6, 2), ("2.", False, 1, 2)]


words = st.lists(st.sampled_from(["школа", "№\u00a02", "МБОУ", "2020-2021", "Нормативно-правовое", "и", "«Средняя»",
                                  "обучающихся,", "Ш" * 14, "—"]), min_size=1, max_size=40)


@settings(max_examples=150, deadline=None)
@given(words, st.floats(min_value=20, max_value=500))
def test_wrapped_lines_give_the_text_back_and_fit(parts, width):
    text = " ".join(parts)
    lines = wrap(text, width, 12)
    assert "".join(lines) == text
    for line in lines:
        # a line wider than the column is a single piece that could not be broken shorter
        assert text_width(line.rstrip(" "), 12) <= width + 1e-6 or len(line.rstrip(" ")) == 1 or " " not in line.strip()


paragraphs = st.lists(st.tuples(words, st.sampled_from(["plain", "bullet", "hanging"])), min_size=1, max_size=6)


@settings(max_examples=150, deadline=None)
@given(paragraphs, st.integers(min_value=1, max_value=60))
def test_a_cut_keeps_every_word_and_every_line(paras, keep):
    cell = [Para(" ".join(p), bullet=kind == "bullet", hanging=kind == "hanging") for p, kind in paras]
    source = Row("activity", number="7.", cells=[Cell("номер", [Para("7.")]), Cell("мероприятие", cell)], whole=False)
    lay = Layout(WIDTHS, 12.0, 500.0, 0.0)
    total = cell_lines(cell, WIDTHS[1], 12.0)
    if keep >= total:
        return
    head, tail = cut_row(source, lay, keep)
    first, rest = head.cells[1].paragraphs, tail.cells[1].paragraphs
    # the first part is exactly ``keep`` lines and the two parts are as tall as the whole
    assert cell_lines(first, WIDTHS[1], 12.0) == keep
    assert cell_lines(first, WIDTHS[1], 12.0) + cell_lines(rest, WIDTHS[1], 12.0) == total
    # every word in its order (a line broken after a hyphen joins without a space)
    joined = "".join(p.line for p in first + rest)
    assert "".join(joined.split()) == "".join("".join(p.line for p in cell).split())
    assert [p.text for p in tail.cells[0].paragraphs][0] == "7."


def test_the_continuation_word_fits_its_column():
    # «(продолжение)» is 76.3 pt at 12 pt, «(продол-» 44.5 and «жение)» 35.8: a column of 1053
    # twips (52.65 pt, 46.95 inside the 0.1 cm margins) takes the two parts; one of 700 twips
    # (29.3 pt inside) not even those: the number alone, and the word opens the activity cell.
    tall = row("4.1.", 8)
    wide = cut_row(tall, Layout([1800, 6000], 12.0, 500.0, 0.0), 4)[1].cells[0].paragraphs
    assert [p.text for p in wide] == ["4.1.", "(продолжение)"]
    split = cut_row(tall, Layout([1053, 6000], 12.0, 500.0, 0.0), 4)[1].cells[0].paragraphs
    assert [p.text for p in split] == ["4.1.", "(продол-", "жение)"]
    narrow = cut_row(tall, Layout([700, 6000], 12.0, 500.0, 0.0), 4)[1]
    assert [p.text for p in narrow.cells[0].paragraphs] == ["4.1."]
    assert [p.text for p in narrow.cells[1].paragraphs] == ["(продолжение)", "строка 5", "строка 6", "строка 7", "строка 8"]
