"""What a rule sees: the loaded document, the schema's verdict, the model and derived facts."""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from typing import Iterator

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from roadmapctl.check.diagnostics import Edit
from roadmapctl.document.pipeline import Loaded
from roadmapctl.loading import Document
from roadmapctl.loading.document import STR, scalar_text
from roadmapctl.loading.scalars import double_quoted, scalar
from roadmapctl.document.model import Roadmap
from roadmapctl.spans import Span

# Keys whose string values are vocabulary, identifiers or machine data, not official text; and
# «бланк», the order's letterhead line by line: a name in quotes may run over two of its lines
# («Славский муниципальный округ / Калининградской области»), so a line alone is no text to check
# (the same name is checked in «наименование»).
_NOT_TEXT_KEYS = frozenset({"поле", "связка", "вид", "статус", "период", "ссылка", "дата", "за", "номер", "повтор",
                            "бланк"})


LOCATE_LIMIT = 10


class Context:
    """One readable text as the pipeline left it (``loaded.document`` is present)."""

    def __init__(self, loaded: Loaded, config=None):
        self.loaded = loaded
        assert loaded.document is not None  # checked by the caller
        self.doc: Document = loaded.document
        self.config = config  # the file's check.config.Config (word lists for spelling), or None
        self.source = self.doc.source
        self._shared: dict[str, object] = {}
        self._verbatim: dict[int, tuple[ScalarNode, int | None]] = {}  # by id(node): see _verbatim_offset
        self._located: dict[Span, int] = {}  # searches per scalar span: see locate_span
        self._span_chars: dict[Span, tuple[list[str], list[tuple[int, int]]]] = {}  # see _source_chars
        # by (id(node), fragment): where the fragment ends in the value, where it is in the source
        self._fragments: dict[tuple[int, str], tuple[list[int], list[tuple[int, int]]]] = {}

    def shared(self, name: str, compute):
        """A result several rules of one file need (computed once, by the first rule that asks)."""
        if name not in self._shared:
            self._shared[name] = compute(self)
        return self._shared[name]

    @property
    def schema_problems(self):
        return self.loaded.problems

    @property
    def roadmap(self) -> Roadmap | None:
        """The model, when the document matches the schema."""
        return self.loaded.roadmap

    def placed(self) -> list:
        """``roadmap.placed_activities()`` once per file, for the rules that walk the rows."""
        return self._placed

    @cached_property
    def _placed(self) -> list:
        return list(self.roadmap.placed_activities()) if self.roadmap is not None else []

    def activities(self) -> list:
        """``roadmap.activities()`` once per file: every row in document order."""
        return self._activities

    @cached_property
    def _activities(self) -> list:
        return [placed.activity for placed in self._placed]

    @cached_property
    def _period_or_reason(self):
        from roadmapctl.document.schedule import roadmap_period_or_reason

        return roadmap_period_or_reason(self.roadmap) if self.roadmap is not None else (None, None)

    @property
    def period(self):
        """The roadmap's Period, or None when it is missing or unreadable (RM205 says why)."""
        return self._period_or_reason[0]

    @property
    def period_reason(self) -> str | None:
        """Why the roadmap's period cannot be read (a Russian message), or None."""
        return self._period_or_reason[1]

    def nodes(self) -> list[Node]:
        """Every node of the tree once (``loading.document.walk_nodes``): walked once per file,
        for all the rules that look at every node."""
        return self._nodes

    @cached_property
    def _nodes(self) -> list[Node]:
        from roadmapctl.loading.document import walk_nodes

        return list(walk_nodes(self.doc.root, aliases="*" in self.source.text))

    def text_scalars(self) -> list[tuple[list, ScalarNode]]:
        """Every string scalar of official text with its path (keys and list indexes)."""
        return self._text_scalars

    @cached_property
    def _text_scalars(self) -> list[tuple[list, ScalarNode]]:
        return list(self._walk_text_scalars())

    def _walk_text_scalars(self) -> Iterator[tuple[list, ScalarNode]]:
        if self.doc.root is None:
            return
        # (the parent's path, the step to the node, the node, its key): a node's path is made
        # only when it is yielded or has children, not for every number, date and vocabulary word
        stack: list[tuple[list | None, str | int | None, Node, str | None]] = [(None, None, self.doc.root, None)]
        while stack:
            parent, step, node, key = stack.pop()
            if isinstance(node, ScalarNode):
                if (node.tag == STR and key not in _NOT_TEXT_KEYS and parent is not None
                        and (parent[0] if parent else step) != "примечания"):
                    yield parent + [step], node
                continue
            if parent is None:
                path: list = []
            elif (parent[0] if parent else step) == "примечания":
                continue  # the notes are no official text: nothing under them is yielded
            else:
                path = parent + [step]
            if isinstance(node, MappingNode):
                for key_node, value in reversed(node.value):
                    name = scalar_text(key_node)
                    stack.append((path, name, value, name))
            elif isinstance(node, SequenceNode):
                for index in range(len(node.value) - 1, -1, -1):
                    stack.append((path, index, node.value[index], key))

    def locate(self, node: ScalarNode, start: int, end: int) -> Span:
        """The source span of ``node.value[start:end]`` (the whole node when it cannot be found).
        A value written on one line exactly as it reads (plain, or quoted without escapes) is
        located by arithmetic, so that a rule firing often on a long value stays linear."""
        offset = self._verbatim_offset(node)
        if offset is not None and 0 <= start <= end <= len(node.value):
            line = node.start_mark.line + 1
            return Span(line, offset + start + 1, line, offset + end + 1)
        return self.locate_span(Span.of_node(node), node.value, start, end)

    def _verbatim_offset(self, node: ScalarNode) -> int | None:
        cache = self._verbatim
        key = id(node)
        if key not in cache:
            offset = None
            value = node.value
            if node.start_mark.line == node.end_mark.line and "\n" not in value:
                column = node.start_mark.column + (1 if node.style in ("'", '"') else 0)
                text = self.source.line(node.start_mark.line + 1)
                if node.style in (None, "", "'", '"') and text[column : column + len(value)] == value:
                    offset = column
            cache[key] = (node, offset)  # the node is kept so that its id is not reused
        return cache[key][1]

    def locate_span(self, span: Span, value: str, start: int, end: int) -> Span:
        """The source span of ``value[start:end]`` for a scalar written at ``span``.

        The scalar's source text is aligned with its value character by character, so a fragment
        is found exactly also in a long text folded over several lines (line breaks and the
        indentation of a plain or quoted scalar read as one space), in a block scalar, and after
        escapes; when the alignment fails, the fragment is looked for line by line. Each search
        costs up to the length of the value; after LOCATE_LIMIT searches in one long value the
        further findings point at the whole value, so that no rule turns quadratic."""
        times = self._located[span] = self._located.get(span, 0) + 1
        if times > LOCATE_LIMIT and len(value) > 1000:
            return span
        found = self._aligned(span, value, start, end)
        if found is not None:
            return found
        fragment = value[start:end]
        first, last = span.line, span.end_line
        if fragment and "\n" not in fragment:
            before = value[:start]
            occurrence = before.count(fragment)
            for number in range(first, last + 1):
                line = self.source.line(number)
                col = span.column - 1 if number == first else 0
                while True:
                    at = line.find(fragment, col)
                    if at < 0:
                        break
                    if occurrence == 0:
                        return Span(number, at + 1, number, at + 1 + len(fragment))
                    occurrence -= 1
                    col = at + 1
        return span

    def _aligned(self, span: Span, value: str, start: int, end: int) -> Span | None:
        if not 0 <= start < end <= len(value) or span.end_line - span.line > 2000:
            return None
        chars, positions = self._source_chars(span)
        mapped: list[int] = []  # source index of each value character
        p = 0
        for ch in value[:end]:
            if ch.isspace():
                # a space or a line break of the value: a whitespace run of the source (a fold with
                # the next line's indentation), or an escape such as \n
                if p < len(chars) and chars[p] == ch and ch != "\n":
                    mapped.append(p)  # the same space in the source: one for one
                    p += 1
                elif p < len(chars) and chars[p].isspace():
                    mapped.append(p)
                    while p < len(chars) and chars[p].isspace():
                        p += 1
                elif p + 1 < len(chars) and chars[p] == "\\":
                    mapped.append(p)
                    p += 2
                elif mapped:
                    mapped.append(mapped[-1])  # one more line break of the same run
                else:
                    return None
                continue
            skipped = 0
            while p < len(chars) and chars[p] != ch and skipped < 8:
                p += 1
                skipped += 1
            if p >= len(chars) or chars[p] != ch:
                return None
            mapped.append(p)
            p += 1
        if len(mapped) < end:
            return None
        first_line, first_column = positions[mapped[start]]
        last_line, last_column = positions[mapped[end - 1]]
        return Span(first_line, first_column, last_line, last_column + 1)

    def _source_chars(self, span: Span) -> tuple[list[str], list[tuple[int, int]]]:
        """The source characters of ``span`` (a line break as "\\n") and the (line, column) of
        each, 1-based: made once per scalar for all the findings located in it."""
        found = self._span_chars.get(span)
        if found is None:
            positions: list[tuple[int, int]] = []
            chars: list[str] = []
            for number in range(span.line, span.end_line + 1):
                line = self.source.line(number)
                first = span.column - 1 if number == span.line else 0
                last = span.end_column - 1 if number == span.end_line else len(line)
                for column in range(first, min(last, len(line))):
                    chars.append(line[column])
                    positions.append((number, column + 1))
                if number != span.end_line:
                    chars.append("\n")
                    positions.append((number, len(line) + 1))
            found = self._span_chars[span] = (chars, positions)
        return found

    def fragment_edit(self, node: ScalarNode, start: int, end: int, text: str) -> Edit | None:
        """An edit that replaces ``node.value[start:end]`` by ``text`` in the source, or None when
        that fragment is not written verbatim on one line of the node (an escape, a line fold)."""
        fragment = node.value[start:end]
        if not fragment or "\n" in fragment or node.tag != STR:
            return None
        # the k-th occurrence in the value is the k-th in the source; both lists are made once per
        # node and fragment (3,000 double spaces in one value searched the value and the source
        # again for each: quadratic, 64 KB in 5 s)
        key = (id(node), fragment)
        if key not in self._fragments:
            self._fragments[key] = (_ends(node.value, fragment), self._written(node, fragment))
        ends, written = self._fragments[key]
        occurrence = bisect_right(ends, start)  # those that end before this one starts
        if occurrence >= len(written):
            return None
        number, found = written[occurrence]
        return Edit(Span(number, found + 1, number, found + 1 + len(fragment)), text)

    def _written(self, node: ScalarNode, fragment: str) -> list[tuple[int, int]]:
        """(line, 0-based column) of each occurrence of ``fragment`` in the node's source lines,
        in order, as ``str.find`` meets them without overlap."""
        out = []
        span = Span.of_node(node)
        for number in range(span.line, span.end_line + 1):
            line = self.source.line(number)
            if number == span.line:
                col = span.column - 1
            else:  # a continuation line: its indentation is layout, not text
                col = len(line) - len(line.lstrip(" "))
            stop = len(line) if span.end_line > number else span.end_column - 1
            while True:
                found = line.find(fragment, col, stop)
                if found < 0:
                    break
                out.append((number, found))
                col = found + len(fragment)
        return out

    def value_edit(self, span: Span, old: str, new: str) -> Edit | None:
        """An edit that writes the scalar ``old``, found at ``span`` on one line, as ``new``:
        plain when the new text needs no quotes (in a block or in ``[…]``) and the old one had none,
        else in double quotes (``loading.scalars``, the rule ``fmt`` and ``mark`` write with)."""
        if span.line != span.end_line:
            return None
        written = self.source.line(span.line)[span.column - 1:span.end_column - 1]
        if written == old:  # plain: stays plain when YAML reads the new text back as itself
            return Edit(span, scalar(new, flow=True))
        if written in (double_quoted(old), f"'{old}'"):
            return Edit(span, scalar(new, force=True, flow=True))
        return None


def _ends(value: str, fragment: str) -> list[int]:
    """Where each occurrence of ``fragment`` in ``value`` ends, as ``str.count`` meets them
    (left to right, without overlap): the count in ``value[:start]`` is how many end by ``start``."""
    out = []
    at = value.find(fragment)
    while at >= 0:
        out.append(at + len(fragment))
        at = value.find(fragment, at + len(fragment))
    return out
