"""Markdown and HTML: golden files of one roadmap (reviewed by eye), escaping, the deadline chart,
a self-contained page with print CSS, the view's Russian typography.

Regenerate the golden files after a deliberate change with
``ROADMAPCTL_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_render_text.py`` and review the diff.
"""

from __future__ import annotations

import os
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import ROADMAPS, roadmap_files
from conftest import load_roadmap
from roadmapctl.render import build, render
from roadmapctl.render.markdown import md_cell, md_text, mermaid_text
from roadmapctl.render.options import Options
from roadmapctl.render.style import Style
from roadmapctl.render.view import clean, format_date, signature_name, title_text

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("ROADMAPCTL_UPDATE_GOLDEN") == "1"
NBSP = "\u00a0"


def golden(name: str, data: bytes) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_bytes(data)
    assert path.exists(), f"no golden file {path}; run with ROADMAPCTL_UPDATE_GOLDEN=1"
    assert data.decode("utf-8") == path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def mtsensk():
    return load_roadmap(str(ROADMAPS / "mtsensk-2021-2022.yaml"))


def test_markdown_golden(mtsensk):
    golden("render-mtsensk-2021-2022.md", render(mtsensk, "md"))


def test_html_golden(mtsensk):
    golden("render-mtsensk-2021-2022.html", render(mtsensk, "html"))


