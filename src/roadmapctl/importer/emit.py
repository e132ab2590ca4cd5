"""Roadmap data → YAML text in the canonical layout of roadmap files, with comments at given places.

The layout is the one ``roadmapctl fmt`` writes, so an imported file needs no formatting: keys in
the schema's order, two-space indent, block sequences indented under their key, table columns as
one-line flow mappings, ``номер`` always quoted, strings plain where YAML 1.1 reads them back as
the same string and quoted otherwise (double quotes; single quotes when the text holds a double
quote and no single one), long one-line strings folded at spaces near 100 columns, multi-line
strings as ``|-`` blocks. The first line points editors at the schema; comments stand on their
own lines above the entry they describe.
"""

from __future__ import annotations

import io
import re
import textwrap
from datetime import date

import yaml
from yaml.nodes import ScalarNode

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/roadmap.schema.json"
INDENT = 2
WIDTH = 100
COMMENT_WIDTH = 100
ALWAYS_QUOTED_KEYS = frozenset({"номер"})
FLOW_ITEMS = frozenset({"колонки"})

ORDER = {
    "": ["версия_формата", "орган", "регион", "муниципалитет", "приказ", "утверждение", "приложение", "название",
         "период", "преамбула", "рабочая_группа", "школы", "пары", "участники", "таблицы", "примечания"],
    "орган": ["наименование", "краткое"],
    "приказ": ["вид", "номер", "дата", "место", "заголовок", "преамбула", "пункты", "подпись"],
    "пункт": ["номер", "текст", "перечень"],
    "подпись": ["фио", "должность"],
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
# the kind of the mappings found under a key (as a value, or as the items of a list)
CHILD_KIND = {
    "орган": "орган", "приказ": "приказ", "пункты": "пункт", "подпись": "подпись", "утверждение": "утверждение",
    "приложение": "приложение", "преамбула": "преамбула", "рабочая_группа": "член", "пары": "пара",
    "таблицы": "таблица", "колонки": "колонка", "разделы": "раздел", "мероприятия": "мероприятие",
    "подпункты": "подпункт", "ответственные": "ссылка", "участники": "участники",
}

_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_resolver = yaml.resolver.Resolver()
_analyzer = yaml.emitter.Emitter(io.StringIO(), allow_unicode=True)
_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d\Z")
_ODD_BREAKS = re.compile("[\r\x85\u2028\u2029]")
_PRINTABLE = re.compile("[\x09\x0a\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ESCAPES = {"\0": "0", "\x07": "a", "\x08": "b", "\x09": "t", "\x0a": "n", "\x0b": "v", "\x0c": "f",
            "\x0d": "r", "\x1b": "e", '"': '"', "\\": "\\", "\x85": "N", "\u2028": "L", "\u2029": "P"}


def _implicit_tag(text: str) -> str:
    return _resolver.resolve(ScalarNode, text, (True, False))


def plain_ok(text: str) -> bool:
    """Whether ``text`` can stand without quotes and be read back by YAML 1.1 as the same string."""
    if not text:
        return False
    analysis = _analyzer.analyze_scalar(text)
    if not analysis.allow_block_plain or analysis.multiline:
        return False
    tag = _implicit_tag(text)
    return tag == _STR or (tag == _TIMESTAMP and bool(_ISO_DATE.match(text)))


def flow_plain_ok(text: str) -> bool:
    return plain_ok(text) and _analyzer.analyze_scalar(text).allow_flow_plain


def double_quoted(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append("\\" + _ESCAPES[ch])
        elif _PRINTABLE.match(ch) and ch != "\ufeff":
            out.append(ch)
        else:
            code = ord(ch)
            out.append(f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}")
    return '"' + "".join(out) + '"'


def _single_ok(text: str) -> bool:
    return ("'" not in text and "\n" not in text and all(_PRINTABLE.match(ch) for ch in text)
            and not _ODD_BREAKS.search(text) and "\t" not in text)


def quote(text: str, force: bool = False) -> str:
    if not force and plain_ok(text):
        return text
    if '"' in text and _single_ok(text):
        return "'" + text + "'"
    return double_quoted(text)


def literal_ok(text: str) -> bool:
    if "\n" not in text or _ODD_BREAKS.search(text) or "\t" in text:
        return False
    if text[:1] in (" ", "\n") or text.endswith("\n"):
        return False
    if any(line.endswith(" ") for line in text.split("\n")):
        return False
    return all(_PRINTABLE.match(ch) for ch in text) and "\ufeff" not in text


def fold(text: str, first: int, rest: int, width: int = WIDTH) -> list[str]:
    """Split a one-line scalar at single spaces so that lines stay within ``width`` columns."""
    if first + len(text) <= width:
        return [text]
    words: list[str] = []
    start = 0
    for i in range(1, len(text) - 1):
        if text[i] == " " and text[i - 1] not in " \\" and text[i + 1] != " ":
            words.append(text[start:i])
            start = i + 1
    words.append(text[start:])
    lines: list[str] = []
    line = words[0]
    column = first
    for word in words[1:]:
        if column + len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
            column = rest
    lines.append(line)
    return lines


def _empty(value) -> bool:
    return value is None or value == [] or value == {} or value == ""


class Writer:
    def __init__(self, comments: dict[tuple, list[str]] | None = None):
        self.out: list[str] = []
        self.comments = comments or {}

    def comment(self, column: int, path: tuple) -> None:
        for message in self.comments.get(path, []):
            for line in message.split("\n"):
                width = max(40, COMMENT_WIDTH - column - 2)
                for piece in textwrap.wrap(line, width=width, break_long_words=False, break_on_hyphens=False) or [""]:
                    self.out.append(" " * column + ("# " + piece).rstrip())

    def scalar_lines(self, value, start: int, column: int, force: bool) -> list[str]:
        if isinstance(value, bool):
            return ["true" if value else "false"]
        if isinstance(value, int):
            return [str(value)]
        if isinstance(value, date):
            return [value.isoformat()]
        text = str(value)
        if "\n" in text and not force and literal_ok(text):
            return ["|-"] + [" " * column + line if line else "" for line in text.split("\n")]
        written = quote(text, force)
        parts = fold(written, start, column)
        return [parts[0]] + [" " * column + part for part in parts[1:]]

    def mapping(self, data: dict, kind: str, column: int, path: tuple, lead: str = "") -> None:
        """Keys at ``column``; the first one follows ``lead`` (the ``- `` of a sequence item)."""
        order = ORDER.get(kind, [])
        keys = [k for k in order if k in data] + [k for k in data if k not in order]
        keys = [k for k in keys if not _empty(data[k]) or kind in ("участники",)]
        for position, key in enumerate(keys):
            here = path + (key,)
            if position == 0 and lead:
                prefix = lead
            else:
                self.comment(column, here)
                prefix = " " * column
            child_kind = CHILD_KIND.get(key, key)
            if kind == "участники":
                child_kind = "участник"
            self.entry(prefix, quote(key) if not plain_ok(key) else key, data[key], child_kind, column + INDENT, here,
                       force=key in ALWAYS_QUOTED_KEYS and kind != "участники", flow_items=key in FLOW_ITEMS)

    def sequence(self, items: list, kind: str, column: int, path: tuple, flow_items: bool = False) -> None:
        for position, item in enumerate(items):
            here = path + (position,)
            self.comment(column, here)
            if flow_items and isinstance(item, dict):
                flow = self.flow_mapping(item, kind)
                if flow is not None and column + 2 + len(flow) <= WIDTH:
                    self.out.append(" " * column + "- " + flow)
                    continue
            self.entry(" " * column + "- ", None, item, kind, column + INDENT, here)

    def flow_mapping(self, item: dict, kind: str) -> str | None:
        order = ORDER.get(kind, [])
        keys = [k for k in order if k in item] + [k for k in item if k not in order]
        parts = []
        for key in keys:
            value = item[key]
            if not isinstance(value, str) or "\n" in value:
                return None
            texts = [t if flow_plain_ok(t) else double_quoted(t) for t in (key, value)]
            parts.append(f"{texts[0]}: {texts[1]}")
        return "{" + ", ".join(parts) + "}"

    def entry(self, prefix: str, key: str | None, value, kind: str, child: int, path: tuple,
              force: bool = False, flow_items: bool = False) -> None:
        head = prefix + (f"{key}:" if key is not None else "")
        if isinstance(value, dict) and value:
            if key is None:
                self.mapping(value, kind, child, path, lead=head)
                return
            self.out.append(head)
            self.mapping(value, kind, child, path)
            return
        if isinstance(value, list) and value:
            if key is None:
                # a list inside a list does not occur in a roadmap
                self.out.append(head + "[]")
                return
            self.out.append(head)
            self.sequence(value, kind, child, path, flow_items)
            return
        if value is None or value == {} or value == []:
            self.out.append(head.rstrip())
            return
        start = len(head) + (1 if key is not None else 0)
        lines = self.scalar_lines(value, start, child, force)
        self.out.append(head + (" " if key is not None else "") + lines[0])
        self.out.extend(lines[1:])


def dump(data: dict, comments: dict[tuple, list[str]] | None = None, preface: list[str] | None = None) -> str:
    """The YAML text of a roadmap: the schema line, ``preface`` comment lines, then the data."""
    writer = Writer(comments)
    writer.out.append(SCHEMA_LINE)
    for line in preface or []:
        for piece in textwrap.wrap(line, width=COMMENT_WIDTH - 2, break_long_words=False, break_on_hyphens=False) or [""]:
            writer.out.append(("# " + piece).rstrip())
    writer.mapping(data, "", 0, ())
    return "\n".join(writer.out) + "\n"
