"""The VS Code extension in editors/vscode packages with @vscode/vsce (skipped without npm)."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile

import pytest

from conftest import ROOT
from npmtools import npm_tools

EXTENSION = ROOT / "editors" / "vscode"


def test_extension_starts_roadmapctl_lsp_for_yaml():
    manifest = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))
    assert manifest["main"] == "./extension.js"
    assert "onLanguage:yaml" in manifest["activationEvents"]
    assert manifest["dependencies"]["vscode-languageclient"].startswith("^9")
    source = (EXTENSION / "extension.js").read_text(encoding="utf-8")
    assert 'args: ["lsp"]' in source and "schemaFindings" in source


@pytest.mark.external
def test_extension_packages_with_vsce(tmp_path):
    tools = npm_tools()
    work = tmp_path / "vscode"
    shutil.copytree(EXTENSION, work, ignore=shutil.ignore_patterns("node_modules", "*.vsix"))
    done = subprocess.run(["npm", "install", "--omit=dev", "--no-audit", "--no-fund", "--prefer-offline"],
                          cwd=work, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    vsce = tools / "node_modules" / "@vscode" / "vsce" / "vsce"
    done = subprocess.run(["node", str(vsce), "package", "--out", str(tmp_path / "roadmapctl.vsix")],
                          cwd=work, capture_output=True, text=True, timeout=600, input="y\n")
    assert done.returncode == 0, done.stdout + done.stderr
    with zipfile.ZipFile(tmp_path / "roadmapctl.vsix") as vsix:
        names = set(vsix.namelist())
        packaged = json.loads(vsix.read("extension/package.json"))
    assert {"extension/package.json", "extension/extension.js", "extension.vsixmanifest"} <= names
    assert "extension/node_modules/vscode-languageclient/package.json" in names
    assert packaged["contributes"]["configuration"]["properties"]["roadmapctl.schemaFindings"]["default"] == "auto"
