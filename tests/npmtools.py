"""npm packages for the tests that use a real editor component (yaml-language-server, vsce).

They are installed once into ``.tools/npm`` inside the repository (git-ignored); a test that
needs them is skipped, saying why, when npm is absent or the registry cannot be reached.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / ".tools" / "npm"
PACKAGES = ["yaml-language-server", "@vscode/vsce", "vscode-languageclient"]


def npm_tools() -> Path:
    """The folder whose node_modules holds PACKAGES (installed now if needed)."""
    return npm_packages(PACKAGES, "the editor components")


def npm_packages(packages: list[str], what: str) -> Path:
    """The folder whose node_modules holds ``packages`` (installed now if needed); ``what`` says
    what cannot be tested without them."""
    if shutil.which("npm") is None or shutil.which("node") is None:
        pytest.skip(f"npm and node are not installed: {what} cannot be tested here")
    if all((TOOLS / "node_modules" / name / "package.json").is_file() for name in packages):
        return TOOLS
    TOOLS.mkdir(parents=True, exist_ok=True)
    if not (TOOLS / "package.json").exists():
        (TOOLS / "package.json").write_text('{"private": true}\n', encoding="utf-8")
    done = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", *packages],
                          cwd=TOOLS, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        pytest.skip(f"npm install failed (no registry?): {done.stderr.strip()[-300:]}")
    return TOOLS
