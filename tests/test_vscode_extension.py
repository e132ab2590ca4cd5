"""The VS Code extension in editors/vscode: it sends roadmaps only to the server (its gate run
under node, its hooks checked against the real vscode-languageclient's declarations), and it
packages with @vscode/vsce (skipped without node or npm)."""

from __future__ import annotations

import json
import re
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
    assert {"extension/package.json", "extension/extension.js", "extension/roadmaps.js",
            "extension.vsixmanifest"} <= names
    assert "extension/node_modules/vscode-languageclient/package.json" in names
    assert packaged["contributes"]["configuration"]["properties"]["roadmapctl.schemaFindings"]["default"] == "auto"


def _node(script: str, *args: str) -> object:
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    done = subprocess.run(["node", "-e", script, "--", *args], capture_output=True, text=True, timeout=60,
                          check=False, cwd=EXTENSION)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


# Fake documents (the gate reads only .uri and the first line, through isRoadmap) and a run of
# what VS Code does: open, type, save, hover, complete, fix, format, close — recording which
# calls reach the server (`next`).
_GATE_RUN = r"""
const { createGate, namesRoadmapSchema } = require("./roadmaps.js");
const doc = (uri, first) => ({ uri: { toString: () => uri }, first });
const docs = {
  roadmap: doc("file:///c%3A/Users/%D0%9C/%D0%BA%D0%B0%D1%80%D1%82%D0%B0.yaml",
               "# yaml-language-server: $schema=../schema/roadmap.schema.json"),
  workflow: doc("file:///c%3A/repo/.github/workflows/ci.yml", "name: CI"),
  compose: doc("file:///home/m/docker-compose.yml",
               "# yaml-language-server: $schema=https://json.schemastore.org/docker-compose.json"),
};
const { middleware } = createGate((d) => namesRoadmapSchema(d.first));
const reached = [];
const next = (name, d) => () => { reached.push(`${name} ${d.uri.toString()}`); return Promise.resolve([]); };
(async () => {
  for (const d of Object.values(docs)) {
    await middleware.didOpen(d, next("didOpen", d));
    await middleware.didChange({ document: d, contentChanges: [] }, next("didChange", d));
    await middleware.willSave({ document: d }, next("willSave", d));
    await middleware.willSaveWaitUntil({ document: d }, next("willSaveWaitUntil", d));
    await middleware.didSave(d, next("didSave", d));
    await middleware.provideHover(d, {}, {}, next("hover", d));
    await middleware.provideCompletionItem(d, {}, {}, {}, next("completion", d));
    await middleware.provideCodeActions(d, {}, {}, {}, next("codeActions", d));
    await middleware.provideDocumentFormattingEdits(d, {}, {}, next("formatting", d));
    await middleware.provideDocumentRangeFormattingEdits(d, {}, {}, {}, next("rangeFormatting", d));
    await middleware.didClose(d, next("didClose", d));
    await middleware.didChange({ document: d, contentChanges: [] }, next("didChange after close", d));
  }
  process.stdout.write(JSON.stringify(reached));
})();
"""


def test_only_roadmaps_reach_the_server():
    roadmap = "file:///c%3A/Users/%D0%9C/%D0%BA%D0%B0%D1%80%D1%82%D0%B0.yaml"
    assert _node(_GATE_RUN) == [f"{call} {roadmap}" for call in (
        "didOpen", "didChange", "willSave", "willSaveWaitUntil", "didSave", "hover", "completion", "codeActions",
        "formatting", "rangeFormatting", "didClose")]


@pytest.mark.parametrize("line, roadmap", [
    ("# yaml-language-server: $schema=../schema/roadmap.schema.json", True),
    ("\ufeff# yaml-language-server: $schema=roadmap.schema.json", True),
    ("#yaml-language-server:  $schema=C:/Дорожные карты/roadmap.schema.json", True),  # a space in the path
    ("# yaml-language-server: $schema=https://json.schemastore.org/github-workflow.json", False),
    ("# yaml-language-server: $schema=roadmap.schema.json.bak", False),
    ("версия_формата: 1", False),  # decided by the folder patterns (roadmapctl.files), not the first line
    ("", False),
])
def test_the_first_line_that_names_the_roadmap_schema(line, roadmap):
    script = 'const { namesRoadmapSchema } = require("./roadmaps.js");' \
             "process.stdout.write(JSON.stringify(namesRoadmapSchema(process.argv[process.argv.length - 1])));"
    assert _node(script, line) is roadmap


