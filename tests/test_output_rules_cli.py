"""Every command keeps the output rules of ``roadmapctl.writing`` and one exit code per situation:
an invalid roadmap is 1 everywhere, 2 is for usage and input-output problems."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROADMAPS

TULA = ROADMAPS / "tula-2020-2021.yaml"
BAUNT = ROADMAPS / "baunt-2021-2022.yaml"


@pytest.fixture
def roadmap(tmp_path) -> Path:
    path = tmp_path / "rm.yaml"
    path.write_bytes(TULA.read_bytes())
    return path


def test_check_never_writes_its_report_onto_the_roadmap(roadmap, cli):
    before = roadmap.read_bytes()
    code, _out, err = cli("check", roadmap, "-o", roadmap)
    assert code == 2 and "входной файл" in err
    code, _out, err = cli("check", roadmap, "-o", roadmap, "--force")
    assert code == 2 and "входной файл" in err
    assert roadmap.read_bytes() == before


def test_diff_never_writes_onto_a_compared_file(roadmap, tmp_path, cli):
    other = tmp_path / "b.yaml"
    other.write_bytes(TULA.read_bytes())
    before = roadmap.read_bytes()
    code, _out, err = cli("diff", roadmap, other, "-o", roadmap)
    assert code == 2 and "входной файл" in err
    assert roadmap.read_bytes() == before


def test_report_keeps_a_users_file_without_force_and_replaces_its_own(roadmap, tmp_path, cli):
    notes = tmp_path / "notes.txt"
    notes.write_text("мои заметки\n", encoding="utf-8")
    code, _out, err = cli("report", roadmap, "--as-of", "2021-06-01", "-f", "md", "-o", notes)
    assert code == 2 and "--force" in err
    assert notes.read_text(encoding="utf-8") == "мои заметки\n"
    code, _out, err = cli("report", roadmap, "--as-of", "2021-06-01", "-f", "md", "-o", notes, "--force")
    assert code == 0, err
    first = notes.read_bytes()
    assert first.startswith("# Информация о ходе реализации".encode("utf-8"))
    # our own report of the same kind is replaced without --force (a later day)
    code, _out, err = cli("report", roadmap, "--as-of", "2021-09-01", "-f", "md", "-o", notes)
    assert code == 0, err
    assert notes.read_bytes() != first


@pytest.mark.parametrize("fmt, suffix", [("xlsx", "xlsx"), ("csv", "csv"), ("json", "json"), ("docx", "docx")])
def test_report_replaces_its_own_file_of_every_format(roadmap, tmp_path, fmt, suffix, cli):
    target = tmp_path / f"r.{suffix}"
    assert cli("report", roadmap, "--as-of", "2021-06-01", "-f", fmt, "-o", target)[0] == 0
    code, _out, err = cli("report", roadmap, "--as-of", "2021-09-01", "-f", fmt, "-o", target)
    assert code == 0, err


def test_check_replaces_its_own_report(roadmap, tmp_path, cli):
    out = tmp_path / "check.txt"
    out.write_text("важное\n", encoding="utf-8")
    assert cli("check", roadmap, "-o", out)[0] == 2
    assert out.read_text(encoding="utf-8") == "важное\n"
    out.unlink()
    for fmt in ("text", "json", "sarif", "gitlab", "concise"):
        code, _o, err = cli("check", roadmap, "-f", fmt, "-o", out)
        assert code in (0, 1) and "--force" not in err, (fmt, err)


def test_export_to_a_device_and_onto_a_user_file(roadmap, tmp_path, cli):
    code, _out, err = cli("export", roadmap, "-f", "ics", "-o", "/dev/null")
    assert code == 0, err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    mine = tmp_path / "calendar.ics"
    mine.write_text("BEGIN:VCALENDAR\nPRODID:-//someone else//\nEND:VCALENDAR\n", encoding="utf-8")
    code, _out, err = cli("export", roadmap, "-f", "ics", "-o", mine)
    assert code == 2 and "--force" in err
    ours = tmp_path / "ours.ics"
    assert cli("export", roadmap, "-f", "ics", "-o", ours)[0] == 0
    first = ours.read_bytes()
    code, _out, err = cli("export", BAUNT, "-f", "ics", "-o", ours)  # our own calendar: replaced
    assert code == 0, err
    assert ours.read_bytes() != first


@pytest.mark.parametrize("command", [
    ["check"], ["export", "-f", "json"], ["diff"], ["new", "--municipality", "город N", "--period", "2025-2026"],
])
def test_a_path_under_a_file_is_a_russian_error(roadmap, tmp_path, command, cli):
    blocker = tmp_path / "file"
    blocker.write_bytes(b"x")
    target = blocker / "out.txt"
    if command[0] == "diff":
        args = ["diff", roadmap, roadmap, "-o", target]
    elif command[0] == "new":
        args = ["new", target, *command[1:]]
    else:
        args = [*command, roadmap, "-o", target]
    code, _out, err = cli(*args)
    assert code == 2 and "часть пути — файл" in err and "внутренняя ошибка" not in err, err


def test_a_full_disk_is_a_russian_error(roadmap, cli):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    code, _out, err = cli("check", roadmap, "-o", "/dev/full")
    assert code == 2 and "нет места" in err


def test_mark_edits_the_target_of_a_link_and_keeps_the_mode(tmp_path, cli):
    real = tmp_path / "store" / "baunt.yaml"
    real.parent.mkdir()
    real.write_bytes(BAUNT.read_bytes())
    real.chmod(0o664)
    link = tmp_path / "baunt.yaml"
    link.symlink_to(real)
    code, _out, err = cli("mark", link, "9", "--status", "выполнено", "--date", "2021-05-20")
    assert code == 0, err
    assert link.is_symlink()
    assert "2021-05-20" in real.read_text(encoding="utf-8")
    assert stat.S_IMODE(real.stat().st_mode) == 0o664
    code, _out, err = cli("fmt", link)
    assert code == 0, err
    assert link.is_symlink()


def test_mark_refuses_a_read_only_file(tmp_path, cli):
    path = tmp_path / "baunt.yaml"
    path.write_bytes(BAUNT.read_bytes())
    path.chmod(0o444)
    code, _out, err = cli("mark", path, "9", "--status", "выполнено", "--date", "2021-05-20")
    assert code == 2 and "защищён от записи" in err
    assert err.count("не изменён") == 1, err  # said once, not «он не изменён; файл не изменён»
    assert path.read_bytes() == BAUNT.read_bytes()


def test_files_written_get_the_usual_mode(roadmap, tmp_path, cli):
    old = os.umask(0o022)
    try:
        for args, name in ((["export", "-f", "ics"], "a.ics"), (["report", "-f", "csv"], "r.csv"), (["render", "--to", "md"], "a.md")):
            target = tmp_path / name
            code, _out, err = cli(args[0], roadmap, *args[1:], "-o", target)
            assert code == 0, err
            assert stat.S_IMODE(target.stat().st_mode) == 0o644, name
    finally:
        os.umask(old)


def test_two_marks_at_once_both_land(tmp_path):
    path = tmp_path / "baunt.yaml"
    path.write_bytes(BAUNT.read_bytes())
    command = [sys.executable, "-m", "roadmapctl", "mark", str(path)]
    first = subprocess.Popen([*command, "9", "--note", "Первая отметка", "--date", "2021-05-20"], stderr=subprocess.PIPE)
    second = subprocess.Popen([*command, "10", "--note", "Вторая отметка", "--date", "2021-05-21"], stderr=subprocess.PIPE)
    assert first.wait(60) == 0 and second.wait(60) == 0
    text = path.read_text(encoding="utf-8")
    assert "Первая отметка" in text and "Вторая отметка" in text


NOT_YAML = "версия_формата: 1\nназвание: [\n"


@pytest.mark.parametrize("command", [
    ["check"], ["render", "--to", "md"], ["report"], ["export"], ["mark", "@", "1", "--status", "выполнено"], ["fmt"],
])
def test_a_file_that_is_not_yaml_exits_1_in_every_command(tmp_path, command, cli):
    path = tmp_path / "bad.yaml"
    path.write_text(NOT_YAML, encoding="utf-8")
    args = [path if a == "@" else a for a in command]
    if "@" not in command:
        args.append(path)
    code, out, err = cli(*args)
    assert code == 1, err
    said = out + err  # check prints its findings on the standard output, consumers on the error
    assert f"{path}:3:1:" in said and "Traceback" not in said and "внутренняя ошибка" not in said


def test_diff_of_a_file_that_is_not_yaml_exits_1(roadmap, tmp_path, cli):
    path = tmp_path / "bad.yaml"
    path.write_text(NOT_YAML, encoding="utf-8")
    code, _out, err = cli("diff", roadmap, path)
    assert code == 1 and f"{path}:3:1:" in err


@pytest.mark.parametrize("command", [["check"], ["render", "--to", "md"], ["report"], ["export"], ["fmt"]])
def test_a_missing_file_still_exits_2(tmp_path, command, cli):
    code, _out, err = cli(*command, tmp_path / "none.yaml")
    assert code == 2 and "не найден" in err


@pytest.mark.parametrize("args", [
    ["--as-of", "0001-01-01"], ["--as-of", "9999-12-31"], ["--within", "3000000"],
    ["--as-of", "9999-12-31", "--within", "3000000", "-k", "upcoming,stale"], ["--as-of", "0001-01-01", "-k", "stale"],
])
@pytest.mark.parametrize("fmt", ["table", "json", "docx"])
def test_report_on_the_ends_of_the_calendar(tmp_path, args, fmt, cli):
    out = ["-o", tmp_path / f"r.{fmt}"] if fmt == "docx" else []
    code, _out, err = cli("report", ROADMAPS, "-f", fmt, *args, *out)
    assert code == 0, err


def test_new_refuses_control_characters_in_its_options(tmp_path, cli):
    target = tmp_path / "new.yaml"
    code, _out, err = cli("new", target, "--municipality", "x\x01y", "--period", "2025-2026")
    assert code == 2 and "--municipality" in err and "U+0001" in err
    assert not target.exists()
