"""`roadmapctl lsp` driven over stdio by a real LSP client (pygls's LanguageClient).

Each test starts the installed server as an editor does (`python -m roadmapctl lsp`), speaks
JSON-RPC to it through pipes, and checks what an editor would show.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys

import pytest

pytest.importorskip("pygls")

from lsprotocol import types as lsp  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

from conftest import ROADMAP_HEAD, ROOT  # noqa: E402

URI = "file:///tmp/roadmapctl-lsp-test/roadmap.yaml"

DEFECTS = ROADMAP_HEAD + """\
участники:
  РУО:
    полное: Районное управление образования
    вид: орган
  ИМЦ:
    вид: организация
таблицы:
  - колонки:
      - {поле: номер, заголовок: № п/п}
      - {поле: мероприятие, заголовок: Мероприятие}
      - {поле: срок, заголовок: Срок}
      - {поле: ответственные, заголовок: Ответственные}
    мероприятия:
      - номер: "1."
        мероприятие: Создание  муниципальной команды
        срок: Март 2021 года
        ответственные: [РУО]
      - номер: "2."
        мероприятие: Анализ результатов ВПР
        срок: ежеквартально
        ответственные: [ИМЦ]
"""


def _line(text: str, needle: str) -> int:
    """0-based number of the first line containing ``needle``."""
    return next(i for i, line in enumerate(text.splitlines()) if needle in line)


class Session:
    """A client connected to a fresh server, collecting the published diagnostics."""

    def __init__(self, client: LanguageClient):
        self.client = client
        self.published: dict[int | None, list[lsp.Diagnostic]] = {}
        self.addresses: list[str] = []  # the address of every publication, in order
        self.arrived = asyncio.Event()

    async def diagnostics(self, version: int, timeout: float = 20) -> list[lsp.Diagnostic]:
        async def wait():
            while version not in self.published:
                self.arrived.clear()
                await self.arrived.wait()
            return list(self.published[version])

        return await asyncio.wait_for(wait(), timeout)

    def open(self, text: str, uri: str = URI, version: int = 1) -> None:
        self.client.text_document_did_open(lsp.DidOpenTextDocumentParams(
            lsp.TextDocumentItem(uri=uri, language_id="yaml", version=version, text=text)))

    def replace(self, text: str, version: int, uri: str = URI) -> None:
        self.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [lsp.TextDocumentContentChangeWholeDocument(text=text)]))


async def _session(body, initialization_options=None, capabilities=None):
    client = LanguageClient("roadmapctl-test", "1")
    session = Session(client)

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(ls, params: lsp.PublishDiagnosticsParams):  # pygls passes itself to a parameter named ls
        session.published[params.version] = params.diagnostics
        session.addresses.append(params.uri)
        session.arrived.set()

    await client.start_io(sys.executable, "-m", "roadmapctl", "lsp", cwd=str(ROOT))
    try:
        result = await asyncio.wait_for(client.initialize_async(lsp.InitializeParams(
            capabilities=capabilities or lsp.ClientCapabilities(), initialization_options=initialization_options)), 30)
        assert result.server_info.name == "roadmapctl"
        client.initialized(lsp.InitializedParams())
        await body(session)
        await asyncio.wait_for(client.shutdown_async(None), 10)
        client.exit(None)
        await asyncio.wait_for(client._server.wait(), 10)
        assert client._server.returncode == 0
    finally:
        if client._server is not None and client._server.returncode is None:
            client._server.kill()  # a failed test must not leave the server behind
        await client.stop()


def run(body, **options):
    asyncio.run(_session(body, **options))


def codes(diagnostics) -> list[tuple[str, int]]:
    return sorted((d.code, d.range.start.line) for d in diagnostics)


def test_diagnostics_on_open_and_on_change():
    async def body(s: Session):
        s.open(DEFECTS)
        first = await s.diagnostics(1)
        assert codes(first) == [("RM605", _line(DEFECTS, "Создание  муниципальной"))]
        [spacing] = first
        assert spacing.message.startswith("двойной пробел")
        assert spacing.source == "roadmapctl"
        assert spacing.severity == lsp.DiagnosticSeverity.Warning
        # the two spaces: columns 29-31 in characters (and in UTF-16: all Cyrillic)
        assert (spacing.range.start.character, spacing.range.end.character) == (29, 31)

        # a misspelled key and a number YAML reads as a float
        changed = DEFECTS.replace("ответственные: [ИМЦ]", "ответсвенные: [ИМЦ]").replace('"2."', "2.10")
        s.replace(changed, 2)
        second = await s.diagnostics(2)
        assert codes(second) == sorted([("RM101", _line(changed, "ответсвенные")), ("RM104", _line(changed, "2.10")),
                                        ("RM605", _line(changed, "Создание  муниципальной"))])
        rm101 = next(d for d in second if d.code == "RM101")
        assert rm101.severity == lsp.DiagnosticSeverity.Error
        assert "неизвестный ключ «ответсвенные»" in rm101.message and "«ответственные»" in rm101.message

    run(body)


def test_noqa_and_configuration_apply_as_in_check():
    async def body(s: Session):
        s.open(DEFECTS.replace("Создание  муниципальной команды", "Создание  муниципальной команды  # noqa: RM605"))
        assert await s.diagnostics(1) == []

    run(body)


def test_hover_on_a_deadline_a_party_and_a_noqa_code():
    text = DEFECTS.replace("срок: ежеквартально", "срок: ежеквартально  # noqa: RM601")

    async def body(s: Session):
        s.open(text)
        await s.diagnostics(1)
        line = _line(text, "срок: ежеквартально")
        hover = await s.client.text_document_hover_async(lsp.HoverParams(
            lsp.TextDocumentIdentifier(URI), lsp.Position(line, 16)))
        value = hover.contents.value
        # what `roadmapctl explain --period 2021-2022 ежеквартально` says
        assert "«ежеквартально»" in value
        assert "раз в квартал: 31.03.2021, 30.06.2021, 30.09.2021, …, 31.12.2022 (всего 8 дат)" in value
        assert "Период: 01.01.2021–31.12.2022" in value

        line = _line(text, "ответственные: [РУО]")
        hover = await s.client.text_document_hover_async(lsp.HoverParams(
            lsp.TextDocumentIdentifier(URI), lsp.Position(line, 25)))
        assert "РУО" in hover.contents.value and "Районное управление образования" in hover.contents.value
        assert "Вид: орган" in hover.contents.value

        line = _line(text, "noqa: RM601")
        column = text.splitlines()[line].index("RM601") + 2
        hover = await s.client.text_document_hover_async(lsp.HoverParams(
            lsp.TextDocumentIdentifier(URI), lsp.Position(line, column)))
        assert "RM601" in hover.contents.value and "Латинские буквы внутри русского слова" in hover.contents.value

    run(body)


def test_completion_of_parties_and_statuses_while_the_line_is_half_typed():
    async def body(s: Session):
        s.open(DEFECTS)
        await s.diagnostics(1)
        typing = DEFECTS.replace("ответственные: [ИМЦ]", "ответственные: [РУО, И")
        s.replace(typing, 2)
        await s.diagnostics(2)  # not YAML now: an unclosed flow list
        line = _line(typing, "ответственные: [РУО, И")
        character = len(typing.splitlines()[line])
        result = await s.client.text_document_completion_async(lsp.CompletionParams(
            lsp.TextDocumentIdentifier(URI), lsp.Position(line, character)))
        labels = [item.label for item in result.items]
        assert labels == ["РУО", "ИМЦ"]
        imc = result.items[1]
        assert imc.text_edit.new_text == "ИМЦ"
        # it replaces the «И» typed after the comma
        assert (imc.text_edit.range.start.character, imc.text_edit.range.end.character) == (character - 1, character)

        status = typing.replace("        срок: Март 2021 года\n", "        срок: Март 2021 года\n        статус: \n")
        s.replace(status, 3)
        await s.diagnostics(3)
        line = _line(status, "статус: ")
        result = await s.client.text_document_completion_async(lsp.CompletionParams(
            lsp.TextDocumentIdentifier(URI), lsp.Position(line, len("        статус: "))))
        assert [item.label for item in result.items] == ["не начато", "в работе", "выполнено", "отменено"]

    run(body)


def test_a_hover_right_after_a_change_answers_from_the_last_analysis_and_says_so():
    # The server does not wait before checking a change, so whether the new analysis is ready
    # when the hover is answered depends on timing: a hover that does not say it describes the
    # text before the change comes after the findings of the new text. The change is in the
    # directory, outside every activity, of a roadmap of 400 activities, so each is checked whole
    # and takes long (an activity's change is read again alone, check/incremental.py, too quickly
    # for a hover to come first under load). Several changes, until a hover has been answered
    # from the old analysis.
    more = "".join(f"""      - номер: "{number}."
        мероприятие: Методический семинар для учителей школы № {number}
        срок: до 1 декабря 2021 года
        ответственные: [ИМЦ]
