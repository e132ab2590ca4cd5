from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ROADMAPS = ROOT / "roadmaps"
SEEDS = ROOT / "tests" / "fixtures" / "seeds"

# The head of a small valid roadmap, for tests that write their own roadmap text below it.
ROADMAP_HEAD = """\
версия_формата: 1
орган:
  наименование: Управление образования
муниципалитет: город Примерск
название: Дорожная карта
период: 2021-2022
"""
# A whole small valid roadmap: one table with the usual columns and one activity due in March 2021.
SMALL_ROADMAP = ROADMAP_HEAD + """\
участники:
  УО:
таблицы:
  - колонки:
      - {поле: номер, заголовок: № п/п}
      - {поле: мероприятие, заголовок: Мероприятие}
      - {поле: ответственные, заголовок: Ответственный}
      - {поле: срок, заголовок: Срок}
    мероприятия:
      - номер: "1."
        мероприятие: Совещание
        ответственные: [УО]
        срок: Март 2021 года
"""

# The smallest valid roadmap: the head, one table with two columns, one activity.
MINIMAL_ROADMAP = ROADMAP_HEAD + """\
таблицы:
  - колонки:
      - {поле: номер, заголовок: № п/п}
      - {поле: мероприятие, заголовок: Мероприятие}
    мероприятия:
      - номер: "1."
        мероприятие: Создание команды
"""


@pytest.fixture
def roadmaps_dir() -> Path:
    return ROADMAPS


def roadmap_files() -> list[Path]:
    return sorted(ROADMAPS.glob("*.yaml"))


def activities_by_number(doc: dict) -> dict[str, dict]:
    """Every activity of a loaded roadmap document (plain YAML data) by its number, in
    document order: each table's own activities, then its sections, children after parents."""
    out: dict[str, dict] = {}

    def walk(items):
        for item in items or []:
            out[item["номер"]] = item
            walk(item.get("мероприятия"))

    def sections(items):
        for section in items or []:
            walk(section.get("мероприятия"))
            sections(section.get("разделы"))

    for table in doc["таблицы"]:
        walk(table.get("мероприятия"))
        sections(table.get("разделы"))
    return out
