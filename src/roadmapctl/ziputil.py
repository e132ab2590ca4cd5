"""Reproducible zip packages (DOCX, XLSX): the same members give the same bytes.

The libraries that write Office packages stamp every member with the time of saving; a package
written again through :func:`reproducible_zip` carries fixed timestamps and permissions instead, so that
equal input gives equal output.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable


def zip_members(data: bytes) -> list[tuple[str, bytes]]:
    """The (name, content) of every member of a zip package, in the package's order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def reproducible_zip(
    members: Iterable[tuple[str, bytes]],
    date_time: tuple[int, int, int, int, int, int],
    mode: int,
    *,
    create_system: int | None = None,
    compresslevel: int | None = None,
    edit: Callable[[str, bytes], bytes] | None = None,
) -> bytes:
    """A deflated zip of ``members`` where each member has the timestamp ``date_time`` and the unix
    permissions ``mode``. ``create_system`` (0: MS-DOS) is left to Python's default when None;
    ``edit(name, content)`` may change a member's content on the way (a document date, a mark)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members:
            if edit is not None:
                content = edit(name, content)
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            if create_system is not None:
                info.create_system = create_system
            info.external_attr = mode << 16
            archive.writestr(info, content, compresslevel=compresslevel)
    return out.getvalue()
