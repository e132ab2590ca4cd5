"""Document addresses (URIs) as editors send them, and the one form the server keys them by.

Editors percent-encode addresses differently: VS Code on Windows sends ``file:///c%3A/Users/…``
(a lower-case drive letter, the colon escaped), other clients ``file:///C:/Users/…``; a Cyrillic
name or a space is escaped with upper- or lower-case hex digits (``%D0%BA`` or ``%d0%ba``).
pygls keeps an open document under ``unquote(uri)``; the server keys everything it keeps by
:func:`key` and finds pygls's document through the address the client opened it with, so the
same file is one document whichever form a request uses.
"""

from __future__ import annotations

import os
import re
from urllib.parse import unquote, urlsplit

_DRIVE = re.compile(r"^/?([A-Za-z]):(?=/|$)")
_FILE_DRIVE = re.compile(r"^(file:///?)([A-Za-z])(?=:)", re.IGNORECASE)


def key(uri: str) -> str:
    """The server's key of a document: escapes decoded, a Windows drive letter in lower case.

    >>> key("file:///C%3A/Users/%D0%BA.yaml") == key("file:///c:/Users/%d0%ba.yaml")
    True
    """
    text = unquote(uri)
    match = _FILE_DRIVE.match(text)
    if match:
        text = "file:///" + match.group(2).lower() + text[match.end():]
    return text


def path(uri: str, windows: bool | None = None) -> str | None:
    """The file system path of a ``file:`` address (None for another scheme, e.g. ``untitled:``,
    and for an address no file system has: ``%00`` made every path operation fail).

    A drive-letter address becomes ``c:\\Users\\…`` on Windows; on another system it stays an
    absolute path (``/c:/Users/…``), so that nothing is looked up relative to the current folder.
    """
    windows = os.name == "nt" if windows is None else windows
    try:
        parts = urlsplit(uri)
    except ValueError:
        return None
    if parts.scheme.lower() != "file":
        return None
    local = unquote(parts.path)
    if parts.netloc and parts.netloc.lower() != "localhost":
        local = f"//{unquote(parts.netloc)}{local}"  # a network share: file://server/share/…
    elif windows:
        match = _DRIVE.match(local)
        if match:
            local = match.group(1).lower() + ":" + local[match.end():]
    if windows:
        local = local.replace("/", "\\")
    if "\0" in local:
        return None
    return local or None
