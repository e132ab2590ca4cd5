"""Properties of the school-year reading over generated spellings, years and calendars.

The oracle is the typical school calendar of docs/deadlines.md written out here as month
tables (not taken from roadmapctl.deadlines.calendar), and, for a declared calendar, the dates
the test itself declared."""

from __future__ import annotations

import calendar as pycal
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from roadmapctl.deadlines import Kind, Period, read_deadline
from roadmapctl.deadlines.calendar import SchoolCalendar, SchoolYear

school_years = st.integers(min_value=1995, max_value=2045)

# (years after the school year's first year, month) of the last month of each unit
QUARTER_ENDS = {1: (0, 10), 2: (0, 12), 3: (1, 3), 4: (1, 5)}
TRIMESTER_ENDS = {1: (0, 11), 2: (1, 2), 3: (1, 5)}
HALF_ENDS = {1: (0, 12), 2: (1, 5)}
# holidays: (offset, month, day) of the first and the last day
HOLIDAYS = {
    "осенние": ((0, 10, 26), (0, 11, 4)), "зимние": ((0, 12, 30), (1, 1, 8)),
    "весенние": ((1, 3, 23), (1, 3, 31)), "летние": ((1, 6, 1), (1, 8, 31)),
}
HOLIDAY_FORMS = {
    "осенние": ["осенние каникулы", "в период осенних каникул", "во время осенних каникул",
                "осенние кан.", "в осенние каникулы"],
    "зимние": ["зимние каникулы", "в период зимних каникул", "в зимние каникулы", "зимн. кан."],
    "весенние": ["весенние каникулы", "в период весенних каникул", "в дни весенних каникул"],
    "летние": ["летние каникулы", "в период летних каникул", "на летних каникулах", "летние кан."],
}

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
FEMININE = {1: ["первая", "первой"], 2: ["вторая", "второй"], 3: ["третья", "третьей"],
            4: ["четвертая", "четвёртой"]}
MASCULINE = {1: ["первый"], 2: ["второй"], 3: ["третий"]}
NEUTER = {1: ["первое"], 2: ["второе"]}


def month_end(y: int, m: int) -> date:
    return date(y, m, pycal.monthrange(y, m)[1])


def school_period(y: int, cal: SchoolCalendar | None = None) -> Period:
    return Period(date(y, 9, 1), date(y + 1, 8, 31), True, f"{y}-{y + 1} учебный год", cal)


def numbers(q: int, words: dict[int, list[str]], suffixes: list[str]):
    return st.sampled_from([ROMAN[q], str(q)] + [f"{q}{s}" for s in suffixes] + words.get(q, []))


@st.composite
def year_forms(draw, y: int):
    return draw(st.sampled_from([
        "", f" {y}-{y + 1} учебного года", f" {y}/{y + 1} уч. г.", f" {y}–{y + 1} уч.г.",
        f" {y}/{y + 1} учебного года", f" {y}-{y + 1} уч. года"]))


@st.composite
def school_units(draw):
    """(text, kind name, number, school year) of a quarter, trimester or half-year phrase."""
    y = draw(school_years)
    unit = draw(st.sampled_from(["squarter", "trimester", "half"]))
    if unit == "squarter":
        q = draw(st.integers(1, 4))
        number = draw(numbers(q, FEMININE, ["-я", "-ая", "-й", "ая"]))
        word = draw(st.sampled_from(["четверть", "четверти", "четв.", "четв"]))
    elif unit == "trimester":
        q = draw(st.integers(1, 3))
        number = draw(numbers(q, MASCULINE, ["-й", "-ый"]))
        word = draw(st.sampled_from(["триместр", "триместре", "трим."]))
    else:
        q = draw(st.integers(1, 2))
        number = draw(numbers(q, NEUTER, ["-е", "-ое", "ое"]))
        word = draw(st.sampled_from(["полугодие", "полугодии", "пол-е", "пол-я", "полуг."]))
    prefix = draw(st.sampled_from(["", "", "в ", "во ", "до конца ", "к концу "]))
    text = f"{prefix}{number} {word}{draw(year_forms(y))}"
    return text, unit, q, y


@settings(max_examples=300, deadline=None)
@given(school_units())
def test_every_spelling_of_a_school_unit_ends_where_the_school_calendar_says(case):
    text, unit, q, y = case
    offset, month = {"squarter": QUARTER_ENDS, "trimester": TRIMESTER_ENDS,
                     "half": HALF_ENDS}[unit][q]
    term = read_deadline(text, school_period(y))
    assert term.kind is Kind.ONCE, text
    assert term.due == month_end(y + offset, month), text
    assert term.warnings == (), text


@settings(max_examples=200, deadline=None)
@given(school_years, st.sampled_from(sorted(HOLIDAYS)), st.data())
def test_every_spelling_of_holidays_is_their_window(y, season, data):
    text = data.draw(st.sampled_from(HOLIDAY_FORMS[season])) + data.draw(year_forms(y))
    (o1, m1, d1), (o2, m2, d2) = HOLIDAYS[season]
    term = read_deadline(text, school_period(y))
    assert (term.kind, term.start, term.due) == (
        Kind.RANGE, date(y + o1, m1, d1), date(y + o2, m2, d2)), text


MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря"]


