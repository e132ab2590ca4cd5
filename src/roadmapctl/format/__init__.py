"""``roadmapctl fmt``: one canonical layout of a roadmap file, so that reviews show content, not style.

The text is composed with the same YAML 1.1 loader that every other command uses, written again
by :mod:`roadmapctl.format.emitter`, and read back: the formatted file must hold exactly the same
data and the same comments, or nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass

from roadmapctl.loading.source import SourceError, decode, read_bytes
from roadmapctl.spans import Span

BOM = "\ufeff"


class FormatError(Exception):
    """The file cannot be formatted; ``span`` points at the cause when it is known."""

    def __init__(self, name: str, message: str, span: Span | None = None, *, io: bool = False):
        super().__init__(message)
        self.name = name
        self.message = message
        self.span = span
        self.io = io

    def __str__(self) -> str:
        where = f"{self.name}:{self.span.line}:{self.span.column}" if self.span else self.name
        return f"{where}: {self.message}"


@dataclass
class Formatted:
    name: str
    before: bytes
    after: bytes

    @property
    def changed(self) -> bool:
        return self.before != self.after


def _compose(name: str, text: str):
    from roadmapctl.loading import Source, load_document

    source = Source(name=name, text=text)
    try:
        doc = load_document(source)
    except SourceError as exc:
        raise FormatError(exc.name, exc.message, exc.span) from None
    return doc


def spelling(node, memo: dict | None = None):
    """A node tree as the text each scalar was typed with (mappings as sorted pairs).

    Two documents with equal spellings say the same thing in the same words, whatever the
    quoting and layout; aliases are followed once (the loader has already refused cycles)."""
    from yaml.nodes import MappingNode, ScalarNode

    memo = {} if memo is None else memo
    if id(node) in memo:
        return memo[id(node)]
    if node is None:
        result = None
    elif isinstance(node, ScalarNode):
        result = node.value
    elif isinstance(node, MappingNode):
        result = ("map", tuple(sorted((repr(spelling(k, memo)), repr(spelling(v, memo))) for k, v in node.value)))
    else:
        result = ("seq", tuple(spelling(item, memo) for item in node.value))
    memo[id(node)] = result
    return result


def _agrees(before, after) -> bool:
    """``after`` holds the data of ``before``, where a typed value (4.10, yes, 08) may have become
    the text it was typed with; the spelling comparison makes sure that text is the typed one."""
    if isinstance(before, dict) and isinstance(after, dict):
        return before.keys() == after.keys() and all(_agrees(before[k], after[k]) for k in before)
    if isinstance(before, list) and isinstance(after, list):
        return len(before) == len(after) and all(_agrees(b, a) for b, a in zip(before, after))
    if type(before) is type(after):
        return before == after
    return isinstance(after, str) and isinstance(before, (int, float, bool))


def same_values(before, after) -> bool:
    """Whether two loaded documents say the same: every scalar spelled as before, and the data
    equal but for typed spellings now kept as the text they were typed with."""
    return spelling(before.root) == spelling(after.root) and _agrees(before.data, after.data)


def format_text(text: str, name: str = "<text>", width: int | None = None) -> str:
    """The canonical layout of ``text`` (without BOM, with ``\\n`` line ends)."""
    from roadmapctl.format.comments import collect
    from roadmapctl.format.emitter import WIDTH, Layout, LayoutError

    if text.startswith(BOM):
        text = text[1:]
    doc = _compose(name, text)
    lines = doc.source.lines
    comments = collect(doc.root, lines)
    try:
        result = Layout(comments, width or WIDTH).document(doc.root)
    except LayoutError as exc:
        raise FormatError(name, exc.args[0], Span.point(1, 1)) from None
    # The safety net: the same data and the same comments, or the file is left alone.
    try:
        again = _compose(name, result)
    except FormatError:
        again = None
    if again is None or not same_values(doc, again) or collect(again.root, again.source.lines).count() != comments.count():
        raise FormatError(
            name,
            "не удалось привести файл к единому виду без изменения содержания; файл оставлен как есть. "
            "Пожалуйста, сообщите об этом разработчикам и приложите файл",
        )
    return result


def format_bytes(data: bytes, name: str = "<text>", width: int | None = None) -> bytes:
    """Format a file's bytes, keeping its BOM and its line ends (CRLF or LF)."""
    try:
        source = decode(name, data)
    except SourceError as exc:
        raise FormatError(exc.name, exc.message, exc.span) from None
    text = source.text[1:] if source.text.startswith(BOM) else source.text
    crlf = "\r\n" in text
    result = format_text(text.replace("\r\n", "\n") if crlf else text, name, width)
    if crlf:
        result = result.replace("\n", "\r\n")
    if source.had_bom:
        result = BOM + result
    return result.encode("utf-8")


def format_path(path: str) -> Formatted:
    try:
        data = read_bytes(path)
    except SourceError as exc:
        raise FormatError(path, exc.message, io=True) from None
    return Formatted(path, data, format_bytes(data, path))


__all__ = ["FormatError", "Formatted", "format_bytes", "format_path", "format_text"]
