"""roadmapctl.diff.gitio: what git says changed, read with git itself, in real repositories."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from roadmapctl.diff.gitio import FileChange, GitError, changed_files, changed_roadmaps, read_file, resolve_revision, toplevel

ENV = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_AUTHOR_NAME": "Тест", "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Тест", "GIT_COMMITTER_EMAIL": "test@example.org",
}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, env={**os.environ, **ENV}, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    for key, value in ENV.items():
        monkeypatch.setenv(key, value)
    root = tmp_path / "repo"
    (root / "roadmaps").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    (root / "roadmaps" / "a.yaml").write_text("название: А\n", encoding="utf-8")
    (root / "roadmaps" / "b.yaml").write_text("название: Б\nпериод: 2021-2022\nмуниципалитет: город Б\n", encoding="utf-8")
    (root / "roadmaps" / "c.yaml").write_text("название: В\n", encoding="utf-8")
    (root / "README.md").write_text("readme\n", encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "one")
    return root


def test_changes_between_two_commits(repo):
    roadmaps = repo / "roadmaps"
    (roadmaps / "a.yaml").write_text("название: А2\n", encoding="utf-8")
    git(repo, "mv", "roadmaps/b.yaml", "roadmaps/b2.yml")
    git(repo, "rm", "-q", "roadmaps/c.yaml")
    (roadmaps / "d с пробелом.yaml").write_text("название: Г\n", encoding="utf-8")
    (repo / "README.md").write_text("changed\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "two")
    assert changed_files("HEAD~1", "HEAD", repo=repo) == [
        FileChange("modified", "roadmaps/a.yaml", "roadmaps/a.yaml"),
        FileChange("renamed", "roadmaps/b.yaml", "roadmaps/b2.yml"),
        FileChange("deleted", "roadmaps/c.yaml", None),
        FileChange("added", None, "roadmaps/d с пробелом.yaml"),
    ]
    assert read_file("HEAD~1", "roadmaps/a.yaml", repo) == "название: А\n".encode("utf-8")
    assert read_file("HEAD", "roadmaps/d с пробелом.yaml", repo) == "название: Г\n".encode("utf-8")


def test_working_tree_includes_untracked_files(repo):
    (repo / "roadmaps" / "a.yaml").write_text("название: А3\n", encoding="utf-8")
    (repo / "roadmaps" / "new.yaml").write_text("название: Н\n", encoding="utf-8")
    (repo / "notes.txt").write_text("x\n", encoding="utf-8")
    assert changed_files("main", repo=repo) == [
        FileChange("modified", "roadmaps/a.yaml", "roadmaps/a.yaml"),
        FileChange("added", None, "roadmaps/new.yaml"),
    ]
    assert read_file(None, "roadmaps/a.yaml", repo) == "название: А3\n".encode("utf-8")


def test_paths_limit_the_answer(repo, monkeypatch):
    (repo / "roadmaps" / "a.yaml").write_text("название: А3\n", encoding="utf-8")
    (repo / "other.yaml").write_text("x: 1\n", encoding="utf-8")
    monkeypatch.chdir(repo)
    assert [c.path for c in changed_files("HEAD", paths=["roadmaps"])] == ["roadmaps/a.yaml"]
    assert [c.path for c in changed_files("HEAD")] == ["other.yaml", "roadmaps/a.yaml"]


def test_changed_roadmaps_keeps_the_callers_names(repo, monkeypatch):
    (repo / "roadmaps" / "a.yaml").write_text("название: А3\n", encoding="utf-8")
    (repo / "roadmaps" / "new.yaml").write_text("название: Н\n", encoding="utf-8")
    monkeypatch.chdir(repo / "roadmaps")
    given = ["a.yaml", "b.yaml", "c.yaml", "new.yaml"]
    assert changed_roadmaps("HEAD", given) == ["a.yaml", "new.yaml"]
    assert changed_roadmaps("HEAD", [str(repo / "roadmaps" / "b.yaml")]) == []


def test_renamed_roadmap_is_changed_since(repo, monkeypatch):
    git(repo, "mv", "roadmaps/b.yaml", "roadmaps/b-2021.yaml")
    monkeypatch.chdir(repo)
    assert changed_roadmaps("HEAD", ["roadmaps/a.yaml", "roadmaps/b-2021.yaml"]) == ["roadmaps/b-2021.yaml"]


def test_errors_are_russian(repo, tmp_path, monkeypatch):
    with pytest.raises(GitError, match="ревизия «нет-такой» не найдена в репозитории git"):
        changed_files("нет-такой", repo=repo)
    with pytest.raises(GitError, match="fetch-depth: 0"):
        resolve_revision("deadbeef", repo)
    with pytest.raises(GitError, match="не найдена"):
        resolve_revision("--output=/tmp/x", repo)
    outside = tmp_path / "outside"
    outside.mkdir()
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    with pytest.raises(GitError, match="не находится в репозитории git"):
        toplevel(outside)
    with pytest.raises(GitError, match="лежит вне репозитория"):
        changed_files("HEAD", paths=[str(outside)], repo=repo)
    with pytest.raises(GitError, match="файла roadmaps/missing.yaml нет в ревизии «HEAD»"):
        read_file("HEAD", "roadmaps/missing.yaml", repo)


def test_git_missing(repo, monkeypatch):
    monkeypatch.setenv("PATH", str(repo))  # no git there
    with pytest.raises(GitError, match="программа git не найдена"):
        toplevel(repo)
