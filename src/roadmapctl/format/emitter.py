"""Write a composed YAML node tree in the canonical layout of a roadmap file.

The layout: keys in the schema's order, 2-space indentation, sequences indented under their key
(``key:`` / ``  - item``), block style everywhere, long scalars folded at spaces near the line
width, strings quoted only where YAML 1.1 (the loader roadmapctl uses) needs it, in double quotes
(single quotes when the text holds a double quote and no single one), ``номер`` values always
double-quoted, multi-line strings as literal blocks (``|-``), comments kept where they stood.
"""

from __future__ import annotations

from collections.abc import Callable

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from roadmapctl.format.comments import Comments
from roadmapctl.format.order import SchemaCursor, ordered
from roadmapctl.loading.document import BOOL, FLOAT, INT, NULL, STANDARD_TAGS, STR, TIMESTAMP, scalar_value
from roadmapctl.loading.scalars import ODD_BREAKS, PRINTABLE, double_quoted, implicit_tag, scalar

INDENT = 2
WIDTH = 100
ALWAYS_QUOTED_KEYS = frozenset({"номер"})
# Items of these sequences are one-line flow mappings when they fit: ``- {поле: номер, заголовок: №}``.
FLOW_ITEMS = frozenset({"колонки"})

TYPED_TAGS = frozenset({INT, FLOAT, BOOL, NULL, TIMESTAMP})


class LayoutError(Exception):
    """The file holds a construct the canonical layout cannot write (the message is Russian)."""


def _literal_ok(text: str) -> bool:
    if "\n" not in text or ODD_BREAKS.search(text) or "\t" in text:
        return False
    if text[:1] in (" ", "\n"):
        return False
    if any(line.endswith(" ") for line in text.split("\n")):
        return False
    return all(PRINTABLE.match(ch) for ch in text) and "\ufeff" not in text


def fold(text: str, first: int, rest: int, width: int = WIDTH) -> list[str]:
    """Split a one-line scalar at single spaces so that lines stay within ``width`` columns.

    ``first`` is the column where the text starts, ``rest`` the column of continuation lines.
    A single space between two non-spaces folds back to exactly that space in plain, single- and
    double-quoted scalars, so the value is unchanged. A word longer than the line stays whole."""
    if first + len(text) <= width:
        return [text]
    words: list[str] = []
    start = 0
    n = len(text)
    for i in range(1, n - 1):
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


