"""term_from_override: deadlines stated in structured form (rule 12, YAML «срок_явно»)."""

from __future__ import annotations

from datetime import date, datetime

from roadmapctl.textutil import ru_date

from .calendar_units import CalendarUnit, last_day
from .period import Period
from .recurrence import DayOfMonth, EveryMonths, Recurrence, Weekly, Yearly
from .term import Kind, Term, TermWarning

_REPEATS = {"еженедельно": lambda: Weekly(1), "ежемесячно": lambda: EveryMonths(1),
            "ежеквартально": lambda: EveryMonths(3), "раз в полгода": lambda: EveryMonths(6),
            "ежегодно": lambda: EveryMonths(12)}
_NOTE = "срок задан в явном виде (срок_явно); текст срока только показывается"


class OverrideError(ValueError):
    """A structured deadline (срок_явно) is invalid (the message is in Russian)."""


def _date(value, field: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise OverrideError(f"в поле «{field}» ожидается дата вида 2021-05-31, а указано "
                        f"«{value}»")


def _int(value, field: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise OverrideError(f"в поле «{field}» ожидается целое число от {low} до {high}, "
                            f"а указано «{value}»")
    return value


def _outside(dates, period: Period) -> tuple[TermWarning, ...]:
    return tuple(TermWarning("outside_period", f"дата {ru_date(d)} вне периода дорожной карты "
                             f"({ru_date(period.start)}–{ru_date(period.end)})")
                 for d in dates if not period.start <= d <= period.end)


def term_from_override(override: dict, period: Period, text: str = "") -> Term:
    """The term stated by a structured override; the original ``text`` is only kept."""
    if not isinstance(override, dict) or not override:
        raise OverrideError("срок в явном виде (срок_явно) должен быть набором полей: "
                            "«даты», «с» и «по», «повтор», «постоянно» или «по_графику»")
    keys = set(override)
    allowed = {"даты", "с", "по", "повтор", "день", "месяц", "постоянно", "по_графику"}
    unknown = sorted(str(k) for k in keys - allowed)
    if unknown:
        raise OverrideError(f"в сроке в явном виде неизвестные поля: {', '.join(unknown)}; "
                            "допустимы «даты», «с», «по», «повтор», «день», «месяц», "
                            "«постоянно», «по_графику»")
    forms = [name for name, fields in (("даты", {"даты"}), ("с/по", {"с", "по"}),
                                       ("повтор", {"повтор", "день", "месяц"}),
                                       ("постоянно", {"постоянно"}),
                                       ("по_графику", {"по_графику"})) if keys & fields]
    if len(forms) != 1:
        raise OverrideError("в сроке в явном виде должна быть ровно одна форма: «даты», "
                            "«с» и «по», «повтор», «постоянно» или «по_графику»; указано: "
                            + ", ".join(forms))
    form = forms[0]
    notes = (_NOTE,)
    if form == "даты":
        return _dates_term(override, period, text, notes)
    if form == "с/по":
        return _window_term(override, period, text, notes)
    if form == "повтор":
        return _repeat_term(override, period, text, notes)
    if form == "постоянно":
        if override["постоянно"] is not True:
            raise OverrideError("поле «постоянно» может быть только true")
        return Term(text, Kind.CONTINUOUS, period.start, period.end, (period.end,),
                    notes=notes)
    if override["по_графику"] is not True:
        raise OverrideError("поле «по_графику» может быть только true")
    return Term(text, Kind.SCHEDULE, None, None, (), notes=notes)


def _dates_term(override: dict, period: Period, text: str, notes: tuple[str, ...]) -> Term:
    """«даты»: one date or several (once or milestones)."""
    values = override["даты"]
    if isinstance(values, (str, date)):
        values = [values]
    if not isinstance(values, (list, tuple)) or not values:
        raise OverrideError("в поле «даты» ожидается список дат, например "
                            "[2021-05-31, 2022-01-31]")
    dates = tuple(sorted({_date(v, "даты") for v in values}))
    kind = Kind.ONCE if len(dates) == 1 else Kind.MILESTONES
    return Term(text, kind, None, dates[-1], dates, notes=notes,
                warnings=_outside(dates, period))


def _window_term(override: dict, period: Period, text: str, notes: tuple[str, ...]) -> Term:
    """«с» and «по»: a window of work (range)."""
    if "с" not in override or "по" not in override:
        raise OverrideError("для окна выполнения укажите оба поля: «с» и «по»")
    start, due = _date(override["с"], "с"), _date(override["по"], "по")
    if due < start:
        raise OverrideError(f"окно выполнения заканчивается ({ru_date(due)}) раньше, чем "
                            f"начинается ({ru_date(start)})")
    return Term(text, Kind.RANGE, start, due, (due,), notes=notes,
                warnings=_outside(sorted({start, due}), period))


def _repeat_term(override: dict, period: Period, text: str, notes: tuple[str, ...]) -> Term:
    """«повтор» with an optional «день» and «месяц»: a recurrence."""
    name = override.get("повтор")
    if not isinstance(name, str) or name.strip().lower() not in _REPEATS:
        raise OverrideError(f"в поле «повтор» указано «{name}»; допустимо: "
                            + ", ".join(f"«{k}»" for k in _REPEATS))
    name = name.strip().lower()
    day = _int(override["день"], "день", 1, 31) if "день" in override else None
    month = _int(override["месяц"], "месяц", 1, 12) if "месяц" in override else None
    if month is not None and name != "ежегодно":
        raise OverrideError("поле «месяц» допустимо только для повтора «ежегодно»")
    if day is not None and name not in ("ежемесячно", "ежегодно"):
        raise OverrideError("поле «день» допустимо только для повторов «ежемесячно» и "
                            "«ежегодно»")
    rec = _repeat(name, day, month)
    dates = tuple(rec.occurrences(period.start, period.end))
    return Term(text, Kind.RECURRING, None, dates[-1] if dates else None, dates,
                notes=notes, repeat=rec)


def _repeat(name: str, day: int | None, month: int | None) -> Recurrence:
    """The recurrence «повтор» names, fixed by «день» and «месяц»."""
    if name == "ежемесячно" and day is not None:
        return DayOfMonth(day)
    if name != "ежегодно" or (day is None and month is None):
        return _REPEATS[name]()
    if month is None:
        raise OverrideError("для ежегодного повтора с полем «день» укажите и «месяц»")
    if day is None:
        return Yearly(CalendarUnit("month", m=month))
    if day > last_day(2000, month):
        raise OverrideError(f"дня {day} в месяце {month} не бывает")
    return Yearly(CalendarUnit("day", m=month, d=day))
