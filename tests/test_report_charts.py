"""report/charts.py: the pictures are byte-identical for equal input, draw text as written and
carry what they show (checked in the SVG's text, which stays text)."""

from __future__ import annotations

import re
from datetime import date
from xml.etree import ElementTree

from roadmapctl.report.charts import StatusBar, TimelineRow, status_chart, timeline

SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: bytes) -> list[str]:
    return ["".join(t.itertext()) for t in ElementTree.fromstring(svg).iter(f"{SVG}text")]


def test_status_chart_shares_and_legend():
    svg = status_chart([StatusBar("Абанский район", {"overdue": 18, "pending": 12}), StatusBar("Тула", {"done": 1, "pending": 3})])
    found = texts(svg)
    assert found[:3] == ["Абанский район — 30", "60 %", "40 %"]
    assert found[3:6] == ["Тула — 4", "25 %", "75 %"]
    assert found[-5:] == ["Выполнено", "Просрочено", "Срок скоро", "Срок не определён", "Срок не наступил"]


def test_timeline_marks_every_occurrence_and_the_day():
    rows = [
        TimelineRow("6 Мониторинг", "РУО, ОО", [(date(2021, m, 10), "overdue") for m in range(1, 6)] + [(date(2021, 6, 10), "upcoming")]),
        TimelineRow("9 Формирование программ", "", [(date(2021, 5, 31), "overdue")]),
    ]
    svg = timeline(rows, date(2021, 6, 1))
    found = texts(svg)
    assert "6 Мониторинг — РУО, ОО" in found and "9 Формирование программ — ответственный не указан" in found
    assert "на 01.06.2021" in found
    # one row per activity: six marks on the first row, one on the second (markers are <use> of one path)
    assert len(re.findall(rb"<use ", svg)) >= 7 + 4  # and four in the legend


def test_equal_input_equal_bytes_and_text_as_written():
    rows = [TimelineRow("1 Бюджет $x^2$ \x01 конец", "УО", [(date(2021, 3, 1), "done")], date(2021, 1, 1))]
    for fmt in ("svg", "png"):
        assert timeline(rows, date(2021, 6, 1), fmt) == timeline(rows, date(2021, 6, 1), fmt)
        assert status_chart([StatusBar("X", {"done": 1})], fmt) == status_chart([StatusBar("X", {"done": 1})], fmt)
    assert "1 Бюджет $x^2$   конец — УО" in texts(timeline(rows, date(2021, 6, 1)))
    svg = timeline(rows, date(2021, 6, 1)).decode("utf-8")
    assert svg.startswith("<svg") and "dc:date" not in svg and "Matplotlib v" not in svg


def test_timeline_at_the_ends_of_the_calendar():
    rows = [TimelineRow("1 Вечно", "УО", [(date(9999, 12, 31), "pending")], date(1, 1, 1))]
    assert texts(timeline(rows, date(9999, 12, 31)))  # no overflow, a few ticks
