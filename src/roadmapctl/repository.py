"""The git repository a file lives in, found on the file system (no git process), and the one
test of whether a path a configuration, a walk or a command names stays inside it."""

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


def confining_folder(folder: str | Path) -> Path:
    """The folder that paths named from ``folder`` must stay inside: the root of its repository,
    or ``folder`` itself outside git (resolved, symbolic links followed)."""
    base = Path(folder).resolve()
    return (repository_root(base) or base).resolve()


def leaves(path: str | Path, folder: str | Path) -> Path | None:
    """The folder (``confining_folder(folder)``) that ``path`` leaves once its symbolic links are
    followed; None when ``path`` stays inside it. ``path`` need not exist."""
    root = confining_folder(folder)
    return None if Path(path).resolve().is_relative_to(root) else root
