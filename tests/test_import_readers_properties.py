"""Property tests for the new readers: text with «|», one cell per line, wrapped cell lines, saved
web pages. Whatever the input, a reader raises nothing but ImportFailure; a table written in a
form comes back cell for cell."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmapctl.importer import ImportFailure
from roadmapctl.importer.grid import Grid
from roadmapctl.importer.html_reader import read_html
from roadmapctl.importer.pipeline import read_document
from roadmapctl.importer.plaintext import (
    box_cells,
    join_wrapped,
    pipe_rows,
    single_cell_rows,
)
from roadmapctl.importer.text import read_text

WORDS = st.sampled_from(["Проведение", "семинара", "для", "учителей", "школ", "Март", "2024", "г.", "УО", "ОО",
                         "МБОУ", "«СОШ", "№ 1»", "результаты", "-", "(", ")", ",", ";", "I.", "1.", "2.1", "N"])
CELL = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)
ANY_TEXT = st.text(alphabet=st.sampled_from(list("|│─┼├┤+-:\t\n №N1.2IVабвгдМероприятиеСрок «»<>/=\"' ")), max_size=400)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _grids(doc):
    return [b for b in doc.blocks if isinstance(b, Grid)]


@SETTINGS
@given(ANY_TEXT)
def test_text_readers_raise_only_import_failure(text):
    try:
        read_text(text.encode("utf-8"), "t.txt")
    except ImportFailure as exc:
        assert str(exc).startswith("t.txt: ")


@SETTINGS
@given(ANY_TEXT)
def test_plaintext_keeps_the_line_count(text):
    lines = text.split("\n")
    for found in (pipe_rows(lines), single_cell_rows(lines)):
        if found is not None:
            assert len(found) == len(lines)
            for item in found:
                assert item is None or isinstance(item, (str, tuple))


@SETTINGS
@given(st.lists(st.lists(CELL, min_size=4, max_size=4), min_size=1, max_size=8), st.booleans())
def test_a_pipe_table_comes_back_cell_for_cell(rows, outer):
    header = ["№", "Мероприятие", "Срок", "Ответственный"]
    body = [[str(k + 1)] + row[1:] for k, row in enumerate(rows)]

    def line(cells):
        inner = " | ".join(cells)
        return f"| {inner} |" if outer else inner

    text = "\n".join([line(header)] + [line(r) for r in body])
    found = pipe_rows(text.split("\n"))
    assert found is not None
    assert [item[1] for item in found if isinstance(item, tuple)] == [header] + body


@SETTINGS
@given(st.lists(st.tuples(CELL, st.sampled_from(["Март 2024 г.", "Ежеквартально", "В течение года"]), CELL),
                min_size=1, max_size=8))
def test_one_cell_per_line_finds_every_row(rows):
    header = ["№ п/п", "Мероприятие", "Срок", "Ответственный"]
    lines = list(header)
    for k, (text, when, who) in enumerate(rows, 1):
        lines += [str(k), "Проведение " + text, when, "УО " + who]
    found = single_cell_rows(lines)
    assert found is not None
    tuples = [item for item in found if isinstance(item, tuple)]
    assert tuples[0][1] == header
    assert [t[1][0] for t in tuples[1:]] == [str(k) for k in range(1, len(rows) + 1)]
    assert [t[1][2] for t in tuples[1:]] == [when for _t, when, _w in rows]


@SETTINGS
@given(st.lists(CELL, min_size=1, max_size=6))
def test_join_wrapped_keeps_every_word(pieces):
    joined = join_wrapped(pieces)
    # nothing is lost or added but spaces and paragraph breaks (a line starting with a
    # punctuation mark is joined without a space)
    assert "".join(joined.replace("<br>", "").split()) == "".join("".join(pieces).split())
    # a line starting with a dash starts a paragraph; others are joined into one
    breaks = sum(1 for p in pieces[1:] if p.strip()[:1] == "-" and len(p.strip()) > 1 and p.strip()[1] not in "-–—")
    assert joined.count("<br>") == breaks


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("<>/tdrhbpaspncol=\"12 ТекстСрок№")), max_size=300))
def test_html_reader_raises_only_import_failure(text):
    data = ("<html><body><table>" + text + "</table></body></html>").encode("utf-8")
    try:
        doc = read_html(data, "p.html")
    except ImportFailure as exc:
        assert str(exc).startswith("p.html: ")
    else:
        for grid in _grids(doc):
            assert all(len(row.cells) == grid.ncols for row in grid.rows)


@SETTINGS
@given(st.lists(st.lists(CELL, min_size=3, max_size=3), min_size=1, max_size=5),
       st.integers(min_value=1, max_value=3), st.integers(min_value=1, max_value=3))
def test_html_spans_keep_the_grid_rectangular(rows, colspan, rowspan):
    cells = "".join(f"<tr><td colspan={colspan} rowspan={rowspan}>{r[0]}</td><td>{r[1]}</td><td>{r[2]}</td></tr>"
                    for r in rows)
    doc = read_html(f"<html><table>{cells}</table></html>".encode(), "p.html")
    grid = _grids(doc)[0]
    assert all(len(row.cells) == grid.ncols for row in grid.rows)
    # the first cell's text is in the first column of its row
    assert grid.rows[0].cells[0].text == " ".join(rows[0][0].split())


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_give_a_roadmap_source_or_import_failure(data):
    try:
        read_document(b"%PDF-1.4\n" + data, "x.pdf")
    except ImportFailure:
        pass


SHORT = st.lists(st.sampled_from(["Срок", "план", "мероприятия", "показатели", "N", "п/п", "отчёт", "школы"]),
                 min_size=1, max_size=2).map(" ".join)


@SETTINGS
@given(st.lists(st.tuples(SHORT, SHORT), min_size=2, max_size=5),
       st.lists(st.sampled_from(["I квартал", "II квартал", "III квартал", "IV квартал"]), min_size=2, max_size=4))
def test_a_box_header_over_sub_columns_comes_back_leaf_for_leaf(tops, quarters):
    """A two-level box-drawing header: each plain column's two lines joined, the date group
    «Сроки выполнения» replaced by the quarters under it, by the frame's positions."""
    widths = [max(len(a), len(b)) + 2 for a, b in tops]
    sub = 12
    group = "Сроки выполнения"
    line1 = "│" + "│".join(a.center(w) for (a, _b), w in zip(tops, widths)) + "│" + group.center(
        len(quarters) * (sub + 1) - 1) + "│"
    line2 = "│" + "│".join(b.center(w) for (_a, b), w in zip(tops, widths)) + "├" + "┬".join(
        "─" * sub for _ in quarters) + "┤"
    line3 = "│" + "│".join(" " * w for w in widths) + "│" + "│".join(q.center(sub) for q in quarters) + "│"
    assert box_cells([line1, line2, line3]) == [f"{a} {b}" for a, b in tops] + quarters


