"""The table of activity fields (document/fields.py) agrees with the schema and the model, and
the consumers read it."""

from __future__ import annotations

import dataclasses
import json

from conftest import ROADMAP_HEAD, ROOT
from roadmapctl.diff import diff_roadmaps, model_from_bytes
from roadmapctl.diff.changes import RoadmapDiff
from roadmapctl.diff.output import render_text
from roadmapctl.document import fields
from roadmapctl.document.model import Activity, SubItem
from roadmapctl.format.order import SchemaCursor
from roadmapctl.render.style import Style
from roadmapctl.render.view import cell_paragraphs

SCHEMA = json.loads((ROOT / "schema" / "roadmap.schema.json").read_text(encoding="utf-8"))
ACTIVITY = SCHEMA["$defs"]["activity"]
SUBITEM = next(b for b in ACTIVITY["properties"]["подпункты"]["items"]["oneOf"] if b.get("type") == "object")
JSON_TYPES = {
    fields.Kind.TEXT: "string", fields.Kind.DATE: "string", fields.Kind.MAPPING: "object", fields.Kind.REFS: "array",
    fields.Kind.SUBITEMS: "array", fields.Kind.MARKS: "array", fields.Kind.POSTPONEMENTS: "array",
    fields.Kind.ACTIVITIES: "array",
}


def _model_attrs(cls) -> list[str]:
    return [f.name for f in dataclasses.fields(cls) if f.name not in ("span", "spans")]


def test_every_activity_property_of_the_schema_has_a_row_in_its_order_and_no_more():
    assert [f.key for f in fields.ACTIVITY_FIELDS] == list(ACTIVITY["properties"])
    # the order fmt writes (format/order.py reads the schema) is the table's order
    activity = SchemaCursor.root().child("таблицы").item().child("мероприятия").item()
    assert activity.key_order() == [f.key for f in fields.ACTIVITY_FIELDS]


def test_rows_agree_with_the_schema_entries():
    for f in fields.ACTIVITY_FIELDS:
        entry = ACTIVITY["properties"][f.key]
        assert entry["type"] == JSON_TYPES[f.kind], f.key
        assert f.label == entry["title"].lower(), f.key
        assert (entry.get("format") == "date") == (f.kind == fields.Kind.DATE), f.key
    assert [f.key for f in fields.ACTIVITY_FIELDS if f.required] == ACTIVITY["required"]


def test_sub_item_fields_agree_with_the_schema():
    assert sorted(f.key for f in fields.SUBITEM_FIELDS) == sorted(SUBITEM["properties"])
    assert [f.key for f in fields.SUBITEM_FIELDS if f.required] == SUBITEM["required"]
    for f in fields.SUBITEM_FIELDS:
        assert SUBITEM["properties"][f.key]["type"] == JSON_TYPES[f.kind], f.key


def test_the_columns_are_the_schemas_column_fields():
    column = SCHEMA["properties"]["таблицы"]["items"]["properties"]["колонки"]["items"]["properties"]["поле"]
    assert list(fields.COLUMNS) == column["enum"]
    assert fields.column_field("ожидаемый_результат") is fields.RESULT
    assert fields.column_field(fields.MARK_COLUMN) is None


def test_every_row_names_an_attribute_of_the_model_and_every_attribute_has_a_row():
    assert sorted(f.attr for f in fields.ACTIVITY_FIELDS) == sorted(_model_attrs(Activity))
    assert sorted(f.attr for f in fields.SUBITEM_FIELDS) == sorted(_model_attrs(SubItem))


TABLE = """\
таблицы:
  - колонки:
      - {поле: номер, заголовок: №}
      - {поле: мероприятие, заголовок: Мероприятие}
      - {поле: срок, заголовок: Срок}
      - {поле: форма_результата, заголовок: Форма отчёта}
    мероприятия:
      - номер: "1."
        мероприятие: Совещание директоров
        подпункты:
          - {текст: Подготовка, срок: Март 2021 года}
        срок: Апрель 2021 года
        форма_результата: %s
"""


def _model(form: str):
    return model_from_bytes("roadmaps/n-2021-2022.yaml", (ROADMAP_HEAD + TABLE % form).encode("utf-8"))


def test_a_field_is_built_rendered_and_compared_through_the_table():
    old, new = _model("Протокол"), _model(r'"Протокол\nи справка"')
    activity = new.tables[0].activities[0]
    assert activity.result_form == "Протокол\nи справка"
    assert activity.subitems[0].deadline == "Март 2021 года"
    style = Style()
    assert [p.line for p in cell_paragraphs(activity, "форма_результата", style)] == ["Протокол", "и справка"]
    # a deadline is shared with the sub-items: theirs follow the activity's own
    assert [p.line for p in cell_paragraphs(activity, "срок", style)] == ["Апрель 2021 года", "Март 2021 года"]
    text = render_text([RoadmapDiff("roadmaps/n-2021-2022.yaml", diff_roadmaps(old, new))])
    assert "  ~ 1. изменено поле «форма результата»\n" in text
