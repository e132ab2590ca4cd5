"""A small recursive-descent grammar of Russian deadline texts.

The parser turns tokens into *items*, in textual order:

    text      := item ( separator? item )*            separators: , ; line break . и –
    item      := ( label ( "–" | ":" )? )? core ( "(" note-or-anchor ")" )*
    core      := schedule | continuous | recurrence | dated
    dated     := ( "с" span ("по" | "до" | "–") span )
               | prefix? ( span ( "–" span )* | number "–" span )
    prefix    := к | до | по | в | на | не позднее [чем] | не позже | в срок до …  (+ конца / начала)
    span      := day month [year] | dd.mm.yyyy | yyyy-mm-dd | month [","] [year]
               | (n | I..IV | первый…) (квартал | кв. | полугодие | четверть | триместр)
                 [year | academic year]
               | (n | I..III | первая…) декада month [year]
               | (осенние | зимние | весенние | летние) каникулы [year | academic year]
               | year | yyyy-yyyy учебный год | yyyy/yyyy
    part      := (начало | середина | конец …) span      (a ten-day part of a month, the
                 first or last month of a longer span)
    year      := yyyy ( г | г. | гг. | г.г. | год | года … )*
    recurrence:= [не реже] ( ежемесячно | каждый <unit> | N раз(а) в [M] <unit> | дважды в <unit>
               | [до] N числа каждого месяца ) [day of month | yearly anchor]
               | ежечетвертно | (по итогам | в конце) [каждой] (четверти | триместра | полугодия)
               | [в | во | на] [период | время | дни] каникул(ы) | в каникулярное время
    continuous:= постоянно | систематически | в течение (года | учебного года | всего срока … | span)
               | в процессе … | на протяжении …
    schedule  := по [отдельному …] графику … | в соответствии с … | по мере … | по запросу … | …

Year resolution, dates and kinds are computed from the items by reader.py; the parser only
knows the words.
"""

from __future__ import annotations

from roadmapctl.textutil import plural_word

from . import lexicon as lx
from .calendar_units import MONTHS_GEN, CalendarUnit, last_day
from .lexer import (
    COLON,
    COMMA,
    DASH,
    DOT,
    LPAR,
    NL,
    NUM,
    QUOTE,
    RPAR,
    SEMI,
    SLASH,
    WORD,
)
from .recurrence import (
    DayOfMonth,
    EveryMonths,
    EveryYears,
    FromStart,
    InMonths,
    MonthlyWeekday,
    Recurrence,
    ReportAfter,
    SchoolUnits,
    Weekly,
    Yearly,
)


class ParseFailure(Exception):
    """The text cannot be read: ``code`` is "unknown" or "impossible_date"."""

    def __init__(self, code: str, message: str, a: int = 0, b: int = 0):
        super().__init__(message)
        self.code = code
        self.message = message
        self.a = a
        self.b = b


class Item:
    """One piece of a deadline: ``kind`` is "point", "range", "rec", "cont" or "sched"."""

    __slots__ = ("kind", "span", "span2", "rec", "prefix", "chain", "i0", "c0", "i1", "label",
                 "notes", "free", "school_year")

    def __init__(self, kind, i0, i1, span=None, span2=None, rec=None, prefix=None):
        self.kind = kind
        self.span = span
        self.span2 = span2
        self.rec = rec
        self.prefix = prefix
        self.chain = False
        self.i0 = i0  # first token (of the label, when there is one)
        self.c0 = i0  # first token of the term itself
        self.i1 = i1
        self.label = None
        self.notes: list[str] = []
        self.free: list[tuple[int, int]] = []
        self.school_year = False  # "в течение учебного года": a school year not named


_PREFIXES = {"до", "к", "ко", "по", "в", "во", "на"}
_ORD_SUFFIX = {"й", "го", "е", "ое", "ый", "ой", "ого", "м", "ом", "ым", "ем", "им", "я", "ая",
               "ю", "ую"}
_EDGE_END = {"конца", "конец", "концу", "окончания", "окончанию", "завершения", "завершению"}
_EDGE_START = {"начала", "начало", "началу"}
_ALL = {"всего", "всей", "весь", "всех"}
_LABEL_NEXT = {"до", "к", "ко", "по", "не", "с", "со", "в", "во", "на", "согласно", "при"}
_REC_START_CATS = {lx.REC, lx.EVERY, lx.TIMES, lx.MULTIPLIER, lx.CARDINAL}
_CAL_STEPS = {"monthly": 1, "quarterly": 3, "half-yearly": 6, "yearly": 12}
_SCHOOL_STEPS = {"school-quarterly": "squarter", "school-trimesterly": "trimester"}
_UNIT_OF_CAT = {lx.MONTH_WORD: "month", lx.QUARTER: "quarter", lx.HALF: "half",
                lx.HALF_YEAR: "half", lx.YEAR_WORD: "year", lx.WEEK_WORD: "week",
                lx.SQUARTER: "squarter", lx.TRIMESTER: "trimester", lx.HOLIDAY: "holiday"}
_UNIT_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12}
_SCHOOL_UNITS = {"squarter", "trimester", "holiday"}
_ANCHOR_KINDS = {"month", "day", "quarter", "half", "squarter", "trimester", "holiday"}
# numbered units: (span kind, how many in a year, genitive for messages)
_NUMBERED = {lx.QUARTER: ("quarter", 4, "квартала"), lx.HALF: ("half", 2, "полугодия"),
             lx.SQUARTER: ("squarter", 4, "четверти"), lx.TRIMESTER: ("trimester", 3, "триместра"),
             lx.DECADE: ("decade", 3, "декады")}
# "в период каникул", "во время каникул", "в дни каникул", "в ходе …", "в течение …"
_DURING = {"период", "время", "дни", "ходе", "течение"}
_RESULTS = {"итогам", "окончании", "результатам", "завершении"}
# what may start "в каникулярное время", "по итогам каждой четверти", "конец четверти"
_SCHOOL_REC_CATS = {lx.HOLIDAY, lx.HOLIDAY_ADJ, lx.PART}
_SCHOOL_REC_WORDS = {"в", "во", "на", "по"}
_UNIT_PHRASE = {"month": "месяц", "quarter": "квартал", "half": "полугодие", "year": "год",
                "week": "неделю"}
_CONJUNCTIONS = {"и", "но", "а", "также"}
_INCLUSIVE_NOTE = "«включительно»: последний день входит в срок"
# what may follow "месяца, следующего за" in a report deadline (rule 15)
_REPORT_PERIODS = {"периодом", "период", "кварталом", "квартал", "месяцем", "месяц", "годом",
                   "полугодием"}
# the units and words of a time counted from an event (rule 24)
_EVENT_UNITS = {lx.MONTH_WORD, lx.WEEK_WORD, lx.YEAR_WORD, lx.HALF_YEAR}
_DAY_WORDS = {"день", "дня", "дней", "дню", "сутки", "суток"}
_DAY_KINDS_WORDS = {"рабочих", "рабочего", "календарных", "календарного"}
_EVENT_STARTS = {"дня", "момента", "даты"}
_FREE_WORDS = {"реализации", "работы", "и", "проекта", "программы"}


