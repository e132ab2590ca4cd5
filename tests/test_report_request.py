"""report.request and Report.present: the words of a report request read as values, and the kinds
a CI run fails on. Expected values by hand."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import SMALL_ROADMAP
from conftest import load_roadmap
from roadmapctl.report.items import build_report
from roadmapctl.report.request import RequestError, party_selection, read_grouping, read_kinds



def roadmap(tmp_path, name, parties="", responsible="[УО]"):
    path = tmp_path / name
    text = SMALL_ROADMAP.replace("  УО:\n", "  УО:\n" + parties).replace("[УО]", responsible)
    path.write_text(text, encoding="utf-8")
    return load_roadmap(str(path))



def test_kinds_in_english_and_russian_once_each_in_the_order_given():
    assert read_kinds(["просрочено,done", " Overdue ", "без-срока,,"]) == ["overdue", "done", "undated"]
    assert read_kinds([]) == []


def test_an_unknown_kind_names_the_known_ones():
    with pytest.raises(RequestError) as caught:
        read_kinds(["overdue,всё"])
    assert str(caught.value) == "неизвестный вид «всё»; допустимы: overdue, unassigned, undated, upcoming, stale, done"


@pytest.mark.parametrize("text, grouping", [
    (None, "kind"), ("party", "party"), (" Участникам ", "party"), ("карта", "roadmap"), ("разделам", "section"),
    ("status", "status"), ("состоянию", "status"), ("municipality", "municipality"), ("Муниципалитетам", "municipality"),
])
def test_groupings(text, grouping):
    assert read_grouping(text) == grouping


def test_an_unknown_grouping():
    with pytest.raises(RequestError) as caught:
        read_grouping("школа")
    assert str(caught.value) == "неизвестная группировка «школа»; допустимы: party, section, status, municipality, roadmap, kind"


def test_a_party_keeps_the_roadmaps_that_know_it_and_selects_its_activities(tmp_path):
    first = roadmap(tmp_path, "a.yaml")
    second = roadmap(tmp_path, "b.yaml", "  ИМЦ:\n", "[ИМЦ]")
    kept, select = party_selection([first, second], "имц")
    assert kept == [second]
    assert [select(second)(placed) for placed in second.placed_activities()] == [True]


def test_an_unknown_party_suggests_similar_names(tmp_path):
    roadmaps = [roadmap(tmp_path, "a.yaml", "  ИМЦ:\n")]
    with pytest.raises(RequestError) as caught:
        party_selection(roadmaps, "ИМЦЦ")
    assert str(caught.value) == "участник «ИМЦЦ» не найден ни в одной дорожной карте; похожие: ИМЦ"
    with pytest.raises(RequestError) as caught:
        party_selection(roadmaps, "Министерство")
    assert str(caught.value) == "участник «Министерство» не найден ни в одной дорожной карте"


def test_present_kinds_count_whether_shown_or_not(tmp_path):
    report = build_report([roadmap(tmp_path, "a.yaml")], date(2021, 6, 1), kinds=["done"])
    assert report.present(["unassigned", "overdue", "done"]) == ["overdue"]
    assert report.present([]) == []
