"""``roadmapctl diff``: the changes of roadmaps by substance, for a pull request."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer

from roadmapctl.cli.common import EXIT_FINDINGS, EXIT_OK, UsageError, complete_from, say

DIFF_HELP = (
    "Показать изменения дорожных карт по существу: добавленные, удалённые и перенумерованные "
    "мероприятия, тексты, сроки, ответственных, статусы, разделы и реквизиты.\n\n"
    "roadmapctl diff СТАРЫЙ.yaml НОВЫЙ.yaml — сравнить два файла.\n\n"
    "roadmapctl diff --git БАЗА [ВЕРСИЯ] [ПУТЬ…] — все дорожные карты, изменённые между двумя "
    "ревизиями git (без ВЕРСИИ — с рабочей копией)."
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
    from roadmapctl.diff import ReviewError, RoadmapDiff, diff_roadmaps, model_from_bytes

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
    from roadmapctl.diff import ReviewError, RoadmapDiff, diff_roadmaps, model_from_bytes
    from roadmapctl.diff.gitio import changed_files, is_revision, read_file, toplevel

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
        output_format: str = typer.Option("text", "--format", "-f", autocompletion=complete_from("roadmapctl.diff.output", "FORMATS"), metavar="ФОРМАТ", help="Формат: text, md (комментарий к pull request), json."),
        output_file: Optional[str] = typer.Option(None, "--output-file", "-o", metavar="ФАЙЛ", help="Записать отчёт в файл вместо вывода на экран."),
        exit_code: bool = typer.Option(False, "--exit-code", help="Завершиться с кодом 1, если изменения есть."),
        color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Цвет в выводе (по умолчанию — только в терминале).", show_default=False),
        force: bool = typer.Option(False, "--force", help="Заменить файл из -o, даже если это не отчёт roadmapctl diff."),
    ) -> None:
        from roadmapctl.diff.gitio import GitError
        from roadmapctl.diff.output import FORMATS, render

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
