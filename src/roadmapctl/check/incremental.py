"""Checking a text again after a small change (the editor's analysis), with the same result as a
whole ``check``.

A roadmap's lines split into *blocks*, one per item of a list of activities (an activity with its
sub-items and children), and the rest (the head, the directory, the tables' columns, the
sections' own keys). The first check of a text is a whole one; it keeps the findings of the
rules whose ``scope`` is ``"activity"`` (``check.registration.Rule.scope``) by block. When a
later text differs from the kept one only inside one block, that block alone is read again, in a
*partial text*: the new text with every line of the other activities, sections and tables
blanked, so that lines and columns stay those of the whole text. Its node, data and model
replace the old block's in the kept document (later positions move by the number of lines
added); the activity-scoped rules run on the partial text only, and the document-scoped ones
(numbering, party variants, spelling, which compare activities with each other) on the whole
spliced document — except those that declare the keys they read (``Rule.reads``) when those did
not change: their findings are kept, or moved with the lines. A rule whose messages name lines
(``Rule.names_lines``) is made again whenever lines were added or removed. Anything else — a change outside the blocks, a text that is not a valid
roadmap, anchors and aliases, line breaks other than ``\\n`` — is checked whole.

``tests/test_lsp_incremental.py`` checks by random edits that the result equals a whole check.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from yaml.error import Mark

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from roadmapctl.check.config import Config
from roadmapctl.check.context import Context
from roadmapctl.check.diagnostics import Diagnostic, Edit
from roadmapctl.check.registry import RULES, all_rules
from roadmapctl.check.runner import check_loaded, finish, run_rules
from roadmapctl.document.model import Located
from roadmapctl.document.pipeline import Loaded, load_bytes
from roadmapctl.loading import Document
from roadmapctl.loading.document import scalar_text
from roadmapctl.loading.source import SourceError, decode
from roadmapctl.spans import NOWHERE, Span
from roadmapctl.textutil import common_ends

_new_mark: Callable[..., Any] = Mark
try:  # the C loader's marks: three times quicker to make than yaml.error.Mark
    from yaml._yaml import Mark as _CMark
    _new_mark = _CMark
except ImportError:  # pragma: no cover - PyYAML without its C extension
    pass

# The keys of the lists that hold items of the structure, and the model's attribute for each.
_LISTS = {"таблицы": "tables", "разделы": "sections", "мероприятия": "activities"}
_CONTAINED = ("разделы", "мероприятия")
_ODD_BREAKS = ("\x85", "\u2028", "\u2029")


@dataclass
class _List:
    """A list of tables, sections or activities: its key's line and where its items end."""

    key: str
    key_line: int  # 0-based line of the key («мероприятия:»)
    end: int  # 0-based line after its last item
    items: list[_Item] = field(default_factory=list)


@dataclass
class _Item:
    """A table, a section or an activity: lines [start, end)."""

    kind: str
    start: int
    end: int
    path: tuple  # keys and indexes from the root
    lists: list[_List] = field(default_factory=list)
    findings: list[Diagnostic] = field(default_factory=list)  # an activity's: activity-scoped rules


@dataclass
class _State:
    text: str
    lines: list[str]
    config: Config
    loaded: Loaded
    diagnostics: list[Diagnostic]
    tables: _List
    blocks: list[_Item]  # the activities, by line
    outside: list[Diagnostic]  # the activity-scoped rules' findings outside every block
    kept: dict[str, list[Diagnostic]]  # the findings of each document-scoped rule that has ``reads``


