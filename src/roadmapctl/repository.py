"""The git repository a file lives in, found on the file system (no git process)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=256)
def repository_root(directory: str | Path) -> Path | None:
    """The nearest folder at or above ``directory`` that holds ``.git`` (a folder, or a file in a
    worktree or submodule), or None outside a repository."""
    here = Path(directory)
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return None
