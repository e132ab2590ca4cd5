"""``roadmapctl export``: the integration formats (JSON; iCalendar)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from roadmapctl.cli.common import UsageError, complete_from, load_roadmaps, write_atomic

FORMATS = ("json", "ics")


def register(app: typer.Typer) -> None:
    @app.command(help="Выгрузить дорожные карты для других программ: JSON или календарь iCalendar (.ics).")
    def export(
        paths: list[str] = typer.Argument(None, metavar="ПУТЬ", help="Файлы или папки (по умолчанию roadmaps/).", show_default=False),
        output_format: str = typer.Option("json", "--format", "-f", autocompletion=complete_from("roadmapctl.cli.export", "FORMATS"), help="Формат: json или ics."),
        output: Optional[str] = typer.Option(None, "--output", "-o", help="Файл для записи (по умолчанию — стандартный вывод)."),
        force: bool = typer.Option(False, "--force", help="Заменить существующий файл."),
    ) -> None:
        if output_format not in FORMATS:
            raise UsageError(f"неизвестный формат «{output_format}»; допустимы: {', '.join(FORMATS)}")
        roadmaps = load_roadmaps(paths or [])
        if output_format == "json":
            from roadmapctl.export.json_export import export_json

            data = export_json(roadmaps).encode("utf-8")
        else:
            from roadmapctl.export.ics import export_ics

            data = export_ics(roadmaps)
        if output:
            write_atomic(Path(output), data, force=force)
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
