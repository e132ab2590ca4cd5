"""``import`` as one call: a request in, an outcome out. The result is checked by the function the
caller passes (the CLI passes ``check``'s, which the importer may not import) and written only
after it is checked, with its link to the schema."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from roadmapctl.document.problems import EXIT_FINDINGS, EXIT_OK
from roadmapctl.importer.grid import ImportFailure
from roadmapctl.importer.guesses import GuessLog
from roadmapctl.importer.pipeline import Options

STDIN_NAME = "<стандартный ввод>"
STDIN_STEM = "дорожная-карта"


@dataclass(frozen=True)
class ImportRequest:
    file: str                      # the document; "-" is the standard input
    output: str | None = None      # a file or a folder; None or "-": the standard output
    force: bool = False
    options: Options = field(default_factory=Options)


@dataclass
class ImportOutcome:
    text: str                      # the roadmap as YAML, with its schema link
    shown: str                     # its name in messages: the target, or «<импорт>»
    target: Path | None            # where it was written (None: the standard output)
    guesses: GuessLog
    findings: Findings | None     # what the check found; None: the check could not run
    check_failure: str | None = None  # why the check could not run
    schema_written: str | None = None  # the schema file written next to the result, as shown

    @property
    def exit_code(self) -> int:
        return EXIT_FINDINGS if self.findings is not None and self.findings.errors else EXIT_OK


@dataclass(frozen=True)
class Findings:
    """What the check of the result found: the errors (shown in full) and how many warnings."""

    errors: Sequence[Any]
    warnings: int


def target_of(output: str | None, source: str) -> Path | None:
    """Where the roadmap goes: a file, a file named after the document in a folder, or None."""
    if not output or output == "-":
        return None
    path = Path(output)
    if path.is_dir() or output.endswith(("/", "\\")):
        stem = STDIN_STEM if source == "-" else Path(source).stem
        return path / f"{stem}.yaml"
    return path


def _read(file: str) -> tuple[bytes, str]:
    from roadmapctl.importer.pipeline import document_bytes

    return document_bytes(file), (STDIN_NAME if file == "-" else file)


def link_schema(text: str, target: Path | None) -> tuple[str, str | None]:
    """``text`` with a schema modeline that resolves from where it is written; when no schema file
    is there yet, one is written at the repository root (never over an existing file). Returns the
    text and the schema file written, as shown to the user."""
    from roadmapctl.modeline import link_for, with_modeline, write_schema

    link = link_for(target if target is not None else Path(f"{STDIN_STEM}.yaml"))
    written = None
    if target is not None and not link.exists:
        write_schema(link.schema)
        written = os.path.relpath(link.schema) if not os.path.isabs(str(target)) else str(link.schema)
    return with_modeline(text, link.line), written


def run(request: ImportRequest, check: Callable[[str, str], Findings]) -> ImportOutcome:
    """Import the document, check the result with ``check(text, name)`` and write it. Raises
    ImportFailure (a Russian message) when the target exists (without ``force``), the document
    cannot be read or imported; ``writing.OutputError`` when the result cannot be written."""
    from roadmapctl.importer.pipeline import import_bytes
    from roadmapctl.writing import write_output

    target = target_of(request.output, request.file)
    if target is not None and target.exists() and not request.force:
        if target.is_dir():
            raise ImportFailure(f"{target}: это папка, а не файл")
        raise ImportFailure(f"{target}: файл уже существует; чтобы заменить его, добавьте --force")
    data, name = _read(request.file)
    result = import_bytes(data, name, request.options)
    # only the YAML and the guesses go on: the document's bytes, cells and drafts are let go
    # before the check loads the result, so that the two are never held at once
    guesses = result.guesses
    shown = str(target) if target is not None else "<импорт>"
    text, schema_written = link_schema(result.text, target)
    del data, result
    findings: Findings | None
    failure = None
    try:
        findings = check(text, shown)
    except Exception as exc:  # noqa: BLE001 - the import itself succeeded; say so and go on
        findings, failure = None, f"{type(exc).__name__}: {exc}"
    if target is not None:
        write_output(target, text.encode("utf-8"), force=request.force, inputs=[request.file])
    return ImportOutcome(text, shown, target, guesses, findings, failure, schema_written)