""" for number in range(3, 403))
    big = DEFECTS + more
    line = _line(big, "срок: ежеквартально")
    stale_note = "По тексту до последней правки: новая проверка ещё идёт."
    texts = [big.replace("Районное управление образования", "Районное управление образования и науки"), big]

    async def body(s: Session):
        s.open(big)
        await s.diagnostics(1)
        stale_seen = 0
        for version in range(2, 42):
            s.replace(texts[version % 2], version)
            hover = await s.client.text_document_hover_async(lsp.HoverParams(
                lsp.TextDocumentIdentifier(URI), lsp.Position(line, 16)))
            assert "«ежеквартально»" in hover.contents.value
            stale = stale_note in hover.contents.value
            assert stale or version in s.published
            stale_seen += stale
            await s.diagnostics(version)
            if stale_seen and version >= 6:
                break
        assert stale_seen
        hover = await s.client.text_document_hover_async(lsp.HoverParams(
            lsp.TextDocumentIdentifier(URI), lsp.Position(line, 16)))
        assert "«ежеквартально»" in hover.contents.value and stale_note not in hover.contents.value

    run(body)


def test_code_actions_right_after_a_change_fit_the_new_text():
    async def body(s: Session):
        s.open(DEFECTS)
        await s.diagnostics(1)
        moved = DEFECTS.replace("таблицы:\n", "# комментарий\nтаблицы:\n")  # the finding one line lower
        s.replace(moved, 2)
        row = _line(moved, "Создание  муниципальной")
        actions = await s.client.text_document_code_action_async(lsp.CodeActionParams(
            lsp.TextDocumentIdentifier(URI), lsp.Range(lsp.Position(row, 0), lsp.Position(row, 60)),
            lsp.CodeActionContext(diagnostics=[])))
        single = next(a for a in actions if a.title == "Оставить один пробел")
        assert _apply(moved, single.edit.changes[URI]) == moved.replace("Создание  муниципальной", "Создание муниципальной")

    run(body)


def _apply(text: str, edits: list[lsp.TextEdit]) -> str:
    """Apply LSP text edits (UTF-16 positions; the test texts are all BMP) as an editor does."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(p: lsp.Position) -> int:
        return starts[p.line] + p.character

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


