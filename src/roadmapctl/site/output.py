"""The site's folder: what may be written there, and writing it.

A folder is ours when it holds the manifest of a previous site (``MANIFEST``: the files that
site wrote). Such a folder is brought up to date: its files are replaced, those of roadmaps that
are gone are removed, anything else a user put there is kept. A folder that holds anything else
is refused unless ``--force`` (then its files that the site needs are replaced and nothing else
is touched). Each file is written atomically by ``writing.write_output`` (a temporary file
renamed over it; the disk is synced once, before the manifest, not after each of thousands of
files); a file that already holds the same bytes is left as it is.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from roadmapctl.site.request import SiteError

MANIFEST = ".roadmapctl-site.json"
GENERATOR = "roadmapctl site"


def previous_site(folder: Path) -> set[str] | None:
    """The files of the previous site in ``folder``; None when the folder holds no site of ours."""
    from roadmapctl.openers import OpenError, read_regular

    try:
        data = json.loads(read_regular(folder / MANIFEST, 64 * 1024 * 1024).decode("utf-8"))
    except (OpenError, OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("generator") != GENERATOR or not isinstance(data.get("files"), list):
        return None
    return {name for name in data["files"] if isinstance(name, str) and _inside(name)}


def _inside(name: str) -> bool:
    """A manifest's entry names a file inside the folder (never ``..`` or an absolute path)."""
    parts = Path(name).parts
    return bool(parts) and not Path(name).is_absolute() and ".." not in parts and "\\" not in name


def check_folder(folder: Path, force: bool) -> set[str]:
    """The files of a previous site that may be replaced; SiteError when the folder may not be
    written (a file, or a folder that holds something other than a site, without ``force``)."""
    if folder.exists() and not folder.is_dir():
        raise SiteError(f"{folder}: это файл, а сайту нужна папка; укажите другое имя")
    if not folder.exists():
        return set()
    previous = previous_site(folder)
    if previous is not None:
        return previous
    if not force and any(folder.iterdir()):
        raise SiteError(
            f"{folder}: папка не пуста, и в ней нет сайта, собранного roadmapctl site; "
            "укажите пустую или новую папку, или добавьте --force, чтобы записать сайт поверх"
        )
    return set()


def write_site(folder: Path, files: dict[str, bytes], previous: set[str], inputs: list[str], force: bool) -> tuple[int, int, int]:
    """Write ``files`` (relative name → bytes) into ``folder``: (written, unchanged, removed).
    A file of the folder that the previous site did not write is replaced only with ``force``;
    this is checked for every file before the first is written."""
    from roadmapctl.writing import OutputError, write_output

    # Never onto an input (a roadmap, also through a link): asked here once a file, by the file's
    # identity, rather than by write_output comparing each of thousands of files with each input.
    sources = set()
    for source in inputs:
        try:
            info = os.stat(source)
        except OSError:
            continue
        sources.add((info.st_dev, info.st_ino))
    existing = {}
    for name in sorted(files):
        try:
            info = os.stat(folder / name)
        except OSError:
            continue
        existing[name] = info
        if (info.st_dev, info.st_ino) in sources:
            raise SiteError(f"{folder / name}: это входной файл команды; сайт нельзя записать поверх него — укажите другую папку")
    if not force:
        foreign = [name for name in existing if name not in previous]
        if foreign:
            raise SiteError(
                f"{folder / foreign[0]}: файл уже существует и создан не командой roadmapctl site; "
                "чтобы заменить его, добавьте --force"
            )
    written = unchanged = removed = 0
    try:
        for name in sorted(files):
            if write_output(folder / name, files[name], force=True, sync=False):
                written += 1
            else:
                unchanged += 1
        for name in sorted(previous - set(files)):
            path = folder / name
            if path.is_file() or path.is_symlink():
                path.unlink()
                removed += 1
                _remove_empty(path.parent, folder)
        if hasattr(os, "sync"):
            os.sync()  # the files on the disk before the manifest says the site is complete
        manifest = {"generator": GENERATOR, "files": sorted(files)}
        write_output(folder / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", force=True)
    except OutputError as exc:
        raise SiteError(str(exc)) from None
    except OSError as exc:
        from roadmapctl.writing import os_message

        raise SiteError(f"{folder}: не удалось записать сайт: {os_message(exc)}") from None
    return written, unchanged, removed


def _remove_empty(path: Path, top: Path) -> None:
    """Remove the folders a removed roadmap leaves empty, up to (not including) ``top``."""
    while path != top and top in path.parents:
        try:
            os.rmdir(path)
        except OSError:
            return
        path = path.parent
