"""Every deadline text of the seeds (docs/deadlines.md, "Сроки исходных дорожных карт и их
чтение"), with the expected reading written out by hand from the rules — not computed by the
code under test.  The same table feeds benchmarks/bench_deadlines.py, and the document's table
must agree with it row by row."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from roadmapctl.deadlines import Kind, Period, read_deadline

D = date.fromisoformat

P2021_2022 = Period(D("2021-01-01"), D("2022-12-31"), False, "2021-2022")
PERIODS = {
    "000": P2021_2022,  # "на 2021 - 2022 годы"
    "001": P2021_2022,  # "на 2021-2022 гг."
    "002": Period(D("2020-09-01"), D("2021-08-31"), True, "2020-2021 учебный год"),
    "003": Period(D("2022-01-01"), D("2023-12-31"), False, "2022-2023"),
    "004": Period(D("2020-01-01"), D("2023-12-31"), False, "2020-2023"),
}

ONCE, MILESTONES, RANGE = Kind.ONCE, Kind.MILESTONES, Kind.RANGE
RECURRING, CONTINUOUS, SCHEDULE = Kind.RECURRING, Kind.CONTINUOUS, Kind.SCHEDULE
COMPOUND, MISSING = Kind.COMPOUND, Kind.MISSING

QUARTERS_2021_2022 = ("2021-03-31 2021-06-30 2021-09-30 2021-12-31 "
                      "2022-03-31 2022-06-30 2022-09-30 2022-12-31")
QUARTERS_2022_2023 = ("2022-03-31 2022-06-30 2022-09-30 2022-12-31 "
                      "2023-03-31 2023-06-30 2023-09-30 2023-12-31")

# (seed, text, kind, start, due, dates (space separated), warning codes)
SEED_CASES = [
    # ---- 000, period 2021-01-01 … 2022-12-31 -------------------------------------------------
    ("000", "Март 2021 года", ONCE, None, "2021-03-31", "2021-03-31", ""),
    ("000", "постоянно", CONTINUOUS, "2021-01-01", "2022-12-31", "2022-12-31", ""),
    ("000", "По отделному графику", SCHEDULE, None, None, "", "typo"),
    # rule 6: the 10th of each month, 24 months
    ("000", "До 10 числа каждого месяца", RECURRING, None, "2022-12-10",
     "2021-01-10 2021-02-10 2021-03-10 2021-04-10 2021-05-10 2021-06-10 "
     "2021-07-10 2021-08-10 2021-09-10 2021-10-10 2021-11-10 2021-12-10 "
     "2022-01-10 2022-02-10 2022-03-10 2022-04-10 2022-05-10 2022-06-10 "
     "2022-07-10 2022-08-10 2022-09-10 2022-10-10 2022-11-10 2022-12-10", ""),
    ("000", "В соответствии с планом мероприятий МО и НРБ", SCHEDULE, None, None, "", ""),
    # The text names a plan (rule 8) AND a recurrence (rule 6).  The plan only says who sets
    # the exact days; the rhythm "1 раз в 2 месяца" is computable, and rule 8 is for texts
    # where "no date can be computed".  So: recurring, every 2 months counting from P0's
    # month (end of months P0+1, P0+3, …), the plan kept as a note.
    ("000", "В соответствии с планом работы 1 раз в 2 месяца", RECURRING, None, "2022-12-31",
     "2021-02-28 2021-04-30 2021-06-30 2021-08-31 2021-10-31 2021-12-31 "
     "2022-02-28 2022-04-30 2022-06-30 2022-08-31 2022-10-31 2022-12-31", ""),
    ("000", "Май 2021 года", ONCE, None, "2021-05-31", "2021-05-31", ""),
    ("000", "Апрель 2021 года", ONCE, None, "2021-04-30", "2021-04-30", ""),
    ("000", "В соответствии со сроками реализации национального проекта «Образования»",
     SCHEDULE, None, None, "", ""),
    ("000", "ежеквартально", RECURRING, None, "2022-12-31", QUARTERS_2021_2022, ""),
    ("000", "В течение года", CONTINUOUS, "2021-01-01", "2022-12-31", "2022-12-31", ""),
    # compound: once 2021-05-31 + the quarterly occurrences; start = the earliest date
    ("000", "Фронтальный – май 2021 года Выборочный - ежеквартально", COMPOUND, "2021-03-31",
     "2022-12-31", "2021-03-31 2021-05-31 2021-06-30 2021-09-30 2021-12-31 "
     "2022-03-31 2022-06-30 2022-09-30 2022-12-31", ""),
    ("000", "В соответствии с отдельным планом", SCHEDULE, None, None, "", ""),
    ("000", "Июнь 2021 года", ONCE, None, "2021-06-30", "2021-06-30", ""),
    ("000", "К 01 сентября 2021 года", ONCE, None, "2021-09-01", "2021-09-01", ""),
    ("000", "Май 2021 года, январь 2022 года", MILESTONES, None, "2022-01-31",
     "2021-05-31 2022-01-31", ""),
    ("000", "Сентябрь 2022 года", ONCE, None, "2022-09-30", "2022-09-30", ""),
    ("000", "Ноябрь 2022 года", ONCE, None, "2022-11-30", "2022-11-30", ""),
    ("000", "Сентябрь 2021 года", ONCE, None, "2021-09-30", "2021-09-30", ""),
    ("000", "", MISSING, None, None, "", "missing"),
    # ---- 001, period 2021-01-01 … 2022-12-31 -------------------------------------------------
    # "февраль, 2021г" is February 2021 (a year after a comma belongs to the month);
    # "реализация до 2022 года" is read inclusively (rule 2) → 31.12.2022; two dates → milestones
    ("001", "февраль, 2021г, реализация до 2022 года", MILESTONES, None, "2022-12-31",
     "2021-02-28 2022-12-31", "inclusive_reading"),
    ("001", "Январь, 2021 г., реализация до 2022 года", MILESTONES, None, "2022-12-31",
     "2021-01-31 2022-12-31", "inclusive_reading"),
    ("001", "Март, 2021 г.", ONCE, None, "2021-03-31", "2021-03-31", ""),
    ("001", "В течение всего срока", CONTINUOUS, "2021-01-01", "2022-12-31", "2022-12-31", ""),
    ("001", "февраль, 2021г. Сентябрь, 2021 г.", MILESTONES, None, "2021-09-30",
     "2021-02-28 2021-09-30", ""),
    ("001", "Апрель, 2021 Май, 2022", MILESTONES, None, "2022-05-31", "2021-04-30 2022-05-31", ""),
    # continuous over the period plus a once in October 2021
    ("001", "В течение всего срока Октябрь 2021", COMPOUND, "2021-01-01", "2022-12-31",
     "2021-10-31 2022-12-31", ""),
    # "Апрель – Июнь-июль": a chain of dashes (April, then June-July: the analysis of the
    # 2020-2021 school year's results, VPR in April, OGE/EGE in June-July) is one window from
    # the first element's start to the last element's end; the year is inferred (rule 3):
    # the first April in the period is April 2021.
    ("001", "Апрель – Июнь-июль", RANGE, "2021-04-01", "2021-07-31", "2021-07-31",
     "year_inferred"),
    ("001", "август", ONCE, None, "2021-08-31", "2021-08-31", "year_inferred"),
    ("001", "сентябрь", ONCE, None, "2021-09-30", "2021-09-30", "year_inferred"),
    ("001", "В процессе работы", CONTINUOUS, "2021-01-01", "2022-12-31", "2022-12-31", ""),
    ("001", "Декабрь", ONCE, None, "2021-12-31", "2021-12-31", "year_inferred"),
    ("001", "ноябрь-декабрь", RANGE, "2021-11-01", "2021-12-31", "2021-12-31", "year_inferred"),
    ("001", "декабрь", ONCE, None, "2021-12-31", "2021-12-31", "year_inferred"),
    ("001", "ежегодно", RECURRING, None, "2022-12-31", "2021-12-31 2022-12-31", ""),
    ("001", "постоянно", CONTINUOUS, "2021-01-01", "2022-12-31", "2022-12-31", ""),
    # a school year in a roadmap of calendar years: which one is not said, so a warning
    ("001", "В течение учебного года", CONTINUOUS, "2021-01-01", "2022-12-31", "2022-12-31", "year_inferred"),
    ("001", "Ноябрь 2021 год Декабрь 2022 год", MILESTONES, None, "2022-12-31",
     "2021-11-30 2022-12-31", ""),
    # two windows → milestones at their ends (the windows are kept as parts)
    ("001", "Сентябрь-декабрь 2021 год, Январь-март 2022 год", MILESTONES, None, "2022-03-31",
     "2021-12-31 2022-03-31", ""),
    ("001", "Апрель, 2021 год", ONCE, None, "2021-04-30", "2021-04-30", ""),
    ("001", "июнь 2021 год", ONCE, None, "2021-06-30", "2021-06-30", ""),
    ("001", "Август, 2021 год", ONCE, None, "2021-08-31", "2021-08-31", ""),
    ("001", "Январь, 2022 год", ONCE, None, "2022-01-31", "2022-01-31", ""),
    ("001", "Ноябрь 2021 г.", ONCE, None, "2021-11-30", "2021-11-30", ""),
    ("001", "По графику ИРО и ОРЦОКО", SCHEDULE, None, None, "", ""),
    ("001", "2022 год", ONCE, None, "2022-12-31", "2022-12-31", ""),
    ("001", "Декабрь 2021 год", ONCE, None, "2021-12-31", "2021-12-31", ""),
    ("001", "Декабрь 2022 год", ONCE, None, "2022-12-31", "2022-12-31", ""),
    ("001", "", MISSING, None, None, "", "missing"),
    # ---- 002, period 2020-09-01 … 2021-08-31 (academic year) --------------------------------
    ("002", "Декабрь 2020", ONCE, None, "2020-12-31", "2020-12-31", ""),
    ("002", "Февраль 2021", ONCE, None, "2021-02-28", "2021-02-28", ""),
    ("002", "Декабрь 2020, июнь 2021", MILESTONES, None, "2021-06-30", "2020-12-31 2021-06-30", ""),
    ("002", "Апрель 2021", ONCE, None, "2021-04-30", "2021-04-30", ""),
    ("002", "Июнь 2021", ONCE, None, "2021-06-30", "2021-06-30", ""),
    ("002", "Июль 2021", ONCE, None, "2021-07-31", "2021-07-31", ""),
    ("002", "Ноябрь 2020", ONCE, None, "2020-11-30", "2020-11-30", ""),
    ("002", "В течение учебного года", CONTINUOUS, "2020-09-01", "2021-08-31", "2021-08-31", ""),
    ("002", "Октябрь 2020", ONCE, None, "2020-10-31", "2020-10-31", ""),
    ("002", "Май 2021", ONCE, None, "2021-05-31", "2021-05-31", ""),
    ("002", "Сентябрь-октябрь 2020", RANGE, "2020-09-01", "2020-10-31", "2020-10-31", ""),
    ("002", "Март 2021", ONCE, None, "2021-03-31", "2021-03-31", ""),
    ("002", "Сентябрь 2020", ONCE, None, "2020-09-30", "2020-09-30", ""),
    ("002", "Январь 2021", ONCE, None, "2021-01-31", "2021-01-31", ""),
    ("002", "В течение 2020-2021 учебного года (по индивидуальным планам работы, в соответствии "
     "с договором о партнёрском взаимодействии)", CONTINUOUS, "2020-09-01", "2021-08-31",
     "2021-08-31", ""),
    # ---- 003, period 2022-01-01 … 2023-12-31 -------------------------------------------------
    ("003", "Постоянно", CONTINUOUS, "2022-01-01", "2023-12-31", "2023-12-31", ""),
    ("003", "Постоянно (по графику ОО)", CONTINUOUS, "2022-01-01", "2023-12-31", "2023-12-31", ""),
    ("003", "Ежегодно", RECURRING, None, "2023-12-31", "2022-12-31 2023-12-31", ""),
    ("003", "По графику", SCHEDULE, None, None, "", ""),
    ("003", "Февраль 2022", ONCE, None, "2022-02-28", "2022-02-28", ""),
    ("003", "Ежегодно (сентябрь)", RECURRING, None, "2023-09-30", "2022-09-30 2023-09-30", ""),
    ("003", "Ежегодно (май)", RECURRING, None, "2023-05-31", "2022-05-31 2023-05-31", ""),
    ("003", "1 раз в квартал", RECURRING, None, "2023-12-31", QUARTERS_2022_2023, ""),
    ("003", "Ежегодно (июль)", RECURRING, None, "2023-07-31", "2022-07-31 2023-07-31", ""),
    ("003", "1 раз в год", RECURRING, None, "2023-12-31", "2022-12-31 2023-12-31", ""),
    # ---- 004, period 2020-01-01 … 2023-12-31 -------------------------------------------------
    ("004", "Июнь 2020 г.", ONCE, None, "2020-06-30", "2020-06-30", ""),
    ("004", "Июнь 2020 года", ONCE, None, "2020-06-30", "2020-06-30", ""),
    ("004", "В течение учебного года", CONTINUOUS, "2020-01-01", "2023-12-31", "2023-12-31", "year_inferred"),
    ("004", "3 квартал 2020", ONCE, None, "2020-09-30", "2020-09-30", ""),
    ("004", "Сентябрь 2020г февраль, май 2021г", MILESTONES, None, "2021-05-31",
     "2020-09-30 2021-02-28 2021-05-31", ""),
    ("004", "В течение года", CONTINUOUS, "2020-01-01", "2023-12-31", "2023-12-31", ""),
    ("004", "Не реже 2 раз в год", RECURRING, None, "2023-12-31",
     "2020-06-30 2020-12-31 2021-06-30 2021-12-31 2022-06-30 2022-12-31 "
     "2023-06-30 2023-12-31", ""),
    ("004", "Ноябрь 2020, май 2021, по графику", COMPOUND, "2020-11-30", "2021-05-31",
     "2020-11-30 2021-05-31", ""),
    ("004", "Июль 2020г", ONCE, None, "2020-07-31", "2020-07-31", ""),
    ("004", "Октябрь – май", RANGE, "2020-10-01", "2021-05-31", "2021-05-31", "year_inferred"),
    # once in Q2 2020 + continuous over the whole period
    ("004", "2 квартал 2020 В течение года", COMPOUND, "2020-01-01", "2023-12-31",
     "2020-06-30 2023-12-31", ""),
    ("004", "Ноябрь-декабрь 2020, апрель – май 2021", MILESTONES, None, "2021-05-31",
     "2020-12-31 2021-05-31", ""),
    ("004", "Май 2021", ONCE, None, "2021-05-31", "2021-05-31", ""),
    ("004", "Сентябрь 2020, май 2021", MILESTONES, None, "2021-05-31", "2020-09-30 2021-05-31", ""),
    ("004", "Декабрь, ежегодно", RECURRING, None, "2023-12-31",
     "2020-12-31 2021-12-31 2022-12-31 2023-12-31", ""),
    ("004", "Январь , ежегодно", RECURRING, None, "2023-01-31",
     "2020-01-31 2021-01-31 2022-01-31 2023-01-31", ""),
    ("004", "Февраль, ежегодно", RECURRING, None, "2023-02-28",
     "2020-02-29 2021-02-28 2022-02-28 2023-02-28", ""),
]


def _ids(case):
    return f"{case[0]}:{case[1] or '<empty>'}"


@pytest.mark.parametrize("case", SEED_CASES, ids=[_ids(c) for c in SEED_CASES])
def test_seed_phrase(case):
    seed, text, kind, start, due, dates, codes = case
    term = read_deadline(text, PERIODS[seed])
    assert term.text == text
    assert term.kind is kind
    assert term.start == (D(start) if start else None)
    assert term.due == (D(due) if due else None)
    assert term.dates == tuple(D(d) for d in dates.split())
    assert {w.code for w in term.warnings} == set(codes.split())


def test_table_has_no_duplicates():
    keys = [(c[0], c[1]) for c in SEED_CASES]
    assert len(keys) == len(set(keys))


# ---- the worked examples, part by part ---------------------------------------------------------

def test_worked_example_frontal_and_selective():
    term = read_deadline("Фронтальный – май 2021 года Выборочный - ежеквартально",
                         PERIODS["000"])
    assert [p.kind for p in term.parts] == [ONCE, RECURRING]
    once, quarterly = term.parts
    assert once.text == "Фронтальный – май 2021 года"
    assert once.due == D("2021-05-31")
    assert quarterly.text == "Выборочный - ежеквартально"
    assert quarterly.recurrence == "quarterly"
    assert quarterly.dates == tuple(D(d) for d in QUARTERS_2021_2022.split())
    assert "пояснение: Фронтальный" in once.notes


def test_worked_example_milestones_and_schedule():
    term = read_deadline("Ноябрь 2020, май 2021, по графику", PERIODS["004"])
    assert [p.kind for p in term.parts] == [MILESTONES, SCHEDULE]
    assert term.parts[0].dates == (D("2020-11-30"), D("2021-05-31"))
    assert term.due == D("2021-05-31")


def test_worked_example_october_to_may_infers_two_years():
    term = read_deadline("Октябрь – май", PERIODS["004"])
    messages = [w.message for w in term.warnings]
    assert messages == ["год не указан: принят 2020 (октябрь 2020)",
                        "год не указан: принят 2021 (май 2021)"]


def test_worked_example_august_message():
    term = read_deadline("август", PERIODS["001"])
    (warning,) = term.warnings
    assert warning.message == "год не указан: принят 2021 (август 2021)"
    assert (warning.start, warning.end) == (0, 6)


def test_typo_in_seed_is_pointed_at():
    text = "По отделному графику"
    (warning,) = read_deadline(text, PERIODS["000"]).warnings
    assert warning.message == "опечатка: «отделному» прочитано как «отдельному»"
    assert text[warning.start:warning.end] == "отделному"


def test_plan_with_recurrence_keeps_the_plan_as_note():
    term = read_deadline("В соответствии с планом работы 1 раз в 2 месяца", PERIODS["000"])
    assert term.recurrence == "every_2_months"
    assert term.notes == ("В соответствии с планом работы",)


def test_inclusive_reading_is_noted():
    term = read_deadline("февраль, 2021г, реализация до 2022 года", PERIODS["001"])
    assert "чтение включительно: до конца 2022 года" in term.notes
    assert [p.due for p in term.parts] == [D("2021-02-28"), D("2022-12-31")]


def test_parenthesis_is_a_note_not_a_part():
    term = read_deadline("Постоянно (по графику ОО)", PERIODS["003"])
    assert term.parts == ()
    assert term.notes == ("по графику ОО",)


def test_describe_lines_of_seed_phrases():
    assert read_deadline("Март 2021 года", PERIODS["000"]).describe() == "однократно: 31.03.2021"
    assert read_deadline("постоянно", PERIODS["000"]).describe() == \
        "постоянно: 01.01.2021–31.12.2022"
    assert read_deadline("По графику", PERIODS["003"]).describe() == \
        "по графику: срок не определён"
    assert read_deadline("ежеквартально", PERIODS["000"]).describe() == (
        "раз в квартал: 31.03.2021, 30.06.2021, 30.09.2021, …, 31.12.2022 (всего 8 дат)")
    assert read_deadline("Сентябрь-декабрь 2021 год, Январь-март 2022 год",
                         PERIODS["001"]).describe() == (
        "несколько сроков: 01.09.2021–31.12.2021, 01.01.2022–31.03.2022")


# ---- docs/deadlines.md lists every phrase and reads it as this table does -----------------------

DOCS = Path(__file__).resolve().parents[1] / "docs" / "deadlines.md"


def _documented_rows(markdown: str) -> dict[tuple[str, str], tuple]:
    """The rows of the table under "Сроки исходных дорожных карт и их чтение":
    (seed, text) → (kind, start, due, dates, warning codes), as written in the document."""
    section = markdown.split("## Сроки исходных дорожных карт и их чтение", 1)[1]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 7 or not re.fullmatch(r"\d{3}", cells[0]):
            continue
        seed, text, kind, start, due, dates, codes = cells
        text = "" if text == "(пусто)" else text
        dash = lambda v: None if v == "–" else v  # noqa: E731
        rows[(seed, text)] = (kind, dash(start), dash(due),
                              "" if dates == "–" else " ".join(dates.split(", ")),
                              "" if codes == "–" else " ".join(codes.split(", ")))
    return rows


def test_every_listed_phrase_is_in_the_table():
    rows = _documented_rows(DOCS.read_text(encoding="utf-8"))
    table = {(c[0], c[1]): (c[2].value, c[3], c[4], c[5], c[6]) for c in SEED_CASES}
    assert len(rows) > 90
    assert set(rows) - set(table) == set()
    assert set(table) - set(rows) == set()
    for key, documented in rows.items():
        assert documented == table[key], key
