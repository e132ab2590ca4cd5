"""Why a text is not a roadmap: the located problems the pipeline returns as values; and the
problems of a batch of files (which file could not be used), the batch policy every command
shares, and the exit status they make. Light on purpose: the command line imports it at start."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from roadmapctl.spans import Span

if TYPE_CHECKING:
    from roadmapctl.document.pipeline import Loaded


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


EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class Policy(Enum):
    """What a command does with a file of a batch that is not a valid roadmap. Every command runs
    with ``CONTINUE``; ``STOP`` is for a caller that wants nothing done unless every file is valid."""

    CONTINUE = "continue"  # report the file, process the others; the outcome's status is 1
    STOP = "stop"          # report the file and process no other


@dataclass(frozen=True)
class FileProblem:
    """One file of a batch that could not be used. ``loaded`` is set when the text is not a valid
    roadmap (reported as ``check`` reports it); ``io`` when the file could not be read or written,
    or the command may not do what was asked with it (exit 2). Otherwise it is a finding (exit 1)."""

    name: str
    message: str
    loaded: Loaded | None = None
    io: bool = False

    @property
    def usage(self) -> bool:
        """An input-output or usage problem rather than a finding."""
        return self.io


def exit_status(problems: Iterable[FileProblem], findings: bool = False) -> int:
    """The exit status of a command: 2 when a file could not be read or written, else 1 when a
    file is not a valid roadmap or the command found what it was asked to find, else 0."""
    listed = list(problems)
    if any(p.usage for p in listed):
        return EXIT_USAGE
    return EXIT_FINDINGS if listed or findings else EXIT_OK
