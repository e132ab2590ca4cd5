"""Columns as roadmapctl counts them (characters, 1-based) and as an LSP client counts them.

A client counts positions in UTF-16 code units unless it negotiated UTF-8 or UTF-32. Cyrillic
letters are one unit in UTF-16 and two bytes in UTF-8, so the conversion is never skipped.
"""

from __future__ import annotations

from roadmapctl.loading.source import LINE_BREAK


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` with the line breaks PyYAML counts (the pipeline's line numbers)."""
    return LINE_BREAK.split(text)


def units(text: str, encoding: str) -> int:
    """The length of ``text`` in the client's code units."""
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == "utf-32":
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def to_client(lines: list[str], line: int, column: int, encoding: str) -> tuple[int, int]:
    """1-based (line, character column) → 0-based (line, client units)."""
    if line < 1:
        return 0, 0
    if line > len(lines):
        return len(lines) - 1, units(lines[-1], encoding) if lines else 0
    text = lines[line - 1]
    return line - 1, units(text[: max(column - 1, 0)], encoding)


def from_client(lines: list[str], line: int, character: int, encoding: str) -> tuple[int, int]:
    """0-based (line, client units) → 1-based (line, character column)."""
    if line >= len(lines):
        return len(lines), len(lines[-1]) + 1 if lines else 1
    text = lines[max(line, 0)]
    if encoding == "utf-32":
        return line + 1, min(character, len(text)) + 1
    count = 0
    for index, char in enumerate(text):
        if count >= character:
            return line + 1, index + 1
        count += units(char, encoding)
    return line + 1, len(text) + 1
