"""Properties of read_deadline and parse_period over arbitrary and grammar-built texts."""

from __future__ import annotations

import json
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from roadmapctl.deadlines import Kind, Period, PeriodError, parse_period, read_deadline
from roadmapctl.deadlines.lexicon import LEXICON

# Periods as roadmaps have them: calendar years, academic years, and arbitrary spans.
years = st.integers(min_value=1995, max_value=2045)
calendar_periods = st.builds(
    lambda y, n: Period(date(y, 1, 1), date(y + n, 12, 31)), years, st.integers(0, 4))
academic_periods = st.builds(lambda y: Period(date(y, 9, 1), date(y + 1, 8, 31), True), years)
free_periods = st.builds(
    lambda a, days: Period(a, date.fromordinal(a.toordinal() + days)),
    st.dates(min_value=date(1995, 1, 1), max_value=date(2045, 12, 31)),
    st.integers(0, 3000))
periods = st.one_of(calendar_periods, academic_periods, free_periods)

# Texts built from the grammar's own vocabulary, numbers and punctuation, so that most of
# them come close to real deadlines (and many of them are read).
vocabulary = st.sampled_from(sorted(LEXICON) + ["I", "II", "III", "IV", "г.", "кв.", "сент."])
numbers = st.one_of(st.integers(0, 40).map(str), st.integers(1990, 2050).map(str),
                    st.sampled_from(["01.09.2021", "31.12.2022", "2021-05-31", "30.02.2021",
                                     "01.09.21", "2020/2021", "2020-2021", "10-го"]))
punctuation = st.sampled_from([",", ";", "\n", "-", "–", "—", "(", ")", ".", ":", "«", "»", "/"])
pieces = st.one_of(vocabulary, vocabulary, numbers, punctuation)
word_soup = st.lists(pieces, max_size=12).map(" ".join)

# Phrases built from the grammar's productions, joined the ways lists and ranges are written.
month_words = st.sampled_from([w for w, (cat, _) in LEXICON.items() if cat == "month"]
                              + ["янв.", "сент.", "дек."])
year_words = st.sampled_from(["", " г.", " г", " года", " год", " гг.", " г.г.", "г"])
year_opt = st.one_of(st.just(""), st.builds(lambda y, w: f" {y}{w}", st.integers(1990, 2050),
                                            year_words))
prefixes = st.sampled_from(["", "", "до ", "к ", "по ", "в ", "не позднее ", "до конца ",
                            "к началу ", "в течение ", "с "])
