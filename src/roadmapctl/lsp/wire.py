"""The language server's input, bounded: pygls reads a message of whatever Content-Length the
client claims (99999999999 bytes exhausts memory), a header line of any length, and converts a
Content-Length of 5,000 digits with ``int()`` (a ValueError that ends the server). This reader
refuses each, says so in Russian on the standard error (the editor's log) and closes the
connection: after such a message the stream cannot be trusted.

A body that is not a JSON object (broken JSON, bytes that are not UTF-8, ``null``, a list, an
array nested 100,000 deep) is skipped with a Russian line in the log: pygls would log a
traceback and show the editor a pop-up about an internal error of the server. The log itself
has one line a record, without tracebacks."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from threading import Event
from typing import Any, BinaryIO

# a roadmap is read up to 16 MB (loading.source.MAX_BYTES), and a client may send more to be told
# so (RM001); as JSON with \uXXXX escapes Cyrillic text takes six bytes a letter
MAX_MESSAGE_BYTES = 256 * 1024 * 1024
MAX_HEADER_LINE = 8 * 1024
_LENGTH = re.compile(rb"Content-Length: [0-9]{1,12}\r\n")
# what a skipped message becomes: a notification pygls ignores («$/» methods are optional)
SKIPPED = b'{"jsonrpc": "2.0", "method": "$/roadmapctl/skipped", "params": {}}'


def _refuse(text: str) -> None:
    sys.stderr.write(f"roadmapctl lsp: {text}; соединение закрыто\n")
    sys.stderr.flush()


class BoundedReader:
    """pygls's ``StdinAsyncReader`` with limits on a header line and a message body."""

    def __init__(self, stdin: BinaryIO, executor: ThreadPoolExecutor | None = None):
        self.stdin = stdin
        self.executor = executor
        self.length_given = False  # a Content-Length among the headers of the message being read

    async def readline(self) -> bytes:
        loop = asyncio.get_running_loop()
        line: bytes = await loop.run_in_executor(self.executor, self.stdin.readline, MAX_HEADER_LINE + 1)
        if len(line) > MAX_HEADER_LINE:
            _refuse(f"строка заголовка сообщения длиннее {MAX_HEADER_LINE} байт")
            return b""
        if line[:15].lower() == b"content-length:" and _LENGTH.fullmatch(line) is None:
            shown = line.rstrip(b"\r\n")[:60].decode("ascii", errors="replace")
            _refuse(f"заголовок «{shown}» не задаёт длину сообщения (ожидается «Content-Length: число байт»)")
            return b""
        if line[:15].lower() == b"content-length:":
            self.length_given = True
        elif not line.strip():
            if not self.length_given:
                _refuse("у сообщения клиента нет заголовка Content-Length")
                return b""
            self.length_given = False
        return line

    async def readexactly(self, n: int) -> bytes:
        if n > MAX_MESSAGE_BYTES:
            _refuse(f"клиент объявил сообщение длиной {n} байт, а допустимо до {MAX_MESSAGE_BYTES} байт")
            return b""
        loop = asyncio.get_running_loop()
        data: bytes = await loop.run_in_executor(self.executor, self._body, n)
        return data

    def _body(self, n: int) -> bytes:
        """The next ``n`` bytes, or ``SKIPPED`` in place of a body that is not a JSON object."""
        data: bytes = self.stdin.read(n)
        if len(data) < n:
            return data  # the client closed the stream: pygls ends
        problem = body_problem(data)
        if problem is None:
            return data
        sys.stderr.write(f"roadmapctl lsp: сообщение клиента пропущено: {problem}\n")
        sys.stderr.flush()
        return SKIPPED


def body_problem(data: bytes) -> str | None:
    """Why ``data`` is not a message (a JSON object), in Russian; None when it is one."""
    try:
        value = json.loads(data)
    except UnicodeDecodeError:
        return "это не текст в UTF-8"
    except RecursionError:
        return "в нём слишком глубокая вложенность"
    except ValueError as exc:
        where = getattr(exc, "pos", None)
        return f"это не JSON{f' (ошибка у байта {where})' if where is not None else ''}"
    if not isinstance(value, dict):
        return "это не объект JSON"
    return None


class _OneLine(logging.Formatter):
    """A record in one line: the exception's class and text, never a traceback."""

    def format(self, record: logging.LogRecord) -> str:
        first = record.getMessage().strip().split("\n", 1)[0]  # pygls puts tracebacks into messages too
        text = f"roadmapctl lsp: {record.levelname.lower()}: {first}"
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            text += f" ({type(error).__name__}: {error})"
        return text.replace("\n", " ")[:1000]


def start_io(server: Any, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> None:
    """``server.start_io()`` with the bounded reader (pygls 2's ``_start_io_async`` otherwise)."""
    import logging

    from pygls.io_ import StdoutWriter, run_async

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine())
    handler.setLevel(logging.WARNING)
    logging.getLogger().addHandler(handler)
    server._stop_event = Event()
    reader = BoundedReader(stdin or sys.stdin.buffer, server.thread_pool)
    server.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))
    try:
        asyncio.run(run_async(stop_event=server._stop_event, reader=reader, protocol=server.protocol,
                              logger=logging.getLogger("pygls.server"), error_handler=server.report_server_error))
    except BrokenPipeError:
        pass
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.shutdown()
