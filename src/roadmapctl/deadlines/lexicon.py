"""The vocabulary of Russian deadline texts and the normalisation of single words.

Every word of a deadline is reduced to a *norm* (lower case, ё → е, Latin look-alike letters
inside Cyrillic words replaced, soft hyphens and zero-width characters dropped) and looked up
here.  A word that is not in the vocabulary but is one edit (Damerau-Levenshtein distance 1)
away from exactly one vocabulary meaning is read as that word; the parser reports the
correction as a typo only when it actually relies on the word.

An entry is a pair ``(category, value)``; the categories are the module-level constants below.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from roadmapctl.textutil import within_one_edit

# Categories -------------------------------------------------------------------------------
MONTH = "month"  # value: 1..12
MONTH_ABBR = "month_abbr"  # value: 1..12 (may be followed by a dot)
YEAR_WORD = "year_word"  # г, гг, год, года, годы ... (value: None)
ACADEMIC = "academic"  # учебный, учебного, уч
QUARTER = "quarter"  # квартал, кв
HALF = "half"  # полугодие
HALF_YEAR = "half_year"  # полгода
MONTH_WORD = "month_word"  # месяц
WEEK_WORD = "week_word"  # неделя
DAY_WORD = "day_word"  # число (day of month)
TIMES = "times"  # раз, раза
EVERY = "every"  # каждый
REC = "rec"  # value: monthly | quarterly | half-yearly | yearly | weekly
CONT = "cont"  # постоянно, систематически ...
ORDINAL = "ordinal"  # value: 1..4
CARDINAL = "cardinal"  # value: number
MULTIPLIER = "multiplier"  # дважды (2), трижды (3)
SCHED_NOUN = "sched_noun"  # графику, плану ...
SCHED_ADJ = "sched_adj"  # отдельному, индивидуальному ...
SCHED_HEAD = "sched_head"  # what follows "по" in a schedule phrase: мере, запросу ...
WORD = "w"  # a grammar word standing for itself (value: the norm)
ROMAN = "roman"  # value: 1..4 (decided in the lexer, not listed here)
SQUARTER = "squarter"  # четверть (a quarter of the school year)
TRIMESTER = "trimester"  # триместр
DECADE = "decade"  # декада (ten days of a month)
HOLIDAY = "holiday"  # каникулы
HOLIDAY_ADJ = "holiday_adj"  # каникулярное (время)
SEASON = "season"  # value: 1..4 (осенние, зимние, весенние, летние)
PART = "part"  # value: 1 (начало), 2 (середина), 3 (конец) — a part of a span
WEEKDAY = "weekday"  # value: 0 (понедельник) … 6 (воскресенье)
REPORT = "report"  # отчетный, отчетного … (the period a report is for)
HEDGE = "hedge"  # ориентировочно, примерно … (a note in front of a term)
INCLUSIVE = "inclusive"  # включительно (a note after a term)

LEXICON: dict[str, tuple[str, object]] = {}


def _add(category: str, value: object, *words: str) -> None:
    for word in words:
        LEXICON[word] = (category, value)


# Months in every case form, and their abbreviations.
_SOFT_STEMS = {1: "январ", 2: "феврал", 4: "апрел", 6: "июн", 7: "июл", 9: "сентябр",
               10: "октябр", 11: "ноябр", 12: "декабр"}
for _m, _stem in _SOFT_STEMS.items():
    _add(MONTH, _m, *(_stem + end for end in ("ь", "я", "е", "ю", "ем")))
for _m, _stem in {3: "март", 8: "август"}.items():
    _add(MONTH, _m, *(_stem + end for end in ("", "а", "е", "у", "ом")))
_add(MONTH, 5, "май", "мая", "мае", "маю", "маем")
for _m, _abbrs in {1: ("янв",), 2: ("фев", "февр"), 3: ("мар",), 4: ("апр",), 6: ("июн",),
                   7: ("июл",), 8: ("авг",), 9: ("сен", "сент"), 10: ("окт",),
                   11: ("ноя", "нояб"), 12: ("дек",)}.items():
    _add(MONTH_ABBR, _m, *_abbrs)

_add(YEAR_WORD, None, "г", "гг", "год", "года", "году", "годом", "годе", "годы", "годов",
     "годам", "годах", "лет")
_add(ACADEMIC, None, "учебный", "учебного", "учебному", "учебным", "учебном", "учебные",
     "учебных", "учебная", "учебной", "учебную", "уч")
_add(QUARTER, None, "квартал", "квартала", "кварталу", "кварталом", "квартале", "кварталы",
     "кварталов", "кварталам", "кварталах", "кв")
_add(HALF, None, "полугодие", "полугодия", "полугодию", "полугодием", "полугодии",
     "полугодья", "полугодье", "полугодий", "полугодиям", "полугод")
_add(HALF_YEAR, None, "полгода", "полугода")
# "пол-е", "пол-я": contracted words written with a hyphen (joined by the lexer)
_add(HALF, None, "пол-е", "пол-я", "пол-ие", "пол-ия", "пол-ии", "пол-ю", "полуг", "пол")
_add(SQUARTER, None, "четверть", "четверти", "четвертью", "четвертей", "четвертям",
     "четвертями", "четвертях", "четв")
_add(TRIMESTER, None, "триместр", "триместра", "триместру", "триместром", "триместре",
     "триместры", "триместров", "триместрам", "триместрами", "триместрах", "трим")
_add(DECADE, None, "декада", "декады", "декаде", "декаду", "декадой", "декад", "декадам",
     "декадах")
_add(HOLIDAY, None, "каникулы", "каникул", "каникулам", "каникулами", "каникулах", "кан")
_add(PART, 1, "начало", "начала", "началу", "началом", "начале")
_add(PART, 2, "середина", "середины", "середине", "середину", "серединой")
_add(PART, 3, "конец", "конца", "концу", "концом", "конце", "окончание", "окончания",
     "окончанию", "завершение", "завершения", "завершению")
_add(MONTH_WORD, None, "месяц", "месяца", "месяцу", "месяцем", "месяце", "месяцы",
     "месяцев", "месяцам", "мес")
_add(WEEK_WORD, None, "неделя", "недели", "неделю", "неделей", "неделе", "недель")
_add(DAY_WORD, None, "число", "числа", "числу", "числе", "чисел")
_add(TIMES, None, "раз", "раза")
_add(EVERY, None, "каждый", "каждого", "каждому", "каждым", "каждом", "каждая", "каждой",
     "каждую", "каждое", "каждые", "каждых")
_add(REC, "monthly", "ежемесячно", "помесячно")
_add(REC, "quarterly", "ежеквартально", "поквартально")
_add(REC, "half-yearly", "полугодично")
_add(REC, "yearly", "ежегодно")
_add(REC, "weekly", "еженедельно")
_add(REC, "school-quarterly", "ежечетвертно", "почетвертно")
_add(REC, "school-trimesterly", "ежетриместрово", "потриместрово")
_add(CONT, None, "постоянно", "систематически", "регулярно", "ежедневно", "непрерывно")
for _n, _stem in {1: "перв", 2: "втор", 4: "четверт"}.items():
    _add(ORDINAL, _n, *(_stem + end for end in ("ый", "ой", "ого", "ому", "ым", "ом", "ое",
                                                   "ая", "ую")))
_add(ORDINAL, 3, "третий", "третьего", "третьему", "третьим", "третьем", "третье",
     "третья", "третью", "третьей")
_add(CARDINAL, 1, "один", "одного", "одному", "одним", "одном", "одна", "одну")
_add(CARDINAL, 2, "два", "двух", "две")
_add(CARDINAL, 3, "три", "трех")
_add(CARDINAL, 4, "четыре", "четырех")
_add(CARDINAL, 5, "пять", "пяти")
_add(CARDINAL, 6, "шесть", "шести")
_add(CARDINAL, 12, "двенадцать", "двенадцати")
_add(MULTIPLIER, 2, "дважды")
_add(MULTIPLIER, 3, "трижды")
_add(SCHED_NOUN, None, "график", "графика", "графику", "графиком", "графике", "графики",
     "графиков", "графикам", "графиками", "план", "плана", "плану", "планом", "плане",
     "планы", "планов", "планам", "планами", "расписанию", "расписанием", "расписания")
_add(SCHED_ADJ, None, "отдельному", "отдельным", "отдельного", "индивидуальному",
     "индивидуальным", "утвержденному", "утвержденным", "единому", "особому",
     "специальному", "согласованному", "составленному", "общему", "годовому",
     "дополнительному", "своему", "своим", "собственному", "рабочему", "рабочим")
_add(SCHED_HEAD, None, "решению", "решением", "усмотрению", "мере", "необходимости", "запросу", "запросам", "согласованию",
     "итогам", "результатам", "окончании", "завершении", "требованию", "заявкам", "заявке", "факту")
_add(WEEKDAY, 0, "понедельник", "понедельника", "понедельнику", "понедельником", "понедельнике",
     "понедельники", "понедельникам")
_add(WEEKDAY, 1, "вторник", "вторника", "вторнику", "вторником", "вторнике", "вторники",
     "вторникам")
_add(WEEKDAY, 2, "среда", "среду", "среды", "среде", "средой", "средам")
_add(WEEKDAY, 3, "четверг", "четверга", "четвергу", "четвергом", "четверге", "четверги",
     "четвергам")
_add(WEEKDAY, 4, "пятница", "пятницу", "пятницы", "пятнице", "пятницей", "пятницам")
_add(WEEKDAY, 5, "суббота", "субботу", "субботы", "субботе", "субботой", "субботам")
_add(WEEKDAY, 6, "воскресенье", "воскресенья", "воскресенью", "воскресеньем", "воскресеньям")
_add(HEDGE, None, "ориентировочно", "примерно", "предположительно", "приблизительно")
_add(INCLUSIVE, None, "включительно")
_add(WORD, None, "в", "во", "к", "ко", "до", "по", "с", "со", "на", "не", "позднее", "позже",
     "реже", "чем", "течение", "время", "времени", "дни",
     "протяжении", "ходе", "процессе", "весь", "всего", "всей", "всех", "срок", "срока",
     "сроки", "сроков", "период", "периода", "периоды", "периоде", "периодом", "реализации",
     "реализация", "реализацию", "реализацией", "работы", "процесса", "необходимость", "соответствии",
     "соответствие", "согласно", "установленные", "установленным", "определенные", "и",
     "при", "го", "й", "е", "ое", "ый", "ой", "ого")

# Every form of the adjectives and nouns above, so that a legitimate form is never "corrected"
# into a neighbouring vocabulary word ("постоянной" is not a typo of "постоянно").
def _adjective(stem: str) -> list[str]:
    if stem[-1] in "кгх":
        ends = ("ий", "ой", "ая", "ое", "ие", "ого", "ому", "им", "ом", "ую", "их", "ими")
    elif stem[-1] in "жчшщ":
        ends = ("ий", "ая", "ее", "ие", "его", "ему", "им", "ем", "ую", "их", "ими", "ей")
    else:
        ends = ("ый", "ой", "ая", "ое", "ые", "ого", "ому", "ым", "ом", "ую", "ых", "ыми")
    return [stem + end for end in ends]


def _noun(stem: str) -> list[str]:
    plural = "и" if stem[-1] in "гкхжчшщ" else "ы"
    return [stem + end for end in ("", "а", "у", "ом", "е", plural, "ов", "ам", "ами", "ах")]


for _stem in ("отдельн", "индивидуальн", "утвержденн", "согласованн", "составленн",
              "специальн", "дополнительн", "годов", "собственн", "рабоч"):
    for _form in _adjective(_stem):
        LEXICON.setdefault(_form, (SCHED_ADJ, None))
for _stem in ("график", "план"):
    for _form in _noun(_stem):
        LEXICON.setdefault(_form, (SCHED_NOUN, None))
for _form in _adjective("учебн"):
    LEXICON.setdefault(_form, (ACADEMIC, None))
for _form in _adjective("отчетн"):
    LEXICON.setdefault(_form, (REPORT, None))


def _soft_adjective(stem: str) -> list[str]:
    return [stem + end for end in ("ий", "яя", "ее", "ие", "его", "ему", "им", "ем", "юю",
                                   "их", "ими", "ей")]


for _n, _stem in {1: "осенн", 2: "зимн", 3: "весенн", 4: "летн"}.items():
    for _form in _soft_adjective(_stem):
        LEXICON.setdefault(_form, (SEASON, _n))
_add(SEASON, 1, "осен", "осенн")
_add(SEASON, 2, "зим", "зимн")
_add(SEASON, 3, "весен", "весн", "весенн")
_add(SEASON, 4, "летн")
for _form in _adjective("каникулярн"):
    LEXICON.setdefault(_form, (HOLIDAY_ADJ, None))
KNOWN_WORDS = frozenset(
    [form for stem in ("постоянн", "систематическ", "регулярн", "ежедневн", "непрерывн",
                       "ежемесячн", "ежеквартальн", "ежегодн", "еженедельн", "помесячн",
                       "поквартальн", "полугодичн", "установленн", "определенн", "общ", "особ",
                       "един")
     for form in _adjective(stem)]
    + [form for stem in ("результат", "запрос", "процесс", "урок", "срок", "период", "итог")
       for form in _noun(stem)]
    + [stem + end for stem in ("требовани", "согласовани", "окончани", "поступлени",
                               "утверждени", "составлени")
       for end in ("е", "я", "ю", "ем", "и", "й", "ям", "ями", "ях")]
    + ["свой", "своя", "свое", "свои", "своего", "своей", "своих", "своими", "работа",
       "работе", "работу", "работой", "работам", "работами", "работах", "работ", "учебно",
       "необходимостью", "соответствия", "соответствию", "соответствием"]
) - LEXICON.keys()

_ORDER = {w: k for k, w in enumerate(LEXICON)}
# Words that fuzzy matching may correct to: long vocabulary words only.
_FUZZY_MIN = 6
_LONG_WORDS = tuple(w for w in LEXICON if len(w) >= _FUZZY_MIN)
_DELETES: dict[str, list[str]] = {}
for _w in _LONG_WORDS:
    for _k in range(len(_w)):
        _DELETES.setdefault(_w[:_k] + _w[_k + 1:], []).append(_w)
    _DELETES.setdefault(_w, []).append(_w)

# Latin letters that look like Cyrillic ones (after lower-casing).
_HOMOGLYPHS = str.maketrans({"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х",
                             "y": "у", "k": "к", "m": "м", "t": "т", "b": "в", "h": "н"})
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# Abbreviations read as the grammar word they stand for; the lexer drops the dot after these
# and the other DOTTED_ABBREVIATIONS ("в теч. уч. года").
_ABBREVIATIONS = {"теч": "течение"}
DOTTED_ABBREVIATIONS = frozenset(_ABBREVIATIONS) | {"уч"}


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _fuzzy(norm: str) -> str | None:
    """The vocabulary word one edit away from ``norm``, if its meaning is unambiguous.  A word
    shorter than the vocabulary's long words may only be a month name that lost a letter
    ("ноябь"): other five-letter words are too often real words one letter from a vocabulary
    word ("треть", "начал")."""
    candidates = set(_DELETES.get(norm, ()))
    short = len(norm) < _FUZZY_MIN
    if not short:
        for k in range(len(norm)):
            candidates.update(_DELETES.get(norm[:k] + norm[k + 1:], ()))
    # ties between forms of one word go to the form listed first (the nominative)
    found = sorted((w for w in candidates if within_one_edit(norm, w)
                    and (not short or (len(w) == len(norm) + 1 and LEXICON[w][0] == MONTH))),
                   key=_ORDER.__getitem__)
    if not found:
        return None
    meanings = {LEXICON[w] for w in found}
    if len(meanings) != 1:
        return None
    return found[0]


@lru_cache(maxsize=4096)
def normalize_word(raw: str) -> tuple[str, tuple[str, object] | None, str | None]:
    """Return ``(norm, entry, fix)`` for one word as written.

    ``fix`` is None, ``"typo"`` (read as the vocabulary word ``norm`` although written
    differently) or ``"latin"`` (Latin look-alike letters inside a Cyrillic word)."""
    word = unicodedata.normalize("NFC", raw).translate(_INVISIBLE)
    norm = word.lower().replace("ё", "е")
    roman = norm.replace("і", "i")
    if roman in _ROMAN:
        return roman, (ROMAN, _ROMAN[roman]), None
    fix = None
    if any("a" <= ch <= "z" for ch in norm):
        mapped = norm.translate(_HOMOGLYPHS)
        # Latin look-alikes inside a Cyrillic word, or a whole word of them that is a Russian
        # vocabulary word ("c" for the preposition "с", rule 23)
        if mapped != norm and (any(_is_cyrillic(ch) for ch in norm)
                               or (mapped in LEXICON and all(map(_is_cyrillic, mapped)))):
            norm, fix = mapped, "latin"
    if norm in _ABBREVIATIONS:
        return _ABBREVIATIONS[norm], LEXICON.get(_ABBREVIATIONS[norm]), fix
    entry = LEXICON.get(norm)
    if entry is None and len(norm) >= _FUZZY_MIN - 1 and norm not in KNOWN_WORDS \
            and all(_is_cyrillic(ch) for ch in norm):
        target = _fuzzy(norm)
        if target is not None:
            return target, LEXICON[target], "typo"
    return norm, entry, fix
