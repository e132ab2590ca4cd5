"""``roadmapctl export``: the integration formats (JSON; iCalendar)."""

from __future__ import annotations

from typing import Optional

import typer

from roadmapctl.cli.common import collect_paths, complete_from, known_format, load_roadmap


def register(app: typer.Typer) -> None:
    @app.command(help="Выгрузить дорожные карты для других программ: JSON или календарь iCalendar (.ics).")
    def export(
        paths: list[str] = typer.Argument(None, metavar="ПУТЬ", help="Файлы или папки (по умолчанию roadmaps/).", show_default=False),
        output_format: str = typer.Option("json", "--format", "-f", autocompletion=complete_from("roadmapctl.export", "FORMATS"), help="Формат: json или ics."),
        output: Optional[str] = typer.Option(None, "--output", "-o", help="Файл для записи (по умолчанию — стандартный вывод)."),
        force: bool = typer.Option(False, "--force", help="Заменить существующий файл, даже если это не выгрузка roadmapctl export."),
    ) -> None:
        from roadmapctl.export import FORMATS, export_roadmaps

        known_format(output_format, FORMATS)
        files = collect_paths(paths or [])
        roadmaps = [load_roadmap(f) for f in files]
        data = export_roadmaps(roadmaps, output_format)
        from roadmapctl.own_output import export_file
        from roadmapctl.writing import write_output

        write_output(output, data, inputs=files, force=force, replaceable=export_file)