def test_code_actions_fix_the_text_and_suppress_a_finding():
    text = DEFECTS.replace('"2."', "2.10")

    async def body(s: Session):
        s.open(text)
        diagnostics = await s.diagnostics(1)
        rm104 = next(d for d in diagnostics if d.code == "RM104")
        actions = await s.client.text_document_code_action_async(lsp.CodeActionParams(
            lsp.TextDocumentIdentifier(URI), rm104.range, lsp.CodeActionContext(diagnostics=[rm104])))
        titles = [a.title for a in actions]
        assert 'Заключить значение в кавычки: "2.10"' in titles
        quote = next(a for a in actions if a.title.startswith("Заключить"))
        assert quote.kind == lsp.CodeActionKind.QuickFix and quote.is_preferred
        fixed = _apply(text, quote.edit.changes[URI])
        assert fixed == DEFECTS.replace('"2."', '"2.10"')
        s.replace(fixed, 2)
        assert "RM104" not in [d.code for d in await s.diagnostics(2)]

        spacing = next(d for d in await s.diagnostics(2) if d.code == "RM605")
        actions = await s.client.text_document_code_action_async(lsp.CodeActionParams(
            lsp.TextDocumentIdentifier(URI), spacing.range, lsp.CodeActionContext(diagnostics=[spacing])))
        suppress = next(a for a in actions if a.title.startswith("Подавить замечание RM605"))
        suppressed = _apply(fixed, suppress.edit.changes[URI])
        assert "        мероприятие: Создание  муниципальной команды  # noqa: RM605\n" in suppressed
        s.replace(suppressed, 3)
        # what is left: the numbering now starts with 2.10 after 1. (no fix for that)
        assert codes(await s.diagnostics(3)) == [("RM202", _line(suppressed, '"2.10"'))]

    run(body)


