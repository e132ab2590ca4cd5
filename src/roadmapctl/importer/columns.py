"""Header row → the role of each column, whatever the order and the wording of the headers."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from roadmapctl.document import fields
from roadmapctl.importer.datecols import date_columns

# (column of document/fields.py, the import's words for it) in the order they are tried: the first
# match wins, so "Форма предоставления результатов" is a form before it is a result, "Сроки
# исполнения" a deadline before an executor and "Ожидаемые результаты исполнения мероприятия" a
# result before an activity.
_ROLES: list[tuple[str, tuple[str, ...]]] = [
    (fields.NUMBER.column, (r"^№", r"^n$", r"^n\s*п\s*/\s*п", r"^n\s+п\.?\s*п\.?$", r"\bп\s*/\s*п\b", r"^номер\b", r"^no\.?$", r"^#$")),
    (fields.RESULT_FORM.column, (r"\bформа\b.*\b(результат|отчет|предоставлени|представлени)", r"\bотчетност")),
    (fields.MARK_COLUMN, (r"\bотметк", r"\bинформация о (выполнении|ходе|исполнении)", r"\bстатус\b", r"\bвыполнено\b")),
    (fields.NOTE.column, (r"\bпримечани", r"\bкомментари")),
    (fields.DEADLINE.column, (r"\bсрок", r"\bпериодичност", r"\bдата\b", r"\bдаты\b", r"\bпериод\b", r"\bвремя проведения", r"\bкогда\b")),
    (fields.RESPONSIBLE.column, (r"\bответственн", r"\bисполнител", r"\bкто\b", r"\bучастник", r"\bсоисполнител")),
    (fields.RESULT.column, (r"\bожидаем", r"\bрезультат", r"\bиндикатор", r"\bпоказател", r"\bэффект")),
    (fields.TEXT.column, (
        r"\bмероприяти", r"\bсодержание\b", r"\bнаправлени", r"\bдействи", r"\bнаименование\b",
        r"\bвид(ы)? работ", r"\bзадач", r"\bформ[аы] работы", r"^оценочн\w*(?: процедур\w*)?$", r"\bоценочн\w* процедур",
        r"^вид\w* (?:оценочн|контрол)",
    )),
]
_COMPILED = [(field, tuple(re.compile(p) for p in patterns)) for field, patterns in _ROLES]


def _norm(header: str) -> str:
    text = header.lower().replace("ё", "е").replace("\n", " ")
    return re.sub(r"\s+", " ", text).strip(" .:*")


# the number column's header alone («№», «N п/п», «№№ п/п»): a header cell only ever first
NUMBER_HEADER = re.compile(r"(?i)^\s*(?:№{1,2}|n)\s*(?:п\s*/\s*п\.?|п\.\s*п\.?)?\s*$")


def role_of(header: str) -> str | None:
    """The field a header names, or None."""
    text = _norm(header)
    if not text:
        return None
    for field, patterns in _COMPILED:
        if any(p.search(text) for p in patterns):
            return field
    return None


@dataclass
class Column:
    index: int  # position in the source row
    field: str | None  # None: not recognised
    header: str  # as written (paragraphs joined with a space)


@dataclass
class Header:
    columns: list[Column]
    dates: list[int] = dataclasses.field(default_factory=list)  # several date columns side by side (datecols)

    @property
    def placed(self) -> list[Column]:
        return [c for c in self.columns if c.field]

    @property
    def unplaced(self) -> list[Column]:
        return [c for c in self.columns if not c.field and c.header]

    def index(self, field: str) -> int | None:
        for column in self.columns:
            if column.field == field:
                return column.index
        return None


def recognize(texts: list[str]) -> Header | None:
    """A header if the row names an activity column and at least one other known column.

    A role already taken is not given twice: a second column of the same kind is left unplaced
    (and reported). A number column without a header (an empty first cell) is accepted.
    """
    dates = date_columns(texts)
    filled = [t.strip() for k, t in enumerate(texts) if t.strip() and k not in dates[1:]]
    if len(filled) < 2 or any(len(t) > 160 for t in filled) or any(re.fullmatch(r"[\d.\s]+", t) for t in filled):
        return None
    columns: list[Column] = []
    taken: set[str] = set()
    for index, raw in enumerate(texts):
        header = re.sub(r"\s+", " ", raw).strip()
        # several date columns are one deadline (datecols): the first holds the role
        role = fields.DEADLINE.column if index == (dates[0] if dates else -1) else None if index in dates else role_of(header)
        if role in taken:
            role = None
        if role:
            taken.add(role)
        columns.append(Column(index, role, header))
    if fields.TEXT.column not in taken and len(taken) >= 3 and fields.NUMBER.column in taken:
        # a table of another kind (a monitoring plan: «№ | Показатель | Периодичность | Ответственный
        # | Форма …»): its first text column that is neither who nor when holds what each row is about
        for column in columns:
            first = columns[0].index if columns[0].field == fields.NUMBER.column else -1
            if column.header and column.field in (None, fields.RESULT.column) and column.index > first:
                if column.field:
                    taken.discard(column.field)
                column.field = fields.TEXT.column
                taken.add(fields.TEXT.column)
                break
    _activity_over_direction(columns)
    if fields.TEXT.column not in taken or len(taken) < 2 or 2 * len(taken) < len(filled):
        return None
    if fields.NUMBER.column not in taken and columns and not columns[0].header:
        columns[0].field = fields.NUMBER.column
        columns[0].header = "№"
    return Header(columns, dates)


_ACTIVITY_WORD = re.compile(r"^(?:наименование\s+)?мероприяти")
_DIRECTION_WORD = re.compile(r"^(?:направлени|раздел|этап|блок)")


def _activity_over_direction(columns: list[Column]) -> None:
    """«Направление мероприятий | Мероприятия | …»: the activity column is the one named by
    the activities, the direction (a group of rows, often a merged first cell) is left unplaced."""
    taken = next((c for c in columns if c.field == fields.TEXT.column), None)
    if taken is None or not _DIRECTION_WORD.match(_norm(taken.header)):
        return
    better = next((c for c in columns if c.field is None and _ACTIVITY_WORD.match(_norm(c.header))), None)
    if better is not None:
        taken.field, better.field = None, fields.TEXT.column


def is_column_numbers(texts: list[str]) -> bool:
    """The row "1 2 3 4 5" under a header."""
    filled = [t.strip().rstrip(".") for t in texts if t.strip()]
    return len(filled) >= 2 and filled == [str(i) for i in range(1, len(filled) + 1)]