ordinals = st.sampled_from(["1", "2", "3", "4", "5", "I", "II", "III", "IV", "первый", "2-й"])
units = st.sampled_from(["квартал", "кв.", "квартале", "полугодие", "полугодии"])
elements = st.one_of(
    st.builds(lambda p, m, y: f"{p}{m}{y}", prefixes, month_words, year_opt),
    st.builds(lambda p, d, m, y: f"{p}{d} {m}{y}", prefixes, st.integers(0, 32), month_words,
              year_opt),
    st.builds(lambda p, o, u, y: f"{p}{o} {u}{y}", prefixes, ordinals, units, year_opt),
    st.builds(lambda p, d, m, y: f"{p}{d:02d}.{m:02d}.{y}", prefixes, st.integers(0, 32),
              st.integers(0, 13), st.integers(1990, 2050)),
    st.builds(lambda p, y: f"{p}{y}-{y + 1} учебного года", prefixes, st.integers(1990, 2050)),
    st.builds(lambda n, u: f"1 раз в {n} {u}", st.integers(0, 13),
              st.sampled_from(["месяца", "месяцев", "недели", "года", "квартала"])),
    st.builds(lambda c, u: f"{c} в {u}", st.sampled_from(["1 раз", "2 раза", "раз", "дважды",
                                                          "3 раза", "не реже 4 раз"]),
              st.sampled_from(["год", "месяц", "квартал", "полугодие", "полгода", "неделю"])),
    st.builds(lambda d: f"до {d} числа каждого месяца", st.integers(0, 33)),
    # the school year: quarters, trimesters, school half-years, holidays, parts of a month
    st.builds(lambda p, o, u, y: f"{p}{o} {u}{y}", prefixes,
              st.sampled_from(["1", "4", "5", "I", "IV", "1-я", "первая", "3ая", "2-е", "0"]),
              st.sampled_from(["четверть", "четв.", "триместр", "пол-е", "декада сентября",
                               "полугодие"]),
              st.one_of(year_opt, st.builds(lambda y: f" {y}-{y + 1} учебного года",
                                            st.integers(1990, 2050)))),
    st.builds(lambda p, s, y: f"{p}{s} каникул{y}", st.sampled_from(["", "в период ", "до "]),
              st.sampled_from(["осенних", "зимних", "весенних", "летних"]), year_opt),
    st.builds(lambda p, m: f"{p} {m}", st.sampled_from(["начало", "в середине", "конец",
                                                         "в конце", "до середины"]), month_words),
    st.sampled_from(["ежечетвертно", "по итогам каждой четверти", "в каникулярное время",
                     "к началу учебного года", "до конца учебного года", "конец четверти",
                     "в начале учебного года", "1 раз в триместр", "по итогам учебного года",
                     "ежегодно, в период летних каникул", "2020*", "май¹", "в течение 2021 года"]),
    st.sampled_from(["ежемесячно", "ежеквартально", "ежегодно", "еженедельно", "постоянно",
                     "в течение года", "в течение учебного года", "по графику",
                     "по отделному графику", "в соответствии с планом работы",
                     "Ежегодно (сентябрь)", "ежегодно до 1 июня", "по мере необходимости",
                     "Фронтальный –", "реализация", "(по графику ОО)", "(май)"]),
    # the phrasings of real plans (rules 13-17)
    st.sampled_from(["включительно", "(включительно)", "(суббота)", "ориентировочно",
                     "отчетного года", "ежеквартально, не позднее 3-го числа месяца, "
                     "следующего за отчетным периодом", "Каждый\nпонедельник",
                     "второе полугодие учебного года", "в конце ноября, февраля, мая",
                     "по решению ОО", "в новый дополнительный срок"]),
    # rules 20-28
    st.sampled_from(["по пятницам", "еженедельно (по средам)", "далее – ежегодно", "(ежегодно)",
                     "(далее ежегодно)", "2 раза в год (март, сентябрь)", "ежеквартально: март",
                     "ежегодно, март, май", "(до 5 числа)", "после утверждения приказа",
                     "в течение 10 рабочих дней со дня", "2 или 3 урок", "на 3-м уроке", "или",
                     "в теч. уч. года", "c", "B", "ноябь", "сентбяря",
                     "следующего за отчетным", "в летний период", "зимний период 2026 г.",
                     "каждую первую пятницу месяца", "1 этап –"]),
)
separators = st.sampled_from([", ", "; ", "\n", " ", " – ", "-", " и ", " по ", ", но "])
phrases = st.builds(
    lambda first, rest: first + "".join(sep + el for sep, el in rest),
    elements, st.lists(st.tuples(separators, elements), max_size=3))

grammar_texts = st.one_of(word_soup, phrases, phrases)
texts = st.one_of(st.text(max_size=80), grammar_texts)


def _all_terms(term):
    yield term
    for part in term.parts:
        yield from _all_terms(part)


