"""Comments of a YAML file, found from the text and the positions of the composed nodes.

A full-line comment belongs to the entry (mapping key or sequence item) that follows it, so it
travels with that entry when keys are put in canonical order; an end-of-line comment belongs to
the last entry that starts on or before its line. The ``# yaml-language-server`` line stays first.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from yaml.nodes import MappingNode, Node, SequenceNode

from roadmapctl.loading.document import walk_nodes

_BLOCK_HEADER = re.compile(r"[|>][+\-0-9]*")
_EOL = re.compile(r"(?:(?<=\s)|^)#")
HEADER_PREFIX = "# yaml-language-server:"


@dataclass
class Comments:
    header: list[str] = field(default_factory=list)
    before: dict[int, list[str]] = field(default_factory=dict)  # id(anchor node) → full-line comments
    eol: dict[int, str] = field(default_factory=dict)  # id(anchor node) → end-of-line comment
    trailing: list[str] = field(default_factory=list)

    def count(self) -> int:
        return len(self.header) + sum(map(len, self.before.values())) + len(self.eol) + len(self.trailing)


def _entries(root: Node | None) -> list[tuple[int, int, int]]:
    """(start line, depth, id) of every mapping entry (its key node) and sequence item."""
    out: list[tuple[int, int, int]] = []
    stack: list[tuple[Node, int]] = [(root, 0)] if root is not None else []
    seen: set[int] = set()
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:  # an alias: the same node object again
            continue
        seen.add(id(node))
        if isinstance(node, MappingNode):
            for key, value in node.value:
                out.append((key.start_mark.line, depth, id(key)))
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
        elif isinstance(node, SequenceNode):
            for item in node.value:
                out.append((item.start_mark.line, depth, id(item)))
                stack.append((item, depth + 1))
    out.sort()
    return out


def _coverage(root: Node | None, lines: list[str]) -> dict[int, int]:
    """For each line, the column up to which it is taken by scalars (a '#' before it is text)."""
    cover: dict[int, int] = {}

    def mark(line: int, column: int) -> None:
        if column > cover.get(line, -1):
            cover[line] = column

    for node in walk_nodes(root):
        if isinstance(node, (MappingNode, SequenceNode)):
            continue
        start, end = node.start_mark, node.end_mark
        if node.style in ("|", ">"):
            text = lines[start.line] if start.line < len(lines) else ""
            header = _BLOCK_HEADER.match(text, start.column)
            mark(start.line, header.end() if header else start.column + 1)
            for line in range(start.line + 1, end.line):
                mark(line, len(lines[line]) if line < len(lines) else 0)
            if end.line > start.line:
                mark(end.line, end.column)
            continue
        if end.line == start.line:
            mark(start.line, end.column)
            continue
        mark(start.line, len(lines[start.line]) if start.line < len(lines) else 0)
        for line in range(start.line + 1, end.line):
            mark(line, len(lines[line]) if line < len(lines) else 0)
        mark(end.line, end.column)
    return cover


def collect(root: Node | None, lines: list[str]) -> Comments:
    comments = Comments()
    entries = _entries(root)
    starts = [entry[0] for entry in entries]
    cover = _coverage(root, lines)
    first_entry_line = starts[0] if starts else len(lines)
    for number, line in enumerate(lines):
        taken = cover.get(number, 0)
        stripped = line.lstrip()
        if stripped.startswith("#") and len(line) - len(stripped) >= taken:
            text = stripped.rstrip()
            if number < first_entry_line and text.startswith(HEADER_PREFIX):
                comments.header.append(text)
                continue
            index = bisect.bisect_right(starts, number)
            if index < len(entries):
                # the outermost entry starting on that line (a sequence item before its first key)
                comments.before.setdefault(entries[index][2], []).append(text)
            else:
                comments.trailing.append(text)
            continue
        found = _EOL.search(line, taken) if "#" in line[taken:] else None
        if found is None:
            continue
        text = line[found.start():].rstrip()
        index = bisect.bisect_right(starts, number) - 1
        if index < 0:
            comments.header.append(text)
            continue
        anchor = entries[index][2]
        if anchor in comments.eol:  # two comments for one entry: keep both, in order
            comments.eol[anchor] += " " + text
        else:
            comments.eol[anchor] = text
    return comments
