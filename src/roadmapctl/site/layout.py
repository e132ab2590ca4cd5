"""Where each page and file of the site goes, and the links between them.

Names keep the Cyrillic letters of a roadmap's file name or a party's name (a static host
serves them, a link percent-encodes them); characters that a file system or a URL does not
take become "-". Two roadmaps that would share a name get "-2", "-3" in the order of the input;
a party's name ends with a digest of its identity. The same input always gives the same addresses.
"""

from __future__ import annotations

import re
from urllib.parse import quote

INDEX = "index.html"
ASSETS = ("site.css", "site.js")
PARTIES_SCRIPT = "assets/parties.js"
PARTIES_INDEX = "parties/index.html"
ROADMAPS_INDEX = "roadmaps/index.html"
ROADMAPS = "roadmaps"
PARTIES = "parties"
_UNSAFE = re.compile(r"[^\w.\-]+")
MAX_NAME = 60


def safe_name(text: str, fallback: str) -> str:
    """``text`` as a file name: letters, digits, "-", "_" and "." only, at most MAX_NAME long."""
    name = _UNSAFE.sub("-", text).strip("-.")[:MAX_NAME].strip("-.")
    return name or fallback


def unique_names(texts: list[str], fallback: str, reserved: frozenset[str] = frozenset()) -> list[str]:
    """A safe name for each text, none twice (case aside: some file systems ignore case) and
    none of ``reserved`` (names the site uses itself)."""
    seen: set[str] = {name.casefold() for name in reserved}
    out = []
    for text in texts:
        base = safe_name(text, fallback)
        name, n = base, 1
        while name.casefold() in seen:
            n += 1
            name = f"{base}-{n}"
        seen.add(name.casefold())
        out.append(name)
    return out


def party_slug(identity: str, name: str) -> str:
    """A party's file name: its name and six characters of a digest of its identity, so that each
    worker process names a party the same way without knowing the others' parties."""
    import hashlib

    digest = hashlib.sha1(identity.encode("utf-8")).hexdigest()[:6]
    return f"{safe_name(name, 'participant')[:MAX_NAME - 7].rstrip('-.')}-{digest}"


def roadmap_page(slug: str) -> str:
    return f"{ROADMAPS}/{slug}/{INDEX}"


def roadmap_file(slug: str, name: str) -> str:
    return f"{ROADMAPS}/{slug}/{name}"


def party_page(slug: str) -> str:
    return f"{PARTIES}/{slug}.html"


def asset(name: str) -> str:
    return f"assets/{name}"


def href(path: str, depth: int = 0) -> str:
    """A link to the site's file ``path`` from a page ``depth`` folders below the top."""
    return "../" * depth + quote(path, safe="/")