class Parser:
    def __init__(self, tokens, text: str):
        self.t = tokens
        self.n = len(tokens)
        self.text = text

    # small helpers --------------------------------------------------------------------------
    def norm(self, i: int):
        if i < self.n:
            tok = self.t[i]
            if tok.kind == WORD:
                return tok.norm
        return None

    def cat(self, i: int):
        if i < self.n:
            return self.t[i].cat
        return None

    def kind(self, i: int):
        if i < self.n:
            return self.t[i].kind
        return None

    def is_year(self, i: int) -> bool:
        if i < self.n:
            tok = self.t[i]
            return tok.kind == NUM and len(tok.norm) == 4 and tok.val >= 1000
        return False

    def adjacent(self, i: int, j: int) -> bool:
        """Tokens i..j follow one another without spaces."""
        t = self.t
        return all(t[k].b == t[k + 1].a for k in range(i, j))

    def slice(self, i: int, j: int) -> str:
        """Text of tokens i..j-1 as written."""
        if j <= i:
            return ""
        return self.text[self.t[i].a:self.t[j - 1].b]

    def fail_impossible(self, message: str, i: int, j: int):
        raise ParseFailure("impossible_date", message, self.t[i].a, self.t[min(j, self.n) - 1].b)

    # top level ------------------------------------------------------------------------------
    def parse(self) -> list[Item]:
        items: list[Item] = []
        i = 0
        n = self.n
        t = self.t
        while True:
            while i < n and (t[i].kind in (COMMA, SEMI, NL, DOT, DASH)
                             or (t[i].kind == WORD and t[i].norm in _CONJUNCTIONS)):
                i += 1
            if i < n and t[i].kind == LPAR and items and items[-1].i1 == i:
                k = self.closing(i)  # a rhythm in brackets after a term (rule 28)
                r = self.item(i + 1)
                if r is not None and r[1] == k:
                    items.append(r[0])
                    i = min(k + 1, n)
                    continue
            if i >= n:
                break
            r = self.item(i)
            if r is None:
                if items and t[i].kind == WORD and t[i].norm == "или":
                    self.fail_choice(items[-1], i)
                raise ParseFailure("unknown", self._unread(i), t[i].a, t[n - 1].b)
            item, i = r
            items.append(item)
        return _distribute_parts(self.t, _merge_years(self.t, _merge_anchors(items)))

    def fail_choice(self, before: Item, i: int) -> None:
        """"15 марта или 15 мая": which of the dates is the deadline is not said (rule 26)."""
        first = self.slice(before.i0, before.i1)
        other = self.slice(i + 1, self.n)
        raise ParseFailure(
            "unknown", f"срок не распознан: указано несколько сроков на выбор («{first}» или "
            f"«{other}»), и какой из них считать сроком, не сказано. Укажите один срок или "
            "срок в явном виде (срок_явно)", self.t[before.i0].a, self.t[self.n - 1].b)

    def _unread(self, i: int) -> str:
        rest = self.text[self.t[i].a:self.t[self.n - 1].b]
        if len(rest) > 60:
            rest = rest[:57].rstrip() + "…"
        if i == 0:
            return ("срок не распознан: ни одно правило чтения сроков к нему не подходит. "
                    "Уточните формулировку или укажите срок в явном виде (срок_явно)")
        return (f"срок не распознан: не удалось прочитать «{rest}». "
                "Уточните формулировку или укажите срок в явном виде (срок_явно)")

    def item(self, i: int):
        if i >= self.n:
            return None
        tok = self.t[i]
        hedge = i if tok.cat == lx.HEDGE else None  # "ориентировочно 20 сентября"
        if hedge is None and (tok.kind == NUM or tok.norm in ("на", "в", "во")):
            lesson = self.lesson_end(i)
            if lesson is not None:  # "2 или 3 урок по расписанию" (rule 25)
                hedge, i = i, lesson - 1
        if hedge is not None:
            i += 1
        r = self.core(i)
        if r is None:
            r = self.labelled(i)
            if r is None:
                return None
        item, j = r
        if hedge is not None:
            item.notes.append(self.slice(hedge, i))
            item.free.append((hedge, i))
            item.i0 = hedge
        return item, self.trailing_notes(item, j)

    def season_period(self, i: int):
        """"[в] летний период [2026 года]": the three months of a season (rule 32)."""
        j = i + 1 if self.cat(i) != lx.SEASON else i
        if self.norm(j + 1) not in ("период", "периода", "периоде"):
            return None
        first_month = _SEASON_MONTHS[self.t[j].val]
        y, k = self.year_part(j + 2)
        last_month = (first_month + 1) % 12 + 1
        a, b = self.t[j].a, self.t[k - 1].b
        first = CalendarUnit("month", None, first_month, a=a, b=b)
        last = CalendarUnit("month", y, last_month, a=a, b=b)
        return Item("range", i, k, span=first, span2=last), k

    def lesson_end(self, i: int) -> int | None:
        """Where lesson numbers starting at i end ("2 или 3 урок", "на 3-м уроке": a time of
        the school day, not a date; rule 25), when a term follows them; else None."""
        tok = self.t[i]
        if tok.kind == NUM:
            j = i
        elif tok.kind == WORD and tok.norm in ("на", "в", "во") and self.kind(i + 1) == NUM:
            j = i + 1
        else:
            return None  # the common case: no lesson number here
        while True:
            if self.kind(j) != NUM or len(self.t[j].norm) > 1:
                return None
            j += 1
            if self.kind(j) == DASH and self.norm(j + 1) in _ORD_SUFFIX:
                j += 2
            if self.kind(j) == COMMA or self.kind(j) == DASH or self.norm(j) in ("или", "и"):
                j += 1
                continue
            break
        if not (self.norm(j) or "").startswith("урок") or j + 1 >= self.n:
            return None
        return j + 1

    def closing(self, j: int) -> int:
        """The ")" matching the "(" at j (or the end of the text)."""
        depth = 0
        k = j
        while k < self.n:
            if self.t[k].kind == LPAR:
                depth += 1
            elif self.t[k].kind == RPAR:
                depth -= 1
                if depth == 0:
                    break
            k += 1
        return k

    def trailing_notes(self, item: Item, j: int) -> int:
        """Parentheses after a term are notes (rule 9) or complete a recurrence ("Ежегодно
        (сентябрь)"); «включительно» after it is a note too (rule 13)."""
        while j < self.n and (self.kind(j) == LPAR or self.cat(j) == lx.INCLUSIVE):
            if self.cat(j) == lx.INCLUSIVE:
                item.notes.append(_INCLUSIVE_NOTE)
                item.free.append((j, j + 1))
                j += 1
            else:
                k = self.closing(j)
                if not self.paren_anchor(item, j + 1, k):
                    if self.rhythm_inside(j + 1, k):
                        break  # "сентябрь (ежегодно)": read as if unbracketed (rule 28)
                    if item.kind == "rec" and self.names_dates(j + 1, k):
                        raise ParseFailure(
                            "unknown", f"срок не распознан: в скобках после повторения "
                            f"«{self.slice(item.c0, j)}» названо «{self.slice(j + 1, k)}», и как "
                            "это уточняет повторение, не ясно. Уточните срок или укажите его в "
                            "явном виде (срок_явно)", self.t[j].a, self.t[min(k, self.n - 1)].b)
                    self.note(item, j + 1, k)
                j = min(k + 1, self.n)
            item.i1 = j
        return j

    def names_dates(self, i: int, k: int) -> bool:
        """Whether tokens i..k-1 name dates: months, days, numbers, parts of the school year
        ("апрель-май", "конец учебного года"), not a reference ("по графику ОО")."""
        return any(self.t[x].kind == NUM or self.t[x].cat in _DATE_CATS for x in range(i, k))

    def rhythm_inside(self, i: int, k: int) -> bool:
        """Whether tokens i..k-1 (the inside of a parenthesis) are a whole recurrence, with
        words joining it to the term before ("далее ежегодно")."""
        if self.norm(i) in _THEN_WORDS:
            i += 1
        elif self.norm(i) == "в" and f"в {self.norm(i + 1)}" in _THEN_WORDS:
            i += 2
        while i < k and self.kind(i) in (COMMA, DASH):
            i += 1
        r = self.rec(i) if i < k else None
        return r is not None and r[1] == k

    def note(self, item: Item, i: int, k: int) -> None:
        """Tokens i..k-1 (the inside of a parenthesis) are a note of ``item``."""
        note = self.slice(i, k).strip()
        if note:
            item.notes.append(_INCLUSIVE_NOTE if note.lower() == "включительно" else note)
        item.free.append((i, k))

    def labelled(self, i: int):
        """Words that name a part of the work ("Фронтальный – май 2021", "реализация до
        2022 года") in front of a recognised term."""
        t = self.t
        j = i
        if i + 1 < self.n and (t[i].kind == NUM and len(t[i].norm) <= 2 or t[i].cat == lx.ROMAN) \
                and t[i + 1].kind == WORD and t[i + 1].cat is None:
            j = i + 1  # "1 этап – март 2025", "II очередь: 2026 год" (rule 30)
        while j < self.n and j - i < 5 and t[j].kind == WORD and t[j].cat not in (
                lx.MONTH, lx.MONTH_ABBR, lx.ROMAN, lx.ORDINAL):
            j += 1
            # "в новый дополнительный срок 25 мая": words ending in "срок" name the date after
            named = self.norm(j - 1) in ("срок", "сроки")
            if named or (j - i <= 3 and j < self.n and t[j].kind == WORD and (
                    t[j].norm in _LABEL_NEXT or t[j].cat in (lx.REC, lx.CONT))):
                r = self.core(j)
                if r is not None:
                    return self._with_label(r, i, j)
        if j > i and j < self.n and t[j].kind in (DASH, COLON):
            r = self.core(j + 1)
            if r is not None:
                return self._with_label(r, i, j)
        return None

    def _with_label(self, r, i: int, j: int):
        item, k = r
        item.label = self.slice(i, j)
        item.free.append((i, j))
        item.i0 = i
        return item, k

    def core(self, i: int):
        """core := schedule | continuous | recurrence | dated, tried in the order the first
        word allows."""
        if i >= self.n:
            return None
        tok = self.t[i]
        if tok.kind == NUM:
            return self.rec(i) or self.dated(i)
        if tok.kind != WORD:
            return None
        c, nm = tok.cat, tok.norm
        if c == lx.CONT:
            return self.cont(i)
        if c in _REC_START_CATS or nm == "не":
            r = self.rec(i)
            if r is not None or c != lx.WORD:
                return r
        for production in self.word_productions(c, nm, i):
            r = production(i)
            if r is not None:
                return r
        return self.dated(i)

    def word_productions(self, c: str | None, nm: str, i: int) -> list:
        """The productions a term starting with the word ``nm`` (category ``c``) may be, in
        the order they are tried (before the plain dated reading)."""
        out: list = []
        if c in _SCHOOL_REC_CATS or nm in _SCHOOL_REC_WORDS:
            out.append(self.school_rec)
            if nm == "по" and self.norm(i + 1) in _RESULTS:
                out.append(self.dated)  # "по итогам I четверти"
        if nm in ("по", "согласно", "в", "во", "при", "после", "не", "через"):
            out.append(self.sched)
        if nm in ("в", "во", "на", "весь"):
            out.append(self.cont)
        if nm in ("в", "во") and self.cat(i + 1) == lx.ORDINAL and self.cat(i + 3) == lx.EVERY:
            out.append(self.rec)  # "в первую пятницу каждого месяца" (rule 31)
        if c == lx.SEASON or (nm in ("в", "во", "на") and self.cat(i + 1) == lx.SEASON):
            out.append(self.season_period)  # "в летний период" (rule 32)
        if nm in ("до", "к", "ко", "по"):
            out.append(self.rec)
        return out

    # spans ----------------------------------------------------------------------------------
    def year_suffix(self, k: int) -> int:
        """Skip "г.", "гг.", "г.г.", "года" … after a year."""
        for _ in range(2):
            if self.cat(k) == lx.YEAR_WORD:
                k += 1
                if self.kind(k) == DOT:
                    k += 1
            else:
                break
        return k

    def year_part(self, k: int):
        """An optional year after a month or a quarter: ``[","] yyyy [г.]``."""
        kk = k
        if self.kind(kk) == COMMA and self.is_year(kk + 1):
            kk += 1
        if self.is_year(kk):
            return self.t[kk].val, self.year_suffix(kk + 1)
        if self.cat(k) == lx.REPORT and self.cat(k + 1) == lx.YEAR_WORD:
            return None, k + 2  # "до 25 декабря отчетного года": the year is each report's
        return None, k

    def academic_part(self, k: int):
        """``yyyy-yyyy учебного года`` / ``yyyy/yyyy [уч. г.]`` at k: (first year, next)."""
        if not (self.is_year(k) and self.kind(k + 1) in (DASH, SLASH) and self.is_year(k + 2)):
            return None
        y1, y2 = self.t[k].val, self.t[k + 2].val
        j = self.year_suffix(k + 3)
        slash = self.t[k + 1].kind == SLASH
        if self.cat(j) == lx.ACADEMIC:
            j += 1
            if self.kind(j) == DOT:
                j += 1
            j = self.year_suffix(j)
        elif not slash:
            return None
        if y2 != y1 + 1:
            self.fail_impossible(f"учебный год охватывает два соседних года, а записано "
                                 f"«{self.slice(k, k + 3)}»", k, k + 3)
        return y1, j

    def unit_span(self, q: int, k: int, i: int):
        """``q`` quarter/half-year/четверть/триместр/декада word at k (its number started at
        token i)."""
        t = self.t
        kind, top, word = _NUMBERED[t[k].cat]
        if not 1 <= q <= top:
            self.fail_impossible(f"{word} с номером {q} не бывает", i, k + 1)
        k += 1
        if self.kind(k) == DOT:
            k += 1
        if kind == "decade":  # "1-я декада сентября [2025 г.]": a part of that month
            if self.cat(k) not in (lx.MONTH, lx.MONTH_ABBR):
                return None
            month, k2 = self.span(k)
            month.part, month.a = q, t[i].a
            return month, k2
        return self.school_year_part(kind, q, i, k)

    def school_year_part(self, kind: str, q: int, i: int, k: int):
        """The year after a numbered unit or a holiday: a school year makes a half-year a
        school one; a calendar year keeps a half-year calendar and places a school unit in the
        school year it ends in ("летние каникулы 2026" → those of 2025/2026)."""
        t = self.t
        if kind in ("half", "squarter", "trimester", "holiday") and self.cat(k) == lx.ACADEMIC \
                and self.cat(k + 1) == lx.YEAR_WORD:  # "второе полугодие учебного года"
            kind = "ahalf" if kind == "half" else kind
            return CalendarUnit(kind, None, q=q, a=t[i].a, b=t[k + 1].b), k + 2
        acad = self.academic_part(k)
        if acad is not None and kind in ("half", "squarter", "trimester", "holiday"):
            kind = "ahalf" if kind == "half" else kind
            return CalendarUnit(kind, acad[0], q=q, a=t[i].a, b=t[acad[1] - 1].b), acad[1]
        y, k2 = self.year_part(k)
        if y is not None and kind in _SCHOOL_UNITS:
            probe = CalendarUnit(kind, y, q=q)
            if probe.bounds()[1].year != y:
                y -= 1
        return CalendarUnit(kind, y, q=q, a=t[i].a, b=t[k2 - 1].b), k2

    def holiday_span(self, i: int):
        """"осенние каникулы [2025-2026 учебного года]", "летних кан." at i (a season word)."""
        k = i + 1
        if self.kind(k) == DOT:
            k += 1
        if self.cat(k) != lx.HOLIDAY:
            return None
        k += 1
        if self.kind(k) == DOT:
            k += 1
        return self.school_year_part("holiday", self.t[i].val, i, k)

    def day_month(self, d: int, i: int, k: int):
        """Day ``d`` (token i) followed by a month word at k."""
        t = self.t
        m = t[k].val
        abbr = t[k].cat == lx.MONTH_ABBR
        k += 1
        if abbr and self.kind(k) == DOT:
            k += 1
        y, k = self.year_part(k)
        if not 1 <= d <= (last_day(y, m) if y is not None else last_day(2000, m)):
            year = f" {y}" if y is not None else ""
            self.fail_impossible(f"даты {d} {MONTHS_GEN[m - 1]}{year} не существует", i, k)
        return CalendarUnit("day", y, m, d, a=t[i].a, b=t[k - 1].b), k

    def numeric_date(self, i: int):
        """dd.mm.yyyy, dd.mm.yy, dd.mm or yyyy-mm-dd at i."""
        t = self.t
        n = self.n
        if i + 2 < n and t[i + 1].kind == DOT and t[i + 2].kind == NUM \
                and len(t[i].norm) <= 2 and len(t[i + 2].norm) <= 2 and self.adjacent(i, i + 2):
            d, m = t[i].val, t[i + 2].val
            y = None
            k = i + 3
            if i + 4 < n and t[i + 3].kind == DOT and t[i + 4].kind == NUM \
                    and len(t[i + 4].norm) in (2, 4) and self.adjacent(i + 2, i + 4):
                y = t[i + 4].val
                if len(t[i + 4].norm) == 2:
                    y += 2000
                elif y < 1:
                    self.fail_impossible(f"даты {self.slice(i, i + 5)} не существует", i, i + 5)
                k = self.year_suffix(i + 5)
            elif len(t[i + 2].norm) != 2:
                return None  # "3.5", "1.1." are numbers, not days; a day is "01.09"
            elif i + 3 < n and t[i + 3].kind == DOT and self.adjacent(i + 2, i + 3):
                k = i + 4
            written = self.slice(i, k).rstrip(".")
            if not 1 <= m <= 12 or not 1 <= d <= last_day(2000 if y is None else y, m):
                self.fail_impossible(f"даты {written} не существует", i, k)
            return CalendarUnit("day", y, m, d, a=t[i].a, b=t[k - 1].b), k
        if i + 4 < n and len(t[i].norm) == 4 and t[i + 1].kind == DASH and t[i + 2].kind == NUM \
                and t[i + 3].kind == DASH and t[i + 4].kind == NUM and len(t[i + 2].norm) == 2 \
                and len(t[i + 4].norm) == 2 and self.adjacent(i, i + 4):
            y, m, d = t[i].val, t[i + 2].val, t[i + 4].val
            if not (1 <= m <= 12 and 1 <= d <= last_day(y if y >= 1 else 2000, m)) or y < 1:
                self.fail_impossible(f"даты {self.slice(i, i + 5)} не существует", i, i + 5)
            return CalendarUnit("day", y, m, d, a=t[i].a, b=t[i + 4].b), i + 5
        return None

    def ordinal_unit(self, i: int):
        """After a number-like token at i: optional "-й" and a quarter/half-year word."""
        k = i + 1
        if self.kind(k) == DASH and self.norm(k + 1) in _ORD_SUFFIX:
            k += 2
        elif self.norm(k) in _ORD_SUFFIX and self.adjacent(i, k):
            k += 1  # "1ая четверть", "2ое полугодие"
        if self.cat(k) in _NUMBERED:
            return k
        return None

    def span(self, i: int):
        """A calendar span at token i: (CalendarUnit, next index) or None."""
        if i >= self.n:
            return None
        t = self.t
        tok = t[i]
        if tok.kind == NUM:
            return self.numeric_span(i)
        if tok.kind != WORD:
            return None
        c = tok.cat
        if c in (lx.MONTH, lx.MONTH_ABBR):
            k = i + 1
            if c == lx.MONTH_ABBR and self.kind(k) == DOT:
                k += 1
            y, k = self.year_part(k)
            return CalendarUnit("month", y, tok.val, a=tok.a, b=t[k - 1].b), k
        if c in (lx.ROMAN, lx.ORDINAL):
            k = self.ordinal_unit(i)
            if k is not None:
                return self.unit_span(tok.val, k, i)
            if c == lx.ORDINAL:
                return self.weekday_of_month(i)
        if c == lx.SEASON:
            return self.holiday_span(i)
        return None

    def numeric_span(self, i: int):
        """A span that starts with a number: a date in digits, a year, an academic year, a
        numbered unit ("2 квартал") or a day and its month."""
        t = self.t
        tok = t[i]
        r = self.numeric_date(i)
        if r is not None:
            return r
        if self.is_year(i):
            acad = self.academic_part(i)
            if acad is not None:
                return CalendarUnit("academic", acad[0], a=tok.a, b=t[acad[1] - 1].b), acad[1]
            k = self.year_suffix(i + 1)
            return CalendarUnit("year", tok.val, a=tok.a, b=t[k - 1].b), k
        if len(tok.norm) > 2:
            return None
        k = self.ordinal_unit(i)
        if k is not None:
            return self.unit_span(tok.val, k, i)
        k = i + 1
        if self.kind(k) == DASH and self.norm(k + 1) in ("го", "е"):
            k += 2
        if self.cat(k) in (lx.MONTH, lx.MONTH_ABBR):
            return self.day_month(tok.val, i, k)
        return None

    def weekday_of_month(self, i: int):
        """"вторую среду февраля [2024 года]": the n-th weekday of a month (n = 1…4)."""
        if self.cat(i + 1) != lx.WEEKDAY or self.cat(i + 2) not in (lx.MONTH, lx.MONTH_ABBR):
            return None
        k = i + 3
        if self.cat(i + 2) == lx.MONTH_ABBR and self.kind(k) == DOT:
            k += 1
        y, k = self.year_part(k)
        return CalendarUnit("weekday", y, self.t[i + 2].val, self.t[i + 1].val, self.t[i].val,
                            a=self.t[i].a, b=self.t[k - 1].b), k

    def bare_number(self, i: int):
        """A number that borrows its unit from the span after a dash ("I–II квартал",
        "15–20 мая"): its value, or None."""
        tok = self.t[i] if i < self.n else None
        if tok is None:
            return None
        if tok.kind == NUM and len(tok.norm) <= 2:
            return tok.val
        if tok.cat in (lx.ROMAN, lx.ORDINAL):
            return tok.val
        return None

    def borrow(self, value: int, right: CalendarUnit, i: int, k: int) -> CalendarUnit | None:
        """The left end of "I–II квартал" / "15–20 мая": ``right`` with ``value`` in it."""
        if right.kind == "day" and self.t[i].kind == NUM:
            if not 1 <= value <= 31:
                self.fail_impossible(f"дня с номером {value} не бывает", i, k)
            left = CalendarUnit("day", None, right.m, value, a=self.t[i].a, b=self.t[i].b)
        elif right.kind in ("quarter", "half", "ahalf", "squarter", "trimester") \
                or (right.kind == "month" and right.part is not None):
            if right.kind == "month":  # "1–2 декада мая"
                top, word = 3, "декады"
            else:
                _kind, top, word = _NUMBERED[{"quarter": lx.QUARTER, "squarter": lx.SQUARTER,
                                              "trimester": lx.TRIMESTER}.get(right.kind, lx.HALF)]
            if not 1 <= value <= top:
                self.fail_impossible(f"{word} с номером {value} не бывает", i, k)
            left = CalendarUnit(right.kind, None, right.m, q=value, a=self.t[i].a, b=self.t[i].b)
            if right.kind == "month":
                left.q, left.part = 0, value
            if right.kind in ("ahalf", "squarter", "trimester", "month"):
                left.y = right.y
                left.explicit = right.explicit
        else:
            return None
        return left

    def span_or_range(self, i: int):
        """``span ( "–" span )*`` or ``number "–" span``: (first, last, chain, next)."""
        r = self.span(i)
        t = self.t
        if r is None:
            value = self.bare_number(i)
            if value is None or self.kind(i + 1) != DASH:
                return None
            r2 = self.span(i + 2)
            if r2 is None:
                return None
            left = self.borrow(value, r2[0], i, r2[1])
            if left is None:
                return None
            return left, r2[0], False, r2[1]
        first, k = r
        last = None
        count = 1
        while k < self.n and t[k].kind == DASH:
            r2 = self.span(k + 1)
            if r2 is None:
                break
            last, k = r2
            count += 1
        return first, last, count > 2, k

    # dated items ------------------------------------------------------------------------------
    def dated(self, i: int):
        """dated := "с" A ("по" | "до" | "–") B | prefix? (part | edge)? span-or-range."""
        nm = self.norm(i)
        if nm in ("с", "со"):
            return self.from_to(i, i + 1)
        if nm in ("в", "во") and self.norm(i + 1) == "период" and self.norm(i + 2) in ("с", "со"):
            return self.from_to(i, i + 3)
        prefix, j = self.prefix_at(i)
        if j >= self.n:
            return None
        if prefix == "по итогам":
            rel = self.relative_span(j)  # "по итогам учебного года": at its end
            if rel is not None:
                rel[0].edge = "end"
                return Item("point", i, rel[1], span=rel[0], prefix=prefix), rel[1]
        edge = part = None
        if self.t[j].cat == lx.PART:
            marked = self.part_or_edge(prefix, j)
            if marked is None:
                return None
            part, edge = marked
            j += 1
            rel = self.relative_span(j)
            if rel is not None:
                if part == 2:
                    return None  # the middle of a year is not a date
                rel[0].edge, rel[0].part = edge, part
                return Item("point", i, rel[1], span=rel[0], prefix=prefix), rel[1]
        return self.dated_span(i, j, prefix, part, edge)

    def prefix_at(self, i: int) -> tuple[str | None, int]:
        """The preposition in front of a date ("до", "к", "не позднее [чем]", "в срок до",
        "по итогам" …): (prefix or None, where the date starts)."""
        nm = self.norm(i)
        j = i
        if nm in ("в", "во") and self.norm(i + 1) == "срок" and self.norm(i + 2) in (
                "до", "к", "не", "по"):
            j = i + 2
            nm = self.norm(j)
        if nm == "не" and self.norm(j + 1) in ("позднее", "позже"):
            j += 2
            if self.norm(j) == "чем":
                j += 1
            return "не позднее", j
        if nm not in _PREFIXES:
            return None, j
        j += 1
        if nm in ("в", "во") and self.norm(j) in ("период", "время", "дни"):
            return nm, j + 1  # "в период летних каникул", "во время осенних каникул"
        if nm == "по" and self.norm(j) in _RESULTS:
            return "по итогам", j + 1  # "по итогам I четверти": at its end
        return nm, j

    def part_or_edge(self, prefix: str | None, j: int) -> tuple[int | None, str | None] | None:
        """The PART word at j after ``prefix``: (part, None) for "в конце мая", "до середины
        мая"; (None, edge) for "до конца 2021 года" (its last day), "к началу …"."""
        tok = self.t[j]
        if prefix in (None, "в", "во", "на") or tok.val == 2:
            return tok.val, None
        if tok.norm in _EDGE_END:
            return None, "end"
        if tok.norm in _EDGE_START:
            return None, "start"
        return None

    def dated_span(self, i: int, j: int, prefix: str | None, part: int | None,
                   edge: str | None):
        """The span or range at j that ``prefix`` and ``part``/``edge`` apply to."""
        r = self.span_or_range(j)
        if r is None:
            return None
        first, last, chain, k = r
        if last is not None:
            if edge is not None or part is not None or prefix not in (None, "в", "во", "на"):
                return None
            item = Item("range", i, k, span=first, span2=last)
            item.chain = chain
            return item, k
        if prefix is None and part is None and edge is None and self.norm(k) == "по":
            r2 = self.span(k + 1)  # "15.05.2024г. по 30.05.2024г.": one range (rule 14)
            if r2 is not None:
                return Item("range", i, r2[1], span=first, span2=r2[0]), r2[1]
        if part is not None:
            if first.part is not None or (part == 2 and first.kind != "month") \
                    or first.kind == "day":
                return None
            first.part = part
        first.edge = edge
        return Item("point", i, k, span=first, prefix=prefix), k

    def relative_span(self, j: int):
        """"года" / "учебного года" without a number (after "конца", "начала")."""
        if self.cat(j) == lx.ACADEMIC and self.cat(j + 1) == lx.YEAR_WORD:
            return CalendarUnit("academic", a=self.t[j].a, b=self.t[j + 1].b), j + 2
        if self.norm(j) in ("года", "год", "году"):
            return CalendarUnit("year", a=self.t[j].a, b=self.t[j].b), j + 1
        return None

    def from_to(self, i: int, j: int):
        """"с A по B", "с A до B", "с A – B" (also "С A – B" written as a range after "с",
        rule 14; a note in brackets after A, rule 13), or the open span "с A"."""
        r = self.span_or_range(j)
        if r is None:
            value = self.bare_number(j)
            if value is None:
                return None
            k = j + 1
        else:
            first, last, _, k = r
            if last is not None:
                if self.norm(k) in ("по", "до"):
                    return None
                return Item("range", i, k, span=first, span2=last), k  # "С 14 сентября – 12 октября"
        note = None
        if self.kind(k) == LPAR and r is not None:  # "с 28 октября 2023 года (суббота) по …"
            close = self.closing(k)
            if self.norm(close + 1) in ("по", "до") or self.kind(close + 1) == DASH:
                note, k = (k + 1, close), close + 1
        r2 = None
        if self.norm(k) in ("по", "до") or self.kind(k) == DASH:
            r2 = self.span(k + 1)
        if r2 is None:
            if r is None or note is not None:
                return None
            # "с сентября 2021 года": an open span, continuous from its start (rule 7)
            return Item("cont", i, k, span=first, prefix="с"), k
        right, end = r2
        if r is None:
            first = self.borrow(value, right, j, end)
            if first is None:
                return None
        item = Item("range", i, end, span=first, span2=right)
        if note is not None:
            self.note(item, *note)
        return item, end

    # recurrence -------------------------------------------------------------------------------
    def count_at(self, i: int):
        """A small count: a number or a numeral word: (value, next) or None."""
        tok = self.t[i] if i < self.n else None
        if tok is None:
            return None
        if tok.kind == NUM and len(tok.norm) <= 2:
            return tok.val, i + 1
        if tok.cat == lx.CARDINAL:
            return tok.val, i + 1
        return None

    def month_day(self, i: int):
        """``[до|к|не позднее|по] N[-го] числа``: (day, next) or None."""
        j = i
        nm = self.norm(j)
        if nm in ("до", "к", "ко", "по"):
            j += 1
        elif nm == "не" and self.norm(j + 1) in ("позднее", "позже"):
            j += 2
        if self.kind(j) != NUM or len(self.t[j].norm) > 2:
            return None
        d = self.t[j].val
        k = j + 1
        if self.kind(k) == DASH and self.norm(k + 1) in _ORD_SUFFIX:
            k += 2
            if j > i and self.kind(k) == RPAR:
                k -= 1  # "(до 5-го)": the day of the month, "числа" left out (rule 28)
                if not 1 <= d <= 31:
                    self.fail_impossible(f"дня месяца с номером {d} не бывает", j, k + 1)
                return d, k + 1
        if self.cat(k) != lx.DAY_WORD:
            return None
        if not 1 <= d <= 31:
            self.fail_impossible(f"дня месяца с номером {d} не бывает", j, k + 1)
        return d, k + 1

    def each_month(self, k: int) -> int | None:
        """"каждого месяца" / "ежемесячно" / "в каждом месяце" / "месяца" at k."""
        if self.cat(k) == lx.EVERY and self.cat(k + 1) == lx.MONTH_WORD:
            return k + 2
        if self.norm(k) in ("в", "во") and self.cat(k + 1) == lx.EVERY \
                and self.cat(k + 2) == lx.MONTH_WORD:
            return k + 3
        if self.cat(k) == lx.REC and self.t[k].val == "monthly":
            return k + 1
        return None

    def rec(self, i: int):
        """recurrence := [не реже] head tail (see the module docstring)."""
        j = i
        if self.norm(j) == "не" and self.norm(j + 1) == "реже":
            j += 2
        head = self.rec_head(i, j)
        if head is None:
            return None
        rec, j = self.rec_tail(*head)
        k = j + 1 if self.kind(j) == COMMA else j
        window = self.rec_window(k)
        if window is not None:
            rec.window, j = window
        else:
            bounds = self.rec_bounds(k)
            if bounds is not None:  # "начиная с 2026 года", "с 2025 по 2027 гг." (rule 20)
                rec.since, rec.until, j = bounds
        return Item("rec", i, j, rec=rec), j

    def rec_bounds(self, k: int):
        """"[начиная] с A [по|до|– B]" after a recurrence, A and B with a written year (B's
        year carries to A, rule 4): (A, B or None, next) or None."""
        if self.norm(k) == "начиная":
            k += 1
        if self.norm(k) not in ("с", "со"):
            return None
        first = self.span(k + 1)
        if first is None or first[0].kind not in _BOUND_KINDS or first[0].part is not None:
            return None
        a, j = first
        b = None
        if self.norm(j) in ("по", "до") or self.kind(j) == DASH:
            second = self.span(j + 1)
            if second is not None and second[0].kind in _BOUND_KINDS and second[0].y is not None:
                b, j = second
                if a.y is None and a.kind != "year":
                    a.y = b.y
                    if a.bounds()[0] > b.bounds()[1]:
                        a.y -= 1  # "с октября по май 2026 г.": October of the year before
        if a.y is None or (b is not None and b.bounds()[1] < a.bounds()[0]):
            return None
        return a, b, j

    def rec_head(self, i: int, j: int) -> tuple[Recurrence, int] | None:
        """The words that name a rhythm: "ежеквартально", "каждый месяц", "каждый
        понедельник", "до 10 числа каждого месяца", "2 раза в год"."""
        c = self.cat(j)
        if c == lx.REC:
            val = self.t[j].val
            if val in _SCHOOL_STEPS:
                return SchoolUnits(_SCHOOL_STEPS[val]), j + 1
            if val == "weekly":
                return Weekly(1), j + 1
            return EveryMonths(_CAL_STEPS[val]), j + 1
        if c == lx.EVERY:
            k = j + 1
            if self.cat(k) == lx.WEEKDAY:  # "каждый понедельник"
                return Weekly(1, self.t[k].val), k + 1
            if self.cat(k) == lx.ORDINAL and self.cat(k + 1) == lx.WEEKDAY \
                    and self.cat(k + 2) == lx.MONTH_WORD:  # "каждую первую пятницу месяца"
                return MonthlyWeekday(self.t[k].val, self.t[k + 1].val), k + 3
            every = self.count_at(k)
            n_units = 1
            if every is not None:
                n_units, k = every
            unit = _UNIT_OF_CAT.get(self.cat(k))
            if unit is None:
                return None
            return self.unit_rec(1, n_units, unit, i, k + 1), k + 1
        day = self.weekdays_at(j)
        if day is not None:  # "по пятницам" (rule 22)
            return Weekly(1, day[0]), day[1]
        if self.norm(j) in ("в", "во") and self.cat(j + 1) == lx.ORDINAL \
                and self.cat(j + 2) == lx.WEEKDAY and self.cat(j + 3) == lx.EVERY \
                and self.cat(j + 4) == lx.MONTH_WORD:  # "в первую пятницу каждого месяца"
            return MonthlyWeekday(self.t[j + 1].val, self.t[j + 2].val), j + 5
        md = self.month_day(j)
        if md is not None:
            each = self.each_month(md[1])
            if each is None:
                if self.report_after(md[1]) is not None:
                    self.fail_unnamed_report(j, md[1])
                return None
            return DayOfMonth(md[0]), each
        return self.times(j)

    def rec_tail(self, rec: Recurrence, j: int) -> tuple[Recurrence, int]:
        """What may complete a rhythm: the report day after each period (rule 15), the day
        of a monthly one, the month or day of a yearly one, the months it happens in (rule
        27: "2 раза в год: июнь, декабрь")."""
        if self.kind(j) in (COMMA, COLON) and isinstance(rec, EveryMonths):
            listed = self.month_list(j + 1)
            if listed is not None and (len(listed[0]) > 1 or self.kind(j) == COLON):
                return self.in_months(rec, listed[0], j, listed[1]), listed[1]
        k = j + 1 if self.kind(j) == COMMA else j
        md = self.month_day(k)
        if md is not None:
            after = self.report_after(md[1])
            if after is not None:  # "ежеквартально, не позднее 3-го числа месяца, следующего …"
                return ReportAfter(rec, md[0]), after
        if rec.is_monthly():
            if md is not None:
                j = md[1]
                if self.cat(j) == lx.EVERY and self.cat(j + 1) == lx.MONTH_WORD:
                    j += 2
                elif self.cat(j) == lx.MONTH_WORD:
                    j += 1
                return DayOfMonth(md[0]), j
        elif rec.is_yearly():
            anchor = self.anchor_at(k)
            if anchor is not None:
                return Yearly(anchor[0]), anchor[1]
        elif isinstance(rec, Weekly) and rec.weekday == 6:
            day = self.weekdays_at(k, single=True)
            if day is not None:  # "еженедельно, по пятницам", "еженедельно в среду"
                return Weekly(rec.n, day[0]), day[1]
        return rec, j

    def month_list(self, k: int) -> tuple[list[int], int] | None:
        """Year-less month names at k separated by commas or "и" ("март, сентябрь"): (months,
        next) or None.  A month with a year or a day is a date, not a month of a rhythm."""
        found: list[int] = []
        if self.norm(k) in ("в", "во") and self.cat(k + 1) in (lx.MONTH, lx.MONTH_ABBR):
            k += 1  # "в мае и декабре"
        while self.cat(k) in (lx.MONTH, lx.MONTH_ABBR):
            found.append(self.t[k].val)
            k += 1
            if self.kind(k) == DOT and self.cat(k - 1) == lx.MONTH_ABBR:
                k += 1
            if self.kind(k) == NUM:
                return None
            if (self.kind(k) == COMMA or self.norm(k) == "и") \
                    and self.cat(k + 1) in (lx.MONTH, lx.MONTH_ABBR):
                k += 1
                continue
            break
        return (found, k) if found else None

    def in_months(self, rec: EveryMonths, listed: list[int], i: int, j: int) -> Recurrence:
        """The rhythm ``rec`` in the named months of every year (rule 27); the number of
        months must be the number of times a year the rhythm has (any after "ежегодно")."""
        n = len(set(listed))
        if rec.n == 12 or 12 // rec.n == n:
            return InMonths(tuple(listed))
        raise ParseFailure(
            "unknown", f"срок не распознан: названо {n} {plural_word(n, 'месяц', 'месяца', 'месяцев')} "
            f"(«{self.slice(i, j).strip('():, ')}»), а повторение «{rec.name}» — это {12 // rec.n} "
            f"{plural_word(12 // rec.n, 'срок', 'срока', 'сроков')} в год; какие сроки имелись в "
            "виду, не ясно. Уточните срок или укажите его в явном виде (срок_явно)", self.t[i].a, self.t[j - 1].b)

    def weekdays_at(self, k: int, single: bool = False) -> tuple[int, int] | None:
        """"по пятницам" at k (a weekday in the plural after "по": every such day, rule 22);
        with ``single``, "в пятницу" too (after a weekly rhythm): (weekday, next) or None.
        "по пятницу" (singular) ends a range, it is no rhythm."""
        nm = self.norm(k)
        if self.cat(k + 1) != lx.WEEKDAY:
            return None
        day = self.norm(k + 1) or ""
        if (nm == "по" and day.endswith(("ам", "ям"))) or (single and nm in ("в", "во")):
            return self.t[k + 1].val, k + 2
        return None

    def report_after(self, k: int) -> int | None:
        """"месяца, следующего за отчетным периодом" at k (after a day of the month): where
        it ends, or None."""
        if self.cat(k) != lx.MONTH_WORD:
            return None
        k += 1
        if self.kind(k) == COMMA:
            k += 1
        if not (self.norm(k) or "").startswith("следующ") or self.norm(k + 1) != "за":
            return None
        k += 2
        if self.cat(k) == lx.REPORT:
            k += 1
            if self.norm(k) not in _REPORT_PERIODS:
                return k  # "следующего за отчетным": the reporting period (rule 28)
        if self.norm(k) not in _REPORT_PERIODS:
            return None
        return k + 1

    def fail_unnamed_report(self, i: int, k: int) -> None:
        """"не позднее 3-го числа месяца, следующего за отчетным периодом" without a rhythm:
        the reporting period is not named, so no date can be computed (rule 15)."""
        end = self.report_after(k) or k
        raise ParseFailure(
            "unknown", f"в сроке «{self.slice(i, end)}» не назван отчётный период, и дату "
            "вычислить нельзя: укажите повторение, например «ежеквартально, не позднее 3-го "
            "числа месяца, следующего за отчетным периодом», или срок в явном виде (срок_явно)",
            self.t[i].a, self.t[end - 1].b)

    def rec_window(self, k: int):
        """"в течение 2025-2026 учебного года", "в 2021 году" after a recurrence: the span with a
        written year that the recurrence stays inside."""
        nm = self.norm(k)
        if nm in ("в", "во"):
            k += 2 if self.norm(k + 1) in ("течение", "ходе") else 1
        elif nm == "на" and self.norm(k + 1) == "протяжении":
            k += 2
        else:
            return None
        r = self.span(k)
        if r is None or r[0].y is None or r[0].kind in ("day", "month") or r[0].part is not None:
            return None
        return r

    def times(self, j: int):
        """"N раз(а) в [M] <unit>", "раз в …", "дважды в …": (Rec, next) or None."""
        i = j
        c = self.cat(j)
        if c == lx.MULTIPLIER:
            count = self.t[j].val
            j += 1
        else:
            count = 1
            r = self.count_at(j)
            if r is not None:
                count, j = r
            if self.cat(j) != lx.TIMES:
                return None
            j += 1
        if self.norm(j) not in ("в", "во"):
            return None
        j += 1
        n_units = 1
        r = self.count_at(j)
        if r is not None:
            n_units, j = r
        unit = _UNIT_OF_CAT.get(self.cat(j))
        if unit is None:
            return None
        if self.norm(j) == "пол" and self.norm(j + 1) == "года":
            j += 1  # "раз в пол года" (полгода written apart)
        return self.unit_rec(count, n_units, unit, i, j + 1), j + 1

    def unit_rec(self, count: int, n_units: int, unit: str, i: int, j: int) -> Recurrence:
        """The recurrence of "``count`` times in ``n_units`` ``unit``s"."""
        if count == 1 and n_units == 1 and unit in _SCHOOL_UNITS:
            return SchoolUnits(unit)
        if count >= 1 and n_units >= 1 and unit not in _SCHOOL_UNITS:
            if count == 1:
                if unit == "week":
                    return Weekly(n_units)
                if n_units == 1:
                    return EveryMonths(_UNIT_MONTHS[unit])
                if unit == "year":
                    return EveryYears(n_units)
                return FromStart(n_units * _UNIT_MONTHS[unit])
            if n_units == 1 and unit != "week" and _UNIT_MONTHS[unit] % count == 0:
                return EveryMonths(_UNIT_MONTHS[unit] // count)
        raise ParseFailure(
            "unknown",
            f"периодичность «{self.slice(i, j)}» не поддерживается: укажите сроки в явном виде "
            "(срок_явно)", self.t[i].a, self.t[j - 1].b)

    def anchor_at(self, k: int):
        """A year-less month, day, quarter or half-year that fixes a yearly recurrence."""
        j = k
        nm = self.norm(j)
        if nm in ("в", "во", "до", "к", "ко", "по"):
            j += 1
            if nm in ("в", "во") and self.norm(j) in _DURING:
                j += 1  # "ежегодно, в период летних каникул"
        elif nm == "не" and self.norm(j + 1) in ("позднее", "позже"):
            j += 2
        elif self.cat(j) == lx.PART:  # "ежегодно, конец мая"
            r = self.span(j + 1)
            if r is None or r[0].kind != "month" or r[0].part is not None or r[0].y is not None:
                return None
            r[0].part = self.t[j].val
            return r
        r = self.span(j)
        if r is None or r[0].y is not None or r[0].kind not in _ANCHOR_KINDS:
            return None
        return r

    def paren_anchor(self, item: Item, i: int, k: int) -> bool:
        """"Ежегодно (сентябрь)", "ежемесячно (до 5 числа)": the parenthesis completes the
        recurrence instead of being a note."""
        if item.kind != "rec" or i >= k:
            return False
        rec = item.rec
        window = self.rec_window(i)
        if window is not None and window[1] == k and rec.window is None:
            rec.window = window[0]  # "ежеквартально (в 2025 году)"
            return True
        bounds = self.rec_bounds(i)
        if bounds is not None and bounds[2] == k and rec.since is None:
            rec.since, rec.until = bounds[0], bounds[1]  # "ежегодно (начиная с 2026 года)"
            return True
        listed = self.month_list(i)
        if listed is not None and listed[1] == k and (len(listed[0]) > 1 or not rec.is_yearly()) \
                and isinstance(rec, EveryMonths):
            item.rec = self.in_months(rec, listed[0], i - 1, k + 1)  # rule 27
            return True
        day = self.month_day(i)
        if day is not None and self.report_after(day[1]) == k:
            item.rec = ReportAfter(rec, day[0])  # "1 раз в квартал (до 5 числа месяца, …)"
            return True
        if not rec.is_monthly() and isinstance(rec, (EveryMonths, FromStart)):
            if day is not None and day[1] == k:
                raise ParseFailure(
                    "unknown", f"срок не распознан: не сказано, какого месяца {day[0]} число "
                    f"(«{self.slice(i, k)}» после повторения «{rec.name}»). Напишите, например, "
                    f"«{rec.name}, не позднее {day[0]}-го числа месяца, следующего за отчетным "
                    "периодом», или укажите срок в явном виде (срок_явно)",
                    self.t[i].a, self.t[k - 1].b)
        if rec.is_yearly():
            r = self.anchor_at(i)
            if r is not None and r[1] == k:
                item.rec = Yearly(r[0])
                return True
        elif rec.is_monthly():
            r = self.month_day(i)
            if r is not None and r[1] == k:
                item.rec = DayOfMonth(r[0])
                return True
        elif isinstance(rec, Weekly) and rec.weekday == 6:
            day = self.weekdays_at(i, single=True)
            if day is not None and day[1] == k:
                item.rec = Weekly(rec.n, day[0])
                return True
        return False

    def school_rec(self, i: int):
        """Every part of the school year of one kind: "в каникулярное время", "в период
        каникул", "по итогам каждой четверти", "в конце четверти", "по окончании триместра"."""
        j = i
        nm = self.norm(j)
        lead = False  # words that name the end of a unit ("по итогам", "в конце")
        if nm in ("в", "во", "на"):
            j += 1
            if self.norm(j) in _DURING:
                j += 1
            elif self.cat(j) == lx.PART and self.t[j].val == 3:
                j += 1
                lead = True
        elif nm == "по" and self.norm(j + 1) in _RESULTS:
            j += 2
            lead = True
        elif nm == "по" and self.cat(j + 1) in (lx.SQUARTER, lx.TRIMESTER, lx.HALF):
            j += 1  # "по четвертям", "по полугодиям"
            lead = True
        elif self.cat(j) == lx.PART and self.t[j].val == 3:
            j += 1
            lead = True
        every = self.cat(j) == lx.EVERY
        if every:
            j += 1
        c = self.cat(j)
        if c == lx.HOLIDAY_ADJ and self.norm(j + 1) in ("время", "времени", "период", "дни"):
            return Item("rec", i, j + 2, rec=SchoolUnits("holiday")), j + 2
        if lead and every and c in _CALENDAR_UNIT_MONTHS and not self.is_year(j + 1):
            # "в конце каждого месяца", "по итогам каждого квартала" (rule 29)
            return Item("rec", i, j + 1, rec=EveryMonths(_CALENDAR_UNIT_MONTHS[c])), j + 1
        unit = _UNIT_OF_CAT.get(c) if c in (lx.HOLIDAY, lx.SQUARTER, lx.TRIMESTER, lx.HALF) \
            else None
        if unit is None or (unit != "holiday" and not lead):
            return None
        k = j + 1
        if self.kind(k) == DOT:
            k += 1
        if self.is_year(k):
            return None  # "по итогам полугодия 2025 года" names one half-year: not a rhythm
        return Item("rec", i, k, rec=self.unit_rec(1, 1, unit, i, k)), k

    # continuous -------------------------------------------------------------------------------
    def free_tail(self, j: int) -> int:
        """Words that complete "в течение всего срока …" ("реализации дорожной карты")."""
        k = j
        while k < self.n and k - j < 8:
            tok = self.t[k]
            if tok.kind == QUOTE or (tok.kind == WORD and (tok.cat is None
                                                          or tok.norm in _FREE_WORDS)):
                k += 1
            else:
                break
        return k

    def cont(self, i: int):
        t = self.t
        if t[i].cat == lx.CONT:
            return Item("cont", i, i + 1), i + 1
        nm = t[i].norm
        nm1 = self.norm(i + 1)
        if nm in ("в", "во") and nm1 == "процессе":
            k = self.free_tail(i + 2)
            if k == i + 2:
                return None
            item = Item("cont", i, k)
            item.free.append((i + 2, k))
            return item, k
        if nm in ("в", "во") and nm1 in ("течение", "ходе", "период"):
            j = i + 2
        elif nm == "на" and nm1 == "протяжении":
            j = i + 2
        elif nm == "весь" and nm1 in ("период", "срок"):
            j = i + 1
        else:
            return None
        if self.norm(j) in _ALL:
            j += 1
        nm2 = self.norm(j)
        if nm2 in ("срока", "периода", "срок", "период", "реализации"):
            k = self.free_tail(j + 1)
            item = Item("cont", i, k)
            item.free.append((j + 1, k))
            return item, k
        if nm1 == "период" and j == i + 2:
            return None  # "в период с … по …" is a range
        r = self.span_or_range(j)
        if r is not None:
            first, last, _, k = r
            return Item("cont", i, k, span=first, span2=last), k
        if self.cat(j) == lx.YEAR_WORD and nm2 != "г":
            return Item("cont", i, j + 1), j + 1
        if self.cat(j) == lx.ACADEMIC and self.cat(j + 1) == lx.YEAR_WORD:
            item = Item("cont", i, j + 2)
            item.school_year = True
            return item, j + 2
        return None

    # schedule ---------------------------------------------------------------------------------
    def sched_head(self, i: int) -> int | None:
        """The words that make a schedule phrase; returns where its reference starts."""
        nm = self.norm(i)
        if nm in ("в", "во", "не", "через"):
            j = self.after_event(i)
            if j is not None:
                return j
        j = None
        if nm in ("по", "согласно"):
            k = i + 1
            while self.cat(k) == lx.SCHED_ADJ:
                k += 1
            if self.cat(k) == lx.SCHED_NOUN:
                j = k + 1
            elif nm == "по" and k == i + 1 and self.cat(k) == lx.SCHED_HEAD:
                j = k + 1
            elif nm == "согласно":
                j = i + 1
        elif nm == "при" and self.norm(i + 1) == "необходимости":
            j = i + 2
        elif nm == "после" and i + 1 < self.n and self.kind(i + 1) == WORD:
            j = i + 1  # "после проведения ВПР" (rule 24)

        elif nm in ("в", "во"):
            nm1 = self.norm(i + 1)
            if nm1 in ("соответствии", "соответствие") and self.norm(i + 2) in ("с", "со"):
                j = i + 3
            elif nm1 == "сроки":
                j = i + 2
            elif nm1 in ("установленные", "определенные") and self.norm(i + 2) == "сроки":
                j = i + 3
        return j

    def after_event(self, i: int) -> int | None:
        """"в течение месяца после утверждения", "не позднее 10 дней со дня подписания",
        "через 2 недели после …": a time counted from an event the text does not date (rule
        24); where the event's words start, or None."""
        nm = self.norm(i)
        if nm in ("в", "во") and self.norm(i + 1) == "течение":
            j = i + 2
        elif nm == "не" and self.norm(i + 1) in ("позднее", "позже"):
            j = i + 2
        elif nm == "через":
            j = i + 1
        else:
            return None
        count = self.count_at(j)
        if count is not None:
            j = count[1]
        while self.norm(j) in _DAY_KINDS_WORDS:
            j += 1  # "рабочих", "календарных"
        if self.cat(j) not in _EVENT_UNITS and self.norm(j) not in _DAY_WORDS:
            return None
        j += 1
        if self.norm(j) == "после":
            return j + 1
        if self.norm(j) in ("с", "со") and self.norm(j + 1) in _EVENT_STARTS:
            return j + 2
        return None

    def starts_term(self, i: int) -> bool:
        """Whether a term (without a label) starts at token i; never recurses into sched()."""
        if self.norm(i) in _CONJUNCTIONS:
            i += 1  # ", но не реже 1 раза в год"
        if i >= self.n:
            return False
        return (self.sched_head(i) is not None or self.rec(i) is not None
                or self.cont(i) is not None or self.dated(i) is not None)

    def sched(self, i: int):
        j = self.sched_head(i)
        if j is None:
            return None
        # The reference ("ИРО и ОРЦОКО", "планом работы") runs to a separator, a parenthesis,
        # or a recurrence that the plan follows ("в соответствии с планом работы 1 раз в 2
        # месяца": the recurrence is computable, the plan becomes its note).
        t = self.t
        k = j
        while k < self.n:
            kind = t[k].kind
            if kind in (SEMI, NL, LPAR):
                break
            if kind == COMMA and k > j and self.starts_term(k + 1):
                break
            if kind == NUM or t[k].cat in _REC_START_CATS or t[k].norm == "не":
                r = self.rec(k)
                if r is not None:
                    item, end = r
                    item.i0 = i
                    item.notes.append(self.slice(i, k))
                    item.free.append((j, k))
                    return item, end
            k += 1
        item = Item("sched", i, k)
        item.free.append((j, k))
        head = self.norm(i)
        if head == "после" or (head in ("в", "во", "не", "через")
                               and self.after_event(i) is not None):
            item.notes.append("срок отсчитывается от события, дата которого в тексте не указана")
        return item, k


def _merge_anchors(items: list[Item]) -> list[Item]:
    """"Декабрь, ежегодно": a year-less month in front of "ежегодно" fixes its date; with a
    year ("декабрь 2025, далее – ежегодно", rule 20) it is also the first deadline."""
    out: list[Item] = []
    for item in items:
        prev = out[-1] if out else None
        if (item.kind == "rec" and item.rec.is_yearly() and prev is not None
                and prev.kind == "point" and prev.prefix != "с" and prev.label is None
                and prev.span.kind in _ANCHOR_KINDS
                and prev.span.edge is None and not prev.notes
                and (prev.span.y is None or (
                    not isinstance(item.rec, Yearly) and item.rec.window is None
                    and (item.label is None or _then_word(item.label))))):
            span = prev.span
            if span.y is None:
                item.rec = Yearly(span)
            else:
                anchor = CalendarUnit(span.kind, None, span.m, span.d, span.q, span.a, span.b,
                                      span.part)
                item.rec = Yearly(anchor)
                item.rec.since = span
                item.label = None  # "далее": the words only join the two
            item.i0 = prev.i0
            out[-1] = item
        else:
            out.append(item)
    return out


_THEN_WORDS = {"далее", "затем", "в дальнейшем", "впоследствии"}
# "в конце каждого месяца / квартала / года" (rule 29): months in one such unit
_CALENDAR_UNIT_MONTHS = {lx.MONTH_WORD: 1, lx.QUARTER: 3, lx.YEAR_WORD: 12}
# the first month of each season, by the SEASON value (1 autumn … 4 summer), rule 32
_SEASON_MONTHS = {1: 9, 2: 12, 3: 3, 4: 6}
# words that name dates (a parenthesis with them after a rhythm is no note, rule 28)
_DATE_CATS = {lx.MONTH, lx.MONTH_ABBR, lx.SQUARTER, lx.TRIMESTER, lx.ACADEMIC, lx.HOLIDAY,
              lx.SEASON, lx.DAY_WORD, lx.ROMAN, lx.PART, lx.DECADE}
# spans that may bound a recurrence ("ежегодно с 2025 по 2027 гг.")
_BOUND_KINDS = {"year", "month", "day", "quarter", "half", "academic"}


def _then_word(label: str) -> bool:
    """Whether a label only says "then" ("далее", "в  дальнейшем", any case, ё or е)."""
    return " ".join(label.lower().replace("ё", "е").split()) in _THEN_WORDS



# Words after which a line break cannot end a term: the term goes on on the next line.
_OPEN_WORDS = {"в", "во", "к", "ко", "до", "по", "с", "со", "на", "не", "позднее", "позже",
               "чем", "течение", "ходе", "протяжении", "процессе", "соответствии", "срок",
               "период", "раз", "раза"}
_OPEN_CATS = {lx.EVERY, lx.PART, lx.ORDINAL, lx.ROMAN, lx.TIMES, lx.SEASON}


def _continues(prev, nxt) -> bool:
    """Whether a line break between tokens ``prev`` and ``nxt`` is only a wrap inside one
    term (rule 16): after a dash or a word that needs what follows, between a day and its
    month, before "г."/"года".  A dash that starts a line is a list bullet, not a wrap."""
    if prev.kind == DASH or nxt.cat == lx.YEAR_WORD:
        return True
    if prev.kind == WORD and (prev.norm in _OPEN_WORDS or prev.cat in _OPEN_CATS):
        return True
    return prev.kind == NUM and len(prev.norm) <= 2 and nxt.cat in (lx.MONTH, lx.MONTH_ABBR)


def join_wrapped_lines(tokens: list) -> list:
    """The tokens without the line breaks that only wrap a term (rule 16); the others stay
    separators."""
    out: list = []
    for k, tok in enumerate(tokens):
        if tok.kind == NL and out and out[-1].kind != NL:
            nxt = _after_blank(tokens, k)
            if nxt is not None and _continues(out[-1], nxt):
                continue
        out.append(tok)
    return out


def _after_blank(tokens: list, k: int):
    """The first token after the line breaks starting at k (None at the end)."""
    while k < len(tokens) and tokens[k].kind == NL:
        k += 1
    return tokens[k] if k < len(tokens) else None


def _between(tokens: list, prev: Item, item: Item) -> set[str]:
    """The kinds of the separator tokens between two items."""
    return {tokens[k].kind for k in range(prev.i1, item.i0)}


def _year_only(item: Item) -> bool:
    return (item.kind == "point" and item.prefix is None and item.label is None
            and item.span.kind == "year" and item.span.y is not None and not item.notes)


def _merge_years(tokens: list, items: list[Item]) -> list[Item]:
    """A year alone on its own line after elements without a year belongs to them
    ("Сентябрь-октябрь" / blank line / "2021г.", rule 16), it is not a milestone."""
    out: list[Item] = []
    for item in items:
        prev = out[-1] if out else None
        if prev is not None and _year_only(item) and prev.kind in ("point", "range") \
                and NL in _between(tokens, prev, item) \
                and _between(tokens, prev, item) <= {NL, COMMA} \
                and all(span.y is None for span in (prev.span, prev.span2) if span is not None) \
                and prev.span.kind != "year":
            last = prev.span2 if prev.span2 is not None else prev.span
            last.y, last.explicit = item.span.y, True
            prev.i1 = item.i1
        else:
            out.append(item)
    return out


def _distribute_parts(tokens: list, items: list[Item]) -> list[Item]:
    """"в конце ноября, февраля, мая": a part of a month written before a list of months
    applies to each of them (rule 17)."""
    part = None
    prev = None
    for item in items:
        bare = (item.kind == "point" and item.prefix is None and item.label is None
                and item.span.kind == "month" and item.span.part is None
                and item.span.edge is None)
        if part is not None and prev is not None and bare \
                and _between(tokens, prev, item) <= {COMMA, WORD}:
            item.span.part = part
        elif item.kind == "point" and item.span is not None and item.span.kind == "month" \
                and item.span.part is not None and item.prefix in (None, "в", "во", "на"):
            part = item.span.part
        else:
            part = None
        prev = item
    return items
