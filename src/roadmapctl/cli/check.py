"""``roadmapctl check``: the linter."""

from __future__ import annotations

import os
import sys
from typing import Optional

import typer

from roadmapctl.cli.common import EXIT_FINDINGS, EXIT_OK, UsageError, collect_paths, complete_from, say

PARALLEL_THRESHOLD = 16


class _Lines:
    """The few source lines a text report quotes, carried back from a worker process."""

    def __init__(self, lines: dict[int, str]):
        self._lines = lines

    def line(self, number: int) -> str:
        return self._lines.get(number, "")


def _check_one(path: str, select: tuple, ignore: tuple, strict: bool):
    from roadmapctl.check.config import ConfigError, config_for
    from roadmapctl.check.diagnostics import Diagnostic, Severity
    from roadmapctl.check.runner import check_source
    from roadmapctl.loading import read_source
    from roadmapctl.loading.source import SourceError

    try:
        config = config_for(path).merged(select, ignore, strict)
    except ConfigError as exc:
        return path, None, {}, str(exc), False
    try:
        source = read_source(path)
    except SourceError as exc:
        if exc.io:
            return path, None, {}, f"{exc.name}: {exc.message}", False
        diagnostic = Diagnostic(exc.name, exc.span, exc.code, Severity.ERROR, exc.message)
        return exc.name, [diagnostic], {}, None, config.strict
    from roadmapctl.spelling.lexicon import WordListError

    try:
        diagnostics = check_source(source, config)
    except WordListError as exc:
        return path, None, {}, str(exc), False
    lines = {d.line: source.line(d.line) for d in diagnostics}
    return source.name, diagnostics, lines, None, config.strict


