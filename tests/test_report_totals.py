"""Every report, in every format, starts with the totals of what it covers; a postponed deadline
shows in every format with the old deadline and the reason; numbers agree with their nouns.

Expected numbers are counted by hand from roadmaps/baunt-2021-2022.yaml as of 01.06.2021:
63 activities; none done; 13 overdue; 5 due within 30 days (6 «до 10 числа каждого месяца» →
10.06, 8 «1 раз в 2 месяца», 15 «ежеквартально», 21 «… ежеквартально», 28 «Июнь 2021 года» →
30.06); 5 without a date; 2 without a responsible party (9 and 61).
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest

from conftest import ROADMAPS
from conftest import load_roadmap
from roadmapctl.mark import MarkRequest, mark_activity
from roadmapctl.loading import read_source
from roadmapctl.report.formats import FORMATS, render
from roadmapctl.report.items import build_report, days

AS_OF = date(2021, 6, 1)
TOTALS = "Всего 63 мероприятия: выполнено — 0, просрочено — 13, срок скоро — 5, без срока — 5, без ответственного — 2"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def baunt():
    return build_report([load_roadmap(str(ROADMAPS / "baunt-2021-2022.yaml"))], AS_OF)


def docx_paragraphs(data: bytes) -> list[str]:
    from xml.etree import ElementTree

    body = ElementTree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p")]


def test_terminal_and_markdown_start_with_the_totals(baunt):
    table = render(baunt, "table", width=200).decode("utf-8")
    assert TOTALS in table.split("Просрочено (13)")[0]
    markdown = render(baunt, "md").decode("utf-8")
    assert f"**{TOTALS}**" in markdown.split("\n## ")[0]


def test_json_starts_with_the_totals(baunt):
    data = json.loads(render(baunt, "json"))
    assert list(data)[:2] == ["as_of", "totals"]
    assert data["totals"] == {"activities": 63, "done": 0, "overdue": 13, "unassigned": 2, "undated": 5,
                              "upcoming": 5, "stale": 0, "cancelled": 0}


def test_xlsx_starts_with_the_totals_and_csv_holds_one_table(baunt):
    rows = list(csv.reader(io.StringIO(render(baunt, "csv")[3:].decode("utf-8")), delimiter=";"))
    assert rows[0][:3] == ["По состоянию на", "Дорожная карта", "Муниципалитет"] and [] not in rows
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(render(baunt, "xlsx")))["Отчёт"]
    assert [c.value for c in sheet[3]][:6] == ["Мероприятий", "Выполнено", "Просрочено", "Срок скоро", "Без срока", "Без ответственного"]
    assert [c.value for c in sheet[4]][:6] == [63, 0, 13, 5, 5, 2]


def test_docx_and_html_start_with_the_totals(baunt):
    paragraphs = docx_paragraphs(render(baunt, "docx"))
    assert paragraphs[:2] == ["Информация о ходе реализации дорожной карты по состоянию на 01.06.2021", TOTALS]
    page = render(baunt, "html").decode("utf-8")
    assert page.index(f'<p class="totals">{TOTALS}</p>') < page.index("<table")


def test_totals_cover_several_roadmaps_and_a_party(tmp_path):
    roadmaps = [load_roadmap(str(p)) for p in sorted(ROADMAPS.glob("*.yaml"))]
    report = build_report(roadmaps, AS_OF)
    total = report.totals
    assert total.activities == sum(s.activities for s in report.summary)
    assert total.overdue == sum(s.overdue for s in report.summary)
    for fmt in ("table", "md"):
        assert f"Всего {total.activities} мероприятий" in render(report, fmt, width=200).decode("utf-8")


# -- postponements --------------------------------------------------------------------------

@pytest.fixture
def postponed(tmp_path) -> Path:
    """Баунт with row 1 («Март 2021 года») postponed on 25.03.2021 to December; as of
    10.12.2021 the new deadline is due in 21 days."""
    path = tmp_path / "baunt.yaml"
    path.write_bytes((ROADMAPS / "baunt-2021-2022.yaml").read_bytes())
    request = MarkRequest("1", date(2021, 3, 25), postpone="Декабрь 2021 года", reason="Состав команды не утверждён")
    path.write_bytes(mark_activity(read_source(path), request).data)
    return path


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_postponed_deadline_shows_in_every_format(postponed, fmt):
    report = build_report([load_roadmap(str(postponed))], date(2021, 12, 10))
    data = render(report, fmt, width=400)
    if fmt == "json":
        [item] = [i for i in json.loads(data)["items"] if i["number"] == "1"]
        assert item["kind"] == "upcoming"
        assert item["postponements"] == [
            {"previous": "Март 2021 года", "date": "2021-03-25", "reason": "Состав команды не утверждён"},
        ]
        return
    if fmt == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(data))["Отчёт"]
        text = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None)
    elif fmt == "docx":
        text = "\n".join(docx_paragraphs(data))
    else:
        text = data.decode("utf-8-sig")
    text = re.sub(r"\s+", " ", text)
    assert "Срок перенесён 25.03.2021 с «Март 2021 года»: Состав команды не утверждён" in text


def test_days_agree_with_the_number():
    assert [days(n) for n in (1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 62, 101, 111, 254)] == [
        "1 день", "2 дня", "4 дня", "5 дней", "11 дней", "12 дней", "14 дней", "21 день", "22 дня", "25 дней",
        "62 дня", "101 день", "111 дней", "254 дня",
    ]


def test_report_notes_use_russian_plurals(baunt):
    notes = {(i.number, i.kind): i.note for i in baunt.items}
    assert notes[("9", "overdue")] == "нет отметки о выполнении, срок прошёл 31.05.2021; просрочка 1 день"
    assert notes[("1", "overdue")] == "нет отметки о выполнении, срок прошёл 31.03.2021; просрочка 62 дня"
    assert notes[("6", "upcoming")] == "срок 10.06.2021, через 9 дней"
    assert notes[("28", "upcoming")] == "срок 30.06.2021, через 29 дней"
    for fmt in ("table", "md", "csv", "html"):
        assert " дн." not in render(baunt, fmt, width=400).decode("utf-8-sig")
