"""diff.versions: which versions of which roadmaps are compared, as values (a Comparison) or a
VersionsError that the CLI reports as a usage error. Expected values by hand."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest import SMALL_ROADMAP
from roadmapctl.diff import RoadmapDiff
from roadmapctl.diff.versions import Comparison, VersionsError, compare_files, compare_git

TEXT = SMALL_ROADMAP
LATER = TEXT.replace("Март 2021 года", "Июнь 2021 года")
ENV = {
    "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_AUTHOR_NAME": "Тест", "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Тест", "GIT_COMMITTER_EMAIL": "test@example.org",
}


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_two_files_with_a_changed_deadline(tmp_path):
    old, new = write(tmp_path / "old.yaml", TEXT), write(tmp_path / "new.yaml", LATER)
    comparison = compare_files(old, new)
    assert comparison.problems == []
    assert [(d.file, d.status, d.old_file) for d in comparison.diffs] == [(new, "modified", old)]
    assert comparison.changed


def test_a_file_compared_with_itself_has_no_old_name_and_no_change(tmp_path):
    path = write(tmp_path / "r.yaml", TEXT)
    comparison = compare_files(path, path)
    assert [(d.file, d.status, d.old_file, d.changes) for d in comparison.diffs] == [(path, "modified", None, [])]
    assert not comparison.changed


def test_a_broken_version_is_a_problem_not_an_error(tmp_path):
    old, new = write(tmp_path / "old.yaml", TEXT), write(tmp_path / "new.yaml", "")
    comparison = compare_files(old, new)
    assert comparison.diffs == []
    assert comparison.problems == [f"{new}: файл пуст — в нём нет дорожной карты"]


def test_standard_input_twice_is_a_usage_error():
    with pytest.raises(VersionsError, match="^стандартный ввод «-» можно указать только для одного из двух файлов$"):
        compare_files("-", "-")


def test_a_folder_is_a_usage_error(tmp_path):
    path = write(tmp_path / "r.yaml", TEXT)
    with pytest.raises(VersionsError) as caught:
        compare_files(str(tmp_path), path)
    assert str(caught.value) == f"{tmp_path}: это папка, а не файл; для папок используйте diff --git"


def test_an_added_roadmap_is_a_change_even_without_changes_inside():
    assert Comparison([RoadmapDiff("r.yaml", [], "added")]).changed
    assert not Comparison([RoadmapDiff("r.yaml", [], "modified")]).changed
    assert not Comparison().changed


@pytest.fixture
def git(tmp_path, monkeypatch):
    for key, value in ENV.items():
        monkeypatch.setenv(key, value)

    def run(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    run("init", "-q", "-b", "main")
    write(tmp_path / "r.yaml", TEXT)
    write(tmp_path / "ci.yml", "jobs: {}\n")
    run("add", ".")
    run("commit", "-q", "-m", "one")
    monkeypatch.chdir(tmp_path)
    return run


def test_git_working_tree_compares_roadmaps_and_skips_other_yaml(git):
    write(Path("r.yaml"), LATER)
    write(Path("ci.yml"), "jobs: {a: 1}\n")
    comparison = compare_git("HEAD", [])
    assert [(d.file, d.status) for d in comparison.diffs] == [("r.yaml", "modified")]
    assert comparison.problems == [] and comparison.changed


def test_git_second_revision_and_paths(git):
    write(Path("r.yaml"), LATER)
    git("commit", "-q", "-am", "two")
    comparison = compare_git("HEAD~1", ["HEAD", "r.yaml"])
    assert [(d.file, d.status) for d in comparison.diffs] == [("r.yaml", "modified")]


def test_git_neither_revision_nor_path_is_a_usage_error(git):
    with pytest.raises(VersionsError) as caught:
        compare_git("HEAD", ["нет-такого"])
    assert str(caught.value) == (
        "«нет-такого» — не ревизия git и не существующий файл или папка. Чтобы сравнить удалённый "
        "файл, укажите обе ревизии: roadmapctl diff --git БАЗА ВЕРСИЯ ПУТЬ"
    )
