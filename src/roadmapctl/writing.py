"""The one place where roadmapctl writes its output: a file, a special file or the screen.

The rules (docs/output.md tells them to users):

* Never write onto an input: a report, a rendering or an export never replaces a file the
  command reads (also through a symbolic or hard link). Only ``mark`` and ``fmt`` edit their
  input, and they say so (``editing=True``).
* An existing file is replaced only when it is identical already (nothing is written), when it
  is our own output of the same kind (the caller's ``replaceable`` recognises it) or with
  ``--force``. A file the user may not write, or one without any write permission, is refused.
* A regular file is written atomically: a temporary file in the same folder, then a rename. A new
  file gets the usual mode (0666 less the umask); a replaced file keeps its mode and, where the
  system allows, its owner and group. A symbolic link stays a link: its target is written.
* A special file (a terminal, ``/dev/null``, a named pipe) is opened and written, never renamed
  over and never read; a pipe nobody reads from is refused instead of hanging.
* Text meant for people (``text=True``) never carries control characters: they are shown
  visibly (``␛``), so that a value cannot clear the terminal or set its title.
* Every operating-system error becomes :class:`OutputError` with a Russian message (exit 2).

``locked`` serialises the read-modify-write of ``mark`` and ``fmt`` with an OS file lock.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

from roadmapctl.openers import kind_problem, os_message

MAX_COMPARED = 64 * 1024 * 1024  # an existing file larger than this is never read to compare
LOCK_TIMEOUT = 10.0

# C0 controls except tab and line feed, DEL, C1 controls, and the bidirectional overrides that
# make text display in another order than it is stored ("Trojan Source").
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# What ``visible`` shows besides: zero-width characters (two names that look the same must not
# differ unseen) and the bytes of a file name that is not UTF-8 (Python's surrogate escapes).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\udc80-\udcff]"
)
# What our own colouring uses (select graphic rendition); kept only when colour is on.
_SGR = re.compile("\x1b\\[[0-9;]*m")


class OutputError(Exception):
    """The output cannot be written; the message is Russian and names the path."""


def visible_char(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟, ␛ for ESC
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a name that is not UTF-8
        return f"\\x{code - 0xDC00:02X}"
    return f"<U+{code:04X}>"


def visible(text: str, keep_color: bool = False) -> str:
    """``text`` with every control, bidirectional and zero-width character shown visibly (and the
    bytes of a non-UTF-8 file name as ``\\xNN``); our colour codes kept if asked. The one function
    every writer of text for people uses."""
    if not _INVISIBLE.search(text):
        return text
    if not keep_color:
        return _INVISIBLE.sub(lambda m: visible_char(m.group()), text)
    out, last = [], 0
    for match in _SGR.finditer(text):
        out.append(_INVISIBLE.sub(lambda m: visible_char(m.group()), text[last : match.start()]))
        out.append(match.group())
        last = match.end()
    out.append(_INVISIBLE.sub(lambda m: visible_char(m.group()), text[last:]))
    return "".join(out)


# What JSON leaves raw with ensure_ascii=False and a terminal would act on or hide: DEL, C1
# controls, bidirectional and zero-width characters (it escapes C0 controls itself).
_JSON_INVISIBLE = re.compile("[\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def json_text(data: object, indent: int | None = 2) -> str:
    """``data`` as JSON text for a file or a terminal: Cyrillic as it is, and every character in
    strings that a terminal would act on or that cannot be seen written as a ``\\uXXXX`` escape
    (the same data for any JSON reader; a file name with U+202E reached the terminal raw)."""
    import json

    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _JSON_INVISIBLE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def visible_lines(text: str) -> str:
    """``text`` with its line breaks as "\\n" (CR LF and a lone CR too) and every other control
    character shown visibly: a value put into a cell or a line of a document."""
    return visible(text.replace("\r\n", "\n").replace("\r", "\n"))


def has_control(text: str) -> re.Match | None:
    """The first control character in ``text`` (tab and line feed are allowed), or None."""
    return _CONTROL.search(text)


def _fail(path: Path | str, what: str) -> OutputError:
    return OutputError(f"{visible(str(path))}: {what}")


def _same_file(a: str, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(os.path.realpath(a)) == os.path.abspath(os.path.realpath(b))


def _write_stream(data: bytes) -> None:
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:  # a text-only stream (some test runners)
        sys.stdout.write(data.decode("utf-8", errors="replace"))
    else:
        stream.write(data)
    sys.stdout.flush()


def _write_special(path: Path, real: Path, data: bytes, mode: int) -> bool:
    if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        raise _fail(path, "это не обычный файл (сокет или блочное устройство); укажите обычный файл")
    flags = os.O_WRONLY | (os.O_NONBLOCK if stat.S_ISFIFO(mode) else 0)
    try:
        fd = os.open(real, flags)
    except OSError as exc:
        raise _fail(path, f"не удалось открыть для записи: {os_message(exc)}") from None
    try:
        if stat.S_ISFIFO(mode):
            import fcntl

            fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    except OSError as exc:
        raise _fail(path, f"не удалось записать: {os_message(exc)}") from None
    finally:
        os.close(fd)
    return True


def _new_temp(folder: Path, name: str) -> tuple[int, Path]:
    """A temporary file beside the target, created with mode 0666 less the umask."""
    for _attempt in range(100):
        candidate = folder / f".{name}.{os.urandom(4).hex()}.tmp"
        try:
            return os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), candidate
        except FileExistsError:
            continue
    raise OSError(errno.EEXIST, "no temporary name")


def write_output(
    target: str | Path | None,
    data: bytes | str,
    *,
    inputs: Iterable[str | Path] = (),
    force: bool = False,
    replaceable: Callable[[bytes], bool] | None = None,
    editing: bool = False,
    text: bool = False,
    color: bool = False,
    sync: bool = True,
) -> bool:
    """Write ``data`` to ``target`` (``None`` or ``-``: the standard output) under the rules above.

    ``inputs`` are the files the command read; ``editing`` says that ``target`` is the input being
    edited (``mark``, ``fmt``). ``text`` marks output meant for people: control characters are
    shown visibly, and with ``color`` our own colour codes survive. ``sync=False`` leaves out the
    flush to the disk before the rename, for a caller that writes thousands of files and syncs
    once at the end (``site``). Returns False when the file already had exactly these bytes
    (nothing written)."""
    if text:
        as_text = data.decode("utf-8", errors="surrogateescape") if isinstance(data, bytes) else data
        data = visible(as_text, keep_color=color).encode("utf-8")
    elif isinstance(data, str):
        data = data.encode("utf-8", errors="backslashreplace")  # a non-UTF-8 file name: \udcff
    if target is None or str(target) == "-":
        _write_stream(data)
        return True
    path = Path(target)
    try:
        real = Path(os.path.realpath(path))
        if not editing:
            _refuse_inputs(path, real, inputs)
        info = _target_info(path, real)
        if info is not None and not stat.S_ISREG(info.st_mode):
            return _write_special(path, real, data, info.st_mode)
        if info is not None:
            if _holds(real, info, data):
                return False
            _may_replace(path, real, info, force or editing, replaceable)
        else:
            real.parent.mkdir(parents=True, exist_ok=True)
        _replace(real, data, info, sync)
    except OutputError:
        raise
    except OSError as exc:
        failed = None if exc.filename is None else os.fsdecode(exc.filename)
        if failed is not None and Path(failed).name.startswith(f".{real.name}.") and failed.endswith(".tmp"):
            # our temporary file beside the target: the trouble is the folder's, say so about the target
            raise _fail(path, f"не удалось записать файл в папку «{visible(str(real.parent))}»: {os_message(exc)}") from None
        where = path if failed in (None, str(path), str(real)) else Path(failed)
        raise _fail(where, f"не удалось записать файл: {os_message(exc)}") from None
    return True


def _refuse_inputs(path: Path, real: Path, inputs: Iterable[str | Path]) -> None:
    for source in inputs:
        if str(source) != "-" and _same_file(str(source), real):
            raise _fail(path, "это входной файл команды; результат нельзя записать поверх него — укажите другое имя")


def _target_info(path: Path, real: Path) -> os.stat_result | None:
    """What is at the target now (None: nothing); a folder there is refused."""
    try:
        info = os.stat(real)
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        raise _fail(path, "часть пути — файл, а не папка") from None
    if stat.S_ISDIR(info.st_mode):
        raise _fail(path, "это папка, а не файл")
    return info


def _holds(real: Path, info: os.stat_result, data: bytes) -> bool:
    """Whether the file already holds exactly ``data``."""
    if info.st_size != len(data) or info.st_size > MAX_COMPARED:
        return False
    with open(real, "rb") as handle:
        return handle.read() == data


def _may_replace(path: Path, real: Path, info: os.stat_result, allowed: bool,
                 replaceable: Callable[[bytes], bool] | None) -> None:
    """Refuse to replace a file that is not our own output (without ``--force``) or is read-only."""
    if not allowed and info.st_size > 0:  # an empty file holds nothing to lose
        old = None
        if replaceable is not None and info.st_size <= MAX_COMPARED:
            with open(real, "rb") as handle:
                old = handle.read()
        if old is None or replaceable is None or not replaceable(old):
            raise _fail(path, "файл уже существует и создан не этой командой; чтобы заменить его, добавьте --force")
    if not os.access(real, os.W_OK) or not info.st_mode & 0o222:
        raise _fail(path, "файл защищён от записи (нет прав на запись); он не изменён")


def _replace(real: Path, data: bytes, info: os.stat_result | None, sync: bool) -> None:
    """Write ``data`` to a temporary file beside ``real`` (with the old file's mode and owner) and
    rename it over ``real`` in one step; the temporary file never stays behind."""
    fd, tmp = _new_temp(real.parent, real.name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        if info is not None:
            os.chmod(tmp, stat.S_IMODE(info.st_mode))
            if hasattr(os, "chown") and (info.st_uid, info.st_gid) != (os.stat(tmp).st_uid, os.stat(tmp).st_gid):
                try:
                    os.chown(tmp, info.st_uid, info.st_gid)
                    os.chmod(tmp, stat.S_IMODE(info.st_mode))  # chown clears set-id bits
                except OSError:
                    pass  # only the owner's group or root may; the mode is kept all the same
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


@contextmanager
def locked(path: str | Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive OS lock on the file ``path`` (its target, for a link) while reading,
    changing and replacing it, so that two edits run one after the other. A second edit waits up
    to ``timeout`` seconds, then says the file is busy."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: the rename is still atomic
        yield
        return
    real = os.path.realpath(path)
    deadline = time.monotonic() + timeout
    while True:
        try:
            problem = kind_problem(os.stat(real).st_mode)  # a FIFO must not block, a device is not locked
            if problem is not None:
                raise _fail(path, problem)
            fd = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError as exc:
            raise _fail(path, f"не удалось открыть файл: {os_message(exc)}") from None
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise _fail(path, "файл сейчас изменяет другая команда roadmapctl; повторите позже") from None
                    time.sleep(0.02)
            try:
                current = os.stat(real)
            except OSError:
                current = None
            mine = os.fstat(fd)
            if current is not None and (current.st_ino, current.st_dev) == (mine.st_ino, mine.st_dev):
                yield
                return
            # the file was replaced while we waited: lock the new one
        finally:
            os.close(fd)