class IncrementalCheck:
    """The check of one text an editor changes again and again (one document; not thread-safe:
    one check at a time). ``check`` returns what ``check_loaded(load_bytes(...))`` would."""

    def __init__(self, name: str, path: Path | None = None) -> None:
        self.name = name
        self.path = path
        self.state: _State | None = None
        self.last: str = ""  # "whole", "partial" or "same": how the last result was made
        self.refused = 0  # why the last change was checked whole (the step of _partial that refused), or 0

    def check(self, text: str, config: Config) -> tuple[Loaded, list[Diagnostic]]:
        state = self.state
        if state is not None and state.config == config:
            self.refused = 0
            if text == state.text:
                self.last = "same"
                return state.loaded, state.diagnostics
            try:
                done = self._partial(state, text)
            except Exception:  # noqa: BLE001 - the kept state may be half changed: check whole
                done = None
            if done is not None:
                self.last = "partial"
                return done
        self.last = "whole"
        return self._whole(text, config)

    # -- a whole check ---------------------------------------------------------------------------

    def _whole(self, text: str, config: Config) -> tuple[Loaded, list[Diagnostic]]:
        self.state = None
        loaded = load_bytes(self.name, text.encode("utf-8", "surrogatepass"), self.path)
        if loaded.document is None or loaded.roadmap is None:
            return loaded, check_loaded(loaded, config)
        raw, skipped = run_rules(Context(loaded, config), config)
        diagnostics = finish(loaded, raw, skipped, config)
        if not _plain(text):
            return loaded, diagnostics
        lines = text.split("\n")
        tables = _structure(loaded.document, lines)
        if tables is None:
            return loaded, diagnostics
        blocks = sorted(_activities(tables), key=lambda item: item.start)
        outside: list[Diagnostic] = []
        kept: dict[str, list[Diagnostic]] = {r.code: [] for r in all_rules() if r.reads is not None}
        for d in raw:
            if d.code in kept:
                kept[d.code].append(d)
        _attribute([d for d in raw if RULES[d.code].scope == "activity"], blocks, outside)
        self.state = _State(text, lines, config, loaded, diagnostics, tables, blocks, outside, kept)
        return loaded, diagnostics

    # -- a partial check -------------------------------------------------------------------------

    def _refuse(self, step: int) -> tuple[Loaded, list[Diagnostic]] | None:
        """No partial check of this change (``step`` says which condition failed): None."""
        self.refused = step
        return None

    def _partial(self, state: _State, text: str) -> tuple[Loaded, list[Diagnostic]] | None:
        if not _plain(text):
            return self._refuse(1)
        old, new = state.lines, text.split("\n")
        first, same_end = common_ends(old, new)
        old_stop = len(old) - same_end  # the old lines [first, old_stop) became new [first, new_stop)
        delta = len(new) - len(old)
        starts = [b.start for b in state.blocks]
        at = bisect_right(starts, first) - 1
        if at < 0:
            return self._refuse(2)
        block = state.blocks[at]
        if not (block.start <= first and old_stop <= block.end):
            return self._refuse(3)
        start, end, new_end = block.start, block.end, block.end + delta
        if new_end <= start:
            return self._refuse(4)
        written = new[start:new_end]
        if any("&" in line or "*" in line for line in written + old[start:end]):
            return self._refuse(5)  # an anchor or an alias ties the block to other places
        # the partial text: everything but the other activities, sections and tables
        keep = list(new)
        for cut_start, cut_end in _cuts(state.tables, block.path):
            if cut_end > end:  # lines after the changed block moved
                cut_start, cut_end = cut_start + (delta if cut_start >= end else 0), cut_end + delta
            for number in range(cut_start, cut_end):
                keep[number] = ""
        config = state.config
        partial = load_bytes(self.name, "\n".join(keep).encode("utf-8", "surrogatepass"), self.path)
        if partial.document is None or partial.roadmap is None:
            return self._refuse(6)
        node, data, model = _only_item(partial, block.path)
        if node is None or node.start_mark.line != start:
            return self._refuse(7)
        last = _last_line(node)
        significant = [n for n in range(start, new_end) if new[n].strip() and not new[n].lstrip().startswith("#")]
        if last >= new_end or not significant or significant[-1] > last:
            return self._refuse(8)  # the change added something after the activity, or it took in what follows
        loaded = state.loaded
        assert loaded.document is not None and loaded.roadmap is not None  # kept only for valid roadmaps
        parent_node, parent_data, parent_model, index = _parents(loaded.document, loaded.roadmap, block.path)
        if not _same_end(node, model, parent_node.value[index], new, end, new_end, delta):
            return self._refuse(9)
        try:
            source = decode(self.name, text.encode("utf-8", "surrogatepass"), self.path)
        except SourceError:
            return self._refuse(10)
        found, _skipped = run_rules(Context(partial, config), config, "activity")
        findings = [d for d in found if start <= d.span.line - 1 < new_end]
        # from here on the kept state changes: any failure leaves it to a whole check
        self.state = None
        document, roadmap = loaded.document, loaded.roadmap
        # a rule that reads only some keys of activities keeps its findings when those did not
        # change; after lines were added or removed, moved with them (when no message names a line
        # and none is on a changed line)
        unchanged: set[str] = set()
        for code in state.kept:
            rule = RULES[code]
            before, after = _facts(parent_node.value[index], rule.reads), _facts(node, rule.reads)
            if not delta:
                if before == after:
                    unchanged.add(code)
                continue
            if rule.names_lines or before is None:
                continue
            if [_fact_moved(f, first, old_stop, delta) for f in before] != after:
                continue
            moved = [_remap(d, first, old_stop, delta) for d in state.kept[code]]
            if all(d is not None for d in moved):
                state.kept[code] = [d for d in moved if d is not None]
                unchanged.add(code)
        parent_node.value[index] = node
        parent_data[index] = data
        parent_model[index] = model
        if delta:
            _shift_nodes(document.root, end, delta, node)
            _shift_model(roadmap, end, delta, model)
            _shift_ranges(state.tables, end, delta)
            for other in state.blocks[at + 1:]:
                other.findings = [_moved(d, end, delta) for d in other.findings]
            state.outside = [_moved(d, end, delta) for d in state.outside]
        block.findings = findings
        new_loaded = Loaded(self.name, source, Document(source, document.root, document.data), (), roadmap)
        whole_ctx = Context(new_loaded, config)
        cross, skipped = run_rules(whole_ctx, config, "document", frozenset(unchanged))
        naming = {r.code for r in all_rules() if r.scope == "activity" and r.names_lines}
        if delta and naming:
            # the moved findings of these rules name lines that moved too: made again, on the whole
            again, _ = run_rules(whole_ctx, config, "activity",
                                 frozenset(r.code for r in all_rules() if r.code not in naming))
            for other in state.blocks:
                other.findings = [d for d in other.findings if d.code not in naming]
            state.outside = [d for d in state.outside if d.code not in naming]
            _attribute(again, state.blocks, state.outside)
        for code in state.kept:
            if code not in unchanged:
                state.kept[code] = [d for d in cross if d.code == code]
        raw = cross + [d for code in unchanged for d in state.kept[code]] + state.outside + [d for b in state.blocks for d in b.findings]
        order = {code: index for index, code in enumerate(r.code for r in all_rules())}
        raw.sort(key=lambda d: order[d.code])
        diagnostics = finish(new_loaded, raw, skipped, config)
        state.text, state.lines, state.loaded, state.diagnostics = text, new, new_loaded, diagnostics
        self.state = state
        return new_loaded, diagnostics


