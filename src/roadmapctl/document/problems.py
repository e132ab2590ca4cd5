"""Why a text is not a roadmap: the located problems the pipeline returns as values."""

from __future__ import annotations

from dataclasses import dataclass

from roadmapctl.spans import Span


@dataclass(frozen=True)
class Problem:
    """One reason a text is not a valid roadmap: the code of the check rule that reports it
    (RM001 for a text that is not UTF-8 YAML, RM1xx for the schema), a Russian message, where it
    is, an optional hint, and a correction the checker can offer (replace the source text at this
    span by this text)."""

    code: str
    message: str
    span: Span
    hint: str | None = None
    replacement: tuple[Span, str] | None = None
