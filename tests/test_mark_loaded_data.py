"""``mark`` works out the data the edited file must hold from the loaded data, copying only the
containers on the way to the activity (not the whole roadmap): the loaded data must stay exactly
as it was read, and the edit must still be verified against what it should add."""

from __future__ import annotations

import copy
from datetime import date

from conftest import ROADMAPS
from roadmapctl.document.pipeline import load_source
from roadmapctl.loading import Source, load_document
from roadmapctl.mark.edits import MarkRequest, mark_loaded

NAME = "C:\\Дорожные карты\\баунт 2021.yaml"


def activity(data: dict, number: str) -> dict:
    [found] = [a for s in data["таблицы"][0]["разделы"] for sub in s.get("разделы", [s])
               for a in sub.get("мероприятия", []) if a["номер"] == number]
    return found


def test_mark_leaves_the_loaded_data_as_read_and_adds_one_mark():
    text = (ROADMAPS / "baunt-2021-2022.yaml").read_text(encoding="utf-8")
    first = mark_loaded(load_source(Source(NAME, text)),
                        MarkRequest(number="11", on=date(2021, 4, 20), note="Банк создан", explicit_date=True))
    loaded = load_source(Source(NAME, first.text))  # now activity 11 has a list of marks to extend
    assert loaded.document is not None and loaded.roadmap is not None, loaded.describe()
    before = copy.deepcopy(loaded.document.data)
    result = mark_loaded(loaded, MarkRequest(number="11", on=date(2021, 5, 20), note="Отчёт направлен",
                                             status="выполнено", explicit_date=True))
    assert loaded.document.data == before
    assert activity(loaded.document.data, "11")["отметки"] == [{"дата": "2021-04-20", "текст": "Банк создан"}]
    edited = load_document(Source("карта.yaml", result.text)).data
    assert activity(edited, "11")["отметки"] == [{"дата": "2021-04-20", "текст": "Банк создан"},
                                                 {"дата": "2021-05-20", "текст": "Отчёт направлен"}]
    assert activity(edited, "11")["статус"] == "выполнено"
    assert activity(edited, "11")["дата_выполнения"] == "2021-05-20"
    assert activity(edited, "12") == activity(before, "12")