def test_box_cells_refuses_bars_that_do_not_line_up() -> None:
    assert box_cells(["│ N │ Мероприятие │ Срок выполнения │", "│п/п│ │ I квартал │ II квартал │"]) is None


LOWER = st.lists(st.sampled_from(["семинара", "для", "учителей", "школ", "результаты", "родителей"]),
                 min_size=1, max_size=4).map(" ".join)


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(["Проведение", "Классный час", "Собрание", "Урок"]),
                          st.one_of(st.none(), LOWER),
                          st.sampled_from(["5-9", "10(11)", "7", "1-4"]),
                          st.sampled_from(["01.09", "Сентябрь", "В течение года", "до 15 мая"])),
                min_size=1, max_size=6))
def test_pdf_rows_anchored_on_a_column_of_codes_come_back_row_for_row(rows):
    """Interleaved PDF lines (first line of each cell in column order, then the activity's
    further line, one that does not read as a date) come back as the rows written."""
    from roadmapctl.importer.textcells import anchored_rows

    lines = ["Мероприятия", "Классы", "Сроки проведения"]
    for head, more, code, when in rows:
        lines += [head, code, when] + ([more] if more else [])
    found = anchored_rows(lines)
    assert found is not None
    got = [item[1] for item in found if isinstance(item, tuple)][1:]
    assert got == [[f"{head} {more}" if more else head, code, when] for head, more, code, when in rows]


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(["Проведение совещания", "Организация изучения", "Формирование группы"]),
                          st.one_of(st.none(), LOWER),
                          st.sampled_from(["Март", "Апрель-май", "Сентябрь"]),
                          st.sampled_from(["2011", "2011 г."]),
                          st.sampled_from(["Директор", "Заместитель директора", "Учителя"])),
                min_size=1, max_size=6))
def test_numbered_pdf_rows_with_interleaved_cells_come_back_row_for_row(rows):
    """Interleaved PDF lines: the month and the responsible above each numbered line, the year
    after it, then the activity's further line; every row comes back whole."""
    from roadmapctl.importer.textcells import numbered_interleaved_rows

    lines = ["№", "Ответственные", "Мероприятия", "Сроки", "п/п", "реализации"]
    for k, (text, more, month, year, who) in enumerate(rows, 1):
        lines += [month, who, f"{k}. {text}", year] + ([more] if more else [])
    found = numbered_interleaved_rows(lines)
    assert found is not None
    got = [item[1] for item in found if isinstance(item, tuple)]
    assert got[0] == ["№ п/п", "Мероприятия", "Сроки реализации", "Ответственные"]
    assert got[1:] == [[f"{k}.", f"{text} {more}" if more else text, f"{month} {year}", who]
                       for k, (text, more, month, year, who) in enumerate(rows, 1)]
