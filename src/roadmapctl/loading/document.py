"""Compose YAML once with the C loader, keep every node's position, and build plain data.

The node tree is the single source of positions for every later stage: the schema validator
maps its error paths back to nodes here, and the model keeps the spans of its fields.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from roadmapctl.loading.source import LINE_BREAK, Source, SourceError, read_source
from roadmapctl.spans import Span

try:  # the C loader: an order of magnitude faster, and it gives every node its marks
    _Loader: type[yaml.CSafeLoader] | type[yaml.SafeLoader] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MAX_DEPTH = 100
MAX_EXPANDED_NODES = 1_000_000

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"
STANDARD_TAGS = frozenset({STR, INT, FLOAT, BOOL, NULL, TIMESTAMP, MAP, SEQ})


class LoadError(SourceError):
    """The file is not well-formed YAML (or is hostile): a fatal finding with a position."""


@dataclass
class Document:
    """A composed YAML file: its source, its root node and the plain data built from it.

    Data is what JSON Schema sees: mappings with string keys, lists, str, int, float, bool,
    None; YAML timestamps become ISO strings (``2021-03-24``) — the schema checks their form.
    """

    source: Source
    root: Node | None
    data: Any

    @property
    def name(self) -> str:
        return self.source.name

    def node_at(self, path) -> Node | None:
        """The node reached by following ``path`` (keys and indexes) from the root."""
        node = self.root
        for step in path:
            if isinstance(node, MappingNode):
                found = None
                for key, value in node.value:
                    if scalar_text(key) == step:
                        found = value  # the last one wins, as in the data
                node = found
            elif isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
                node = node.value[step]
            else:
                return None
            if node is None:
                return None
        return node

    def key_node_at(self, path) -> Node | None:
        """The key node of the mapping entry at ``path`` (None for the root or list items)."""
        if not path:
            return None
        parent = self.node_at(path[:-1])
        if isinstance(parent, MappingNode):
            found = None
            for key, _value in parent.value:
                if scalar_text(key) == path[-1]:
                    found = key
            return found
        return None

    def span_at(self, path) -> Span:
        """The span of the node at ``path``, or of its nearest existing ancestor."""
        path = list(path)
        while True:
            node = self.node_at(path)
            if node is not None:
                return Span.of_node(node)
            if not path:
                return Span.point(1, 1)
            path.pop()


def walk_nodes(root: Node | None, aliases: bool = True):
    """Every node of the tree under ``root`` once (a node that aliases refer to again is met
    once), depth first, a mapping's key before its value. ``aliases=False`` says the tree has
    none (its text has no "*"): every node is met once anyway, and none is remembered."""
    if not aliases:
        yield from _tree_nodes(root)
        return
    stack = [root] if root is not None else []
    seen: set[int] = set()
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        if isinstance(current, MappingNode):
            for key, value in current.value:
                stack.append(value)
                stack.append(key)
        elif isinstance(current, SequenceNode):
            stack.extend(current.value)


def _tree_nodes(root: Node | None) -> list[Node]:
    """``walk_nodes`` of a tree without aliases, in the same order."""
    out: list[Node] = []
    stack = [root] if root is not None else []
    while stack:
        current = stack.pop()
        out.append(current)
        if isinstance(current, MappingNode):
            for key, value in current.value:
                stack.append(value)
                stack.append(key)
        elif isinstance(current, SequenceNode):
            stack.extend(current.value)
    return out


def scalar_text(node: Node) -> str:
    """A mapping key as a string: the scalar's text, or the source form of a complex key."""
    if isinstance(node, ScalarNode):
        return node.value
    return f"<{getattr(node, 'id', '')}>"  # the node kind: mapping, sequence


