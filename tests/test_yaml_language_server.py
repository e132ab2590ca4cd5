"""The schema's Russian messages as yaml-language-server shows them in an editor.

yaml-language-server (the engine of the YAML extension of VS Code) is installed from npm and
driven over stdio by pygls's LanguageClient, as an editor drives it. Skipped without npm.
"""

from __future__ import annotations

import asyncio
import json
import re

import pytest

pytest.importorskip("pygls")

from lsprotocol import types as lsp  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

from conftest import MINIMAL_ROADMAP, ROOT  # noqa: E402
from npmtools import npm_tools  # noqa: E402

SCHEMA = ROOT / "schema" / "roadmap.schema.json"


def _walk(node, path="#", is_property=False):
    if isinstance(node, dict):
        yield path, node, is_property
        for name, sub in (node.get("properties") or {}).items():
            yield from _walk(sub, f"{path}/{name}", True)
        for key in ("items", "additionalProperties"):
            if isinstance(node.get(key), dict):
                yield from _walk(node[key], f"{path}/{key}")
        for key in ("oneOf", "anyOf", "allOf"):
            for i, sub in enumerate(node.get(key) or []):
                yield from _walk(sub, f"{path}/{key}/{i}")
        for name, sub in (node.get("$defs") or {}).items():
            yield from _walk(sub, f"{path}/$defs/{name}")


def test_every_property_and_type_constraint_has_a_russian_error_message():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    checked = 0
    for where, node, is_property in _walk(schema):
        if is_property or "type" in node:
            message = node.get("errorMessage")
            assert isinstance(message, str) and re.search("[А-Яа-яЁё]{3}", message), f"{where} has no Russian errorMessage"
            assert not re.search(r"\b(?:expected|property|allowed|incorrect)\b", message, re.IGNORECASE), where
            checked += 1
    assert checked > 100


MODELINE = "# yaml-language-server: $schema={schema}\n"

ROADMAP = MINIMAL_ROADMAP + """\
        ответсвенные: [РУО]
      - номер: "2."
        мероприятие: Анализ результатов
        ответственные: РУО
"""


async def _yaml_ls_diagnostics(tools, path, text) -> list[lsp.Diagnostic]:
    client = LanguageClient("roadmapctl-test", "1")
    published: dict[str, list] = {}
    arrived = asyncio.Event()

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(ls, params):  # pygls passes itself to a parameter named ls
        if params.diagnostics:
            published[params.uri] = list(params.diagnostics)
            arrived.set()

    @client.feature(lsp.WORKSPACE_CONFIGURATION)
    def configuration(ls, params):
        return [{"validate": True, "hover": True, "completion": True, "schemaStore": {"enable": False}}
                for _ in params.items]

    @client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
    def register(ls, params):
        return None

    server = tools / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
    await client.start_io("node", str(server), "--stdio")
    try:
        await asyncio.wait_for(client.initialize_async(lsp.InitializeParams(
            capabilities=lsp.ClientCapabilities(workspace=lsp.WorkspaceClientCapabilities(configuration=True)),
            root_uri=path.parent.as_uri())), 60)
        client.initialized(lsp.InitializedParams())
        client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(
            settings={"yaml": {"validate": True, "schemaStore": {"enable": False}}}))
        uri = path.as_uri()
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(
            lsp.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)))
        await asyncio.wait_for(arrived.wait(), 60)
        await asyncio.sleep(0.5)  # the schema findings may follow the syntax pass
        result = published[uri]
        await asyncio.wait_for(client.shutdown_async(None), 10)
        client.exit(None)
        return result
    finally:
        if client._server is not None and client._server.returncode is None:
            client._server.kill()
        await client.stop()


@pytest.mark.external
def test_yaml_language_server_shows_a_misspelled_key_and_a_wrong_type_in_russian(tmp_path):
    tools = npm_tools()
    path = tmp_path / "roadmap.yaml"
    text = MODELINE.format(schema=SCHEMA.as_uri()) + ROADMAP
    path.write_text(text, encoding="utf-8")
    diagnostics = asyncio.run(_yaml_ls_diagnostics(tools, path, text))
    lines = text.splitlines()
    by_line = {d.range.start.line: d.message for d in diagnostics}
    misspelled = next(i for i, line in enumerate(lines) if "ответсвенные" in line)
    wrong_type = next(i for i, line in enumerate(lines) if "ответственные: РУО" in line)
    assert misspelled in by_line and wrong_type in by_line, diagnostics
    assert by_line[misspelled].startswith("«мероприятие»: ожидается словарь «ключ: значение» с ключами номер, мероприятие,")
    assert "Проверьте написание ключа" in by_line[misspelled]
    assert by_line[wrong_type] == "«ответственные»: ожидается список — строки с «- » или [первый, второй]"
    for message in by_line.values():
        assert "not allowed" not in message and "Incorrect type" not in message


@pytest.mark.external
def test_beside_yaml_language_server_each_schema_finding_is_shown_once(tmp_path):
    """Both servers on one file, as VS Code with the YAML extension and ours runs them."""
    import sys

    tools = npm_tools()
    path = tmp_path / "roadmap.yaml"
    text = MODELINE.format(schema=SCHEMA.as_uri()) + ROADMAP
    path.write_text(text, encoding="utf-8")
    theirs = asyncio.run(_yaml_ls_diagnostics(tools, path, text))

    async def ours() -> list[lsp.Diagnostic]:
        client = LanguageClient("roadmapctl-test", "1")
        published: list = []
        arrived = asyncio.Event()

        @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(ls, params):  # pygls passes itself to a parameter named ls
            published.append(list(params.diagnostics))
            arrived.set()

        await client.start_io(sys.executable, "-m", "roadmapctl", "lsp")
        try:
            await asyncio.wait_for(client.initialize_async(lsp.InitializeParams(
                capabilities=lsp.ClientCapabilities(),
                initialization_options={"schemaFindings": "yaml-language-server"})), 30)
            client.initialized(lsp.InitializedParams())
            client.text_document_did_open(lsp.DidOpenTextDocumentParams(
                lsp.TextDocumentItem(uri=path.as_uri(), language_id="yaml", version=1, text=text)))
            await asyncio.wait_for(arrived.wait(), 30)
            await asyncio.wait_for(client.shutdown_async(None), 10)
            client.exit(None)
            return published[0]
        finally:
            if client._server is not None and client._server.returncode is None:
                client._server.kill()
            await client.stop()

    mine = asyncio.run(ours())
    lines = text.splitlines()
    for needle in ("ответсвенные", "ответственные: РУО"):
        line = next(i for i, text_line in enumerate(lines) if needle in text_line)
        shown = [d for d in theirs + mine if d.range.start.line == line]
        assert len(shown) == 1, shown
        assert shown[0].source != "roadmapctl"
    # the misspelled key reaches the editor once, in Russian, from yaml-language-server
    assert not [d for d in mine if d.code in {"RM101", "RM102", "RM103", "RM104", "RM105"}]
