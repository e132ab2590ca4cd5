"""What a rule reports."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from roadmapctl.spans import Span


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def russian(self) -> str:
        return "ошибка" if self is Severity.ERROR else "предупреждение"


@dataclass(frozen=True)
class Diagnostic:
    file: str
    span: Span
    code: str
    severity: Severity
    message: str
    hint: str | None = None

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def sort_key(self):
        return (self.file, self.span.line, self.span.column, self.code, self.message)

    def to_json(self) -> dict:
        return {
            "file": self.file,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
        }
