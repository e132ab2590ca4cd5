"""``roadmapctl diff``: the changes of roadmaps by substance, for a pull request."""

from __future__ import annotations

from typing import Optional

import typer

from roadmapctl.cli.common import (
    UsageError,
    colored,
    complete_from,
    known_format,
    show_problems,
)

DIFF_HELP = (
    "Показать изменения дорожных карт по существу: добавленные, удалённые и перенумерованные "
    "мероприятия, тексты, сроки, ответственных, статусы, разделы и реквизиты.\n\n"
    "roadmapctl diff СТАРЫЙ.yaml НОВЫЙ.yaml — сравнить два файла.\n\n"
    "roadmapctl diff --git БАЗА [ВЕРСИЯ] [ПУТЬ…] — все дорожные карты, изменённые между двумя "
    "ревизиями git (без ВЕРСИИ — с рабочей копией)."
)


def register(app: typer.Typer) -> None:
    @app.command(help=DIFF_HELP)
    def diff(
        args: list[str] = typer.Argument(
            None, metavar="[СТАРЫЙ НОВЫЙ | ВЕРСИЯ ПУТЬ…]",
            help="Два файла; с --git — необязательная вторая ревизия и пути (файлы или папки).", show_default=False,
        ),
        git_base: Optional[str] = typer.Option(
            None, "--git", metavar="БАЗА",
            help="Сравнить дорожные карты, изменённые в git после ревизии БАЗА (ветка, тег или коммит).",
            show_default=False,
        ),
        output_format: str = typer.Option("text", "--format", "-f", autocompletion=complete_from("roadmapctl.diff.output", "FORMATS"), metavar="ФОРМАТ", help="Формат: text, md (комментарий к pull request), json."),
        output_file: Optional[str] = typer.Option(None, "--output-file", "-o", metavar="ФАЙЛ", help="Записать отчёт в файл вместо вывода на экран."),
        exit_code: bool = typer.Option(False, "--exit-code", help="Завершиться с кодом 1, если изменения есть."),
        color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Цвет в выводе (по умолчанию — только в терминале).", show_default=False),
        force: bool = typer.Option(False, "--force", help="Заменить файл из -o, даже если это не отчёт roadmapctl diff."),
    ) -> None:
        from roadmapctl.diff.command import DiffRequest, UsageProblem, run
        from roadmapctl.diff.gitio import GitError
        from roadmapctl.diff.output import FORMATS
        from roadmapctl.diff.versions import VersionsError
        from roadmapctl.writing import write_output

        known_format(output_format, FORMATS)
        request = DiffRequest(tuple(args or []), git_base, output_format, output_file, force,
                              colored(color, output_file), exit_code)
        try:
            outcome = run(request)
        except (UsageProblem, GitError, VersionsError) as exc:
            raise UsageError(str(exc)) from None
        if output_file is None:
            row = FORMATS[output_format]
            write_output(None, outcome.report, text=row.text, color=request.color and row.color)
        show_problems(outcome.problems)
        raise typer.Exit(outcome.exit_code)
