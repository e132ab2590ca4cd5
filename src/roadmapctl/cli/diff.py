"""``roadmapctl diff``: the changes of roadmaps by substance, for a pull request."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from roadmapctl.cli.common import EXIT_FINDINGS, EXIT_OK, UsageError, colored, complete_from, known_format, say

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
        from roadmapctl.diff.gitio import GitError
        from roadmapctl.diff.output import FORMATS, render
        from roadmapctl.diff.versions import VersionsError, compare_files, compare_git

        known_format(output_format, FORMATS)
        args = list(args or [])
        try:
            if git_base is not None:
                comparison = compare_git(git_base, args)
            else:
                if len(args) != 2:
                    raise UsageError(
                        "укажите два файла: roadmapctl diff СТАРЫЙ.yaml НОВЫЙ.yaml, "
                        "или ревизию git: roadmapctl diff --git БАЗА [ВЕРСИЯ] [ПУТЬ…]"
                    )
                comparison = compare_files(args[0], args[1])
        except (GitError, VersionsError) as exc:
            raise UsageError(str(exc)) from None
        use_color = colored(color, output_file) and FORMATS[output_format].color
        body = render(comparison.diffs, output_format, use_color)
        from roadmapctl.outputs import replaceable
        from roadmapctl.writing import write_output

        inputs = [a for a in args if Path(a).is_file()] if git_base is None else []
        write_output(
            output_file, body, inputs=inputs, force=force, replaceable=replaceable(FORMATS),
            text=FORMATS[output_format].text, color=use_color,
        )
        for problem in comparison.problems:
            say(problem)
        if comparison.problems:  # a roadmap that is not valid YAML: a finding, as in check
            raise typer.Exit(EXIT_FINDINGS)
        raise typer.Exit(EXIT_FINDINGS if exit_code and comparison.changed else EXIT_OK)
