"""Property: whatever the note, the edited file loads again, the note reads back exactly, and no
other activity (nor anything else in the file) changes."""

from __future__ import annotations

import copy
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROADMAPS
from roadmapctl.mark import MarkRequest, mark_activity
from roadmapctl.loading import Source, load_document, read_source
from roadmapctl.document.schema import is_valid

TULA = read_source(ROADMAPS / "tula-2020-2021.yaml")
ORIGINAL = load_document(Source(TULA.name, TULA.text)).data
# tula 4.10: the tenth activity of section 4; it has sub-items with deadlines and a responsible list
PATH = ("таблицы", 0, "разделы", 3, "мероприятия", 9)

tricky = st.sampled_from(['"', "'", ":", ": ", " #", "#", "\n", "\r\n", "\t", "\\", "«", "»", "- ", "{", "}", "[", "]",
                          ",", "&", "*", "!", "|", ">", "%", "@", "`", "\u2028", "\x85", "\ufeff", "\x00", "\x07", "ё", "№"])
notes = st.lists(st.one_of(st.text(min_size=1, max_size=8), tricky), min_size=1, max_size=12).map("".join).filter(lambda s: s.strip())


def target(data):
    node = data
    for step in PATH:
        node = node[step]
    return node


def test_path_points_at_4_10():
    assert target(ORIGINAL)["номер"] == "4.10."


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(note=notes, link=st.one_of(st.none(), st.just("https://example.ru/отчёт?a=1&b=2#x")), status=st.sampled_from([None, "в работе", "выполнено"]))
def test_any_note_round_trips_and_only_the_target_changes(note, link, status):
    result = mark_activity(TULA, MarkRequest("4.10", date(2021, 3, 1), status=status, note=note, link=link))
    reloaded = load_document(Source("t.yaml", result.text)).data
    assert is_valid(reloaded)
    expected = copy.deepcopy(ORIGINAL)
    entry = {"дата": "2021-03-01", "текст": note.strip()}
    if link:
        entry["ссылка"] = link
    target(expected)["отметки"] = [entry]
    if status:
        target(expected)["статус"] = status
    if status == "выполнено":
        target(expected)["дата_выполнения"] = "2021-03-01"
    assert reloaded == expected
    # byte identity outside the inserted lines: removing them gives the original text back
    new_lines = result.text.split("\n")
    old_lines = TULA.text.split("\n")
    start = next(i for i, (a, b) in enumerate(zip(old_lines, new_lines)) if a != b)
    added = len(new_lines) - len(old_lines)
    assert new_lines[:start] + new_lines[start + added:] == old_lines
