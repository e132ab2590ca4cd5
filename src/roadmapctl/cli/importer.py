"""``roadmapctl import`` and ``roadmapctl new``: a roadmap from a Word document or extracted text,
or a new one from scratch."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from roadmapctl.cli.common import EXIT_OK, UsageError
from roadmapctl.textutil import plural_word as _plural
from roadmapctl.writing import visible

if TYPE_CHECKING:
    from roadmapctl.importer.command import Findings, ImportOutcome


def _check(text: str, name: str) -> Findings:
    """What ``check`` finds in the imported text."""
    from roadmapctl.check.diagnostics import Severity
    from roadmapctl.check.runner import check_source
    from roadmapctl.importer.command import Findings
    from roadmapctl.loading import Source

    diagnostics = check_source(Source(name=name, text=text))
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    return Findings(errors, len(diagnostics) - len(errors))


def _say_schema(written: str | None) -> None:
    if written:
        typer.echo(visible(f"Схема для редактора записана в {written}: на неё ссылается первая строка файла."), err=True)


def _show(outcome: ImportOutcome) -> None:
    """The roadmap on the standard output (without -o), then on the standard error: the schema
    file written, the guesses, the errors the check found or its verdict."""
    from roadmapctl.writing import write_output

    _say_schema(outcome.schema_written)
    if outcome.target is None:
        write_output(None, outcome.text.encode("utf-8"))
    _report_guesses(outcome.guesses)
    if outcome.findings is None:
        typer.echo(visible(f"roadmapctl: проверка результата не выполнена ({outcome.check_failure}); "
                           "проверьте файл командой roadmapctl check"), err=True)
        raise typer.Exit(EXIT_OK)
    _report_check(outcome)
    raise typer.Exit(outcome.exit_code)


def _report_check(outcome: ImportOutcome) -> None:
    target, findings = outcome.target, outcome.findings
    assert findings is not None
    errors = findings.errors
    if errors:
        from roadmapctl.check.output import render_text
        from roadmapctl.loading import Source

        sys.stderr.write(visible(render_text(list(errors), {outcome.shown: Source(name=outcome.shown, text=outcome.text)}, False)))
        typer.echo(visible(f"roadmapctl: в результате импорта есть ошибки ({len(errors)}); исправьте их в файле"
                           + (f" и проверьте его: roadmapctl check {target}" if target else "")), err=True)
        return
    warnings = findings.warnings
    where = f"roadmapctl check {target}" if target is not None else "roadmapctl check ФАЙЛ.yaml"
    typer.echo(visible(f"Проверка результата: ошибок нет, предупреждений: {warnings}"
                       + (f" (подробно: {where})." if warnings else ".")), err=True)
    if target is not None:
        typer.echo(visible(f"Дорожная карта записана в {target}."), err=True)


def _report_guesses(guesses) -> None:
    count = len(guesses)
    if not count:
        typer.echo("Импорт выполнен без догадок.", err=True)
        return
    typer.echo(f"Импорт выполнен; в {count} {_plural(count, 'месте', 'местах', 'местах')} пришлось действовать по догадке "
               "(в файле они отмечены комментариями «# импорт:»), проверьте их:", err=True)
    for guess in guesses:
        typer.echo(visible(f"  – {guess.where}: {guess.message}"), err=True)  # the document's text


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
        from roadmapctl.importer import ImportFailure, Options
        from roadmapctl.importer.command import ImportRequest, run

        options = Options(municipality=municipality, period=period, authority=authority, region=region)
        try:
            outcome = run(ImportRequest(file, output, force, options), _check)
        except ImportFailure as exc:
            raise UsageError(str(exc)) from None
        _show(outcome)

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
        from roadmapctl.importer.command import link_schema

        text, schema_written = link_schema(text, target)
        _say_schema(schema_written)
        write_output(target, text.encode("utf-8"), force=force)
        if target is None:
            raise typer.Exit(EXIT_OK)
        typer.echo(visible(f"Создана заготовка дорожной карты: {target}. Откройте её, замените примеры своими данными и "
                           f"проверьте: roadmapctl check {target}"), err=True)
        raise typer.Exit(EXIT_OK)
