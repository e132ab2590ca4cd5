"""Shared by the commands: collecting paths, loading roadmaps for consumers, safe writing."""

from __future__ import annotations

from datetime import date

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from roadmapctl.document.problems import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from roadmapctl.loading.source import YAML_SUFFIXES

if TYPE_CHECKING:
    from roadmapctl.document.pipeline import Loaded
    from roadmapctl.document.problems import FileProblem
    from roadmapctl.outputs import Table

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE"]  # the exit statuses, for the command modules


class UsageError(Exception):
    """A problem with the command line, a path or the file system: exit code 2."""


def complete_from(module: str, name: str) -> Callable[[str], list[str]]:
    """Shell completion of an option's values from a constant of the package that owns them
    (imported only when the shell asks, so start-up stays fast)."""

    def complete(incomplete: str) -> list[str]:
        import importlib

        values = getattr(importlib.import_module(module), name)
        return [value for value in values if value.startswith(incomplete)]

    return complete


def colored(option: bool | None, output_file: str | None) -> bool:
    """``--color/--no-color``, NO_COLOR and FORCE_COLOR as :func:`roadmapctl.colors.wanted` reads them."""
    import os

    from roadmapctl.colors import wanted

    return wanted(option, output_file is not None, sys.stdout.isatty(), os.environ)


def known_format(name: str, formats: Table) -> str:
    """The name of the row of ``formats`` (``roadmapctl.outputs``) that ``name`` names; otherwise a
    usage error that lists the names."""
    from roadmapctl.outputs import find

    try:
        return find(formats, name).name
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def as_of_day(as_of: str | None) -> date:
    """``--as-of``: the day given (ГГГГ-ММ-ДД or ДД.ММ.ГГГГ), or today."""
    from roadmapctl.textutil import read_date

    return read_option("--as-of", read_date, as_of) if as_of else date.today()


def within_days(within: int) -> int:
    """``--within``: how many days ahead a deadline counts as near (not negative)."""
    if within < 0:
        raise UsageError("--within: число дней не может быть отрицательным")
    return within


def read_option(option: str, reader: Callable, value):
    """``value`` of ``option`` read by ``reader``; a ValueError of the reader (its message is
    Russian) becomes a usage error that names the option."""
    try:
        return reader(value)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from None


def say(message: str) -> None:
    """A message to the user on the standard error, control characters shown visibly."""
    from roadmapctl.writing import visible

    typer.echo(visible(f"roadmapctl: {message}"), err=True)


def guard(run: Callable[[], object]) -> None:
    """Run the CLI; no Python traceback ever reaches a user."""
    from roadmapctl.writing import OutputError

    try:
        run()
    except (UsageError, OutputError) as exc:
        say(str(exc))
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        say("прервано пользователем")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except SystemExit as exc:
        if exc.code == 130:  # typer's own answer to Ctrl-C, silent: say what happened
            say("прервано пользователем")
        raise
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        say(
            "внутренняя ошибка программы — это не ваша вина. Пожалуйста, сообщите о ней "
            f"разработчикам и приложите файл и команду. Подробности: {type(exc).__name__}: {exc}"
        )
        sys.exit(EXIT_USAGE)


def collect_paths(paths: Iterable[str], default: str | None = "roadmaps") -> list[str]:
    """Files as given, directories searched recursively for *.yaml/*.yml, '-' for stdin."""
    given = list(paths) or ([default] if default else [])
    out: list[str] = []
    for raw in given:
        if raw == "-":
            out.append("-")
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                str(p) for p in path.rglob("*")
                if p.suffix.lower() in YAML_SUFFIXES and p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            out.extend(_inside(found, path))
        elif path.exists():
            out.append(str(path))
        else:
            raise UsageError(f"{raw}: файл или папка не найдены")
    if not out:
        raise UsageError(f"не найдено ни одного файла дорожной карты (*.yaml) в: {', '.join(given)}")
    return out


def _inside(found: list[str], folder: Path) -> list[str]:
    """The files of a directory walk that stay inside the repository (or the folder, outside git):
    a symbolic link leading out of it is not followed — a committed link to a file elsewhere must
    not put that file's lines into a CI log — but named on the standard error."""
    from roadmapctl.repository import leaves

    kept = []
    for name in found:
        candidate = Path(name)
        if candidate.is_symlink() and leaves(candidate, folder) is not None:
            say(f"{name}: символическая ссылка ведёт за пределы репозитория; файл пропущен")
            continue
        kept.append(name)
    return kept


def show_problems(problems: Iterable[FileProblem]) -> None:
    """Print the files of a batch that could not be used: a file that is not a valid roadmap with
    the errors ``check`` finds in it, a file that could not be read or written with the reason."""
    for problem in problems:
        if problem.loaded is not None:
            report_broken(problem.loaded)
        else:
            say(problem.message)


def finish(problems: Iterable[FileProblem], code: int) -> NoReturn:
    """Print ``problems`` and end the command with the exit status ``code``."""
    show_problems(problems)
    raise typer.Exit(code)


def require(path: str) -> Loaded:
    """The ``Loaded`` value of a file a single-file command needs as a roadmap; a file that
    cannot be read is a usage error (exit 2), a file that is not a valid roadmap is reported as
    ``check`` reports it and ends the command with exit 1."""
    from roadmapctl.document.pipeline import roadmap_or_problem
    from roadmapctl.document.problems import FileProblem

    got = roadmap_or_problem(path)
    if isinstance(got, FileProblem):
        if got.usage:
            raise UsageError(got.message)
        finish([got], EXIT_FINDINGS)
    return got


def report_broken(loaded: Loaded) -> None:
    """Print why a text is not a roadmap: the errors ``check`` finds in it, and what to do."""
    from roadmapctl.check.diagnostics import Severity
    from roadmapctl.check.output import render_text
    from roadmapctl.check.runner import check_loaded
    from roadmapctl.writing import visible

    errors = [d for d in check_loaded(loaded) if d.severity is Severity.ERROR]
    lines = {loaded.name: loaded.source} if loaded.source is not None else {}
    sys.stderr.write(visible(render_text(errors, lines, color=False)))
    say(f"в файле {loaded.name} есть ошибки; исправьте их (roadmapctl check {loaded.name})")
