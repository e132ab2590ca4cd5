"""``render`` as one call: a request in, an outcome out (the CLI reads options into the request,
shows a progress bar through ``progress`` and prints the outcome)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from roadmapctl.document.pipeline import (
    FileProblem,
    Policy,
    exit_status,
    roadmap_or_problem,
)
from roadmapctl.render.errors import RenderError
from roadmapctl.render.formats import Format
from roadmapctl.render.options import Options


@dataclass(frozen=True)
class RenderRequest:
    files: tuple[str, ...]
    format: Format
    options: Options = field(default_factory=Options)
    output: str | None = None  # a file, or a folder for several roadmaps; None: the screen
    force: bool = False
    policy: Policy = Policy.CONTINUE


@dataclass(frozen=True)
class Rendered:
    """One roadmap rendered: where it went, and what the user should know about it."""

    source: str
    file: str                      # the roadmap's file as the model names it
    target: Path | None            # None: the screen (``data`` is for the standard output)
    written: bool                  # False: the file held these bytes already
    data: bytes
    format_text: bool = False      # on the screen, text for people (``Format.text``)
    notes: tuple[str, ...] = ()


@dataclass
class RenderOutcome:
    rendered: list[Rendered] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    targets: list[Path | None] = field(default_factory=list)

    @property
    def written(self) -> int:
        return sum(r.target is not None and r.written for r in self.rendered)

    @property
    def unchanged(self) -> int:
        return sum(r.target is not None and not r.written for r in self.rendered)

    @property
    def exit_code(self) -> int:
        return exit_status(self.problems)


def plan(request: RenderRequest) -> list[Path | None]:
    """Where each roadmap goes; RenderError for a request that cannot be served (several roadmaps
    onto one file, a document onto the screen, a broken style.yaml) before any work."""
    from roadmapctl.render.output import targets

    if "-" in request.files and len(request.files) > 1:
        raise RenderError("«-» (стандартный ввод) нельзя сочетать с другими путями")
    planned = targets(list(request.files), request.format, request.output)
    request.options.style()  # style.yaml errors before any work
    return planned


def _render_one(request: RenderRequest, source: str, target: Path | None) -> Rendered | FileProblem:
    from roadmapctl.render import render
    from roadmapctl.render.output import write_file
    from roadmapctl.render.view import identity_of

    loaded = roadmap_or_problem(source)
    if isinstance(loaded, FileProblem):
        return loaded
    roadmap = loaded.roadmap
    assert roadmap is not None
    options = replace(request.options, notes=[])
    try:
        data = render(roadmap, request.format.name, options)
        written = True
        if target is not None:
            written = write_file(target, data, identity_of(roadmap), request.force, list(request.files))
    except RenderError as exc:
        return FileProblem(source, str(exc), io=True)
    return Rendered(source, roadmap.file, target, written, data, request.format.text, tuple(dict.fromkeys(options.notes)))


def run(request: RenderRequest, progress: Callable[[str], None] | None = None) -> RenderOutcome:
    """Render each file of the request (``progress(source)`` after each); a file that is not a
    valid roadmap, or whose target may not be written, is a problem of the outcome and the others
    are rendered. RenderError for a request that cannot be served (:func:`plan`)."""
    outcome = RenderOutcome(targets=plan(request))
    for source, target in zip(request.files, outcome.targets):
        done = _render_one(request, source, target)
        if isinstance(done, FileProblem):
            outcome.problems.append(done)
        else:
            outcome.rendered.append(done)
        if progress is not None:
            progress(source)
        if outcome.problems and request.policy is Policy.STOP:
            break
    return outcome