def _run_many(paths: list[str], select, ignore, strict, jobs: int):
    if jobs <= 1 or len(paths) < PARALLEL_THRESHOLD:
        return [_check_one(p, select, ignore, strict) for p in paths]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Warm the caches (rule registry, compiled validator) before forking so workers share them.
    from roadmapctl.check.registry import all_rules
    from roadmapctl.document.schema import fast_validator

    all_rules()
    fast_validator()
    context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
    chunk = max(1, len(paths) // (jobs * 8))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        return list(pool.map(_check_one, paths, [select] * len(paths), [ignore] * len(paths), [strict] * len(paths), chunksize=chunk))


def _changed_since(rev: str, paths: list[str]) -> list[str]:
    from roadmapctl.diff.gitio import GitError, changed_roadmaps

    try:
        return changed_roadmaps(rev, paths)
    except GitError as exc:
        raise UsageError(str(exc)) from None


def _fix_files(files: list[str], select, ignore, strict, unsafe: bool, diff: bool):
    """Apply the fixes to each file (or collect their diffs): (fixed findings, diffs, I/O problems,
    whether findings that fail the check are left). Standard input is fixed onto standard output;
    a file is edited in place under a lock, as ``mark`` and ``fmt`` edit it."""
    from contextlib import nullcontext

    from roadmapctl.writing import OutputError, locked

    count = 0
    diffs: list[str] = []
    problems: list[str] = []
    failing = False
    for path in files:
        editing = not diff and path != "-"
        try:
            with locked(path) if editing else nullcontext():
                fixed, failed = _fix_one(path, select, ignore, strict, unsafe, diff, diffs, problems)
        except OutputError as exc:
            problems.append(str(exc))
            continue
        count += fixed
        failing = failing or failed
    return count, diffs, problems, failing


def _fix_one(path: str, select, ignore, strict, unsafe: bool, diff: bool, diffs: list[str],
             problems: list[str]) -> tuple[int, bool]:
    from roadmapctl.check.config import ConfigError, config_for
    from roadmapctl.check.diagnostics import Severity
    from roadmapctl.check.fixes import fix_text, unified_diff
    from roadmapctl.loading import read_source
    from roadmapctl.loading.source import SourceError
    from roadmapctl.writing import write_output

    try:
        config = config_for(path).merged(select, ignore, strict)
        source = read_source(path)
    except ConfigError as exc:
        problems.append(str(exc))
        return 0, False
    except SourceError as exc:
        if exc.io:
            problems.append(f"{exc.name}: {exc.message}")
        return 0, True  # unreadable content: the check below reports it
    result = fix_text(source.text, source.name, config, unsafe=unsafe, path=source.path)
    failing = any(d.severity is Severity.ERROR or config.strict for d in result.remaining)
    after = ("\ufeff" if source.had_bom else "") + result.after
    if diff:
        if result.changed:
            diffs.append(unified_diff(source.name, source.text, result.after))
    elif path == "-":
        sys.stdout.write(after)
    elif result.changed:
        write_output(path, after.encode("utf-8"), editing=True)
    return len(result.applied), failing


def _add_words(files: list[str], select: tuple, ignore: tuple) -> None:
    """``--add-words``: each file's unknown words go to the first word list of its configuration."""
    from pathlib import Path

    from roadmapctl.check.config import ConfigError, config_for
    from roadmapctl.check.rules.spelling import words_to_add
    from roadmapctl.loading import read_source
    from roadmapctl.loading.source import SourceError
    from roadmapctl.spelling.lexicon import WordListError, merge_word_list, read_word_list

    by_list: dict[str, set[str]] = {}
    for path in files:
        try:
            config = config_for(path).merged(select, ignore)
        except ConfigError as exc:
            raise UsageError(str(exc)) from None
        if not config.spelling_words:
            raise UsageError(f"{path}: в настройках не указан словарь проекта; добавьте, например, "
                             "spelling-words = \"words.txt\" в [tool.roadmapctl] файла pyproject.toml или в roadmapctl.toml")
        try:
            source = read_source(path)
        except SourceError:
            continue  # the check below reports it
        try:
            by_list.setdefault(config.spelling_words[0], set()).update(words_to_add(source, config))
        except WordListError as exc:
            raise UsageError(str(exc)) from None
    for target, words in sorted(by_list.items()):
        try:
            merged, added = merge_word_list(read_word_list(Path(target)), words)
        except WordListError as exc:
            raise UsageError(str(exc)) from None
        if added:
            from roadmapctl.writing import OutputError, write_output

            try:
                write_output(Path(target), merged.encode("utf-8"), force=True)
            except OutputError as exc:
                raise UsageError(str(exc)) from None
        typer.echo(f"roadmapctl: в словарь {target} добавлено слов: {added}", err=True)


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
        add_words: bool = typer.Option(False, "--add-words", help="Записать слова, которых нет в словаре (RM701), в словарь проекта (параметр spelling-words в настройках), затем проверить."),
    ) -> None:
        from roadmapctl.check.output import (
            FORMATS, render_concise, render_github, render_gitlab, render_json, render_sarif, render_statistics,
            render_text, summary_line,
        )
        from roadmapctl.check.diagnostics import Diagnostic, Severity

        fmt = output_format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" and not output_file else "text")
        if fmt not in FORMATS:
            raise UsageError(f"неизвестный формат «{fmt}»; допустимы: {', '.join(FORMATS)}")
        select_codes = tuple(c.strip().upper() for item in select for c in item.split(",") if c.strip())
        ignore_codes = tuple(c.strip().upper() for item in ignore for c in item.split(",") if c.strip())
        from roadmapctl.check.registry import all_rules

        known = {r.code for r in all_rules()}
        for code in select_codes + ignore_codes:
            if not any(k.startswith(code) for k in known):
                raise UsageError(f"неизвестный код правила «{code}»; список правил: roadmapctl rules")
        files = collect_paths(paths or [])
        if changed_since:
            files = _changed_since(changed_since, files)
        if "-" in files and len(files) > 1:
            raise UsageError("«-» (стандартный ввод) нельзя сочетать с другими путями")
        if add_words:
            _add_words(files, select_codes, ignore_codes)
        if (diff or unsafe_fixes) and not fix:
            raise UsageError("--diff и --unsafe-fixes работают только вместе с --fix")
        fixed = 0
        if fix:
            fixed, diffs, fix_problems, left_failing = _fix_files(files, select_codes, ignore_codes, strict, unsafe_fixes, diff)
            for problem in fix_problems:
                typer.echo(f"roadmapctl: {problem}", err=True)
            if fix_problems:
                raise typer.Exit(2)
            if diff:
                sys.stdout.write("".join(diffs))
                typer.echo(f"Можно исправить замечаний: {fixed}." if fixed else "Исправлять нечего.", err=True)
                raise typer.Exit(EXIT_FINDINGS if diffs else EXIT_OK)
            if files == ["-"]:
                # the fixed text went to standard output; the findings left decide the exit code
                raise typer.Exit(EXIT_FINDINGS if left_failing else EXIT_OK)
        workers = jobs or (os.cpu_count() or 1)
        results = _run_many(files, select_codes, ignore_codes, strict, workers)
        diagnostics: list[Diagnostic] = []
        lines: dict[str, _Lines] = {}
        io_problems: list[str] = []
        failing = False
        for name, found, quoted, problem, file_strict in results:
            if problem:
                io_problems.append(problem)
                continue
            diagnostics.extend(found)
            lines[name] = _Lines(quoted)
            if any(d.severity is Severity.ERROR or file_strict for d in found):
                failing = True
        diagnostics.sort(key=Diagnostic.sort_key)
        use_color = color if color is not None else (output_file is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
        if fmt == "text":
            body = render_text(diagnostics, lines, use_color)
            tail = summary_line(diagnostics, len(files) - len(io_problems))
            fixable = sum(1 for d in diagnostics if d.fix is not None and d.fix.safe)
            if fix:
                tail += f" Исправлено: {fixed}."
            elif fixable:
                tail += f" Исправляется автоматически: {fixable} (roadmapctl check --fix)."
            body = (body + "\n" if body else "") + tail + "\n"
        elif fmt == "concise":
            body = render_concise(diagnostics)
        elif fmt == "json":
            body = render_json(diagnostics, len(files) - len(io_problems))
        elif fmt == "github":
            body = render_github(diagnostics)
        elif fmt == "gitlab":
            body = render_gitlab(diagnostics, lines)
        else:
            body = render_sarif(diagnostics, lines)
        if statistics:
            stats = render_statistics(diagnostics)
            body = stats if fmt in ("text", "concise") else body
        from roadmapctl.own_output import check_report
        from roadmapctl.writing import write_output

        write_output(
            output_file, body, inputs=files, force=force, replaceable=check_report,
            text=fmt in ("text", "concise", "github"), color=use_color,
        )
        for problem in io_problems:
            say(problem)
        if io_problems:
            raise typer.Exit(2)
        raise typer.Exit(EXIT_FINDINGS if failing else EXIT_OK)
