"""The result cache of ``check`` (issue 29): a repeat run over unchanged files reads the stored
findings; a changed byte, configuration or word list, a corrupted entry, ``--no-cache`` and
``--fix`` do not; the folder is the user's (a relative XDG_CACHE_HOME is ignored) and private."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest
from conftest import SMALL_ROADMAP

from roadmapctl.check import cache as results
from roadmapctl.check.config import Config

DOUBLED = SMALL_ROADMAP.replace("мероприятие: Совещание", "мероприятие: Совещание совещание руководителей")


@pytest.fixture
def place(tmp_path):
    """A roadmap with one doubled word in a folder with Cyrillic letters and a space, and the
    cache folder of the runs."""
    folder = tmp_path / "Дорожные карты"
    folder.mkdir()
    roadmap = folder / "карта района.yaml"
    roadmap.write_text(DOUBLED, encoding="utf-8")
    return roadmap, tmp_path / "кэш"


def entries(cache_home: Path) -> list[Path]:
    folder = cache_home / "roadmapctl" / "check"
    return sorted(folder.glob("*.json")) if folder.exists() else []


def run(cli, cache_home: Path, *args):
    return cli("check", *args, env={"XDG_CACHE_HOME": str(cache_home)})


def test_a_repeat_run_reads_the_stored_findings(cli, place):
    roadmap, home = place
    first = run(cli, home, roadmap)
    assert first[0] == 0 and "RM602" in first[1] and "«Совещание» повторено дважды подряд" in first[1]
    [entry] = entries(home)
    assert run(cli, home, roadmap) == first  # identical output from the cache
    # the entry is what the second run read: a message changed in it shows (its key still matches)
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["diagnostics"][0]["message"] = "из кэша"
    entry.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert "из кэша" in run(cli, home, roadmap)[1]
    assert run(cli, home, "--no-cache", roadmap) == first  # bypassed


def test_a_changed_byte_or_configuration_is_checked_again(cli, place):
    roadmap, home = place
    run(cli, home, roadmap)
    roadmap.write_text(DOUBLED.replace("руководителей", "руководителей."), encoding="utf-8")
    code, out, _ = run(cli, home, roadmap)
    assert "RM602" in out and (code, out) == run(cli, home, "--no-cache", roadmap)[:2]
    assert len(entries(home)) == 2
    (roadmap.parent / "roadmapctl.toml").write_text('ignore = ["RM602"]\n', encoding="utf-8")
    assert "RM602" not in run(cli, home, roadmap)[1]
    assert len(entries(home)) == 3


def test_the_key_covers_name_bytes_configuration_and_word_lists(tmp_path):
    words = tmp_path / "слова проекта.txt"
    words.write_text("Почетская\n", encoding="utf-8")
    config = Config(spelling_words=(str(words),))
    key = results.key_for("карта.yaml", b"data", config)
    assert key == results.key_for("карта.yaml", b"data", config)
    assert key != results.key_for("карта.yaml", b"datA", config)
    assert key != results.key_for("другая.yaml", b"data", config)
    assert key != results.key_for("карта.yaml", b"data", Config(spelling_words=(str(words),), ignore=("RM6",)))
    words.write_text("Почетская\nШНРО\n", encoding="utf-8")
    assert key != results.key_for("карта.yaml", b"data", config)


@pytest.mark.parametrize("damage", [b"", b"{", b"[]", b'{"format": 1}', "не JSON".encode()])
def test_a_corrupted_entry_is_ignored_and_replaced(cli, place, damage):
    roadmap, home = place
    first = run(cli, home, roadmap)
    [entry] = entries(home)
    entry.write_bytes(damage)
    assert run(cli, home, roadmap) == first
    assert json.loads(entry.read_text(encoding="utf-8"))["key"] == entry.stem  # written anew


def test_an_entry_under_another_key_is_not_trusted(place, tmp_path):
    folder = tmp_path / "entries"
    results.store(folder, "a" * 64, "x.yaml", [], {}, False)
    (folder / f"{'b' * 64}.json").write_bytes((folder / f"{'a' * 64}.json").read_bytes())
    assert results.load(folder, "a" * 64) == {"name": "x.yaml", "diagnostics": [], "lines": {}, "strict": False}
    assert results.load(folder, "b" * 64) is None  # the copy carries the key "aaa…"


def test_fix_does_not_use_the_cache(cli, place):
    roadmap, home = place
    code, _out, _err = run(cli, home, "--fix", roadmap)
    assert code == 0 and "Совещание руководителей" in roadmap.read_text(encoding="utf-8")
    assert entries(home) == []


def test_the_folder_is_the_users_and_private(cli, place):
    roadmap, home = place
    run(cli, home, roadmap)
    if os.name == "posix":
        assert stat.S_IMODE((home / "roadmapctl").stat().st_mode) == 0o700
        assert stat.S_IMODE((home / "roadmapctl" / "check").stat().st_mode) == 0o700
    assert [p.name for p in (home / "roadmapctl" / "check").iterdir() if not p.name.endswith(".json")] == []


def test_cache_folder_from_the_environment():
    home = Path.home()
    assert results.cache_folder({"XDG_CACHE_HOME": "/var/кэш пользователя"}, windows=False) == Path(
        "/var/кэш пользователя/roadmapctl/check")
    assert results.cache_folder({"XDG_CACHE_HOME": "относительная/папка"}, windows=False) == home / ".cache" / "roadmapctl" / "check"
    assert results.cache_folder({"XDG_CACHE_HOME": ""}, windows=False) == home / ".cache" / "roadmapctl" / "check"
    assert results.cache_folder({}, windows=False) == home / ".cache" / "roadmapctl" / "check"
    local = r"C:\Users\Иван Петров\AppData\Local"
    assert results.cache_folder({"LOCALAPPDATA": local}, windows=True) == Path(local) / "roadmapctl" / "check"
    assert results.cache_folder({"LOCALAPPDATA": r"AppData\Local"}, windows=True) == home / "AppData" / "Local" / "roadmapctl" / "check"


def test_a_failed_write_leaves_no_temporary_file(tmp_path):
    folder = tmp_path / "roadmapctl" / "check"
    folder.mkdir(parents=True)
    (folder / f"{'c' * 64}.json").mkdir()  # os.replace cannot put a file there
    results.store(folder, "c" * 64, "x.yaml", [], {}, False)
    assert sorted(p.name for p in folder.iterdir()) == [f"{'c' * 64}.json"]


@pytest.mark.skipif(sys.platform == "win32", reason="a read-only folder")
def test_an_unwritable_cache_folder_is_passed_over(cli, place, tmp_path):
    roadmap, _home = place
    blocked = tmp_path / "занято"
    blocked.write_text("a file, not a folder", encoding="utf-8")
    code, out, err = run(cli, blocked, roadmap)
    assert code == 0 and "RM602" in out and err == ""
