"""Selection and configuration: command-line flags, ``[tool.roadmapctl]`` or ``roadmapctl.toml``.

Configuration files are found by walking up from each checked file; the nearest wins. Keys:
``select`` / ``ignore`` (lists of codes or prefixes such as ``"RM6"``), ``strict`` (bool),
``per-file-ignores`` (glob → codes), ``spelling-words`` (the repository's word list or lists
for the spelling rules, paths relative to the configuration file).
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    origin: str | None = None
    spelling_words: tuple[str, ...] = ()  # absolute paths of the repository's word lists

    def selects(self, code: str, file: str = "") -> bool:
        if code == "RM001":
            return True  # a file that cannot be read is never silenced
        if self.select and not any(code.startswith(p) for p in self.select):
            return False
        if any(code.startswith(p) for p in self.ignore):
            return False
        for pattern, codes in self.per_file_ignores:
            if _matches(file, pattern) and any(code.startswith(p) for p in codes):
                return False
        return True

    def merged(self, select=None, ignore=None, strict=None) -> "Config":
        return replace(
            self,
            select=tuple(select) if select else self.select,
            ignore=self.ignore + tuple(ignore or ()),
            strict=self.strict if strict is None else (strict or self.strict),
        )


def _matches(file: str, pattern: str) -> bool:
    normalized = file.replace("\\", "/")
    return fnmatch.fnmatch(normalized, pattern) or fnmatch.fnmatch(Path(normalized).name, pattern)


def _codes(value, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: «{key}» должен быть списком кодов правил, например [\"RM601\"]")
    return tuple(v.strip().upper() for v in value)


def _from_table(table: dict, where: str) -> Config:
    known = {"select", "ignore", "strict", "per-file-ignores", "spelling-words"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(f"{where}: неизвестный параметр «{unknown[0]}»; допустимы: {', '.join(sorted(known))}")
    strict = table.get("strict", False)
    if not isinstance(strict, bool):
        raise ConfigError(f"{where}: «strict» должен быть true или false")
    pfi = table.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise ConfigError(f"{where}: «per-file-ignores» должен быть таблицей «шаблон = [коды]»")
    return Config(
        select=_codes(table.get("select", []), "select", where),
        ignore=_codes(table.get("ignore", []), "ignore", where),
        strict=strict,
        per_file_ignores=tuple((k, _codes(v, k, where)) for k, v in sorted(pfi.items())),
        origin=where,
        spelling_words=_word_lists(table.get("spelling-words", []), where),
    )


def _word_lists(value, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: «spelling-words» должен быть путём к словарю или списком путей, например \"words.txt\"")
    base = Path(where).resolve().parent
    return tuple(str((base / v).resolve()) for v in value)


@lru_cache(maxsize=256)
def config_for_dir(directory: Path) -> Config:
    import tomllib

    for folder in (directory, *directory.parents):
        for name in ("roadmapctl.toml", "pyproject.toml"):
            candidate = folder / name
            if not candidate.is_file():
                continue
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8-sig"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"{candidate}: не удалось прочитать настройки: {exc}") from None
            if name == "pyproject.toml":
                table = data.get("tool", {}).get("roadmapctl")
                if table is None:
                    continue
            else:
                table = data
            return _from_table(table, str(candidate))
    return Config()


def config_for(path: str | None) -> Config:
    if not path or path == "-" or path.startswith("<"):
        return config_for_dir(Path.cwd().resolve())
    return config_for_dir(Path(path).resolve().parent)
