"""The JSON Schema and its Russian errors, mapped back to the YAML node each concerns."""

from __future__ import annotations

import copy
import json
import re

from hypothesis import given, settings, strategies as st

from roadmapctl.loading import load_path, load_text
from roadmapctl.resources import schema_path
from roadmapctl.document.schema import full_validator, is_valid, validate

from conftest import MINIMAL_ROADMAP, ROOT, roadmap_files



def _walk_properties(node, path="#"):
    if isinstance(node, dict):
        for name, sub in (node.get("properties") or {}).items():
            yield f"{path}/{name}", sub
            yield from _walk_properties(sub, f"{path}/{name}")
        for key in ("items", "additionalProperties"):
            if isinstance(node.get(key), dict):
                yield from _walk_properties(node[key], f"{path}/{key}")
        for key in ("oneOf", "anyOf"):
            for i, sub in enumerate(node.get(key) or []):
                yield from _walk_properties(sub, f"{path}/{key}/{i}")
        for name, sub in (node.get("$defs") or {}).items():
            yield from _walk_properties(sub, f"{path}/$defs/{name}")


def test_every_property_is_documented_in_russian():
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    props = list(_walk_properties(schema))
    assert len(props) > 60
    for where, sub in props:
        if "$ref" in sub:
            continue
        for key in ("title", "description", "markdownDescription"):
            assert re.search("[А-Яа-яЁё]", sub.get(key, "")), f"{where} has no Russian {key}"


def test_bundled_roadmaps_and_example_are_valid_and_start_with_schema_line():
    files = roadmap_files() + [ROOT / "docs" / "format-example.yaml"]
    assert len(files) == 6
    for path in files:
        assert validate(load_path(path)) == [], path
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/roadmap.schema.json"


def test_minimal_document_is_valid():
    assert validate(load_text(MINIMAL_ROADMAP)) == []


def _problems(text):
    return [(p.code, p.span.line, p.span.column, p.message, p.hint) for p in validate(load_text(text))]


def test_unknown_key_points_at_the_key_with_did_you_mean():
    text = MINIMAL_ROADMAP.replace("        мероприятие: Создание команды", "        мероприятие: Создание команды\n        ответсвенные: [РУО]")
    [(code, line, column, message, hint)] = _problems(text)
    assert (code, line, column) == ("RM101", 14, 9)
    assert "ответсвенные" in message
    assert hint == "возможно, имелось в виду «ответственные»?"


def test_missing_key_points_at_its_mapping_and_names_it():
    text = MINIMAL_ROADMAP.replace("муниципалитет: город Примерск\n", "")
    [(code, line, column, message, _)] = _problems(text)
    assert code == "RM102" and "«муниципалитет»" in message and (line, column) == (1, 1)
    text = MINIMAL_ROADMAP.replace("        мероприятие: Создание команды\n", "        срок: Март 2021 года\n")
    [(code, line, column, message, _)] = _problems(text)
    assert code == "RM102" and "«мероприятие»" in message and line == 12


def test_float_number_trap_says_why_at_that_line():
    text = MINIMAL_ROADMAP.replace('номер: "1."', "номер: 4.10")
    [(code, line, column, message, _)] = _problems(text)
    assert (code, line, column) == ("RM104", 12, 16)
    assert "4.1" in message and '"4.10"' in message


def test_wrong_type_enum_and_date():
    text = MINIMAL_ROADMAP + "        ответственные: РУО\n        статус: сделано\n        дата_выполнения: 31.05.2021\n"
    found = {(p[0], p[1]) for p in _problems(text)}
    assert found == {("RM103", 14), ("RM105", 15), ("RM105", 16)}


def test_top_level_must_be_a_mapping_and_file_not_empty():
    assert _problems("- a\n- b\n")[0][0] == "RM103"
    assert _problems("")[0][0] == "RM102"


def _mutations(data):
    """Small wrong variants of a valid document."""
    table = data["таблицы"][0]
    activity = table["мероприятия"][0]
    yield {**data, "лишний": 1}
    yield {k: v for k, v in data.items() if k != "период"}
    yield {**data, "версия_формата": 2}
    yield {**data, "таблицы": []}
    for key, value in [("номер", 1.1), ("номер", ""), ("статус", "x"), ("ответственные", "РУО"), ("дата_выполнения", "2021-13-01"),
                       ("отметки", [{"дата": "2021-01-01"}]), ("срок_явно", {}), ("подпункты", [{"срок": "x"}]), ("мероприятия", [{}])]:
        changed = copy.deepcopy(data)
        changed["таблицы"][0]["мероприятия"][0][key] = value
        yield changed
    del activity


def test_fast_validator_agrees_with_jsonschema_on_valid_and_invalid_documents():
    documents = [load_path(p).data for p in roadmap_files()]
    base = load_text(MINIMAL_ROADMAP).data
    documents += list(_mutations(base))
    for data in documents:
        assert is_valid(data) == (not list(full_validator().iter_errors(data)))


@settings(max_examples=150, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                    lambda children: st.lists(children, max_size=3) | st.dictionaries(
                        st.sampled_from(["номер", "мероприятие", "срок", "таблицы", "колонки", "x"]), children, max_size=3),
                    max_leaves=12))
def test_any_data_gives_problems_not_exceptions(fragment):
    data = load_text(MINIMAL_ROADMAP).data
    data["таблицы"][0]["мероприятия"][0]["подпункты"] = fragment
    assert is_valid(data) == (not list(full_validator().iter_errors(data)))


def test_format_example_is_clean_and_canonical():
    from roadmapctl.check.runner import check_path
    from roadmapctl.format import format_bytes

    example = ROOT / "docs" / "format-example.yaml"
    assert check_path(example) == []
    assert format_bytes(example.read_bytes(), str(example)) == example.read_bytes()


def test_the_schemas_derived_strings_are_generated_and_up_to_date():
    """The values of «статус» and «поле» come from document/fields.py, and every error message that
    lists keys or values lists the node's own (``python -m roadmapctl.document.schema_strings``
    rewrites the file). Before, the root's message had no «учебный_календарь»."""
    from roadmapctl.document import fields
    from roadmapctl.document.schema_strings import derive, dumps, generated

    path = ROOT / "schema" / "roadmap.schema.json"
    assert generated(path) == path.read_text(encoding="utf-8"), "run: python -m roadmapctl.document.schema_strings"
    schema = json.loads(path.read_text(encoding="utf-8"))
    status = schema["$defs"]["activity"]["properties"]["статус"]
    assert status["enum"] == ["не начато", "в работе", "выполнено", "отменено"] == list(fields.STATUSES)
    assert status["errorMessage"] == "«статус»: допустимые значения — не начато, в работе, выполнено, отменено"
    assert "период, учебный_календарь, преамбула" in schema["errorMessage"]
    # a key added by hand without its message makes the file out of date
    stale = copy.deepcopy(schema)
    stale["$defs"]["activity"]["properties"]["новое_поле"] = {"type": "string"}
    assert dumps(derive(stale)) != dumps(stale)
    assert derive(stale)["$defs"]["activity"]["errorMessage"].startswith(
        "«мероприятие»: ожидается словарь «ключ: значение» с ключами номер, мероприятие, подпункты,")
    assert ", мероприятия, новое_поле; обязательны: номер, мероприятие. " in derive(stale)["$defs"]["activity"]["errorMessage"]
