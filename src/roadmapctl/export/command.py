"""``export`` as one call: a request in, an outcome out."""

from __future__ import annotations

from dataclasses import dataclass, field

from roadmapctl.document.pipeline import FileProblem, Policy, exit_status, load_roadmaps


@dataclass(frozen=True)
class ExportRequest:
    files: tuple[str, ...]
    format: str = "json"
    output: str | None = None  # a file; None: the outcome's data is for the standard output
    force: bool = False
    policy: Policy = Policy.CONTINUE


@dataclass
class ExportOutcome:
    data: bytes | None = None  # the export; None when no file was a roadmap
    written: bool = False
    problems: list[FileProblem] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return exit_status(self.problems)


def run(request: ExportRequest) -> ExportOutcome:
    """The export of the request's files that are valid roadmaps; the others are the outcome's
    problems. ``writing.OutputError`` when the output file cannot be written."""
    from roadmapctl.export import FORMATS, export_roadmaps

    batch = load_roadmaps(request.files, request.policy)
    outcome = ExportOutcome(problems=list(batch.problems))
    if not batch.roadmaps:
        return outcome
    outcome.data = export_roadmaps(batch.roadmaps, request.format)
    if request.output is not None:
        from roadmapctl.outputs import replaceable
        from roadmapctl.writing import write_output

        outcome.written = write_output(request.output, outcome.data, inputs=request.files, force=request.force,
                                       replaceable=replaceable(FORMATS))
    return outcome