def _same_end(node: Node, model: Located, old: Node, lines: list[str], end: int, new_end: int, delta: int) -> bool:
    """Give the new activity's node and model the end they have in the whole text.

    A block mapping or list ends where the next token starts: in the partial text that is after
    the blanked lines, in the whole text it is where the old activity ended (moved by ``delta``).
    False when that cannot be made the same (a block scalar at the end runs over blank lines)."""
    stack = [node]
    nodes: list[Node] = []
    while stack:
        item = stack.pop()
        nodes.append(item)
        if isinstance(item, ScalarNode):
            if item.end_mark.line >= new_end:
                return False
        elif isinstance(item, SequenceNode):
            stack.extend(item.value)
        elif isinstance(item, MappingNode):
            stack.extend(v for pair in item.value for v in pair)
    here = (node.end_mark.line, node.end_mark.column)
    line = old.end_mark.line + (delta if old.end_mark.line >= end else 0)
    there = (line, old.end_mark.column)
    if here == there:
        return True
    if here[0] < new_end or not 0 <= line < len(lines):
        return False
    text = lines[line]
    if not (there[1] < len(text) and not text[there[1]].isspace() and not text[: there[1]].strip()):
        return False  # not the start of a token
    mark = Mark(old.end_mark.name, old.end_mark.index, there[0], there[1], None, 0)
    for item in nodes:
        if (item.end_mark.line, item.end_mark.column) == here:
            item.end_mark = mark
    wrong = (here[0] + 1, here[1] + 1)

    def fixed(span: Span) -> Span:
        if (span.end_line, span.end_column) != wrong:
            return span
        return Span(span.line, span.column, there[0] + 1, there[1] + 1)

    models: list[Any] = [model]
    while models:
        item = models.pop()
        if isinstance(item, Located):
            item.span = fixed(item.span)
            item.spans = {k: fixed(v) for k, v in item.spans.items()}
            models.extend(v for v in vars(item).values() if isinstance(v, (Located, list, dict)))
        elif isinstance(item, list):
            models.extend(v for v in item if isinstance(v, (Located, list, dict)))
        elif isinstance(item, dict):
            models.extend(v for v in item.values() if isinstance(v, (Located, list, dict)))
    return True


