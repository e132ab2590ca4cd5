"""``roadmapctl check``: the linter."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Optional

import typer

from roadmapctl.cli.common import EXIT_FINDINGS, EXIT_OK, UsageError, collect_paths, colored, complete_from, known_format, say

if TYPE_CHECKING:
    from roadmapctl.check.batch import Selection


def _changed_since(rev: str, paths: list[str]) -> list[str]:
    from roadmapctl.diff.gitio import GitError, changed_roadmaps

    try:
        return changed_roadmaps(rev, paths)
    except GitError as exc:
        raise UsageError(str(exc)) from None


def _codes(options: list[str]) -> tuple[str, ...]:
    """Rule codes or prefixes, given as repeated options or separated by commas."""
    return tuple(c.strip().upper() for item in options for c in item.split(",") if c.strip())


def _add_words(files: list[str], selection: Selection) -> None:
    from roadmapctl.check.batch import add_words
    from roadmapctl.check.config import ConfigError
    from roadmapctl.spelling.lexicon import WordListError

    created: list[str] = []
    try:
        for target, added in add_words(files, selection, created):
            for sentence in created:
                typer.echo(f"roadmapctl: {sentence}", err=True)
            created.clear()
            typer.echo(f"roadmapctl: в словарь {target} добавлено слов: {added}", err=True)
    except (ConfigError, WordListError) as exc:
        raise UsageError(str(exc)) from None


def _fix(files: list[str], selection: Selection, unsafe: bool, diff: bool) -> int:
    """``--fix``: the number of findings fixed, when the check is to follow; otherwise exits."""
    from roadmapctl.check.batch import fix_files

    fixing = fix_files(files, selection, unsafe, diff)
    if fixing.stdout is not None:
        sys.stdout.write(fixing.stdout)
    for problem in fixing.problems:
        typer.echo(f"roadmapctl: {problem}", err=True)
    if fixing.problems:
        raise typer.Exit(2)
    if diff:
        sys.stdout.write("".join(fixing.diffs))
        typer.echo(f"Можно исправить замечаний: {fixing.fixed}." if fixing.fixed else "Исправлять нечего.", err=True)
        raise typer.Exit(EXIT_FINDINGS if fixing.diffs else EXIT_OK)
    if files == ["-"]:
        # the fixed text went to standard output; the findings left decide the exit code
        raise typer.Exit(EXIT_FINDINGS if fixing.failing else EXIT_OK)
    return fixing.fixed


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
    ) -> None:
        from roadmapctl.check.batch import Selection, check_files
        from roadmapctl.check.diagnostics import Diagnostic
        from roadmapctl.check.output import FORMATS, Findings, default_format, render_statistics

        name = output_format or default_format(github_log=os.environ.get("GITHUB_ACTIONS") == "true" and not output_file)
        fmt = FORMATS[known_format(name, FORMATS)]
        selection = Selection(_codes(select), _codes(ignore), strict)
        unknown = selection.unknown_codes()
        if unknown:
            raise UsageError(f"неизвестный код правила «{unknown[0]}»; список правил: roadmapctl rules")
        files = collect_paths(paths or [])
        if changed_since:
            files = _changed_since(changed_since, files)
        if "-" in files and len(files) > 1:
            raise UsageError("«-» (стандартный ввод) нельзя сочетать с другими путями")
        if add_words:
            _add_words(files, selection)
        if (diff or unsafe_fixes) and not fix:
            raise UsageError("--diff и --unsafe-fixes работают только вместе с --fix")
        fixed = _fix(files, selection, unsafe_fixes, diff) if fix else None
        results = check_files(files, selection, jobs or (os.cpu_count() or 1))
        checked = [r for r in results if not r.problem]
        diagnostics = sorted((d for r in checked for d in r.diagnostics), key=Diagnostic.sort_key)
        findings = Findings(diagnostics, {r.name: r for r in checked}, len(checked), fixed)
        use_color = colored(color, output_file)
        body = render_statistics(diagnostics) if statistics and fmt.statistics else fmt.render(findings, use_color)
        from roadmapctl.own_output import check_report
        from roadmapctl.writing import write_output

        write_output(output_file, body, inputs=files, force=force, replaceable=check_report, text=fmt.text, color=use_color)
        for result in results:
            if result.problem:
                say(result.problem)
        if len(checked) < len(results):
            raise typer.Exit(2)
        raise typer.Exit(EXIT_FINDINGS if any(r.failing for r in checked) else EXIT_OK)
