"""The one output-writing function (``roadmapctl.writing.write_output``) and its rules, tested
once here; the commands' use of it is checked in ``test_output_rules_cli.py``."""

from __future__ import annotations

import multiprocessing
import os
import stat
import threading
import time
from pathlib import Path

import pytest

from roadmapctl.writing import OutputError, locked, visible, write_output

ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False


@pytest.fixture
def umask022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_file_gets_the_usual_mode(tmp_path, umask022):
    target = tmp_path / "report.txt"
    assert write_output(target, b"text\n") is True
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    os.umask(0o027)
    other = tmp_path / "other.txt"
    write_output(other, b"text\n")
    assert stat.S_IMODE(other.stat().st_mode) == 0o640


def test_a_replaced_file_keeps_its_mode(tmp_path, umask022):
    target = tmp_path / "report.txt"
    target.write_bytes(b"old\n")
    target.chmod(0o664)
    write_output(target, b"new\n", force=True)
    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o664


@pytest.mark.skipif(not ROOT, reason="only root may give a file to another user")
def test_a_replaced_file_keeps_its_owner(tmp_path):
    target = tmp_path / "report.txt"
    target.write_bytes(b"old\n")
    os.chown(target, 12345, 23456)
    target.chmod(0o640)
    write_output(target, b"new\n", force=True)
    info = target.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (12345, 23456, 0o640)


def test_a_link_stays_a_link_and_its_target_is_written(tmp_path):
    real = tmp_path / "data" / "roadmap.yaml"
    real.parent.mkdir()
    real.write_bytes(b"a: 1\n")
    link = tmp_path / "roadmap.yaml"
    link.symlink_to(real)
    write_output(link, b"a: 2\n", editing=True)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b"a: 2\n"


