from __future__ import annotations

from pathlib import Path
from typing import Any

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


@pytest.fixture(autouse=True, scope="session")
def _private_result_cache(tmp_path_factory):
    """``check`` keeps a result cache in the user's cache folder: the tests (and the commands they
    start) keep theirs in a folder of their own, never in the home of whoever runs them."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        patch.setenv("LOCALAPPDATA", str(tmp_path_factory.getbasetemp() / "cache"))
        yield


# Variables of the test's own environment that would change what a command prints.
CLI_UNSET = ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR")


@pytest.fixture
def cli(monkeypatch):
    """The one way tests run a command: ``cli(*args, stdin=None, cwd=None, env=None, binary=False)``
    runs ``roadmapctl ARGS`` in this process (``roadmapctl.cli.main`` with its guard) and returns the
    exit code, the standard output (text, or bytes with ``binary``) and the standard error (text).
    The run sees no GITHUB_ACTIONS, NO_COLOR or FORCE_COLOR of the test's environment; ``env`` sets
    variables for the run (None removes one), ``cwd`` is its working folder. A Python traceback on
    the standard error fails the test."""
    from runcli import run_in_process

    def run(*args: object, stdin: bytes | None = None, cwd: str | Path | None = None,
            env: dict[str, str | None] | None = None, binary: bool = False) -> tuple[int, Any, str]:
        with monkeypatch.context() as patch:
            if cwd is not None:
                patch.chdir(cwd)
            for name, value in {**dict.fromkeys(CLI_UNSET), **(env or {})}.items():
                if value is None:
                    patch.delenv(name, raising=False)
                else:
                    patch.setenv(name, value)
            code, out, err = run_in_process(*map(str, args), stdin=stdin)
        shown = err.decode("utf-8", errors="replace")
        assert "Traceback (most recent call last)" not in shown, shown
        return code, out if binary else out.decode("utf-8"), shown

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
