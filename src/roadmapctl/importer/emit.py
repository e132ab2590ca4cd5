"""Roadmap data → YAML text in the layout of roadmaps/*.yaml, with comments at given places.

Layout: keys in the schema's order, two-space indent, sequences indented under their key,
``номер`` always in double quotes, plain scalars where YAML reads them back as the same string,
double quotes otherwise, ``|-`` blocks for multi-line text, table columns as one-line flow
mappings, short lists of plain names as flow sequences. The first line points editors at the
schema.
"""

from __future__ import annotations

import re
import textwrap
from datetime import date
from functools import lru_cache

import yaml

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/roadmap.schema.json"
INDENT = 2
FLOW_WIDTH = 110
COMMENT_WIDTH = 110

ORDER = {
    "": ["версия_формата", "орган", "регион", "муниципалитет", "приказ", "утверждение", "приложение", "название",
         "период", "преамбула", "рабочая_группа", "школы", "пары", "участники", "таблицы", "примечания"],
    "орган": ["наименование", "краткое"],
    "приказ": ["вид", "номер", "дата", "место", "заголовок", "преамбула", "пункты", "подпись"],
    "пункт": ["номер", "текст", "перечень"],
    "подпись": ["должность", "фио"],
    "утверждение": ["гриф", "должность", "фио", "дата"],
    "приложение": ["номер", "к"],
    "преамбула": ["проблема", "цель", "задачи"],
    "член": ["фио", "должность", "роль"],
    "пара": ["школа", "партнёр"],
    "участник": ["полное", "вид", "синонимы", "состав", "примечание"],
    "таблица": ["название", "колонки", "номера_колонок", "разделы", "мероприятия"],
    "колонка": ["поле", "заголовок"],
    "раздел": ["номер", "название", "мероприятия", "разделы"],
    "мероприятие": ["номер", "мероприятие", "подпункты", "ответственные", "срок", "срок_явно", "ожидаемый_результат",
                    "форма_результата", "примечание", "статус", "дата_выполнения", "отметки", "переносы", "мероприятия"],
    "подпункт": ["текст", "срок", "срок_явно", "ответственные"],
    "ссылка": ["кто", "уточнение", "связка"],
}
# which kind of mapping the items under a key are
CHILD_KIND = {
    "орган": "орган", "приказ": "приказ", "пункты": "пункт", "подпись": "подпись", "утверждение": "утверждение",
    "приложение": "приложение", "преамбула": "преамбула", "рабочая_группа": "член", "пары": "пара",
    "таблицы": "таблица", "колонки": "колонка", "разделы": "раздел", "мероприятия": "мероприятие",
    "подпункты": "подпункт", "ответственные": "ссылка",
}
QUOTED_KEYS = {"номер"}

_SPECIAL_START = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_FORBIDDEN = set(",[]{}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufeff\ud800-\udfff]")


@lru_cache(maxsize=65536)
def _reads_back(text: str) -> bool:
    try:
        return yaml.safe_load(f"k: {text}\n") == {"k": text}
    except yaml.YAMLError:
        return False


def plain_ok(text: str, flow: bool = False) -> bool:
    """Whether ``text`` can be written without quotes and read back as the same string."""
    if not text or text != text.strip() or "\n" in text or "\r" in text or "\t" in text:
        return False
    if _CONTROL.search(text) or text[0] in _SPECIAL_START:
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and (set(text) & _FLOW_FORBIDDEN or ":" in text or "#" in text):
        return False
    return _reads_back(text)


def double_quoted(text: str) -> str:
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif _CONTROL.match(ch):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _block_ok(text: str) -> bool:
    lines = text.split("\n")
    return (
        "\n" in text
        and not _CONTROL.search(text)
        and "\t" not in text
        and "\r" not in text
        and all(line == line.rstrip() for line in lines)
        and all(line for line in lines)
        and not lines[0].startswith(" ")
    )


