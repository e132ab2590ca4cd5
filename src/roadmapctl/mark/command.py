"""``mark`` as one call: a request in, an outcome out. The read, the edit and the write happen
under one OS lock, so that a second ``mark`` on the same file waits for this one and then edits
its result (no update is lost)."""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass, field

from roadmapctl.document.pipeline import (
    FileProblem,
    exit_status,
    roadmap_or_problem,
)
from roadmapctl.mark.edits import EditError, EditResult, MarkRequest


@dataclass(frozen=True)
class MarkFileRequest:
    file: str
    edit: MarkRequest
    dry_run: bool = False          # compute the change, write nothing (the outcome has the diff)


@dataclass
class MarkOutcome:
    result: EditResult | None = None  # the edit (``changed`` False: the file already said so)
    diff: str | None = None           # the dry run's unified diff
    written: bool = False
    warnings: list[str] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return exit_status(self.problems)


def _diff(file: str, old: str, new: str) -> str:
    import difflib

    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        fromfile=file, tofile=file))


def run(request: MarkFileRequest) -> MarkOutcome:
    """Record the edit in the file. A file that is not a valid roadmap is left alone (a problem of
    the outcome, exit 1); an edit the file does not allow, or a file that cannot be written, is a
    usage problem (exit 2) and the file is not changed."""
    from roadmapctl.mark.edits import mark_loaded
    from roadmapctl.mark.hints import mark_warnings
    from roadmapctl.writing import OutputError, locked, write_output

    file = request.file
    outcome = MarkOutcome()
    with nullcontext() if request.dry_run else locked(file):
        loaded = roadmap_or_problem(file)
        if isinstance(loaded, FileProblem):
            outcome.problems.append(loaded)
            return outcome
        try:
            outcome.result = result = mark_loaded(loaded, request.edit)
        except EditError as exc:
            outcome.problems.append(FileProblem(file, f"{file}: {exc}", io=True))
            return outcome
        if not result.changed:
            return outcome
        if request.dry_run:
            assert loaded.source is not None
            outcome.diff = _diff(file, loaded.source.text, result.text)
            return outcome
        try:
            outcome.written = write_output(file, result.data, editing=True)
        except OutputError as exc:
            text = str(exc)
            outcome.problems.append(FileProblem(file, text if "не изменён" in text else f"{text}; файл не изменён", io=True))
            return outcome
    assert loaded.roadmap is not None
    outcome.warnings = mark_warnings(loaded.roadmap, request.edit, result.number)
    return outcome
