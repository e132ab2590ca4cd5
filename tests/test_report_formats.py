"""The report writers: JSON keys, CSV for Excel, XLSX, DOCX and HTML in the appendix layout,
Markdown and the terminal table; each is deterministic."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from datetime import date, datetime
from xml.etree import ElementTree

import pytest

from conftest import ROADMAPS
from conftest import load_roadmap
from roadmapctl.report.formats import FORMATS, render
from roadmapctl.report.items import build_report

AS_OF = date(2021, 6, 1)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def roadmaps():
    return [load_roadmap(str(p)) for p in sorted(ROADMAPS.glob("*.yaml"))]


@pytest.fixture(scope="module")
def report(roadmaps):
    return build_report(roadmaps, AS_OF)


@pytest.fixture(scope="module")
def baunt_report(roadmaps):
    return build_report([r for r in roadmaps if r.file.endswith("baunt-2021-2022.yaml")], AS_OF)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_deterministic(report, fmt):
    assert render(report, fmt) == render(report, fmt)


def test_json_keys_and_one_item_per_activity_and_kind(report):
    data = json.loads(render(report, "json"))
    assert list(data) == ["as_of", "totals", "items", "summary", "roadmaps", "first_page", "by", "groups"]
    assert data["as_of"] == "2021-06-01"
    keys = ["file", "municipality", "number", "text", "kind", "responsible", "deadline", "due", "missed", "days_late",
            "postponements"]
    assert all(list(item) == keys for item in data["items"])
    row9 = [i for i in data["items"] if i["file"].endswith("baunt-2021-2022.yaml") and i["number"] == "9"]
    assert [(i["kind"], i["missed"], i["days_late"], i["due"]) for i in row9] == [
        ("overdue", ["2021-05-31"], 1, "2021-05-31"), ("unassigned", [], None, "2021-05-31"),
    ]
    assert row9[0]["responsible"] == [] and row9[0]["deadline"] == "Май 2021 года"
    pairs = [(i["file"], i["number"], i["kind"]) for i in data["items"]]
    assert len(pairs) == len(set(pairs))
    assert {tuple(s) for s in data["summary"]} == {(
        "file", "municipality", "activities", "done", "overdue", "unassigned", "undated", "upcoming", "stale", "cancelled",
    )}


def test_csv_opens_in_russian_excel(report):
    data = render(report, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8")), delimiter=";"))
    # One table: the header, then a row per item, each with the day and its roadmap's name.
    assert rows[0][:6] == ["По состоянию на", "Дорожная карта", "Муниципалитет", "Файл", "№", "Мероприятие"]
    assert len(rows) == len(report.items) + 1 and all(len(row) == len(rows[0]) for row in rows)
    first = dict(zip(rows[0], rows[1]))
    assert first["По состоянию на"] == "01.06.2021" and first["Дорожная карта"].startswith("Комплекс мер, направленных")
    assert first["Вид"] == "Просрочено" and first["Дата срока"] == "30.06.2020" and first["Дней просрочки"] == "336"
    # Абан's "1." would be 1 January in a Russian spreadsheet: an invisible word joiner keeps it text
    assert first["№"] == "\u20601."
    numbers = [dict(zip(rows[0], row))["№"] for row in rows[1:]]
    assert "\u20602.2." in numbers and "\u20604.10." in numbers


def test_csv_grouped_has_the_group_first(report):
    rows = list(csv.reader(io.StringIO(render(report, "csv", by="party")[3:].decode("utf-8")), delimiter=";"))
    assert rows[0][:2] == ["Группа (по ответственным)", "По состоянию на"]
    groups = list(dict.fromkeys(row[0] for row in rows[1:]))
    assert groups[0] == "Административные команды ОО" and groups[-1] == "Ответственный не указан"
    assert "УО" not in groups


def test_xlsx_header_frozen_filters_widths_and_real_dates(report):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(render(report, "xlsx")))
    assert book.sheetnames == ["Отчёт", "Сводка", "Кто не успевает"]
    sheet = book["Отчёт"]
    # The title with the day, the roadmaps, the totals in rows 3-4, the items' header in row 6.
    assert sheet["A1"].value == "Информация о ходе реализации дорожных карт по состоянию на 01.06.2021"
    assert sheet["A2"].value.startswith("Дорожные карты: Комплекс мер, направленных") and "город Мценск" in sheet["A2"].value
    assert sheet["A3"].value == "Мероприятий" and sheet["A3"].font.b and sheet["C4"].value == 47
    assert sheet.freeze_panes == "A7"
    assert sheet.auto_filter.ref == f"A6:L{len(report.items) + 6}"
    assert sheet["A6"].font.b and sheet["D6"].value == "Мероприятие" and sheet["L6"].value == "Перенос срока"
    assert sheet.column_dimensions["D"].width == 60
    assert sheet["H7"].value == datetime(2020, 6, 30) and sheet["H7"].number_format == "DD.MM.YYYY"
    assert sheet["J7"].value == 336
    # overdue in red (and «Просрочено» in the kind column); the print set-up
    assert sheet["E7"].value == "Просрочено" and sheet["D7"].font.color.rgb.endswith("B71C1C")
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.page_setup.fitToHeight == 0 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$6:$6"
    # Абан 1: 118 characters of text in a column 60 wide: two lines
    assert sheet.row_dimensions[7].height == 30
    summary = book["Сводка"]
    assert [c.value for c in summary[1]][:4] == ["Муниципалитет", "Мероприятий", "Выполнено", "Выполнено, %"]
    assert summary.max_row == 7  # the header, five municipalities, the total
    assert [c.value for c in summary[2]][:6] == ["Абанский район", 30, 0, 0, 18, 0.6]
    assert summary["F2"].number_format == "0%"


def _docx_xml(data: bytes, name: str = "word/document.xml"):
    return ElementTree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def test_docx_is_a4_landscape_times_with_repeated_header(baunt_report):
    data = render(baunt_report, "docx")
    body = _docx_xml(data)
    size = body.find(f".//{W}pgSz")
    assert (size.get(f"{W}w"), size.get(f"{W}h"), size.get(f"{W}orient")) == ("16838", "11906", "landscape")
    margins = body.find(f".//{W}pgMar")
    assert int(margins.get(f"{W}left")) >= 1134 and int(margins.get(f"{W}right")) >= 567
    assert int(margins.get(f"{W}top")) >= 1134 and int(margins.get(f"{W}bottom")) >= 1134
    texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p")]
    assert texts[0] == "Информация о ходе реализации дорожной карты по состоянию на 01.06.2021"
    tables = body.findall(f".//{W}tbl")
    # the first page: progress, who is late, the most overdue; then the roadmap's table
    assert len(tables) == 4
    rows = tables[3].findall(f"{W}tr")
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert all(r.find(f"{W}trPr/{W}tblHeader") is None for r in rows[1:])
    header = ["".join(t.text for t in c.iter(f"{W}t")) for c in rows[0].findall(f"{W}tc")]
    assert header == ["№ п/п", "Мероприятие", "Ответственные", "Срок", "Отметка о выполнении"]
    # sections are merged rows: 15 sections of 000 ("1.", "1.1." … "3.5")
    assert sum(1 for r in rows if r.find(f"{W}tc/{W}tcPr/{W}gridSpan") is not None) == 15
    row9 = next(r for r in rows if "".join(t.text for t in r.find(f"{W}tc").iter(f"{W}t")) == "9")
    cells = ["\n".join("".join(t.text for t in p.iter(f"{W}t")) for p in c.findall(f"{W}p")) for c in row9.findall(f"{W}tc")]
    assert cells[2] == "" and cells[3] == "Май 2021 года"
    assert cells[4] == "Просрочено на 1 день: нет отметки о выполнении, срок прошёл 31.05.2021\nОтветственный не указан"
    styles = _docx_xml(data, "word/styles.xml")
    normal = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == "Normal")
    fonts = normal.find(f"{W}rPr/{W}rFonts")
    assert {fonts.get(f"{W}{slot}") for slot in ("ascii", "hAnsi", "cs", "eastAsia")} == {"Times New Roman"}
    core = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml").decode()
    assert "2021-06-01T00:00:00Z" in core


def test_html_is_self_contained_with_a_chart_for_several_roadmaps(report, baunt_report):
    page = render(report, "html").decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="ru">' in page
    assert "<script" not in page and not re.search(r'(src|href)="https?:', page)
    assert "<h1>Информация о ходе реализации дорожных карт по состоянию на 01.06.2021</h1>" in page
    svgs = re.findall(r"<svg.*?</svg>", page, re.DOTALL)
    # the status chart, then a timeline per roadmap: whole for a phone, in parts of 16 rows for a wide page
    assert page.count('<div class="tl-narrow"><svg') == 5
    # Баунт has 58 activities with dates: 4 parts
    assert len(svgs) > 1 + 5
    status = ElementTree.fromstring(svgs[0])  # well-formed
    texts = ["".join(t.itertext()) for t in status.iter("{http://www.w3.org/2000/svg}text")]
    # a bar per municipality named with its count; Абан: 18 of 30 overdue (60 %), 12 not yet due (40 %)
    assert texts[:3] == ["Абанский район — 30", "60 %", "40 %"]
    assert {"Выполнено", "Просрочено", "Срок скоро", "Срок не определён", "Срок не наступил"} <= set(texts)
    assert "Ход реализации на 01.06.2021" in page and "thead" in page and "table-header-group" in page
    single = render(baunt_report, "html").decode("utf-8")
    assert single.count('<div class="tl-wide"><svg') == 4 and single.count("<svg") == 1 + 1 + 4  # status, phone, 58 rows in 4 parts
    assert "Отметка о выполнении" in single
    assert '<tr class="section"><th colspan="5" scope="rowgroup">1.1. Преодоление дефицита базовой инфраструктуры</th></tr>' in single


def test_html_escapes_every_text(tmp_path):
    from roadmapctl.mark import MarkRequest, mark_activity
    from roadmapctl.loading import read_source

    path = tmp_path / "b.yaml"
    path.write_bytes((ROADMAPS / "baunt-2021-2022.yaml").read_bytes())
    path.write_bytes(mark_activity(read_source(path), MarkRequest("1", date(2021, 3, 1), note="<b>жирный</b> & <script>")).data)
    page = render(build_report([load_roadmap(str(path))], AS_OF), "html").decode("utf-8")
    assert "&lt;b&gt;жирный&lt;/b&gt; &amp; &lt;script&gt;" in page and "<script" not in page


def test_markdown_groups_and_escapes(baunt_report, report):
    text = render(baunt_report, "md").decode("utf-8")
    assert text.startswith("# Информация о ходе реализации дорожной карты по состоянию на 01.06.2021\n")
    assert "### Просрочено (13)\n" in text and "### Ответственный не указан (2)\n" in text and "### Срок не определён (5)\n" in text
    assert "| 9 | Формирование программ развития ОО по переходу в эффективный режим работы | — | Май 2021 года | нет отметки о выполнении, срок прошёл 31.05.2021; просрочка 1 день |" in text
    from roadmapctl.report.formats.markdown import md_cell

    assert md_cell("a | b\nc <d>") == "a \\| b<br>c \\<d\\>"
    by_roadmap = render(report, "md", by="roadmap").decode("utf-8")
    # 10 overdue, 6 unassigned, 2 upcoming
    assert re.search(r"^### город Тула \(.*tula-2020-2021\.yaml\) \(18\)$", by_roadmap, re.M)


def test_terminal_table(baunt_report):
    text = render(baunt_report, "table", width=120).decode("utf-8")
    assert text.splitlines()[0] == "Информация о ходе реализации дорожной карты по состоянию на 01.06.2021"
    assert "Просрочено (13)" in text and "Срок не определён (5)" in text
    assert "\x1b[" not in text
    assert "\x1b[" in render(baunt_report, "table", width=120, color=True).decode("utf-8")


def test_group_by_party_puts_an_item_under_each_responsible(baunt_report):
    from roadmapctl.report.formats.common import group_items

    groups = {g.title: [(i.number, i.kind) for i in g.items] for g in group_items(baunt_report, "party")}
    assert list(groups)[-1] == "Ответственный не указан"
    assert groups["Ответственный не указан"] == [("9", "overdue"), ("9", "unassigned"), ("61", "unassigned")]
    # «РУО» is the authority's short name: the group carries its full name
    department = "МКУ «Управление образования местной администрации МО «Баунтовский эвенкийский район»"
    assert ("4", "overdue") in groups[department] and ("4", "overdue") in groups["ОО"]
    assert "РУО" not in groups


def test_group_by_section_keeps_an_activitys_items_together(report):
    from roadmapctl.report.formats.common import group_items

    groups = {g.title: [(i.number, i.kind) for i in g.items] for g in group_items(report, "section")}
    section2 = next(v for k, v in groups.items() if k.startswith("город Тула: 2. "))
    assert section2 == [
        ("2.1.", "overdue"),
        ("2.2.", "overdue"), ("2.2.", "unassigned"), ("2.2.", "upcoming"),
        ("2.3.", "overdue"), ("2.3.", "unassigned"),
        ("2.4.", "overdue"), ("2.4.", "unassigned"),
        ("2.5.", "unassigned"), ("2.5.", "upcoming"),
        ("2.6.", "unassigned"),
        ("2.7.", "overdue"), ("2.7.", "unassigned"),
    ]


def test_group_by_party_merges_the_authoritys_spellings(roadmaps):
    aban = build_report([r for r in roadmaps if r.file.endswith("aban-2020-2023.yaml")], AS_OF)
    from roadmapctl.report.formats.common import group_items

    groups = {g.title: {i.number for i in g.items if i.kind == "overdue"} for g in group_items(aban, "party")}
    assert "УО" not in groups  # rows 1–3 and 7–9 write «УО», rows 10–31 the full name: one group
    department = groups["Управление образования администрации Абанского района"]
    assert {"1.", "2.", "3.", "8."} <= department and {"21.", "26.", "27", "29", "30", "31"} <= department
    # «руководители ОО» and «Руководители ОО» (capitalised at the start of a cell) are one group too
    assert sum(1 for title in groups if title.casefold() == "руководители оо") == 1


def test_sub_items_are_kept_in_the_text(roadmaps):
    aban = build_report([r for r in roadmaps if r.file.endswith("aban-2020-2023.yaml")], AS_OF)
    item = next(i for i in aban.items if i.number == "17.")
    assert item.text == (
        "Прохождение курсовой подготовки управленческой командой по специальным программам:\n"
        "– «Управление школой 2020+:реализация ФГОС и предметных концепций »\n"
        "– управление профессиональным развитием педагогов"
    )


def test_group_by_status_gives_each_activity_one_state(baunt_report):
    from roadmapctl.report.formats.common import group_items

    groups = {g.key: sorted({i.number for i in g.items}, key=int) for g in group_items(baunt_report, "status")}
    assert list(groups) == [k for k in ("done", "overdue", "upcoming", "undated", "pending") if k in groups]
    assert "9" in groups["overdue"] and all("9" not in v for k, v in groups.items() if k != "overdue")


@pytest.mark.parametrize("fmt", FORMATS)
def test_by_party_is_honoured_by_every_format_with_the_directory_identity(roadmaps, fmt):
    aban = build_report([r for r in roadmaps if r.file.endswith("aban-2020-2023.yaml")], AS_OF)
    grouped = render(aban, fmt, by="party", width=200)
    assert grouped != render(aban, fmt, width=200)  # never silently ignored
    department = "Управление образования администрации Абанского района"
    # the group titles as each format writes them
    if fmt == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(grouped))["Отчёт"]
        titles = {row[0].value for row in sheet.iter_rows(min_row=7)}
    elif fmt == "docx":
        titles = {re.sub(r" \(\d+\)$", "", p) for p in _docx_paragraphs(grouped)}
    elif fmt == "json":
        titles = {g["title"] for g in json.loads(grouped)["groups"]}
    elif fmt == "csv":
        titles = {row[0] for row in csv.reader(io.StringIO(grouped.decode("utf-8-sig")), delimiter=";")}
    elif fmt == "html":
        titles = set(re.findall(r"<h3>(.*?) \(\d+\)</h3>", grouped.decode("utf-8")))
    elif fmt == "md":
        titles = set(re.findall(r"^### (.*?) \(\d+\)$", grouped.decode("utf-8"), re.MULTILINE))
    else:
        titles = {line.strip()[: -len(m.group(0))].strip() for line in grouped.decode("utf-8").splitlines()
                  if (m := re.search(r" \(\d+\)$", line.strip()))}
    assert department in titles and "УО" not in titles  # «УО» is the department: one group under its full name
    assert "руководители ОО" in titles and "Руководители ОО" not in titles


def _docx_paragraphs(data: bytes) -> list[str]:
    """The paragraphs outside the tables (titles, headings)."""
    body = _docx_xml(data).find(f"{W}body")
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.findall(f"{W}p")]
