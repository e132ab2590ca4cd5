"""The period of a roadmap: "на 2021-2022 годы", "на 2020-2021 учебный год" …"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import lexicon as lx
from .lexer import DASH, DOT, NUM, SLASH, WORD, tokenize

MIN_YEAR = 1900
MAX_YEAR = 2199
_EXAMPLES = "например: «2021-2022», «2020-2021 учебный год» или «2021-01-01..2022-12-31»"


class PeriodError(ValueError):
    """The period of a roadmap cannot be read (the message is in Russian)."""


@dataclass(frozen=True)
class Period:
    """The roadmap period [start, end]."""

    start: date
    end: date
    academic: bool = False
    text: str = ""


def _year(tok) -> int | None:
    if tok.kind == NUM and len(tok.norm) == 4:
        return tok.val
    return None


def _check_year(y: int, text: str) -> None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise PeriodError(f"год {y} в периоде «{text}» вне допустимых пределов "
                          f"({MIN_YEAR}–{MAX_YEAR})")


def _date(y: int, m: int, d: int, text: str) -> date:
    _check_year(y, text)
    try:
        return date(y, m, d)
    except ValueError:
        raise PeriodError(f"даты {d:02d}.{m:02d}.{y:04d} не существует (период «{text}»)") \
            from None


def _read_date(toks, i: int, text: str):
    """A date as 2021-01-01 or 01.01.2021 starting at token i: (date, next index)."""
    if i + 4 >= len(toks):
        return None
    t = toks[i:i + 5]
    if any(t[k].b != t[k + 1].a for k in range(4)):
        return None
    if t[0].kind == NUM and t[2].kind == NUM and t[4].kind == NUM:
        if t[1].kind == DASH and t[3].kind == DASH and len(t[0].norm) == 4:
            return _date(t[0].val, t[2].val, t[4].val, text), i + 5
        if t[1].kind == DOT and t[3].kind == DOT and len(t[4].norm) == 4:
            return _date(t[4].val, t[2].val, t[0].val, text), i + 5
    return None


def parse_period(text: str) -> Period:
    """Read a roadmap period; raise PeriodError with a Russian message when it cannot."""
    if not isinstance(text, str) or not text.strip():
        raise PeriodError(f"период дорожной карты не указан; укажите его, {_EXAMPLES}")
    shown = text.strip()
    if len(shown) > 200:
        raise PeriodError("период дорожной карты записан слишком длинно: "
                          f"укажите его коротко, {_EXAMPLES}")
    toks = tokenize(shown)
    while toks and toks[-1].kind == DOT:
        toks.pop()
    i = 1 if toks and toks[0].kind == WORD and toks[0].norm == "на" else 0
    n = len(toks)
    result = None
    first = _read_date(toks, i, shown) if i < n else None
    if first is not None:
        start, j = first
        if j < n and toks[j].kind == DOT and j + 1 < n and toks[j + 1].kind == DOT:
            j += 2
        elif j < n and (toks[j].kind == DASH or toks[j].norm == "по"):
            j += 1
        else:
            j = -1
        second = _read_date(toks, j, shown) if j >= 0 else None
        if second is not None and second[1] == n:
            result = Period(start, second[0], False, shown)
    elif i < n and _year(toks[i]) is not None:
        y1 = _year(toks[i])
        j = i + 1
        y2 = None
        slash = False
        if j + 1 < n and toks[j].kind in (DASH, SLASH) and _year(toks[j + 1]) is not None:
            slash = toks[j].kind == SLASH
            y2 = _year(toks[j + 1])
            j += 2
        academic = False
        rest = [t for t in toks[j:] if t.kind != DOT]
        words = [t.cat for t in rest]
        if all(t.kind == WORD for t in rest):
            if words and words[0] == lx.ACADEMIC and all(c == lx.YEAR_WORD for c in words[1:]):
                academic = True
            elif all(c == lx.YEAR_WORD for c in words):
                academic = slash
            else:
                rest = None
        else:
            rest = None
        if rest is not None:
            _check_year(y1, shown)
            if y2 is None:
                if academic:
                    raise PeriodError(f"учебный год записывается двумя годами: «{shown}» "
                                      f"прочитать нельзя; {_EXAMPLES}")
                result = Period(date(y1, 1, 1), date(y1, 12, 31), False, shown)
            else:
                _check_year(y2, shown)
                if academic:
                    if y2 != y1 + 1:
                        raise PeriodError(f"учебный год охватывает два соседних года: "
                                          f"«{shown}» прочитать нельзя")
                    result = Period(date(y1, 9, 1), date(y2, 8, 31), True, shown)
                else:
                    result = Period(date(y1, 1, 1), date(y2, 12, 31), False, shown)
    if result is None:
        raise PeriodError(f"не удалось прочитать период дорожной карты «{shown}»; "
                          f"укажите его, {_EXAMPLES}")
    if result.end < result.start:
        raise PeriodError(f"конец периода раньше начала: «{shown}»")
    return result
