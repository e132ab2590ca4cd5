"""Page and type settings of the progress document: the appendix's own (render/style.py), so
that the two documents look alike."""

from __future__ import annotations

from roadmapctl.render.style import Style


def page_style() -> Style:
    return Style()
