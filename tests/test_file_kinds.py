"""One way to open what a user, a repository or a client names (``loading.source.read_regular``):
regular files only — a FIFO, a device, a folder or a socket is refused by its kind before it is
opened (a FIFO never blocks) — and a size limit checked before reading; git blobs by their type
and size; word lists a configuration names confined to the repository, written under a lock."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROADMAPS
from test_check_rules import HEAD, activity

from roadmapctl.diff.gitio import GitError, read_file
from roadmapctl.loading.source import MAX_BYTES, SourceError, read_regular

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")


@posix_only
def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "дорожная карта.yaml"
    os.mkfifo(fifo)
    with pytest.raises(SourceError) as caught:
        read_regular(fifo)  # would block for ever if it were opened for reading
    assert caught.value.io and caught.value.message.startswith("это именованный канал (FIFO)")


@posix_only
def test_a_device_behind_a_symlink_is_refused(tmp_path):
    link = tmp_path / "карта 2021.yaml"
    link.symlink_to("/dev/zero")
    with pytest.raises(SourceError) as caught:
        read_regular(link)
    assert caught.value.message.startswith("это устройство, а не обычный файл")


def test_a_folder_and_a_socket_are_refused(tmp_path):
    with pytest.raises(SourceError, match="^это папка, а не файл$"):
        read_regular(tmp_path)
    if not hasattr(socket, "AF_UNIX"):
        return
    path = Path("/tmp") / f"rm-sock-{os.getpid()}"  # AF_UNIX paths are short
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(SourceError, match="^это сокет, а не обычный файл"):
            read_regular(path)
    finally:
        server.close()
        path.unlink(missing_ok=True)


def _sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


def test_a_huge_sparse_file_is_refused_by_its_size_before_reading(tmp_path):
    huge = _sparse(tmp_path / "огромная карта.yaml", 3 * 1024**3)
    with pytest.raises(SourceError) as caught:
        read_regular(huge)
    assert caught.value.message.startswith("файл слишком велик (3072 МБ, а допустимо до 16 МБ)")
    assert not caught.value.io  # a finding about the file (RM001), exit 1


def test_the_limit_holds_exactly(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * 10)
    assert read_regular(path, 10) == b"x" * 10
    with pytest.raises(SourceError, match="слишком велик"):
        read_regular(path, 9)


@posix_only
def test_check_on_a_fifo_and_a_huge_file(tmp_path, cli):
    os.mkfifo(tmp_path / "канал.yaml")
    code, _out, err = cli("check", str(tmp_path / "канал.yaml"))
    assert code == 2 and "именованный канал" in err
    _sparse(tmp_path / "огромная.yaml", 3 * 1024**3)
    code, out, err = cli("check", "-f", "concise", str(tmp_path / "огромная.yaml"))
    assert code == 1 and "слишком велик (3072 МБ, а допустимо до 16 МБ)" in out + err


def test_import_and_diff_refuse_a_3_gb_file_by_size(tmp_path, cli):
    huge = _sparse(tmp_path / "приказ.pdf", 3 * 1024**3)
    code, _out, err = cli("import", str(huge))
    assert code in (1, 2) and "слишком велик (3072 МБ, а допустимо до 128 МБ)" in err
    big = _sparse(tmp_path / "новая.yaml", 3 * 1024**3)
    code, _out, err = cli("diff", str(ROADMAPS / "aban-2020-2023.yaml"), str(big))
    assert code == 2 and "слишком велик" in err


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t"})


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_blobs_symlinks_and_huge_objects_are_not_read(tmp_path):
    repo = tmp_path / "репозиторий"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "ссылка.yaml").symlink_to("/dev/zero")
    (repo / "обычная.yaml").write_text("a: 1\n", encoding="utf-8")
    (repo / "большая.yaml").write_bytes(b"#" * (MAX_BYTES + 1))
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "x")
    assert read_file("HEAD", "обычная.yaml", repo) == b"a: 1\n"
    with pytest.raises(GitError, match="символическая ссылка, а не файл"):
        read_file("HEAD", "ссылка.yaml", repo)
    with pytest.raises(GitError, match=r"слишком велик \(16 МБ, а допустимо до 16 МБ\)"):
        read_file("HEAD", "большая.yaml", repo)
    with pytest.raises(GitError, match="за пределы репозитория"):
        read_file(None, "ссылка.yaml", repo)  # the working tree: a link is followed inside the repo only
    os.mkfifo(repo / "канал.yaml")
    with pytest.raises(GitError, match="^канал.yaml: это именованный канал"):
        read_file(None, "канал.yaml", repo)
    (repo / "ссылка.yaml").unlink()
    outside = tmp_path / "секрет.yaml"
    outside.write_text("пароль: 1\n", encoding="utf-8")
    (repo / "ссылка.yaml").symlink_to(outside)
    with pytest.raises(GitError, match="за пределы репозитория"):
        read_file(None, "ссылка.yaml", repo)


def test_a_word_list_outside_the_repository_is_refused(tmp_path, cli):
    repo = tmp_path / "клон"
    (repo / ".git").mkdir(parents=True)
    victim = tmp_path / ".bashrc"
    victim.write_text("echo hi\n", encoding="utf-8")
    (repo / "roadmapctl.toml").write_text('spelling-words = "../.bashrc"\n', encoding="utf-8")
    (repo / "r.yaml").write_text(HEAD + activity(text="Анализ оленочных процедур"), encoding="utf-8")
    code, _out, err = cli("check", "--add-words", "r.yaml", cwd=repo)
    assert code == 2 and "вне репозитория" in err
    assert victim.read_text(encoding="utf-8") == "echo hi\n"


def test_a_word_list_that_is_a_fifo_is_refused(tmp_path, cli):
    if not hasattr(os, "mkfifo"):
        pytest.skip("FIFOs are a POSIX thing")
    (tmp_path / ".git").mkdir()
    os.mkfifo(tmp_path / "слова.txt")
    (tmp_path / "roadmapctl.toml").write_text('spelling-words = "слова.txt"\n', encoding="utf-8")
    (tmp_path / "r.yaml").write_text(HEAD + activity(text="Анализ оленочных процедур"), encoding="utf-8")
    code, _out, err = cli("check", "r.yaml", cwd=tmp_path)
    assert code == 2 and "именованный канал" in err


WORDS = ["оленочных", "медиаплощадка", "проектошкола", "квантоурок", "технопарковый", "цифролаборатория"]


def test_concurrent_add_words_lose_no_word(tmp_path):
    """Six processes add one different word each to the same word list at once."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "roadmapctl.toml").write_text('spelling-words = "слова проекта.txt"\n', encoding="utf-8")
    for i, word in enumerate(WORDS):
        (tmp_path / f"карта {i}.yaml").write_text(HEAD + activity(text=f"Анализ {word} процедур"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    procs = [subprocess.Popen([sys.executable, "-m", "roadmapctl", "check", "--add-words", f"карта {i}.yaml"],
                              cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
             for i in range(len(WORDS))]
    errors = [p.communicate(timeout=120)[1].decode("utf-8", errors="replace") for p in procs]
    assert all("Traceback" not in e for e in errors), errors
    entries = (tmp_path / "слова проекта.txt").read_text(encoding="utf-8").split()
    assert sorted(entries) == sorted(WORDS)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_walk_does_not_follow_a_link_out_of_the_repository(tmp_path, cli):
    repo = tmp_path / "репозиторий"
    (repo / ".git").mkdir(parents=True)
    (repo / "карты").mkdir()
    secret = tmp_path / "секрет.yaml"
    secret.write_text("пароль: сверхсекретно-12345\n", encoding="utf-8")
    (repo / "карты" / "ссылка.yaml").symlink_to(secret)
    (repo / "карты" / "своя.yaml").symlink_to(repo / "настоящая.yaml")
    (repo / "настоящая.yaml").write_text((ROADMAPS / "aban-2020-2023.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    _code, out, err = cli("check", "-f", "concise", "карты", cwd=repo)
    assert "сверхсекретно" not in out + err
    assert "ссылка.yaml: символическая ссылка ведёт за пределы репозитория; файл пропущен" in err
    assert "своя.yaml" in out  # a link inside the repository is a file like any other


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="SIGINT to a child is a POSIX thing")
@pytest.mark.parametrize("delay", [0.05, 0.15, 0.3, 0.6])
def test_ctrl_c_while_starting_prints_no_traceback(delay):
    import signal
    import time

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen([sys.executable, "-m", "roadmapctl", "check", str(ROADMAPS / "aban-2020-2023.yaml")],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    err = proc.communicate(timeout=60)[1].decode("utf-8", errors="replace")
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert proc.returncode in (0, 130, -signal.SIGINT), (proc.returncode, err)  # finished, told, or not yet Python
    if proc.returncode == 130:
        assert "roadmapctl: прервано пользователем" in err


def test_one_test_decides_what_stays_inside_the_repository(tmp_path):
    from roadmapctl.repository import confining_folder, leaves

    repo = tmp_path / "мой репозиторий"
    (repo / ".git").mkdir(parents=True)
    (repo / "карты" / "2021 год").mkdir(parents=True)
    outside = tmp_path / "чужое.txt"
    outside.write_text("секрет\n", encoding="utf-8")
    folder = repo / "карты" / "2021 год"
    assert confining_folder(folder) == repo.resolve()
    assert leaves(folder / "словарь.txt", folder) is None  # need not exist
    assert leaves(folder / ".." / ".." / "словарь.txt", folder) is None
    assert leaves(folder / ".." / ".." / ".." / "чужое.txt", folder) == repo.resolve()
    link = folder / "ссылка.txt"
    link.symlink_to(outside)
    assert leaves(link, folder) == repo.resolve()  # a link is followed before the test
    loose = tmp_path / "без git"
    loose.mkdir()
    assert leaves(loose / "a.txt", loose) is None
    assert leaves(tmp_path / "чужое.txt", loose) == loose.resolve()  # outside git: the folder itself
