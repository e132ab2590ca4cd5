"""Print a pip constraints file that pins every declared dependency to its lower bound.

CI installs the project with it to prove that the ranges in pyproject.toml are true: the suite
must pass on the lowest versions it admits, as well as on today's newest releases.
Usage: python .ci/lowest.py [EXTRA ...] > constraints.txt
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

LOWER = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*[^;]*?>=\s*([0-9][A-Za-z0-9.]*)")


def constraints(pyproject: Path, extras: list[str]) -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    requirements = list(project.get("dependencies", []))
    for extra in extras:
        requirements += project.get("optional-dependencies", {}).get(extra, [])
    pins = {}
    for requirement in requirements:
        match = LOWER.match(requirement)
        if not match:
            raise SystemExit(f"no lower bound in requirement: {requirement!r}")
        pins[match.group(1).lower()] = match.group(2)
    return [f"{name}=={version}" for name, version in sorted(pins.items())]


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1]
    print("\n".join(constraints(root / "pyproject.toml", sys.argv[1:])))