def _line_moved(line: int, first: int, old_stop: int, delta: int) -> int | None:
    """Where the 0-based old ``line`` is in the new text: None for a line the change replaced."""
    if line < first:
        return line
    return line + delta if line >= old_stop else None


def _fact_moved(fact: tuple, first: int, old_stop: int, delta: int) -> tuple:
    path, style, value, line, column, end_line, end_column = fact
    return (path, style, value, _line_moved(line, first, old_stop, delta), column,
            _line_moved(end_line, first, old_stop, delta), end_column)


def _remap(d: Diagnostic, first: int, old_stop: int, delta: int) -> Diagnostic | None:
    """A finding with its lines moved as the change moved them; None when it is on a changed line."""
    spans = [d.span] + ([e.span for e in d.fix.edits] if d.fix is not None else [])
    moved: list[Span] = []
    for span in spans:
        line = _line_moved(span.line - 1, first, old_stop, delta)
        end_line = _line_moved(span.end_line - 1, first, old_stop, delta)
        if line is None or end_line is None:
            return None
        moved.append(Span(line + 1, span.column, end_line + 1, span.end_column))
    fix = d.fix
    if fix is not None:
        fix = dataclasses.replace(fix, edits=tuple(Edit(span, e.text) for span, e in zip(moved[1:], fix.edits)))
    return dataclasses.replace(d, span=moved[0], fix=fix)


def _attribute(found: list[Diagnostic], blocks: list[_Item], outside: list[Diagnostic]) -> None:
    """Give each finding to the activity whose lines hold its start, or to ``outside``."""
    starts = [b.start for b in blocks]
    for d in found:
        line = d.span.line - 1
        at = bisect_right(starts, line) - 1
        if at >= 0 and line < blocks[at].end:
            blocks[at].findings.append(d)
        else:
            outside.append(d)


def _facts(node: Node, keys: tuple[str, ...] | None) -> list[tuple] | None:
    """What a rule that reads ``keys`` sees of an activity: every scalar under those keys in its
    tree, with its place, quoting and position."""
    if keys is None:
        return None
    out: list[tuple] = []
    stack: list[tuple[tuple, Node, bool]] = [((), node, False)]
    while stack:
        path, item, inside = stack.pop()
        if isinstance(item, ScalarNode):
            if inside:
                start, end = item.start_mark, item.end_mark
                out.append((path, item.style, item.value, start.line, start.column, end.line, end.column))
        elif isinstance(item, SequenceNode):
            stack.extend((path + (i,), child, inside) for i, child in enumerate(item.value))
        elif isinstance(item, MappingNode):
            for key, value in item.value:
                name = scalar_text(key)
                stack.append((path + (name,), value, inside or name in keys))
    return out