class Layout:
    def __init__(self, comments: Comments, width: int = WIDTH):
        self.comments = comments
        self.width = width
        self.out: list[str] = []

    # -- comments ------------------------------------------------------------------------
    def _before(self, anchor: Node, column: int) -> None:
        for text in self.comments.before.get(id(anchor), ()):
            self.out.append(" " * column + text)

    def _eol(self, anchor: Node) -> None:
        text = self.comments.eol.get(id(anchor))
        if text:
            self.out[-1] = self.out[-1] + "  " + text

    # -- document ------------------------------------------------------------------------
    def document(self, root: Node | None) -> str:
        self.out.extend(self.comments.header)
        if isinstance(root, MappingNode) and root.value:
            self.mapping(root, SchemaCursor.root(), 0, "")
        elif isinstance(root, SequenceNode) and root.value:
            self.sequence(root, SchemaCursor(None), 0, "")
        elif root is not None:
            self.out.extend(self.inline(root, 0, 0, False))
        self.out.extend(self.comments.trailing)
        return "\n".join(self.out) + "\n" if self.out else ""

    def mapping(self, node: MappingNode, cursor: SchemaCursor, column: int, lead: str) -> None:
        """Keys at ``column``; the first one follows ``lead`` (the ``- `` of a sequence item)."""
        pairs = node.value
        names = [k.value if isinstance(k, ScalarNode) else "" for k, _ in pairs]
        for position, index in enumerate(ordered(names, cursor.key_order())):
            key, value = pairs[index]
            name = names[index]
            if position == 0 and lead:
                self._before(key, len(lead) - INDENT)
                prefix = lead
            else:
                self._before(key, column)
                prefix = " " * column
            self.entry(prefix, self.key_text(key), value, cursor.child(name), column + INDENT, key,
                       force_quotes=name in ALWAYS_QUOTED_KEYS, flow_items=name in FLOW_ITEMS)

    def sequence(self, node: SequenceNode, cursor: SchemaCursor, column: int, lead: str, flow_items: bool = False) -> None:
        """Items with their dash at ``column``; the first one follows ``lead``."""
        item_cursor = cursor.item()
        for position, item in enumerate(node.value):
            if flow_items and not (position == 0 and lead):
                flow = self.flow_mapping(item, item_cursor)
                if flow is not None and column + 2 + len(flow) <= self.width:
                    self._before(item, column)
                    self.out.append(" " * column + "- " + flow)
                    self._eol(item)
                    for key, _ in item.value:  # end-of-line comments of its keys end the line too
                        self._eol(key)
                    continue
            if position == 0 and lead:
                self._before(item, len(lead) - INDENT)
                prefix = lead + "- "
            else:
                self._before(item, column)
                prefix = " " * column + "- "
            self.entry(prefix, None, item, item_cursor, column + INDENT, item)

    def flow_mapping(self, node: Node, cursor: SchemaCursor) -> str | None:
        """``{key: value, …}`` for a mapping of plain one-line scalars without comments, else None."""
        if not isinstance(node, MappingNode) or not node.value:
            return None
        pairs = node.value
        names = [k.value if isinstance(k, ScalarNode) else "" for k, _ in pairs]
        parts = []
        for index in ordered(names, cursor.key_order()):
            key, value = pairs[index]
            if not isinstance(key, ScalarNode) or not isinstance(value, ScalarNode) or value.tag != STR:
                return None
            if id(key) in self.comments.before:
                return None
            texts = []
            for part in (key, value):
                if part.tag != STR or not isinstance(scalar_value(part), str):
                    return None
                text = scalar_value(part)
                if "\n" in text:
                    return None
                texts.append(scalar(text, flow=True))
            parts.append(f"{texts[0]}: {texts[1]}")
        return "{" + ", ".join(parts) + "}"

    def entry(self, prefix: str, key: str | None, value: Node, cursor: SchemaCursor, child: int,
              anchor: Node, force_quotes: bool = False, flow_items: bool = False) -> None:
        """``key: value``, or ``- value`` when ``key`` is None; nested lines start at column ``child``."""
        head = prefix + (f"{key}:" if key is not None else "")
        nested = (isinstance(value, MappingNode) and value.value) or (isinstance(value, SequenceNode) and value.value)
        if nested:
            write: Callable[..., None] = self.mapping if isinstance(value, MappingNode) else self.sequence
            if key is None:
                # a sequence item that is a collection: its end-of-line comment goes above it
                text = self.comments.eol.get(id(anchor))
                if text:
                    self.out.append(" " * (child - INDENT) + text)
                write(value, cursor, child, head)
                return
            self.out.append(head)
            self._eol(anchor)
            if write == self.sequence:
                write(value, cursor, child, "", flow_items)
            else:
                write(value, cursor, child, "")
            return
        start = len(head) + (1 if key is not None else 0)
        lines = self.inline(value, start, child, force_quotes, cursor)
        if lines == [""]:
            self.out.append(head.rstrip())
            self._eol(anchor)
            return
        self.out.append(head + (" " if key is not None else "") + lines[0])
        header = len(self.out) - 1
        self.out.extend(lines[1:])
        text = self.comments.eol.get(id(anchor))
        if text:
            at = header if lines[0].startswith("|") else len(self.out) - 1
            self.out[at] += "  " + text

    def key_text(self, key: Node) -> str:
        if not isinstance(key, ScalarNode):
            raise LayoutError("составной ключ (словарь или список в роли ключа) не поддерживается в дорожной карте")
        text, _ = self.scalar_text(key, force_quotes=False, literal=False)
        return text

    def scalar_text(self, node: ScalarNode, force_quotes: bool, literal: bool = True,
                    cursor: SchemaCursor | None = None) -> tuple[str, str]:
        """(written text, kind): kind is "plain" (one logical line, foldable) or "literal".

        A value is never changed: a number, a yes/no word or a date keeps the spelling it was
        typed with. Where the schema wants text (``номер: 4.10``, ``примечание: yes``) that
        spelling is written in quotes, so it reads back as the text the user typed."""
        tag = node.tag
        value = scalar_value(node)
        prefix = ""
        if tag not in STANDARD_TAGS:
            prefix = (tag if tag.startswith("!") else f"!<{tag}>") + " "
            value = node.value
        elif tag in TYPED_TAGS and (node.style or implicit_tag(node.value) != tag):
            # an explicitly tagged scalar (``!!float "4.10"``, ``!!float 5``): tag and spelling stay
            return f"!!{tag.rsplit(':', 1)[1]} " + double_quoted(node.value), "plain"
        if isinstance(value, str) and tag != TIMESTAMP:
            if literal and "\n" in value and not force_quotes and not prefix and _literal_ok(value):
                return value, "literal"
            return prefix + scalar(value, force=force_quotes), "plain"
        if prefix:
            return prefix + node.value, "plain"
        if tag == NULL or value is None:
            return node.value, "plain"  # empty stays empty: ``~`` and ``null`` as typed
        # int, float, bool, timestamp: the spelling as typed, quoted where text is wanted
        if force_quotes or (tag != TIMESTAMP and cursor is not None and cursor.only_text()):
            return scalar(node.value, force=True), "plain"
        return node.value, "plain"

    def inline(self, node: Node, start: int, column: int, force_quotes: bool | None,
               cursor: SchemaCursor | None = None) -> list[str]:
        """A scalar (or an empty collection) as output lines; the first continues a line at ``start``."""
        if isinstance(node, MappingNode):
            return ["{}"]
        if isinstance(node, SequenceNode):
            return ["[]"]
        assert isinstance(node, ScalarNode)  # a node is a mapping, a sequence or a scalar
        text, kind = self.scalar_text(node, bool(force_quotes), cursor=cursor)
        if kind == "literal":
            chomp = "-" if not text.endswith("\n") else ("" if not text.endswith("\n\n") else "+")
            body = text[:-1] if text.endswith("\n") else text
            if chomp == "+":
                body = text[:-1]
            lines = ["|" + chomp]
            for line in body.split("\n"):
                lines.append(" " * column + line if line else "")
            return lines
        if not text:
            return [""]
        parts = fold(text, start, column, self.width)
        return [parts[0]] + [" " * column + part for part in parts[1:]]
