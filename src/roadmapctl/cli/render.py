"""``roadmapctl render``: the roadmap as the appendix to an order — DOCX, HTML or Markdown."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from roadmapctl.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, collect_paths, complete_from, say
from roadmapctl.textutil import plural_word as _plural

FORMAT_NAMES = "docx, html или md"


def _choose_format(to: Optional[str], output: Optional[str]) -> str:
    from roadmapctl.render import FORMATS, SUFFIX_FORMATS

    if to is not None:
        fmt = to.strip().lower().lstrip(".")
        fmt = {"markdown": "md", "htm": "html", "word": "docx"}.get(fmt, fmt)
        if fmt not in FORMATS:
            raise UsageError(f"неизвестный формат «{to}»; допустимы: {FORMAT_NAMES}")
        if output:
            suffix = Path(output).suffix.lower()
            if suffix in SUFFIX_FORMATS and SUFFIX_FORMATS[suffix] != fmt:
                raise UsageError(f"расширение «{suffix}» файла {output} не подходит для формата {fmt}")
        return fmt
    if output and Path(output).suffix.lower() in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[Path(output).suffix.lower()]
    raise UsageError(f"укажите формат: --to {FORMAT_NAMES.replace(' или ', ', ')}")


def _targets(files: list[str], fmt: str, output: Optional[str]) -> list[Path | None]:
    """Where each roadmap goes: a file, a file in a folder, or None for the standard output."""
    from roadmapctl.render import SUFFIXES

    def named(folder: Path, source: str) -> Path:
        stem = "дорожная-карта" if source == "-" else Path(source).stem
        return folder / f"{stem}{SUFFIXES[fmt]}"

    if output is None:
        if len(files) > 1:
            raise UsageError(f"дорожных карт несколько ({len(files)}): укажите папку для файлов: -o ПАПКА")
        if fmt == "docx":
            raise UsageError("документ DOCX нельзя вывести на экран: укажите файл, например -o приложение.docx")
        return [None]
    out = Path(output)
    as_folder = len(files) > 1 or out.is_dir() or output.endswith(("/", "\\"))
    if not as_folder:
        return [out]
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: это файл, а для нескольких дорожных карт нужна папка")
    targets = [named(out, f) for f in files]
    seen: dict[Path, str] = {}
    for source, target in zip(files, targets):
        if target in seen:
            raise UsageError(f"дорожные карты {seen[target]} и {source} дают один и тот же файл {target}; выводите их в разные папки")
        seen[target] = source
    return targets


def _write(target: Path, data: bytes, identity: str, force: bool, inputs: list[str]) -> bool:
    from roadmapctl.render.marker import refusal
    from roadmapctl.writing import OutputError, write_output

    def replaceable(old: bytes) -> bool:
        reason = refusal(old, identity)
        if reason:
            raise UsageError(f"{target}: файл уже существует и не будет заменён: {reason}; чтобы заменить его, добавьте --force")
        return True

    try:
        return write_output(target, data, inputs=inputs, force=force, replaceable=replaceable)
    except OutputError as exc:
        raise UsageError(str(exc)) from None


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


def register(app: typer.Typer) -> None:
    @app.command(help="Оформить дорожную карту как приложение к приказу (ГОСТ Р 7.0.97): документ Word (DOCX), веб-страница (HTML) или Markdown.")
    def render(
        paths: list[str] = typer.Argument(None, metavar="ПУТЬ", help="Файлы или папки с дорожными картами (по умолчанию roadmaps/); «-» — стандартный ввод.", show_default=False),
        to: Optional[str] = typer.Option(None, "--to", "-t", autocompletion=complete_from("roadmapctl.render", "FORMATS"), metavar="ФОРМАТ", help="Формат: docx, html или md (по умолчанию — по расширению файла в -o).", show_default=False),
        output: Optional[str] = typer.Option(None, "--output", "-o", metavar="ПУТЬ", help="Файл (для одной дорожной карты) или папка (для нескольких: по файлу на каждую). Без -o Markdown и HTML выводятся на экран.", show_default=False),
        force: bool = typer.Option(False, "--force", help="Заменить существующий файл, даже если он создан не этой командой или изменён после создания."),
        with_order: bool = typer.Option(False, "--with-order", help="Добавить текст приказа и состав рабочей группы: приказ с приложением одним документом."),
        gantt: bool = typer.Option(False, "--gantt", help="Только для md: добавить диаграмму сроков (mermaid gantt), её рисует GitHub."),
        template: Optional[str] = typer.Option(None, "--template", metavar="ПАПКА", help="Папка со своими шаблонами: roadmap.md.j2, roadmap.html.j2, reference.docx (стили и бланк), style.yaml (оформление).", show_default=False),
        gost: Optional[int] = typer.Option(None, "--gost", metavar="ГОД", help="Редакция ГОСТ Р 7.0.97: 2016 или 2025 (по умолчанию 2025 или как в style.yaml).", show_default=False),
    ) -> None:
        fmt = _choose_format(to, output)
        if gantt and fmt != "md":
            raise UsageError("--gantt работает только для формата md")
        template_dir = None
        if template is not None:
            template_dir = Path(template)
            if not template_dir.is_dir():
                raise UsageError(f"{template}: папка шаблонов не найдена")
        if gost is not None and gost not in (2016, 2025):
            raise UsageError(f"неизвестная редакция ГОСТ Р 7.0.97: {gost}; допустимы: 2016, 2025")
        files = collect_paths(paths or [])
        if "-" in files and len(files) > 1:
            raise UsageError("«-» (стандартный ввод) нельзя сочетать с другими путями")
        targets = _targets(files, fmt, output)

        from click.exceptions import Exit as ClickExit

        from roadmapctl.cli.common import load_roadmap
        from roadmapctl.render import Options, RenderError
        from roadmapctl.render import render as render_roadmap
        from roadmapctl.render.view import identity_of

        try:
            Options(template_dir=template_dir, edition=gost).style()  # style.yaml errors before any work
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
                options = Options(template_dir=template_dir, edition=gost, gantt=gantt, with_order=with_order)
                try:
                    roadmap = load_roadmap(source)
                    data = render_roadmap(roadmap, fmt, options)
                    for note in dict.fromkeys(options.notes):
                        say(f"{roadmap.file}: {note}")
                    if target is None:
                        from roadmapctl.writing import write_output

                        write_output(None, data, text=fmt == "md")
                    elif _write(target, data, identity_of(roadmap), force, files):
                        written += 1
                    else:
                        unchanged += 1
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
