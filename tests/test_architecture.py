"""The layering rule of docs/architecture.md, kept true: imports point down the stages, and
consumers import each other only along the edges the page names."""

from __future__ import annotations

import ast
from collections import defaultdict

from conftest import ROOT

SRC = ROOT / "src" / "roadmapctl"

FOUNDATION = {"__init__", "spans", "textutil", "resources", "writing", "own_output", "modeline", "ziputil", "colors", "repository"}
LOADING = {"loading"}
DOCUMENT = {"document"}
DOMAIN = {"deadlines", "spelling"}
CONSUMERS = {"check", "format", "mark", "render", "report", "diff", "export", "importer", "site"}
FRONT = {"cli", "lsp", "__main__"}
CONSUMER_EDGES = {("export", "report"), ("report", "render"), ("importer", "format"),
                  ("site", "report"), ("site", "render"), ("site", "export")}

ALLOWED = {
    "foundation": FOUNDATION,
    "loading": FOUNDATION | LOADING,
    "domain": FOUNDATION | DOMAIN,
    "document": FOUNDATION | LOADING | DOCUMENT | DOMAIN,
    "consumer": FOUNDATION | LOADING | DOCUMENT | DOMAIN,
    "front": FOUNDATION | LOADING | DOCUMENT | DOMAIN | CONSUMERS | FRONT - {"__main__"},
}


def layer(unit: str) -> str:
    for name, members in (("foundation", FOUNDATION), ("loading", LOADING), ("document", DOCUMENT),
                          ("domain", DOMAIN), ("consumer", CONSUMERS), ("front", FRONT)):
        if unit in members:
            return name
    raise AssertionError(f"{unit} is in no layer of docs/architecture.md: add it there and here")


def unit_of(path) -> str:
    parts = path.relative_to(SRC).parts
    return parts[0] if len(parts) > 1 else parts[0][:-3]


def imported_units(path) -> set[str]:
    """Every roadmapctl unit a module imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] != "roadmapctl":
                continue
            unit = parts[1] if len(parts) > 1 else "__init__"
            # ``from roadmapctl import __version__`` names the package itself, not a module
            found.add(unit if (SRC / unit).is_dir() or (SRC / f"{unit}.py").is_file() else "__init__")
    return found


def edges() -> dict[tuple[str, str], list[str]]:
    out = defaultdict(list)
    for path in sorted(SRC.rglob("*.py")):
        source = unit_of(path)
        for target in imported_units(path):
            if target != source:
                out[(source, target)].append(str(path.relative_to(SRC)))
    return out


def test_every_import_points_down_the_layers():
    wrong = []
    for (source, target), files in sorted(edges().items()):
        kind = layer(source)
        layer(target)  # every unit has a layer
        if target in ALLOWED[kind] or (source, target) in CONSUMER_EDGES:
            continue
        wrong.append(f"{source} → {target} ({', '.join(sorted(set(files)))})")
    assert wrong == []


def test_the_named_consumer_edges_are_in_the_documentation():
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for source, target in CONSUMER_EDGES:
        assert f"| `{source}` | `{target}` |" in page


def test_the_rule_catches_a_new_edge():
    # the check above is real: a consumer importing another consumer is not allowed
    assert "render" not in ALLOWED[layer("diff")] and ("diff", "render") not in CONSUMER_EDGES
