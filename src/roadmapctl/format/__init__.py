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


def spelling(node, memo: dict[int, bytes] | None = None) -> bytes:
    """A digest of a node tree as the text each scalar was typed with (a mapping's entries in
    sorted order, so that key order does not count).

    Two documents with equal spellings say the same thing in the same words, whatever the quoting
    and layout. The digest (BLAKE2b, 128 bits) stands for the whole tree, so that comparing two
    large documents holds neither a copy of their texts nor a memo of every scalar; collections
    are remembered by identity, so a node that aliases refer to again is read once (the loader
    has already refused cycles and alias bombs)."""
    from hashlib import blake2b

    from yaml.nodes import MappingNode, ScalarNode

    memo = {} if memo is None else memo
    if node is None:
        return b"-"
    if isinstance(node, ScalarNode):
        value = node.value.encode("utf-8", "surrogatepass")
        return blake2b(b"s%d:" % len(value) + value, digest_size=16).digest()
    known = memo.get(id(node))
    if known is not None:
        return known
    if isinstance(node, MappingNode):
        pairs = sorted(spelling(k, memo) + spelling(v, memo) for k, v in node.value)
        result = blake2b(b"m%d:" % len(pairs) + b"".join(pairs), digest_size=16).digest()
    else:
        items = [spelling(item, memo) for item in node.value]
        result = blake2b(b"q%d:" % len(items) + b"".join(items), digest_size=16).digest()
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


@dataclass(frozen=True)
class _Summary:
    """What the safety net compares of a document, without its node tree: the digest of its
    spelling, its data and the number of its comments."""

    spelling: bytes
    data: object
    comments: int

    @classmethod
    def of(cls, doc, comments: int | None = None) -> _Summary:
        from roadmapctl.format.comments import collect

        if comments is None:
            comments = collect(doc.root, doc.source.lines).count()
        return cls(spelling(doc.root), doc.data, comments)

    def agrees(self, other: _Summary) -> bool:
        return self.spelling == other.spelling and self.comments == other.comments and _agrees(self.data, other.data)


def format_text(text: str, name: str = "<text>", width: int | None = None) -> str:
    """The canonical layout of ``text`` (without BOM, with ``\\n`` line ends)."""
    from roadmapctl.format.comments import collect
    from roadmapctl.format.emitter import WIDTH, Layout, LayoutError

    if text.startswith(BOM):
        text = text[1:]
    doc = _compose(name, text)
    comments = collect(doc.root, doc.source.lines)
    try:
        result = Layout(comments, width or WIDTH).document(doc.root)
    except LayoutError as exc:
        raise FormatError(name, exc.args[0], Span.point(1, 1)) from None
    # The safety net: the same data and the same comments, or the file is left alone. The first
    # node tree is summed up and let go before the result is composed, so that the two trees are
    # never held at once.
    before = _Summary.of(doc, comments.count())
    del doc, comments
    try:
        again: _Summary | None = _Summary.of(_compose(name, result))
    except FormatError:
        again = None
    if again is None or not before.agrees(again):
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
