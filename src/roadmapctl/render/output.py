"""Where rendered roadmaps go: one file, a file each in a folder, or the screen; and how an
existing file is replaced (only our own rendering of the same roadmap, or with ``--force``)."""

from __future__ import annotations

from pathlib import Path

from roadmapctl.render.errors import RenderError
from roadmapctl.render.formats import Format

STDIN_STEM = "дорожная-карта"  # the file name of a roadmap read from the standard input


def targets(files: list[str], fmt: Format, output: str | None) -> list[Path | None]:
    """Where each roadmap goes: a file, a file in a folder, or None for the standard output."""
    if output is None:
        if len(files) > 1:
            raise RenderError(f"дорожных карт несколько ({len(files)}): укажите папку для файлов: -o ПАПКА")
        if fmt.binary:
            raise RenderError(f"документ {fmt.name.upper()} нельзя вывести на экран: укажите файл, например -o приложение{fmt.suffix}")
        return [None]
    out = Path(output)
    as_folder = len(files) > 1 or out.is_dir() or output.endswith(("/", "\\"))
    if not as_folder:
        return [out]
    if out.exists() and not out.is_dir():
        raise RenderError(f"{out}: это файл, а для нескольких дорожных карт нужна папка")
    named = [out / f"{STDIN_STEM if source == '-' else Path(source).stem}{fmt.suffix}" for source in files]
    seen: dict[Path, str] = {}
    for source, target in zip(files, named):
        if target in seen:
            raise RenderError(f"дорожные карты {seen[target]} и {source} дают один и тот же файл {target}; выводите их в разные папки")
        seen[target] = source
    return list(named)


def write_file(target: Path, data: bytes, identity: str, force: bool, inputs: list[str]) -> bool:
    """Write a rendering; False when the file already held it. An existing file that is not our
    rendering of this roadmap is kept (unless ``force``), as is any file we may not write (RenderError)."""
    from roadmapctl.render.marker import refusal
    from roadmapctl.writing import OutputError, write_output

    def replaceable(old: bytes) -> bool:
        reason = refusal(old, identity)
        if reason:
            raise RenderError(f"{target}: файл уже существует и не будет заменён: {reason}; чтобы заменить его, добавьте --force")
        return True

    try:
        return write_output(target, data, inputs=inputs, force=force, replaceable=replaceable)
    except OutputError as exc:
        raise RenderError(str(exc)) from None
