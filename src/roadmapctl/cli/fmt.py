"""``roadmapctl fmt``: one layout for every roadmap file, comments kept."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import typer

from roadmapctl.cli.common import UsageError, collect_paths, show_problems

if TYPE_CHECKING:
    from roadmapctl.format.command import FmtOutcome

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
        quiet: bool = typer.Option(False, "--quiet", "-q", help="Без итоговой строки и сообщений об отформатированных файлах; с --check — только список файлов, которые нужно отформатировать."),
    ) -> None:
        from roadmapctl.format.command import FmtRequest, Mode, run

        files = tuple(collect_paths(paths or []))
        if "-" in files and len(files) > 1:
            raise UsageError("«-» (стандартный ввод) нельзя сочетать с другими путями")
        mode = Mode.DIFF if show_diff else Mode.CHECK if check else Mode.WRITE
        stdin = sys.stdin.buffer.read() if files == ("-",) else None
        outcome = run(FmtRequest(files, mode, stdin))
        if stdin is not None:
            _show_stdin(outcome)
        else:
            _show(outcome, quiet)
        raise typer.Exit(outcome.exit_code)


def _show_stdin(outcome: FmtOutcome) -> None:
    """The formatted standard input on the standard output (or its diff), or why it could not be."""
    from roadmapctl.format.command import Mode
    from roadmapctl.writing import write_output

    show_problems(outcome.problems)
    for result in outcome.formatted:
        if outcome.mode is Mode.DIFF:
            _print_diff(result.name, result.before, result.after)
        elif outcome.mode is Mode.WRITE:
            write_output(None, result.after)


def _show(outcome: FmtOutcome, quiet: bool = False) -> None:
    """Each file changed (or its diff), the problems, and a summary (``quiet``: only the files that
    need formatting, the diffs and the problems)."""
    from roadmapctl.format.command import Mode
    from roadmapctl.writing import visible

    for result in outcome.formatted:
        if not result.changed:
            continue
        if outcome.mode is Mode.DIFF:
            _print_diff(result.name, result.before, result.after)
        elif outcome.mode is Mode.CHECK:
            typer.echo(visible(f"Нужно отформатировать: {result.name}"))
        elif not quiet:
            typer.echo(visible(f"Отформатирован: {result.name}"))
    show_problems(outcome.problems)
    done, changed = len(outcome.formatted), [r.name for r in outcome.changed]
    if not done or quiet:  # when no file could be read, its error is all there is to say
        return
    if not changed:
        message = f"Все файлы ({done}) уже в едином виде."
    elif outcome.mode.dry:
        message = (f"Нужно отформатировать файлов: {len(changed)} из {done}. Чтобы сделать это, выполните: "
                   "roadmapctl fmt " + " ".join(changed))
    else:
        message = f"Отформатировано файлов: {len(changed)} из {done}."
    typer.echo(visible(message), err=outcome.mode is Mode.DIFF)


def _print_diff(name: str, before: bytes, after: bytes) -> None:
    import difflib

    from roadmapctl.writing import visible

    old = before.decode("utf-8", errors="replace").lstrip("\ufeff").splitlines(keepends=True)
    new = after.decode("utf-8", errors="replace").lstrip("\ufeff").splitlines(keepends=True)
    for line in difflib.unified_diff(old, new, f"a/{name}", f"b/{name}"):
        sys.stdout.write(visible(line if line.endswith("\n") else line + "\n"))
