"""The fields of an activity, in one table: the YAML key, the model attribute, what kind of value
it holds, how it is named in words, which column of the appendix shows it and how ``diff``
compares it. Every consumer (build, render, diff, check, import, mark) reads the field from
here instead of spelling the key, the attribute or the label itself.

A new field of an activity is one row below, plus its attribute on
:class:`~roadmapctl.document.model.Activity` and its entry in ``schema/roadmap.schema.json``
(``tests/test_fields.py`` keeps the three in step). Plain data only: no imports beyond the
standard library.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """What a field holds; document/build.py has one reader per kind."""

    TEXT = "text"                    # a string (a number written without quotes keeps its source text)
    REFS = "refs"                    # a list of responsible parties (model: Ref)
    MAPPING = "mapping"              # a mapping kept as loaded (the structured deadline)
    DATE = "date"                    # an ISO date (model: datetime.date, None when not a date)
    SUBITEMS = "subitems"            # the list of sub-items (model: SubItem)
    MARKS = "marks"                  # the dated progress marks (model: ProgressMark)
    POSTPONEMENTS = "postponements"  # the history of postponed deadlines (model: Postponement)
    ACTIVITIES = "activities"        # nested activities (model: Activity)


class Status(StrEnum):
    """The values of an activity's «статус», in the schema's order (the schema's enum is generated
    from this class: ``document/schema_strings.py``)."""

    NOT_STARTED = "не начато"
    IN_PROGRESS = "в работе"
    DONE = "выполнено"
    CANCELLED = "отменено"


STATUSES: tuple[str, ...] = tuple(status.value for status in Status)


# The column that shows the status, the date done and the progress marks together.
MARK_COLUMN = "отметка"


@dataclass(frozen=True)
class Field:
    key: str                         # the YAML key, as users write it
    attr: str                        # the attribute of the model dataclass
    kind: Kind
    label: str                       # the field in words (the schema's title, lower case)
    required: bool = False           # the schema requires it (the model then holds "" rather than None)
    column: str | None = None        # the table column («поле» of «колонки») that shows it
    subitem: bool = False            # a sub-item has it too, under the same key and attribute
    # the kind of change ``diff`` files a change of it under; diff/changes.py compares the plain
    # "text" fields word by word and the plain "status" fields as values straight from this table
    diff_kind: str | None = None
    diff_label: str | None = None    # how ``diff`` names it in a change ("изменено поле «…»")


@dataclass(frozen=True)
class ColumnField(Field):
    """A field a table column shows: its ``column`` is always set (typed so for its users)."""

    column: str = ""

    def __post_init__(self) -> None:
        assert self.column, self.key


# In the schema's order (which is also the key order ``fmt`` writes).
# key, attribute, kind, label, then what only some fields have
NUMBER = ColumnField("номер", "number", Kind.TEXT, "номер", required=True, column="номер")
TEXT = ColumnField("мероприятие", "text", Kind.TEXT, "мероприятие", required=True, column="мероприятие",
             diff_kind="text", diff_label="текст мероприятия")
SUBITEMS = ColumnField("подпункты", "subitems", Kind.SUBITEMS, "подпункты", column="мероприятие",
                 diff_kind="text", diff_label="подпункты")
RESPONSIBLE = ColumnField("ответственные", "responsible", Kind.REFS, "ответственные", column="ответственные",
                    subitem=True, diff_kind="responsible")
DEADLINE = ColumnField("срок", "deadline", Kind.TEXT, "срок", column="срок", subitem=True, diff_kind="deadline")
OVERRIDE = Field("срок_явно", "override", Kind.MAPPING, "срок в явном виде", subitem=True, diff_kind="deadline")
RESULT = ColumnField("ожидаемый_результат", "result", Kind.TEXT, "ожидаемый результат", column="ожидаемый_результат",
               diff_kind="text", diff_label="ожидаемый результат")
RESULT_FORM = ColumnField("форма_результата", "result_form", Kind.TEXT, "форма предоставления результатов",
                    column="форма_результата", diff_kind="text", diff_label="форма результата")
NOTE = ColumnField("примечание", "note", Kind.TEXT, "примечание", column="примечание",
             diff_kind="text", diff_label="примечание")
STATUS = ColumnField("статус", "status", Kind.TEXT, "статус", column=MARK_COLUMN,
               diff_kind="status", diff_label="статус")
DONE_DATE = ColumnField("дата_выполнения", "done_date", Kind.DATE, "дата выполнения", column=MARK_COLUMN,
                  diff_kind="status", diff_label="дата выполнения")
MARKS = ColumnField("отметки", "marks", Kind.MARKS, "отметки о ходе", column=MARK_COLUMN,
              diff_kind="status", diff_label="отметка о ходе выполнения")
POSTPONEMENTS = Field("переносы", "postponements", Kind.POSTPONEMENTS, "переносы срока",
                      diff_kind="deadline", diff_label="запись о переносе срока")
CHILDREN = Field("мероприятия", "children", Kind.ACTIVITIES, "вложенные мероприятия")

ACTIVITY_FIELDS: tuple[Field, ...] = (
    NUMBER, TEXT, SUBITEMS, RESPONSIBLE, DEADLINE, OVERRIDE, RESULT, RESULT_FORM, NOTE,
    STATUS, DONE_DATE, MARKS, POSTPONEMENTS, CHILDREN,
)

# A sub-item written as a mapping: its text under its own key, then the fields it shares.
SUBITEM_TEXT = Field("текст", "text", Kind.TEXT, "текст", required=True)
SUBITEM_FIELDS: tuple[Field, ...] = (SUBITEM_TEXT,) + tuple(f for f in ACTIVITY_FIELDS if f.subitem)

BY_KEY: dict[str, Field] = {f.key: f for f in ACTIVITY_FIELDS}

# The columns a table may have («поле» of «колонки»), in the schema's order.
COLUMNS: tuple[str, ...] = tuple(dict.fromkeys(f.column for f in ACTIVITY_FIELDS if f.column))


def column_field(column: str) -> Field | None:
    """The field a column is named after (None for the mark column, which shows several)."""
    found = BY_KEY.get(column)
    return found if found is not None and found.column == column else None
