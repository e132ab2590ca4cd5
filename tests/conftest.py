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
def cli(monkeypatch):
    """The one way tests run a command in this process: ``cli(*args, stdin=None, cwd=None,
    env=None)`` runs ``roadmapctl ARGS`` (``roadmapctl.cli.main`` with its guard) and returns the
    exit code, the standard output and the standard error as bytes. ``env`` sets variables (None
    removes one) for that run only; ``cwd`` is the working folder for that run."""
    from runcli import run_in_process

    def run(*args: object, stdin: bytes | None = None, cwd: str | Path | None = None,
            env: dict[str, str | None] | None = None) -> tuple[int, bytes, bytes]:
        with monkeypatch.context() as patch:
            if cwd is not None:
                patch.chdir(cwd)
            for name, value in (env or {}).items():
                if value is None:
                    patch.delenv(name, raising=False)
                else:
                    patch.setenv(name, value)
            return run_in_process(*args, stdin=stdin)

    return run


@pytest.fixture
def roadmaps_dir() -> Path:
    return ROADMAPS


def load_roadmap(path: str | Path):
    """The roadmap of a file, through the pipeline every command uses (``require_roadmap``)."""
    from roadmapctl.document.pipeline import require_roadmap

    roadmap = require_roadmap(path).roadmap
    assert roadmap is not None
    return roadmap


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