def test_formatting_is_fmt(tmp_path):
    text = DEFECTS.replace('номер: "1."', "номер: '1.'")
    copy = tmp_path / "roadmap.yaml"
    copy.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "roadmapctl", "fmt", str(copy)], capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    by_fmt = copy.read_text(encoding="utf-8")

    async def body(s: Session):
        s.open(text)
        await s.diagnostics(1)
        edits = await s.client.text_document_formatting_async(lsp.DocumentFormattingParams(
            lsp.TextDocumentIdentifier(URI), lsp.FormattingOptions(tab_size=2, insert_spaces=True)))
        formatted = _apply(text, edits)
        assert formatted == by_fmt
        assert "      - номер: \"1.\"\n" in formatted and "номер: '1.'" not in formatted

    run(body)


def test_schema_findings_can_be_left_to_yaml_language_server():
    text = DEFECTS.replace("ответственные: [ИМЦ]", "ответсвенные: [ИМЦ]")

    async def body(s: Session):
        s.open(text)
        assert "RM101" not in [d.code for d in await s.diagnostics(1)]
        # the fix is still offered where the key is
        line = _line(text, "ответсвенные")
        actions = await s.client.text_document_code_action_async(lsp.CodeActionParams(
            lsp.TextDocumentIdentifier(URI), lsp.Range(lsp.Position(line, 9), lsp.Position(line, 9)),
            lsp.CodeActionContext(diagnostics=[])))
        assert "Исправить ключ на «ответственные»" in [a.title for a in actions]

    run(body, initialization_options={"schemaFindings": "yaml-language-server"})


@pytest.mark.parametrize("bad, expected", [
    ("версия_формата: [1\nорган: {", "RM001"),
    ("\x00\x01\x02 binary", "RM001"),
    ("ключ: значение\n" * 2_000_000, "RM001"),  # ~29 MB: over the size a roadmap can have
    ("- just\n- a list\n", "RM103"),
], ids=["not-yaml", "binary", "huge", "a-list"])  # short ids: pytest puts the id in the environment
def test_bad_input_gives_diagnostics_and_the_server_lives_on(bad, expected):
    async def body(s: Session):
        s.open(bad)
        assert expected in [d.code for d in await s.diagnostics(1, timeout=60)]
        # the same server still answers
        s.replace(DEFECTS, 2)
        assert codes(await s.diagnostics(2)) == [("RM605", _line(DEFECTS, "Создание  муниципальной"))]
        hover = await s.client.text_document_hover_async(lsp.HoverParams(
            lsp.TextDocumentIdentifier(URI), lsp.Position(0, 0)))
        assert hover is None

    run(body)


def test_fast_typing_ends_with_the_findings_of_the_last_text_and_close_clears_them():
    last = DEFECTS.replace("Анализ результатов ВПР", "Анализ  результатов ВПР")

    async def body(s: Session):
        s.open(DEFECTS)
        await s.diagnostics(1)
        for version in range(2, 11):
            s.replace(DEFECTS.replace("Анализ результатов ВПР", f"Анализ результатов ВПР {version}"), version)
        s.replace(last, 11)
        final = await s.diagnostics(11)
        assert codes(final) == sorted([("RM605", _line(last, "Создание  муниципальной")),
                                       ("RM605", _line(last, "Анализ  результатов"))])
        await asyncio.sleep(0.5)
        assert max(v for v in s.published if v is not None) == 11  # nothing stale after it
        s.client.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(URI)))
        assert await s.diagnostics(None) == []

    run(body)


def test_positions_in_utf8_when_the_client_counts_bytes():
    async def body(s: Session):
        s.open(DEFECTS)
        [spacing] = await s.diagnostics(1)
        # 8 spaces, «мероприятие: » (11 letters of two bytes, then 2), «Создание» (8 × 2 bytes)
        assert (spacing.range.start.character, spacing.range.end.character) == (48, 50)

    run(body, capabilities=lsp.ClientCapabilities(
        general=lsp.GeneralClientCapabilities(position_encodings=[lsp.PositionEncodingKind.Utf8])))


