"""The ``check`` command's work on files: check each (in worker processes when there are many),
fix them, add their unknown words to the project's word list.

A file that cannot be checked at all (unreadable, its configuration or word list broken) is a
*problem*: a Russian message for the command to show (exit code 2), not a finding."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from roadmapctl.check.config import Config, ConfigError, config_for, config_for_dir
from roadmapctl.check.diagnostics import Diagnostic, Severity
from roadmapctl.check.runner import check_loaded
from roadmapctl.document.pipeline import load_bytes, load_path
from roadmapctl.loading import read_source
from roadmapctl.loading.source import SourceError

PARALLEL_THRESHOLD = 16  # fewer files are checked in this process


@dataclass(frozen=True)
class Selection:
    """The rules the command line selects, ignores, and whether warnings fail the check."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False

    def config(self, path: str) -> Config:
        """The configuration of ``path``'s folder with the command line applied (ConfigError)."""
        return config_for(path).merged(self.select, self.ignore, self.strict)

    def unknown_codes(self) -> list[str]:
        """The codes selected or ignored that are no rule's code or prefix."""
        from roadmapctl.check.registry import all_rules

        known = {r.code for r in all_rules()}
        return [code for code in self.select + self.ignore if not any(k.startswith(code) for k in known)]


@dataclass(frozen=True)
class FileCheck:
    """One file's check, small enough to come back from a worker process."""

    name: str  # as the findings name it
    diagnostics: list[Diagnostic] = field(default_factory=list)
    lines: dict[int, str] = field(default_factory=dict)  # the source lines the findings are on
    problem: str | None = None  # why the file could not be checked
    strict: bool = False  # its configuration counts warnings as failures

    def line(self, number: int) -> str:
        return self.lines.get(number, "")

    @property
    def failing(self) -> bool:
        return any(d.severity is Severity.ERROR or self.strict for d in self.diagnostics)


def check_file(path: str, selection: Selection, cache: bool = False) -> FileCheck:
    """The job of one file (run in a worker process when there are many). With ``cache`` the
    result is taken from the user's result cache when the file, its configuration, word lists
    and the program are unchanged, and stored there otherwise (``check/cache.py``)."""
    from roadmapctl.spelling.lexicon import WordListError

    try:
        config = selection.config(path)
    except ConfigError as exc:
        return FileCheck(path, problem=str(exc))
    folder = key = None
    data: bytes | None = None
    if cache and path != "-":
        from roadmapctl.check import cache as results
        from roadmapctl.loading.source import MAX_BYTES, read_bytes

        folder = results.cache_folder()
        try:
            data = read_bytes(path, MAX_BYTES)
        except SourceError as exc:
            if exc.io:
                return FileCheck(path, problem=exc.shown)
            folder = None  # too big or the like: checked as without a cache, which says so
        if folder is not None and data is not None:
            key = results.key_for(path, data, config)
            hit = results.load(folder, key)
            if hit is not None:
                return FileCheck(hit["name"], hit["diagnostics"], hit["lines"], strict=hit["strict"])
    try:
        if data is not None:
            loaded = load_bytes(str(path), data, Path(path))  # the bytes the key was made of
        else:
            loaded = load_path(path)
        diagnostics = check_loaded(loaded, config)
    except SourceError as exc:
        return FileCheck(path, problem=exc.shown)
    except WordListError as exc:
        return FileCheck(path, problem=str(exc))
    source = loaded.source
    if source is None:  # not text: its one finding says so, under the name the reading gave it
        result = FileCheck(loaded.name, diagnostics, strict=config.strict)
    else:
        result = FileCheck(source.name, diagnostics, {d.line: source.line(d.line) for d in diagnostics}, strict=config.strict)
    if folder is not None and key is not None:  # ``results`` was imported with the cache above
        results.store(folder, key, result.name, result.diagnostics, result.lines, result.strict)
    return result


