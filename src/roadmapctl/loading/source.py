"""Reading a roadmap file: bytes, encodings a Windows user produces, line ends."""

from __future__ import annotations

import os
import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path

from roadmapctl.spans import Span

MAX_BYTES = 16 * 1024 * 1024
# The line breaks PyYAML recognises, so that our line numbers agree with its marks.
# The suffixes of a roadmap file.
YAML_SUFFIXES = (".yaml", ".yml")
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


class SourceError(Exception):
    """The file cannot be read as text. ``io`` distinguishes I/O trouble (exit 2) from bad content."""

    def __init__(self, name: str, message: str, span: Span | None = None, *, io: bool = False, code: str = "RM001"):
        super().__init__(message)
        self.name = name
        self.message = message
        self.span = span
        self.io = io
        self.code = code

    @property
    def shown(self) -> str:
        """``name: message``, as a command reports a file it cannot read."""
        return f"{self.name}: {self.message}"


@dataclass
class Source:
    """A decoded text file. ``name`` is what diagnostics print; ``path`` is None for stdin."""

    name: str
    text: str
    path: Path | None = None
    had_bom: bool = False
    crlf: bool = False
    _lines: list[str] | None = field(default=None, repr=False)

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = LINE_BREAK.split(self.text)
        return self._lines

    def line(self, number: int) -> str:
        """The 1-based line ``number`` without its line break ('' when out of range)."""
        lines = self.lines
        return lines[number - 1] if 1 <= number <= len(lines) else ""


def _position_of_byte(data: bytes, index: int) -> Span:
    before = data[:index]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    column = len(before[start:].decode("utf-8", errors="replace")) + 1
    return Span.point(line, column)


def decode(name: str, data: bytes, path: Path | None = None) -> Source:
    """Decode ``data`` as UTF-8 (with or without BOM); explain every other encoding in Russian."""
    if len(data) > MAX_BYTES:
        raise SourceError(name, too_big_message(len(data), MAX_BYTES), Span.point(1, 1))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(
            name,
            "файл сохранён в кодировке UTF-16; сохраните его в UTF-8 "
            "(в Блокноте: «Файл → Сохранить как», кодировка «UTF-8»)",
            Span.point(1, 1),
        )
    had_bom = data.startswith(b"\xef\xbb\xbf")
    if had_bom:
        data = data[3:]
    if b"\x00" in data[:8192] or b"\x00" in data:
        raise SourceError(
            name,
            "файл содержит двоичные данные (нулевые байты) и не похож на текстовый файл YAML",
            _position_of_byte(data, data.index(b"\x00")),
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        span = _position_of_byte(data, exc.start)
        try:
            sample = data.decode("cp1251")
        except UnicodeDecodeError:
            sample = ""
        if re.search("[А-Яа-яЁё]", sample):
            message = (
                "файл сохранён в кодировке Windows-1251, а нужна UTF-8; откройте его и сохраните в UTF-8 "
                "(в Блокноте: «Файл → Сохранить как», кодировка «UTF-8»; в Notepad++: «Кодировки → "
                "Преобразовать в UTF-8»)"
            )
        else:
            message = f"файл не в кодировке UTF-8: недопустимый байт 0x{data[exc.start]:02X}; сохраните его в UTF-8"
        raise SourceError(name, message, span) from None
    return Source(name=name, text=text, path=path, had_bom=had_bom, crlf="\r\n" in text)


# A document given to ``import`` (a .docx, .pdf, .xlsx, .html) may be larger than a roadmap.
MAX_DOCUMENT_BYTES = 128 * 1024 * 1024


def megabytes(size: int) -> str:
    """``size`` in megabytes as a message says it (at least 1)."""
    return f"{max(1, round(size / 1024 / 1024))} МБ"


def too_big_message(size: int, limit: int) -> str:
    """Why a file of ``size`` bytes is not read: the limit said in the message."""
    text = f"файл слишком велик ({megabytes(size)}, а допустимо до {megabytes(limit)})"
    if limit == MAX_BYTES:
        text += "; дорожная карта обычно занимает меньше 1 МБ — проверьте, тот ли это файл"
    return text


def kind_problem(mode: int) -> str | None:
    """Why a file of this ``st_mode`` is not read, in Russian; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "это папка, а не файл"
    if stat.S_ISFIFO(mode):
        return "это именованный канал (FIFO), а не обычный файл; читаются только обычные файлы"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "это устройство, а не обычный файл; читаются только обычные файлы"
    if stat.S_ISSOCK(mode):
        return "это сокет, а не обычный файл; читаются только обычные файлы"
    return "это не обычный файл; читаются только обычные файлы"


def read_regular(name: str | Path, limit: int = MAX_BYTES, shown: str | None = None) -> bytes:
    """The bytes of the regular file ``name``: the one way a roadmap, a word list, a configuration,
    a document to import or a file an editor names is read. Its kind is decided with ``os.stat``
    before it is opened (a FIFO never blocks, a device is never read), its size is checked before
    reading, and the open file is checked again (a file swapped meanwhile is not read). Every
    problem is a SourceError with a Russian message: ``io=True`` except for a file too large
    (a finding, RM001, with the limit said)."""
    shown = shown if shown is not None else str(name)
    try:
        info = os.stat(name)
        problem = kind_problem(info.st_mode)
        if problem is not None:
            raise SourceError(shown, problem, io=True)
        if info.st_size > limit:
            raise SourceError(shown, too_big_message(info.st_size, limit), Span.point(1, 1))
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(name, flags)
        try:
            opened = os.fstat(fd)
            problem = kind_problem(opened.st_mode)
            if problem is not None:
                raise SourceError(shown, problem, io=True)
            chunks: list[bytes] = []
            total = 0
            while total <= limit:
                chunk = os.read(fd, min(1 << 20, limit + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise SourceError(shown, "файл не найден", io=True) from None
    except PermissionError:
        raise SourceError(shown, "нет прав на чтение файла", io=True) from None
    except IsADirectoryError:
        raise SourceError(shown, "это папка, а не файл", io=True) from None
    except NotADirectoryError:
        raise SourceError(shown, "файл не найден: часть пути — не папка", io=True) from None
    except OSError as exc:
        from roadmapctl.writing import os_message

        raise SourceError(shown, f"не удалось прочитать файл: {os_message(exc)}", io=True) from None
    if total > limit:
        raise SourceError(shown, too_big_message(total, limit), Span.point(1, 1))
    return b"".join(chunks)


def read_bytes(name: str | Path, limit: int | None = None) -> bytes:
    """The bytes of a file (``-``: standard input) through ``read_regular``, at most ``limit``
    (a roadmap's ``MAX_BYTES`` when not given); every I/O problem becomes a SourceError with a
    Russian message and ``io=True``."""
    limit = MAX_BYTES if limit is None else limit
    if str(name) == "-":
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise SourceError("<stdin>", too_big_message(len(data), limit), Span.point(1, 1))
        return data
    return read_regular(name, limit)


def read_source(name: str | Path) -> Source:
    """Read a file, or standard input for ``-``."""
    data = read_bytes(name, MAX_BYTES)
    if str(name) == "-":
        return decode("<stdin>", data)
    return decode(str(name), data, Path(name))
