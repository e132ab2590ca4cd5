"""Which versions of which roadmaps to compare: two files, or the roadmaps git changed between two
revisions (or a revision and the working tree). The answer is the changes of each roadmap and the
problems of the versions that could not be read, as values for the front end to show."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from roadmapctl.diff.changes import RoadmapDiff


class VersionsError(Exception):
    """What to compare is not given right (a folder, standard input twice, neither a revision nor
    a path); the message is Russian. A usage error, as git's own GitError is."""


@dataclass
class Comparison:
    diffs: list[RoadmapDiff] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # a version that is not a valid roadmap

    @property
    def changed(self) -> bool:
        """Anything changed in any of the roadmaps (see RoadmapDiff.changed)."""
        return any(d.changed for d in self.diffs)


def _read_bytes(path: str) -> bytes:
    from roadmapctl.loading.source import SourceError, read_bytes

    if path != "-" and Path(path).is_dir():
        raise VersionsError(f"{path}: это папка, а не файл; для папок используйте diff --git")
    try:
        return read_bytes(path)
    except SourceError as exc:
        raise VersionsError(exc.shown) from None


def _looks_like_roadmap(data: bytes | None) -> bool:
    """A YAML file of the repository that is not a roadmap (a CI file, a config) is skipped."""
    if data is None:
        return False
    text = data.decode("utf-8", errors="replace")
    return "таблицы" in text or "версия_формата" in text


def compare_files(old: str, new: str) -> Comparison:
    """Two files (one of them may be «-», the standard input)."""
    from roadmapctl.diff import ReviewError, diff_roadmaps, model_from_bytes

    if old == "-" and new == "-":
        raise VersionsError("стандартный ввод «-» можно указать только для одного из двух файлов")
    old_data, new_data = _read_bytes(old), _read_bytes(new)
    try:
        old_model = model_from_bytes("<stdin>" if old == "-" else old, old_data)
        new_model = model_from_bytes("<stdin>" if new == "-" else new, new_data)
    except ReviewError as exc:
        return Comparison([], [str(exc)])
    return Comparison([RoadmapDiff(new, diff_roadmaps(old_model, new_model), "modified", old if old != new else None)])


def compare_git(base: str, args: list[str]) -> Comparison:
    """The roadmaps changed since revision ``base``: ``args`` is an optional second revision (the
    working tree without it) and paths, files or folders (every roadmap of the repository without
    them; a YAML file that is not a roadmap is then skipped). GitError when git cannot answer."""
    from roadmapctl.diff import ReviewError, diff_roadmaps, model_from_bytes
    from roadmapctl.diff.gitio import changed_files, is_revision, read_file, toplevel

    head = None
    paths = list(args)
    repo = toplevel(next((p for p in paths if Path(p).exists()), "."))
    if paths and not Path(paths[0]).exists():
        if not is_revision(paths[0], repo):
            raise VersionsError(
                f"«{paths[0]}» — не ревизия git и не существующий файл или папка. Чтобы сравнить удалённый "
                "файл, укажите обе ревизии: roadmapctl diff --git БАЗА ВЕРСИЯ ПУТЬ"
            )
        head = paths.pop(0)
    explicit = bool(paths)
    out = Comparison()
    for change in changed_files(base, head, paths or None, repo):
        old_data = read_file(base, change.old_path, repo) if change.old_path else None
        new_data = read_file(head, change.new_path, repo) if change.new_path else None
        if not explicit and not (_looks_like_roadmap(old_data) or _looks_like_roadmap(new_data)):
            continue
        try:
            old_model = model_from_bytes(f"{change.old_path} ({base})", old_data) if old_data is not None else None
            new_name = f"{change.new_path} ({head})" if head else change.new_path or ""
            new_model = model_from_bytes(new_name, new_data) if new_data is not None else None
        except ReviewError as exc:
            out.problems.append(str(exc))
            continue
        status = {"added": "added", "deleted": "deleted", "renamed": "renamed"}.get(change.status, "modified")
        out.diffs.append(RoadmapDiff(change.path, diff_roadmaps(old_model, new_model), status, change.old_path))
    return out
