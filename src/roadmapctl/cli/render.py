"""``roadmapctl render``: the roadmap as the appendix to an order — DOCX, HTML or Markdown."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from roadmapctl.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, collect_paths, complete_from, say
from roadmapctl.textutil import plural_word as _plural

if TYPE_CHECKING:
    from roadmapctl.render.formats import Format
    from roadmapctl.render.options import Options


def _progress(total: int):
    """A progress bar on the terminal when there are several roadmaps; nothing otherwise."""
    if total < 2 or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    progress = Progress(
        TextColumn("Оформление"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
        console=Console(stderr=True), transient=True,
    )
    return progress


def _render_one(source: str, target: Path | None, fmt: Format, options: Options, force: bool, inputs: list[str]) -> bool | None:
    """Render one roadmap to ``target`` (None: the screen): True when written, False when the file
    held it already, None on the screen."""
    from roadmapctl.cli.common import load_roadmap
    from roadmapctl.render import render as render_roadmap
    from roadmapctl.render.output import write_file
    from roadmapctl.render.view import identity_of
    from roadmapctl.writing import write_output

    roadmap = load_roadmap(source)
    data = render_roadmap(roadmap, fmt.name, options)
    for note in dict.fromkeys(options.notes):
        say(f"{roadmap.file}: {note}")
    if target is None:
        write_output(None, data, text=fmt.text)
        return None
    return write_file(target, data, identity_of(roadmap), force, inputs)


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
        from click.exceptions import Exit as ClickExit

        from roadmapctl.render.errors import RenderError
        from roadmapctl.render.formats import choose_format
        from roadmapctl.render.options import checked_options
        from roadmapctl.render.output import targets as output_targets

        try:
            fmt = choose_format(to, output)
            asked = checked_options(fmt, template, gost, gantt, with_order, blank_approval)
        except RenderError as exc:
            raise UsageError(str(exc)) from None
        files = collect_paths(paths or [])
        if "-" in files and len(files) > 1:
            raise UsageError("«-» (стандартный ввод) нельзя сочетать с другими путями")
        try:
            targets = output_targets(files, fmt, output)
            asked.style()  # style.yaml errors before any work
        except RenderError as exc:
            raise UsageError(str(exc)) from None

        written = unchanged = 0
        code = EXIT_OK
        problems: list[str] = []
        progress = _progress(len(files))
        task = progress.add_task("", total=len(files)) if progress else None
        if progress:
            progress.start()
        try:
            for source, target in zip(files, targets):
                if progress:
                    progress.update(task, description=Path(source).name)
                try:
                    done = _render_one(source, target, fmt, replace(asked, notes=[]), force, files)
                    written += done is True
                    unchanged += done is False
                except ClickExit as exc:  # the roadmap has errors: already reported by load_roadmap
                    code = max(code, exc.exit_code or EXIT_FINDINGS)
                except (UsageError, RenderError) as exc:
                    problems.append(str(exc))
                    code = EXIT_USAGE
                if progress:
                    progress.advance(task)
        finally:
            if progress:
                progress.stop()
        for problem in problems:
            say(problem)
        if output is not None and (written or unchanged):
            parts = []
            if written:
                parts.append(f"записано {written} {_plural(written, 'файл', 'файла', 'файлов')}")
            if unchanged:
                parts.append(f"без изменений {unchanged}")
            where = targets[0] if len(targets) == 1 else Path(output)
            say(f"{', '.join(parts)}: {where}")
        raise typer.Exit(code)
