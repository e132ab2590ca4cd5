"""Documents Word cannot give us directly (.odt, .doc, .rtf) → .docx through LibreOffice.

LibreOffice reads these formats far better than any Python library (old binary Word in
particular), so the import converts with it and then reads the .docx as usual. The conversion
runs ``soffice --headless --convert-to docx`` in a temporary folder with its own user profile, so
that it neither meets a LibreOffice the user has open nor leaves anything behind.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from roadmapctl.importer.grid import ImportFailure

TIMEOUT = 180  # seconds; a large .doc converts in a few seconds
KINDS = {
    "doc": ("документ в старом формате Word (.doc)", ".doc"),
    "rtf": ("документ RTF (.rtf)", ".rtf"),
    "odt": ("документ OpenDocument (.odt)", ".odt"),
}
INSTALL = ("установите LibreOffice (в Debian и Ubuntu — пакет libreoffice-writer: sudo apt install "
           "libreoffice-writer; в Windows и macOS — с сайта libreoffice.org) или откройте документ в Word или "
           "LibreOffice, сохраните его как «Документ Word (.docx)» и импортируйте .docx")


def soffice() -> str | None:
    """The LibreOffice program, if installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in ("/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
                      "/Applications/LibreOffice.app/Contents/MacOS/soffice",
                      r"C:\Program Files\LibreOffice\program\soffice.exe"):
        if os.path.exists(candidate):
            return candidate
    return None


def convert_to(data: bytes, kind: str, name: str, target: str = "docx") -> bytes:
    """Convert a document with LibreOffice; ``kind`` is one of KINDS (or "docx" for a PDF export)."""
    what, suffix = KINDS.get(kind, ("документ", "." + kind))
    program = soffice()
    if program is None:
        raise ImportFailure(f"{name}: это {what}; чтобы импортировать его, нужен LibreOffice, а он не найден: {INSTALL}")
    with tempfile.TemporaryDirectory(prefix="roadmapctl-") as folder:
        source = Path(folder) / f"document{suffix}"
        source.write_bytes(data)
        profile = Path(folder) / "profile"
        command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                   "--convert-to", target, "--outdir", folder, str(source)]
        try:
            run_bounded(command, TIMEOUT, {**os.environ, "HOME": folder})
        except subprocess.TimeoutExpired:
            raise ImportFailure(f"{name}: LibreOffice не успел преобразовать {what} за {TIMEOUT} с; сохраните документ "
                                "как .docx вручную и импортируйте .docx") from None
        except OSError as exc:
            from roadmapctl.writing import os_message

            raise ImportFailure(f"{name}: не удалось запустить LibreOffice ({os_message(exc)}); {INSTALL}") from None
        result = Path(folder) / f"document.{target}"
        if not result.exists() or result.stat().st_size == 0:
            raise ImportFailure(f"{name}: LibreOffice не смог открыть {what} — вероятно, файл повреждён или это не "
                                "документ; откройте его в Word или LibreOffice и сохраните как .docx")
        from roadmapctl.loading.source import (
            MAX_DOCUMENT_BYTES,
            SourceError,
            read_regular,
        )

        try:
            return read_regular(result, MAX_DOCUMENT_BYTES, shown=name)
        except SourceError as exc:
            raise ImportFailure(f"{name}: результат преобразования LibreOffice не читается: {exc.message}") from None


def run_bounded(command: list[str], timeout: float, env: dict[str, str]) -> int:
    """Run ``command`` in its own process group (session) and wait at most ``timeout`` seconds;
    on timeout (or Ctrl-C) the whole group is killed — soffice.bin and any helper it started,
    not only the launcher — and TimeoutExpired is raised. Returns the exit code."""
    import signal

    posix = hasattr(os, "killpg")
    proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env, start_new_session=posix)
    try:
        return proc.wait(timeout=timeout)
    except BaseException:
        if posix:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        else:  # pragma: no cover - Windows: the launcher only
            proc.kill()
        proc.wait()
        raise
