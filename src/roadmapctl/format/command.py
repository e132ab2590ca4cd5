"""``fmt`` as one call: a request in, an outcome out. A file that cannot be formatted is a problem
of the outcome and the others are formatted (the batch policy of every command)."""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass, field
from enum import Enum

from roadmapctl.document.problems import FileProblem, Policy, exit_status
from roadmapctl.format import FormatError, Formatted, format_bytes, format_path

STDIN = "<stdin>"


class Mode(Enum):
    WRITE = "write"  # write each file in the one layout
    CHECK = "check"  # change nothing; a file to format is a finding (for CI)
    DIFF = "diff"    # change nothing; the outcome has each file before and after

    @property
    def dry(self) -> bool:
        return self is not Mode.WRITE


@dataclass(frozen=True)
class FmtRequest:
    files: tuple[str, ...]          # "-" alone: the standard input, given as ``stdin``
    mode: Mode = Mode.WRITE
    stdin: bytes | None = None
    policy: Policy = Policy.CONTINUE


@dataclass
class FmtOutcome:
    mode: Mode
    formatted: list[Formatted] = field(default_factory=list)  # every file read, before and after
    problems: list[FileProblem] = field(default_factory=list)

    @property
    def changed(self) -> list[Formatted]:
        return [f for f in self.formatted if f.changed]

    @property
    def exit_code(self) -> int:
        return exit_status(self.problems, findings=self.mode.dry and bool(self.changed))


def _problem(exc: FormatError) -> FileProblem:
    return FileProblem(exc.name, str(exc), io=exc.io)


def _one(path: str, mode: Mode) -> Formatted | FileProblem:
    from roadmapctl.writing import locked, write_output

    with nullcontext() if mode.dry else locked(path):  # a concurrent mark or fmt waits
        try:
            result = format_path(path)
        except FormatError as exc:
            return _problem(exc)
        if result.changed and mode is Mode.WRITE:
            write_output(path, result.after, editing=True)
    return result


def run(request: FmtRequest) -> FmtOutcome:
    """Format the request's files (or its standard input, which is only read: the formatted text
    is the outcome's for the caller to print)."""
    outcome = FmtOutcome(request.mode)
    if request.files == ("-",):
        data = request.stdin or b""
        try:
            outcome.formatted.append(Formatted(STDIN, data, format_bytes(data, STDIN)))
        except FormatError as exc:
            outcome.problems.append(_problem(exc))
        return outcome
    for path in request.files:
        done = _one(path, request.mode)
        if isinstance(done, FileProblem):
            outcome.problems.append(done)
            if request.policy is Policy.STOP:
                break
        else:
            outcome.formatted.append(done)
    return outcome
