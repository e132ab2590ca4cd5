"""What a rule reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from roadmapctl.spans import Span


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def russian(self) -> str:
        return "ошибка" if self is Severity.ERROR else "предупреждение"


@dataclass(frozen=True)
class Edit:
    """Replace the source text at ``span`` (1-based lines and columns, end exclusive) by ``text``."""

    span: Span
    text: str


@dataclass(frozen=True)
class Fix:
    """How to correct a finding: text edits on its own span. ``title`` is what an editor offers
    («Заключить номер в кавычки»); a fix that is not ``safe`` may change the meaning of the text,
    so ``check --fix`` applies it only with ``--unsafe-fixes`` (an editor offers it always)."""

    title: str
    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(frozen=True)
class Diagnostic:
    file: str
    span: Span
    code: str
    severity: Severity
    message: str
    hint: str | None = None
    fix: Fix | None = field(default=None, compare=False)

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
            "fix": None if self.fix is None else {
                "title": self.fix.title,
                "safe": self.fix.safe,
                "edits": [{"line": e.span.line, "column": e.span.column, "end_line": e.span.end_line,
                           "end_column": e.span.end_column, "text": e.text} for e in self.fix.edits],
            },
        }