def check_files(paths: list[str], selection: Selection, jobs: int, cache: bool = False) -> list[FileCheck]:
    """Each file checked, in order; by ``jobs`` worker processes when there are many files; with
    ``cache``, through the user's result cache."""
    if jobs <= 1 or len(paths) < PARALLEL_THRESHOLD:
        return [check_file(p, selection, cache) for p in paths]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Warm the caches (rule registry, compiled validator) before forking so workers share them.
    from roadmapctl.check.registry import all_rules
    from roadmapctl.document.schema import fast_validator

    all_rules()
    fast_validator()
    if cache:
        from roadmapctl.check.cache import program_fingerprint

        program_fingerprint()
    context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
    chunk = max(1, len(paths) // (jobs * 8))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        return list(pool.map(check_file, paths, [selection] * len(paths), [cache] * len(paths), chunksize=chunk))


@dataclass
class Fixing:
    """What ``--fix`` did to the files."""

    fixed: int = 0  # findings fixed (or, with a diff, fixable)
    diffs: list[str] = field(default_factory=list)  # with a diff: one per changed file
    problems: list[str] = field(default_factory=list)  # files that could not be fixed
    failing: bool = False  # findings that fail the check are left
    stdout: str | None = None  # the fixed text of the standard input


def fix_files(files: list[str], selection: Selection, unsafe: bool, diff: bool) -> Fixing:
    """Apply the fixes to each file (or, with ``diff``, collect their diffs). The standard input's
    fixed text is returned; a file is edited in place under a lock, as ``mark`` and ``fmt`` edit it."""
    from contextlib import nullcontext

    from roadmapctl.writing import OutputError, locked

    fixing = Fixing()
    for path in files:
        editing = not diff and path != "-"
        try:
            with locked(path) if editing else nullcontext():
                _fix_file(path, selection, unsafe, diff, fixing)
        except OutputError as exc:
            fixing.problems.append(str(exc))
    return fixing


def _fix_file(path: str, selection: Selection, unsafe: bool, diff: bool, fixing: Fixing) -> None:
    from roadmapctl.check.fixes import fix_text, unified_diff
    from roadmapctl.writing import write_output

    try:
        config = selection.config(path)
        source = read_source(path)
    except ConfigError as exc:
        fixing.problems.append(str(exc))
        return
    except SourceError as exc:
        if exc.io:
            fixing.problems.append(exc.shown)
        fixing.failing = True  # unreadable content: the check reports it
        return
    result = fix_text(source.text, source.name, config, unsafe=unsafe, path=source.path)
    after = ("\ufeff" if source.had_bom else "") + result.after
    if diff:
        if result.changed:
            fixing.diffs.append(unified_diff(source.name, source.text, result.after))
    elif path == "-":
        fixing.stdout = after
    elif result.changed:
        write_output(path, after.encode("utf-8"), editing=True)
    fixing.fixed += len(result.applied)
    fixing.failing = fixing.failing or any(d.severity is Severity.ERROR or config.strict for d in result.remaining)


WORD_LIST_NAME = "словарь.txt"  # the word list ``--add-words`` creates beside the configuration
_WORD_LIST_KEY = re.compile(r"^\s*spelling-words\s*=", re.MULTILINE)
_PYPROJECT_TABLE = re.compile(r"^[ \t]*\[\s*tool\s*\.\s*roadmapctl\s*\][^\n]*\n?", re.MULTILINE)


def add_words(files: list[str], selection: Selection, created: list[str] | None = None) -> Iterator[tuple[str, int]]:
    """``--add-words``: each file's unknown words go to the first word list of its configuration.
    A file whose configuration names no word list gets one (``configure_word_list``); what was
    created or changed for that is appended to ``created`` as Russian sentences. Yields each list
    written and how many words it got; a broken configuration or word list, or a list outside the
    repository, raises ConfigError, WordListError or OutputError."""
    from roadmapctl.check.rules.spelling import words_to_add
    from roadmapctl.spelling.lexicon import merge_word_list, read_word_list
    from roadmapctl.writing import locked, write_output

    by_list: dict[str, set[str]] = {}
    for path in files:
        config = selection.config(path)
        if not config.spelling_words:
            configure_word_list(path, created if created is not None else [])
            config = selection.config(path)
        try:
            source = read_source(path)
        except SourceError:
            continue  # the check reports it
        target = config.spelling_words[0]
        _inside_repository(Path(target), Path(config.origin or target))
        by_list.setdefault(target, set()).update(words_to_add(source, config))
    for target, words in sorted(by_list.items()):
        if _create_empty(Path(target)) and created is not None:
            created.append(f"создан словарь проекта {target}")
        with locked(target):  # another --add-words on the same list waits for this one
            merged, added = merge_word_list(read_word_list(Path(target)), words)
            if added:
                write_output(Path(target), merged.encode("utf-8"), force=True)
        yield target, added


def configure_word_list(path: str, created: list[str]) -> None:
    """Give the configuration of the file ``path`` a word list: ``spelling-words = "словарь.txt"``
    in its configuration file, or in a new ``roadmapctl.toml`` at the root of its repository (its
    own folder outside a repository) when it has none. The file is changed atomically under a
    lock and keeps its comments; a configuration file outside the repository is not touched."""
    from roadmapctl.repository import confining_folder, leaves
    from roadmapctl.writing import locked, write_output

    config = config_for(path)
    folder = Path(path).resolve().parent if path != "-" else Path.cwd().resolve()
    root = confining_folder(folder)
    settings = Path(config.origin) if config.origin else root / "roadmapctl.toml"
    if leaves(settings, folder) is not None:
        raise ConfigError(f"{settings}: настройки находятся вне репозитория {root}, и roadmapctl их не изменяет; "
                          f"укажите словарь проекта в них сами, например spelling-words = \"{WORD_LIST_NAME}\"")
    fresh = not settings.exists()
    _create_empty(settings)
    with locked(settings):  # locked() refuses a FIFO or a device before anything is read
        text = settings.read_text(encoding="utf-8-sig")
        if not _WORD_LIST_KEY.search(text):  # another --add-words may have just added it
            entry = f'spelling-words = "{WORD_LIST_NAME}"'
            comment = "  # словарь проекта: roadmapctl check --add-words\n"
            write_output(settings, _with_entry(settings, text, entry + comment).encode("utf-8"), editing=True)
            created.append(f"созданы настройки {settings} ({entry})" if fresh
                           else f"в настройки {settings} добавлен параметр {entry}")
    config_for_dir.cache_clear()
    if not config_for(path).spelling_words:
        raise ConfigError(f"{settings}: «spelling-words» — пустой список; укажите путь к словарю проекта, "
                          f"например spelling-words = \"{WORD_LIST_NAME}\"")


def _with_entry(settings: Path, text: str, entry: str) -> str:
    """``text`` of the configuration file ``settings`` with the line ``entry`` among its keys."""
    if text and not text.endswith("\n"):
        text += "\n"
    if settings.name == "pyproject.toml":
        table = _PYPROJECT_TABLE.search(text)
        if table is None:  # not the file the configuration came from: append the table
            return text + "\n[tool.roadmapctl]\n" + entry
        return text[:table.end()] + entry + text[table.end():]
    header = re.search(r"^[ \t]*\[", text, re.MULTILINE)  # top-level keys go before the first table
    at = header.start() if header else len(text)
    return text[:at] + entry + text[at:]


def _inside_repository(target: Path, settings: Path) -> None:
    """Refuse to write a word list outside the repository of its configuration file."""
    from roadmapctl.repository import leaves

    root = leaves(target, settings.resolve().parent)
    if root is not None:
        raise ConfigError(f"{settings}: словарь проекта {target} находится вне репозитория {root}; "
                          "--add-words записывает только в словарь внутри репозитория (первый в spelling-words)")


def _create_empty(path: Path) -> bool:
    """Create ``path`` empty if it does not exist (an existing file is left as it is); whether it did."""
    import os

    from roadmapctl.writing import OutputError, os_message

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except FileExistsError:
        return False
    except OSError as exc:
        raise OutputError(f"{path}: не удалось создать файл: {os_message(exc)}") from None
    return True
