"""Reviewing changes to roadmaps: activity matching, change lists, git access, output formats.

``diff_roadmaps(old, new)`` compares two models; :mod:`roadmapctl.diff.gitio` finds what git
changed; :mod:`roadmapctl.diff.output` renders the changes as text, Markdown or JSON.
"""

from __future__ import annotations

from roadmapctl.diff.changes import KINDS, Change, RoadmapDiff, diff_roadmaps, word_diff


class ReviewError(Exception):
    """A roadmap to compare cannot be read (the message is Russian and names file:line:col)."""


def model_from_bytes(name: str, data: bytes):
    """One version of a roadmap through the pipeline; ReviewError when it is not a valid roadmap."""
    from roadmapctl.document.pipeline import load_bytes

    loaded = load_bytes(name, data)
    if loaded.roadmap is not None:
        return loaded.roadmap
    if loaded.document is None:  # not text, or not YAML: the one problem, where it is
        problem = loaded.problems[0]
        raise ReviewError(f"{loaded.name}:{problem.span.line}:{problem.span.column}: {problem.message}")
    if loaded.document.data is None:
        raise ReviewError(f"{name}: файл пуст — в нём нет дорожной карты")
    raise ReviewError(
        loaded.describe() + f"\nДорожная карта {name} не соответствует формату, сравнить её нельзя; "
        f"исправьте ошибки (roadmapctl check {name})"
    )


__all__ = ["KINDS", "Change", "ReviewError", "RoadmapDiff", "diff_roadmaps", "model_from_bytes", "word_diff"]
