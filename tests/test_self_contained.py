"""The project stands on its own: nothing in code, tests, docs or CI points outside the
repository (a clone in an empty folder has nothing beside it)."""

from __future__ import annotations

import re

from conftest import ROOT

OUTSIDE = re.compile(r"\.\./shared|shared/(seeds|domain\.md|deadlines\.md|rendering\.md)|/work/")
TEXT_SUFFIXES = {".py", ".md", ".toml", ".yaml", ".yml", ".json", ".j2", ".txt", ".cfg", ".ini", ""}


def project_files():
    for folder in ("src", "tests", "docs", "benchmarks", "examples", "templates", "schema", ".ci", "editors"):
        base = ROOT / folder
        if not base.exists():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file() and path.suffix in TEXT_SUFFIXES and "node_modules" not in path.parts \
                    and "fixtures" not in path.relative_to(ROOT).parts[:2] and path.name != "test_self_contained.py":
                yield path
    for name in ("README.md", "pyproject.toml", ".pre-commit-hooks.yaml"):
        yield ROOT / name


def test_nothing_points_outside_the_repository():
    offenders = []
    for path in project_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            if OUTSIDE.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert offenders == []


def test_the_seed_documents_are_in_the_repository():
    seeds = sorted(p.name[:3] for p in (ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))
    assert seeds == ["000", "001", "002", "003", "004"]


def test_the_rules_the_code_cites_are_in_docs():
    for name in ("domain.md", "deadlines.md", "rendering.md"):
        assert (ROOT / "docs" / name).is_file(), name
