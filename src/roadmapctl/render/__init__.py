"""Rendering a roadmap as the official appendix to an order: DOCX, HTML, Markdown.

One view of the document (``view.build_view``) is built once from the model; each format
(``formats.FORMATS``) renders that view. Heavy libraries (python-docx, Jinja2) are imported only
when their format is asked for. ``options`` holds what a rendering is asked for, ``errors`` what
can go wrong, ``output`` where the files go.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from roadmapctl.render.options import Options


def build(roadmap, options: Options | None = None):
    """The document view of a roadmap (see ``roadmapctl.render.view``)."""
    from roadmapctl.render.options import Options
    from roadmapctl.render.view import build_view

    options = options or Options()
    return build_view(roadmap, options.style(), with_order=options.with_order, gantt=options.gantt,
                      blank_approval=options.blank_approval)


def render(roadmap, fmt: str, options: Options | None = None) -> bytes:
    """The roadmap in ``fmt`` ("docx", "html" or "md"), as the bytes of the file."""
    from roadmapctl.render.formats import format_named
    from roadmapctl.render.options import Options

    writer = format_named(fmt)
    options = options or Options()
    style = options.style()
    from roadmapctl.render.view import build_view

    view = build_view(roadmap, style, with_order=options.with_order, gantt=options.gantt and writer.gantt,
                      blank_approval=options.blank_approval)
    options.notes.extend(view.notes)
    if view.gantt_note:
        options.notes.append(view.gantt_note)
    return writer.write(view, style, options.template_dir)


__all__ = ["build", "render"]
