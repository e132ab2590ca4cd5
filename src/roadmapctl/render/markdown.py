"""GitHub-flavoured Markdown of the document view (template ``roadmap.md.j2``).

Escaping makes every text literal: Markdown punctuation gets a backslash, ``& < >`` become
entities, and in table cells ``|`` is ``\\|`` and paragraphs are joined with ``<br>`` so that no
text can break a row.
"""

from __future__ import annotations

import re
from pathlib import Path

from roadmapctl.render.marker import stamp_text
from roadmapctl.render.style import Style
from roadmapctl.render.templating import render_template
from roadmapctl.render.view import DocumentView, GanttTask, Para

_PUNCT = re.compile(r"([\\`*_\[\]#~|$])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d{1,9}(?=[.)](?:\s|$)))")


def md_text(text: str) -> str:
    """One line of text, literal in any inline position (a paragraph, a heading, a list item)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _PUNCT.sub(r"\\\1", text)
    text = text.replace("\n", " ").strip()

    def protect(match: re.Match) -> str:
        lead, mark = match.groups()
        if mark.isdigit():
            return f"{lead}{mark}\\"  # "1. text" → "1\. text": not an ordered list
        return f"{lead}\\{mark}"

    # Only the start of a line can open a block (list, heading, setext underline).
    text = _LINE_START.sub(protect, text)
    return text


def md_para(para: Para) -> str:
    if para.bullet:
        return f"– {md_text(para.text)}"
    if para.label:
        rest = md_text(para.text)
        return f"**{md_text(para.label)}**" + (f" {rest}" if rest else "")
    return md_text(para.text)


def md_cell(paragraphs) -> str:
    """A table cell: paragraphs joined by <br>; nothing in the text can end the cell or row."""
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    parts = []
    for p in paragraphs:
        text = p if isinstance(p, str) else p.line
        parts.append(md_text(text))
    return "<br>".join(x for x in parts if x)


def md_lines(lines: list[str]) -> str:
    """Lines of a requisite block: hard line breaks (a backslash at the end) between them."""
    return "\\\n".join(md_text(line) for line in lines if line)


_MERMAID_BAD = re.compile(r"[:;#%<>`\"{}\[\]\\|&]")


def mermaid_text(text: str, limit: int = 80) -> str:
    """A mermaid task or section title: no character that ends the title or starts a comment."""
    text = _MERMAID_BAD.sub(" ", text.replace("\n", " "))
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text or "—"


def gantt_lines(tasks: list[GanttTask]) -> list[str]:
    lines: list[str] = []
    current = None
    for index, task in enumerate(tasks, 1):
        section = mermaid_text(task.section) if task.section else "Без раздела"
        if section != current:
            lines.append(f"section {section}")
            current = section
        title = mermaid_text(task.title)
        if task.end is None:
            lines.append(f"{title} :milestone, t{index}, {task.start.isoformat()}, 0d")
        else:
            lines.append(f"{title} :t{index}, {task.start.isoformat()}, {task.end.isoformat()}")
    return lines


FILTERS = {"md": md_text, "md_para": md_para, "md_cell": md_cell, "md_lines": md_lines, "mermaid": mermaid_text}


def render_markdown(view: DocumentView, style: Style, template_dir: Path | None = None) -> bytes:
    text = render_template(
        "roadmap.md.j2", template_dir, False, FILTERS,
        doc=view, style=style, gantt=gantt_lines(view.gantt) if view.gantt else None,
    )
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
    return stamp_text(text, view.identity)
