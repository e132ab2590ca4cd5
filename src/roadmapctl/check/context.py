"""What a rule sees: the loaded document, the schema's verdict, the model and derived facts."""

from __future__ import annotations

from functools import cached_property
from typing import Iterator

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from roadmapctl.loading import Document
from roadmapctl.loading.document import STR, scalar_text
from roadmapctl.model import Roadmap
from roadmapctl.spans import Span

# Keys whose string values are vocabulary, identifiers or machine data, not official text.
_NOT_TEXT_KEYS = frozenset({"поле", "связка", "вид", "статус", "период", "ссылка", "дата", "за", "номер", "повтор"})


class Context:
    def __init__(self, doc: Document, config=None):
        self.doc = doc
        self.config = config  # the file's check.config.Config (word lists for spelling), or None
        self.source = doc.source
        self._shared: dict[str, object] = {}

    def shared(self, name: str, compute):
        """A result several rules of one file need (computed once, by the first rule that asks)."""
        if name not in self._shared:
            self._shared[name] = compute(self)
        return self._shared[name]

    @cached_property
    def schema_problems(self):
        from roadmapctl.schema import validate

        return validate(self.doc)

    @cached_property
    def roadmap(self) -> Roadmap | None:
        if self.schema_problems:
            return None
        from roadmapctl.build import build_roadmap

        return build_roadmap(self.doc)

    @cached_property
    def period(self):
        """The roadmap's Period, or None when it is missing or unreadable (RM205 says why)."""
        from roadmapctl.deadlines import PeriodError, parse_period

        if self.roadmap is None:
            return None
        try:
            return parse_period(self.roadmap.period_text)
        except PeriodError:
            return None

    def text_scalars(self) -> list[tuple[list, ScalarNode]]:
        """Every string scalar of official text with its path (keys and list indexes)."""
        return self._text_scalars

    @cached_property
    def _text_scalars(self) -> list[tuple[list, ScalarNode]]:
        return list(self._walk_text_scalars())

    def _walk_text_scalars(self) -> Iterator[tuple[list, ScalarNode]]:
        if self.doc.root is None:
            return
        stack: list[tuple[list, Node, str | None]] = [([], self.doc.root, None)]
        while stack:
            path, node, key = stack.pop()
            if isinstance(node, ScalarNode):
                if node.tag == STR and key not in _NOT_TEXT_KEYS and path and path[0] != "примечания":
                    yield path, node
            elif isinstance(node, MappingNode):
                for key_node, value in reversed(node.value):
                    name = scalar_text(key_node)
                    stack.append((path + [name], value, name))
            elif isinstance(node, SequenceNode):
                for index in range(len(node.value) - 1, -1, -1):
                    stack.append((path + [index], node.value[index], key))

    def locate(self, node: ScalarNode, start: int, end: int) -> Span:
        """The source span of ``node.value[start:end]`` (the whole node when it cannot be found)."""
        return self.locate_span(Span.of_node(node), node.value, start, end)

    def locate_span(self, span: Span, value: str, start: int, end: int) -> Span:
        """The source span of ``value[start:end]`` for a scalar written at ``span``."""
        fragment = value[start:end]
        first, last = span.line, span.end_line
        if fragment and "\n" not in fragment:
            before = value[:start]
            occurrence = before.count(fragment)
            for number in range(first, last + 1):
                line = self.source.line(number)
                col = span.column - 1 if number == first else 0
                while True:
                    found = line.find(fragment, col)
                    if found < 0:
                        break
                    if occurrence == 0:
                        return Span(number, found + 1, number, found + 1 + len(fragment))
                    occurrence -= 1
                    col = found + 1
        return span
