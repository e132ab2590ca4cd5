"""Rendering a roadmap as the official appendix to an order: DOCX, HTML, Markdown.

One view of the document (``view.build_view``) is built once from the model; each format renders
that view. Heavy libraries (python-docx, Jinja2) are imported only when their format is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

FORMATS = ("docx", "html", "md")
SUFFIXES = {"docx": ".docx", "html": ".html", "md": ".md"}
SUFFIX_FORMATS = {".docx": "docx", ".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


class RenderError(Exception):
    """A problem with a template or the style settings (the message is in Russian)."""


@dataclass
class Options:
    template_dir: Path | None = None
    edition: int | None = None
    gantt: bool = False
    with_order: bool = False
    notes: list[str] = field(default_factory=list)

    def style(self):
        from roadmapctl.render.style import StyleError, load_style

        try:
            return load_style(self.template_dir, self.edition)
        except StyleError as exc:
            raise RenderError(str(exc)) from None


def build(roadmap, options: Options | None = None):
    """The document view of a roadmap (see ``roadmapctl.render.view``)."""
    from roadmapctl.render.view import build_view

    options = options or Options()
    return build_view(roadmap, options.style(), with_order=options.with_order, gantt=options.gantt)


def render(roadmap, fmt: str, options: Options | None = None) -> bytes:
    """The roadmap in ``fmt`` ("docx", "html" or "md"), as the bytes of the file."""
    if fmt not in FORMATS:
        raise RenderError(f"неизвестный формат «{fmt}»; допустимы: {', '.join(FORMATS)}")
    options = options or Options()
    style = options.style()
    from roadmapctl.render.view import build_view

    view = build_view(roadmap, style, with_order=options.with_order, gantt=options.gantt and fmt == "md")
    options.notes.extend(view.notes)
    if view.gantt_note:
        options.notes.append(view.gantt_note)
    if fmt == "md":
        from roadmapctl.render.markdown import render_markdown

        return render_markdown(view, style, options.template_dir)
    if fmt == "html":
        from roadmapctl.render.html import render_html

        return render_html(view, style, options.template_dir)
    from roadmapctl.render.docx_writer import render_docx

    return render_docx(view, style, options.template_dir)


__all__ = ["FORMATS", "Options", "RenderError", "SUFFIXES", "SUFFIX_FORMATS", "build", "render"]