# The addresses of the files methodologists have: a Cyrillic name, a space, and Windows as VS Code
# sends it (drive letter in lower case, the colon escaped) and as other clients do (upper-case
# drive, lower-case escapes). Written out by hand, not by the code under test.
ADDRESSES = {
    "cyrillic": "file:///tmp/roadmapctl-lsp-test/%D0%BA%D0%B0%D1%80%D1%82%D0%B0.yaml",  # карта.yaml
    "space": "file:///tmp/roadmapctl-lsp-test/%D0%BC%D0%BE%D1%8F%20%D0%BA%D0%B0%D1%80%D1%82%D0%B0.yaml",  # моя карта.yaml
    "vscode-windows": "file:///c%3A/Users/%D0%9C%D0%B5%D1%82%D0%BE%D0%B4%D0%B8%D1%81%D1%82/"
                      "%D0%BC%D0%BE%D1%8F%20%D0%BA%D0%B0%D1%80%D1%82%D0%B0.yaml",
    "windows-lower-escapes": "file:///C:/Users/%d0%9c%d0%b5%d1%82%d0%be%d0%b4%d0%b8%d1%81%d1%82/"
                             "%d0%ba%d0%b0%d1%80%d1%82%d0%b0.yaml",
    # «план %41 100%.yaml»: a per cent sign in the name is decoded once, never twice
    "per-cent": "file:///tmp/roadmapctl-lsp-test/%D0%BF%D0%BB%D0%B0%D0%BD%20%2541%20100%25.yaml",
}


@pytest.mark.parametrize("uri", list(ADDRESSES.values()), ids=list(ADDRESSES))
def test_every_feature_answers_for_cyrillic_space_and_windows_addresses(uri):
    async def body(s: Session):
        s.open(DEFECTS, uri=uri)
        assert codes(await s.diagnostics(1)) == [("RM605", _line(DEFECTS, "Создание  муниципальной"))]
        assert s.addresses == [uri]  # published under the address the editor opened the file with
        s.replace(DEFECTS.replace("Анализ результатов", "Анализ  результатов"), 2, uri=uri)
        assert len(await s.diagnostics(2)) == 2
        line = _line(DEFECTS, "срок: ежеквартально")
        hover = await s.client.text_document_hover_async(lsp.HoverParams(
            lsp.TextDocumentIdentifier(uri), lsp.Position(line, 16)))
        assert hover is not None and "ежеквартально" in hover.contents.value
        line = _line(DEFECTS, "ответственные: [ИМЦ]")
        completion = await s.client.text_document_completion_async(lsp.CompletionParams(
            lsp.TextDocumentIdentifier(uri), lsp.Position(line, len("        ответственные: ["))))
        assert {"РУО", "ИМЦ"} <= {item.label for item in completion.items}
        actions = await s.client.text_document_code_action_async(lsp.CodeActionParams(
            lsp.TextDocumentIdentifier(uri), lsp.Range(lsp.Position(0, 0), lsp.Position(40, 0)),
            lsp.CodeActionContext(diagnostics=[], only=[lsp.CodeActionKind.SourceFixAll])))
        [fix_all] = actions
        assert list(fix_all.edit.changes) == [uri]
        s.client.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri)))
        assert await s.diagnostics(None) == []
        assert s.addresses[-1] == uri

    run(body)


def test_a_request_in_another_form_of_the_address_reaches_the_same_document():
    opened, asked = ADDRESSES["vscode-windows"], "file:///C:/Users/Методист/моя%20карта.yaml"

    async def body(s: Session):
        s.open(DEFECTS, uri=opened)
        await s.diagnostics(1)
        line = _line(DEFECTS, "срок: ежеквартально")
        hover = await s.client.text_document_hover_async(lsp.HoverParams(
            lsp.TextDocumentIdentifier(asked), lsp.Position(line, 16)))
        assert hover is not None and "ежеквартально" in hover.contents.value

    run(body)


WORKFLOW = """\
name: CI
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest


    steps:
      - uses: actions/checkout@v5
"""
COMPOSE = """\
services:
  web:
    image: "nginx"
    ports: ["80:80"]
"""


@pytest.mark.parametrize("text", [WORKFLOW, COMPOSE, "# yaml-language-server: $schema=https://json.schemastore.org/"
                                  "github-workflow.json\n" + WORKFLOW], ids=["workflow", "compose", "other-schema"])