def _plain(text: str) -> bool:
    """Lines end in ``\\n`` (or ``\\r\\n``) only and there is no byte-order mark: then the lines
    of ``text.split("\\n")`` are YAML's lines."""
    if text.startswith("\ufeff") or any(b in text for b in _ODD_BREAKS):
        return False
    return "\r" not in text or text.count("\r") == text.count("\r\n")


def _last_line(node: Node) -> int:
    """The 0-based line of the last character of a node's content."""
    if isinstance(node, ScalarNode) or getattr(node, "flow_style", False):
        end = node.end_mark
        return end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line
    children = node.value if isinstance(node, SequenceNode) else [v for pair in node.value for v in pair]
    return max((_last_line(child) for child in children), default=node.start_mark.line)


def _dashed(lines: list[str], node: Node) -> bool:
    """The list item starts its own line: ``- `` and the item."""
    mark = node.start_mark
    return mark.line < len(lines) and lines[mark.line][: mark.column].strip() == "-"


def _structure(document: Document, lines: list[str]) -> _List | None:
    """The lists of tables, sections and activities with their lines, or None when one is not
    written as a block list of mappings, each item on lines of its own."""
    root = document.root
    if not isinstance(root, MappingNode):
        return None
    for key_node, value in root.value:
        if scalar_text(key_node) == "таблицы":
            return _list("таблицы", key_node, value, (), lines)
    return None


def _list(key: str, key_node: Node, value: Node, path: tuple, lines: list[str]) -> _List | None:
    if not isinstance(value, SequenceNode) or value.flow_style or not value.value:
        return None
    items: list[_Item] = []
    for index, node in enumerate(value.value):
        if not isinstance(node, MappingNode) or node.flow_style or not _dashed(lines, node):
            return None
        kind = {"таблицы": "table", "разделы": "section"}.get(key, "activity")
        items.append(_Item(kind, node.start_mark.line, _last_line(node) + 1, path + (key, index)))
    for item, following in zip(items, items[1:]):
        if following.start < item.end:
            return None
        item.end = following.start  # comments and blank lines after an item belong to it
    for item, node in zip(items, value.value):
        if item.kind == "activity":
            continue
        for child_key, child in node.value:
            name = scalar_text(child_key)
            if name in _CONTAINED:
                if child_key.start_mark.line == node.start_mark.line:
                    return None  # «- мероприятия:»: its line cannot go without the item's dash
                inner = _list(name, child_key, child, item.path, lines)
                if inner is None:
                    return None
                item.lists.append(inner)
    return _List(key, key_node.start_mark.line, items[-1].end, items)


def _activities(tables: _List):
    for item in tables.items:
        if item.kind == "activity":
            yield item
        else:
            for inner in item.lists:
                yield from _activities(inner)


def _cuts(tables: _List, path: tuple) -> list[tuple[int, int]]:
    """The line ranges to blank for the partial text of the activity at ``path``: the other items
    of every list on the way to it, and the whole of the other lists of its ancestors."""
    cuts: list[tuple[int, int]] = []
    current = tables
    depth = 0
    while True:
        index = path[depth + 1]
        for number, item in enumerate(current.items):
            if number != index:
                cuts.append((item.start, item.end))
        item = current.items[index]
        if item.kind == "activity":
            return cuts
        depth += 2
        following = None
        for inner in item.lists:
            if inner.key == path[depth]:
                following = inner
            else:
                cuts.append((inner.key_line, inner.end))
        assert following is not None
        current = following


def _only_item(partial: Loaded, path: tuple) -> tuple[Node | None, Any, Any]:
    """The node, data and model of the one activity the partial text keeps (every list on its
    way has one item)."""
    assert partial.document is not None and partial.roadmap is not None
    node: Node | None = partial.document.root
    data: Any = partial.document.data
    model: Any = partial.roadmap
    for step in path:
        if isinstance(step, int):
            if not isinstance(node, SequenceNode) or len(node.value) != 1 or not isinstance(data, list):
                return None, None, None
            node, data, model = node.value[0], data[0], model[0]
            continue
        if not isinstance(node, MappingNode) or not isinstance(data, dict) or step not in data:
            return None, None, None
        found = [value for key, value in node.value if scalar_text(key) == step]
        if len(found) != 1:
            return None, None, None
        node, data, model = found[0], data[step], getattr(model, _LISTS[step])
    return node, data, model


