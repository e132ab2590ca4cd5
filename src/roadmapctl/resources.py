"""Where the schema and templates live: inside the installed package, or in the source tree."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DATA = Path(__file__).resolve().parent / "_data"
_SOURCE_TREE = Path(__file__).resolve().parents[2]


def _find(name: str) -> Path:
    for base in (_PACKAGE_DATA, _SOURCE_TREE):
        candidate = base / name
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"roadmapctl: не найден ресурс «{name}»: пакет установлен не полностью")


@cache
def schema_path() -> Path:
    return _find("schema") / "roadmap.schema.json"


@cache
def templates_dir() -> Path:
    return _find("templates")
