"""Shared by the commands: collecting paths, loading roadmaps for consumers, safe writing."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterable

import typer

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
YAML_SUFFIXES = (".yaml", ".yml")


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


def fail(message: str, code: int = EXIT_USAGE) -> "typer.Exit":
    typer.echo(f"roadmapctl: {message}", err=True)
    return typer.Exit(code)


def guard(run: Callable[[], object]) -> None:
    """Run the CLI; no Python traceback ever reaches a user."""
    try:
        run()
    except UsageError as exc:
        typer.echo(f"roadmapctl: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        typer.echo("roadmapctl: прервано пользователем", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except SystemExit:
        raise
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        typer.echo(
            "roadmapctl: внутренняя ошибка программы — это не ваша вина. Пожалуйста, сообщите о ней "
            f"разработчикам и приложите файл и команду. Подробности: {type(exc).__name__}: {exc}",
            err=True,
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
            out.extend(found)
        elif path.exists():
            out.append(str(path))
        else:
            raise UsageError(f"{raw}: файл или папка не найдены")
    if not out:
        raise UsageError(f"не найдено ни одного файла дорожной карты (*.yaml) в: {', '.join(given)}")
    return out


def load_roadmap(path: str):
    """Load, validate and build one roadmap for a consumer; exit with Russian findings if it is broken."""
    from roadmapctl.check.diagnostics import Severity
    from roadmapctl.check.output import render_text
    from roadmapctl.check.runner import check_source
    from roadmapctl.loading import load_document, read_source
    from roadmapctl.loading.source import SourceError
    from roadmapctl.schema import validate

    try:
        source = read_source(path)
        doc = load_document(source)
    except SourceError as exc:
        where = f"{exc.name}:{exc.span.line}:{exc.span.column}: " if exc.span else f"{exc.name}: "
        raise UsageError(f"{where}{exc.message}") from None
    if validate(doc):
        errors = [d for d in check_source(source) if d.severity is Severity.ERROR]
        sys.stderr.write(render_text(errors, {source.name: source}, color=False))
        typer.echo(f"roadmapctl: в файле {source.name} есть ошибки; исправьте их (roadmapctl check {source.name})", err=True)
        raise typer.Exit(EXIT_FINDINGS)
    from roadmapctl.build import build_roadmap

    return build_roadmap(doc)


def load_roadmaps(paths: Iterable[str], default: str | None = "roadmaps") -> list:
    return [load_roadmap(p) for p in collect_paths(paths, default)]


def write_atomic(path: Path, data: bytes, *, force: bool = False, replaceable: Callable[[bytes], bool] | None = None) -> bool:
    """Write ``data`` to ``path`` atomically. An existing file is replaced only when ``force`` is
    set or ``replaceable(old_bytes)`` says it is ours to replace; returns False when unchanged."""
    path = Path(path)
    if path.exists():
        if path.is_dir():
            raise UsageError(f"{path}: это папка, а не файл")
        old = path.read_bytes()
        if old == data:
            return False
        if not force and not (replaceable and replaceable(old)):
            raise UsageError(f"{path}: файл уже существует; чтобы заменить его, добавьте --force")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            try:
                os.chmod(tmp, path.stat().st_mode & 0o777)
            except OSError:
                pass
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return True