def _parents(document: Document, roadmap, path: tuple):
    """The list node, the data list and the model list holding the item at ``path``, and its index."""
    node: Any = document.root
    data: Any = document.data
    model: Any = roadmap
    for step in path[:-1]:
        if isinstance(step, int):
            node, data, model = node.value[step], data[step], model[step]
        else:
            node = next(value for key, value in reversed(node.value) if scalar_text(key) == step)
            data, model = data[step], getattr(model, _LISTS[step])
    return node, data, model, path[-1]


# -- moving what follows a changed block ------------------------------------------------------------

def _moved_mark(mark: Mark, delta: int) -> Mark:
    # a new mark: the C loader's marks cannot be changed, and several nodes may share one
    moved: Mark = _new_mark(mark.name, mark.index, mark.line + delta, mark.column, None, 0)  # no buffer: no snippet
    return moved


def _shift_nodes(root: Node | None, end: int, delta: int, skip: Node) -> None:
    """Move the nodes at or after the 0-based line ``end`` by ``delta`` lines."""
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if node is skip or node.end_mark.line < end:
            continue
        if node.start_mark.line >= end:
            node.start_mark = _moved_mark(node.start_mark, delta)
        node.end_mark = _moved_mark(node.end_mark, delta)
        if isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)


def _span(span: Span, end: int, delta: int) -> Span:
    """``span`` (1-based) with its ends at or after the 0-based line ``end`` moved."""
    line = span.line + delta if span.line > end else span.line
    end_line = span.end_line + delta if span.end_line > end else span.end_line
    if line == span.line and end_line == span.end_line:
        return span
    return Span(line, span.column, end_line, span.end_column)


_FIELDS: dict[type, tuple[str, ...]] = {}
# field types of the model that hold no located object
_PLAIN = frozenset({"str", "int", "bool", "float", "date", "datetime.date", "None", "list[str]", "dict", "Span",
                    "dict[str, Span]"})


def _located_fields(kind: type) -> tuple[str, ...]:
    """The fields of a model class that may hold located objects (read from its annotations)."""
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = tuple(
            f.name for f in dataclasses.fields(kind)
            if not all(part.strip() in _PLAIN for part in str(f.type).split("|")))
    return names


def _shift_model(obj: Any, end: int, delta: int, skip: Any) -> None:
    """Move the spans of the model's objects at or after the 0-based line ``end``."""
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, Located):
            if item is skip or (item.span != NOWHERE and item.span.end_line <= end
                                and all(s.end_line <= end for s in item.spans.values())):
                continue
            item.span = _span(item.span, end, delta)
            item.spans = {k: _span(s, end, delta) for k, s in item.spans.items()}
            for name in _located_fields(type(item)):
                value = getattr(item, name)
                if value:
                    stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())


def _shift_ranges(lists: _List, end: int, delta: int) -> None:
    if lists.key_line >= end:
        lists.key_line += delta
    if lists.end >= end:
        lists.end += delta
    for item in lists.items:
        if item.start >= end:
            item.start += delta
        if item.end >= end:
            item.end += delta
        for inner in item.lists:
            _shift_ranges(inner, end, delta)


def _moved(d: Diagnostic, end: int, delta: int) -> Diagnostic:
    span = _span(d.span, end, delta)
    fix = d.fix
    if fix is not None:
        edits = tuple(Edit(_span(e.span, end, delta), e.text) for e in fix.edits)
        if any(e.span is not old.span for e, old in zip(edits, fix.edits)):
            fix = dataclasses.replace(fix, edits=edits)
    if span is d.span and fix is d.fix:
        return d
    return dataclasses.replace(d, span=span, fix=fix)
