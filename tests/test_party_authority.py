"""The authority's full and short names are one party, and a hint about an unknown party never
leads to a second directory entry for a party the roadmap already has."""

from __future__ import annotations

from datetime import date

from roadmapctl.check.runner import check_source
from roadmapctl.loading import Source
from roadmapctl.report.items import build_report
from roadmapctl.diff import model_from_bytes

FULL = "Управление образования администрации города Примерска"


def roadmap_text(responsible: str, directory: str | None = None, aliases: str = "") -> str:
    if directory is None:
        directory = f"  УО:\n    полное: {FULL}\n    вид: орган\n{aliases}"
    return f"""\
версия_формата: 1
орган:
  наименование: {FULL}
  краткое: УО
муниципалитет: город Примерск
название: Дорожная карта
период: 2021-2022
участники:
{directory}  ИМЦ:
    полное: Информационно-методический центр
    вид: организация
таблицы:
  - колонки:
      - {{поле: номер, заголовок: № п/п}}
      - {{поле: мероприятие, заголовок: Мероприятие}}
      - {{поле: ответственные, заголовок: Ответственный}}
      - {{поле: срок, заголовок: Срок}}
    мероприятия:
      - номер: "1."
        мероприятие: Создание муниципальной команды
        ответственные: [{responsible}]
        срок: Март 2021 года
"""


def findings(text: str):
    return [(d.code, d.message, d.hint) for d in check_source(Source("t.yaml", text)) if d.code == "RM301"]


def model(text: str):
    return model_from_bytes("t.yaml", text.encode("utf-8"))


def test_the_full_name_of_the_authority_is_its_party():
    text = roadmap_text(FULL)
    assert findings(text) == []
    roadmap = model(text)
    assert roadmap.party(FULL).key == "УО" and roadmap.party("УО").key == "УО"
    # the report does not call the activity unassigned
    report = build_report([roadmap], date(2021, 2, 1))
    assert [i.kind for i in report.items if i.kind == "unassigned"] == []


def test_the_authority_without_a_full_name_in_its_entry_is_still_one_party():
    text = roadmap_text(FULL, directory="  УО:\n    вид: орган\n")
    assert findings(text) == []
    assert model(text).party(FULL).key == "УО"


def test_a_shortened_authority_name_points_to_the_existing_entry_not_to_a_new_one():
    text = roadmap_text("Управление образования")
    [(code, message, hint)] = findings(text)
    assert message == "ответственный «Управление образования» не найден в справочнике участников"
    assert "добавьте «Управление образования» в справочник" not in hint
    assert hint == (f"это участник «УО» ({FULL}), он уже есть в справочнике: напишите «УО» или добавьте "
                    "«Управление образования» в «синонимы» у «УО»")
    # following the hint: a synonym, and the directory still has one entry for the authority
    fixed = roadmap_text("Управление образования", aliases="    синонимы: [Управление образования]\n")
    assert findings(fixed) == []
    roadmap = model(fixed)
    assert roadmap.party("Управление образования") is roadmap.party("УО")
    assert [k for k, p in roadmap.parties.items() if p.kind == "орган"] == ["УО"]


def test_another_entry_written_by_its_full_name_or_differently_is_that_entry():
    assert findings(roadmap_text("Информационно-методический центр")) == []
    [(_code, _message, hint)] = findings(roadmap_text("информационно-методический Центр"))
    assert hint.startswith("это участник «ИМЦ» (Информационно-методический центр), он уже есть в справочнике")


def test_an_authority_missing_from_the_directory_gets_one_entry_for_both_names():
    directory = ""
    for name in ("УО", FULL):
        [(_code, _message, hint)] = findings(roadmap_text(name, directory=directory))
        assert hint == (f"это орган, который утверждает дорожную карту; добавьте в справочник «участники» одну "
                        f"запись «УО» с «вид: орган» и «полное: {FULL}» и пишите везде «УО»")


def test_an_unknown_name_is_still_to_be_added():
    [(_code, _message, hint)] = findings(roadmap_text("МКУ «Центр бухгалтерского учёта»"))
    assert hint == "добавьте «МКУ «Центр бухгалтерского учёта»» в справочник «участники»"
