"""Reading a roadmap file: bytes, encodings a Windows user produces, line ends."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from roadmapctl import openers
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


def too_big_message(size: int, limit: int) -> str:
    """Why a file of ``size`` bytes is not read (the limit said; a roadmap's hint at its limit)."""
    text = openers.too_big_message(size, limit)
    if limit == MAX_BYTES:
        text += "; дорожная карта обычно занимает меньше 1 МБ — проверьте, тот ли это файл"
    return text


def read_regular(name: str | Path, limit: int = MAX_BYTES, shown: str | None = None) -> bytes:
    """``openers.read_regular`` for a roadmap or a document: every problem is a SourceError,
    ``io=True`` except for a file too large (a finding, RM001, with the limit said)."""
    shown = shown if shown is not None else str(name)
    try:
        return openers.read_regular(name, limit)
    except openers.OpenError as exc:
        if exc.size is not None:
            raise SourceError(shown, too_big_message(exc.size, limit), Span.point(1, 1)) from None
        raise SourceError(shown, exc.message, io=True) from None


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
