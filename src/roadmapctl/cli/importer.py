"""``roadmapctl import`` and ``roadmapctl new``: a roadmap from a Word document or extracted text,
or a new one from scratch."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer

from roadmapctl.cli.common import EXIT_FINDINGS, EXIT_OK, UsageError
from roadmapctl.textutil import plural_word as _plural


def _read_input(file: str) -> tuple[bytes, str]:
    from roadmapctl.loading.source import SourceError, read_bytes

    try:
        data = read_bytes(file)
    except SourceError as exc:
        raise UsageError(exc.shown) from None
    return data, ("<стандартный ввод>" if file == "-" else file)


def _target(output: Optional[str], source: str) -> Path | None:
    if not output or output == "-":
        return None
    path = Path(output)
    if path.is_dir() or output.endswith(("/", "\\")):
        stem = "дорожная-карта" if source.startswith("<") else Path(source).stem
        return path / f"{stem}.yaml"
    return path


def _check(text: str, name: str):
    """Diagnostics of the result, or None when the checker itself could not run."""
    try:
        from roadmapctl.check.runner import check_source
        from roadmapctl.loading import Source

        return check_source(Source(name=name, text=text))
    except Exception as exc:  # noqa: BLE001 - the import itself succeeded; say so and go on
        typer.echo(f"roadmapctl: проверка результата не выполнена ({type(exc).__name__}: {exc}); "
                   f"проверьте файл командой roadmapctl check", err=True)
        return None


def _link_schema(text: str, target: Path | None) -> str:
    """Give ``text`` a schema modeline that resolves from where it is written; when no schema file
    is there yet (``roadmap.schema.json`` or ``schema/roadmap.schema.json`` up to the repository
    root), write one at the repository root, never over an existing file."""
    from roadmapctl.modeline import link_for, with_modeline, write_schema

    link = link_for(target if target is not None else Path("дорожная-карта.yaml"))
    if target is not None and not link.exists:
        write_schema(link.schema)
        shown = os.path.relpath(link.schema) if not os.path.isabs(str(target)) else link.schema
        typer.echo(f"Схема для редактора записана в {shown}: на неё ссылается первая строка файла.", err=True)
    return with_modeline(text, link.line)


def _report_guesses(guesses) -> None:
    count = len(guesses)
    if not count:
        typer.echo("Импорт выполнен без догадок.", err=True)
        return
    typer.echo(f"Импорт выполнен; в {count} {_plural(count, 'месте', 'местах', 'местах')} пришлось действовать по догадке "
               "(в файле они отмечены комментариями «# импорт:»), проверьте их:", err=True)
    for guess in guesses:
        typer.echo(f"  – {guess.where}: {guess.message}", err=True)


def register(app: typer.Typer) -> None:
    @app.command(
        "import",
        help="Перенести дорожную карту в файл YAML из документа Word (.docx), PDF с текстовым слоем, "
             "сохранённой веб-страницы (.html), текста с таблицей (ячейки через табуляцию или «|», или каждая "
             "ячейка на своей строке), а также .odt, .doc и .rtf (через LibreOffice). "
             "Без -o результат выводится на экран. Всё, что пришлось угадать, перечисляется в конце и "
             "остаётся в файле комментариями «# импорт:».",
    )
    def import_command(
        file: str = typer.Argument(..., metavar="ФАЙЛ", help="Документ (.docx, .pdf, .html, .odt, .doc, .rtf) или текст (.txt, .md) с таблицей; «-» — стандартный ввод."),
        output: Optional[str] = typer.Option(None, "--output", "-o", metavar="ФАЙЛ.yaml",
                                             help="Куда записать дорожную карту (файл или папка)."),
        force: bool = typer.Option(False, "--force", help="Заменить существующий файл."),
        period: Optional[str] = typer.Option(None, "--period", metavar="ПЕРИОД",
                                             help="Период, если в документе его нет или он прочитан неверно: «2021-2022» или «2020-2021 учебный год»."),
        municipality: Optional[str] = typer.Option(None, "--municipality", metavar="МУНИЦИПАЛИТЕТ",
                                                   help="Муниципалитет, если в документе его нет: например, «город Мценск»."),
        authority: Optional[str] = typer.Option(None, "--authority", metavar="ОРГАН",
                                                help="Наименование органа, если в документе его нет."),
        region: Optional[str] = typer.Option(None, "--region", metavar="РЕГИОН", help="Субъект Российской Федерации."),
    ) -> None:
        from roadmapctl.writing import write_output
        from roadmapctl.importer import ImportFailure, Options, import_bytes

        target = _target(output, file)
        if target is not None and target.exists() and not force:
            if target.is_dir():
                raise UsageError(f"{target}: это папка, а не файл")
            raise UsageError(f"{target}: файл уже существует; чтобы заменить его, добавьте --force")
        data, name = _read_input(file)
        options = Options(municipality=municipality, period=period, authority=authority, region=region)
        try:
            result = import_bytes(data, name, options)
        except ImportFailure as exc:
            raise UsageError(str(exc)) from None
        shown = str(target) if target is not None else "<импорт>"
        text = _link_schema(result.text, target)
        diagnostics = _check(text, shown)
        write_output(target, text.encode("utf-8"), force=force, inputs=[file])
        _report_guesses(result.guesses)
        if diagnostics is None:
            raise typer.Exit(EXIT_OK)
        from roadmapctl.check.diagnostics import Severity

        errors = [d for d in diagnostics if d.severity is Severity.ERROR]
        warnings = len(diagnostics) - len(errors)
        if errors:
            from roadmapctl.check.output import render_text
            from roadmapctl.loading import Source

            source = Source(name=shown, text=text)
            sys.stderr.write(render_text(errors, {shown: source}, False))
            typer.echo(f"roadmapctl: в результате импорта есть ошибки ({len(errors)}); исправьте их в файле"
                       + (f" и проверьте его: roadmapctl check {target}" if target else ""), err=True)
            raise typer.Exit(EXIT_FINDINGS)
        where = f"roadmapctl check {target}" if target is not None else "roadmapctl check ФАЙЛ.yaml"
        typer.echo(f"Проверка результата: ошибок нет, предупреждений: {warnings}"
                   + (f" (подробно: {where})." if warnings else "."), err=True)
        if target is not None:
            typer.echo(f"Дорожная карта записана в {target}.", err=True)
        raise typer.Exit(EXIT_OK)

    @app.command(
        help="Начать новую дорожную карту с нуля: файл-заготовка с комментариями (шапка, таблица с обычными "
             "колонками, один раздел и одно мероприятие), который проходит проверку.",
    )
    def new(
        file: str = typer.Argument(..., metavar="ФАЙЛ.yaml", help="Куда записать заготовку; «-» — вывести на экран."),
        municipality: str = typer.Option(..., "--municipality", metavar="МУНИЦИПАЛИТЕТ",
                                         help="Муниципалитет, например «город Мценск»."),
        period: str = typer.Option(..., "--period", metavar="ПЕРИОД",
                                   help="Период: «2025-2026» (календарные годы) или «2025-2026 учебный год»."),
        authority: Optional[str] = typer.Option(None, "--authority", metavar="ОРГАН",
                                                help="Наименование органа (по умолчанию «Управление образования»)."),
        short: Optional[str] = typer.Option(None, "--short", metavar="КРАТКО",
                                            help="Краткое наименование органа, как в колонке ответственных (например, «РУО»)."),
        title: Optional[str] = typer.Option(None, "--title", metavar="ЗАГОЛОВОК", help="Заголовок дорожной карты."),
        force: bool = typer.Option(False, "--force", help="Заменить существующий файл."),
    ) -> None:
        from roadmapctl.importer import ImportFailure
        from roadmapctl.importer.skeleton import skeleton
        from roadmapctl.writing import has_control, visible_char, write_output

        for option, value in (("--municipality", municipality), ("--period", period), ("--authority", authority),
                               ("--short", short), ("--title", title)):
            found = has_control(value or "")
            if found:
                raise UsageError(f"{option}: недопустимый управляющий символ {visible_char(found.group())} "
                                 f"(U+{ord(found.group()):04X}) в значении; уберите его")
        target = None if file == "-" else Path(file)
        if target is not None and target.exists() and not force:
            raise UsageError(f"{target}: файл уже существует; чтобы заменить его, добавьте --force")
        try:
            text = skeleton(municipality, period, authority, short, title)
        except ImportFailure as exc:
            raise UsageError(str(exc)) from None
        text = _link_schema(text, target)
        write_output(target, text.encode("utf-8"), force=force)
        if target is None:
            raise typer.Exit(EXIT_OK)
        typer.echo(f"Создана заготовка дорожной карты: {target}. Откройте её, замените примеры своими данными и "
                   f"проверьте: roadmapctl check {target}", err=True)
        raise typer.Exit(EXIT_OK)
