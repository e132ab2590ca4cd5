"""The formats of ``render``: one row each — its name, the file suffixes it is known by (the first
is the one it writes), other names it answers to, and its writer, a function
``(view, style, template_dir) -> bytes`` of a render module imported only when the format is used.
To add a format, write its module and add one ``Format`` row."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from roadmapctl.render.errors import RenderError


@dataclass(frozen=True)
class Format:
    name: str
    suffixes: tuple[str, ...]
    aliases: tuple[str, ...]
    writer: str  # "module:function" under roadmapctl.render
    binary: bool = False  # not for the screen: it needs a file
    text: bool = False  # on the screen it is text for people: control characters shown visibly
    gantt: bool = False  # can carry the gantt diagram (--gantt)

    @property
    def suffix(self) -> str:
        return self.suffixes[0]

    def write(self, view, style, template_dir: Path | None) -> bytes:
        module, function = self.writer.split(":")
        return getattr(importlib.import_module(f"roadmapctl.render.{module}"), function)(view, style, template_dir)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("docx", (".docx",), ("word",), "docx_writer:render_docx", binary=True),
        Format("html", (".html", ".htm"), ("htm",), "html:render_html"),
        Format("md", (".md", ".markdown"), ("markdown",), "markdown:render_markdown", text=True, gantt=True),
    )
}


def format_named(name: str) -> Format:
    if name not in FORMATS:
        raise RenderError(f"неизвестный формат «{name}»; допустимы: {', '.join(FORMATS)}")
    return FORMATS[name]


def _by_suffix(path: str) -> Format | None:
    suffix = Path(path).suffix.lower()
    return next((f for f in FORMATS.values() if suffix in f.suffixes), None)


def choose_format(to: str | None, output: str | None) -> Format:
    """The format asked for by ``--to`` (a name, an alias or a suffix) or else by the suffix of
    the output file; the two must agree (RenderError)."""
    names = ", ".join(FORMATS)
    spoken = names.rsplit(", ", 1)[0] + " или " + names.rsplit(", ", 1)[1]
    if to is None:
        by_suffix = _by_suffix(output) if output else None
        if by_suffix is not None:
            return by_suffix
        raise RenderError(f"укажите формат: --to {names}")
    asked = to.strip().lower().lstrip(".")
    fmt = next((f for f in FORMATS.values() if asked == f.name or asked in f.aliases), None)
    if fmt is None:
        raise RenderError(f"неизвестный формат «{to}»; допустимы: {spoken}")
    implied = _by_suffix(output) if output else None
    if implied is not None and implied is not fmt:
        raise RenderError(f"расширение «{Path(output or '').suffix.lower()}» файла {output} не подходит для формата {fmt.name}")
    return fmt