_PROBLEMS = {
    "found character that cannot start any token": "здесь стоит символ, с которого в YAML не может начинаться значение",
    "mapping values are not allowed in this context": (
        "двоеточие с пробелом внутри значения: YAML читает его как новый ключ; заключите значение в двойные кавычки"
    ),
    "mapping values are not allowed here": (
        "двоеточие с пробелом внутри значения: YAML читает его как новый ключ; заключите значение в двойные кавычки"
    ),
    "did not find expected key": "ожидался ключ: проверьте отступы — элементы одного уровня должны начинаться в одной колонке",
    "did not find expected '-' indicator": "ожидался элемент списка «- »: проверьте отступы",
    "found undefined alias": "ссылка *… на якорь, который не определён выше",
    "but found another document": "в файле должен быть один документ YAML, а найден разделитель «---» второго",
    "could not find expected ':'": "не найдено двоеточие после ключа",
    "found unexpected end of stream": "файл закончился внутри значения",
    "did not find expected ',' or ']'": "список в квадратных скобках не закрыт: не хватает «]» или запятой",
    "did not find expected ',' or '}'": "словарь в фигурных скобках не закрыт: не хватает «}» или запятой",
    "found duplicate anchor": "якорь &… определён дважды",
    "found a tab character that violates indentation": "табуляция в отступе: YAML допускает в отступах только пробелы",
    "found a tab character where an indentation space is expected": (
        "табуляция в отступе: YAML допускает в отступах только пробелы"
    ),
    "found unknown escape character": "неизвестная escape-последовательность после «\\» в строке в двойных кавычках",
    "found unexpected ':'": "неожиданное двоеточие: заключите значение в кавычки",
    "expected <block end>, but found '-'": "элемент списка «- » стоит не на своём отступе",
    "expected <block end>, but found '<block mapping start>'": "ключ стоит не на своём отступе",
    "expected <block end>, but found '<scalar>'": "значение стоит не на своём отступе",
}


_NO_SPACE = re.compile(r"[^\s:#\"'{\[][^:]*?(:)(?=[^\s/])")


def _explain(source: Source, context: str, context_mark, mark) -> LoadError | None:
    """The cause where the parser only sees its effect further down: a key without a space after
    its colon ("мероприятие:Анализ…", the parser stops on the next line), a quote left open (the
    value runs on to the next quote, lines below, and the parser stops there)."""
    if "simple key" in context and context_mark is not None:
        line = source.line(context_mark.line + 1)
        found = _NO_SPACE.match(line, context_mark.column)
        if found:
            key = line[context_mark.column:found.start(1)].strip()
            rest = line[found.end(1):].strip()
            shown = rest if len(rest) <= 30 else rest[:29] + "…"
            return LoadError(
                source.name,
                f"после двоеточия нет пробела: «{key}:{shown}» — без пробела YAML не видит здесь ключа и "
                f"значения; напишите «{key}: {shown}»",
                Span.point(context_mark.line + 1, found.start(1) + 1),
            )
    if mark is None:
        return None
    runaway = None
    try:
        for token in yaml.scan(source.text, Loader=_Loader):
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") \
                    and token.start_mark.line < token.end_mark.line:
                runaway = token
    except yaml.YAMLError:
        pass
    if runaway is not None and runaway.end_mark.line == mark.line:
        quote = "«\"»" if runaway.style == '"' else "«'»"
        return LoadError(
            source.name,
            f"кавычка {quote} открыта в строке {runaway.start_mark.line + 1}, но не закрыта в ней: значение "
            f"продолжается до строки {runaway.end_mark.line + 1}; добавьте закрывающую кавычку в конце значения",
            Span.point(runaway.start_mark.line + 1, runaway.start_mark.column + 1),
        )
    return None


