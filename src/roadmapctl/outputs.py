"""The output formats of the commands, one row type for all of them.

Each command that writes a report keeps one table of :class:`OutputFormat` rows (``check``:
``check/output.py``, ``report``: ``report/formats/__init__.py``, ``render``: ``render/formats.py``,
``export``: ``export/__init__.py``, ``diff``: ``diff/output.py``). Everything else is derived from
that table: the names ``--format`` accepts and the usage error that lists them (:func:`find`), the
shell completion (:func:`completion`), the words of ``--help`` (:func:`spoken`), and the overwrite
rule — which existing file the command may replace without ``--force`` (:func:`replaceable`: a file
that some row of the same command recognises as its own output). A new format is one row; a test
(``tests/test_output_formats.py``) runs every row of every command twice onto the same file.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar


@dataclass(frozen=True)
class OutputFormat:
    """One format of a command's output."""

    name: str                                 # what --format/--to takes
    suffixes: tuple[str, ...]                 # the file suffixes it is known by; the first is written
    # the writer: "package.module:function", imported only when used, or the function itself
    writer: str | Callable[..., bytes | str]
    # is an existing file our own output (replaceable without --force); None: the command writes
    # only to the screen
    ours: Callable[[bytes], bool] | None
    binary: bool = False                      # a file, never the screen
    text: bool = False                        # text for people: control characters shown visibly
    color: bool = False                       # painted in colour on a terminal (or with --color)
    aliases: tuple[str, ...] = ()             # other names it answers to

    @property
    def suffix(self) -> str:
        return self.suffixes[0] if self.suffixes else ""

    def writer_function(self) -> Callable[..., bytes | str]:
        """The writer, imported now."""
        if not isinstance(self.writer, str):
            return self.writer
        module, function = self.writer.split(":")
        return getattr(importlib.import_module(module), function)

    def write(self, *args: object, **kwargs: object) -> bytes:
        """The writer's bytes for ``args`` (the writers of one command share a signature)."""
        written = self.writer_function()(*args, **kwargs)
        if not isinstance(written, str):
            return written
        # a file name that is not UTF-8 (its bytes as surrogate escapes): text for people keeps the
        # bytes for ``writing.visible`` to show as \xNN; JSON and the like get the \udcNN escape
        return written.encode("utf-8", errors="surrogateescape" if self.text else "backslashreplace")


Table = Mapping[str, OutputFormat]


F = TypeVar("F", bound=OutputFormat)


def table(*rows: F) -> dict[str, F]:
    """A command's formats by name, in the order given (the first is listed first)."""
    return {row.name: row for row in rows}


def spoken(formats: Iterable[str]) -> str:
    """The names for a Russian sentence: «a, b или c»."""
    names = list(formats)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " или " + names[-1]


def find(formats: Mapping[str, F], name: str) -> F:
    """The row named ``name`` (or answering to it as an alias); a ValueError with a Russian message
    that lists the names otherwise."""
    if name in formats:
        return formats[name]
    for row in formats.values():
        if name in row.aliases:
            return row
    raise ValueError(f"неизвестный формат «{name}»; допустимы: {', '.join(formats)}")


def completion(formats: Table, incomplete: str) -> list[str]:
    """The names that complete ``incomplete`` in a shell."""
    return [name for name in formats if name.startswith(incomplete)]


def replaceable(formats: Table) -> Callable[[bytes], bool]:
    """The overwrite rule of a command: an existing file may be replaced without ``--force`` when
    one of the command's formats recognises it as its own output."""

    def ours(old: bytes) -> bool:
        return any(row.ours is not None and row.ours(old) for row in formats.values())

    return ours


__all__ = ["OutputFormat", "Table", "completion", "find", "replaceable", "spoken", "table"]
