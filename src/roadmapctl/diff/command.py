"""``diff`` as one call: a request in, an outcome out (which versions to compare is
``diff/versions.py``; this adds the report, its file and the exit status)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from roadmapctl.document.problems import FileProblem, exit_status


@dataclass(frozen=True)
class DiffRequest:
    args: tuple[str, ...]           # two files; with ``git_base``: an optional revision and paths
    git_base: str | None = None
    format: str = "text"
    output: str | None = None       # a file; None: the outcome's report is for the screen
    force: bool = False
    color: bool = False             # paint the text report
    fail_on_change: bool = False    # a change is a finding (--exit-code)


@dataclass
class DiffOutcome:
    report: str = ""
    changed: bool = False
    problems: list[FileProblem] = field(default_factory=list)  # versions that are not valid roadmaps
    fail_on_change: bool = False

    @property
    def exit_code(self) -> int:
        return exit_status(self.problems, findings=self.fail_on_change and self.changed)


class UsageProblem(ValueError):
    """The request names no two files (the message is Russian)."""


def run(request: DiffRequest) -> DiffOutcome:
    """Compare, write the report to the request's file (if any) and say what was found. Raises
    UsageProblem, ``versions.VersionsError`` or ``gitio.GitError`` for a request that cannot be
    served; ``writing.OutputError`` when the report cannot be written."""
    from roadmapctl.diff.output import FORMATS, render
    from roadmapctl.diff.versions import compare_files, compare_git
    from roadmapctl.outputs import replaceable
    from roadmapctl.writing import write_output

    args = list(request.args)
    if request.git_base is not None:
        comparison = compare_git(request.git_base, args)
    elif len(args) == 2:
        comparison = compare_files(args[0], args[1])
    else:
        raise UsageProblem("укажите два файла: roadmapctl diff СТАРЫЙ.yaml НОВЫЙ.yaml, "
                           "или ревизию git: roadmapctl diff --git БАЗА [ВЕРСИЯ] [ПУТЬ…]")
    row = FORMATS[request.format]
    color = request.color and row.color
    outcome = DiffOutcome(render(comparison.diffs, request.format, color), comparison.changed,
                          [FileProblem("", problem) for problem in comparison.problems], request.fail_on_change)
    if request.output is not None:
        inputs = [a for a in args if Path(a).is_file()] if request.git_base is None else []
        write_output(request.output, outcome.report, inputs=inputs, force=request.force,
                     replaceable=replaceable(FORMATS), text=row.text, color=color)
    return outcome
