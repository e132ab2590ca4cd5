"""The first page of a report (report.glance) and the trend (report.trend): the numbers are
counted by hand from tests/../roadmaps/baunt-2021-2022.yaml as of 01.06.2021."""

from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import ROADMAPS

from conftest import load_roadmap
from roadmapctl.report.formats import render
from roadmapctl.report.glance import glance, percent
from roadmapctl.report.items import build_report
from roadmapctl.report.trend import build_trend

AS_OF = date(2021, 6, 1)
DEPARTMENT = "МКУ «Управление образования местной администрации МО «Баунтовский эвенкийский район»"


@pytest.fixture(scope="module")
def baunt():
    return [load_roadmap(str(ROADMAPS / "baunt-2021-2022.yaml"))]


@pytest.mark.parametrize("part, whole, expected", [(13, 63, 21), (1, 63, 2), (1, 2, 50), (1, 8, 13), (0, 0, 0), (5, 5, 100)])
def test_percent_rounds_halves_up(part, whole, expected):
    assert percent(part, whole) == expected


def test_first_page_of_baunt(baunt):
    g = glance(build_report(baunt, AS_OF))
    [row] = g.rows
    # 63 activities; overdue: 1, 3, 4, 6, 8, 9, 11, 14, 15, 21, 27, 34, 44; no responsible: 9, 61
    assert (row.activities, row.done, row.overdue, row.unassigned) == (63, 0, 13, 2)
    assert (row.text("overdue"), row.text("unassigned")) == ("13 (21\u00a0%)", "2 (3\u00a0%)")
    assert sum(row.states.values()) == 63 and row.states["overdue"] == 13
    # the department is «РУО» in the tables: rows 1, 3, 4, 6, 8, 14, 21, 27; «ОО»: 4, 6, 34, 44
    assert [(p.name, p.overdue, p.most_days) for p in g.late_parties] == [
        (DEPARTMENT, 8, 142), ("ОО", 4, 142), ("ИАС РУО", 1, 62), ("ИМЦ РУО", 1, 32), ("Ответственный не указан", 1, 1),
    ]
    # row 6 "до 10 числа каждого месяца": first missed 10.01.2021, 142 days before 01.06.2021
    assert [(i.number, i.days_late) for i in g.most_late[:3]] == [("6", 142), ("8", 93), ("1", 62)]


def test_json_carries_the_first_page_and_the_groups(baunt):
    data = json.loads(render(build_report(baunt, AS_OF), "json", by="party"))
    assert data["first_page"]["late_parties"][0] == {"name": DEPARTMENT, "overdue": 8, "most_days_late": 142}
    assert data["first_page"]["total"]["overdue"] == {"count": 13, "percent": 21}
    assert data["by"] == "party" and data["groups"][-1]["title"] == "Ответственный не указан"
    unassigned = [data["items"][n] for n in data["groups"][-1]["items"]]
    assert [(i["number"], i["kind"]) for i in unassigned] == [("9", "overdue"), ("9", "unassigned"), ("61", "unassigned")]
    assert data["roadmaps"][0]["title"].startswith("МУНИЦИПАЛЬНЫЙ ПРОЕКТ («ДОРОЖНАЯ КАРТА»)")


def test_trend_between_two_days(baunt):
    trend = build_trend(build_report(baunt, date(2021, 4, 1)), build_report(baunt, AS_OF))
    # overdue on 01.04.2021 already: 1, 3, 4, 6, 8, 15, 21 (deadlines up to 31.03.2021)
    assert [c.number for c in trend.of("overdue")] == ["9", "11", "14", "27", "34", "44"]
    assert trend.of("done") == [] and trend.of("postponed") == []
    assert trend.heading == "Изменения с 01.04.2021 по 01.06.2021"


def test_trend_sees_a_done_activity_and_a_postponement(tmp_path):
    from roadmapctl.loading import read_source
    from roadmapctl.mark import MarkRequest, mark_activity

    path = tmp_path / "Баунт с отметками.yaml"
    path.write_bytes((ROADMAPS / "baunt-2021-2022.yaml").read_bytes())
    for request in (
        MarkRequest("3", date(2021, 5, 20), explicit_date=True, status="выполнено", note="Карта утверждена"),
        MarkRequest("14", date(2021, 5, 10), postpone="Сентябрь 2021 года", reason="Нет данных мониторинга"),
        MarkRequest("1", date(2021, 3, 1), postpone="Декабрь 2021 года", reason="Состав не утверждён"),
    ):
        path.write_bytes(mark_activity(read_source(path), request).data)
    roadmaps = [load_roadmap(str(path))]
    trend = build_trend(build_report(roadmaps, date(2021, 4, 1)), build_report(roadmaps, AS_OF))
    assert [(c.number, c.detail) for c in trend.of("done")] == [("3", "выполнено 20.05.2021")]
    # 14 is postponed (on 10.05.2021, inside the period) to September: neither overdue nor new;
    # 1 was postponed on 01.03.2021, before the period
    assert [c.number for c in trend.of("postponed")] == ["14"]
    assert trend.of("postponed")[0].detail == "10.05.2021: с «Апрель 2021 года»; Нет данных мониторинга"
    assert [c.number for c in trend.of("overdue")] == ["9", "11", "27", "34", "44"]


def test_cli_since_and_the_refusals(tmp_path, cli):
    def run(*args):
        return cli("report", *args)

    baunt = ROADMAPS / "baunt-2021-2022.yaml"
    code, out, err = run(baunt, "--as-of", "2021-06-01", "--since", "01.04.2021", "-f", "json", "--by", "состоянию")
    assert code == 0, err
    data = json.loads(out)
    assert [c["number"] for c in data["trend"]["overdue"]] == ["9", "11", "14", "27", "34", "44"]
    assert data["by"] == "status" and data["groups"][0]["title"] == "Просрочено"
    code, _out, err = run(baunt, "--as-of", "2021-06-01", "--since", "2021-04-01", "-f", "csv", "-o", tmp_path / "r.csv")
    assert code == 2 and "в CSV помещается одна таблица" in err and "Traceback" not in err
    code, _out, err = run(baunt, "--as-of", "2021-06-01", "--since", "2021-06-01")
    assert code == 2 and "--since: дата 2021-06-01 должна быть раньше даты отчёта (01.06.2021)" in err
    code, _out, err = run(baunt, "--by", "школам")
    assert code == 2 and "неизвестная группировка «школам»" in err