def test_never_onto_an_input_even_through_a_link(tmp_path):
    source = tmp_path / "rm.yaml"
    source.write_bytes(b"a: 1\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(source)
    hard = tmp_path / "hard.yaml"
    os.link(source, hard)
    for target in (source, link, hard):
        with pytest.raises(OutputError, match="входной файл"):
            write_output(target, b"report\n", inputs=[str(source)], force=True)
    assert source.read_bytes() == b"a: 1\n"


def test_an_existing_file_is_replaced_only_when_ours_or_forced(tmp_path):
    target = tmp_path / "notes.txt"
    target.write_bytes(b"my notes\n")
    with pytest.raises(OutputError, match="--force"):
        write_output(target, b"report\n")
    with pytest.raises(OutputError, match="--force"):
        write_output(target, b"report\n", replaceable=lambda old: old.startswith(b"report"))
    assert target.read_bytes() == b"my notes\n"
    assert write_output(target, b"report 1\n", force=True) is True
    assert write_output(target, b"report 2\n", replaceable=lambda old: old.startswith(b"report")) is True
    assert target.read_bytes() == b"report 2\n"
    assert write_output(target, b"report 2\n") is False  # identical: nothing written, no --force needed
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert write_output(empty, b"x\n") is True  # an empty file holds nothing to lose


def test_a_read_only_file_is_refused_even_with_force(tmp_path):
    target = tmp_path / "rm.yaml"
    target.write_bytes(b"a: 1\n")
    target.chmod(0o444)
    with pytest.raises(OutputError, match="защищён от записи"):
        write_output(target, b"a: 2\n", editing=True)
    with pytest.raises(OutputError, match="защищён от записи"):
        write_output(target, b"a: 2\n", force=True)
    assert target.read_bytes() == b"a: 1\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_no_temporary_file_is_left_behind(tmp_path):
    write_output(tmp_path / "a.txt", b"x")
    write_output(tmp_path / "a.txt", b"y", force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_a_device_is_written_not_replaced():
    if not os.path.exists("/dev/null"):
        pytest.skip("no /dev/null")
    assert write_output("/dev/null", b"x" * 100_000) is True
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_full_device_is_a_russian_error_not_a_hang():
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    started = time.monotonic()
    with pytest.raises(OutputError, match="на диске нет места"):
        write_output("/dev/full", b"x" * 10)
    assert time.monotonic() - started < 5
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_pipe_nobody_reads_is_refused_and_a_read_pipe_gets_the_data(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(OutputError, match="никто не читает"):
        write_output(fifo, b"data")
    assert time.monotonic() - started < 5
    received = []
    reader = threading.Thread(target=lambda: received.append(Path(fifo).read_bytes()))
    reader.start()
    for _ in range(200):  # the reader opens the pipe soon after starting
        try:
            write_output(fifo, b"data\n")
            break
        except OutputError:
            time.sleep(0.01)
    reader.join(5)
    assert received == [b"data\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_path_under_a_file_or_a_folder_is_a_russian_error(tmp_path):
    (tmp_path / "file").write_bytes(b"x")
    with pytest.raises(OutputError, match="часть пути — файл"):
        write_output(tmp_path / "file" / "out.txt", b"y")
    (tmp_path / "folder").mkdir()
    with pytest.raises(OutputError, match="папка"):
        write_output(tmp_path / "folder", b"y")


@pytest.mark.skipif(ROOT, reason="root may write into a read-only folder")
def test_a_read_only_folder_is_a_russian_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(OutputError, match="нет прав на запись"):
            write_output(folder / "out.txt", b"y")
    finally:
        folder.chmod(0o755)


def test_text_for_people_shows_control_characters(capsysbinary):
    write_output(None, "имя\x1b]0;взлом\x07\x1b[2J\u202eконец\n", text=True)
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert out == "имя␛]0;взлом␇␛[2J<U+202E>конец\n"
    assert visible("\x1b[31mкрасный\x1b[0m\x1b[2J", keep_color=True) == "\x1b[31mкрасный\x1b[0m␛[2J"
    assert visible("табуляция\tи\nперевод") == "табуляция\tи\nперевод"


def _append_under_lock(path: str, count: int) -> None:
    for i in range(count):
        with locked(path):
            old = Path(path).read_bytes()
            time.sleep(0.001)
            write_output(path, old + f"{os.getpid()} {i}\n".encode(), editing=True)


def test_edits_under_the_lock_never_lose_an_update(tmp_path):
    path = tmp_path / "rm.yaml"
    path.write_bytes(b"")
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_append_under_lock, args=(str(path), 25)) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert all(w.exitcode == 0 for w in workers)
    assert len(path.read_bytes().splitlines()) == 75


def test_a_busy_file_is_said_plainly(tmp_path):
    path = tmp_path / "rm.yaml"
    path.write_bytes(b"a: 1\n")
    with locked(path):
        context = multiprocessing.get_context("fork")
        queue = context.Queue()

        def second():
            try:
                with locked(path, timeout=0.2):
                    queue.put("locked")
            except OutputError as exc:
                queue.put(str(exc))

        worker = context.Process(target=second)
        worker.start()
        worker.join(10)
        assert "изменяет другая команда roadmapctl" in queue.get(timeout=5)


def test_a_folder_without_write_permission_is_named_not_the_temporary_file(tmp_path, monkeypatch):
    """As a user who may not write into the folder (root may, so the refusal is simulated where
    the temporary file beside the target is created)."""
    import roadmapctl.writing as writing

    folder = tmp_path / "только чтение"
    folder.mkdir()

    def refused(where, name):
        raise PermissionError(13, "Permission denied", str(where / f".{name}.1a2b3c4d.tmp"))

    monkeypatch.setattr(writing, "_new_temp", refused)
    with pytest.raises(writing.OutputError) as caught:
        writing.write_output(folder / "отчёт.md", b"x")
    assert str(caught.value) == (f"{folder / 'отчёт.md'}: не удалось записать файл в папку «{folder}»: нет прав на запись")
