"""One self-contained HTML page of the document view (template ``roadmap.html.j2``, autoescaped)."""

from __future__ import annotations

from pathlib import Path

from roadmapctl.render.marker import stamp_text
from roadmapctl.render.style import Style
from roadmapctl.render.templating import render_template
from roadmapctl.render.view import DocumentView


def render_html(view: DocumentView, style: Style, template_dir: Path | None = None) -> bytes:
    text = render_template("roadmap.html.j2", template_dir, True, {}, doc=view, style=style)
    return stamp_text(text, view.identity, html=True)
