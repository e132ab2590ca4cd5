"""Reviewing changes to roadmaps: activity matching, change lists, git access, output formats.

``diff_roadmaps(old, new)`` compares two models; :mod:`roadmapctl.diff.gitio` finds what git
changed; :mod:`roadmapctl.diff.output` renders the changes as text, Markdown or JSON.
"""

from __future__ import annotations

from roadmapctl.diff.changes import KINDS, Change, RoadmapDiff, diff_roadmaps, word_diff


class ReviewError(Exception):
    """A roadmap to compare cannot be read (the message is Russian and names file:line:col)."""


def model_from_bytes(name: str, data: bytes):
    """Decode, load, validate and build one version of a roadmap; ReviewError when it is broken."""
    from roadmapctl.document.build import build_roadmap
    from roadmapctl.loading import load_document
    from roadmapctl.loading.source import SourceError, decode
    from roadmapctl.document.schema import validate

    try:
        doc = load_document(decode(name, data))
    except SourceError as exc:
        where = f"{exc.name}:{exc.span.line}:{exc.span.column}" if exc.span else exc.name
        raise ReviewError(f"{where}: {exc.message}") from None
    if doc.data is None:
        raise ReviewError(f"{name}: файл пуст — в нём нет дорожной карты")
    problems = validate(doc)
    if problems:
        shown = [f"{name}:{p.span.line}:{p.span.column}: {p.message}" for p in problems[:5]]
        more = len(problems) - len(shown)
        tail = f"\n… и ещё {more}" if more > 0 else ""
        raise ReviewError(
            "\n".join(shown) + tail + f"\nДорожная карта {name} не соответствует формату, сравнить её нельзя; "
            f"исправьте ошибки (roadmapctl check {name})"
        )
    return build_roadmap(doc)


__all__ = ["KINDS", "Change", "ReviewError", "RoadmapDiff", "diff_roadmaps", "model_from_bytes", "word_diff"]
