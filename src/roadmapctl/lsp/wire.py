"""The language server's input, bounded: pygls reads a message of whatever Content-Length the
client claims (99999999999 bytes exhausts memory) and a header line of any length. This reader
refuses both, says so in Russian on the standard error (the editor's log) and closes the
connection: after such a message the stream cannot be trusted."""

from __future__ import annotations

import asyncio
import sys
from concurrent.futures import ThreadPoolExecutor
from threading import Event
from typing import Any, BinaryIO

# a roadmap is read up to 16 MB (loading.source.MAX_BYTES), and a client may send more to be told
# so (RM001); as JSON with \uXXXX escapes Cyrillic text takes six bytes a letter
MAX_MESSAGE_BYTES = 256 * 1024 * 1024
MAX_HEADER_LINE = 8 * 1024


def _refuse(text: str) -> None:
    sys.stderr.write(f"roadmapctl lsp: {text}; соединение закрыто\n")
    sys.stderr.flush()


class BoundedReader:
    """pygls's ``StdinAsyncReader`` with limits on a header line and a message body."""

    def __init__(self, stdin: BinaryIO, executor: ThreadPoolExecutor | None = None):
        self.stdin = stdin
        self.executor = executor

    async def readline(self) -> bytes:
        loop = asyncio.get_running_loop()
        line: bytes = await loop.run_in_executor(self.executor, self.stdin.readline, MAX_HEADER_LINE + 1)
        if len(line) > MAX_HEADER_LINE:
            _refuse(f"строка заголовка сообщения длиннее {MAX_HEADER_LINE} байт")
            return b""
        return line

    async def readexactly(self, n: int) -> bytes:
        if n > MAX_MESSAGE_BYTES:
            _refuse(f"клиент объявил сообщение длиной {n} байт, а допустимо до {MAX_MESSAGE_BYTES} байт")
            return b""
        loop = asyncio.get_running_loop()
        data: bytes = await loop.run_in_executor(self.executor, self.stdin.read, n)
        return data


def start_io(server: Any, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> None:
    """``server.start_io()`` with the bounded reader (pygls 2's ``_start_io_async`` otherwise)."""
    import logging

    from pygls.io_ import StdoutWriter, run_async

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
