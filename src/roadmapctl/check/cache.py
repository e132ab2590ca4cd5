"""The result cache of ``check``, kept as ruff keeps one: one entry per file under a key of
everything its findings depend on — the file's bytes and name, its configuration, the contents of
its word lists, the rule set and the program itself (its version and the fingerprint of its own
files, so that an entry is never trusted across versions).

The entries live in the user's cache folder (``$XDG_CACHE_HOME`` when it is an absolute path,
else ``~/.cache``; on Windows ``%LOCALAPPDATA%``), under ``roadmapctl/check``, created private
(0700). An entry is plain JSON that carries its own key and is used only when the key matches
and every field has the expected type: nothing read from the cache is ever executed or
unpickled. Entries are written atomically (a temporary file in the same folder, then
``os.replace``; the temporary file is removed when writing fails), so two runs may share the
folder. The cache is only an accelerator: a folder that cannot be made or written, or an entry
that cannot be read, is passed over in silence and the file is checked as without a cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from roadmapctl.openers import WORD_LIST_MAX_BYTES, OpenError, read_regular
from roadmapctl.check.config import Config
from roadmapctl.check.diagnostics import Diagnostic, Edit, Fix, Severity
from roadmapctl.spans import Span

FORMAT = 1  # of an entry; part of every key


def cache_folder(env: Mapping[str, str] | None = None, windows: bool | None = None) -> Path | None:
    """Where the entries live, or None when there is no home folder to put them in."""
    env = os.environ if env is None else env
    windows = sys.platform == "win32" if windows is None else windows
    base = env.get("LOCALAPPDATA" if windows else "XDG_CACHE_HOME", "")
    if base and (os.path.isabs(base) or _windows_absolute(base)):
        root = Path(base)
    else:  # unset, empty or relative: ignored, as the XDG specification asks
        try:
            home = Path.home()
        except (RuntimeError, KeyError):
            return None
        if not home.is_absolute():  # a relative HOME names no one's home: no cache, nothing created
            return None
        root = home / "AppData" / "Local" if windows else home / ".cache"
    return root / "roadmapctl" / "check"


def _windows_absolute(path: str) -> bool:
    return len(path) > 2 and path[1] == ":" and path[2] in "\\/"


@cache
def program_fingerprint() -> str:
    """The version and every file of the installed program (name, size, modification time) with
    the schema: a changed rule or word list of the program makes every entry stale."""
    import roadmapctl
    from roadmapctl.check.registry import all_rules
    from roadmapctl.resources import schema_path

    digest = hashlib.sha256()
    digest.update(f"{FORMAT}\0{roadmapctl.__version__}\0{sys.version}\0".encode())
    package = Path(roadmapctl.__file__).resolve().parent
    files = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    try:
        files.append(schema_path())
    except FileNotFoundError:
        pass
    for path in sorted(files):
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"{path.relative_to(path.anchor)}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    for rule in all_rules():  # the rule set as registered (codes and severities)
        digest.update(f"{rule.code}:{rule.severity.value}\0".encode())
    return digest.hexdigest()


def _file_digest(path: str) -> str:
    """The digest of a word list's bytes; a FIFO, a device or a folder is never opened (the check
    itself says what is wrong with it)."""
    import stat as kinds

    try:
        info = os.stat(path)
    except OSError:
        return "missing"
    if not kinds.S_ISREG(info.st_mode):
        return "not a regular file"
    return _content_digest(path, info.st_size, info.st_mtime_ns)


@cache
def _content_digest(path: str, _size: int, _mtime: int) -> str:
    try:
        return hashlib.sha256(read_regular(path, WORD_LIST_MAX_BYTES)).hexdigest()
    except (OpenError, OSError):
        return "unreadable"


def key_for(name: str, data: bytes, config: Config) -> str:
    """The key of a file's entry: its name and bytes, the configuration that applies to it (with
    the contents of its word lists) and the program."""
    digest = hashlib.sha256()
    digest.update(program_fingerprint().encode())
    described = json.dumps([name, repr(config), [[w, _file_digest(w)] for w in config.spelling_words]],
                           ensure_ascii=False)
    digest.update(described.encode("utf-8", "surrogatepass"))  # a file name that is not UTF-8
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


def _entry_path(folder: Path, key: str) -> Path:
    return folder / f"{key}.json"


def load(folder: Path, key: str) -> dict[str, Any] | None:
    """The stored result under ``key`` (name, diagnostics, lines, strict), or None when there is
    none or it is not exactly what :func:`store` writes."""
    try:
        raw = read_regular(_entry_path(folder, key), 64 * 1024 * 1024)
        entry = json.loads(raw.decode("utf-8", "surrogatepass"))
        if not isinstance(entry, dict) or entry.get("format") != FORMAT or entry.get("key") != key:
            return None
        name, strict = entry["name"], entry["strict"]
        if not isinstance(name, str) or not isinstance(strict, bool):
            return None
        lines = {int(number): _text(text) for number, text in entry["lines"].items()}
        diagnostics = [_diagnostic(d) for d in entry["diagnostics"]]
    except (OpenError, OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None  # RecursionError: JSON nested too deep, planted in the cache folder
    return {"name": name, "diagnostics": diagnostics, "lines": lines, "strict": strict}


def store(folder: Path, key: str, name: str, diagnostics: list[Diagnostic], lines: dict[int, str], strict: bool) -> None:
    """Write the entry atomically; any failure leaves the cache as it was."""
    entry = {"format": FORMAT, "key": key, "name": name, "strict": strict,
             "lines": {str(number): text for number, text in lines.items()},
             "diagnostics": [d.to_json() for d in diagnostics]}
    data = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    try:
        folder.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        folder.mkdir(exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=folder)
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, _entry_path(folder, key))
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def _number(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("not a number")
    return value


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _span(d: dict) -> Span:
    return Span(_number(d["line"]), _number(d["column"]), _number(d["end_line"]), _number(d["end_column"]))


def _diagnostic(d: dict) -> Diagnostic:
    fix = None
    if d["fix"] is not None:
        f = d["fix"]
        safe = f["safe"]
        if not isinstance(safe, bool):
            raise TypeError("not a flag")
        fix = Fix(_text(f["title"]), tuple(Edit(_span(e), _text(e["text"])) for e in f["edits"]), safe)
    return Diagnostic(_text(d["file"]), _span(d), _text(d["code"]), Severity(d["severity"]), _text(d["message"]),
                      _optional_text(d["hint"]), fix)
