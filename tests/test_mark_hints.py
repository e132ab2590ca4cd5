"""mark.hints: what mark tells the user after an edit, as values. Expected texts by hand."""

from __future__ import annotations

from datetime import date

from conftest import SMALL_ROADMAP
from conftest import load_roadmap
from roadmapctl.mark import MarkRequest, mark_warnings

TEXT = SMALL_ROADMAP + """\
      - номер: "2."
        мероприятие: Совещания
        ответственные: [УО]
        срок: ежеквартально
"""


def roadmap(tmp_path, text=TEXT):
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    return load_roadmap(str(path))


def request(number, **fields):
    return MarkRequest(number=number, on=date(2021, 4, 1), **fields)


def test_a_covered_date_that_is_a_deadline_says_nothing(tmp_path):
    assert mark_warnings(roadmap(tmp_path), request("2", covers=date(2021, 6, 30)), "2.") == []


def test_a_covered_date_that_is_no_deadline_lists_the_deadlines(tmp_path):
    assert mark_warnings(roadmap(tmp_path), request("2", covers=date(2021, 6, 15)), "2.") == [
        "дата 15.06.2021 не совпадает ни с одним сроком мероприятия (31.03.2021, 30.06.2021, 30.09.2021, "
        "31.12.2021, 31.03.2022, 30.06.2022, 30.09.2022, 31.12.2022)"
    ]


def test_a_covered_date_of_another_table_is_not_looked_at(tmp_path):
    assert mark_warnings(roadmap(tmp_path), request("2", covers=date(2021, 6, 15), table=2), "2.") == []


def test_a_new_deadline_that_is_not_understood(tmp_path):
    hints = mark_warnings(roadmap(tmp_path), request("1", postpone="когда-нибудь потом", reason="нет"), "1.")
    assert hints == [
        "новый срок «когда-нибудь потом» не распознан; проверьте его: "
        "roadmapctl explain --period \"2021-2022\" \"когда-нибудь потом\""
    ]


def test_a_new_deadline_that_is_understood_says_nothing_and_covers_is_then_not_checked(tmp_path):
    hints = mark_warnings(roadmap(tmp_path), request("1", postpone="Июнь 2021 года", reason="нет", covers=date(2021, 6, 15)), "1.")
    assert hints == []


def test_no_hints_when_the_period_cannot_be_read(tmp_path):
    text = TEXT.replace("период: 2021-2022", "период: когда-то")
    assert mark_warnings(roadmap(tmp_path, text), request("1", postpone="когда-нибудь потом"), "1.") == []
