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