@settings(max_examples=200, deadline=None)
@given(st.integers(1995, 2045), st.integers(1, 12), st.integers(1, 3), st.data())
def test_parts_of_a_month_are_its_ten_day_windows(y, m, part, data):
    month = MONTHS_GEN[m - 1]
    part_word = {1: ["начало", "в начале"], 2: ["середина", "в середине"],
                 3: ["конец", "в конце"]}[part]
    ordinal = {1: ["1-я", "первая", "I", "1"], 2: ["2-я", "вторая", "II", "в 2-й"],
               3: ["3-я", "третья", "III", "в третьей"]}[part]
    text = data.draw(st.sampled_from(
        [f"{w} {month} {y} года" for w in part_word]
        + [f"{o} {'декаде' if o.startswith('в ') else 'декада'} {month} {y} г." for o in ordinal]))
    first = date(y, m, 1 + 10 * (part - 1))
    last = month_end(y, m) if part == 3 else date(y, m, 10 * part)
    period = Period(date(y, 1, 1), date(y, 12, 31))
    term = read_deadline(text, period)
    assert (term.kind, term.start, term.due) == (Kind.RANGE, first, last), text


@st.composite
def declared_calendars(draw):
    """A school year with its own quarter and holiday dates, generated in order."""
    y = draw(school_years)
    day = date(y, 9, 1) + timedelta(days=draw(st.integers(0, 3)))
    quarters, holidays = [], []
    for q in range(4):
        end = day + timedelta(days=draw(st.integers(30, 60)))
        quarters.append((day, end))
        if q < 3:
            hol_start = end + timedelta(days=1)
            hol_end = hol_start + timedelta(days=draw(st.integers(3, 12)))
            holidays.append((hol_start, hol_end))
            day = hol_end + timedelta(days=1)
    summer = (quarters[-1][1] + timedelta(days=1), date(y + 1, 8, 31))
    names = ("autumn", "winter", "spring")
    cal = SchoolCalendar((SchoolYear(y, tuple(quarters), (),
                                     tuple(zip(names, holidays)) + (("summer", summer),)),))
    return y, cal, quarters, holidays + [summer]


@settings(max_examples=200, deadline=None)
@given(declared_calendars(), st.data())
def test_a_declared_calendar_wins_in_every_reading(declared, data):
    y, cal, quarters, holidays = declared
    period = school_period(y, cal)
    q = data.draw(st.integers(1, 4))
    term = read_deadline(f"{ROMAN[q]} четверть", period)
    assert term.due == quarters[q - 1][1]
    assert "сроки учебного года — по учебному календарю дорожной карты" in term.notes
    every = read_deadline(data.draw(st.sampled_from(
        ["ежечетвертно", "по итогам каждой четверти", "1 раз в четверть"])), period)
    assert every.dates == tuple(end for _, end in quarters)
    halves = read_deadline(data.draw(st.sampled_from(["1 раз в полугодие", "2 раза в год"])),
                           period)
    assert halves.dates == (quarters[1][1], quarters[3][1])
    assert read_deadline("до конца учебного года", period).due == quarters[3][1]
    text = data.draw(st.sampled_from(
        [f"в период {w} каникул" for w in ("осенних", "зимних", "весенних", "летних")]))
    season = ("осенних", "зимних", "весенних", "летних").index(text.split()[2])
    hol = read_deadline(text, period)
    assert (hol.kind, hol.start, hol.due) == (Kind.RANGE, *holidays[season])


readable = st.sampled_from(["15.12.2025", "10 ноября 2025 года", "II полугодие", "май 2026",
                            "I четверть 2025-2026 учебного года", "ежечетвертно",
                            "в период осенних каникул", "1-я декада сентября"])
marks = st.sampled_from(["*", "**", "¹", "²", "³", "***"])


@settings(max_examples=200, deadline=None)
@given(readable, marks, st.data())
def test_footnote_marks_never_change_a_reading(text, mark, data):
    period = school_period(2025)
    plain = read_deadline(text, period)
    # a mark right after any word or number of the text
    ends = [i for i in range(1, len(text) + 1)
            if text[i - 1].isalnum() and (i == len(text) or not text[i].isalnum())]
    cut = data.draw(st.sampled_from(ends))
    marked = read_deadline(text[:cut] + mark + text[cut:], period)
    assert (marked.kind, marked.start, marked.due, marked.dates, marked.recurrence) == (
        plain.kind, plain.start, plain.due, plain.dates, plain.recurrence)
    assert marked.notes[-1] == f"знак сноски «{mark}» не относится к сроку и пропущен"


MONTHS_NOM = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
              "сентябрь", "октябрь", "ноябрь", "декабрь"]


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1995, 1, 1), max_value=date(2045, 1, 1)),
       st.integers(0, 400), st.integers(1, 12))
def test_a_month_in_a_period_of_a_year_or_less_needs_no_warning(start, days, m):
    period = Period(start, start + timedelta(days=days))
    year = start.year if month_end(start.year, m) >= start else start.year + 1
    term = read_deadline(MONTHS_NOM[m - 1], period)
    assert term.due == month_end(year, m)
    inferred = [w for w in term.warnings if w.code == "year_inferred"]
    if days < 365:
        assert inferred == []
    elif days > 366:
        assert len(inferred) == 1
