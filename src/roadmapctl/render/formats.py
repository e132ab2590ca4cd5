"""The formats of ``render``: one row each (``roadmapctl.outputs.OutputFormat``) — its name, the
file suffixes it is known by (the first is the one it writes), other names it answers to, and its
writer, a function ``(view, style, template_dir) -> bytes`` of a render module imported only when
the format is used; and whether it can carry the gantt diagram. To add a format, write its module
and add one row."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from roadmapctl.outputs import OutputFormat, find, spoken, table
from roadmapctl.render.errors import RenderError


def _ours(old: bytes) -> bool:
    """A rendering by roadmapctl, untouched since (``write_file`` also asks that it be of the same
    roadmap and not of a newer version: ``marker.refusal``)."""
    from roadmapctl.render.marker import read_mark

    mark, untouched = read_mark(old)
    return mark is not None and untouched


@dataclass(frozen=True)
class Format(OutputFormat):
    gantt: bool = False  # can carry the gantt diagram (--gantt)


def _format(name: str, suffixes: tuple[str, ...], aliases: tuple[str, ...], writer: str, **flags: bool) -> Format:
    return Format(name, suffixes, f"roadmapctl.render.{writer}", _ours, aliases=aliases, **flags)


FORMATS: dict[str, Format] = table(
    _format("docx", (".docx",), ("word",), "docx_writer:render_docx", binary=True),
    _format("html", (".html", ".htm"), ("htm",), "html:render_html"),
    _format("md", (".md", ".markdown"), ("markdown",), "markdown:render_markdown", text=True, gantt=True),
)


def format_named(name: str) -> Format:
    try:
        return find(FORMATS, name)
    except ValueError as exc:
        raise RenderError(str(exc)) from None


def _by_suffix(path: str) -> Format | None:
    suffix = Path(path).suffix.lower()
    return next((f for f in FORMATS.values() if suffix in f.suffixes), None)


def choose_format(to: str | None, output: str | None) -> Format:
    """The format asked for by ``--to`` (a name, an alias or a suffix) or else by the suffix of
    the output file; the two must agree (RenderError)."""
    names = ", ".join(FORMATS)
    if to is None:
        by_suffix = _by_suffix(output) if output else None
        if by_suffix is not None:
            return by_suffix
        raise RenderError(f"укажите формат: --to {names}")
    asked = to.strip().lower().lstrip(".")
    fmt = next((f for f in FORMATS.values() if asked == f.name or asked in f.aliases), None)
    if fmt is None:
        raise RenderError(f"неизвестный формат «{to}»; допустимы: {spoken(FORMATS)}")
    implied = _by_suffix(output) if output else None
    if implied is not None and implied is not fmt:
        raise RenderError(f"расширение «{Path(output or '').suffix.lower()}» файла {output} не подходит для формата {fmt.name}")
    return fmt
