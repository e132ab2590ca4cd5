"""``roadmapctl render``: the roadmap as the appendix to an order — DOCX, HTML or Markdown."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from roadmapctl.cli.common import (
    UsageError,
    collect_paths,
    complete_from,
    say,
    show_problems,
)
from roadmapctl.textutil import plural_word as _plural

if TYPE_CHECKING:
    from roadmapctl.render.command import RenderOutcome


class _Bar:
    """A progress bar on the terminal, advanced after each roadmap and gone when stopped."""

    def __init__(self, total: int):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.progress = Progress(
            TextColumn("Оформление"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
            console=Console(stderr=True), transient=True,
        )
        self.task = self.progress.add_task("", total=total)
        self.progress.start()

    def advance(self, source: str) -> None:
        self.progress.update(self.task, advance=1, description=Path(source).name)

    def stop(self) -> None:
        self.progress.stop()


def _progress(total: int) -> _Bar | None:
    """A progress bar when there are several roadmaps and the standard error is a terminal."""
    if total < 2 or not sys.stderr.isatty():
        return None
    return _Bar(total)


def _show(outcome: RenderOutcome, output: str | None) -> None:
    """The renderings on the screen, the notes and problems on the standard error, a summary."""
    from roadmapctl.writing import write_output

    for rendered in outcome.rendered:
        for note in rendered.notes:
            say(f"{rendered.file}: {note}")
        if rendered.target is None:
            write_output(None, rendered.data, text=rendered.format_text)
    show_problems(sorted(outcome.problems, key=lambda problem: problem.usage))
    written, unchanged = outcome.written, outcome.unchanged
    if output is not None and (written or unchanged):
        parts = []
        if written:
            parts.append(f"записано {written} {_plural(written, 'файл', 'файла', 'файлов')}")
        if unchanged:
            parts.append(f"без изменений {unchanged}")
        where = outcome.targets[0] if len(outcome.targets) == 1 else Path(output)
        say(f"{', '.join(parts)}: {where}")


def register(app: typer.Typer) -> None:
    @app.command(help="Оформить дорожную карту как приложение к приказу (ГОСТ Р 7.0.97): документ Word (DOCX), веб-страница (HTML) или Markdown.")
    def render(
        paths: list[str] = typer.Argument(None, metavar="ПУТЬ", help="Файлы или папки с дорожными картами (по умолчанию roadmaps/); «-» — стандартный ввод.", show_default=False),
        to: Optional[str] = typer.Option(None, "--to", "-t", autocompletion=complete_from("roadmapctl.render.formats", "FORMATS"), metavar="ФОРМАТ", help="Формат: docx, html или md (по умолчанию — по расширению файла в -o).", show_default=False),
        output: Optional[str] = typer.Option(None, "--output", "-o", metavar="ПУТЬ", help="Файл (для одной дорожной карты) или папка (для нескольких: по файлу на каждую). Без -o Markdown и HTML выводятся на экран.", show_default=False),
        force: bool = typer.Option(False, "--force", help="Заменить существующий файл, даже если он создан не этой командой или изменён после создания."),
        with_order: bool = typer.Option(False, "--with-order", help="Добавить текст приказа и состав рабочей группы: приказ с приложением одним документом."),
        gantt: bool = typer.Option(False, "--gantt", help="Только для md: добавить диаграмму сроков (mermaid gantt), её рисует GitHub."),
        blank_approval: bool = typer.Option(False, "--blank-approval", help="Если в дорожной карте нет грифа утверждения, добавить пустой гриф «УТВЕРЖДАЮ» для заполнения от руки."),
        template: Optional[str] = typer.Option(None, "--template", metavar="ПАПКА", help="Папка со своими шаблонами: roadmap.md.j2, roadmap.html.j2, reference.docx (стили и бланк), style.yaml (оформление).", show_default=False),
        gost: Optional[int] = typer.Option(None, "--gost", metavar="ГОД", help="Редакция ГОСТ Р 7.0.97: 2016 или 2025 (по умолчанию 2025 или как в style.yaml).", show_default=False),
    ) -> None:
        from roadmapctl.render.command import RenderRequest, run
        from roadmapctl.render.errors import RenderError
        from roadmapctl.render.formats import choose_format
        from roadmapctl.render.options import checked_options

        try:
            fmt = choose_format(to, output)
            asked = checked_options(fmt, template, gost, gantt, with_order, blank_approval)
        except RenderError as exc:
            raise UsageError(str(exc)) from None
        request = RenderRequest(tuple(collect_paths(paths or [])), fmt, asked, output, force)
        bar = _progress(len(request.files))
        try:
            outcome = run(request, bar.advance if bar is not None else None)
        except RenderError as exc:
            raise UsageError(str(exc)) from None
        finally:
            if bar is not None:
                bar.stop()
        _show(outcome, output)
        raise typer.Exit(outcome.exit_code)