@pytest.mark.parametrize("path", roadmap_files(), ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_same_roadmap_gives_the_same_bytes(path, fmt):
    roadmap = load_roadmap(str(path))
    options = Options(with_order=True, gantt=fmt == "md")
    assert render(roadmap, fmt, options) == render(load_roadmap(str(path)), fmt, Options(with_order=True, gantt=fmt == "md"))


def md_tables(text: str):
    """Each GFM table as a list of rows, each a list of cell texts (markdown-it, GFM tables)."""
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(text)
    tables, row, cell = [], None, None
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            tables[-1].append(row)
        elif token.type == "inline" and row is not None and cell is not None:
            cell.append(token)
        elif token.type in ("th_open", "td_open"):
            cell = []
        elif token.type in ("th_close", "td_close"):
            row.append(inline_text(cell[0]) if cell else "")
            cell = None
    return tables


def inline_text(token) -> str:
    out = []
    for child in token.children or []:
        if child.type == "text":
            out.append(child.content)
        elif child.type == "html_inline":
            assert child.content == "<br>", f"raw HTML in a cell: {child.content!r}"
            out.append("\n")
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif child.type in ("strong_open", "strong_close"):
            continue
        else:
            raise AssertionError(f"unexpected markup in a cell: {child.type}")
    return "".join(out)


@pytest.mark.parametrize("path", roadmap_files(), ids=lambda p: p.stem)
def test_markdown_tables_have_the_headers_and_every_cell_as_written(path):
    roadmap = load_roadmap(str(path))
    view = build(roadmap)
    tables = md_tables(render(roadmap, "md").decode("utf-8"))
    expected_tables = [(t, part) for t in view.tables for part in t.parts() if part.rows]
    assert len(tables) == len(expected_tables)
    for rows, (table, part) in zip(tables, expected_tables):
        assert rows[0] == table.headers
        assert len(rows) == 1 + len(part.rows)
        for got, row in zip(rows[1:], part.rows):
            assert got == [cell.text for cell in row.cells]


@pytest.mark.parametrize("path", roadmap_files(), ids=lambda p: p.stem)
def test_markdown_sections_are_headings_keeping_their_numbers(path):
    roadmap = load_roadmap(str(path))
    text = render(roadmap, "md").decode("utf-8")
    tokens = MarkdownIt("commonmark").parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    view = build(roadmap)
    assert headings[0] == md_text(view.title)
    sections = [md_text(r.heading) for t in view.tables for r in t.rows if r.is_section]
    titles = [md_text(t.title) for t in view.tables if t.title]
    assert sorted(headings[1:]) == sorted(sections + titles)


def test_markdown_requisites_are_lines_at_the_top(mtsensk):
    text = render(mtsensk, "md").decode("utf-8")
    assert text.startswith("Приложение\\\nк приказу управления образования\\\nот 24.03.2021 №\u00a093/1\n\n# Дорожная карта")


def test_markdown_escapes_everything_that_could_break_a_table():
    assert md_cell(["a | b", "c"]) == "a \\| b<br>c"
    assert md_text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert md_text("*важно* _очень_ `код` [ссылка](http://x) ~~нет~~ $x$ # 5 & 6") == (
        "\\*важно\\* \\_очень\\_ \\`код\\` \\[ссылка\\](http://x) \\~\\~нет\\~\\~ \\$x\\$ \\# 5 &amp; 6")
    assert md_text("1. не список") == "1\\. не список"
    assert md_text("- не список") == "\\- не список"
    assert md_text("back\\slash") == "back\\\\slash"


def test_mermaid_titles_cannot_break_the_chart():
    assert mermaid_text("1.1 Задача: важная; #1 %% <b>") == "1.1 Задача важная 1 b"
    assert len(mermaid_text("слово " * 40)) == 80


def test_gantt_chart_of_dated_deadlines():
    roadmap = load_roadmap(str(ROADMAPS / "tula-2020-2021.yaml"))
    text = render(roadmap, "md", Options(gantt=True)).decode("utf-8")
    block = text.split("```mermaid\n", 1)[1].split("```", 1)[0]
    lines = block.splitlines()
    assert lines[0] == "gantt" and "    dateFormat YYYY-MM-DD" in lines
    tasks = [line.strip() for line in lines if re.search(r":(milestone, )?t\d+, ", line)]
    for task in tasks:
        title, _, spec = task.rpartition(" :")
        assert ":" not in title and "#" not in title and ";" not in title
        for value in re.findall(r"\d{4}-\d\d-\d\d", spec):
            date.fromisoformat(value)
    assert any(t.startswith("1.1. Корректировка") and t.endswith(":milestone, t1, 2020-12-31, 0d") for t in tasks)
    assert any(t.startswith("3.1. Контроль") and "2020-09-01, 2021-08-31" in t for t in tasks)
    # Without --gantt there is no chart.
    assert "mermaid" not in render(roadmap, "md").decode("utf-8")


def test_gantt_leaves_out_deadlines_without_dates():
    roadmap = load_roadmap(str(ROADMAPS / "baunt-2021-2022.yaml"))
    view = build(roadmap, Options(gantt=True))
    numbers = {t.title.split(" ", 1)[0] for t in view.gantt}
    assert "13" not in numbers  # no deadline
    assert "5" not in numbers   # "По отделному графику": a schedule without dates
    assert "1" in numbers


class Structure(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.stack: list[str] = []
        self.cells: list[str] = []
        self.text: list[str] = []
        self.attrs: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.append((tag, dict(attrs)))
        if tag in ("td", "th"):
            self.text = []
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.cells.append("".join(self.text))
        if tag == "p" and "td" in self.stack:
            self.text.append("\n")
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_one_self_contained_russian_page(mtsensk):
    text = render(mtsensk, "html").decode("utf-8")
    assert text.startswith("<!DOCTYPE html>\n<html lang=\"ru\">")
    assert '<meta charset="utf-8">' in text
    parser = Structure()
    parser.feed(text)
    for tag, attrs in parser.attrs:
        for key in ("src", "href"):
            assert key not in attrs, f"external resource in <{tag}>"
        assert tag not in ("script", "link", "img", "iframe", "object")
    assert "@import" not in text and "url(" not in text
    assert "@page { size: A4 landscape; margin: 20mm 10mm 20mm 20mm;" in text
    assert "thead { display: table-header-group; position: static; }" in text
    # Only short rows and section rows are kept whole; the others may break across pages.
    assert "tr.whole, tr.section { break-inside: avoid;" in text
    assert '<tr class="activity depth-0 whole">\n<td class="number" data-label="№п/п"><p>3.3.</p></td>' in text
    assert '<tr class="activity depth-0">\n<td class="number" data-label="№п/п"><p>2.1.</p></td>' in text
    assert parser.tags.count("table") == 1 and parser.tags.count("thead") == 1


@pytest.mark.parametrize("path", roadmap_files(), ids=lambda p: p.stem)
def test_html_rows_cells_and_colspans(path):
    roadmap = load_roadmap(str(path))
    view = build(roadmap)
    parser = Structure()
    parser.feed(render(roadmap, "html").decode("utf-8"))
    expected = []
    for table in view.tables:
        expected += table.headers
        if table.column_numbers:
            expected += [str(i) for i in range(1, len(table.headers) + 1)]
        for row in table.rows:
            if row.is_section:
                expected.append(row.heading)
            else:
                expected += [c.text + ("\n" if c.paragraphs else "") for c in row.cells]
    assert parser.cells == expected
    spans = [a.get("colspan") for t, a in parser.attrs if t == "th" and "colspan" in a]
    assert len(spans) == sum(t.section_count for t in view.tables)


def test_order_in_markdown_and_html(mtsensk):
    md = render(mtsensk, "md", Options(with_order=True)).decode("utf-8")
    assert md.index("**ПРИКАЗ**") < md.index("**ПРИКАЗЫВАЮ:**") < md.index("\n---\n") < md.index("\nПриложение\\\n")
    assert "- Мясищева\u00a0И.Г., и.о. начальника" in md
    html = render(mtsensk, "html", Options(with_order=True)).decode("utf-8")
    assert '<section class="order">' in html and '<p class="kind">ПРИКАЗ</p>' in html
    assert html.index('class="order"') < html.index('class="appendix"')


def test_working_group_is_shown_when_the_order_does_not_list_it(mtsensk):
    import copy

    roadmap = copy.deepcopy(mtsensk)
    roadmap.order.items = roadmap.order.items[:1]
    md = render(roadmap, "md", Options(with_order=True)).decode("utf-8")
    assert "**Состав рабочей группы**" in md
    assert "1. Мясищева\u00a0И.Г., и.о. начальника управления образования администрации города Мценска, председатель рабочей группы" in md


def test_typography_of_the_view():
    assert clean("школа № 2 и №№ 17, 24") == f"школа №{NBSP}2 и №№{NBSP}17, 24"
    assert clean("Якушина Г. И. и И.Г. Мясищева") == f"Якушина{NBSP}Г.{NBSP}И. и И.Г.{NBSP}Мясищева"
    # «№2» written without a space stays so: the text is the document's (and no line breaks
    # between «№» and a digit that follows it directly)
    assert clean("школа №2 и №№17") == "школа №2 и №№17"
    # A year and «г.»/«гг.», a day and its month, «г.» and a town stay together.
    assert clean("до 1 сентября 2025 г.") == f"до 1{NBSP}сентября 2025{NBSP}г."
    assert clean("на 2020 - 2021 гг. в г. Тула") == f"на 2020 - 2021{NBSP}гг. в г.{NBSP}Тула"
    # Not after a word that merely ends in «г» or a number that is not before «г.»
    assert clean("по шагу 2 года") == "по шагу 2 года"
    assert clean("апрель 10 дней") == "апрель 10 дней"
    assert clean("a\r\nb\rc\x00d\x1be\u2028f\tg") == "a\nb\ncde\nf g"
    assert signature_name("Гомбоева В.М.") == f"В.М.{NBSP}Гомбоева"
    assert signature_name("И. Г. Мясищева") == f"И.Г.{NBSP}Мясищева"
    assert signature_name("Иванов Иван Иванович") == "Иванов Иван Иванович"
    assert title_text("Дорожная карта на 2021 год.") == "Дорожная карта на 2021 год"
    assert title_text("Дорожная карта на 2021-2022 гг.") == f"Дорожная карта на 2021-2022{NBSP}гг."
    assert title_text("Дорожная\nкарта") == "Дорожная карта"
    assert format_date(date(2021, 3, 24), Style()) == "24.03.2021"
    assert format_date(date(2021, 3, 4), Style(dates_in_words=True)) == f"4{NBSP}марта{NBSP}2021{NBSP}г."


def test_approval_by_the_order_itself():
    import copy

    roadmap = copy.deepcopy(load_roadmap(str(ROADMAPS / "slavsk-2022-2023.yaml")))
    roadmap.appendix = None
    view = build(roadmap)
    assert view.approval.lines == ["УТВЕРЖДЕНА", "приказом", f"от 28.02.2022 №{NBSP}11/1"]


def _responsible(view, number):
    row = next(r for t in view.tables for r in t.rows if r.number == number)
    cell = next(c for c in row.cells if c.field == "ответственные")
    return [p.line for p in cell.paragraphs]


def test_responsible_cells_as_the_document_wrote_them(mtsensk):
    view = build(mtsensk)
    # Мценск 1.3 (seed 001): «МБОУ «Средняя школа №2» - МБОУ «Средняя школа №9», МБОУ «Средняя
    # школа №3»- МБОУ «Средняя школа №1»» — two pairs, not four schools.
    assert _responsible(view, "1.3.") == [
        "МБОУ «Средняя школа №2» – МБОУ «Средняя школа №9»,",
        "МБОУ «Средняя школа №3» – МБОУ «Средняя школа №1»",
    ]
    # Мценск 4.8: the repeats of «Управление образования» and «№2» are the document's own.
    assert _responsible(view, "4.8.") == [
        "Управление образования,", "МБОУ «Средняя школа №2»,", "МБОУ «Средняя школа №3»,",
        "Управление образования,", "МБОУ «Средняя школа №2»,", "МБОУ «Средняя школа №9»,",
        "МБОУ «Средняя школа №1»",
    ]
    # One party: no separator at all.
    assert _responsible(view, "4.7.3.") == ["Управление образования"]
    aban = build(load_roadmap(str(ROADMAPS / "aban-2020-2023.yaml")))
    # Абан 4: three people, each with a comma in the entry, so semicolons between them.
    assert _responsible(aban, "4.") == [
        f"Коршунова{NBSP}Н.В., муниципальный координатор;",
        f"Килина{NBSP}С.А., руководитель МКУ «ИМС»;",
        f"Шукайло{NBSP}Н.Н., начальник отдела общего и дополнительного образования Управления образования",
    ]


def test_responsible_cells_in_markdown_and_html(mtsensk):
    md = render(mtsensk, "md").decode("utf-8")
    assert ("МБОУ «Средняя школа №2» – МБОУ «Средняя школа №9»,<br>"
            "МБОУ «Средняя школа №3» – МБОУ «Средняя школа №1»") in md
    page = render(mtsensk, "html").decode("utf-8")
    assert ('<p class="party">МБОУ «Средняя школа №3» – МБОУ «Средняя школа №1»</p>') in page
