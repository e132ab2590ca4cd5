"""pre-commit as a roadmap repository uses it: the configuration in docs/check.md works as written, and
the hooks of `.pre-commit-hooks.yaml` take the roadmaps and nothing else (`mkdocs.yml` used to be
checked as a roadmap and gave 8 errors)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROADMAPS, ROOT

PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")
pytestmark = [pytest.mark.external,
              pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed (pip install '.[test]')")]

MKDOCS = "site_name: Документы\nnav:\n  - Главная: index.md\ntheme:\n  name: material\n"


def readme_config() -> str:
    readme = (ROOT / "docs" / "check.md").read_text(encoding="utf-8")
    block = readme.split("<!-- pre-commit-config -->", 1)[1]
    return re.search(r"```yaml\n(.*?)```", block, re.S).group(1)


def make_repository(path: Path, config: str) -> Path:
    path.mkdir()
    (path / "roadmaps").mkdir()
    shutil.copy(ROADMAPS / "aban-2020-2023.yaml", path / "roadmaps" / "aban.yaml")
    (path / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    (path / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    env = git_env(path)
    subprocess.run(["git", "init", "-q"], cwd=path, check=True, env=env)
    subprocess.run(["git", "add", "-A"], cwd=path, check=True, env=env)
    return path


def git_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GITHUB_"))}
    # the test's own interpreter first on PATH: `language: system` hooks find its roadmapctl
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["PRE_COMMIT_HOME"] = str(home.parent / "pre-commit-home")
    env.update(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@localhost", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@localhost")
    return env


def pre_commit(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([PRE_COMMIT, *args], cwd=repo, capture_output=True, text=True, encoding="utf-8",
                          env=git_env(repo), timeout=900)


def test_the_documented_configuration_works_as_written(tmp_path):
    repo = make_repository(tmp_path / "roadmaps-repo", readme_config())
    result = pre_commit(repo, "run", "--all-files")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "roadmapctl check" in result.stdout and "Passed" in result.stdout
    # a broken roadmap fails the check hook; mkdocs.yml is still never read as a roadmap
    (repo / "roadmaps" / "broken.yaml").write_text("версия_формата: 1\nмуниципалитет: [\n", encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=git_env(repo))
    result = pre_commit(repo, "run", "--all-files")
    assert result.returncode == 1
    assert "broken.yaml" in result.stdout and "mkdocs.yml" not in result.stdout


def test_hooks_of_this_repository_take_only_roadmaps(tmp_path):
    if not (ROOT / ".git").exists():
        pytest.skip("the project is not a git checkout: pre-commit try-repo needs one")
    repo = make_repository(tmp_path / "roadmaps-repo", "repos: []\n")
    result = pre_commit(repo, "try-repo", str(ROOT), "roadmapctl-check", "--all-files")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
    assert "mkdocs.yml" not in result.stdout
