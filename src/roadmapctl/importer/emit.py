"""Roadmap data → YAML text in the canonical layout of roadmap files, with comments at given places.

The layout is not written here: this module writes a plain draft of the data (block style, every
string quoted, no folding) with the comments on their own lines right above the entries they
describe, and :func:`roadmapctl.format.format_text` — the code behind ``roadmapctl fmt`` — lays it
out. ``fmt`` keeps a full-line comment with the entry that follows it, so the comments stay where
they were put, and an imported file needs no formatting. The first line points editors at the
schema.
"""

from __future__ import annotations

import textwrap
from datetime import date

from roadmapctl.format import FormatError, format_text
from roadmapctl.format.emitter import FLOW_ITEMS, INDENT
from roadmapctl.loading import scalars
from roadmapctl.format.order import SchemaCursor, ordered
from roadmapctl.importer.grid import ImportFailure

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/roadmap.schema.json"
COMMENT_WIDTH = 100
# the mapping whose entries are written even when empty (a participant without details)
KEEP_EMPTY = frozenset({"участники"})


def _empty(value) -> bool:
    return value is None or value == [] or value == {} or value == ""


def _wrap(line: str, width: int) -> list[str]:
    return textwrap.wrap(line, width=width, break_long_words=False, break_on_hyphens=False) or [""]


class _Draft:
    """The data as block YAML at the columns of the canonical layout, so comments wrap to fit there."""

    def __init__(self, comments: dict[tuple, list[str]] | None = None):
        self.out: list[str] = []
        self.comments = comments or {}

    def comment(self, column: int, path: tuple) -> None:
        width = max(40, COMMENT_WIDTH - column - 2)
        for message in self.comments.get(path, []):
            for line in message.split("\n"):
                for piece in _wrap(line, width):
                    self.out.append(" " * column + ("# " + piece).rstrip())

    def mapping(self, data: dict, cursor: SchemaCursor, column: int, path: tuple, lead: str = "",
                keep_empty: bool = False) -> None:
        """Keys at ``column``; the first one follows ``lead`` (the ``- `` of a sequence item) and
        takes no comment (one placed there would belong to the item)."""
        keys = list(data)
        keys = [keys[i] for i in ordered([str(k) for k in keys], cursor.key_order())]
        keys = [k for k in keys if keep_empty or not _empty(data[k])]
        for position, key in enumerate(keys):
            here = path + (key,)
            if position == 0 and lead:
                prefix = lead
            else:
                self.comment(column, here)
                prefix = " " * column
            self.entry(prefix + scalars.scalar(str(key), force=True) + ":", data[key], cursor.child(key), column + INDENT,
                       here, key)

    def sequence(self, items: list, cursor: SchemaCursor, column: int, path: tuple, flow_items: bool) -> None:
        item_cursor = cursor.item()
        for position, item in enumerate(items):
            here = path + (position,)
            self.comment(column, here)
            head = " " * column + "- "
            if isinstance(item, dict) and item:
                # a flow item (``- {поле: …, заголовок: …}``) shows all its keys, empty ones too
                flow = flow_items and all(isinstance(v, str) and "\n" not in v for v in item.values())
                self.mapping(item, item_cursor, column + INDENT, here, lead=head, keep_empty=flow)
            elif isinstance(item, list) and item:
                self.out.append(head + "[]")  # a list inside a list does not occur in a roadmap
            elif flow_items and item == {}:
                self.out.append(head + "{}")
            else:
                self.out.append((head + self.scalar(item)).rstrip())

    def entry(self, head: str, value, cursor: SchemaCursor, child: int, path: tuple, key) -> None:
        if isinstance(value, dict) and value:
            self.out.append(head)
            self.mapping(value, cursor, child, path, keep_empty=key in KEEP_EMPTY)
        elif isinstance(value, list) and value:
            self.out.append(head)
            self.sequence(value, cursor, child, path, flow_items=key in FLOW_ITEMS)
        else:
            self.out.append(f"{head} {self.scalar(value)}".rstrip())

    @staticmethod
    def scalar(value) -> str:
        if value is None or value == {} or value == []:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int):
            return str(value)
        if isinstance(value, date):
            return value.isoformat()
        return scalars.scalar(str(value), force=True)


def dump(data: dict, comments: dict[tuple, list[str]] | None = None, preface: list[str] | None = None) -> str:
    """The YAML text of a roadmap: the schema line, ``preface`` comment lines, then the data."""
    draft = _Draft(comments)
    draft.out.append(SCHEMA_LINE)
    from roadmapctl.writing import visible

    for line in preface or []:  # the source's name among them: its controls or non-UTF-8 bytes shown
        for piece in _wrap(visible(line), COMMENT_WIDTH - 2):
            draft.out.append(("# " + piece).rstrip())
    draft.mapping(data, SchemaCursor.root(), 0, ())
    try:
        return format_text("\n".join(draft.out) + "\n")
    except FormatError as exc:  # only text the loader rejects (a control character in a comment)
        raise ImportFailure(f"не удалось записать результат импорта в YAML: {exc.message}") from None
