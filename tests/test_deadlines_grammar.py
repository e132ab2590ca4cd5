"""Deadline phrases of the seeds' families that are NOT in the seeds, and the period, override
and overdue functions.  All expectations are written by hand from docs/deadlines.md."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from roadmapctl.deadlines import (
    Kind,
    Mark,
    OverrideError,
    Period,
    PeriodError,
    Term,
    overdue_dates,
    parse_period,
    read_deadline,
    term_from_override,
)

D = date.fromisoformat
P = Period(D("2021-01-01"), D("2022-12-31"), False, "2021-2022")
ACADEMIC = Period(D("2020-09-01"), D("2021-08-31"), True, "2020-2021 учебный год")
ONCE, MILESTONES, RANGE = Kind.ONCE, Kind.MILESTONES, Kind.RANGE
RECURRING, CONTINUOUS, SCHEDULE = Kind.RECURRING, Kind.CONTINUOUS, Kind.SCHEDULE
COMPOUND, UNKNOWN, MISSING = Kind.COMPOUND, Kind.UNKNOWN, Kind.MISSING


def dates(spec: str) -> tuple[date, ...]:
    return tuple(D(d) for d in spec.split())


def codes(term: Term) -> set[str]:
    return {w.code for w in term.warnings}


# ---- months in every case form ----------------------------------------------------------------
# (nominative, genitive, prepositional, dative, last day in 2022)
MONTH_FORMS = [
    ("январь", "января", "январе", "январю", "2022-01-31"),
    ("февраль", "февраля", "феврале", "февралю", "2022-02-28"),
    ("март", "марта", "марте", "марту", "2022-03-31"),
    ("апрель", "апреля", "апреле", "апрелю", "2022-04-30"),
    ("май", "мая", "мае", "маю", "2022-05-31"),
    ("июнь", "июня", "июне", "июню", "2022-06-30"),
    ("июль", "июля", "июле", "июлю", "2022-07-31"),
    ("август", "августа", "августе", "августу", "2022-08-31"),
    ("сентябрь", "сентября", "сентябре", "сентябрю", "2022-09-30"),
    ("октябрь", "октября", "октябре", "октябрю", "2022-10-31"),
    ("ноябрь", "ноября", "ноябре", "ноябрю", "2022-11-30"),
    ("декабрь", "декабря", "декабре", "декабрю", "2022-12-31"),
]


@pytest.mark.parametrize("nom,gen,prep,dat,end", MONTH_FORMS)
def test_month_in_every_case(nom, gen, prep, dat, end):
    for text in (f"{nom.capitalize()} 2022 года", f"до {gen} 2022 г.", f"в {prep} 2022 года",
                 f"к {dat} 2022"):
        term = read_deadline(text, P)
        assert (term.kind, term.due, term.dates) == (ONCE, D(end), (D(end),)), text


@pytest.mark.parametrize("text,due", [
    ("янв. 2022", "2022-01-31"),
    ("февр. 2022 г.", "2022-02-28"),
    ("сент. 2021", "2021-09-30"),
    ("нояб. 2021", "2021-11-30"),
    ("дек. 2021 г.", "2021-12-31"),
    ("СЕНТЯБРЬ 2021 Г.", "2021-09-30"),
    ("Сентябрь 2021г.г.", "2021-09-30"),
    ("Сентябрь   2021  года", "2021-09-30"),
])
def test_abbreviations_case_and_year_words(text, due):
    term = read_deadline(text, P)
    assert (term.kind, term.due) == (ONCE, D(due))
    assert term.warnings == ()


def test_february_of_a_leap_year_ends_on_the_29th():
    term = read_deadline("Февраль 2024 года", Period(D("2024-01-01"), D("2024-12-31")))
    assert term.due == D("2024-02-29")


# ---- quarters and half-years --------------------------------------------------------------------

@pytest.mark.parametrize("text,due", [
    ("III кв. 2021", "2021-09-30"),
    ("1 квартал 2022", "2022-03-31"),
    ("IV квартал 2021 г.", "2021-12-31"),
    ("во 2 квартале 2022 года", "2022-06-30"),
    ("первый квартал 2022", "2022-03-31"),
    ("4-й кв. 2021", "2021-12-31"),
    ("в 3-м квартале 2021 года", "2021-09-30"),
    ("I полугодие 2022", "2022-06-30"),
    ("2 полугодие 2021", "2021-12-31"),
    ("второе полугодие 2022 года", "2022-12-31"),
    ("до конца I квартала 2022 г.", "2022-03-31"),
])
def test_quarters_and_half_years(text, due):
    term = read_deadline(text, P)
    assert (term.kind, term.due, term.dates) == (ONCE, D(due), (D(due),))
    assert term.warnings == ()


def test_half_year_without_year_is_inferred():
    term = read_deadline("1 полугодие", P)
    assert term.due == D("2021-06-30")
    assert [w.message for w in term.warnings] == [
        "год не указан: принят 2021 (I полугодие 2021)"]


def test_quarter_range():
    term = read_deadline("I–II кв. 2022 г.", P)
    assert (term.kind, term.start, term.due) == (RANGE, D("2022-01-01"), D("2022-06-30"))


# ---- days --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,due", [
    ("до 15.09.2021", "2021-09-15"),
    ("01.09.21", "2021-09-01"),
    ("2021-09-01", "2021-09-01"),
    ("не позднее 25 мая 2022 года", "2022-05-25"),
    ("не позднее чем 10.12.2021", "2021-12-10"),
    ("в срок до 1 июня 2021 года", "2021-06-01"),
    ("по 31 мая 2021", "2021-05-31"),
    ("К 1-му сентября 2022 г.", None),  # "1-му" is not a day form we read: must not guess
])
def test_days(text, due):
    term = read_deadline(text, P)
    if due is None:
        assert term.kind is UNKNOWN
    else:
        assert (term.kind, term.due, term.dates) == (ONCE, D(due), (D(due),))
        assert term.notes == ()


def test_short_numeric_day_and_numbers_that_are_not_days():
    term = read_deadline("до 01.09", P)
    assert (term.kind, term.due, codes(term)) == (ONCE, D("2021-09-01"), {"year_inferred"})
    assert read_deadline("3.5", P).kind is UNKNOWN
    assert read_deadline("1.1.", P).kind is UNKNOWN


def test_yaml_scalars_that_are_not_strings_are_read_as_written():
    term = read_deadline(2022, P)
    assert (term.text, term.kind, term.due) == ("2022", ONCE, D("2022-12-31"))
    assert read_deadline(date(2021, 5, 31), P).due == D("2021-05-31")


def test_day_without_year_takes_first_occurrence_in_period():
    term = read_deadline("до 1 июня", P)
    assert (term.kind, term.due) == (ONCE, D("2021-06-01"))
    assert [w.message for w in term.warnings] == ["год не указан: принят 2021 (1 июня 2021)"]
    # in an academic year starting in September, June is in the second calendar year
    assert read_deadline("до 1 июня", ACADEMIC).due == D("2021-06-01")
    assert read_deadline("к 1 октября", ACADEMIC).due == D("2020-10-01")


# ---- years and inclusive reading (rule 2) ---------------------------------------------------------

def test_until_year_is_inclusive_with_note():
    term = read_deadline("до 2022 года", P)
    assert (term.kind, term.due) == (ONCE, D("2022-12-31"))
    assert term.notes == ("чтение включительно: до конца 2022 года",)
    assert codes(term) == {"inclusive_reading"}


def test_until_month_year_is_inclusive_with_note():
    term = read_deadline("до мая 2022 года", P)
    assert term.due == D("2022-05-31")
    assert term.notes == ("чтение включительно: до конца мая 2022 года",)


def test_until_end_of_year_has_no_note():
    term = read_deadline("до конца 2021 года", P)
    assert (term.kind, term.due, term.notes, term.warnings) == (ONCE, D("2021-12-31"), (), ())


@pytest.mark.parametrize("text,due", [("2021 г.", "2021-12-31"), ("в 2022 году", "2022-12-31"),
                                      ("2022", "2022-12-31")])
def test_year_is_its_last_day(text, due):
    assert read_deadline(text, P).due == D(due)


def test_academic_year_ends_on_31_august():
    for text in ("2020/2021", "2020-2021 учебный год", "2020/2021 уч. г."):
        term = read_deadline(text, ACADEMIC)
        assert (term.kind, term.due) == (ONCE, D("2021-08-31")), text


# ---- ranges (rule 4) ----------------------------------------------------------------------------

@pytest.mark.parametrize("dash", ["-", "–", "—", "\u2011", " - ", " – ", " — "])
def test_any_dash_makes_a_range(dash):
    term = read_deadline(f"Сентябрь{dash}декабрь 2021", P)
    assert (term.kind, term.start, term.due, term.dates) == (
        RANGE, D("2021-09-01"), D("2021-12-31"), (D("2021-12-31"),))


@pytest.mark.parametrize("text,start,due", [
    ("с 1 сентября по 30 октября 2021 г.", "2021-09-01", "2021-10-30"),
    ("с сентября 2021 года по май 2022 года", "2021-09-01", "2022-05-31"),
    ("в период с 01.09.2021 по 31.05.2022", "2021-09-01", "2022-05-31"),
    ("с 1 по 15 мая 2022", "2022-05-01", "2022-05-15"),
    ("15–20 мая 2021", "2021-05-15", "2021-05-20"),
    ("Октябрь 2021 — май 2022", "2021-10-01", "2022-05-31"),
    # the year written once belongs to May; October of the year before (B cannot precede A)
    ("Октябрь – май 2022", "2021-10-01", "2022-05-31"),
    ("2021-2022 гг.", "2021-01-01", "2022-12-31"),
])
def test_ranges(text, start, due):
    term = read_deadline(text, P)
    assert (term.kind, term.start, term.due) == (RANGE, D(start), D(due))


def test_range_whose_end_precedes_its_start_is_impossible():
    term = read_deadline("Май 2022 – март 2021", P)
    assert term.kind is UNKNOWN
    assert codes(term) == {"impossible_date"}


def test_range_without_years_in_academic_year():
    term = read_deadline("ноябрь – февраль", ACADEMIC)
    assert (term.start, term.due) == (D("2020-11-01"), D("2021-02-28"))


# ---- lists (rule 5) ----------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("февраль, май 2021г", "2021-02-28 2021-05-31"),
    ("май; сентябрь 2021", "2021-05-31 2021-09-30"),
    ("май\nсентябрь 2021", "2021-05-31 2021-09-30"),
    ("- май 2021\n- сентябрь 2022", "2021-05-31 2022-09-30"),
    ("Март 2021 Июнь 2022", "2021-03-31 2022-06-30"),
    ("май и сентябрь 2022 года", "2022-05-31 2022-09-30"),
    ("Октябрь, 2021 г.; Апрель, 2022 г.", "2021-10-31 2022-04-30"),
])
def test_lists_are_milestones(text, expected):
    term = read_deadline(text, P)
    assert (term.kind, term.dates, term.due) == (MILESTONES, dates(expected),
                                                 dates(expected)[-1])


def test_year_less_element_after_a_dated_one_does_not_go_back_in_time():
    term = read_deadline("Ноябрь 2021, май", P)
    assert term.dates == dates("2021-11-30 2022-05-31")
    assert codes(term) == {"year_inferred"}


# ---- recurrence (rule 6) --------------------------------------------------------------------------

MONTH_ENDS_2021_2022 = (
    "2021-01-31 2021-02-28 2021-03-31 2021-04-30 2021-05-31 2021-06-30 "
    "2021-07-31 2021-08-31 2021-09-30 2021-10-31 2021-11-30 2021-12-31 "
    "2022-01-31 2022-02-28 2022-03-31 2022-04-30 2022-05-31 2022-06-30 "
    "2022-07-31 2022-08-31 2022-09-30 2022-10-31 2022-11-30 2022-12-31")
HALVES = "2021-06-30 2021-12-31 2022-06-30 2022-12-31"


@pytest.mark.parametrize("text,recurrence,expected", [
    ("ежемесячно", "monthly", MONTH_ENDS_2021_2022),
    ("каждый месяц", "monthly", MONTH_ENDS_2021_2022),
    ("1 раз в полугодие", "half-yearly", HALVES),
    ("раз в полгода", "half-yearly", HALVES),
    ("2 раза в год", "half-yearly", HALVES),
    ("два раза в год", "half-yearly", HALVES),
    ("дважды в год", "half-yearly", HALVES),
    ("один раз в квартал", "quarterly",
     "2021-03-31 2021-06-30 2021-09-30 2021-12-31 2022-03-31 2022-06-30 2022-09-30 2022-12-31"),
    ("1 раз в 3 месяца", "every_3_months",
     "2021-03-31 2021-06-30 2021-09-30 2021-12-31 2022-03-31 2022-06-30 2022-09-30 2022-12-31"),
    ("ежегодно до 1 июня", "yearly_date_06-01", "2021-06-01 2022-06-01"),
    ("ежегодно в сентябре", "yearly_month_9", "2021-09-30 2022-09-30"),
    ("ЕЖЕГОДНО", "yearly", "2021-12-31 2022-12-31"),
    ("ежемесячно до 5 числа",
     "monthly_day_5", MONTH_ENDS_2021_2022.replace("-31", "-05").replace("-30", "-05")
     .replace("-28", "-05")),
    ("Ежемесячно (до 25 числа)",
     "monthly_day_25", MONTH_ENDS_2021_2022.replace("-31", "-25").replace("-30", "-25")
     .replace("-28", "-25")),
])
def test_recurrences(text, recurrence, expected):
    term = read_deadline(text, P)
    assert (term.kind, term.recurrence) == (RECURRING, recurrence)
    assert term.dates == dates(expected)
    assert term.due == dates(expected)[-1]
    assert term.start is None


def test_every_three_months_counts_from_the_period_start():
    term = read_deadline("1 раз в 3 месяца", ACADEMIC)
    assert term.dates == dates("2020-11-30 2021-02-28 2021-05-31 2021-08-31")


def test_quarterly_in_an_academic_year():
    term = read_deadline("ежеквартально", ACADEMIC)
    assert term.dates == dates("2020-09-30 2020-12-31 2021-03-31 2021-06-30")


def test_weekly_is_every_sunday_in_the_period():
    march = Period(D("2021-03-01"), D("2021-03-31"))
    assert read_deadline("еженедельно", march).dates == dates(
        "2021-03-07 2021-03-14 2021-03-21 2021-03-28")
    assert read_deadline("1 раз в неделю", march).recurrence == "weekly"
    assert read_deadline("раз в 2 недели", march).dates == dates("2021-03-14 2021-03-28")


def test_unsupported_rhythm_says_so():
    term = read_deadline("2 раза в месяц", P)
    assert term.kind is UNKNOWN
    (warning,) = term.warnings
    assert warning.code == "unknown"
    assert "«2 раза в месяц» не поддерживается" in warning.message


# ---- continuous (rule 7), schedule (rule 8) --------------------------------------------------------

@pytest.mark.parametrize("text,period,start,due", [
    ("в течение 2021 года", P, "2021-01-01", "2021-12-31"),
    ("в течение 2020-2021 учебного года", ACADEMIC, "2020-09-01", "2021-08-31"),
    ("в течение мая 2022 года", P, "2022-05-01", "2022-05-31"),
    ("В течение 2021-2022 гг.", P, "2021-01-01", "2022-12-31"),
    ("систематически", P, "2021-01-01", "2022-12-31"),
    ("на протяжении всего периода реализации дорожной карты", P, "2021-01-01", "2022-12-31"),
    ("в течение всего периода", ACADEMIC, "2020-09-01", "2021-08-31"),
    # an open span ("с A" without an end) runs to the end of the period
    ("с сентября 2021 года", P, "2021-09-01", "2022-12-31"),
    ("С 01.09.2021 г.", P, "2021-09-01", "2022-12-31"),
])
def test_continuous(text, period, start, due):
    term = read_deadline(text, period)
    assert (term.kind, term.start, term.due, term.dates) == (CONTINUOUS, D(start), D(due),
                                                             (D(due),))
    assert term.warnings == ()


@pytest.mark.parametrize("text", [
    "по мере необходимости", "по запросу", "по запросам школ", "в сроки, установленные "
    "Рособрнадзором", "в установленные сроки", "согласно графику ИМЦ",
    "по утверждённому графику", "по согласованию с ИРО", "при необходимости",
])
def test_schedule(text):
    term = read_deadline(text, P)
    assert (term.kind, term.start, term.due, term.dates, term.warnings) == (
        SCHEDULE, None, None, (), ())
    assert term.describe() == "по графику: срок не определён"


def test_continuous_and_schedule_make_a_compound():
    term = read_deadline("Постоянно, по запросу", P)
    assert term.kind is COMPOUND
    assert [p.kind for p in term.parts] == [CONTINUOUS, SCHEDULE]
    assert (term.start, term.due) == (D("2021-01-01"), D("2022-12-31"))


def test_schedule_with_a_floor_rhythm():
    term = read_deadline("по мере необходимости, но не реже 1 раза в год", P)
    assert [p.kind for p in term.parts] == [SCHEDULE, RECURRING]
    assert term.dates == dates("2021-12-31 2022-12-31")


# ---- unknown, impossible, outside, typos, missing -------------------------------------------------

@pytest.mark.parametrize("text,message", [
    ("30 февраля 2021", "даты 30 февраля 2021 не существует"),
    ("31.04.2021", "даты 31.04.2021 не существует"),
    ("5 квартал 2021", "квартала с номером 5 не бывает"),
])
def test_impossible_dates(text, message):
    term = read_deadline(text, P)
    assert (term.kind, term.dates, term.due) == (UNKNOWN, (), None)
    (warning,) = term.warnings
    assert (warning.code, warning.message) == ("impossible_date", message)


@pytest.mark.parametrize("text", [
    "ежеквартально до 10 числа месяца, следующего за отчётным",
    "1 раз в квартал (до 10 числа месяца, следующего за отчетным)",
])
def test_the_reporting_adjective_alone_names_the_rhythms_period(text):
    """Rule 28: "следующего за отчётным" after a rhythm is its reporting period (rule 15):
    10 January (for IV 2020), April, July, October of 2021 and 2022."""
    term = read_deadline(text, P)
    assert term.kind is RECURRING and not term.warnings
    assert term.dates == dates("2021-01-10 2021-04-10 2021-07-10 2021-10-10 2022-01-10 "
                               "2022-04-10 2022-07-10 2022-10-10")


@pytest.mark.parametrize("text", ["купить молоко", "в течение квартала", "До 1 числа",
                                  "Маи 2021", "\x00\x01"])
def test_unknown_texts_say_so(text):
    term = read_deadline(text, P)
    assert (term.kind, term.start, term.due, term.dates) == (UNKNOWN, None, None, ())
    assert codes(term) == {"unknown"}
    assert "не распознан" in term.warnings[0].message


def test_unknown_points_at_the_unread_rest():
    text = "ежеквартально до 10 числа месяца"
    (warning,) = read_deadline(text, P).warnings
    assert text[warning.start:warning.end] == "до 10 числа месяца"


def test_out_of_period_date_is_kept_with_warning():
    term = read_deadline("31 декабря 2023 года", P)
    assert (term.kind, term.due) == (ONCE, D("2023-12-31"))
    (warning,) = term.warnings
    assert warning.code == "outside_period"
    assert warning.message == \
        "дата 31.12.2023 вне периода дорожной карты (01.01.2021–31.12.2022)"


def test_far_away_year_is_read_with_the_outside_warning():
    # rule 11: no distance cut-off; the warning lets the author judge a typo in the year
    term = read_deadline("Сентябрь 2201", P)
    assert (term.kind, term.due) == (ONCE, D("2201-09-30"))
    (warning,) = term.warnings
    assert warning.message == \
        "дата 30.09.2201 вне периода дорожной карты (01.01.2021–31.12.2022)"


@pytest.mark.parametrize("text,written,read,kind", [
    ("ежеквартальо", "ежеквартальо", "ежеквартально", RECURRING),
    ("Сентябрб 2021", "Сентябрб", "сентябрь", ONCE),
    ("в течении учебного года", "течении", "течение", CONTINUOUS),
    ("постояно", "постояно", "постоянно", CONTINUOUS),
])
def test_one_letter_typos_in_long_words(text, written, read, kind):
    term = read_deadline(text, P)
    assert term.kind is kind
    (warning,) = [w for w in term.warnings if w.code == "typo"]
    # «учебного года» in a period of calendar years also says that the school year is not named
    assert {w.code for w in term.warnings} == ({"typo", "year_inferred"} if "учебного" in text else {"typo"})
    assert warning.message == f"опечатка: «{written}» прочитано как «{read}»"
    assert text[warning.start:warning.end] == written


@pytest.mark.parametrize("text", ["постоянной", "регулярной работы", "по результатами",
                                  "ежегодный", "в процесс"])
def test_real_word_forms_are_not_taken_for_typos(text):
    term = read_deadline(text, P)
    assert term.kind is UNKNOWN
    assert "typo" not in codes(term)


def test_other_forms_of_schedule_words_are_read_without_warnings():
    for text in ("по отдельным планам", "согласно индивидуальным графикам", "по рабочему плану"):
        term = read_deadline(text, P)
        assert (term.kind, term.warnings) == (SCHEDULE, ()), text


def test_short_words_are_not_corrected():
    assert read_deadline("маяя 2021", P).kind is UNKNOWN


def test_typo_inside_a_note_is_not_reported():
    term = read_deadline("Сентябрь 2021 (по отделному графику)", P)
    assert term.warnings == ()
    assert term.notes == ("по отделному графику",)


def test_latin_look_alike_letters():
    term = read_deadline("Mай 2021", P)  # Latin M
    assert term.due == D("2021-05-31")
    assert codes(term) == {"typo"}


def test_yo_and_ye_are_the_same():
    assert read_deadline("по утверждённому графику", P).warnings == ()
    assert read_deadline("по утвержденному графику", P).kind is SCHEDULE


@pytest.mark.parametrize("text", ["", "   ", "\n\t", None, "—", "-"])
def test_empty_is_missing(text):
    term = read_deadline(text, P)
    assert (term.kind, term.dates, term.due) == (MISSING, (), None)
    assert [w.message for w in term.warnings] == ["срок не указан"]


def test_long_lists_are_read_without_deep_recursion():
    term = read_deadline("по графику, " * 160, P)
    assert (term.kind, term.warnings) == (SCHEDULE, ())
    term = read_deadline("май 2021, " * 190, P)
    assert (term.kind, term.dates) == (ONCE, (D("2021-05-31"),))


def test_huge_text_is_unknown_without_work():
    term = read_deadline("май 2021, " * 500, P)
    assert term.kind is UNKNOWN
    assert "слишком длинный (5000 символов)" in term.warnings[0].message
    # the number agrees with its noun: 2001 символ, 2002 символа
    assert "(2001 символ)" in read_deadline("м" * 2001, P).warnings[0].message
    assert "(2002 символа)" in read_deadline("м" * 2002, P).warnings[0].message


# ---- describe and to_json ----------------------------------------------------------------------

def test_describe_lines():
    assert read_deadline("с 1 сентября по 30 октября 2021 г.", P).describe() == \
        "в период 01.09.2021–30.10.2021"
    assert read_deadline("1 раз в полугодие", P).describe() == \
        "раз в полгода: 30.06.2021, 31.12.2021, 30.06.2022, 31.12.2022"
    assert read_deadline("февраль, май 2021г", P).describe() == \
        "несколько сроков: 28.02.2021, 31.05.2021"
    assert read_deadline("", P).describe() == "срок не указан: срок не определён"
    assert read_deadline("купить молоко", P).describe() == "срок не распознан: срок не определён"


def test_to_json():
    term = read_deadline("Ноябрь 2020, май 2021, по графику",
                         Period(D("2020-01-01"), D("2023-12-31")))
    data = json.loads(json.dumps(term.to_json(), ensure_ascii=False))
    assert data["kind"] == "compound"
    assert (data["start"], data["due"]) == ("2020-11-30", "2021-05-31")
    assert data["dates"] == ["2020-11-30", "2021-05-31"]
    assert [p["kind"] for p in data["parts"]] == ["milestones", "schedule"]
    assert data["parts"][1]["due"] is None and data["parts"][1]["dates"] == []
    assert data["warnings"] == [] and data["notes"] == []
    assert set(data) >= {"text", "kind", "start", "due", "dates", "warnings", "notes", "parts"}


# ---- parse_period -------------------------------------------------------------------------------

@pytest.mark.parametrize("text,start,end,academic", [
    ("2021-2022", "2021-01-01", "2022-12-31", False),
    ("2021 - 2022 годы", "2021-01-01", "2022-12-31", False),
    ("на 2021-2022 гг.", "2021-01-01", "2022-12-31", False),
    ("на 2021 - 2022 годы", "2021-01-01", "2022-12-31", False),
    ("2020-2021 учебный год", "2020-09-01", "2021-08-31", True),
    ("2020/2021 учебный год", "2020-09-01", "2021-08-31", True),
    ("на 2020-2021 учебный год", "2020-09-01", "2021-08-31", True),
    ("2021-01-01..2022-12-31", "2021-01-01", "2022-12-31", False),
    ("01.09.2020–31.08.2021", "2020-09-01", "2021-08-31", False),
    ("2022", "2022-01-01", "2022-12-31", False),
])
def test_parse_period(text, start, end, academic):
    period = parse_period(text)
    assert (period.start, period.end, period.academic, period.text) == (
        D(start), D(end), academic, text)


@pytest.mark.parametrize("text,fragment", [
    ("2022-2021", "конец периода раньше начала"),
    ("2022-12-31..2022-01-01", "конец периода раньше начала"),
    ("", "период дорожной карты не указан"),
    ("весь срок", "не удалось прочитать период"),
    ("2020-2022 учебный год", "два соседних года"),
    ("2021-02-30..2022-01-01", "не существует"),
])
def test_parse_period_errors(text, fragment):
    with pytest.raises(PeriodError) as info:
        parse_period(text)
    assert fragment in str(info.value)
    assert isinstance(info.value, ValueError)


# ---- term_from_override (rule 12) ----------------------------------------------------------------

def test_override_dates():
    once = term_from_override({"даты": ["2021-05-31"]}, P, "в начале весны")
    assert (once.text, once.kind, once.due, once.dates) == (
        "в начале весны", ONCE, D("2021-05-31"), (D("2021-05-31"),))
    many = term_from_override({"даты": ["2022-01-31", date(2021, 5, 31)]}, P)
    assert (many.kind, many.dates, many.due) == (MILESTONES, dates("2021-05-31 2022-01-31"),
                                                 D("2022-01-31"))


def test_override_range_continuous_schedule():
    window = term_from_override({"с": "2021-09-01", "по": datetime(2021, 10, 15, 12)}, P)
    assert (window.kind, window.start, window.due) == (RANGE, D("2021-09-01"), D("2021-10-15"))
    always = term_from_override({"постоянно": True}, P)
    assert (always.kind, always.start, always.due) == (CONTINUOUS, P.start, P.end)
    plan = term_from_override({"по_графику": True}, P)
    assert (plan.kind, plan.due, plan.dates) == (SCHEDULE, None, ())


@pytest.mark.parametrize("override,expected", [
    ({"повтор": "ежемесячно", "день": 10},
     MONTH_ENDS_2021_2022.replace("-31", "-10").replace("-30", "-10").replace("-28", "-10")),
    ({"повтор": "ежеквартально"},
     "2021-03-31 2021-06-30 2021-09-30 2021-12-31 2022-03-31 2022-06-30 2022-09-30 2022-12-31"),
    ({"повтор": "раз в полгода"}, HALVES),
    ({"повтор": "ежегодно"}, "2021-12-31 2022-12-31"),
    ({"повтор": "ежегодно", "месяц": 9}, "2021-09-30 2022-09-30"),
    ({"повтор": "ежегодно", "месяц": 6, "день": 1}, "2021-06-01 2022-06-01"),
])
def test_override_recurrence(override, expected):
    term = term_from_override(override, P, "сложный текст")
    assert (term.kind, term.dates, term.text) == (RECURRING, dates(expected), "сложный текст")


def test_override_weekly():
    term = term_from_override({"повтор": "еженедельно"}, Period(D("2021-03-01"), D("2021-03-31")))
    assert term.dates == dates("2021-03-07 2021-03-14 2021-03-21 2021-03-28")


def test_override_outside_period_warns():
    term = term_from_override({"даты": ["2023-06-30"]}, P)
    assert codes(term) == {"outside_period"}


@pytest.mark.parametrize("override", [
    {},
    {"даты": []},
    {"даты": ["31.05.2021"]},
    {"даты": ["2021-05-31"], "повтор": "ежемесячно"},
    {"с": "2021-09-01"},
    {"с": "2021-10-01", "по": "2021-09-01"},
    {"повтор": "ежедневно"},
    {"повтор": "ежемесячно", "день": 32},
    {"повтор": "ежемесячно", "день": True},
    {"повтор": "ежеквартально", "день": 10},
    {"повтор": "ежемесячно", "месяц": 3},
    {"повтор": "ежегодно", "день": 5},
    {"повтор": "ежегодно", "месяц": 2, "день": 30},
    {"постоянно": False},
    {"по_графику": "да"},
    {"когда": "потом"},
    ["2021-05-31"],
])
def test_invalid_overrides(override):
    with pytest.raises(OverrideError) as info:
        term_from_override(override, P)
    assert isinstance(info.value, ValueError)
    assert any("а" <= ch <= "я" for ch in str(info.value))


# ---- overdue -----------------------------------------------------------------------------------

def test_once_is_overdue_after_its_day_unless_done():
    term = read_deadline("Март 2021 года", P)
    assert overdue_dates(term, D("2021-03-31"), False) == ()
    assert overdue_dates(term, D("2021-04-01"), False) == (D("2021-03-31"),)
    assert overdue_dates(term, D("2021-04-01"), True) == ()


def test_range_and_continuous_are_overdue_after_their_end():
    window = read_deadline("Сентябрь-декабрь 2021", P)
    assert overdue_dates(window, D("2021-12-15"), False) == ()
    assert overdue_dates(window, D("2022-01-01"), False) == (D("2021-12-31"),)
    always = read_deadline("постоянно", P)
    assert overdue_dates(always, D("2022-06-01"), False) == ()
    assert overdue_dates(always, D("2023-01-01"), False) == (D("2022-12-31"),)


def test_recurring_occurrences_met_by_marks_in_their_windows():
    term = read_deadline("ежеквартально", P)
    as_of = D("2021-10-15")
    # nothing done: the three quarter ends before 15.10.2021
    assert overdue_dates(term, as_of, False) == dates("2021-03-31 2021-06-30 2021-09-30")
    marks = [Mark(D("2021-03-20")),                 # within (…, 31.03]
             Mark(D("2021-09-30"))]                 # within (30.06, 30.09], its last day
    assert overdue_dates(term, as_of, False, marks) == (D("2021-06-30"),)
    # a mark made late, naming the occurrence it covers, meets that occurrence only
    late = Mark(D("2021-07-05"), covers=D("2021-06-30"))
    assert overdue_dates(term, as_of, False, [Mark(D("2021-03-20")), late]) == (
        D("2021-09-30"),)
    # a mark dated on the previous occurrence belongs to the previous window
    assert overdue_dates(term, as_of, False, [Mark(D("2021-06-30"))]) == dates(
        "2021-03-31 2021-09-30")
    assert overdue_dates(term, as_of, True) == ()


def test_milestones_each_must_be_met():
    term = read_deadline("Май 2021 года, январь 2022 года", P)
    assert overdue_dates(term, D("2022-03-01"), False, [Mark(D("2021-05-20"))]) == (
        D("2022-01-31"),)
    assert overdue_dates(term, D("2022-03-01"), False, [Mark(D("2021-06-15"))]) == (
        D("2021-05-31"),)
    assert overdue_dates(term, D("2021-05-31"), False) == ()


def test_compound_is_the_union_of_its_parts():
    term = read_deadline("Фронтальный – май 2021 года Выборочный - ежеквартально", P)
    assert overdue_dates(term, D("2021-07-01"), False, [Mark(D("2021-03-01"))]) == dates(
        "2021-05-31 2021-06-30")


@pytest.mark.parametrize("text", ["по графику", "купить молоко", ""])
def test_schedule_unknown_missing_are_never_overdue(text):
    assert overdue_dates(read_deadline(text, P), D("2030-01-01"), False) == ()


# ---- the phrasings of real plans (issue 23; docs/deadlines.md rules 11, 13-18) ------------------

SCHOOL_2023 = Period(D("2023-09-01"), D("2024-08-31"), True, "2023-2024 учебный год")
YEAR_2024 = Period(D("2024-01-01"), D("2024-12-31"), False, "2024")
P2021_2025 = Period(D("2021-01-01"), D("2025-12-31"), False, "2021-2025")


@pytest.mark.parametrize("text,period,kind,start,due,expected", [
    # a weekday note in brackets after each date: one range, the notes ignored (rule 13)
    ("с 28 октября 2023 года (суббота) по 06 ноября 2023 года (понедельник)", SCHOOL_2023, RANGE,
     "2023-10-28", "2023-11-06", "2023-11-06"),
    # «С A – B» (rule 14)
    ("С 14 сентября – 12 октября 2020 года", ACADEMIC, RANGE, "2020-09-14", "2020-10-12",
     "2020-10-12"),
    # «A по B» with dates written in full: one range, not two milestones (rule 14)
    ("15.05.2024г. по 30.05.2024г.", YEAR_2024, RANGE, "2024-05-15", "2024-05-30", "2024-05-30"),
    # «отчетного года» in a yearly recurrence: that day of each year (rule 15)
    ("ежегодно, до 25 декабря отчетного года", P, RECURRING, None, "2022-12-25",
     "2021-12-25 2022-12-25"),
    # the month after each quarter (rule 15): reports on Q4 2020 … Q3 2022 fall inside 2021-2022
    ("ежеквартально, не позднее 3-го числа месяца, следующего за отчетным периодом", P, RECURRING,
     None, "2022-10-03", "2021-01-03 2021-04-03 2021-07-03 2021-10-03 2022-01-03 2022-04-03 "
     "2022-07-03 2022-10-03"),
    # «второе полугодие учебного года» reads as «второе полугодие» in a school year (rule 18)
    ("второе полугодие учебного года", ACADEMIC, ONCE, None, "2021-05-31", "2021-05-31"),
    ("второе полугодие", ACADEMIC, ONCE, None, "2021-05-31", "2021-05-31"),
    ("I четверть учебного года", ACADEMIC, ONCE, None, "2020-10-31", "2020-10-31"),
    # a cell on several lines: one range, the year on its own line applies to it (rule 16)
    ("Сентябрь-октябрь\n\n2021г.", P, RANGE, "2021-09-01", "2021-10-31", "2021-10-31"),
    ("Октябрь – май\n2021 г.", Period(D("2020-01-01"), D("2023-12-31")), RANGE, "2020-10-01",
     "2021-05-31", "2021-05-31"),
    # «в конце» applies to every month of the list (rule 17): the last ten days of each
    ("в конце ноября, февраля, мая", SCHOOL_2023, MILESTONES, None, "2024-05-31",
     "2023-11-30 2024-02-29 2024-05-31"),
])
def test_phrasings_of_real_plans(text, period, kind, start, due, expected):
    term = read_deadline(text, period)
    assert (term.kind, term.start, term.due, term.dates) == (
        kind, D(start) if start else None, D(due), dates(expected))
    assert not term.warnings


def test_bracket_notes_and_inclusive_are_notes_not_parts():
    term = read_deadline("с 28 октября 2023 года (суббота) по 06 ноября 2023 года (понедельник) "
                         "включительно", SCHOOL_2023)
    assert term.parts == ()
    assert term.notes == ("суббота", "понедельник",
                          "«включительно»: последний день входит в срок")


def test_distributed_parts_are_windows():
    term = read_deadline("в конце ноября, февраля, мая", SCHOOL_2023)
    assert [(p.kind, p.start, p.due) for p in term.parts] == [
        (RANGE, D("2023-11-21"), D("2023-11-30")), (RANGE, D("2024-02-21"), D("2024-02-29")),
        (RANGE, D("2024-05-21"), D("2024-05-31"))]


def test_far_year_is_read_not_refused():
    term = read_deadline("Июль 2030", P2021_2025)
    assert (term.kind, term.due) == (ONCE, D("2030-07-31"))
    (warning,) = term.warnings
    assert warning.message == "дата 31.07.2030 вне периода дорожной карты (01.01.2021–31.12.2025)"


def test_reporting_year_without_a_rhythm_is_inferred_with_a_warning():
    term = read_deadline("до 25 декабря отчетного года", P)
    assert (term.kind, term.due) == (ONCE, D("2021-12-25"))
    assert codes(term) == {"year_inferred"}


def test_report_after_an_unnamed_period_is_refused_with_the_reason():
    text = "не позднее 3-го числа месяца, следующего за отчетным периодом"
    term = read_deadline(text, P)
    assert term.kind is UNKNOWN
    (warning,) = term.warnings
    assert warning.message == (
        f"в сроке «{text}» не назван отчётный период, и дату вычислить нельзя: укажите "
        "повторение, например «ежеквартально, не позднее 3-го числа месяца, следующего за "
        "отчетным периодом», или срок в явном виде (срок_явно)")
    assert (warning.start, warning.end) == (0, len(text))


def test_report_rhythm_has_a_russian_name():
    term = read_deadline("ежеквартально, не позднее 3-го числа месяца, следующего за отчетным "
                         "периодом", P)
    assert term.recurrence == "quarterly_report_day_3"
    assert term.describe().startswith(
        "раз в квартал, до 3 числа месяца, следующего за отчётным периодом: 03.01.2021, ")


def test_every_monday():
    term = read_deadline("каждый понедельник", YEAR_2024)
    assert (term.kind, term.recurrence) == (RECURRING, "weekly_monday")
    assert term.dates[:2] == (D("2024-01-01"), D("2024-01-08"))
    assert term.describe().startswith("каждый понедельник: 01.01.2024, 08.01.2024")


@pytest.mark.parametrize("text,due", [
    # 1 Feb 2024 is a Thursday, 1 May 2024 a Wednesday, 1 Mar 2024 a Friday
    ("во вторую среду февраля", "2024-02-14"),
    ("до первого понедельника мая 2024 года", "2024-05-06"),
    ("в четвёртое воскресенье марта", "2024-03-24"),
])
def test_a_weekday_of_a_month(text, due):
    term = read_deadline(text, YEAR_2024)
    assert (term.kind, term.due, term.warnings) == (ONCE, D(due), ())


def test_a_weekday_of_a_month_without_a_year_is_inferred():
    term = read_deadline("во вторую среду февраля", P)
    assert (term.kind, term.due) == (ONCE, D("2021-02-10"))  # 1 Feb 2021 is a Monday
    (warning,) = term.warnings
    assert warning.message == "год не указан: принят 2021 (вторая среда февраля 2021)"


def test_school_year_unnamed_in_a_period_of_calendar_years_is_said():
    # docs/deadlines.md rule 7: the whole period; in a period of calendar years the school year
    # meant is not known, so the reading says so instead of silently taking both years
    term = read_deadline("В течение учебного года", P)
    assert term.kind is CONTINUOUS and (term.start, term.due) == (D("2021-01-01"), D("2022-12-31"))
    (warning,) = term.warnings
    assert warning.code == "year_inferred"
    assert warning.message == ("учебный год не указан, а период дорожной карты — календарные годы: принят весь "
                               "период (01.01.2021–31.12.2022); если имелся в виду один учебный год, назовите "
                               "его («в течение 2021-2022 учебного года»)")
    # a period that is a school year: the phrase names it, no warning
    school = Period(D("2020-09-01"), D("2021-08-31"), True, "2020-2021 учебный год")
    term = read_deadline("В течение учебного года", school)
    assert (term.start, term.due) == (D("2020-09-01"), D("2021-08-31")) and not term.warnings
    # «в течение года» and a named school year are not about an unnamed school year
    assert not read_deadline("в течение года", P).warnings
    assert not read_deadline("в течение 2021-2022 учебного года", P).warnings
