"""The language server's wire format, bounded: a huge Content-Length or an endless header line
closes the connection with a Russian line on the standard error instead of exhausting memory;
random bytes on the wire never crash the reader."""

from __future__ import annotations

import asyncio
import io
import json
import os
import subprocess
import sys
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roadmapctl.lsp.wire import MAX_HEADER_LINE, MAX_MESSAGE_BYTES, BoundedReader


def _frame(obj: object) -> bytes:
    body = json.dumps(obj).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


INITIALIZE = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
              "params": {"processId": None, "rootUri": None, "capabilities": {}}}


def _serve(data: bytes) -> tuple[int, bytes, str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.run([sys.executable, "-m", "roadmapctl", "lsp"], input=data, capture_output=True,
                          env=env, timeout=120, check=False)
    return proc.returncode, proc.stdout, proc.stderr.decode("utf-8", errors="replace")


def test_a_huge_content_length_closes_the_connection_in_russian():
    code, out, err = _serve(_frame(INITIALIZE) + b"Content-Length: 99999999999\r\n\r\n{}")
    assert b'"id": 1' in out or b'"id":1' in out  # the first message was answered
    assert "клиент объявил сообщение длиной 99999999999 байт, а допустимо до 268435456 байт; соединение закрыто" in err
    assert "Traceback" not in err and code == 0


def test_an_endless_header_line_closes_the_connection():
    code, _out, err = _serve(b"X" * (MAX_HEADER_LINE * 4))
    assert f"строка заголовка сообщения длиннее {MAX_HEADER_LINE} байт" in err
    assert "Traceback" not in err and code == 0


def _read_all(data: bytes, lengths: list[int]) -> list[bytes]:
    reader = BoundedReader(io.BytesIO(data))

    async def go() -> list[bytes]:
        out = []
        while True:
            line = await reader.readline()
            if not line:
                break
            out.append(line)
            for n in lengths[:1]:
                out.append(await reader.readexactly(n))
        return out

    return asyncio.run(go())


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=3 * MAX_HEADER_LINE), st.integers(min_value=0, max_value=2 * MAX_MESSAGE_BYTES))
def test_random_bytes_never_give_more_than_the_limits(data, length):
    for chunk in _read_all(data, [length]):
        assert len(chunk) <= max(MAX_HEADER_LINE, min(length, MAX_MESSAGE_BYTES))


def test_requests_about_special_files_the_editor_did_not_open_are_answered_at_once(tmp_path):
    """Hover and completion on file:///dev/zero and on a FIFO: answered without reading either
    (a FIFO would block the server for every later request, /dev/zero would exhaust memory)."""
    fifo = tmp_path / "канал.yaml"
    os.mkfifo(fifo)
    messages = [_frame(INITIALIZE), _frame({"jsonrpc": "2.0", "method": "initialized", "params": {}})]
    for number, uri in enumerate(["file:///dev/zero", fifo.as_uri(), "file:///dev/zero"], start=2):
        for method in ("textDocument/hover", "textDocument/completion"):
            messages.append(_frame({"jsonrpc": "2.0", "id": f"{method}-{number}", "method": method,
                                    "params": {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}}))
    messages += [_frame({"jsonrpc": "2.0", "id": 99, "method": "shutdown"}),
                 _frame({"jsonrpc": "2.0", "method": "exit"})]
    _code, out, err = _serve(b"".join(messages))
    assert b'"id": 99' in out or b'"id":99' in out, err  # every request before it was answered too
    for number in (2, 3, 4):
        assert f'textDocument/hover-{number}'.encode() in out
    assert "Traceback" not in err


# --- the event loop: nothing that grows with the document runs on it --------------------------------

_SPY = """
import sys, threading
from roadmapctl.lsp import analysis, server
import roadmapctl.check.fixes as fixes
import roadmapctl.format as fmt
seen = []
def spy(module, name):
    real = getattr(module, name)
    def wrapped(*args, **kwargs):
        seen.append((name, threading.current_thread() is threading.main_thread()))
        return real(*args, **kwargs)
    setattr(module, name, wrapped)
for module, name in [(analysis, "hover"), (analysis, "complete"), (fixes, "fix_text"), (fmt, "format_text"),
                     (server, "_analyze"), (server, "_config")]:
    spy(module, name)
try:
    server.serve()
finally:
    sys.stderr.write("SEEN " + repr(sorted(set(seen))) + "\\n")
"""


def _read_frame(stream) -> dict:
    length = 0
    while True:
        line = stream.readline()
        if not line:
            raise EOFError
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return json.loads(stream.read(length))


