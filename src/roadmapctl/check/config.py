"""Selection and configuration: command-line flags, ``[tool.roadmapctl]`` or ``roadmapctl.toml``.

Configuration files are found by walking up from each checked file; the nearest wins. Keys:
``select`` / ``ignore`` (lists of codes or prefixes such as ``"RM6"``), ``strict`` (bool),
``per-file-ignores`` (glob → codes), ``spelling-words`` (the repository's word list or lists
for the spelling rules, paths relative to the configuration file).
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from roadmapctl.openers import OpenError, read_regular
from roadmapctl.repository import leaves

CONFIG_MAX_BYTES = 1024 * 1024  # a configuration is a few lines


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


def _from_table(table: dict, where: str, text: str = "") -> Config:
    """The configuration in ``table`` (read from the file ``where``, whose ``text`` places an
    unknown rule code on its line)."""
    try:
        config = _config(table, where)
    except ConfigError as exc:
        raise ConfigError(_at_key(str(exc), where, text)) from None
    _known_codes(config, where, text)
    return config


def _at_key(message: str, where: str, text: str) -> str:
    """``message`` («WHERE: «key» …») with the line and column of that key in the file."""
    named = re.match(re.escape(where) + r": [^«]*«([^»]+)»", message)
    if named is None or not text:
        return message
    key = re.compile(r"^\s*(?P<at>(?P<q>[\"']?)" + re.escape(named.group(1)) + r"(?P=q))\s*=")
    line, column = _locate(text, key, where.endswith("pyproject.toml"))
    if not line:
        return message
    return f"{where}:{line}:{column}" + message[len(where):]


def _locate(text: str, pattern: re.Pattern[str], pyproject: bool) -> tuple[int, int]:
    """(line, column) where ``pattern`` first matches a line of the configuration ``text`` at its
    group «at»; in a pyproject.toml, from roadmapctl's own table on (not another tool's). (0, 0)
    when it is not found."""
    lines = text.split("\n")
    start = 0
    if pyproject:
        start = next((i for i, row in enumerate(lines) if re.match(r"\s*\[\s*tool\.roadmapctl\b", row)), 0)
    for number in range(start, len(lines)):
        found = pattern.search(lines[number])
        if found:
            return number + 1, found.start("at") + 1
    return 0, 0


def _config(table: dict, where: str) -> Config:
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
    out = []
    for v in value:
        target = (base / v).resolve()
        root = leaves(target, base)  # outside git: the configuration's own folder
        if root is not None:
            raise ConfigError(
                f"{where}: словарь «{v}» лежит вне репозитория ({root}); настройки могут называть "
                "только файлы внутри него"
            )
        out.append(str(target))
    return tuple(out)



@lru_cache(maxsize=256)
def config_for_dir(directory: Path) -> Config:
    import tomllib

    for folder in (directory, *directory.parents):
        for name in ("roadmapctl.toml", "pyproject.toml"):
            candidate = folder / name
            if not candidate.is_file():
                continue
            try:
                text = read_regular(candidate, CONFIG_MAX_BYTES).decode("utf-8-sig")
            except UnicodeDecodeError:
                raise ConfigError(f"{candidate}: файл настроек не в кодировке UTF-8; сохраните его в UTF-8") from None
            except OpenError as exc:
                raise ConfigError(f"{candidate}: не удалось прочитать файл настроек ({exc.message})") from None
            try:
                data = tomllib.loads(text)
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(_toml_error(candidate, text, str(exc))) from None
            if name == "pyproject.toml":
                table = data.get("tool", {}).get("roadmapctl")
                if table is None:
                    continue
            else:
                table = data
            return _from_table(table, str(candidate), text)
    return Config()


def config_for(path: str | None) -> Config:
    if not path or path == "-" or path.startswith("<"):
        return config_for_dir(Path.cwd().resolve())
    return config_for_dir(Path(path).resolve().parent)


# tomllib's messages (Python 3.11–3.13), in Russian; a message not listed is named in general terms.
_TOML_MESSAGES = [
    (r"Expected '=' after a key in a key/value pair", "после ключа ожидается «=»"),
    (r"Expected newline or end of document after a statement", "после значения ожидается конец строки"),
    (r"Expected '\]' at the end of a table declaration", "заголовок таблицы должен заканчиваться «]»"),
    (r"Expected '\]\]' at the end of an array declaration", "заголовок массива таблиц должен заканчиваться «]]»"),
    (r"Invalid value", "неверное значение (строку нужно взять в кавычки)"),
    (r"Invalid statement", "строка не похожа ни на «ключ = значение», ни на заголовок [таблицы]"),
    (r"Invalid initial character for a key part", "ключ начинается с недопустимого знака"),
    (r"Unterminated string", "строка не закрыта кавычкой"),
    (r"Unclosed array", "список не закрыт скобкой «]»"),
    (r"Unclosed inline table", "таблица не закрыта скобкой «}»"),
    (r"Cannot overwrite a value", "значение этого ключа уже задано выше"),
    (r"Cannot declare .* twice", "эта таблица уже объявлена выше"),
    (r"Cannot (redefine|mutate immutable) namespace .*", "эта таблица уже задана выше другим способом"),
    (r"Duplicate inline table key .*", "ключ повторяется"),
    (r"Invalid date or datetime", "неверная дата"),
    (r"Invalid hex value|Escaped character is not a Unicode scalar value|Unescaped '\\' in a string",
     ("обратная косая черта «\\» в строке в двойных кавычках; пишите путь через «/», удваивайте «\\\\» "
      "или возьмите строку в одинарные кавычки")),
    (r"(Illegal|Found invalid) character .*", "недопустимый символ"),
    (r"Expected .*", "здесь ожидается другой знак"),
]


def _toml_error(path: Path, text: str, message: str) -> str:
    """«FILE:LINE:COLUMN: …» in Russian for tomllib's «Message (at line L, column C)»."""
    reason, _, place = message.partition(" (at ")
    found = re.match(r"line (\d+), column (\d+)\)", place)
    if found:
        line, column = int(found.group(1)), int(found.group(2))
    else:  # "end of document"
        lines = text.split("\n")
        line, column = len(lines), len(lines[-1]) + 1
    russian = next((ru for pattern, ru in _TOML_MESSAGES if re.fullmatch(pattern, reason)), "ошибка записи TOML")
    return f"{path}:{line}:{column}: настройки не читаются как TOML: {russian}"


def _known_codes(config: Config, where: str, text: str) -> None:
    """A ConfigError at the first code in ``select``, ``ignore`` or ``per-file-ignores`` that
    is no rule's code or prefix (a typo would silently check everything, or nothing)."""
    from roadmapctl.check.registry import all_rules

    known = {rule.code for rule in all_rules()}
    listed = [("select", c) for c in config.select] + [("ignore", c) for c in config.ignore]
    listed += [(f"per-file-ignores «{pattern}»", c) for pattern, codes in config.per_file_ignores for c in codes]
    for key, code in listed:
        if not any(k.startswith(code) for k in known):
            line, column = _place(text, code, where.endswith("pyproject.toml"))
            place = f"{where}:{line}:{column}" if line else where
            raise ConfigError(f"{place}: неизвестный код правила «{code}» в {key}; список правил: roadmapctl rules")


def _place(text: str, code: str, pyproject: bool) -> tuple[int, int]:
    """(line, column) of ``code`` written in quotes in the configuration; (0, 0) if not found."""
    pattern = re.compile(r"(?P<q>[\"'])(?P<at>\s*" + re.escape(code) + r"\s*)(?P=q)", re.IGNORECASE)
    return _locate(text, pattern, pyproject)
