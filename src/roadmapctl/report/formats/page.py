"""Page and type settings of the progress document: the appendix's own (render/style.py), so
that the two documents look alike; a minimal copy of its defaults when the renderer is absent."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class _Defaults:
    font: str = "Times New Roman"
    text_size: float = 14.0
    table_size: float = 12.0
    margin_top_mm: float = 20.0
    margin_bottom_mm: float = 20.0
    margin_left_mm: float = 20.0
    margin_right_mm: float = 10.0

    @property
    def font_stack(self) -> str:
        return f'"{self.font}", "Liberation Serif", Times, serif'


def page_style():
    try:
        from roadmapctl.render.style import Style
    except ImportError:  # pragma: no cover - the renderer ships with the package
        return _Defaults()
    return Style()
