"""The school year (docs/deadlines.md, "The school year"): half-years, quarters (четверти),
trimesters, holidays, the start and end of the school year, parts of a month, footnote marks and
the year that needs no warning.  Every expectation is written out by hand from the rules."""

from __future__ import annotations

from datetime import date

import pytest

from roadmapctl.deadlines import Kind, Mark, Period, overdue_dates, parse_period, read_deadline
from roadmapctl.deadlines.calendar import SchoolCalendar, SchoolYear

D = date.fromisoformat
SCHOOL = Period(D("2025-09-01"), D("2026-08-31"), True, "2025-2026 учебный год")
CAL = Period(D("2021-01-01"), D("2022-12-31"), False, "2021-2022")
ONE_YEAR = Period(D("2026-01-01"), D("2026-12-31"), False, "2026")
ONCE, RANGE, RECURRING = Kind.ONCE, Kind.RANGE, Kind.RECURRING
CONTINUOUS, UNKNOWN, MILESTONES = Kind.CONTINUOUS, Kind.UNKNOWN, Kind.MILESTONES
TYPICAL_NOTE = "сроки учебного года — по типовому календарю"
ROADMAP_NOTE = "сроки учебного года — по учебному календарю дорожной карты"


def dates(spec: str) -> tuple[date, ...]:
    return tuple(D(d) for d in spec.split())


def reading(text: str, period: Period = SCHOOL):
    term = read_deadline(text, period)
    return term.kind, term.start, term.due


# ---- half-years of the school year -----------------------------------------------------------

@pytest.mark.parametrize("text,due", [
    ("II полугодие", "2026-05-31"),
    ("I полугодие", "2025-12-31"),
    ("2 полугодие", "2026-05-31"),
    ("1-е полугодие", "2025-12-31"),
    ("первое полугодие", "2025-12-31"),
    ("второе полугодие", "2026-05-31"),
    ("II пол-е", "2026-05-31"),
    ("1 пол-я", "2025-12-31"),
    ("2ое полугодие", "2026-05-31"),
    ("во II полугодии", "2026-05-31"),
    ("II полугодие 2025-2026 учебного года", "2026-05-31"),
    ("II полугодие 2025/2026 уч. г.", "2026-05-31"),
    ("I полуг. 2025-2026 уч.г.", "2025-12-31"),
])
def test_school_half_years(text, due):
    term = read_deadline(text, SCHOOL)
    assert (term.kind, term.due, term.dates) == (ONCE, D(due), (D(due),))
    assert term.warnings == ()
    assert TYPICAL_NOTE in term.notes


def test_a_written_school_year_makes_a_half_year_school_in_a_calendar_period():
    term = read_deadline("II полугодие 2021-2022 учебного года", CAL)
    assert (term.kind, term.due) == (ONCE, D("2022-05-31"))


@pytest.mark.parametrize("text,due", [
    ("I полугодие 2026", "2026-06-30"),
    ("II полугодие 2025 года", "2025-12-31"),
])
def test_a_written_calendar_year_keeps_a_half_year_calendar(text, due):
    term = read_deadline(text, SCHOOL)
    assert (term.kind, term.due) == (ONCE, D(due))
    assert TYPICAL_NOTE not in term.notes


def test_a_half_year_without_a_year_stays_calendar_in_a_calendar_period():
    term = read_deadline("II полугодие", CAL)
    assert (term.kind, term.due) == (ONCE, D("2021-12-31"))
    assert [w.code for w in term.warnings] == ["year_inferred"]


@pytest.mark.parametrize("text,start,due", [
    ("в течение II полугодия", "2026-01-01", "2026-05-31"),
    ("в течение I полугодия 2025-2026 учебного года", "2025-09-01", "2025-12-31"),
    ("В течение 1 четверти", "2025-09-01", "2025-10-31"),
])
def test_continuous_through_a_school_span(text, start, due):
    assert reading(text) == (CONTINUOUS, D(start), D(due))


@pytest.mark.parametrize("text", ["1 раз в полугодие", "2 раза в год", "не реже 2 раз в год",
                                  "дважды в год", "раз в полгода", "по итогам полугодия",
                                  "по полугодиям"])
