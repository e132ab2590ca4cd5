"""``roadmapctl diff`` and ``roadmapctl fmt``: reviewing roadmap changes in a pull request."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer

from roadmapctl.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, collect_paths, complete_from, say

DIFF_HELP = (
    "Показать изменения дорожных карт по существу: добавленные, удалённые и перенумерованные "
    "мероприятия, тексты, сроки, ответственных, статусы, разделы и реквизиты.\n\n"
    "roadmapctl diff СТАРЫЙ.yaml НОВЫЙ.yaml — сравнить два файла.\n\n"
    "roadmapctl diff --git БАЗА [ВЕРСИЯ] [ПУТЬ…] — все дорожные карты, изменённые между двумя "
    "ревизиями git (без ВЕРСИИ — с рабочей копией)."
)
FMT_HELP = (
    "Привести файлы дорожных карт к единому виду: порядок ключей по схеме, отступы, кавычки, "
    "ширина строк. Комментарии сохраняются, содержание не меняется."
)


def _read_bytes(path: str) -> bytes:
    from roadmapctl.loading.source import SourceError, read_bytes

    if path != "-" and Path(path).is_dir():
        raise UsageError(f"{path}: это папка, а не файл; для папок используйте diff --git")
    try:
        return read_bytes(path)
    except SourceError as exc:
        raise UsageError(f"{exc.name}: {exc.message}") from None


def _looks_like_roadmap(data: bytes | None) -> bool:
    """A YAML file of the repository that is not a roadmap (a CI file, a config) is skipped."""
    if data is None:
        return False
    text = data.decode("utf-8", errors="replace")
    return "таблицы" in text or "версия_формата" in text


def _diff_files(old: str, new: str):
    from roadmapctl.review import ReviewError, RoadmapDiff, diff_roadmaps, model_from_bytes

    if old == "-" and new == "-":
        raise UsageError("стандартный ввод «-» можно указать только для одного из двух файлов")
    old_data, new_data = _read_bytes(old), _read_bytes(new)
    try:
        old_model = model_from_bytes("<stdin>" if old == "-" else old, old_data)
        new_model = model_from_bytes("<stdin>" if new == "-" else new, new_data)
    except ReviewError as exc:
        return [], [str(exc)]
    return [RoadmapDiff(new, diff_roadmaps(old_model, new_model), "modified", old if old != new else None)], []


def _diff_git(base: str, args: list[str]):
    from roadmapctl.review import ReviewError, RoadmapDiff, diff_roadmaps, model_from_bytes
    from roadmapctl.review.gitio import changed_files, is_revision, read_file, toplevel

    head = None
    paths = list(args)
    repo = toplevel(next((p for p in paths if Path(p).exists()), "."))
    if paths and not Path(paths[0]).exists():
        if not is_revision(paths[0], repo):
            raise UsageError(
                f"«{paths[0]}» — не ревизия git и не существующий файл или папка. Чтобы сравнить удалённый "
                "файл, укажите обе ревизии: roadmapctl diff --git БАЗА ВЕРСИЯ ПУТЬ"
            )
        head = paths.pop(0)
    explicit = bool(paths)
    diffs, problems = [], []
    for change in changed_files(base, head, paths or None, repo):
        old_data = read_file(base, change.old_path, repo) if change.old_path else None
        new_data = read_file(head, change.new_path, repo) if change.new_path else None
        if not explicit and not (_looks_like_roadmap(old_data) or _looks_like_roadmap(new_data)):
            continue
        try:
            old_model = model_from_bytes(f"{change.old_path} ({base})", old_data) if old_data is not None else None
            new_name = f"{change.new_path} ({head})" if head else change.new_path
            new_model = model_from_bytes(new_name, new_data) if new_data is not None else None
        except ReviewError as exc:
            problems.append(str(exc))
            continue
        status = {"added": "added", "deleted": "deleted", "renamed": "renamed"}.get(change.status, "modified")
        diffs.append(RoadmapDiff(change.path, diff_roadmaps(old_model, new_model), status, change.old_path))
    return diffs, problems


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
        output_format: str = typer.Option("text", "--format", "-f", autocompletion=complete_from("roadmapctl.review.output", "FORMATS"), metavar="ФОРМАТ", help="Формат: text, md (комментарий к pull request), json."),
        output_file: Optional[str] = typer.Option(None, "--output-file", "-o", metavar="ФАЙЛ", help="Записать отчёт в файл вместо вывода на экран."),
        exit_code: bool = typer.Option(False, "--exit-code", help="Завершиться с кодом 1, если изменения есть."),
        color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Цвет в выводе (по умолчанию — только в терминале).", show_default=False),
        force: bool = typer.Option(False, "--force", help="Заменить файл из -o, даже если это не отчёт roadmapctl diff."),
    ) -> None:
        from roadmapctl.review.gitio import GitError
        from roadmapctl.review.output import FORMATS, render

        if output_format not in FORMATS:
            raise UsageError(f"неизвестный формат «{output_format}»; допустимы: {', '.join(FORMATS)}")
        args = list(args or [])
        try:
            if git_base is not None:
                diffs, problems = _diff_git(git_base, args)
            else:
                if len(args) != 2:
                    raise UsageError(
                        "укажите два файла: roadmapctl diff СТАРЫЙ.yaml НОВЫЙ.yaml, "
                        "или ревизию git: roadmapctl diff --git БАЗА [ВЕРСИЯ] [ПУТЬ…]"
                    )
                diffs, problems = _diff_files(args[0], args[1])
        except GitError as exc:
            raise UsageError(str(exc)) from None
        use_color = color if color is not None else (
            output_file is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        )
        body = render(diffs, output_format, use_color and output_format == "text")
        from roadmapctl.own_output import diff_report
        from roadmapctl.writing import write_output

        inputs = [a for a in args if Path(a).is_file()] if git_base is None else []
        write_output(
            output_file, body, inputs=inputs, force=force, replaceable=diff_report,
            text=output_format in ("text", "md"), color=use_color and output_format == "text",
        )
        for problem in problems:
            say(problem)
        if problems:  # a roadmap that is not valid YAML: a finding, as in check
            raise typer.Exit(EXIT_FINDINGS)
        changed = any(d.changes or d.status != "modified" for d in diffs)
        raise typer.Exit(EXIT_FINDINGS if exit_code and changed else EXIT_OK)

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
                raise typer.Exit(EXIT_USAGE if exc.io else EXIT_FINDINGS)
            if show_diff:
                _print_diff(difflib, "<stdin>", data, result)
            elif not check:
                sys.stdout.buffer.write(result)
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
                    result = format_path(path)
                except FormatError as exc:
                    say(str(exc))
                    failed += 1
                    code = max(code, EXIT_USAGE if exc.io else EXIT_FINDINGS)
                    continue
                if not result.changed:
                    continue
                changed.append(path)
                if show_diff:
                    _print_diff(difflib, path, result.before, result.after)
                elif check:
                    typer.echo(f"Нужно отформатировать: {path}")
                else:
                    write_output(path, result.after, editing=True)
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