def _declared_middleware(package) -> dict[str, int]:
    """Hook name → number of parameters, from the vscode-languageclient package's own .d.ts."""
    declared: dict[str, int] = {}
    for path in (package / "lib" / "common").glob("*.d.ts"):
        for match in re.finditer(r"^ {4}(\w+)\?: (.*);$", path.read_text(encoding="utf-8"), re.MULTILINE):
            name, kind = match.groups()
            if kind.startswith("NextSignature<"):
                declared[name] = 2
            elif (params := re.match(r"\(this: void, (.*?)next: ", kind)) is not None:
                declared[name] = len([p for p in params.group(1).split(", ") if p]) + 1
    return declared


def test_the_gate_hooks_are_vscode_languageclient_middleware(tmp_path):
    npm_tools()  # npm is here and the registry reachable (or the test is skipped)
    work = tmp_path / "vscode"
    shutil.copytree(EXTENSION, work, ignore=shutil.ignore_patterns("node_modules", "*.vsix"))
    done = subprocess.run(["npm", "install", "--omit=dev", "--no-audit", "--no-fund", "--prefer-offline"],
                          cwd=work, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    package = work / "node_modules" / "vscode-languageclient"
    assert json.loads((package / "package.json").read_text(encoding="utf-8"))["version"].startswith("9.")
    declared = _declared_middleware(package)
    assert declared["provideHover"] == 4 and declared["didOpen"] == 2  # the parsing reads the declarations
    ours = _node('const { createGate } = require("./roadmaps.js"); const m = createGate(() => true).middleware;'
                 "process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(m).map(([k, f]) => [k, f.length]))));")
    assert ours == {name: declared[name] for name in ours}
    # every feature the server offers is gated: text sync, hover, completion, code actions, formatting
    assert {"didOpen", "didChange", "didSave", "didClose", "provideHover", "provideCompletionItem",
            "provideCodeActions", "provideDocumentFormattingEdits"} <= set(ours)


def test_the_extension_sends_yaml_files_through_the_gate():
    source = (EXTENSION / "extension.js").read_text(encoding="utf-8")
    assert 'documentSelector: [{ scheme: "file", language: "yaml" }]' in source
    assert "middleware: createGate(isRoadmap).middleware" in source
    # the server is started only once a roadmap is open
    assert "vscode.workspace.textDocuments.find(isRoadmap)" in source
    manifest = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))
    files = manifest["contributes"]["configuration"]["properties"]["roadmapctl.files"]["default"]
    assert files == ["**/roadmaps/**/*.yaml", "**/roadmaps/**/*.yml", "**/*.roadmap.yaml"]


def test_the_addresses_the_server_is_tested_with_are_those_vscode_sends():
    """tests/test_lsp.py drives the server with hand-written addresses; VS Code's URI class (the
    npm package vscode-uri) makes the same ones from a Windows path and a Cyrillic Linux path."""
    from test_lsp import ADDRESSES

    package = npm_tools() / "node_modules" / "vscode-uri"
    script = ("const { URI } = require(process.argv[process.argv.length - 2]);"
              "process.stdout.write(JSON.stringify(URI.file(process.argv[process.argv.length - 1]).toString()));")
    assert _node(script, str(package), "C:/Users/Методист/моя карта.yaml") == ADDRESSES["vscode-windows"]
    assert _node(script, str(package), "/tmp/roadmapctl-lsp-test/карта.yaml") == ADDRESSES["cyrillic"]
    assert _node(script, str(package), "/tmp/roadmapctl-lsp-test/моя карта.yaml") == ADDRESSES["space"]


