"""Several date columns of one table → one deadline: the one place of this concept for every
input form (Word, PDF, web page, text).

Plans give a deadline in several columns: start and end («Плановое начало» / «Плановое
окончание», «начала реализации» / «окончания реализации»), quarters marked «х» («I квартал
2013 г.» … «IV квартал»), several «Дата». :func:`date_columns` finds them by their headers;
:func:`combine_dates` writes one deadline text of a row's cells (start/end → «с A по B»; the
quarters marked → «I–IV квартал 2013 г.», non-adjacent ones joined with «; »; several dates →
joined with «; »); :func:`originals` keeps the cells as written for the row's comment.
"""

from __future__ import annotations

import re

_QUARTER = re.compile(r"^(?P<q>IV|I{1,3})\s*(?:-?й\s*)?квартал\w*\s*(?P<rest>.*)$", re.IGNORECASE)
MARKS = {"х", "x", "+", "v", "✓", "✔"}  # a quarter marked as the time of the activity
_START = re.compile(r"(?i)\bначал|(?<![а-яё])с(?![а-яё])|(?<![а-яё])от(?![а-яё])")
_END = re.compile(r"(?i)\bокончан|\bзавершени|(?<![а-яё])по(?![а-яё])|(?<![а-яё])до(?![а-яё])")
_DATE_WORD = re.compile(r"(?i)^\s*(?:плановая\s+|фактическая\s+)?дат[аы]\s*$")
_OTHER_ROLE = re.compile(r"(?i)ответствен|исполнител|мероприяти|наименовани|результат|показател|примечани|отметк")


_BOUND_WORD = re.compile(r"(?i)\bначал|\bокончан|\bзавершени")


def is_date_header(header: str) -> bool:
    """A header of one of several date columns: a quarter, a start or an end («Плановое
    начало», «Срок окончания», «с», «по»), «Дата». «Работа с родителями» is not one: a bare
    preposition counts only in a header of three words at most that names no other column."""
    text = " ".join(header.split())
    if not text or len(text) > 40 or _OTHER_ROLE.search(text):
        return False
    if _QUARTER.match(text) or _DATE_WORD.match(text) or _BOUND_WORD.search(text):
        return True
    return len(text.split()) <= 3 and bool(_START.search(text) or _END.search(text)) and \
        bool(re.match(r"(?i)^(?:срок\w*|дата|с|по|до|от)\b", text))


def date_columns(headers: list[str]) -> list[int]:
    """The indices of a header's date columns, when it has two or more side by side."""
    found = [k for k, h in enumerate(headers) if is_date_header(h)]
    if len(found) < 2 or found != list(range(found[0], found[-1] + 1)):
        return []
    return found


def joined_header(headers: list[str]) -> str:
    """The header of the one deadline column the date columns become."""
    return "Срок (" + "; ".join(" ".join(h.split()) for h in headers) + ")"


def _quarters(headers: list[str], values: list[str]) -> str | None:
    marked: list[int] = []
    rest = ""
    for header, value in zip(headers, values):
        match = _QUARTER.match(" ".join(header.split()))
        if not match:
            return None
        rest = match.group("rest").strip() or rest
        if value.strip().lower() in MARKS:
            marked.append({"I": 1, "II": 2, "III": 3, "IV": 4}[match.group("q").upper()])
    if not marked:
        return ""
    roman = {1: "I", 2: "II", 3: "III", 4: "IV"}
    runs: list[list[int]] = []
    for q in marked:
        if runs and q == runs[-1][-1] + 1:
            runs[-1].append(q)
        else:
            runs.append([q])
    tail = f" {rest}" if rest else ""
    return "; ".join((f"{roman[r[0]]}–{roman[r[-1]]} квартал{tail}" if len(r) > 1 else f"{roman[r[0]]} квартал{tail}")
                     for r in runs)


def combine_dates(headers: list[str], values: list[str]) -> str:
    """Several date cells of a row → one deadline text."""
    quarters = _quarters(headers, values)
    if quarters is not None:
        return quarters
    filled = [(h, v.strip()) for h, v in zip(headers, values) if v.strip() and v.strip() not in ("-", "–", "—")]
    if len(filled) == 2 and _START.search(filled[0][0]) and _END.search(filled[1][0]):
        return f"с {filled[0][1]} по {filled[1][1]}"
    return "; ".join(v for _h, v in filled)


def originals(headers: list[str], values: list[str]) -> str:
    """The row's date cells as written, for its comment."""
    shown = ", ".join(f"«{' '.join(h.split())}»: «{' '.join(v.split()) or '—'}»" for h, v in zip(headers, values))
    return f"срок собран из нескольких колонок дат ({shown}) — сверьте с документом"
