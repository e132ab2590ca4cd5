"""Which files ``render`` may replace without ``--force``.

Every rendering carries a mark: the roadmapctl version, which roadmap it is of (file name and
municipality) and a SHA-256 digest of the rest of the file. An existing file is replaced only when
its mark says it is an untouched rendering of the same roadmap by this or an older version of
roadmapctl; a file without the mark (a user's own), of another roadmap, edited after rendering or
made by a newer roadmapctl is kept unless ``--force`` is given.

Markdown and HTML carry the mark as the last line, an HTML comment; DOCX in the core property
``dc:identifier``, with the digest over every other part of the package.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from urllib.parse import quote, unquote

PREFIX = "roadmapctl"
PLACEHOLDER = "roadmapctl-mark-placeholder"
CORE = "docProps/core.xml"
_TEXT_MARK = re.compile(rb"\n<!-- (roadmapctl [^\n]*?) -->\n\Z")
_FIELDS = re.compile(r"^roadmapctl (?P<version>[0-9][0-9A-Za-z.+-]*); источник=(?P<identity>\S*); sha256=(?P<digest>[0-9a-f]{64})$")


@dataclass(frozen=True)
class Mark:
    version: str
    identity: str
    digest: str


def _version() -> str:
    from roadmapctl import __version__

    return __version__


def mark_text(identity: str, digest: str) -> str:
    return f"{PREFIX} {_version()}; источник={quote(identity, safe='', errors='surrogateescape')}; sha256={digest}"


def parse_mark(text: str) -> Mark | None:
    match = _FIELDS.match(text.strip())
    if not match:
        return None
    return Mark(match["version"], unquote(match["identity"], errors='surrogateescape'), match["digest"])


def stamp_text(body: str, identity: str, html: bool = False) -> bytes:
    """Markdown or HTML text with its mark appended as the last line; control, bidirectional and
    zero-width characters of the values shown visibly (``writing.visible``), as everywhere."""
    from roadmapctl.writing import visible

    shown = visible(body)
    if html and shown != body:  # «<U+202E>» is text, not a tag: the body is HTML already
        shown = re.sub(r"<(U\+[0-9A-F]{4,6})>", r"&lt;\1&gt;", shown)
    data = shown.encode("utf-8")
    if not data.endswith(b"\n"):
        data += b"\n"
    digest = hashlib.sha256(data).hexdigest()
    return data + f"<!-- {mark_text(identity, digest)} -->\n".encode("utf-8")


def package_digest(members: list[tuple[str, bytes]]) -> str:
    sha = hashlib.sha256()
    for name, data in sorted(members):
        if name == CORE:
            continue
        sha.update(name.encode("utf-8") + b"\0" + str(len(data)).encode() + b"\0" + data)
    return sha.hexdigest()


def read_mark(data: bytes) -> tuple[Mark | None, bool]:
    """The mark of a rendered file and whether the file is untouched since rendering."""
    if data.startswith(b"PK"):
        return _read_docx_mark(data)
    match = _TEXT_MARK.search(data)
    if not match:
        return None, False
    try:
        mark = parse_mark(match.group(1).decode("utf-8"))
    except UnicodeDecodeError:
        return None, False
    if mark is None:
        return None, False
    body = data[: match.start() + 1]
    return mark, hashlib.sha256(body).hexdigest() == mark.digest


def _read_docx_mark(data: bytes) -> tuple[Mark | None, bool]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError):
        return None, False
    core = dict(members).get(CORE)
    if core is None:
        return None, False
    match = re.search(rb"<dc:identifier>([^<]*)</dc:identifier>", core)
    if not match:
        return None, False
    mark = parse_mark(match.group(1).decode("utf-8", "replace"))
    if mark is None:
        return None, False
    return mark, package_digest(members) == mark.digest


def _version_key(version: str) -> tuple:
    return tuple(int(part) if part.isdigit() else 0 for part in re.split(r"[.+-]", version))


def refusal(old: bytes, identity: str) -> str | None:
    """Why an existing file must not be replaced by a rendering of ``identity`` (None: it may)."""
    mark, untouched = read_mark(old)
    if mark is None:
        return "файл создан не командой render (или его отметка удалена)"
    if mark.identity != identity:
        name = mark.identity.split("|", 1)[0] or "?"
        return f"в файле другая дорожная карта ({name})"
    if not untouched:
        return "файл изменён после создания"
    if _version_key(mark.version) > _version_key(_version()):
        return f"файл создан более новой версией roadmapctl ({mark.version})"
    return None
