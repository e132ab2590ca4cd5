"""Properties of read_deadline and parse_period over arbitrary and grammar-built texts."""

from __future__ import annotations

import json
from datetime import date

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