def test_half_yearly_in_a_school_period(text):
    term = read_deadline(text, SCHOOL)
    assert term.kind is RECURRING
    assert term.dates == dates("2025-12-31 2026-05-31")


def test_half_yearly_in_a_calendar_period_stays_calendar():
    assert read_deadline("1 раз в полугодие", CAL).dates == dates(
        "2021-06-30 2021-12-31 2022-06-30 2022-12-31")
    assert read_deadline("2 раза в год", CAL).dates == dates(
        "2021-06-30 2021-12-31 2022-06-30 2022-12-31")


def test_a_period_from_1_september_to_31_august_is_a_school_period():
    period = parse_period("2025-09-01..2026-08-31")
    assert period.school
    assert read_deadline("1 раз в полугодие", period).dates == dates("2025-12-31 2026-05-31")


# ---- quarters (четверти) and trimesters ----------------------------------------------------------

@pytest.mark.parametrize("text,due", [
    ("I четверть", "2025-10-31"),
    ("II четверть", "2025-12-31"),
    ("III четверть", "2026-03-31"),
    ("IV четверть", "2026-05-31"),
    ("1-я четверть", "2025-10-31"),
    ("1-ая четверть", "2025-10-31"),
    ("1ая четверть", "2025-10-31"),
    ("первая четверть", "2025-10-31"),
    ("в третьей четверти", "2026-03-31"),
    ("2 четв.", "2025-12-31"),
    ("3 четв", "2026-03-31"),
    ("по итогам I четверти", "2025-10-31"),
    ("до конца III четверти", "2026-03-31"),
    ("IV четверть 2025-2026 учебного года", "2026-05-31"),
    ("IV четверть 2026 г.", "2026-05-31"),
    ("I четверть 2025 года", "2025-10-31"),
    ("I триместр", "2025-11-30"),
    ("2-й триместр", "2026-02-28"),
    ("третий триместр", "2026-05-31"),
    ("II трим.", "2026-02-28"),
])
def test_quarters_and_trimesters_of_the_school_year(text, due):
    term = read_deadline(text, SCHOOL)
    assert (term.kind, term.due) == (ONCE, D(due))
    assert term.warnings == ()


@pytest.mark.parametrize("text", ["ежечетвертно", "по итогам каждой четверти", "1 раз в четверть",
                                  "каждую четверть", "в конце каждой четверти", "конец четверти",
                                  "в конце четверти", "по четвертям", "по окончании четверти",
                                  "Ежечетвертно"])
def test_every_quarter_of_the_school_year(text):
    term = read_deadline(text, SCHOOL)
    assert term.kind is RECURRING
    assert term.recurrence == "school_squarter"
    assert term.dates == dates("2025-10-31 2025-12-31 2026-03-31 2026-05-31")
    assert term.describe().startswith("каждую четверть: ")


def test_every_quarter_of_a_calendar_period_ends_every_school_quarter_in_it():
    term = read_deadline("ежечетвертно", CAL)
    assert term.dates == dates("2021-03-31 2021-05-31 2021-10-31 2021-12-31 "
                               "2022-03-31 2022-05-31 2022-10-31 2022-12-31")


def test_every_trimester():
    for text in ("1 раз в триместр", "по итогам каждого триместра", "по итогам триместра"):
        term = read_deadline(text, SCHOOL)
        assert term.dates == dates("2025-11-30 2026-02-28 2026-05-31"), text


def test_quarterly_stays_calendar_quarters():
    assert read_deadline("ежеквартально", SCHOOL).dates == dates(
        "2025-09-30 2025-12-31 2026-03-31 2026-06-30")


def test_impossible_quarter_number():
    term = read_deadline("V четверть", SCHOOL)
    assert term.kind is UNKNOWN
    term = read_deadline("5 четверть", SCHOOL)
    assert term.kind is UNKNOWN
    assert "четверти с номером 5 не бывает" in term.warnings[0].message
    assert read_deadline("4 триместр", SCHOOL).kind is UNKNOWN


