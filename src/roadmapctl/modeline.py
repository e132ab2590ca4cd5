"""The editor's link from a roadmap file to its JSON Schema: the first-line comment
``# yaml-language-server: $schema=PATH`` that VS Code (the YAML extension) and other
yaml-language-server clients read.

The path must resolve from where the roadmap is written, in the user's own repository: this
module finds a schema file above the roadmap (``roadmap.schema.json`` or
``schema/roadmap.schema.json``, up to the repository root) or names the place where one is to be
written (the repository root, or the roadmap's own folder outside a repository).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from roadmapctl.repository import repository_root

PREFIX = "# yaml-language-server: $schema="
SCHEMA_NAME = "roadmap.schema.json"
CANDIDATES = (SCHEMA_NAME, f"schema/{SCHEMA_NAME}")


@dataclass(frozen=True)
class SchemaLink:
    line: str               # the modeline to put first in the roadmap file
    schema: Path            # the schema file it points at
    exists: bool            # False: the schema is still to be written there


def link_for(target: Path) -> SchemaLink:
    """The modeline for a roadmap to be written at ``target``."""
    folder = Path(os.path.abspath(target)).parent
    root = repository_root(folder)
    for candidate in (folder, *folder.parents):
        for name in CANDIDATES:
            path = candidate / name
            if path.is_file():
                return SchemaLink(_line(folder, path), path, True)
        if candidate == root:
            break
    path = (root or folder) / SCHEMA_NAME
    return SchemaLink(_line(folder, path), path, False)


def _line(folder: Path, schema: Path) -> str:
    return PREFIX + Path(os.path.relpath(schema, folder)).as_posix()


def with_modeline(text: str, line: str) -> str:
    """``text`` with ``line`` as its first line, replacing a modeline that is there already."""
    first, newline, rest = text.partition("\n")
    if first.lstrip("\ufeff").startswith(PREFIX):
        return line + newline + rest
    return line + "\n" + text


def schema_bytes() -> bytes:
    """The JSON Schema of the format, as the package ships it."""
    from roadmapctl.resources import schema_path

    return schema_path().read_bytes()


def write_schema(target: str | Path, force: bool = False) -> bool:
    """Write the schema to ``target`` under the output rules: an identical file is left alone
    (False), another version of our schema is replaced, any other file only with ``force``."""
    from roadmapctl.own_output import schema_file
    from roadmapctl.writing import write_output

    return write_output(target, schema_bytes(), force=force, replaceable=schema_file)
