"""Reports once progress is recorded (with `mark` on copies of the real roadmaps), the as-of
semantics, and a party's view. Expected sets are written by hand from the roadmaps."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import ROADMAPS
from conftest import load_roadmap
from roadmapctl.mark import MarkRequest, mark_activity
from roadmapctl.loading import read_source
from roadmapctl.report.formats.common import completion_lines
from roadmapctl.report.items import build_report
from roadmapctl.report.parties import is_generic_school_group, resolve

BAUNT = ROADMAPS / "baunt-2021-2022.yaml"


def apply(path: Path, *requests: MarkRequest) -> None:
    for request in requests:
        path.write_bytes(mark_activity(read_source(path), request).data)


@pytest.fixture
def baunt(tmp_path) -> Path:
    path = tmp_path / "baunt.yaml"
    path.write_bytes(BAUNT.read_bytes())
    return path


def kinds_of(path: Path, number: str, as_of: date) -> dict[str, object]:
    report = build_report([load_roadmap(str(path))], as_of)
    return {i.kind: i for i in report.items if i.number == number}


def test_marks_meet_monthly_occurrences_in_their_window_or_by_naming_them(baunt):
    # row 6 "До 10 числа каждого месяца": a mark on 09.01 meets 10.01; a late mark naming 10.02 meets it;
    # a mark on 15.03 falls in the window of 10.04 (after 10.03, up to 10.04), so 10.03 stays missed.
    apply(baunt,
          MarkRequest("6", date(2021, 1, 9), note="Мониторинг за декабрь"),
          MarkRequest("6", date(2021, 3, 1), note="Мониторинг за январь", covers=date(2021, 2, 10)),
          MarkRequest("6", date(2021, 3, 15), note="Мониторинг за февраль"))
    item = kinds_of(baunt, "6", date(2021, 6, 1))["overdue"]
    assert [d.isoformat() for d in item.missed] == ["2021-03-10", "2021-05-10"]
    assert item.days_late == 83  # from 10.03.2021
    # the marks made after the report date do not count
    early = kinds_of(baunt, "6", date(2021, 2, 20))["overdue"]
    assert [d.isoformat() for d in early.missed] == ["2021-02-10"]


def test_done_is_done_only_from_its_date(baunt):
    apply(baunt, MarkRequest("1", date(2021, 4, 10), explicit_date=True, status="выполнено"))
    assert set(kinds_of(baunt, "1", date(2021, 6, 1))) == {"done"}
    before = kinds_of(baunt, "1", date(2021, 4, 5))  # due 31.03, done on 10.04
    assert set(before) == {"overdue"} and before["overdue"].days_late == 5
    assert set(kinds_of(baunt, "1", date(2021, 3, 20))) == {"upcoming"}


def test_cancelled_activity_gives_no_item(baunt):
    apply(baunt, MarkRequest("9", date(2021, 5, 1), status="отменено"))
    assert kinds_of(baunt, "9", date(2021, 6, 1)) == {}  # neither overdue nor unassigned
    summary = build_report([load_roadmap(str(baunt))], date(2021, 6, 1)).summary[0]
    assert (summary.overdue, summary.unassigned, summary.cancelled) == (12, 1, 1)


def test_stale_after_a_quarter_without_marks(baunt):
    # row 2 "постоянно", in progress, last mark 01.02.2021: stale from 02.05.2021
    apply(baunt, MarkRequest("2", date(2021, 2, 1), status="в работе", note="Собраны данные за январь"))
    assert "stale" not in kinds_of(baunt, "2", date(2021, 5, 1))
    stale = kinds_of(baunt, "2", date(2021, 5, 2))["stale"]
    assert stale.last_mark == date(2021, 2, 1)
    # row 10 "Постоянно", in progress with no mark: counted from the start of the period (01.01.2021)
    apply(baunt, MarkRequest("10", date(2021, 1, 1), status="в работе"))
    assert "stale" not in kinds_of(baunt, "10", date(2021, 4, 1))
    assert "stale" in kinds_of(baunt, "10", date(2021, 4, 2))


def test_postponed_deadline_counts_and_the_history_is_shown(baunt):
    apply(baunt, MarkRequest("1", date(2021, 3, 25), postpone="Декабрь 2021 года", reason="Состав команды не утверждён"))
    roadmap = load_roadmap(str(baunt))
    report = build_report([roadmap], date(2021, 6, 1))
    assert "1" not in {i.number for i in report.items if i.kind == "overdue"}
    row = next(r for r in report.roadmaps[0].rows if r.placed.activity.number == "1")
    assert completion_lines(row, date(2021, 6, 1)) == [
        "Срок перенесён 25.03.2021 с «Март 2021 года»: Состав команды не утверждён",
    ]


def test_completion_lines_of_a_done_activity_with_a_mark(baunt):
    apply(baunt, MarkRequest("4", date(2021, 3, 30), explicit_date=True, status="выполнено", note="Страница создана",
                             link="https://example.ru/500plus"))
    report = build_report([load_roadmap(str(baunt))], date(2021, 6, 1))
    row = next(r for r in report.roadmaps[0].rows if r.placed.activity.number == "4")
    assert completion_lines(row, date(2021, 6, 1)) == [
        "Выполнено 30.03.2021", "30.03.2021 — Страница создана (https://example.ru/500plus)",
    ]


# --- a party's view --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mtsensk():
    return load_roadmap(str(ROADMAPS / "mtsensk-2021-2022.yaml"))


@pytest.fixture(scope="module")
def aban():
    return load_roadmap(str(ROADMAPS / "aban-2020-2023.yaml"))


def view(roadmap, query):
    chosen = resolve(roadmap, query).select(roadmap)
    return {p.activity.number for p in roadmap.placed_activities() if chosen(p)}


def test_target_school_sees_its_rows_and_the_generic_groups(mtsensk):
    # named directly, through "Педагоги-психологи МБОУ «Средняя школа №2», …" (2.2, 2.3), or through the
    # generic groups "Общеобразовательные учреждения" (1.5), "ОО" (4.2, 6.2), "Администрация ОО" (4.4).
    # Not: 1.6 (ГМО), 4.7.x and 7.2 (the department only), 4.9 (school №1, ГМО), 6.1 ("Сош №2, №3", another
    # spelling that the directory does not tie to this school).
    assert view(mtsensk, "МБОУ «Средняя школа №2»") == {
        "1.1.", "1.2.", "1.3.", "1.4.", "1.5.",
        "2.1.", "2.2.", "2.3.", "2.4.",
        "3.1.", "3.2.", "3.3.", "3.4.", "3.5.", "3.6.", "3.7.", "3.8.", "3.9.",
        "4.1.", "4.2.", "4.3.", "4.4.", "4.5.", "4.6.1.", "4.8.", "4.10.", "4.11.", "4.12.", "4.13.",
        "6.2.", "7.1.",
    }
    # the full name from the directory and a different spelling of the quotes and № mean the same
    assert view(mtsensk, "МБОУ г.Мценска «Средняя школа №2»") == view(mtsensk, 'мбоу "средняя школа № 2"')


def test_partner_school_sees_only_rows_that_name_it(mtsensk):
    assert view(mtsensk, "МБОУ «Средняя школа №9»") == {"1.3.", "4.6.1.", "4.8.", "4.13."}


def test_authority_short_and_full_names_are_one_party(aban):
    expected = {"1.", "2.", "3.", "7.", "8.", "9.", "10.", "11.", "13.", "14.", "16.", "20.", "21.", "22.",
                "23.", "24.", "25.", "26.", "27", "29", "30", "31"}
    assert view(aban, "УО") == expected
    assert view(aban, "Управление образования администрации Абанского района") == expected


def test_aban_school_director_sees_every_row_of_the_school_groups(aban):
    # every row has "руководители ОО", "администрация ОО" or "административные команды ОО" except 1 and 3
    # (УО, МКУ «ИМС») and 4 (three named people)
    everything = {p.activity.number for p in aban.placed_activities()}
    assert view(aban, "Абанская ООШ №1") == everything - {"1.", "3.", "4."}


def test_unknown_party_resolves_to_nothing(aban):
    assert not resolve(aban, "Министерство просвещения").found


@pytest.mark.parametrize("name, generic", [
    ("ОО", True), ("руководители ОО", True), ("Руководители общеобразовательных организаций", True),
    ("общеобразовательные организации", True), ("Административные команды ОО", True), ("Общеобразовательные учреждения", True),
    ("руководители общественных организаций", False), ("ГМО", False), ("МБОУ «Средняя школа №2»", False), ("УО", False),
])
def test_generic_school_groups(name, generic):
    assert is_generic_school_group(name) is generic


def test_aliases_are_resolved(tmp_path):
    text = BAUNT.read_text(encoding="utf-8").replace("  ИАС РУО:\n    вид: организация\n",
                                                      "  ИАС РУО:\n    вид: организация\n    синонимы: [Аналитическая служба]\n")
    path = tmp_path / "b.yaml"
    path.write_text(text, encoding="utf-8")
    roadmap = load_roadmap(str(path))
    assert view(roadmap, "Аналитическая служба") == {"15"}
