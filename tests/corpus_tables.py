"""The corpus tables (tests/data/corpus/tables) and their hand-written expected import
(``expected.json``), and the comparison of an import with it, shared by the corpus tests and
``benchmarks/bench_corpus.py``.

The expected values are the corpus's, written by hand from the documents; nothing here derives
them from the importer. What counts as right:

- a row is *found* when the import has a row (section or activity) whose first six words are the
  expected ones, in the expected order;
- an activity row is *right* when its number (written with or without the final period; any
  number when the document has none), activity, deadline and responsible are right; a section row
  when it is a section with that title;
- a deadline given in several date columns is right when the deadline names each filled column's
  text (start and end dates) or each quarter marked «х», and no quarter left unmarked;
- the responsible are right when the names the import lists cover the words of the cell.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).parent / "data" / "corpus"
TABLES = CORPUS / "tables"


def expected() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = json.loads((TABLES / "expected.json").read_text(encoding="utf-8"))["files"]
    return data


def document_text(name: str) -> bytes:
    """The table file as the page gives it: without its two lines of corpus metadata
    (``# source:``, ``# form:``)."""
    lines = (TABLES / name).read_bytes().split(b"\n")
    while lines and lines[0].startswith(b"# "):
        lines.pop(0)
    return b"\n".join(lines)


def words(text: str | None) -> list[str]:
    return (text or "").replace("\n", " ").split()


def first6(text: str | None) -> str:
    """The first six words, list dashes not counted (a «- …» item may be a sub-item)."""
    return " ".join([w for w in words(text) if w not in ("-", "–", "—", "•")][:6])


def same_start(text: str, first_words: str) -> bool:
    """Whether ``text`` starts with the expected first words (list dashes not counted)."""
    want = first6(first_words).split()
    return bool(want) and first6(text).split()[:len(want)] == want


def _tokens(text: str) -> set[str]:
    return {t for t in re.findall(r"[0-9a-zа-яё]+", text.lower().replace("ё", "е"))}


@dataclass
class Row:
    section: bool
    number: str | None
    text: str
    deadline: str | None = None
    responsible: list[str] = field(default_factory=list)


def imported_rows(data: dict[str, Any]) -> list[Row]:
    """The rows of an imported roadmap in document order: a section, its activities (with their
    nested ones), its subsections."""
    out: list[Row] = []

    def activity(item: dict[str, Any]) -> None:
        refs = [r if isinstance(r, str) else str(next(iter(r.values()), "")) for r in item.get("ответственные") or []]
        # an activity's sub-items are part of its cell: their texts follow its text, their
        # deadlines (when it has none of its own) make its deadline
        subitems = [i for i in item.get("подпункты") or [] if isinstance(i, dict)]
        text = " ".join([str(item.get("мероприятие") or "")] + [str(i.get("текст") or "") for i in subitems])
        deadline = item.get("срок") or "\n".join(str(i["срок"]) for i in subitems if i.get("срок")) or None
        out.append(Row(False, item.get("номер"), text, deadline, refs))
        for child in item.get("мероприятия") or []:
            activity(child)

    def owner(node: dict[str, Any]) -> None:
        for item in node.get("мероприятия") or []:
            activity(item)
        for section in node.get("разделы") or []:
            out.append(Row(True, section.get("номер"), str(section.get("название") or "")))
            owner(section)

    for table in data.get("таблицы") or []:
        owner(table)
    return out


def _number_right(want: str | None, got: str | None) -> bool:
    if want is None:
        return True
    return (got or "").strip().rstrip(".") == want.strip().rstrip(".")


_ROMAN = re.compile(r"\b(IV|I{1,3})\b")


def deadline_right(want: Any, got: str | None) -> bool:
    got_text = " ".join(words(got))
    if want is None or want == "":
        return not got_text
    if isinstance(want, str):
        return got_text == " ".join(words(want))
    quarters = {h: v for h, v in want.items() if _ROMAN.search(h) and "квартал" in h.lower()}
    if quarters:
        marked = {_ROMAN.search(h).group(1) for h, v in quarters.items() if v.strip().lower() in ("х", "x", "+", "v")}  # type: ignore[union-attr]
        named = set(_ROMAN.findall(got_text))
        if "–" in got_text or "-" in got_text:  # "I–IV квартал": the quarters between the ends
            order = ["I", "II", "III", "IV"]
            ends = [q for q in order if q in named]
            if ends:
                named = set(order[order.index(ends[0]):order.index(ends[-1]) + 1])
        return bool(marked) and named == marked
    return all(" ".join(words(v)) in got_text for v in want.values() if v.strip())


def responsible_right(want: str | None, got: list[str]) -> bool:
    if not want:
        return not got
    have = _tokens(" ".join(got))
    need = _tokens(want) - {"по", "и", "согласованию"}
    return bool(got) and need <= have and have <= _tokens(want)


def row_right(want: dict[str, Any], got: Row) -> bool:
    if want.get("section"):
        return got.section and same_start(got.text, want["activity_first6"])
    return (not got.section and _number_right(want.get("number"), got.number)
            and same_start(got.text, want["activity_first6"])
            and deadline_right(want.get("deadline"), got.deadline)
            and responsible_right(want.get("responsible"), got.responsible))


def match_rows(wanted: list[dict[str, Any]], got: list[Row]) -> list[Row | None]:
    """Each expected row's imported row (by its first six words, in order), or None."""
    out: list[Row | None] = []
    position = 0
    for want in wanted:
        found = None
        for k in range(position, len(got)):
            if same_start(got[k].text, want["activity_first6"]):
                found, position = got[k], k + 1
                break
        out.append(found)
    return out


_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря")


def _date_of(text: str) -> date | None:
    m = re.search(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    if m:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.search(r"(\d{1,2})\s+(\S+)\s+(\d{4})", text)
    if m and m.group(2).lower() in _MONTHS:
        return date(int(m.group(3)), _MONTHS.index(m.group(2).lower()) + 1, int(m.group(1)))
    return None


def approval_right(want: dict[str, Any] | None, data: dict[str, Any]) -> bool:
    marks = [data.get(k) for k in ("утверждение", "приложение") if data.get(k)]
    if want is None:
        return not marks
    if not marks:
        return False
    stamp = data.get("утверждение") or {}
    if stamp and not _tokens(" ".join(str(stamp.get(k, "")) for k in ("должность", "фио"))) <= _tokens(want["text"]):
        return False  # the stamp took words that are not the mark's (a title, a preamble)
    order = data.get("приказ") or {}
    dates = {str(order.get("дата"))} | {str(m.get("дата")) for m in marks if isinstance(m, dict)}
    if want.get("date"):
        when = _date_of(want["date"])
        if str(when) not in dates:
            return False
    return not want.get("number") or str(order.get("номер")) == want["number"]


def title_right(want: str, data: dict[str, Any]) -> bool:
    return " ".join(words(str(data.get("название")))).lower() == " ".join(words(want)).lower()


def _years(text: str) -> list[int]:
    return [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text)]


def period_right(want: str | None, data: dict[str, Any]) -> bool | None:
    """The period's years are those the document states (None: the document states none)."""
    if want is None:
        return None
    stated = want.split("(header:")[0]
    got = str(data.get("период") or "")
    years = _years(stated)
    if not years:
        return None
    span = (min(years), max(years))
    got_years = _years(got)
    if not got_years:
        return False
    if "учебн" in stated.lower() and len(set(years)) == 1:  # "к 2011/2012" has both; "в 2009 году" one
        return (min(got_years), max(got_years)) == span
    return (min(got_years), max(got_years)) == span
