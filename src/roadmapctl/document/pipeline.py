"""The one entry every command uses to read a roadmap: bytes → text → YAML with positions →
schema verdict → model.

The outcome is a value, never an exception for bad content: a :class:`Loaded` carries the
roadmap when the text is a valid roadmap, and otherwise the located problems that stop it (the
text is not UTF-8, not YAML, or does not match the schema), with whatever stages did succeed, so
that ``check`` can run its rules on a document that failed the schema and an editor can still
offer hover on it. Only trouble reading a file (missing, unreadable, a folder) raises
``SourceError`` with ``io`` set: that is a usage problem, not a finding.

A consumer that needs a roadmap asks :func:`require_roadmap`: the ``Loaded`` value with its
roadmap, or :class:`NotARoadmap` carrying the value with the problems that stop it, for the front
end to report as ``check`` would. The batch policy every command shares is
:func:`load_roadmaps` (``Policy``): a broken file is reported and the others are processed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from roadmapctl.document.model import Roadmap
from roadmapctl.document.problems import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    FileProblem,
    Policy,
    Problem,
    exit_status,
)
from roadmapctl.loading import Document, Source
from roadmapctl.loading.source import SourceError, decode, read_source
from roadmapctl.spans import Span


@dataclass(frozen=True)
class Loaded:
    """What the pipeline made of one text.

    ``source`` is None when the bytes are not text, ``document`` when the text is not YAML;
    ``problems`` is empty exactly when ``roadmap`` is present.
    """

    name: str
    source: Source | None
    document: Document | None
    problems: tuple[Problem, ...]
    roadmap: Roadmap | None

    @property
    def readable(self) -> bool:
        """The text is YAML (its schema problems, if any, are in ``problems``)."""
        return self.document is not None

    def describe(self, limit: int = 5) -> str:
        """The problems as ``name:line:column: message`` lines, at most ``limit`` of them."""
        shown = [f"{self.name}:{p.span.line}:{p.span.column}: {p.message}" for p in self.problems[:limit]]
        more = len(self.problems) - len(shown)
        return "\n".join(shown) + (f"\n… и ещё {more}" if more > 0 else "")


def _unreadable(name: str, source: Source | None, exc: SourceError) -> Loaded:
    problem = Problem(exc.code, exc.message, exc.span or Span.point(1, 1))
    return Loaded(exc.name or name, source, None, (problem,), None)


def load_source(source: Source) -> Loaded:
    """Load, validate and build the roadmap of a decoded text."""
    from roadmapctl.document.schema import validate
    from roadmapctl.loading import load_document

    try:
        document = load_document(source)
    except SourceError as exc:
        return _unreadable(source.name, source, exc)
    problems = tuple(validate(document))
    if problems:
        return Loaded(source.name, source, document, problems, None)
    from roadmapctl.document.build import build_roadmap

    return Loaded(source.name, source, document, (), build_roadmap(document))


def load_bytes(name: str, data: bytes, path: Path | None = None) -> Loaded:
    """The pipeline for bytes that did not come from a file of their own (a git revision, an
    editor's buffer, standard input)."""
    try:
        source = decode(name, data, path)
    except SourceError as exc:
        return _unreadable(name, None, exc)
    return load_source(source)


def load_path(path: str | Path) -> Loaded:
    """The pipeline for a file (``-`` is standard input). Raises SourceError (with ``io`` set)
    only when the file itself cannot be read."""
    try:
        source = read_source(path)
    except SourceError as exc:
        if exc.io:
            raise
        return _unreadable(str(path), None, exc)
    return load_source(source)


class NotARoadmap(Exception):
    """The file is readable but not a valid roadmap (not UTF-8, not YAML, against the schema):
    ``loaded`` holds what the pipeline made of it and its problems."""

    def __init__(self, loaded: Loaded):
        super().__init__(f"{loaded.name}: не дорожная карта\n{loaded.describe()}")
        self.loaded = loaded


def require_roadmap(path: str | Path) -> Loaded:
    """The pipeline for a file whose roadmap a consumer needs: the ``Loaded`` value, which has a
    roadmap. Raises :class:`NotARoadmap` when the text is not a valid roadmap, and SourceError
    (with ``io`` set) when the file cannot be read."""
    loaded = load_path(path)
    if loaded.roadmap is None:
        raise NotARoadmap(loaded)
    return loaded


@dataclass
class Batch:
    """The roadmaps of a batch of files, in order, and the files that could not be used."""

    loaded: list[Loaded] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    stopped: bool = False  # Policy.STOP met a broken file: ``loaded`` is empty

    @property
    def roadmaps(self) -> list[Roadmap]:
        return [item.roadmap for item in self.loaded if item.roadmap is not None]


def roadmap_or_problem(path: str | Path) -> Loaded | FileProblem:
    """:func:`require_roadmap` for one file of a batch: the ``Loaded`` value with its roadmap, or
    the :class:`FileProblem` that stops the file."""
    try:
        return require_roadmap(path)
    except NotARoadmap as exc:
        return FileProblem(exc.loaded.name, str(exc), exc.loaded)
    except SourceError as exc:
        return FileProblem(exc.name or str(path), exc.shown, io=True)


def load_roadmaps(paths: Iterable[str], policy: Policy = Policy.CONTINUE) -> Batch:
    """:func:`require_roadmap` for each file; a file that is not a valid roadmap, or cannot be
    read, becomes a :class:`FileProblem` and, under ``Policy.CONTINUE``, the others are loaded."""
    batch = Batch()
    for path in paths:
        got = roadmap_or_problem(path)
        if isinstance(got, FileProblem):
            batch.problems.append(got)
        else:
            batch.loaded.append(got)
        if batch.problems and policy is Policy.STOP:
            batch.loaded.clear()
            batch.stopped = True
            break
    return batch


__all__ = [
    "EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "Batch", "FileProblem", "Loaded", "NotARoadmap", "Policy", "Problem",
    "exit_status", "load_bytes", "load_path", "load_roadmaps", "load_source", "require_roadmap", "roadmap_or_problem",
]
