"""``roadmapctl schema``: the JSON Schema of the roadmap format, for an editor or another tool
outside this repository."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from roadmapctl.cli.common import UsageError, write_atomic


def schema_bytes() -> bytes:
    from roadmapctl.resources import schema_path

    return schema_path().read_bytes()


def write_schema(target, force: bool = False) -> bool:
    """Write the schema to ``target``; False when an identical file is there already. Another
    version of our schema is replaced; any other file only with ``force``."""
    import json
    from pathlib import Path

    data = schema_bytes()
    path = Path(target)
    if path.is_dir():
        raise UsageError(f"{path}: это папка; укажите имя файла, например {path / 'roadmap.schema.json'}")
    if path.exists():
        try:
            old = path.read_bytes()
        except OSError as exc:
            raise UsageError(f"{path}: файл не читается ({exc.strerror or exc})") from None
        if old == data:
            return False
        try:
            ours = json.loads(old).get("$id") == json.loads(data).get("$id")
        except (ValueError, AttributeError):
            ours = False
        if not ours and not force:
            raise UsageError(f"{path}: файл уже существует и это не схема roadmapctl; чтобы заменить его, "
                             "добавьте --force")
        force = True
    write_atomic(path, data, force=force)
    return True


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
            sys.stdout.buffer.write(schema_bytes())
            sys.stdout.flush()
            return
        if write_schema(output, force):
            typer.echo(f"Схема записана в {output}.", err=True)
        else:
            typer.echo(f"Схема в {output} уже актуальна.", err=True)