def test_the_extension_with_the_real_languageclient_checks_roadmaps_only(tmp_path):
    """extension.js with the real vscode-languageclient 9 (VS Code itself replaced by
    tests/data/vscode/vscode-stub.js, its URIs by VS Code's vscode-uri) starts `roadmapctl lsp`:
    a roadmap at a Windows address and one in a Cyrillic-named file under roadmaps/ get their
    findings, hover and formatting; a GitHub workflow and a docker-compose file open beside them
    get nothing, and their files stay as they are."""
    import os
    import sys

    from test_lsp import COMPOSE, DEFECTS, WORKFLOW, _line

    if os.name == "nt":
        pytest.skip("the test starts the server through a POSIX shell script")
    tools = npm_tools()
    work = tmp_path / "vscode"
    shutil.copytree(EXTENSION, work, ignore=shutil.ignore_patterns("node_modules", "*.vsix"))
    done = subprocess.run(["npm", "install", "--omit=dev", "--no-audit", "--no-fund", "--prefer-offline"],
                          cwd=work, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    (work / "node_modules" / "vscode").mkdir()
    shutil.copy(ROOT / "tests" / "data" / "vscode" / "vscode-stub.js", work / "node_modules" / "vscode" / "index.js")
    command = tmp_path / "roadmapctl"
    command.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT / "src"}" exec "{sys.executable}" -m roadmapctl "$@"\n', encoding="utf-8")
    command.chmod(0o755)

    repo = tmp_path / "Репозиторий карт"
    (repo / "roadmaps").mkdir(parents=True)
    (repo / ".github" / "workflows").mkdir(parents=True)
    windows = "C:/Users/Методист/Дорожные карты/моя карта.yaml"  # not on this disk: the editor's text is all
    named = "# yaml-language-server: $schema=../schema/roadmap.schema.json\n" + DEFECTS
    in_folder = repo / "roadmaps" / "карта.yaml"
    workflow, compose = repo / ".github" / "workflows" / "ci.yml", repo / "docker-compose.yml"
    for path, text in ((in_folder, DEFECTS), (workflow, WORKFLOW), (compose, COMPOSE)):
        path.write_text(text, encoding="utf-8")
    deadline = _line(DEFECTS, "срок: ежеквартально")
    documents = [
        {"path": windows, "text": named, "hover": [deadline + 1, 16]},
        {"path": str(in_folder), "text": DEFECTS, "hover": [deadline, 16]},
        {"path": str(workflow), "text": WORKFLOW, "hover": [1, 1]},
        {"path": str(compose), "text": COMPOSE, "hover": [2, 6]},
    ]
    (tmp_path / "documents.json").write_text(json.dumps(documents, ensure_ascii=False), encoding="utf-8")
    env = dict(os.environ, DOCUMENTS=str(tmp_path / "documents.json"), EXTENSION_DIR=str(work),
               ROADMAPCTL_COMMAND=str(command), VSCODE_URI_PACKAGE=str(tools / "node_modules" / "vscode-uri"),
               EXPECT_FINDINGS_FOR=json.dumps([windows, str(in_folder)]))
    done = subprocess.run(["node", str(ROOT / "tests" / "data" / "vscode" / "run-extension.js")], cwd=work, env=env,
                          capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)

    # VS Code's address of the Windows file, written out by hand (drive letter in lower case, «:» escaped)
    windows_uri = ("file:///c%3A/Users/%D0%9C%D0%B5%D1%82%D0%BE%D0%B4%D0%B8%D1%81%D1%82/%D0%94%D0%BE%D1%80%D0%BE%D0%B6"
                   "%D0%BD%D1%8B%D0%B5%20%D0%BA%D0%B0%D1%80%D1%82%D1%8B/%D0%BC%D0%BE%D1%8F%20%D0%BA%D0%B0%D1%80%D1%82%D0%B0.yaml")
    spacing = _line(DEFECTS, "Создание  муниципальной")
    assert shown["started"] is True
    assert shown["diagnostics"] == {windows_uri: [f"RM605 {spacing + 1}"], in_folder.as_uri(): [f"RM605 {spacing}"]}
    assert shown["hover"] == {windows_uri: "hover", in_folder.as_uri(): "hover", workflow.as_uri(): None,
                              compose.as_uri(): None}
    assert shown["formatting"][workflow.as_uri()] is None and shown["formatting"][compose.as_uri()] is None
    assert shown["formatting"][windows_uri] is not None and shown["formatting"][in_folder.as_uri()] is not None
    assert shown["messages"] == []
    # the client's own trace of what it sent: the roadmaps, and nothing at all about the other two files
    assert "Sending notification 'textDocument/didOpen'" in shown["trace"]
    assert windows_uri in shown["trace"] and in_folder.as_uri() in shown["trace"]
    assert workflow.as_uri() not in shown["trace"] and compose.as_uri() not in shown["trace"]
    assert workflow.read_text(encoding="utf-8") == WORKFLOW and compose.read_text(encoding="utf-8") == COMPOSE
