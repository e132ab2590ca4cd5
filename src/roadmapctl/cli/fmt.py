"""``roadmapctl fmt``: one layout for every roadmap file, comments kept."""

from __future__ import annotations

import sys

import typer

from roadmapctl.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, collect_paths, say

FMT_HELP = (
    "Привести файлы дорожных карт к единому виду: порядок ключей по схеме, отступы, кавычки, "
    "ширина строк. Комментарии сохраняются, содержание не меняется."
)


def register(app: typer.Typer) -> None:
    @app.command(help=FMT_HELP)
    def fmt(
        paths: list[str] = typer.Argument(None, metavar="ПУТЬ", help="Файлы или папки (по умолчанию roadmaps/); «-» — стандартный ввод.", show_default=False),
        check: bool = typer.Option(False, "--check", help="Ничего не менять; код выхода 1, если какой-то файл нужно отформатировать (для CI)."),
        show_diff: bool = typer.Option(False, "--diff", help="Ничего не менять; показать, что изменилось бы, в виде unified diff."),
    ) -> None:
        import difflib

        from roadmapctl.format import FormatError, format_bytes, format_path

        files = collect_paths(paths or [])
        if "-" in files:
            if len(files) > 1:
                raise UsageError("«-» (стандартный ввод) нельзя сочетать с другими путями")
            data = sys.stdin.buffer.read()
            try:
                result = format_bytes(data, "<stdin>")
            except FormatError as exc:
                say(str(exc))
                raise typer.Exit(EXIT_USAGE if exc.io else EXIT_FINDINGS) from None
            if show_diff:
                _print_diff(difflib, "<stdin>", data, result)
            elif not check:
                from roadmapctl.writing import write_output

                write_output(None, result)
            raise typer.Exit(EXIT_FINDINGS if (check or show_diff) and result != data else EXIT_OK)
        from contextlib import nullcontext

        from roadmapctl.writing import locked, write_output

        dry = check or show_diff
        changed: list[str] = []
        failed = 0
        code = EXIT_OK
        for path in files:
            with nullcontext() if dry else locked(path):  # a concurrent mark or fmt waits
                try:
                    formatted = format_path(path)
                except FormatError as exc:
                    say(str(exc))
                    failed += 1
                    code = max(code, EXIT_USAGE if exc.io else EXIT_FINDINGS)
                    continue
                if not formatted.changed:
                    continue
                changed.append(path)
                if show_diff:
                    _print_diff(difflib, path, formatted.before, formatted.after)
                elif check:
                    typer.echo(f"Нужно отформатировать: {path}")
                else:
                    write_output(path, formatted.after, editing=True)
                    typer.echo(f"Отформатирован: {path}")
        done = len(files) - failed
        n = len(changed)
        if dry:
            if n:
                message = (f"Нужно отформатировать файлов: {n} из {done}. Чтобы сделать это, выполните: "
                           "roadmapctl fmt " + " ".join(changed))
            else:
                message = f"Все файлы ({done}) уже в едином виде."
        else:
            message = f"Отформатировано файлов: {n} из {done}." if n else f"Все файлы ({done}) уже в едином виде."
        if done:  # when no file could be read, its error is all there is to say
            typer.echo(message, err=show_diff)
        if failed:
            raise typer.Exit(code)
        raise typer.Exit(EXIT_FINDINGS if dry and n else EXIT_OK)


def _print_diff(difflib, name: str, before: bytes, after: bytes) -> None:
    from roadmapctl.writing import visible

    old = before.decode("utf-8", errors="replace").lstrip("\ufeff").splitlines(keepends=True)
    new = after.decode("utf-8", errors="replace").lstrip("\ufeff").splitlines(keepends=True)
    for line in difflib.unified_diff(old, new, f"a/{name}", f"b/{name}"):
        sys.stdout.write(visible(line if line.endswith("\n") else line + "\n"))