@settings(max_examples=400, deadline=None)
@given(texts, periods)
def test_read_deadline_never_raises_and_keeps_its_invariants(text, period):
    term = read_deadline(text, period)
    assert term.text == text
    if any(d is not None and not period.start <= d <= period.end
           for d in (term.start, term.due, *term.dates)):
        # rule 11: a date outside the period, however far, is read and always said
        assert "outside_period" in {w.code for w in term.warnings}, text
    for t in _all_terms(term):
        assert not any(w.code == "internal_error" for w in t.warnings), (text, t.warnings)
        assert list(t.dates) == sorted(set(t.dates))
        if t.dates and t.kind in (Kind.ONCE, Kind.MILESTONES, Kind.RECURRING):
            assert t.due == max(t.dates)
        if t.start is not None and t.due is not None:
            assert t.start <= t.due
        if t.kind in (Kind.SCHEDULE, Kind.UNKNOWN, Kind.MISSING):
            assert (t.due, t.dates) == (None, ())
        for w in t.warnings:
            assert 0 <= w.start <= w.end <= len(text)
            assert w.message
    json.dumps(term.to_json(), ensure_ascii=False)
    assert term.describe()


@settings(max_examples=200, deadline=None)
@given(grammar_texts, periods)
def test_recurrences_stay_inside_the_period(text, period):
    for t in _all_terms(read_deadline(text, period)):
        if t.kind is Kind.RECURRING:
            assert all(period.start <= d <= period.end for d in t.dates)
        if t.kind is Kind.CONTINUOUS and not t.warnings:
            assert t.start <= t.due


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40), grammar_texts,
                 st.builds(lambda a, sep, b, tail: f"{a}{sep}{b}{tail}",
                           st.integers(1800, 2300), st.sampled_from(["-", "/", " - ", "–"]),
                           st.integers(1800, 2300),
                           st.sampled_from(["", " годы", " гг.", " учебный год", " г"]))))
def test_parse_period_raises_only_period_error(text):
    try:
        period = parse_period(text)
    except PeriodError as error:
        assert str(error)
    else:
        assert period.start <= period.end
        assert period.text == text.strip()


# ---- the phrasings of real plans (docs/deadlines.md, rules 11 and 13-17) -----------------------

RU_MONTHS_GEN = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                 "сентября", "октября", "ноября", "декабря")
RU_MONTHS_NOM = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
                 "сентябрь", "октябрь", "ноябрь", "декабрь")
WEEKDAY_NOTES = st.sampled_from(["(понедельник)", "(суббота)", "(пятница)", "(в штатном режиме)"])
day_pairs = st.tuples(st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
                      st.integers(0, 400)).map(
    lambda t: (t[0], date.fromordinal(t[0].toordinal() + t[1])))


def _long(d: date) -> str:
    return f"{d.day} {RU_MONTHS_GEN[d.month - 1]} {d.year} года"


def _inside(a: date, b: date) -> Period:
    return Period(date(a.year, 1, 1), date(b.year, 12, 31))


@settings(max_examples=150, deadline=None)
@given(day_pairs, WEEKDAY_NOTES, WEEKDAY_NOTES, st.booleans())
def test_notes_in_brackets_and_inclusive_keep_one_range(pair, note1, note2, inclusive):
    a, b = pair
    text = f"с {_long(a)} {note1} по {_long(b)} {note2}" + (" включительно" if inclusive else "")
    term = read_deadline(text, _inside(a, b))
    assert (term.kind, term.start, term.due, term.parts) == (Kind.RANGE, a, b, ())
    assert note1.strip("()") in term.notes and note2.strip("()") in term.notes
    assert not term.warnings


@settings(max_examples=150, deadline=None)
@given(day_pairs, st.sampled_from(["г.", "г", " г.", ""]), st.sampled_from(["с ", "С ", ""]),
       st.sampled_from([" по ", " – ", "-"]))
def test_mixed_range_forms_are_one_range(pair, suffix, lead, joint):
    a, b = pair
    if not lead and joint != " по ":
        joint = " по "  # "A – B" without "с" is the ordinary range (rule 4), tested elsewhere
    text = f"{lead}{a:%d.%m.%Y}{suffix}{joint}{b:%d.%m.%Y}{suffix}"
    term = read_deadline(text, _inside(a, b))
    assert (term.kind, term.start, term.due) == (Kind.RANGE, a, b), text


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 12), st.integers(1000, 9998), calendar_periods)
def test_a_far_year_is_read_with_a_warning(month, year, period):
    term = read_deadline(f"{RU_MONTHS_NOM[month - 1]} {year}", period)
    assert term.kind is Kind.ONCE and term.due.year == year and term.due.month == month
    outside = not period.start <= term.due <= period.end
    assert ({w.code for w in term.warnings} == {"outside_period"}) is outside


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 12), st.integers(1, 12), st.integers(2000, 2040),
       st.sampled_from(["\n", "\n\n", "\n \n", "\r\n\r\n"]), st.sampled_from(["г.", " год", ""]))
