"""What a rendering is asked for: the template folder, the edition of ГОСТ Р 7.0.97, the gantt
diagram, the order; and the notes the rendering leaves for the user."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from roadmapctl.render.errors import RenderError

if TYPE_CHECKING:
    from roadmapctl.render.formats import Format


@dataclass
class Options:
    template_dir: Path | None = None
    edition: int | None = None
    gantt: bool = False
    with_order: bool = False
    blank_approval: bool = False  # an empty approval stamp to fill in, where the roadmap has none
    notes: list[str] = field(default_factory=list)

    def style(self):
        from roadmapctl.render.style import StyleError, load_style

        try:
            return load_style(self.template_dir, self.edition)
        except StyleError as exc:
            raise RenderError(str(exc)) from None


def checked_options(fmt: Format, template: str | None = None, edition: int | None = None, gantt: bool = False,
                    with_order: bool = False, blank_approval: bool = False) -> Options:
    """The options as the command line gives them, checked (RenderError) before any work."""
    from roadmapctl.render.formats import FORMATS
    from roadmapctl.render.style import EDITIONS

    if gantt and not fmt.gantt:
        raise RenderError(f"--gantt работает только для формата {', '.join(f.name for f in FORMATS.values() if f.gantt)}")
    template_dir = None
    if template is not None:
        template_dir = Path(template)
        if not template_dir.is_dir():
            raise RenderError(f"{template}: папка шаблонов не найдена")
    if edition is not None and edition not in EDITIONS:
        raise RenderError(f"неизвестная редакция ГОСТ Р 7.0.97: {edition}; допустимы: {', '.join(map(str, EDITIONS))}")
    return Options(template_dir=template_dir, edition=edition, gantt=gantt, with_order=with_order,
                   blank_approval=blank_approval)