def test_another_yaml_file_is_left_alone_quietly(tmp_path, text):
    other = tmp_path / "docker-compose.yml"
    other.write_text(text, encoding="utf-8")
    uri = other.as_uri()
    messages: list[str] = []

    async def body(s: Session):
        @s.client.feature(lsp.WINDOW_SHOW_MESSAGE)
        def on_message(ls, params: lsp.ShowMessageParams):
            messages.append(params.message)

        s.open(text, uri=uri)
        assert await s.diagnostics(1) == []
        s.replace(text.replace("ubuntu-latest", "ubuntu-24.04").replace('"nginx"', '"nginx:1"'), 2, uri=uri)
        assert await s.diagnostics(2) == []
        # half typed: still not a roadmap, still no findings
        s.replace(text + "  broken: [", 3, uri=uri)
        assert await s.diagnostics(3) == []
        edits = await s.client.text_document_formatting_async(lsp.DocumentFormattingParams(
            lsp.TextDocumentIdentifier(uri), lsp.FormattingOptions(tab_size=2, insert_spaces=True)))
        assert not edits
        hover = await s.client.text_document_hover_async(lsp.HoverParams(
            lsp.TextDocumentIdentifier(uri), lsp.Position(1, 1)))
        assert hover is None
        actions = await s.client.text_document_code_action_async(lsp.CodeActionParams(
            lsp.TextDocumentIdentifier(uri), lsp.Range(lsp.Position(0, 0), lsp.Position(5, 0)),
            lsp.CodeActionContext(diagnostics=[])))
        assert not actions
        # a roadmap typed into it is checked again
        s.replace(DEFECTS, 4, uri=uri)
        assert len(await s.diagnostics(4)) == 1

    run(body)
    assert messages == []
    assert other.read_text(encoding="utf-8") == text


def test_requests_for_a_file_the_editor_did_not_open_change_nothing(tmp_path):
    """A client whose selector sends requests for every YAML file: nothing is read from disk."""
    other = tmp_path / "ci.yml"
    other.write_text(COMPOSE, encoding="utf-8")

    messages: list[str] = []

    async def body(s: Session):
        @s.client.feature(lsp.WINDOW_SHOW_MESSAGE)
        def on_message(ls, params: lsp.ShowMessageParams):
            messages.append(params.message)

        s.client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(other.as_uri())))
        s.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=other.as_uri(), version=2),
            [lsp.TextDocumentContentChangeWholeDocument(text=COMPOSE + "  x: 1\n")]))
        edits = await s.client.text_document_formatting_async(lsp.DocumentFormattingParams(
            lsp.TextDocumentIdentifier(other.as_uri()), lsp.FormattingOptions(tab_size=2, insert_spaces=True)))
        assert not edits
        s.open(DEFECTS)  # the server still answers
        assert len(await s.diagnostics(1)) == 1
        assert s.addresses == [URI]

    run(body)
    assert messages == []  # never «Error in server: KeyError»
    assert other.read_text(encoding="utf-8") == COMPOSE


def test_a_broken_configuration_is_told_once_in_russian_and_a_fixed_one_applies(tmp_path):
    folder = tmp_path / "Дорожные карты"
    folder.mkdir()
    settings = folder / "roadmapctl.toml"
    settings.write_text('ignore = ["RM605"\n', encoding="utf-8")  # the list is not closed
    roadmap = folder / "моя карта.yaml"
    roadmap.write_text(DEFECTS, encoding="utf-8")
    uri = roadmap.as_uri()
    messages: list[str] = []

    async def body(s: Session):
        @s.client.feature(lsp.WINDOW_SHOW_MESSAGE)
        def on_message(ls, params: lsp.ShowMessageParams):
            messages.append(params.message)

        s.open(DEFECTS, uri=uri)
        # checked without the settings: the RM605 they would ignore is there
        assert codes(await s.diagnostics(1)) == [("RM605", _line(DEFECTS, "Создание  муниципальной"))]
        s.replace(DEFECTS + "\n", 2, uri=uri)
        await s.diagnostics(2)
        assert messages == [(f"roadmapctl: {settings}:2:1: настройки не читаются как TOML: список не закрыт скобкой «]». "
                             "Пока файл настроек не исправлен, замечания показаны без его настроек.")]
        settings.write_text('ignore = ["RM605"]\n', encoding="utf-8")
        s.replace(DEFECTS, 3, uri=uri)
        assert await s.diagnostics(3) == []  # the fixed settings apply without restarting the server

    run(body)