# ---- holidays -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,start,due", [
    ("осенние каникулы", "2025-10-26", "2025-11-04"),
    ("в период осенних каникул", "2025-10-26", "2025-11-04"),
    ("во время зимних каникул", "2025-12-30", "2026-01-08"),
    ("в дни весенних каникул", "2026-03-23", "2026-03-31"),
    ("Летние каникулы", "2026-06-01", "2026-08-31"),
    ("летние кан.", "2026-06-01", "2026-08-31"),
    ("в летние каникулы 2025-2026 учебного года", "2026-06-01", "2026-08-31"),
    ("на летних каникулах", "2026-06-01", "2026-08-31"),
])
def test_holidays_are_windows(text, start, due):
    assert reading(text) == (RANGE, D(start), D(due))


def test_holidays_with_a_calendar_year_are_those_ending_in_it():
    assert reading("летние каникулы 2022 года", CAL) == (RANGE, D("2022-06-01"), D("2022-08-31"))
    assert reading("зимние каникулы 2022 г.", CAL) == (RANGE, D("2021-12-30"), D("2022-01-08"))
    assert reading("осенние каникулы 2021", CAL) == (RANGE, D("2021-10-26"), D("2021-11-04"))


def test_by_the_holidays_is_the_day_they_begin():
    assert reading("к летним каникулам") == (ONCE, None, D("2026-06-01"))
    assert reading("до начала летних каникул") == (ONCE, None, D("2026-06-01"))
    assert reading("до конца летних каникул") == (ONCE, None, D("2026-08-31"))


@pytest.mark.parametrize("text", ["в каникулярное время", "в период каникул", "в каникулы",
                                  "каникулы", "во время каникул"])
def test_holiday_time_is_every_holiday(text):
    term = read_deadline(text, SCHOOL)
    assert term.kind is RECURRING
    assert term.dates == dates("2025-11-04 2026-01-08 2026-03-31 2026-08-31")


def test_yearly_in_the_summer_holidays():
    term = read_deadline("ежегодно, в период летних каникул", CAL)
    assert term.kind is RECURRING
    assert term.dates == dates("2021-08-31 2022-08-31")
    assert term.recurrence == "yearly_holiday_4"
    assert read_deadline("Ежегодно (в период летних каникул)", CAL).dates == term.dates
    assert read_deadline("Летние каникулы, ежегодно", CAL).dates == term.dates


# ---- start and end of the school year; parts of a month ------------------------------------------------

@pytest.mark.parametrize("text,kind,start,due", [
    ("к началу учебного года", ONCE, None, "2025-09-01"),
    ("к началу 2026-2027 учебного года", ONCE, None, "2026-09-01"),
    ("до конца учебного года", ONCE, None, "2026-05-31"),
    ("до конца 2025-2026 учебного года", ONCE, None, "2026-05-31"),
    ("в начале учебного года", ONCE, None, "2025-09-30"),
    ("в конце учебного года", ONCE, None, "2026-05-31"),
    ("1-я декада сентября", RANGE, "2025-09-01", "2025-09-10"),
    ("первая декада сентября", RANGE, "2025-09-01", "2025-09-10"),
    ("I декада сентября", RANGE, "2025-09-01", "2025-09-10"),
    ("во второй декаде октября", RANGE, "2025-10-11", "2025-10-20"),
    ("3 декада февраля", RANGE, "2026-02-21", "2026-02-28"),
    ("в третьей декаде февраля 2028 г.", RANGE, "2028-02-21", "2028-02-29"),
    ("в начале мая", RANGE, "2026-05-01", "2026-05-10"),
    ("середина октября", RANGE, "2025-10-11", "2025-10-20"),
    ("в середине октября", RANGE, "2025-10-11", "2025-10-20"),
    ("конец ноября", RANGE, "2025-11-21", "2025-11-30"),
    ("в конце декабря 2025 года", RANGE, "2025-12-21", "2025-12-31"),
    ("1–2 декада мая", RANGE, "2026-05-01", "2026-05-20"),
    ("до конца мая", ONCE, None, "2026-05-31"),
])
def test_start_and_end_of_the_school_year_and_parts_of_a_month(text, kind, start, due):
    assert reading(text) == (kind, D(start) if start else None, D(due))