def _syntax_error(source: Source, exc: yaml.YAMLError) -> LoadError:
    name = source.name
    if isinstance(exc, yaml.reader.ReaderError):
        index = exc.position if isinstance(exc.position, int) else 0
        before = source.text[:index]
        line = len(LINE_BREAK.findall(before)) + 1
        column = index - max(before.rfind("\n"), before.rfind("\r")) if line > 1 else index + 1
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        return LoadError(
            name,
            f"недопустимый управляющий символ U+{char:04X} в тексте; удалите его "
            "(такие символы появляются при копировании из Word или PDF)",
            Span.point(line, max(column, 1)),
        )
    problem = getattr(exc, "problem", None) or ""
    mark = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context", None) or ""
    context_mark = getattr(exc, "context_mark", None)
    span = Span.point(mark.line + 1, mark.column + 1) if mark is not None else Span.point(1, 1)
    at = source.line(span.line)[span.column - 1 : span.column] if mark is not None else ""
    if at == "\t" or ("tab" in problem):
        return LoadError(name, "табуляция в отступе: YAML допускает в отступах только пробелы; замените её пробелами", span)
    if "quoted scalar" in context and context_mark is not None:
        return LoadError(
            name,
            "кавычка открыта, но не закрыта: добавьте закрывающую кавычку в конце значения",
            Span.point(context_mark.line + 1, context_mark.column + 1),
        )
    explained = _explain(source, context, context_mark, mark)
    if explained is not None:
        return explained
    message = _PROBLEMS.get(problem)
    if message is None:
        for key, text in _PROBLEMS.items():
            if problem.startswith(key):
                message = text
                break
    if message is None and mark is not None and _nesting_at(source.text, mark.index, span.line) > MAX_DEPTH:
        message = f"вложенность глубже {MAX_DEPTH} уровней: так дорожную карту не записывают; проверьте файл"
    if message is None:
        # never the library's English words: the place (line:column) says where to look
        message = "ошибка синтаксиса YAML: здесь файл нельзя прочитать как YAML; проверьте отступы, кавычки и скобки"
    return LoadError(name, message, span)


def _nesting_at(text: str, index: int, line: int) -> int:
    """Our own estimate of how deep the text is nested where a parser stopped: the brackets
    still open before ``index`` plus the indentation of its line (every nesting level of a
    block adds at least one column). Independent of how the library words its refusal."""
    if not isinstance(index, int) or index < 0:
        return 0
    before = text[:index]
    flow = before.count("[") + before.count("{") - before.count("]") - before.count("}")
    start = before.rfind("\n") + 1
    current = text[start : text.find("\n", start) if "\n" in text[start:] else len(text)]
    indent = len(current) - len(current.lstrip(" "))
    return max(flow, 0) + indent


def _flow_depth_guard(source: Source) -> None:
    """libyaml composes recursively in C: refuse absurd flow nesting before it overflows the stack."""
    text = source.text
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                assert mark is not None  # the parser marks every event
                raise LoadError(
                    source.name,
                    f"вложенность глубже {MAX_DEPTH} уровней: так дорожную карту не записывают; проверьте файл",
                    Span.point(mark.line + 1, mark.column + 1),
                )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


