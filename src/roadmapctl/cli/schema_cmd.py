"""``roadmapctl schema``: the JSON Schema of the roadmap format, for an editor or another tool
outside this repository."""

from __future__ import annotations

from typing import Optional

import typer

from roadmapctl.modeline import schema_bytes, write_schema


def register(app: typer.Typer) -> None:
    @app.command(
        help="Вывести JSON Schema формата дорожной карты (для редактора и других программ). С -o схема "
             "записывается в файл; на неё ссылается первая строка файлов дорожных карт.",
    )
    def schema(
        output: Optional[str] = typer.Option(None, "--output", "-o", metavar="ФАЙЛ",
                                             help="Записать схему в файл, например roadmap.schema.json."),
        force: bool = typer.Option(False, "--force", help="Заменить существующий файл, даже если это не схема."),
    ) -> None:
        if not output or output == "-":
            from roadmapctl.writing import write_output

            write_output(None, schema_bytes())
            return
        if write_schema(output, force):
            from roadmapctl.writing import visible

            typer.echo(visible(f"Схема записана в {output}."), err=True)
        else:
            typer.echo(f"Схема в {output} уже актуальна.", err=True)