def test_parts_of_a_month_have_a_readable_name():
    term = read_deadline("в начале мая", CAL)
    assert term.warnings[0].message == "год не указан: принят 2021 (1-я декада мая 2021)"


# ---- combinations with what was already understood ---------------------------------------------------

@pytest.mark.parametrize("text,kind,start,due", [
    ("сентябрь – I четверть", RANGE, "2025-09-01", "2025-10-31"),
    ("сентябрь – I четверть 2025-2026 учебного года", RANGE, "2025-09-01", "2025-10-31"),
    ("до конца II полугодия 2025-2026 учебного года", ONCE, None, "2026-05-31"),
    ("I–II четверть", RANGE, "2025-09-01", "2025-12-31"),
    ("Октябрь – II четверть", RANGE, "2025-10-01", "2025-12-31"),
    ("с 1 по 10 сентября", RANGE, "2025-09-01", "2025-09-10"),
    ("1 декада сентября – 2 декада октября", RANGE, "2025-09-01", "2025-10-20"),
])
def test_school_words_combine_with_the_rest_of_the_grammar(text, kind, start, due):
    assert reading(text) == (kind, D(start) if start else None, D(due))


def test_milestones_of_school_spans():
    term = read_deadline("I четверть, конец учебного года", SCHOOL)
    assert term.kind is MILESTONES
    assert term.dates == dates("2025-10-31 2026-05-31")


def test_a_school_word_with_a_schedule_is_compound():
    term = read_deadline("ежечетвертно, по графику ОО", SCHOOL)
    assert term.kind is Kind.COMPOUND
    assert term.dates == dates("2025-10-31 2025-12-31 2026-03-31 2026-05-31")


# ---- footnote marks -------------------------------------------------------------------------------

@pytest.mark.parametrize("text,due,mark", [
    ("10 ноября 2020* года", "2020-11-10", "«*»"),
    ("15.12.2025**", "2025-12-15", "«**»"),
    ("май 2026¹", "2026-05-31", "«¹»"),
    ("Декабрь¹ 2025 г.", "2025-12-31", "«¹»"),
])
def test_footnote_marks_are_ignored_with_a_note(text, due, mark):
    term = read_deadline(text, Period(D("2020-01-01"), D("2026-12-31")))
    assert (term.kind, term.due) == (ONCE, D(due))
    assert f"знак сноски {mark} не относится к сроку и пропущен" in term.notes
    assert term.warnings == ()


def test_a_lone_star_is_not_a_footnote():
    assert read_deadline("* май 2026", SCHOOL).kind is UNKNOWN


# ---- the year that needs no warning ------------------------------------------------------------------

def test_no_year_warning_when_the_period_has_one_possible_year():
    for period, due in ((SCHOOL, "2025-10-31"), (ONE_YEAR, "2026-10-31")):
        term = read_deadline("октябрь", period)
        assert (term.kind, term.due, term.warnings) == (ONCE, D(due), ())
    term = read_deadline("Октябрь – май", SCHOOL)
    assert (term.start, term.due, term.warnings) == (D("2025-10-01"), D("2026-05-31"), ())


def test_the_warning_stays_for_longer_periods():
    term = read_deadline("октябрь", CAL)
    assert [w.code for w in term.warnings] == ["year_inferred"]
    term = read_deadline("I четверть", CAL)
    assert term.warnings[0].message == (
        "год не указан: принят 2021/2022 (I четверть 2021/2022 учебного года)")


# ---- a roadmap's own calendar wins over the defaults ---------------------------------------------

OWN = SchoolCalendar((SchoolYear(
    2025,
    quarters=((D("2025-09-01"), D("2025-10-24")), (D("2025-11-05"), D("2025-12-26")),
              (D("2026-01-12"), D("2026-03-20")), (D("2026-03-30"), D("2026-05-22"))),
    holidays=(("autumn", (D("2025-10-25"), D("2025-11-04"))),
              ("summer", (D("2026-05-23"), D("2026-08-31"))))),))
