"""``roadmapctl check``: the linter."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Optional

import typer

from roadmapctl.cli.common import (
    UsageError,
    collect_paths,
    colored,
    complete_from,
    known_format,
    say,
    show_problems,
)

if TYPE_CHECKING:
    from roadmapctl.check.command import CheckOutcome, CheckRequest
    from roadmapctl.check.output import Format


def _changed_since(rev: str, paths: list[str]) -> list[str]:
    from roadmapctl.diff.gitio import GitError, changed_roadmaps

    try:
        return changed_roadmaps(rev, paths)
    except GitError as exc:
        raise UsageError(str(exc)) from None


def _codes(options: list[str]) -> tuple[str, ...]:
    """Rule codes or prefixes, given as repeated options or separated by commas."""
    return tuple(c.strip().upper() for item in options for c in item.split(",") if c.strip())


def register(app: typer.Typer) -> None:
    @app.command(help="Проверить дорожные карты: синтаксис, схему, нумерацию, ответственных, сроки, оформление текста.")
    def check(
        paths: list[str] = typer.Argument(None, metavar="ПУТЬ", help="Файлы или папки (по умолчанию roadmaps/); «-» — стандартный ввод.", show_default=False),
        output_format: Optional[str] = typer.Option(
            None, "--format", "-f", autocompletion=complete_from("roadmapctl.check.output", "FORMATS"),
            help="Формат вывода: text, concise, json, github, gitlab, sarif. В GitHub Actions по умолчанию github.",
            show_default=False,
        ),
        select: list[str] = typer.Option([], "--select", help="Проверять только эти правила (коды или префиксы, через запятую)."),
        ignore: list[str] = typer.Option([], "--ignore", help="Не проверять эти правила (коды или префиксы, через запятую)."),
        strict: bool = typer.Option(False, "--strict", help="Считать предупреждения ошибками (код выхода 1)."),
        statistics: bool = typer.Option(False, "--statistics", help="Показать число замечаний по каждому правилу."),
        output_file: Optional[str] = typer.Option(None, "--output-file", "-o", help="Записать отчёт в файл вместо вывода на экран."),
        changed_since: Optional[str] = typer.Option(None, "--changed-since", help="Проверить только дорожные карты, изменённые после этой ревизии git."),
        jobs: int = typer.Option(0, "--jobs", "-j", help="Число параллельных процессов (0 — по числу ядер)."),
        color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Цвет в выводе (по умолчанию — только в терминале).", show_default=False),
        fix: bool = typer.Option(False, "--fix", help="Исправить в файлах то, что исправляется автоматически, и показать оставшиеся замечания."),
        unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="С --fix: применить и исправления, которые меняют смысл текста (например, написание участника, у которого своя запись в справочнике)."),
        diff: bool = typer.Option(False, "--diff", help="С --fix: не менять файлы, а показать исправления в виде diff (код выхода 1, если есть что исправить)."),
        force: bool = typer.Option(False, "--force", help="Заменить файл из -o, даже если это не отчёт roadmapctl check."),
        add_words: bool = typer.Option(False, "--add-words", help="Записать слова, которых нет в словаре (RM701), в словарь проекта (параметр spelling-words в настройках; если его нет, создать словарь и настройку), затем проверить."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="Только замечания и ошибки: без итоговой строки и сообщений о ходе работы."),
        no_cache: bool = typer.Option(False, "--no-cache", help="Не брать результаты из кэша проверок и не записывать их туда (кэш — в папке кэша пользователя)."),
    ) -> None:
        from roadmapctl.check.batch import Selection
        from roadmapctl.check.command import CheckRequest, CheckRequestError, run

        fmt = _format(output_format, output_file)
        selection = Selection(_codes(select), _codes(ignore), strict)
        unknown = selection.unknown_codes()
        if unknown:
            raise UsageError(f"неизвестный код правила «{unknown[0]}»; список правил: roadmapctl rules")
        files = _files(paths, changed_since)
        if (diff or unsafe_fixes) and not fix:
            raise UsageError("--diff и --unsafe-fixes работают только вместе с --fix")
        request = CheckRequest(
            tuple(files), selection, fmt.name, output_file, colored(color, output_file), statistics, force,
            add_words, fix, unsafe_fixes, diff, jobs, quiet=quiet, cache=not no_cache,
        )
        try:
            outcome = run(request)
        except CheckRequestError as exc:
            if not quiet:
                _say_words(exc.words_added, exc.created)
            raise UsageError(str(exc)) from None
        _show(outcome, request)


def _format(output_format: str | None, output_file: str | None) -> Format:
    from roadmapctl.check.output import FORMATS, default_format

    name = output_format or default_format(github_log=os.environ.get("GITHUB_ACTIONS") == "true" and not output_file)
    return FORMATS[known_format(name, FORMATS)]


def _files(paths: list[str] | None, changed_since: str | None) -> list[str]:
    files = collect_paths(paths or [])
    if changed_since:
        files = _changed_since(changed_since, files)
    if "-" in files and len(files) > 1:
        raise UsageError("«-» (стандартный ввод) нельзя сочетать с другими путями")
    return files


def _say_words(words_added: list[tuple[str, int]], created: Sequence[str] = ()) -> None:
    """What ``--add-words`` did: the word list and configuration it created, the words it added."""
    for sentence in created:
        say(sentence)
    for target, added in words_added:
        say(f"в словарь {target} добавлено слов: {added}")


def _show(outcome: CheckOutcome, request: CheckRequest) -> None:
    """In the order the work was done: the words added, the fixed text or the fixes' diff, the
    report, the files that could not be checked; then the exit status."""
    from roadmapctl.check.output import FORMATS
    from roadmapctl.writing import visible, write_output

    if not request.quiet:
        _say_words(outcome.words_added, outcome.created)
    if outcome.stdout is not None:
        # the fixes' diff is for people (control characters shown); a fixed text is the document itself
        sys.stdout.write(visible(outcome.stdout) if request.diff else outcome.stdout)
    if request.diff and outcome.report is None and not outcome.problems and not request.quiet:
        fixed = outcome.fixed
        typer.echo(f"Можно исправить замечаний: {fixed}." if fixed else "Исправлять нечего.", err=True)
    if outcome.report is not None and request.output is None:
        fmt = FORMATS[request.format]
        write_output(None, outcome.report, text=fmt.text, color=request.color and fmt.color)
    show_problems(outcome.problems)
    raise typer.Exit(outcome.exit_code)