class _Builder:
    """Node tree → plain data, with guards against alias bombs and deep nesting."""

    def __init__(self, source: Source):
        self.source = source
        self.sizes: dict[int, int] = {}
        self.built: dict[int, Any] = {}

    def size(self, root: Node) -> int:
        # Expanded size of the tree (aliases count every time they are used), computed with a
        # memo per node so that a "billion laughs" document is measured in linear time. A node
        # met again while its own children are being measured contains itself (``&a [*a]``).
        stack = [(root, False)]
        sizes = self.sizes
        open_nodes: set[int] = set()
        while stack:
            node, ready = stack.pop()
            key = id(node)
            if key in sizes:
                continue
            if isinstance(node, ScalarNode):
                sizes[key] = 1
                continue
            children = [v for pair in node.value for v in pair] if isinstance(node, MappingNode) else list(node.value)
            if not ready and key in open_nodes:
                raise LoadError(
                    self.source.name,
                    "ссылка *… указывает на значение, внутри которого стоит она сама: такая структура "
                    "бесконечна; замените ссылку самим значением",
                    Span.of_node(node),
                )
            if ready:
                open_nodes.discard(key)
                total = 1
                for child in children:
                    total += sizes.get(id(child), 0)
                    if total > MAX_EXPANDED_NODES:
                        break
                sizes[key] = total
                if total > MAX_EXPANDED_NODES:
                    raise LoadError(
                        self.source.name,
                        "ссылки &якорь/*ссылка раскрываются в слишком большой документ; "
                        "дорожной карте такие конструкции не нужны",
                        Span.of_node(node),
                    )
            else:
                open_nodes.add(key)
                stack.append((node, True))
                stack.extend((child, False) for child in children if id(child) not in sizes)
        return sizes[id(root)]

    def build(self, node: Node, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            raise LoadError(
                self.source.name,
                f"вложенность глубже {MAX_DEPTH} уровней: так дорожную карту не записывают; проверьте файл",
                Span.of_node(node),
            )
        key = id(node)
        if key in self.built:  # an alias: share the object, as PyYAML does
            return self.built[key]
        if isinstance(node, ScalarNode):
            value = scalar_value(node)
        elif isinstance(node, SequenceNode):
            value = []
            self.built[key] = value
            value.extend(self.build(child, depth + 1) for child in node.value)
        else:
            value = {}
            self.built[key] = value
            for key_node, value_node in node.value:
                value[scalar_text(key_node)] = self.build(value_node, depth + 1)
        self.built[key] = value
        return value

    def tree(self, node: Node, depth: int = 0) -> Any:
        """``build`` for a tree without aliases (each node met once): no memo of built nodes."""
        if depth > MAX_DEPTH:
            return self.build(node, depth)  # raises
        if isinstance(node, ScalarNode):
            return node.value if node.tag == STR else scalar_value(node)
        depth += 1
        if isinstance(node, SequenceNode):
            return [self.tree(child, depth) for child in node.value]
        value = {}
        for key_node, value_node in node.value:
            value[key_node.value if isinstance(key_node, ScalarNode) else scalar_text(key_node)] = \
                self.tree(value_node, depth)
        return value


_constructor = yaml.constructor.SafeConstructor()


def scalar_value(node: ScalarNode) -> Any:
    """The value of a scalar as JSON Schema should see it."""
    tag = node.tag
    if tag == STR or tag not in STANDARD_TAGS:
        return node.value  # unknown tags are reported by a rule and never constructed
    if tag == NULL:
        return None
    try:
        value = _constructor.construct_object(node)
    except Exception:  # noqa: BLE001 - e.g. a timestamp like 2021-02-30: keep the text
        return node.value
    if isinstance(value, (_dt.date, _dt.datetime)):
        return node.value
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return node.value
    return value


def load_document(source: Source) -> Document:
    """Compose ``source`` and build its data. Raises LoadError for anything that is not YAML."""
    text = source.text[1:] if source.text.startswith("\ufeff") else source.text
    if source.text is not text:
        source.text = text
        source._lines = None
    try:
        _flow_depth_guard(source)
        root = yaml.compose(text, Loader=_Loader)
    except LoadError:
        raise
    except yaml.YAMLError as exc:  # whatever the library's words: located, in Russian
        raise _syntax_error(source, exc) from None
    except RecursionError:
        raise LoadError(source.name, f"вложенность глубже {MAX_DEPTH} уровней", Span.point(1, 1)) from None
    except (ValueError, TypeError, UnicodeError, OverflowError):  # a library's own failure on odd text
        raise LoadError(source.name, "файл не удалось прочитать как YAML: в нём есть текст, который не разбирается", Span.point(1, 1)) from None
    if root is None:
        return Document(source, None, None)
    builder = _Builder(source)
    if "*" in text:  # an alias is written "*name": without one every node is met once, no walk needed
        builder.size(root)
        return Document(source, root, builder.build(root))
    return Document(source, root, builder.tree(root))


def load_text(text: str, name: str = "<text>") -> Document:
    return load_document(Source(name=name, text=text))


def load_path(path: str | Path) -> Document:
    return load_document(read_source(path))