def test_a_year_on_its_own_line_belongs_to_the_months_before_it(m1, m2, year, wrap, suffix):
    period = Period(date(year - 1, 1, 1), date(year + 1, 12, 31))
    written = f"{RU_MONTHS_NOM[m1 - 1]}-{RU_MONTHS_NOM[m2 - 1]}"
    wrapped = read_deadline(f"{written}{wrap}{year}{suffix}", period)
    one_line = read_deadline(f"{written} {year}{suffix}", period)
    assert (wrapped.kind, wrapped.start, wrapped.due, wrapped.dates) == (
        one_line.kind, one_line.start, one_line.due, one_line.dates)
    assert wrapped.kind is Kind.RANGE


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["в начале", "в середине", "в конце"]),
       st.lists(st.integers(1, 12), min_size=2, max_size=4), academic_periods)
def test_a_part_of_a_month_applies_to_every_month_of_the_list(part, months, period):
    listed = f"{part} " + ", ".join(RU_MONTHS_GEN[m - 1] for m in months)
    each = ", ".join(f"{part} {RU_MONTHS_GEN[m - 1]}" for m in months)
    distributed, written_out = read_deadline(listed, period), read_deadline(each, period)
    assert distributed.kind is written_out.kind
    assert (distributed.start, distributed.due, distributed.dates) == (
        written_out.start, written_out.due, written_out.dates)
    assert [(p.start, p.due) for p in distributed.parts] == [
        (p.start, p.due) for p in written_out.parts]


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 31), st.sampled_from(["ежеквартально", "ежемесячно", "1 раз в полугодие"]),
       calendar_periods)
def test_a_report_falls_in_the_month_after_each_period(day, rhythm, period):
    term = read_deadline(f"{rhythm}, не позднее {day}-го числа месяца, следующего за "
                         "отчетным периодом", period)
    assert term.kind is Kind.RECURRING and term.dates
    step = {"ежеквартально": 3, "ежемесячно": 1, "1 раз в полугодие": 6}[rhythm]
    for d in term.dates:
        assert period.start <= d <= period.end
        assert ((d.month - 2) % 12 + 1) % step == 0  # the month after a period's last month
        assert d.day == day or (d.day < day and (d + timedelta(days=1)).day == 1)


ORDINALS_ACC = ("первый", "второй", "третий", "четвертый")  # masculine: понедельник, вторник …
ORDINALS_ACC_F = ("первую", "вторую", "третью", "четвертую")  # feminine: среду, пятницу …
WEEKDAYS_ACC = ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье")


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 4), st.integers(0, 6), st.integers(1, 12), st.integers(1990, 2040))
def test_the_nth_weekday_of_a_month(n, weekday, month, year):
    ordinal = (ORDINALS_ACC_F if weekday in (2, 4, 5) else ORDINALS_ACC)[n - 1]
    if weekday == 6:
        ordinal = ("первое", "второе", "третье", "четвертое")[n - 1]
    text = f"в {ordinal} {WEEKDAYS_ACC[weekday]} {RU_MONTHS_GEN[month - 1]} {year} года"
    term = read_deadline(text, Period(date(year, 1, 1), date(year, 12, 31)))
    assert term.kind is Kind.ONCE and not term.warnings, text
    d = term.due
    assert (d.year, d.month, d.weekday(), (d.day - 1) // 7 + 1) == (year, month, weekday, n)