def scalar(value, key: str | None = None, flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if key in QUOTED_KEYS:
        return double_quoted(text)
    if plain_ok(text, flow):
        return text
    return double_quoted(text)


class Writer:
    def __init__(self, comments: dict[tuple, list[str]] | None = None):
        self.lines: list[str] = []
        self.comments = comments or {}

    def comment(self, indent: int, path: tuple) -> None:
        for message in self.comments.get(path, []):
            for line in message.split("\n"):
                wrapped = textwrap.wrap(line, width=max(40, COMMENT_WIDTH - indent - 2), break_long_words=False,
                                        break_on_hyphens=False) or [""]
                for piece in wrapped:
                    self.lines.append(" " * indent + ("# " + piece).rstrip())

    def mapping(self, data: dict, kind: str, indent: int, path: tuple, first_prefix: str | None = None) -> None:
        order = ORDER.get(kind, [])
        keys = [k for k in order if k in data] + [k for k in data if k not in order]
        keys = [k for k in keys if not (data[k] is None or data[k] == [] or data[k] == {})]
        for n, key in enumerate(keys):
            value = data[key]
            here = path + (key,)
            if n == 0 and first_prefix is not None:
                prefix = first_prefix
            else:
                prefix = " " * indent
                self.comment(indent, here)
            self.entry(key, value, kind, prefix, indent, here)

    def entry(self, key: str, value, parent_kind: str, prefix: str, indent: int, path: tuple) -> None:
        label = key if plain_ok(key) else double_quoted(key)
        if isinstance(value, dict):
            child_kind = CHILD_KIND.get(key, "участник" if parent_kind == "участники" else key)
            if parent_kind == "" and key == "участники":
                self.lines.append(f"{prefix}{label}:")
                self.directory(value, indent + INDENT, path)
                return
            self.lines.append(f"{prefix}{label}:")
            self.mapping(value, child_kind, indent + INDENT, path)
            return
        if isinstance(value, list):
            self.sequence(label, key, value, prefix, indent, path)
            return
        self.lines.append(f"{prefix}{label}: {self.text(value, key, indent)}")

    def text(self, value, key: str, indent: int) -> str:
        if isinstance(value, str) and key not in QUOTED_KEYS and _block_ok(value):
            pad = " " * (indent + INDENT)
            return "|-\n" + "\n".join(pad + line for line in value.split("\n"))
        return scalar(value, key)

    def directory(self, data: dict, indent: int, path: tuple) -> None:
        for name, entry in data.items():
            here = path + (name,)
            self.comment(indent, here)
            label = name if plain_ok(name) else double_quoted(name)
            if not entry:
                self.lines.append(f"{' ' * indent}{label}:")
                continue
            self.lines.append(f"{' ' * indent}{label}:")
            self.mapping(entry, "участник", indent + INDENT, here)

    def sequence(self, label: str, key: str, items: list, prefix: str, indent: int, path: tuple) -> None:
        kind = CHILD_KIND.get(key, key)
        if key == "колонки":
            self.lines.append(f"{prefix}{label}:")
            for i, item in enumerate(items):
                self.comment(indent + INDENT, path + (i,))
                inner = ", ".join(f"{k}: {scalar(item[k], k, flow=True)}" for k in ORDER["колонка"] if k in item)
                self.lines.append(f"{' ' * (indent + INDENT)}- {{{inner}}}")
            return
        commented = any(path + (i,) in self.comments for i in range(len(items)))
        if all(isinstance(i, str) for i in items) and not commented and key in ("ответственные", "школы", "состав", "синонимы"):
            rendered = [scalar(i, flow=True) for i in items]
            flow = f"{prefix}{label}: [{', '.join(rendered)}]"
            if all(plain_ok(i, flow=True) for i in items) and len(flow) <= FLOW_WIDTH:
                self.lines.append(flow)
                return
        self.lines.append(f"{prefix}{label}:")
        for i, item in enumerate(items):
            here = path + (i,)
            self.comment(indent + INDENT, here)
            dash = " " * (indent + INDENT) + "- "
            if isinstance(item, dict):
                self.mapping(item, kind, indent + INDENT * 2, here, first_prefix=dash)
            else:
                self.lines.append(dash + self.text(item, key, indent + INDENT))


def dump(data: dict, comments: dict[tuple, list[str]] | None = None, preface: list[str] | None = None) -> str:
    """The YAML text of a roadmap: the schema line, ``preface`` comment lines, then the data."""
    writer = Writer(comments)
    writer.lines.append(SCHEMA_LINE)
    for line in preface or []:
        for piece in textwrap.wrap(line, width=COMMENT_WIDTH - 2, break_long_words=False, break_on_hyphens=False) or [""]:
            writer.lines.append(("# " + piece).rstrip())
    writer.mapping(data, "", 0, ())
    return "\n".join(writer.lines) + "\n"
