"""`fmt` never changes what a value says: a number, a yes/no word or a date keeps the spelling it
was typed with, quoted where the schema wants text (issue: `номер: 4.10` became `номер: 4.1`).

"Read as source text" is PyYAML's BaseLoader: every scalar is the string it was typed with. The
formatted file must read back equal under it, whatever the input.
"""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pytest

from conftest import roadmap_files
from roadmapctl.format import format_text
from roadmapctl.loading import Source, load_document


def as_typed(text: str):
    return yaml.load(text, Loader=yaml.BaseLoader)


def as_loaded(text: str):
    return load_document(Source(name="<t>", text=text)).data


ROADMAP = """версия_формата: 1
муниципалитет: город N
название: Дорожная карта
период: 2021-2022
таблицы:
  - колонки:
      - {{поле: номер, заголовок: №}}
      - {{поле: мероприятие, заголовок: Мероприятие}}
    мероприятия:
      - номер: {number}
        мероприятие: {text}
        примечание: {note}
"""


@pytest.mark.parametrize(
    "typed, written",
    [
        ("4.10", '"4.10"'),     # a float to YAML: 4.1
        ("1.10", '"1.10"'),
        ("2.0", '"2.0"'),
        ("010", '"010"'),       # an octal 8 to YAML 1.1
        ("1_000", '"1_000"'),   # 1000 to YAML 1.1
        ("yes", '"yes"'),       # true to YAML 1.1
        ("off", '"off"'),
    ],
)
def test_typed_spellings_in_text_fields_are_kept_and_quoted(typed, written):
    source = ROADMAP.format(number=typed, text=typed, note=typed)
    out = format_text(source)
    assert f"      - номер: {written}\n" in out
    assert f"        мероприятие: {written}\n" in out
    assert f"        примечание: {written}\n" in out
    activity = as_loaded(out)["таблицы"][0]["мероприятия"][0]
    assert activity == {"номер": typed, "мероприятие": typed, "примечание": typed}


def test_typed_values_where_the_schema_wants_them_are_left_as_typed():
    source = (
        "версия_формата: 1\nтаблицы:\n  - номера_колонок: yes\n    мероприятия:\n      - номер: \"1\"\n"
        "        мероприятие: А\n        срок_явно:\n          повтор: ежемесячно\n          день: 010\n"
        "          постоянно: on\n        примечание: ~\n"
    )
    out = format_text(source)
    assert "номера_колонок: yes\n" in out
    assert "          день: 010\n" in out
    assert "          постоянно: on\n" in out
    assert "        примечание: ~\n" in out
    assert as_loaded(out) == as_loaded(source)


def test_a_spelling_that_is_text_already_is_not_quoted_outside_numbers():
    out = format_text(ROADMAP.format(number="08", text="08", note="08"))
    assert '      - номер: "08"\n        мероприятие: 08\n        примечание: 08\n' in out


def test_explicit_tags_keep_tag_and_spelling():
    out = format_text("примечание: !!float 5\nмуниципалитет: !!str 4.10\n")
    assert as_typed(out) == {"примечание": "5", "муниципалитет": "4.10"}
    assert as_loaded(out) == {"примечание": 5.0, "муниципалитет": "4.10"}


@pytest.mark.parametrize("path", roadmap_files(), ids=lambda p: p.stem)
def test_bundled_roadmaps_read_back_as_typed(path):
    text = path.read_text(encoding="utf-8")
    out = format_text(text)
    assert as_typed(out) == as_typed(text)
    assert format_text(out) == out


SPELLINGS = st.sampled_from([
    "4.10", "1.10", "2.0", "08", "010", "0x1F", "1_000", "1e3", ".5", "+1", "-0", "12",
    "yes", "No", "on", "OFF", "y", "n", "true", "~", "null", "2021-02-30", "2021-03-24",
    "2021-03-24 10:00:00", "1:20", "Текст", "Март 2021", "1.1.", "4.6.1",
])
PLACES = st.sampled_from(["номер", "мероприятие", "примечание", "срок", "форма_результата"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(PLACES, SPELLINGS), min_size=1, max_size=6, unique_by=lambda t: t[0]),
       SPELLINGS, SPELLINGS)
def test_fmt_keeps_every_typed_spelling_and_is_idempotent(fields, period, extra):
    lines = [f"версия_формата: {extra}", f"период: {period}", f"неизвестный_ключ: {extra}", "таблицы:",
             "  - мероприятия:", "      - номер: \"1\""]
    lines[-1:] = []
    first = True
    for key, value in fields:
        lines.append(("      - " if first else "        ") + f"{key}: {value}")
        first = False
    if not any(key == "номер" for key, _ in fields):
        lines.append("        номер: \"9\"")
    source = "\n".join(lines) + "\n"
    out = format_text(source)
    assert as_typed(out) == as_typed(source)
    assert format_text(out) == out