OWN_PERIOD = SCHOOL.with_calendar(OWN)


@pytest.mark.parametrize("text,kind,start,due", [
    ("I четверть", ONCE, None, "2025-10-24"),
    ("II полугодие", ONCE, None, "2026-05-22"),
    ("в течение II полугодия", CONTINUOUS, "2026-01-12", "2026-05-22"),
    ("до конца учебного года", ONCE, None, "2026-05-22"),
    ("в конце учебного года", ONCE, None, "2026-05-22"),
    ("в период осенних каникул", RANGE, "2025-10-25", "2025-11-04"),
    ("летние каникулы", RANGE, "2026-05-23", "2026-08-31"),
    # what the roadmap does not declare comes from the typical calendar
    ("зимние каникулы", RANGE, "2025-12-30", "2026-01-08"),
    ("I триместр", ONCE, None, "2025-11-30"),
])
def test_a_declared_calendar_wins(text, kind, start, due):
    term = read_deadline(text, OWN_PERIOD)
    assert (term.kind, term.start, term.due) == (kind, D(start) if start else None, D(due))
    assert ROADMAP_NOTE in term.notes


def test_a_declared_calendar_drives_recurrences_and_overdue():
    term = read_deadline("по итогам каждой четверти", OWN_PERIOD)
    assert term.dates == dates("2025-10-24 2025-12-26 2026-03-20 2026-05-22")
    assert read_deadline("2 раза в год", OWN_PERIOD).dates == dates("2025-12-26 2026-05-22")
    # "II полугодие" read by the roadmap's calendar is overdue on 25 May, not by the default
    half = read_deadline("II полугодие", OWN_PERIOD)
    assert overdue_dates(half, D("2026-05-25"), False) == (D("2026-05-22"),)
    assert overdue_dates(read_deadline("II полугодие", SCHOOL), D("2026-05-25"), False) == ()
    # a mark made within the window of the first quarter meets it
    assert overdue_dates(term, D("2025-12-30"), False, [Mark(D("2025-10-20"))]) == (D("2025-12-26"),)


def test_a_calendar_for_other_years_leaves_the_typical_one():
    period = CAL.with_calendar(OWN)
    term = read_deadline("I четверть 2021-2022 учебного года", period)
    assert term.due == D("2021-10-31")
    assert TYPICAL_NOTE in term.notes


def test_the_issue_example_half_years_are_not_swapped():
    """A 2025-2026 school-year roadmap: I = autumn, II = spring (the issue's report)."""
    period = parse_period("2025-2026 учебный год")
    assert read_deadline("II полугодие", period).due == D("2026-05-31")
    assert read_deadline("I полугодие", period).due == D("2025-12-31")


# ---- more ways of saying the same ------------------------------------------------------------------

@pytest.mark.parametrize("text,due", [
    ("до окончания I четверти", "2025-10-31"),
    ("по итогам учебного года", "2026-05-31"),
    ("по окончании I полугодия", "2025-12-31"),
    ("по завершении II полугодия", "2026-05-31"),
    ("по итогам II полугодия 2025-2026 учебного года", "2026-05-31"),
])
def test_the_end_of_a_school_span(text, due):
    assert reading(text) == (ONCE, None, D(due))


def test_a_recurrence_inside_a_written_span_stays_inside_it():
    period = Period(D("2024-01-01"), D("2026-12-31"), False, "2024-2026")
    cases = {
        "ежечетвертно в течение 2025-2026 учебного года":
            "2025-10-31 2025-12-31 2026-03-31 2026-05-31",
        "1 раз в полугодие в 2025-2026 учебном году": "2025-12-31 2026-05-31",
        "2 раза в год, в течение 2025-2026 учебного года": "2025-12-31 2026-05-31",
        "ежеквартально в течение 2026 года": "2026-03-31 2026-06-30 2026-09-30 2026-12-31",
        "2 раза в год в 2025 году": "2025-06-30 2025-12-31",
    }
    for text, expected in cases.items():
        term = read_deadline(text, period)
        assert (term.kind, term.dates) == (RECURRING, dates(expected)), text
