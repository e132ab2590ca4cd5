"""The one way to read a file a user, a repository or a client names (a roadmap, a file of the
working tree, a word list, a configuration, a document to import): regular files only, decided
with ``os.stat`` before the file is opened (a FIFO never blocks, a device is never read), a size
limit checked before reading, and the open file checked again (a file swapped meanwhile is not
read). Every problem is an ``OpenError`` with a Russian message; the layers above turn it into
their own error (``loading.source.SourceError``, a word-list or configuration error)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_CHUNK = 1 << 20


# A project's word list: read whole, at most this size (spelling and check's result cache).
WORD_LIST_MAX_BYTES = 16 * 1024 * 1024


class OpenError(Exception):
    """The file is not read: ``message`` in Russian; ``size`` is set when it is too large."""

    def __init__(self, message: str, size: int | None = None):
        super().__init__(message)
        self.message = message
        self.size = size


def megabytes(size: int) -> str:
    """``size`` in megabytes as a message says it (at least 1)."""
    return f"{max(1, round(size / 1024 / 1024))} МБ"


def too_big_message(size: int, limit: int) -> str:
    """Why a file of ``size`` bytes is not read, the limit said."""
    return f"файл слишком велик ({megabytes(size)}, а допустимо до {megabytes(limit)})"


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


_ERRNO_TEXT = {
    errno.ENOSPC: "на диске нет места",
    errno.EDQUOT: "превышена дисковая квота",
    errno.EACCES: "нет прав на запись",
    errno.EPERM: "нет прав на запись",
    errno.EROFS: "файловая система доступна только для чтения",
    errno.ENOTDIR: "часть пути — файл, а не папка",
    errno.EEXIST: "часть пути — файл, а не папка",
    errno.EISDIR: "это папка, а не файл",
    errno.ENAMETOOLONG: "слишком длинное имя файла",
    errno.ELOOP: "слишком много символических ссылок в пути",
    errno.ENXIO: "никто не читает из этого канала",
    errno.EPIPE: "канал закрыт читающей стороной",
    errno.EIO: "ошибка ввода-вывода на устройстве",
    errno.ENOENT: "файл или папка не найдены",
}


def os_message(exc: OSError) -> str:
    """A Russian text for an operating-system error (never the English ``strerror``)."""
    text = _ERRNO_TEXT.get(exc.errno or 0)
    if text:
        return text
    name = errno.errorcode.get(exc.errno or 0, "")
    return f"ошибка операционной системы{f' ({name})' if name else ''}"


def read_regular(name: str | Path, limit: int) -> bytes:
    """The bytes of the regular file ``name``, at most ``limit`` of them (OpenError otherwise)."""
    try:
        info = os.stat(name)
        problem = kind_problem(info.st_mode)
        if problem is not None:
            raise OpenError(problem)
        if info.st_size > limit:
            raise OpenError(too_big_message(info.st_size, limit), info.st_size)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(name, flags)
        try:
            problem = kind_problem(os.fstat(fd).st_mode)
            if problem is not None:
                raise OpenError(problem)
            chunks: list[bytes] = []
            total = 0
            while total <= limit:
                chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise OpenError("файл не найден") from None
    except PermissionError:
        raise OpenError("нет прав на чтение файла") from None
    except IsADirectoryError:
        raise OpenError("это папка, а не файл") from None
    except NotADirectoryError:
        raise OpenError("файл не найден: часть пути — не папка") from None
    except OSError as exc:
        raise OpenError(f"не удалось прочитать файл: {os_message(exc)}") from None
    if total > limit:
        raise OpenError(too_big_message(total, limit), total)
    return b"".join(chunks)
