"""Reading roadmaps from git: which files changed between two revisions, and their contents.

Everything goes through the ``git`` program itself (``git diff --name-status -M``, ``git show
REV:path``, ``git ls-files``), so that the answer is exactly what git sees: renames, added and
deleted files, and, when no second revision is given, the working tree (untracked files included).
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from roadmapctl.loading.source import YAML_SUFFIXES

WORKTREE = None  # the "revision" of the working tree


class GitError(Exception):
    """git cannot answer: not a repository, an unknown revision, git missing (message in Russian)."""


@dataclass(frozen=True)
class FileChange:
    """One changed file: paths relative to the repository root (None where the file does not exist)."""

    status: str  # "added", "deleted", "modified", "renamed"
    old_path: str | None
    new_path: str | None

    @property
    def path(self) -> str:
        return self.new_path or self.old_path or ""


def _run(args: list[str], cwd: str | Path, *, check_revision: str | None = None) -> bytes:
    env = dict(os.environ)
    env.update({"LC_ALL": "C", "LANG": "C", "GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0"})
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args], cwd=str(cwd), capture_output=True, env=env, check=False,
        )
    except FileNotFoundError:
        raise GitError("программа git не найдена; установите git и повторите команду") from None
    except NotADirectoryError:
        raise GitError(f"папка «{cwd}» не найдена") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", errors="replace").strip()
        if "not a git repository" in message:
            raise GitError(f"папка «{cwd}» не находится в репозитории git")
        if check_revision is not None or "unknown revision" in message or "bad revision" in message or "invalid object name" in message.lower():
            raise GitError(_bad_revision(check_revision or ""))
        if "dubious ownership" in message:
            raise GitError(
                f"git отказывается работать с папкой «{cwd}», принадлежащей другому пользователю; "
                f"выполните: git config --global --add safe.directory {cwd}"
            )
        raise GitError(f"git завершился с ошибкой: {message or result.returncode}")
    return result.stdout


def _bad_revision(rev: str) -> str:
    text = f"ревизия «{rev}» не найдена в репозитории git" if rev else "ревизия не найдена в репозитории git"
    return text + (
        "; проверьте имя ветки или коммита. В CI для этого обычно нужна вся история "
        "(GitHub Actions: actions/checkout с fetch-depth: 0; GitLab CI: GIT_DEPTH: 0)"
    )


def toplevel(where: str | Path = ".") -> Path:
    """The root of the work tree that contains ``where`` (a file or a folder)."""
    where = Path(where)
    folder = where if where.is_dir() else where.parent
    if not folder.exists():
        raise GitError(f"папка «{folder}» не найдена")
    out = _run(["rev-parse", "--show-toplevel"], folder.resolve())
    return Path(out.decode("utf-8").strip())


def resolve_revision(rev: str, repo: Path) -> str:
    """The commit id of ``rev``; GitError with a Russian message when there is none."""
    if not rev or rev.startswith("-"):
        raise GitError(_bad_revision(rev))
    try:
        out = _run(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], repo, check_revision=rev)
    except GitError as exc:
        if "не находится в репозитории" in str(exc):
            raise
        raise GitError(_bad_revision(rev)) from None
    return out.decode().strip()


def is_revision(rev: str, repo: Path) -> bool:
    try:
        resolve_revision(rev, repo)
    except GitError:
        return False
    return True


def _relative(paths: list[str] | None, repo: Path) -> list[str]:
    """Pathspecs relative to the repository root for the given files or folders."""
    out = []
    for raw in paths or []:
        absolute = Path(raw).resolve()
        try:
            rel = absolute.relative_to(repo.resolve())
        except ValueError:
            raise GitError(f"«{raw}» лежит вне репозитория git {repo}") from None
        out.append(rel.as_posix() or ".")
    return out


def _is_yaml(path: str | None) -> bool:
    return path is not None and path.lower().endswith(YAML_SUFFIXES)


def _split_z(data: bytes) -> list[str]:
    return [part.decode("utf-8", errors="surrogateescape") for part in data.split(b"\0") if part]


def changed_files(base: str, head: str | None = WORKTREE, paths: list[str] | None = None,
                  repo: Path | None = None) -> list[FileChange]:
    """YAML files that differ between ``base`` and ``head`` (the working tree when None)."""
    repo = repo or toplevel(paths[0] if paths else ".")
    base_id = resolve_revision(base, repo)
    args = ["diff", "--name-status", "-z", "-M", "--no-ext-diff", "--no-textconv", base_id]
    if head is not None:
        args.append(resolve_revision(head, repo))
    specs = _relative(paths, repo)
    args += ["--", *specs]
    fields = _split_z(_run(args, repo))
    changes: list[FileChange] = []
    i = 0
    while i < len(fields):
        status = fields[i]
        code = status[:1]
        if code in ("R", "C"):
            old, new = fields[i + 1], fields[i + 2]
            i += 3
            if code == "R":
                changes.append(FileChange("renamed", old, new))
            else:
                changes.append(FileChange("added", None, new))
            continue
        path = fields[i + 1]
        i += 2
        if code == "A":
            changes.append(FileChange("added", None, path))
        elif code == "D":
            changes.append(FileChange("deleted", path, None))
        else:  # M, T (type change), U (unmerged) and anything else: compare both sides
            changes.append(FileChange("modified", path, path))
    if head is None:  # files git does not know yet are new too
        untracked = _split_z(_run(["ls-files", "-z", "--others", "--exclude-standard", "--", *specs], repo))
        known = {c.new_path for c in changes}
        changes.extend(FileChange("added", None, p) for p in untracked if p not in known)
    changes = [c for c in changes if _is_yaml(c.new_path) or _is_yaml(c.old_path)]
    changes.sort(key=lambda c: c.path)
    return changes


def read_file(rev: str | None, path: str, repo: Path) -> bytes:
    """The bytes of ``path`` at ``rev`` (the working tree when None)."""
    from roadmapctl.loading.source import (
        MAX_BYTES,
        SourceError,
        read_regular,
        too_big_message,
    )

    if rev is None:
        target = repo / path
        if target.is_symlink() and not target.resolve().is_relative_to(repo.resolve()):
            raise GitError(f"{path}: символическая ссылка ведёт за пределы репозитория; такой файл не читается")
        try:
            return read_regular(target, MAX_BYTES, shown=path)
        except SourceError as exc:
            raise GitError(exc.shown) from None
    # the object's mode, type and size first (``ls-tree -l``): a symlink blob is a link, not
    # content, and a blob larger than a roadmap is never read
    try:
        listing = _run(["ls-tree", "-l", "-z", "--full-tree", rev, "--", path], repo)
    except GitError as exc:
        if "не находится в репозитории" in str(exc) or "git не найдена" in str(exc):
            raise
        raise GitError(f"файла {path} нет в ревизии «{rev}»") from None
    entry = listing.split(b"\0", 1)[0]
    meta, _, _name = entry.partition(b"\t")
    parts = meta.split()
    if len(parts) != 4:
        raise GitError(f"файла {path} нет в ревизии «{rev}»")
    mode, kind, object_id, size = (part.decode("ascii", errors="replace") for part in parts)
    if mode == "120000":
        raise GitError(f"{path}: в ревизии «{rev}» это символическая ссылка, а не файл; она не читается")
    if kind != "blob":
        raise GitError(f"{path}: в ревизии «{rev}» это не файл (объект git «{kind}»)")
    if size.isdigit() and int(size) > MAX_BYTES:
        raise GitError(f"{path} (ревизия «{rev}»): {too_big_message(int(size), MAX_BYTES)}")
    return _run(["cat-file", "blob", object_id], repo)


def changed_roadmaps(rev: str, paths: list[str]) -> list[str]:
    """Those of ``paths`` (files, as the caller named them) that changed since ``rev``:
    modified, renamed or added in the working tree compared with that revision."""
    groups: dict[Path, list[str]] = {}
    for path in paths:
        if path == "-":
            continue
        groups.setdefault(toplevel(path), []).append(path)
    changed: set[Path] = set()
    for repo in groups:
        for change in changed_files(rev, WORKTREE, None, repo):
            if change.new_path is not None:
                changed.add((repo / change.new_path).resolve())
    return [p for p in paths if p != "-" and Path(p).resolve() in changed]
