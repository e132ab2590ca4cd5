"""The layering rule of docs/architecture.md, kept true: imports point down the stages, and
consumers import each other only along the edges the page names."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

from conftest import ROOT

SRC = ROOT / "src" / "roadmapctl"

FOUNDATION = {"__init__", "spans", "textutil", "resources", "writing", "own_output", "outputs", "modeline", "ziputil", "colors", "repository", "openers"}
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


def module_of(path: Path, src: Path = SRC) -> str:
    """The dotted name of a source file: ``roadmapctl.check.rules`` for check/rules/__init__.py."""
    parts = list(path.relative_to(src.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str, src: Path) -> bool:
    relative = name.split(".")[1:]
    return bool(relative) and (src.joinpath(*relative).is_dir() or src.joinpath(*relative[:-1], relative[-1] + ".py").is_file())


def imported_modules(path: Path, src: Path = SRC) -> list[tuple[str, int, bool]]:
    """Every roadmapctl module a source file imports — absolute or relative (``from ..render import
    view``), at the top or inside a function — with the line and whether it is inside a function.
    ``from package import name`` is an import of ``package.name`` when that is a module, else of
    ``package``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    in_function = {id(node) for function in ast.walk(tree) if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))
                   for node in ast.walk(function)}
    package = module_of(path, src).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found = []
    for node in sorted(ast.walk(tree), key=lambda n: (getattr(n, "lineno", 0), getattr(n, "col_offset", 0))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            submodules = [f"{module}.{alias.name}" for alias in node.names if _is_module(f"{module}.{alias.name}", src)]
            names = submodules if len(submodules) == len(node.names) else [module] + submodules
        for name in names:
            if name == "roadmapctl" or name.startswith("roadmapctl."):
                found.append((name, node.lineno, id(node) in in_function))
    return found


def imported_units(path) -> set[str]:
    """Every roadmapctl unit a module imports, absolute or relative, at the top or inside a function."""
    found = set()
    for name, _line, _inside in imported_modules(path):
        parts = name.split(".")
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


def test_relative_imports_are_read(tmp_path):
    # ``from ..render import view`` inside diff/ is the edge diff → render, as the absolute form is
    src = tmp_path / "roadmapctl"
    for name in ("__init__.py", "diff/__init__.py", "diff/match.py", "render/__init__.py", "render/view.py"):
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text("", encoding="utf-8")
    probe = src / "diff" / "changes.py"
    probe.write_text("from . import match\n\n\ndef f():\n    from ..render import view\n    from ..render.view import build\n",
                     encoding="utf-8")
    assert imported_modules(probe, src) == [("roadmapctl.diff.match", 1, False), ("roadmapctl.render.view", 5, True),
                                            ("roadmapctl.render.view", 6, True)]
    # and the real tree is read the same way: check/__init__.py's own package, by its relative name
    assert module_of(SRC / "check" / "rules" / "__init__.py") == "roadmapctl.check.rules"


def type_only_lines(path: Path) -> set[int]:
    """The lines of the imports under ``if TYPE_CHECKING:``: they never run, so they make no cycle
    (mypy reads them; the layering rule above still counts them)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines: set[int] = set()
    for node in ast.walk(tree):
        test = getattr(node, "test", None) if isinstance(node, ast.If) else None
        if isinstance(test, ast.Name) and test.id == "TYPE_CHECKING" or \
                isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING":
            lines.update(n.lineno for body in node.body for n in ast.walk(body) if isinstance(n, (ast.Import, ast.ImportFrom)))
    return lines


def import_graph() -> dict[str, dict[str, tuple[int, bool]]]:
    """module → {imported module: (line, inside a function)}, over every source file; imports for
    type checking only are left out."""
    graph: dict[str, dict[str, tuple[int, bool]]] = {}
    modules = {module_of(path): path for path in sorted(SRC.rglob("*.py"))}
    for module, path in modules.items():
        targets = graph.setdefault(module, {})
        typing_only = type_only_lines(path)
        for name, line, inside in imported_modules(path):
            if line in typing_only:
                continue
            while name not in modules and "." in name:  # ``import roadmapctl.x.y`` of a name in a module
                name = name.rsplit(".", 1)[0]
            if name != module and name in modules:
                targets.setdefault(name, (line, inside))
    return graph


def cycles(graph: dict[str, dict[str, tuple[int, bool]]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, {}):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def _described(graph, group: list[str]) -> str:
    members = set(group)
    edges = [f"{source} → {target} (line {line}{', inside a function' if inside else ''})"
             for source in group for target, (line, inside) in sorted(graph[source].items()) if target in members]
    return "; ".join(edges)


def test_no_import_cycles():
    """No module reaches itself through imports, counting the imports inside functions (which
    only hide a cycle until the order of first use changes). Break one by moving the shared
    piece down into a module both can import."""
    graph = import_graph()
    assert [_described(graph, group) for group in cycles(graph)] == []


def test_imports_for_type_checking_only_make_no_cycle(tmp_path):
    probe = tmp_path / "m.py"
    probe.write_text("from typing import TYPE_CHECKING\nimport roadmapctl.a\nif TYPE_CHECKING:\n    from roadmapctl.b import B\n",
                     encoding="utf-8")
    assert type_only_lines(probe) == {4}


def test_a_cycle_is_found_also_through_an_import_inside_a_function():
    graph = {"a": {"b": (1, False)}, "b": {"c": (3, False)}, "c": {"a": (7, True)}, "d": {"a": (1, False)}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert _described(graph, ["a", "b", "c"]) == "a → b (line 1); b → c (line 3); c → a (line 7, inside a function)"
    assert cycles({"a": {"b": (1, False)}, "b": {}}) == []