def _spied(uri: str, text: str, after_open: list[dict], ids: set[int]) -> tuple[dict, list[tuple[str, bool]]]:
    """Run the server with its work functions spied on: the answers to ``ids`` and, for every
    call of a work function, (its name, whether it ran on the event loop's thread)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen([sys.executable, "-c", _SPY], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env)
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    try:
        proc.stdin.write(_frame(INITIALIZE) + _frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
        proc.stdin.write(_frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": text}}}))
        proc.stdin.write(b"".join(_frame(message) for message in after_open))
        proc.stdin.flush()
        answered: dict[int, object] = {}
        while set(answered) != ids:
            message = _read_frame(proc.stdout)
            if message.get("id") in ids:
                answered[message["id"]] = message.get("result")
        proc.stdin.write(_frame({"jsonrpc": "2.0", "id": 99, "method": "shutdown"})
                         + _frame({"jsonrpc": "2.0", "method": "exit"}))
        proc.stdin.close()
        err = proc.stderr.read().decode("utf-8", errors="replace")
        proc.wait(timeout=60)
    finally:
        proc.kill()
    seen = eval(err[err.index("SEEN ") + 5:].splitlines()[0])  # noqa: S307 - our own repr of tuples
    return answered, seen


def test_no_request_does_its_work_on_the_event_loop(tmp_path):
    """Analyses, hover, completion, code actions (with the configuration read for «fix all»),
    formatting: each runs in a worker thread, never on the thread that reads the client's
    messages (a large document would hold every other request up)."""
    from test_lsp import DEFECTS  # a double space in an activity: a safe fix

    folder = tmp_path / "мои карты"
    folder.mkdir()
    (folder / "roadmapctl.toml").write_text('ignore = ["RM7"]\n', encoding="utf-8")
    uri = (folder / "карта района.yaml").as_uri()
    text = DEFECTS
    lines = text.split("\n")
    party = next(i for i, row in enumerate(lines) if "РУО" in row)
    doc = {"textDocument": {"uri": uri}}
    requests = [
        ("textDocument/hover", {**doc, "position": {"line": party, "character": 3}}),
        ("textDocument/completion", {**doc, "position": {"line": len(lines) - 1, "character": 0}}),
        ("textDocument/codeAction", {**doc, "range": {"start": {"line": 0, "character": 0},
                                                      "end": {"line": len(lines) - 1, "character": 0}},
                                     "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
        ("textDocument/formatting", {**doc, "options": {"tabSize": 2, "insertSpaces": True}}),
    ]
    messages = [{"jsonrpc": "2.0", "id": number, "method": method, "params": params}
                for number, (method, params) in enumerate(requests, start=10)]
    answered, seen = _spied(uri, text, messages, {10, 11, 12, 13})
    assert answered[10] is not None and answered[12], answered  # a hover and a «fix all» were given
    assert {name for name, _ in seen} == {"hover", "complete", "fix_text", "format_text", "_analyze", "_config"}
    assert [name for name, on_loop in seen if on_loop] == []



def test_the_configuration_problems_told_are_remembered_within_a_bound():
    """A server runs for hours: each broken configuration is shown once, and what it remembers
    about them does not grow without end (a configuration rewritten 1,000 times)."""
    from roadmapctl.lsp.server import TOLD_KEPT, RoadmapServer

    server = RoadmapServer()
    shown: list[str] = []
    server.window_show_message = lambda params: shown.append(params.message)  # type: ignore[method-assign]
    for number in range(1000):
        server.config_problems.add(f"настройки.toml:{number}:1: ошибка")
        server.tell_config_problems()
    server.config_problems.add("настройки.toml:999:1: ошибка")  # the same one again: not shown twice
    server.tell_config_problems()
    assert len(shown) == 1000 and len(server.told) == TOLD_KEPT == 256


# --- a hostile client: each case that once broke the server or its log is replayed -------------

LATER = _frame({"jsonrpc": "2.0", "id": 77, "method": "shutdown"})


@pytest.mark.parametrize(("payload", "said", "answered"), [
    # pygls converted 5,000 digits with int(): a ValueError ended the server («внутренняя ошибка»)
    (b"Content-Length: 1" + b"0" * 5000 + b"\r\n\r\n", "не задаёт длину сообщения", False),
    (b"Content-Length: -5\r\n\r\n", "«Content-Length: -5» не задаёт длину сообщения", False),
    (b"Content-Length: abc\r\n\r\n{}", "«Content-Length: abc» не задаёт длину сообщения", False),
    (b"Content-Type: x\r\n\r\n{}", "у сообщения клиента нет заголовка Content-Length", False),
    # these gave a traceback in the editor's log (and pygls's error handler was called)
    (b"Content-Length: 5\r\n\r\n{abc}", "сообщение клиента пропущено: это не JSON (ошибка у байта 1)", True),
    (b"Content-Length: 2\r\n\r\n[]", "сообщение клиента пропущено: это не объект JSON", True),
    (b"Content-Length: 4\r\n\r\nnull", "сообщение клиента пропущено: это не объект JSON", True),
    (b"Content-Length: 4\r\n\r\n\xff\xfe\xfd\xfc", "сообщение клиента пропущено: это не JSON", True),
    (b"Content-Length: 200000\r\n\r\n" + b"[" * 100000 + b"]" * 100000, "слишком глубокая вложенность", True),
    (_frame({"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover", "params": {"textDocument": 5}}),
     "Unable to deserialize message", True),
    (_frame({"jsonrpc": "2.0", "id": 6, "method": "zzz/xx", "params": {}}), "unknown method 'zzz/xx'", True),
], ids=["5000-digits", "negative", "not-a-number", "no-length", "broken-json", "list", "null", "not-utf8",
        "deep", "wrong-params", "unknown-method"])
def test_a_hostile_message_is_told_in_one_line_and_the_server_goes_on_or_closes(payload, said, answered):
    code, out, err = _serve(_frame(INITIALIZE) + payload + LATER)
    assert code == 0 and said in err, err
    assert "Traceback" not in err and "внутренняя ошибка" not in err, err
    assert b"window/showMessage" not in out  # the editor shows no pop-up about an internal error
    assert (b'"id": 77' in out or b'"id":77' in out) is answered  # skipped and went on, or closed


def test_odd_addresses_are_answered_without_an_error_shown():
    """Addresses a hostile or careless client may send, each opened and asked about: a NUL byte
    (every path operation failed and the editor was shown an internal error), a broken escape,
    no path, another scheme, a 100,000-letter name, a network share, /proc."""
    uris = ["file:///tmp/%00x.yaml", "file:///%ZZ%", "file://", "untitled:Untitled-1", "file:///" + "a" * 100_000,
            "file://server/share/x.yaml", "http://example.com/x.yaml", "file:///proc/self/fd/0"]
    messages = [_frame(INITIALIZE), _frame({"jsonrpc": "2.0", "method": "initialized", "params": {}})]
    ids = []
    for number, uri in enumerate(uris):
        doc = {"textDocument": {"uri": uri}}
        messages.append(_frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": "версия_формата: 1\nназвание: x\n"}}}))
        for offset, (method, params) in enumerate([
                ("textDocument/hover", {**doc, "position": {"line": 0, "character": 1}}),
                ("textDocument/formatting", {**doc, "options": {"tabSize": 2, "insertSpaces": True}}),
                ("textDocument/codeAction", {**doc, "range": {"start": {"line": 0, "character": 0},
                                                              "end": {"line": 1, "character": 0}},
                                             "context": {"diagnostics": []}})]):
            ids.append(100 + 10 * number + offset)
            messages.append(_frame({"jsonrpc": "2.0", "id": ids[-1], "method": method, "params": params}))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen([sys.executable, "-m", "roadmapctl", "lsp"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    shown = []
    # written from a thread: the server answers (and publishes) while the 400 KB of requests are
    # still being written, and a pipe is full at 64 KB, so writing them all first and reading
    # afterwards left each side waiting for the other
    writer = threading.Thread(target=_write_all, args=(proc.stdin, b"".join(messages)), daemon=True)
    errors: list[bytes] = []  # the log, read as it comes for the same reason
    reader = threading.Thread(target=lambda: errors.append(proc.stderr.read()), daemon=True)
    try:
        writer.start()
        reader.start()
        answered = set()
        while not set(ids) <= answered:
            message = _read_frame(proc.stdout)
            answered.add(message.get("id"))
            if message.get("method") == "window/showMessage":
                shown.append(message["params"]["message"])
        writer.join(timeout=60)
        proc.stdin.write(_frame({"jsonrpc": "2.0", "id": 99, "method": "shutdown"})
                         + _frame({"jsonrpc": "2.0", "method": "exit"}))
        proc.stdin.close()
        proc.wait(timeout=60)
        reader.join(timeout=60)
        err = b"".join(errors).decode("utf-8", errors="replace")
    finally:
        proc.kill()
    assert shown == [] and "null byte" not in err, (shown, err[-800:])


def _write_all(stream, data: bytes) -> None:
    stream.write(data)
    stream.flush()
