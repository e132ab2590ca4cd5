"""read_deadline: from the words of a deadline to a Term (see docs/deadlines.md)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from roadmapctl.textutil import plural, ru_date

from .calendar_units import DAY_KINDS, MONTH_KINDS, SCHOOL_KINDS, CalendarUnit
from .grammar import Item, ParseFailure, Parser, join_wrapped_lines
from .lexer import COMMA, DASH, DOT, NL, SEMI, tokenize
from .period import Period
from .recurrence import Recurrence
from .term import Kind, Term, TermWarning

MAX_TEXT = 2000
_SCHOOLISH = SCHOOL_KINDS | {"academic"}  # span kinds that may be read with the school calendar
_PLACEHOLDERS = {DASH, DOT, COMMA, SEMI, NL}


# ----------------------------------------------------------------------------------------------
# public entry point

def read_deadline(text: str | None, period: Period) -> Term:
    """Read a deadline text; never raises (an unreadable text gives an UNKNOWN term)."""
    if text is None:
        return _missing("")
    if not isinstance(text, str):
        text = str(text)  # a bare number or date from YAML ("срок: 2022")
    try:
        return _read(text, period)
    except Exception:  # the contract is "never raises": report instead of crashing
        return _unknown(text, TermWarning(
            "internal_error", "при чтении срока произошла внутренняя ошибка; срок не "
            "распознан. Пожалуйста, сообщите о ней разработчикам и укажите срок в явном виде "
            "(срок_явно)"))


def _missing(text: str) -> Term:
    return Term(text, Kind.MISSING, None, None, (),
                warnings=(TermWarning("missing", "срок не указан"),))


def _unknown(text: str, *warnings: TermWarning) -> Term:
    return Term(text, Kind.UNKNOWN, None, None, (), warnings=tuple(warnings))


def _read(text: str, period: Period) -> Term:
    if len(text) > MAX_TEXT:
        return _unknown(text, TermWarning(
            "unknown", f"текст срока слишком длинный ({plural(len(text), 'символ', 'символа', 'символов')}), и прочитать его "
            "не удалось: запишите срок короче или укажите его в явном виде (срок_явно)"))
    marks: list[tuple[int, int]] = []
    tokens = join_wrapped_lines(tokenize(text, marks))
    if not tokens or (tokens[0].kind in _PLACEHOLDERS
                      and all(t.kind in _PLACEHOLDERS for t in tokens)):
        return _missing(text)  # nothing, or a dash standing for "no deadline"
    try:
        items = Parser(tokens, text).parse()
        term = _Builder(text, tokens, period).build(items)
        if marks:
            shown = ", ".join(dict.fromkeys(f"«{text[a:b]}»" for a, b in marks))
            term = replace(term, notes=term.notes + (
                f"знак сноски {shown} не относится к сроку и пропущен",))
        return term
    except ParseFailure as e:
        return _unknown(text, TermWarning(e.code, e.message, e.a, e.b))


def _period_text(period: Period) -> str:
    return f"{ru_date(period.start)}–{ru_date(period.end)}"


# ----------------------------------------------------------------------------------------------

# kind, start, due, dates and recurrence of one item
_Reading = tuple[Kind, date | None, date | None, tuple[date, ...], Recurrence | None]


class _Builder:
    """Resolves years and builds the Term from the parsed items."""

    def __init__(self, text: str, tokens, period: Period):
        self.text = text
        self.t = tokens
        self.p0 = period.start
        self.p1 = period.end
        self.period = period
        self.cal = period.school_calendar()
        self.school = period.school

    # years ----------------------------------------------------------------------------------
    def _infer(self, span: CalendarUnit, lower: date, warnings: list[TermWarning]) -> None:
        span.y = span.infer_year(lower)
        if self.period.certain_year:
            return  # a period of twelve months or less leaves one possible year: no warning
        label = f"{span.y}/{span.y + 1}" if span.kind == "academic" or span.school \
            else str(span.y)
        warnings.append(TermWarning("year_inferred",
                                    f"год не указан: принят {label} ({span.name()})",
                                    span.a, span.b))

    def _resolve_chain(self, chain: list[Item], wlists: list[list[TermWarning]]) -> None:
        """Rule 4 (a year written once at the end applies to the elements before it) and
        rule 3 (a missing year is the first occurrence on or after the period start, and
        never before the element in front of it)."""
        spans = _chain_spans(chain)
        self._carry_years(spans)
        if self.school:
            for span in spans:  # "II полугодие" of a school year (no calendar year written)
                if span.kind == "half" and span.y is None:
                    span.kind = "ahalf"
        self._infer_years(chain, wlists)

    def _carry_years(self, spans: list[CalendarUnit]) -> None:
        """A written year applies to the elements before it without one (rule 4)."""
        carry = school = None
        for span in reversed(spans):
            span.cal = self.cal
            if span.y is not None:
                carry = school = None
                if span.kind in _SCHOOLISH:
                    school = span.y
                else:
                    carry = span.y
            elif carry is not None and span.kind not in _SCHOOLISH:
                span.y = carry
                span.propagated = True
            elif school is not None:
                span.propagated = _place_in_school_year(span, school)

    def _infer_years(self, chain: list[Item], wlists: list[list[TermWarning]]) -> None:
        """The first possible year of each element still without one, in order (rule 3)."""
        lower = self.p0
        for item, warnings in zip(chain, wlists):
            a = item.span
            if a.y is None:
                self._infer(a, lower, warnings)
            if item.kind != "range":
                lower = max(lower, a.bounds()[1])
                continue
            b = item.span2
            if b.y is None:
                self._infer(b, a.bounds()[0], warnings)
            elif a.propagated and a.bounds()[0] > b.bounds()[1]:
                a.y -= 1  # "Октябрь – май 2021": October of the year before
            if b.bounds()[1] < a.bounds()[0]:
                raise ParseFailure(
                    "impossible_date", f"конец диапазона ({b.name()}) раньше его начала "
                    f"({a.name()})", a.a, b.b)
            lower = max(lower, b.bounds()[1])

    # terms ----------------------------------------------------------------------------------
    def _check(self, d: date, span: CalendarUnit | None, warnings: list[TermWarning]) -> None:
        a, b = (span.a, span.b) if span is not None else (0, 0)
        if not self.p0 <= d <= self.p1:
            warnings.append(TermWarning(
                "outside_period", f"дата {ru_date(d)} вне периода дорожной карты "
                f"({_period_text(self.period)})", a, b))

    def _item_term(self, item: Item, warnings: list[TermWarning],
                   text: str | None = None) -> Term:
        """The term of one parsed item: its kind and dates, with its notes and warnings."""
        notes = list(item.notes)
        if item.label:
            notes.insert(0, f"пояснение: {item.label}")
        reading = {"point": self._point, "range": self._range, "rec": self._recurring,
                   "cont": self._continuous}.get(item.kind)
        read: _Reading = (Kind.SCHEDULE, None, None, (), None) if reading is None \
            else reading(item, notes, warnings)
        kind, start, due, dates, repeat = read
        span = item.span
        if item.kind == "rec" or (span is not None and (span.kind in _SCHOOLISH or (
                item.span2 is not None and item.span2.kind in _SCHOOLISH))):
            years = self._school_years(item)
            if years:
                notes.append(f"сроки учебного года — {self.cal.source(years)}")
        if text is None:
            text = self.text[self.t[item.i0].a:self.t[item.i1 - 1].b]
        return Term(text, kind, start, due, dates, (), tuple(notes), tuple(warnings), repeat)

    def _point(self, item: Item, notes: list[str], warnings: list[TermWarning]) -> _Reading:
        """One named span: its last day; a part of a month or a holiday after "в" is a window
        of work (range); "до мая 2022 года" is read inclusively, with a warning (rule 2)."""
        span = item.span
        if span.window and item.prefix in (None, "в", "во", "на"):
            start, due = span.bounds()
            self._check(start, span, warnings)
            self._check(due, span, warnings)
            return Kind.RANGE, start, due, (due,), None
        due = span.bounds()[1]
        self._check(due, span, warnings)
        if item.prefix in ("до", "к", "ко") and span.edge is None and span.kind not in DAY_KINDS \
                and not span.window:
            notes.append(f"чтение включительно: до конца {span.genitive()}")
            written = self.text[self.t[item.c0].a:span.b]
            warnings.append(TermWarning(
                "inclusive_reading", f"«{written}» прочитано включительно: "
                f"срок — {ru_date(due)}", span.a, span.b))
        return Kind.ONCE, None, due, (due,), None

    def _range(self, item: Item, notes: list[str], warnings: list[TermWarning]) -> _Reading:
        """From the first day of A to the last day of B (rule 4)."""
        start = item.span.bounds()[0]
        due = item.span2.bounds()[1]
        self._check(start, item.span, warnings)
        self._check(due, item.span2, warnings)
        if item.chain:
            notes.append(f"цепочка через тире прочитана как один период: "
                         f"{ru_date(start)}–{ru_date(due)}")
        return Kind.RANGE, start, due, (due,), None

    def _recurring(self, item: Item, notes: list[str], warnings: list[TermWarning]) -> _Reading:
        """Every occurrence inside the period, or inside the span the text names (rule 6)."""
        rec = item.rec
        p0, p1, school = self.p0, self.p1, self.school
        window = rec.window
        if window is not None:  # "ежечетвертно в течение 2025-2026 учебного года"
            window.cal = self.cal
            lo, hi = window.bounds()
            p0, p1 = max(p0, lo), min(p1, hi)
            school = school or window.kind in _SCHOOLISH
        since, until = rec.since, rec.until
        if since is not None:  # "декабрь 2025, далее – ежегодно": nothing before the first one
            since.cal = self.cal
            p0 = max(p0, since.bounds()[0])
            self._check(since.bounds()[0], since, warnings)  # rule 11
            if until is None:
                notes.append(f"повторения — начиная с {since.genitive()}")
        if until is not None:  # "ежегодно с 2025 по 2027 гг."
            until.cal = self.cal
            p1 = min(p1, until.bounds()[1])
            self._check(until.bounds()[1], until, warnings)
            lo = since.bounds()[0] if since is not None else p0
            notes.append(f"повторения — с {ru_date(lo)} по {ru_date(until.bounds()[1])}")
        if school:
            rec = item.rec = rec.in_school_year()  # "2 раза в год": the school half-years
        dates = tuple(rec.occurrences(p0, p1, self.cal))
        return Kind.RECURRING, None, dates[-1] if dates else None, dates, rec

    def _continuous(self, item: Item, notes: list[str], warnings: list[TermWarning]) -> _Reading:
        """The whole period, or the span the text names; "с A" runs to the period's end
        (rule 7)."""
        if item.span is None:
            if item.school_year and not self.school:
                # "в течение учебного года" in a period of calendar years: which school year is
                # not said; read as the whole period (rule 7), and said so (docs/deadlines.md)
                warnings.append(TermWarning(
                    "year_inferred",
                    f"учебный год не указан, а период дорожной карты — календарные годы: принят весь период "
                    f"({ru_date(self.p0)}–{ru_date(self.p1)}); если имелся в виду один учебный год, "
                    f"назовите его («в течение {self.p0.year}-{self.p0.year + 1} учебного года»)"))
            return Kind.CONTINUOUS, self.p0, self.p1, (self.p1,), None
        last = item.span2 or item.span
        start = item.span.bounds()[0]
        due = last.bounds()[1]
        if item.prefix == "с":  # open span: up to the end of the period
            due = max(due, self.p1)
        self._check(start, item.span, warnings)
        self._check(due, last, warnings)
        return Kind.CONTINUOUS, start, due, (due,), None

    def _school_years(self, item: Item) -> list[int]:
        """The school years whose calendar the reading of ``item`` used (none: no school
        word was read)."""
        if item.kind == "rec":
            rec = item.rec
            if rec.school:
                return list(range(self.p0.year - 1, self.p1.year + 1))
            return []
        years = []
        for span in (item.span, item.span2):
            if span is not None and span.school and span.y is not None:
                years.append(span.y)
        return years

    def build(self, items: list[Item]) -> Term:
        if len(items) == 1:  # the common case: one item, read as the whole text
            item = items[0]
            warnings: list[TermWarning] = []
            if item.kind in ("point", "range"):
                self._resolve_chain(items, [warnings])
            elif item.kind == "cont" and item.span is not None:
                self._resolve_chain([_as_dated(item)], [warnings])
            self._typos(items, {id(item): warnings})
            return self._item_term(item, warnings, self.text)
        # Neighbouring dated items form one group: their years are resolved together, and
        # several of them are milestones (rule 5).
        groups: list[list[Item]] = []
        for item in items:
            if item.kind in ("point", "range") and groups and groups[-1][-1].kind in (
                    "point", "range"):
                groups[-1].append(item)
            else:
                groups.append([item])
        wmap: dict[int, list[TermWarning]] = {id(item): [] for item in items}
        for group in groups:
            first = group[0]
            if first.kind in ("point", "range"):
                self._resolve_chain(group, [wmap[id(item)] for item in group])
            elif first.kind == "cont" and first.span is not None:
                self._resolve_chain([_as_dated(first)], [wmap[id(first)]])
        self._typos(items, wmap)
        whole = len(groups) == 1  # one part: it is read as the whole text
        parts = []
        for group in groups:
            if len(group) == 1:
                item = group[0]
                parts.append(self._item_term(item, wmap[id(item)], self.text if whole else None))
            else:
                text = self.text if whole else \
                    self.text[self.t[group[0].i0].a:self.t[group[-1].i1 - 1].b]
                parts.append(_milestones(text, [self._item_term(item, wmap[id(item)])
                                                for item in group]))
        if whole:
            return parts[0]
        if all(p.kind is Kind.SCHEDULE for p in parts):
            return Term(self.text, Kind.SCHEDULE, None, None, (),
                        notes=_union(p.notes for p in parts),
                        warnings=_union(p.warnings for p in parts))
        lead = parts[0]
        if all(_reading(p) == _reading(lead) for p in parts[1:]):
            # "постоянно, в течение срока реализации программы": one term said twice (rule 21)
            return Term(self.text, lead.kind, lead.start, lead.due, lead.dates,
                        notes=_union(p.notes for p in parts),
                        warnings=_union(p.warnings for p in parts), repeat=lead.repeat)
        return _compound(self.text, parts)

    def _typos(self, items: list[Item], wmap: dict) -> None:
        """Warn about corrected words the reading relied on (not those in notes/labels)."""
        for tok in self.t:
            if tok.fix is not None:
                break
        else:
            return
        for item in items:
            free: set[int] = set()
            for i, j in item.free:
                free.update(range(i, j))
            for k in range(item.i0, item.i1):
                tok = self.t[k]
                if tok.fix is None or k in free:
                    continue
                written = self.text[tok.a:tok.b]
                if tok.fix == "typo":
                    message = f"опечатка: «{written}» прочитано как «{tok.norm}»"
                else:
                    message = (f"в слове «{written}» латинские буквы прочитаны как русские: "
                               f"«{tok.norm}»")
                wmap[id(item)].append(TermWarning("typo", message, tok.a, tok.b))


def _reading(term: Term) -> tuple:
    """What a term means, without its words: two parts that mean the same are one term."""
    return term.kind, term.start, term.due, term.dates, term.repeat


def _chain_spans(chain: list[Item]) -> list[CalendarUnit]:
    """The spans of dated items in textual order ("к летним каникулам" reads as the day they
    begin)."""
    spans: list[CalendarUnit] = []
    for item in chain:
        spans.append(item.span)
        if item.kind == "range":
            spans.append(item.span2)
        if item.kind == "point" and item.prefix in ("до", "к", "ко") \
                and item.span.kind == "holiday" and item.span.edge is None:
            item.span.edge = "start"  # "к летним каникулам": by the day they begin
    return spans


def _place_in_school_year(span: CalendarUnit, school: int) -> bool:
    """"сентябрь – I четверть 2025-2026 учебного года": the school year written after a span
    places a month (September … August) and every school unit; whether it placed ``span``."""
    if span.kind in MONTH_KINDS:
        span.y = school if span.m >= 9 else school + 1
    elif span.kind in _SCHOOLISH or span.kind == "half":
        span.y = school
        if span.kind == "half":
            span.kind = "ahalf"
    else:
        return False
    return True


def _as_dated(item: Item) -> Item:
    """A continuous item with a span, seen as a dated item for year resolution."""
    if item.span2 is None:
        clone = Item("point", item.i0, item.i1, span=item.span)
    else:
        clone = Item("range", item.i0, item.i1, span=item.span, span2=item.span2)
    return clone


def _union(seqs) -> tuple:
    out: list = []
    for seq in seqs:
        for x in seq:
            if x not in out:
                out.append(x)
    return tuple(out)


def _milestones(text: str, terms: list[Term]) -> Term:
    """Several dated pieces: milestones, each piece kept as a part (rule 5)."""
    dates = tuple(sorted({t.due for t in terms if t.due is not None}))
    kind = Kind.MILESTONES
    if len(dates) == 1 and all(t.kind is Kind.ONCE for t in terms):
        kind = Kind.ONCE
    return Term(text, kind, None, dates[-1], dates, tuple(terms),
                _union(t.notes for t in terms), _union(t.warnings for t in terms))


def _compound(text: str, parts: list[Term]) -> Term:
    dates = tuple(sorted({d for p in parts for d in p.dates}))
    starts = [p.start for p in parts if p.start is not None] + list(dates[:1])
    dues = [p.due for p in parts if p.due is not None]
    return Term(text, Kind.COMPOUND, min(starts) if starts else None,
                max(dues) if dues else None, dates, tuple(parts),
                _union(p.notes for p in parts), _union(p.warnings for p in parts))
