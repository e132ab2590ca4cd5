"""Source positions shared by every stage of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A 1-based region of a source file: from (line, column) up to (end_line, end_column)."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def of_node(cls, node) -> "Span":
        start, end = node.start_mark, node.end_mark
        return cls(start.line + 1, start.column + 1, end.line + 1, end.column + 1)

    @classmethod
    def point(cls, line: int, column: int) -> "Span":
        return cls(line, column, line, column + 1)


NOWHERE = Span(1, 1, 1, 1)
