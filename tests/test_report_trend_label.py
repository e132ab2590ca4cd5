"""The first cell of a trend row (report --since) is built by one function, Change.label, for
every format; the expected labels are written by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from conftest import ROADMAPS, load_roadmap

from roadmapctl.report.formats import render
from roadmapctl.report.items import build_report
from roadmapctl.report.trend import Change, build_trend


def _change(municipality: str, number: str, file: str = "roadmaps/карта.yaml") -> Change:
    return Change("overdue", file, municipality, number, "Мероприятие", "просрочено")


@pytest.mark.parametrize("change, many, expected", [
    (_change("Мценский район", "4.6.1."), False, "4.6.1."),
    (_change("Мценский район", "4.6.1."), True, "Мценский район, 4.6.1."),
    # no municipality: the file's name tells the roadmaps apart, never a lone ", 4.6.1."
    (_change("", "4.6.1."), True, "карта.yaml, 4.6.1."),
    (_change("", "2", "C:\\Users\\Методист\\Дорожные карты\\моя карта.yaml"), True,
     "моя карта.yaml, 2"),
    (_change("", "2", "C:\\Users\\Методист\\моя карта.yaml"), False, "2"),
    # no number
    (_change("Мценский район", ""), True, "Мценский район"),
    (_change("Мценский район", ""), False, ""),
])
def test_label(change, many, expected):
    assert change.label(many) == expected


def test_every_format_shows_the_same_label_for_a_change_without_municipality(tmp_path):
    """Two roadmaps; the changes of one carry no municipality (a loaded roadmap always states
    one, so the changes are edited): markdown, the terminal table and the document view (DOCX
    and HTML) all show «file, number»; before, markdown showed «, 9» and the document «9»."""
    path = tmp_path / "Баунт копия.yaml"
    path.write_bytes((ROADMAPS / "baunt-2021-2022.yaml").read_bytes())
    roadmaps = [load_roadmap(str(path)), load_roadmap(str(ROADMAPS / "baunt-2021-2022.yaml"))]
    since, as_of = date(2021, 4, 1), date(2021, 6, 1)
    report = build_report(roadmaps, as_of)
    trend = build_trend(build_report(roadmaps, since), report)
    trend.changes = [replace(c, municipality="") if c.file.endswith("копия.yaml") else c
                     for c in trend.changes]
    report.trend = trend
    assert "Баунт копия.yaml, 9" in [c.label(True) for c in trend.of("overdue")]
    markdown = render(report, "md").decode("utf-8")
    assert "| Баунт копия.yaml, 9 |" in markdown and "| , 9 |" not in markdown
    assert "| МО «Баунтовский эвенкийский район», 9 |" in markdown
    table = render(report, "table").decode("utf-8")
    assert "Баунт копия.yaml, 9" in table
    html = render(report, "html").decode("utf-8")
    assert ">Баунт копия.yaml, 9<" in html
    from roadmapctl.report.formats.document import _trend

    _heading, parts = _trend(report)
    shown = [row[0] for _label, rows in parts for row in rows]
    assert shown == [c.label(True) for kind in ("done", "overdue", "postponed")
                     for c in trend.of(kind)]
