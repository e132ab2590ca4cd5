"""The DOCX appendix read back with python-docx: every structural promise of docs/rendering.md."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from conftest import ROADMAPS, roadmap_files
from conftest import load_roadmap
from roadmapctl.render import build, render
from roadmapctl.render.marker import read_mark
from roadmapctl.render.options import Options

NAMES = [p.stem for p in roadmap_files()]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FONT = "Times New Roman"


@pytest.fixture(scope="module")
def rendered():
    out = {}
    for path in roadmap_files():
        roadmap = load_roadmap(str(path))
        data = render(roadmap, "docx")
        out[path.stem] = (roadmap, data, docx.Document(io.BytesIO(data)))
    return out


def body_elements(document):
    return [el for el in document.element.body if el.tag != qn("w:sectPr")]


@pytest.mark.parametrize("name", NAMES)
def test_page_is_a4_landscape_with_gost_margins(rendered, name):
    _roadmap, _data, document = rendered[name]
    [section] = document.sections
    assert section.orientation == WD_ORIENT.LANDSCAPE
    pgsz = section._sectPr.find(qn("w:pgSz"))
    assert (pgsz.get(qn("w:w")), pgsz.get(qn("w:h")), pgsz.get(qn("w:orient"))) == ("16838", "11906", "landscape")
    mar = section._sectPr.find(qn("w:pgMar"))
    assert int(mar.get(qn("w:left"))) >= 1134
    assert int(mar.get(qn("w:right"))) >= 567
    assert int(mar.get(qn("w:top"))) >= 1134
    assert int(mar.get(qn("w:bottom"))) >= 1134
    assert int(mar.get(qn("w:header"))) >= 567  # page number at least 10 mm from the edge


@pytest.mark.parametrize("name", NAMES)
def test_fonts_fill_all_four_slots_without_theme_fonts(rendered, name):
    _roadmap, _data, document = rendered[name]
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert defaults.get(qn(f"w:{slot}")) == FONT
    for rfonts in styles.iter(qn("w:rFonts")):
        assert not any(k.endswith("Theme") or k.endswith("theme") for k in rfonts.attrib), rfonts.attrib
    for style_id in ("RMText", "RMTable", "RMTableHead", "RMSection", "RMTitle", "RMRequisite", "RMPageNumber"):
        style = document.styles.get_by_id(style_id, 1)
        rfonts = style.element.find(qn("w:rPr")).find(qn("w:rFonts"))
        assert [rfonts.get(qn(f"w:{s}")) for s in ("ascii", "hAnsi", "eastAsia", "cs")] == [FONT] * 4
        size = style.font.size.pt
        assert 10 <= size <= 14
    assert document.styles.get_by_id("RMText", 1).font.size.pt in (12, 13, 14)
    assert document.styles.get_by_id("RMTable", 1).font.size.pt == 12
    # No run overrides the fonts.
    assert not list(document.element.body.iter(qn("w:rFonts")))


@pytest.mark.parametrize("name", NAMES)
def test_table_rows_header_merges_and_widths(rendered, name):
    roadmap, _data, document = rendered[name]
    view = build(roadmap)
    assert len(document.tables) == len(roadmap.tables)
    for table, model_table, table_view in zip(document.tables, roadmap.tables, view.tables):
        columns = len(model_table.columns)
        headers = 1 + (1 if model_table.column_numbers else 0)
        activities = sum(1 for _ in _walk(model_table.activities)) + sum(
            sum(1 for _ in _walk(s.activities)) + _nested_activities(s) for s in model_table.sections)
        sections = sum(1 + _nested_sections(s) for s in model_table.sections)
        # and a row for the rest of every activity cut at a page break («4.1. (продолжение)»)
        continued = sum(1 for tr in table._tbl.findall(qn("w:tr")) if _continuation(tr))
        assert len(table.rows) == headers + activities + sections + continued
        # The header row as written, bold, repeated on every page.
        first = table.rows[0]
        # (with a non-breaking space after "№")
        assert [c.text.replace("\u00a0", " ") for c in first.cells] == [c.header.strip() for c in model_table.columns]
        for row in table.rows[:headers]:
            assert row._tr.trPr.find(qn("w:tblHeader")) is not None
        for row in table.rows[headers:]:
            assert row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None
        if model_table.column_numbers:
            assert [c.text for c in table.rows[1].cells] == [str(i) for i in range(1, columns + 1)]
        # Fixed layout; widths on the grid and on every cell, summing to the text width.
        tbl = table._tbl
        assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        grid = [int(g.get(qn("w:w"))) for g in tbl.tblGrid.findall(qn("w:gridCol"))]
        assert len(grid) == columns and sum(grid) == 16838 - 1134 - 567
        number_column = [c.field for c in model_table.columns].index("номер")
        assert grid[number_column] == min(grid)
        text_column = [c.field for c in model_table.columns].index("мероприятие")
        assert grid[text_column] == max(grid)
        for tr in tbl.findall(qn("w:tr")):
            for tc in tr.findall(qn("w:tc")):
                assert tc.tcPr.find(qn("w:tcW")).get(qn("w:type")) == "dxa"
        # Section rows: one cell spanning the whole table, bold, the heading as numbered in the source.
        section_rows = [r for r in table_view.rows if r.is_section]
        merged = [tr for tr in tbl.findall(qn("w:tr")) if len(tr.findall(qn("w:tc"))) == 1]
        assert len(merged) == len(section_rows)
        for tr, row in zip(merged, section_rows):
            tc = tr.find(qn("w:tc"))
            assert tc.tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == str(columns)
            assert "".join(t.text for t in tc.iter(qn("w:t"))) == row.heading
            assert tc.find(qn("w:p")).pPr.find(qn("w:pStyle")).get(qn("w:val")) == "RMSection"
        # Borders: single 0.5 pt everywhere.
        borders = tbl.tblPr.find(qn("w:tblBorders"))
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            el = borders.find(qn(f"w:{side}"))
            assert (el.get(qn("w:val")), el.get(qn("w:sz"))) == ("single", "4")
    assert document.styles.get_by_id("RMSection", 1).font.bold
    assert document.styles.get_by_id("RMTableHead", 1).font.bold


def _walk(activities):
    for a in activities:
        yield a
        yield from _walk(a.children)


def _nested_activities(section):
    return sum(sum(1 for _ in _walk(s.activities)) + _nested_activities(s) for s in section.sections)


def _nested_sections(section):
    return sum(1 + _nested_sections(s) for s in section.sections)


def _can_split(tr) -> bool:
    trpr = tr.find(qn("w:trPr"))
    return trpr is None or trpr.find(qn("w:cantSplit")) is None


@pytest.mark.parametrize("name", NAMES)
def test_header_and_section_rows_stay_whole_and_sections_keep_with_the_next_row(rendered, name):
    _roadmap, _data, document = rendered[name]
    for table in document.tables:
        for tr in table._tbl.findall(qn("w:tr")):
            cells = tr.findall(qn("w:tc"))
            header = tr.find(qn("w:trPr")) is not None and tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
            if header or len(cells) == 1:
                assert not _can_split(tr)
            if len(cells) == 1:  # a section row: its paragraph keeps with the next row
                assert cells[0].find(qn("w:p")).find(qn("w:pPr")).find(qn("w:keepNext")) is not None


def _continuation(tr) -> bool:
    """A row that continues the activity above it on a new page: its "№" cell reads the number,
    then «(продолжение)» (or «(продол-» «жение)» in a narrow column)."""
    tc = tr.find(qn("w:tc"))
    paragraphs = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.findall(qn("w:p"))]
    return paragraphs[1:] in (["(продолжение)"], ["(продол-", "жение)"])


def test_rows_stay_whole_and_tall_rows_are_cut_with_their_number(rendered):
    """Мценск: the pages break between rows only (every row w:cantSplit); 2.1 (a long list of
    diagnostics, more lines than a landscape page holds) is cut into two rows, the second with
    «2.1.» and «(продолжение)» in its "№" cell and the rest of the list."""
    _roadmap, _data, document = rendered["mtsensk-2021-2022"]
    trs = document.tables[0]._tbl.findall(qn("w:tr"))
    assert not any(_can_split(tr) for tr in trs)
    numbers = ["".join(t.text for t in tr.find(qn("w:tc")).iter(qn("w:t"))) for tr in trs]
    first = numbers.index("2.1.")
    assert _continuation(trs[first + 1]) and numbers[first + 1].startswith("2.1.")
    texts = ["".join(t.text for t in tc.iter(qn("w:t"))) for tc in trs[first + 1].findall(qn("w:tc"))[1:]]
    assert any(texts) and not any(text.startswith("2.1") for text in texts)


@pytest.mark.parametrize("name", NAMES)
def test_page_numbers_from_the_second_page(rendered, name):
    _roadmap, _data, document = rendered[name]
    [section] = document.sections
    assert section.different_first_page_header_footer  # w:titlePg
    first = section.first_page_header
    assert not first.is_linked_to_previous
    assert "".join(p.text for p in first.paragraphs) == ""
    assert not list(first._element.iter(qn("w:instrText")))
    header = section.header
    assert not header.is_linked_to_previous
    [paragraph] = header.paragraphs
    assert paragraph.style.style_id == "RMPageNumber"
    assert document.styles.get_by_id("RMPageNumber", 1).paragraph_format.alignment == 1  # centred
    instr = [el.text for el in paragraph._p.iter(qn("w:instrText"))]
    assert [i.strip() for i in instr] == ["PAGE"]
    kinds = [el.get(qn("w:fldCharType")) for el in paragraph._p.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]


@pytest.mark.parametrize("name", NAMES)
def test_no_empty_paragraphs_and_nothing_after_the_table(rendered, name):
    _roadmap, _data, document = rendered[name]
    elements = body_elements(document)
    assert elements[-1].tag == qn("w:tbl")
    for p in document.paragraphs:
        assert p.text.strip(), "an empty paragraph in the body"


@pytest.mark.parametrize("name", NAMES)
def test_title_centered_bold_without_full_stop(rendered, name):
    roadmap, _data, document = rendered[name]
    titles = [p for p in document.paragraphs if p.style.style_id == "RMTitle"]
    title = titles[0]
    assert title.text == build(roadmap).title
    assert not title.text.endswith(".") or title.text.endswith("гг.")
    style = document.styles.get_by_id("RMTitle", 1)
    assert style.font.bold and style.paragraph_format.alignment == 1


def _requisite_lines(document):
    lines = []
    for p in document.paragraphs:
        if p.style.style_id == "RMTitle":
            break
        lines.append(p.text)
    return lines


def test_appendix_mark_lines(rendered):
    _r, _d, document = rendered["mtsensk-2021-2022"]
    assert _requisite_lines(document) == [
        "Приложение", "к приказу управления образования", "от 24.03.2021 №\u00a093/1",
    ]
    _r, _d, document = rendered["slavsk-2022-2023"]
    assert _requisite_lines(document) == [
        "Приложение №\u00a01",
        "к приказу отдела образования администрации муниципального образования «Славский муниципальный округ Калининградской области»",
        "от 28.02.2022 №\u00a011/1",
    ]
    # A letter without date and number: blanks to fill in by hand, as in the source.
    _r, _d, document = rendered["tula-2020-2021"]
    # «Тулы» is kept with «города»: it never stands alone on a line of the narrow block.
    assert _requisite_lines(document) == ["Приложение №\u00a02", "к письму администрации города\u00a0Тулы", "от ____________ №\u00a0________"]


def test_approval_stamp_lines(rendered):
    _r, _d, document = rendered["baunt-2021-2022"]
    assert _requisite_lines(document) == [
        "УТВЕРЖДАЮ",
        "Начальник МКУ «Управление образования местной администрации МО «Баунтовский эвенкийский район»",
        "____________ В.М.\u00a0Гомбоева",
        "Приказ РУО от 18.03.2021 №\u00a022",
    ]


def test_requisites_sit_in_a_corner_block_of_8_cm(rendered):
    _r, _d, document = rendered["slavsk-2022-2023"]
    text_width = 16838 - 1134 - 567
    for p in document.paragraphs[:3]:
        assert p.style.style_id == "RMRequisite"
        assert p.paragraph_format.alignment in (None, 0)
        left = p.paragraph_format.left_indent.twips
        assert text_width - left == round(8 * 567)


def test_aban_preamble_and_no_requisites(rendered):
    _r, _d, document = rendered["aban-2020-2023"]
    assert document.paragraphs[0].style.style_id == "RMTitle"
    text = [p for p in document.paragraphs if p.style.style_id == "RMText"]
    assert text[0].runs[0].text == "Проблема:" and text[0].runs[0].bold
    assert any(p.text.startswith("Цель: Поддержка школ") for p in text)
    assert any(p.text == "Задачи:" for p in text)
    assert any(p.text.startswith("1. Внести коррективы") for p in text)
    assert document.styles.get_by_id("RMText", 1).paragraph_format.first_line_indent.twips == 709


def test_sub_items_are_separate_dash_paragraphs_and_children_follow_parents(rendered):
    _r, _d, document = rendered["tula-2020-2021"]
    table = document.tables[0]
    row = next(r for r in table.rows if r.cells[0].text == "4.10.")
    activity = row.cells[1].paragraphs
    assert activity[0].text.startswith("Организация работы межшкольного")
    assert [p.text[:2] for p in activity[1:]] == ["– "] * 6
    deadlines = [p.text for p in row.cells[2].paragraphs]
    assert deadlines == ["Сентябрь-октябрь 2020", "Октябрь 2020", "Ноябрь 2020", "Декабрь 2020", "Февраль 2021", "Март 2021"]
    # The parties one after another with the separator between them (a semicolon, as
    # «МБОУ ЦО №№ 17, 24, …» has commas of its own), each with a hanging indent.
    responsible = [p.text for p in row.cells[3].paragraphs]
    assert responsible == [
        "Управление образования администрации города Тулы;",
        "МКУ «ЦНППМ г.\u00a0Тулы» (рабочая группа);",
        "МБОУ ЦО №№\u00a017, 24, 29, 32, 47, 55, 57;",
        "МБОУ «ВОШ г.\u00a0Тулы»;",
        "ОО – сетевые партнёры",
    ]
    assert all(p.paragraph_format.first_line_indent.twips == -227 for p in row.cells[3].paragraphs)
    _r, _d, document = rendered["mtsensk-2021-2022"]
    numbers = [r.cells[0].text for r in document.tables[0].rows]
    i = numbers.index("4.6.")
    assert numbers[i + 1] == "4.6.1."
    j = numbers.index("4.7.")
    assert numbers[j + 1: j + 4] == ["4.7.1.", "4.7.2.", "4.7.3."]


@pytest.mark.parametrize("name", NAMES)
def test_document_properties_and_bytes_are_fixed(rendered, name):
    roadmap, data, document = rendered[name]
    core = document.core_properties
    view = build(roadmap)
    assert core.title == (view.title if len(view.title) <= 255 else view.title[:254].rstrip() + "…")
    assert core.author == roadmap.authority.name
    assert core.language == "ru-RU"
    expected = datetime(view.date.year, view.date.month, view.date.day, tzinfo=timezone.utc)
    assert core.created == expected and core.modified == expected
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        stamps = {info.date_time for info in archive.infolist()}
        names = archive.namelist()
    assert stamps == {(view.date.year, view.date.month, view.date.day, 0, 0, 0)}
    assert "docProps/thumbnail.jpeg" not in names  # python-docx's picture of an empty page
    assert render(roadmap, "docx") == data
    mark, untouched = read_mark(data)
    assert mark is not None and untouched and mark.identity.startswith(f"{name}.yaml|")


def test_dates_from_the_order(rendered):
    roadmap, _data, document = rendered["mtsensk-2021-2022"]
    assert document.core_properties.created == datetime(2021, 3, 24, tzinfo=timezone.utc)
    roadmap, _data, document = rendered["aban-2020-2023"]
    assert document.core_properties.created == datetime(2020, 1, 1, tzinfo=timezone.utc)


def test_order_with_its_appendix_as_one_document():
    roadmap = load_roadmap(str(ROADMAPS / "mtsensk-2021-2022.yaml"))
    document = docx.Document(io.BytesIO(render(roadmap, "docx", Options(with_order=True))))
    order, appendix = document.sections
    assert order.orientation == WD_ORIENT.PORTRAIT
    pgsz = order._sectPr.find(qn("w:pgSz"))
    assert (pgsz.get(qn("w:w")), pgsz.get(qn("w:h"))) == ("11906", "16838")
    assert appendix.orientation == WD_ORIENT.LANDSCAPE
    # The first page of the whole document has no number; the appendix continues the count.
    assert order.different_first_page_header_footer and not appendix.different_first_page_header_footer
    assert appendix.header.is_linked_to_previous
    assert appendix._sectPr.find(qn("w:pgNumType")) is None
    texts = [p.text for p in document.paragraphs]
    # the letterhead whole, as seed 001 writes it (region included)
    assert texts[:3] == ["УПРАВЛЕНИЕ ОБРАЗОВАНИЯ", "администрации города Мценска", "Орловской области"]
    texts = texts[2:]
    assert texts[1] == "ПРИКАЗ"
    assert texts[2] == "24.03.2021\t№\u00a093/1"
    assert "ПРИКАЗЫВАЮ:" in texts
    assert "И. о. начальника управления образования\tИ.Г.\u00a0Мясищева" in texts
    assert any(t.startswith("– Мясищева\u00a0И.Г.") for t in texts)
    # The working group is listed in the order itself (item 2): not repeated.
    assert "Состав рабочей группы" not in texts
    assert texts.index("Приложение") > texts.index("ПРИКАЗЫВАЮ:")


def test_order_without_text_renders_the_appendix_only():
    roadmap = load_roadmap(str(ROADMAPS / "baunt-2021-2022.yaml"))
    options = Options(with_order=True)
    data = render(roadmap, "docx", options)
    assert data == render(roadmap, "docx")
    assert any("нет текста приказа" in note for note in options.notes)


def test_edition_2016_narrows_the_corner_block():
    roadmap = load_roadmap(str(ROADMAPS / "slavsk-2022-2023.yaml"))
    document = docx.Document(io.BytesIO(render(roadmap, "docx", Options(edition=2016))))
    left = document.paragraphs[0].paragraph_format.left_indent.twips
    assert 16838 - 1134 - 567 - left == round(7.5 * 567)


def test_style_file_and_reference_docx_of_a_template_folder(tmp_path):
    (tmp_path / "style.yaml").write_text(
        "редакция_гост: 2016\nшрифт: Arial\nразмер_текста: 13\nполя_мм:\n  левое: 30\n", encoding="utf-8")
    reference = docx.Document()
    reference.add_paragraph("БЛАНК МУНИЦИПАЛИТЕТА")
    styles = reference.styles
    from docx.enum.style import WD_STYLE_TYPE

    custom = styles.add_style("Своя таблица", WD_STYLE_TYPE.PARAGRAPH)
    custom.element.set(qn("w:styleId"), "RMTable")
    custom.font.name = "Verdana"
    reference.save(tmp_path / "reference.docx")
    roadmap = load_roadmap(str(ROADMAPS / "mtsensk-2021-2022.yaml"))
    data = render(roadmap, "docx", Options(template_dir=tmp_path, with_order=True))
    document = docx.Document(io.BytesIO(data))
    assert document.paragraphs[0].text == "БЛАНК МУНИЦИПАЛИТЕТА"  # the letterhead of the order
    assert document.styles.get_by_id("RMTable", 1).font.name == "Verdana"  # the municipality's style wins
    assert document.styles.get_by_id("RMText", 1).font.name == "Arial"
    assert document.styles.get_by_id("RMText", 1).font.size.pt == 13
    assert document.sections[-1].left_margin.twips == round(30 * 1440 / 25.4)
    assert render(roadmap, "docx", Options(template_dir=tmp_path, with_order=True)) == data


@pytest.mark.parametrize("content, words", [
    ("поля_мм:\n  правое: 5\n", "правое поле"),
    ("размер_текста: 16\n", "12–14"),
    ("шрифт: Comic Sans\nредакция_гост: 2016\n", "не назван"),
    ("цвет: красный\n", "неизвестный ключ"),
    ("ширина_углового_блока_см: 9\n", "больше 8"),
    ("[1, 2\n", "YAML"),
])
def test_style_file_errors_are_russian(tmp_path, content, words):
    from roadmapctl.render.errors import RenderError

    (tmp_path / "style.yaml").write_text(content, encoding="utf-8")
    roadmap = load_roadmap(str(ROADMAPS / "tula-2020-2021.yaml"))
    with pytest.raises(RenderError, match=words):
        render(roadmap, "docx", Options(template_dir=tmp_path))


def test_broken_reference_docx_is_a_render_error(tmp_path):
    from roadmapctl.render.errors import RenderError

    (tmp_path / "reference.docx").write_bytes(b"not a zip")
    roadmap = load_roadmap(str(ROADMAPS / "tula-2020-2021.yaml"))
    with pytest.raises(RenderError, match="reference.docx"):
        render(roadmap, "docx", Options(template_dir=tmp_path))


def test_the_example_style_file_is_valid_and_says_the_defaults(tmp_path):
    from roadmapctl.render.style import Style, load_style
    from roadmapctl.resources import templates_dir

    (tmp_path / "style.yaml").write_bytes((templates_dir() / "style.example.yaml").read_bytes())
    assert load_style(tmp_path) == Style()
    assert load_style(tmp_path, 2016).block_width_cm == 7.5


def test_slavsk_letterhead_keeps_the_country_and_the_region():
    roadmap = load_roadmap(str(ROADMAPS / "slavsk-2022-2023.yaml"))
    document = docx.Document(io.BytesIO(render(roadmap, "docx", Options(with_order=True))))
    texts = [p.text for p in document.paragraphs]
    # seed 003, the lines above «П Р И К А З»
    assert texts[:7] == ["Российская Федерация", "Калининградская область", "Администрация муниципального образования",
                         "«Славский муниципальный округ", "Калининградской области»", "Отдел образования", "ПРИКАЗ"]


def test_a_typeface_without_known_widths_leaves_the_page_breaks_to_the_word_processor(rendered):
    """With Arial (style.yaml may name it) the widths paging.py knows are wrong: no row is cut,
    the short rows stay whole and the tall ones may break (Мценск 2.1 is some thirty lines)."""
    from dataclasses import replace

    from roadmapctl.render.docx_writer import render_docx
    from roadmapctl.render.style import Style

    roadmap, _data, _document = rendered["mtsensk-2021-2022"]
    data = render_docx(build(roadmap), replace(Style(), font="Arial"))
    trs = docx.Document(io.BytesIO(data)).tables[0]._tbl.findall(qn("w:tr"))
    assert not any(_continuation(tr) for tr in trs)
    numbers = {"".join(t.text for t in tr.find(qn("w:tc")).iter(qn("w:t"))): tr for tr in trs}
    assert _can_split(numbers["2.1."])
    assert not _can_split(numbers["3.3."])


@pytest.mark.parametrize("options", [Options(), Options(with_order=True), Options(edition=2016)], ids=["appendix", "order", "2016"])
def test_the_fast_writer_gives_the_bytes_of_python_docx_objects(options):
    """Without a reference template the DOCX is written into one package skeleton a style; the
    bytes are those of the document built through python-docx's objects (the path a reference
    template takes), for every bundled roadmap, with its order, in both editions; also for a
    title and an organisation with characters XML escapes and a date of the 1900s."""
    from dataclasses import replace

    from roadmapctl.render.docx_writer import _render_package, render_docx

    style = options.style()
    for path in roadmap_files():
        view = build(load_roadmap(str(path)), options)
        assert render_docx(view, style) == _render_package(view, style, None), path.name
    odd = replace(view, title="План «A & B» <для> школ № 5 " + "д" * 300, author="МКУ «Управление образования» & Ко",
                  date=view.date.replace(year=1999))
    data = render_docx(odd, style)
    assert data == _render_package(odd, style, None)
    core = docx.Document(io.BytesIO(data)).core_properties
    assert core.title.startswith("План «A & B» <для> школ № 5 ") and core.title.endswith("…") and len(core.title) == 255
    assert core.author == "МКУ «Управление образования» & Ко"
    assert core.created == datetime(1999, view.date.month, view.date.day, tzinfo=timezone.utc)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("аЖ z&<>\"'\t\n;€😀\\ ]]>")), min_size=1, max_size=60))
def test_the_fast_writer_writes_any_text_as_lxml_does(tmp_path, text):
    """The body is written as text, never parsed: any activity text (markup characters, tabs,
    line breaks, spaces at the ends, characters outside the BMP) gives the bytes of the python-docx
    path, which parses and serializes it with lxml."""
    import json

    from roadmapctl.render.docx_writer import _render_package, render_docx

    source = (ROADMAPS / "tula-2020-2021.yaml").read_text(encoding="utf-8")
    start = source.index("            мероприятие: Корректировка муниципальной программы")
    end = source.index("            ответственные:", start)
    path = tmp_path / "карта с текстом.yaml"
    line = "            мероприятие: " + json.dumps(text + " Корректировка", ensure_ascii=False) + "\n"
    path.write_text(source[:start] + line + source[end:], encoding="utf-8")
    roadmap = load_roadmap(str(path))
    first = next(iter(roadmap.placed_activities())).activity
    assert first.number == "1.1." and first.text.endswith("Корректировка") and text.strip()[:1] in first.text
    for options in (Options(), Options(with_order=True)):
        view = build(roadmap, options)
        style = options.style()
        assert render_docx(view, style) == _render_package(view, style, None)
