"""``roadmapctl export``: the integration formats (JSON; iCalendar)."""

from __future__ import annotations

from typing import Optional

import typer

from roadmapctl.cli.common import (
    collect_paths,
    complete_from,
    known_format,
    show_problems,
)


def register(app: typer.Typer) -> None:
    @app.command(help="Выгрузить дорожные карты для других программ: JSON или календарь iCalendar (.ics).")
    def export(
        paths: list[str] = typer.Argument(None, metavar="ПУТЬ", help="Файлы или папки (по умолчанию roadmaps/).", show_default=False),
        output_format: str = typer.Option("json", "--format", "-f", autocompletion=complete_from("roadmapctl.export", "FORMATS"), help="Формат: json или ics."),
        output: Optional[str] = typer.Option(None, "--output", "-o", help="Файл для записи (по умолчанию — стандартный вывод)."),
        force: bool = typer.Option(False, "--force", help="Заменить существующий файл, даже если это не выгрузка roadmapctl export."),
    ) -> None:
        from roadmapctl.export import FORMATS
        from roadmapctl.export.command import ExportRequest, run
        from roadmapctl.writing import write_output

        known_format(output_format, FORMATS)
        outcome = run(ExportRequest(tuple(collect_paths(paths or [])), output_format, output, force))
        if outcome.data is not None and output is None:
            write_output(None, outcome.data)
        show_problems(outcome.problems)
        raise typer.Exit(outcome.exit_code)
