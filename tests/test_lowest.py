""".ci/lowest.py: the constraints CI installs to prove the lower bounds of pyproject.toml."""

from __future__ import annotations

import importlib.util

import pytest

from conftest import ROOT


def _lowest():
    spec = importlib.util.spec_from_file_location("lowest", ROOT / ".ci" / "lowest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_project_pins_its_test_and_lint_extras_to_their_lower_bounds():
    pins = _lowest().constraints(ROOT / "pyproject.toml", ["test", "lint"])
    # written out from pyproject.toml: the click range, the test runner's workers, the lint tools
    for pin in ("click==8.1", "typer==0.19", "pytest==8", "pytest-xdist==3.6.1", "hypothesis==6.100",
                "ruff==0.17.6", "mypy==2.4.1", "types-pyyaml==6.0.12.20261122"):
        assert pin in pins
    names = [p.split("==")[0] for p in pins]
    assert names == sorted(set(names))  # each package once, in order


def test_a_requirement_without_a_lower_bound_is_refused(tmp_path):
    project = tmp_path / "pyproject.toml"
    project.write_text('[project]\nname = "x"\ndependencies = ["click"]\n', encoding="utf-8")
    with pytest.raises(SystemExit, match="no lower bound in requirement: 'click'"):
        _lowest().constraints(project, [])
