"""What CI engineers expect from a linter, as ruff and yamllint do it: ``--quiet``, FORCE_COLOR and
NO_COLOR, unknown rule codes in the configuration reported with file and line, a broken
configuration in Russian with file and line and nothing printed before it, completion messages in
Russian. Files are named in Russian with spaces, as methodologists name them."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib

import pytest
from conftest import ROOT, SMALL_ROADMAP
from hypothesis import given, settings
from hypothesis import strategies as st

from roadmapctl.check.config import _toml_error
from roadmapctl.colors import wanted

# one RM605 warning: a double space inside «Совещание  по плану»
WITH_FINDING = SMALL_ROADMAP.replace("мероприятие: Совещание", "мероприятие: Совещание  по плану")


def run(*args: str, cwd, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    full = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS")}
    full["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])
    return subprocess.run([sys.executable, "-m", "roadmapctl", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", env={**full, **(env or {})}, timeout=120, check=False)


@pytest.fixture
def folder(tmp_path):
    """«Дорожные карты» with «моя карта.yaml» (one warning) in it."""
    where = tmp_path / "Дорожные карты"
    where.mkdir()
    (where / "моя карта.yaml").write_text(WITH_FINDING, encoding="utf-8")
    return where


# -- colour -------------------------------------------------------------------------------------

@pytest.mark.parametrize("option, to_file, terminal, environ, expected", [
    (None, False, True, {}, True),
    (None, False, False, {}, False),
    (None, False, False, {"FORCE_COLOR": "1"}, True),  # a CI log is not a terminal
    (None, False, False, {"FORCE_COLOR": ""}, False),  # set but empty: as if not set
    (None, False, True, {"NO_COLOR": "1"}, False),
    (None, False, False, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),  # no colour wins
    (None, True, True, {"FORCE_COLOR": "1"}, False),  # never into a file
    (True, False, False, {"NO_COLOR": "1"}, True),  # the command line wins
    (False, False, True, {"FORCE_COLOR": "1"}, False),
])
def test_when_the_output_is_painted(option, to_file, terminal, environ, expected):
    assert wanted(option, to_file, terminal, environ) is expected


def test_force_color_and_no_color_in_check(folder):
    plain = run("check", "моя карта.yaml", cwd=folder)
    forced = run("check", "моя карта.yaml", cwd=folder, env={"FORCE_COLOR": "1"})
    both = run("check", "моя карта.yaml", cwd=folder, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert plain.returncode == forced.returncode == both.returncode == 0
    assert "\x1b[" not in plain.stdout and "\x1b[" not in both.stdout
    assert "\x1b[33m" in forced.stdout  # the warning in yellow
    assert both.stdout == plain.stdout


# -- --quiet ------------------------------------------------------------------------------------

def test_quiet_check_prints_the_findings_only(folder):
    loud = run("check", "моя карта.yaml", cwd=folder)
    quiet = run("check", "--quiet", "моя карта.yaml", cwd=folder)
    assert loud.returncode == quiet.returncode == 0
    assert "Проверено файлов: 1. Ошибок: 0, предупреждений: 1." in loud.stdout
    assert "Проверено файлов" not in quiet.stdout
    # line 17: the activity's text; column 31: after 8 spaces, «мероприятие: » and «Совещание»
    assert quiet.stdout.startswith("моя карта.yaml\nмоя карта.yaml:17:31: RM605 предупреждение: двойной пробел\n")
    assert quiet.stdout.endswith("подсказка: оставьте один пробел\n")
    assert quiet.stderr == ""


def test_quiet_check_of_a_clean_file_prints_nothing(folder):
    (folder / "моя карта.yaml").write_text(SMALL_ROADMAP, encoding="utf-8")
    done = run("check", "-q", "моя карта.yaml", cwd=folder)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_quiet_fix_diff_says_nothing_on_stderr(folder):
    done = run("check", "--fix", "--diff", "-q", "моя карта.yaml", cwd=folder)
    assert done.returncode == 1
    assert "+        мероприятие: Совещание по плану" in done.stdout
    assert done.stderr == ""


def test_quiet_fmt(folder):
    (folder / "моя карта.yaml").write_text(SMALL_ROADMAP.replace('номер: "1."', "номер: '1.'"), encoding="utf-8")
    checked = run("fmt", "--check", "-q", "моя карта.yaml", cwd=folder)
    assert (checked.returncode, checked.stdout, checked.stderr) == (1, "Нужно отформатировать: моя карта.yaml\n", "")
    done = run("fmt", "--quiet", "моя карта.yaml", cwd=folder)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert "номер: \"1.\"" in (folder / "моя карта.yaml").read_text(encoding="utf-8")
    again = run("fmt", "--check", "--quiet", "моя карта.yaml", cwd=folder)
    assert (again.returncode, again.stdout, again.stderr) == (0, "", "")


# -- the configuration --------------------------------------------------------------------------

@pytest.mark.parametrize("name, text, line, column, where", [
    ("roadmapctl.toml", 'ignore = ["RM999"]\n', 1, 12, "ignore"),
    ("roadmapctl.toml", 'select = ["RM6", "rm60x"]\n', 1, 19, "select"),
    ("roadmapctl.toml", '[per-file-ignores]\n"моя карта.yaml" = [\n  "RM605",\n  "RX1",\n]\n', 4, 4,
     "per-file-ignores «моя карта.yaml»"),
    # another tool's code above roadmapctl's table is not ours to judge
    ("pyproject.toml", '[tool.ruff]\nignore = ["E501"]\n\n[tool.roadmapctl]\nignore = ["E501"]\n', 5, 12, "ignore"),
])
def test_an_unknown_rule_code_in_the_configuration(folder, name, text, line, column, where):
    (folder / name).write_text(text, encoding="utf-8")
    done = run("check", "моя карта.yaml", cwd=folder)
    code = next(c for c in ("RM999", "RM60X", "RX1", "E501") if c in text.upper())
    assert done.returncode == 2
    assert done.stdout == ""  # no summary of zero files before the error
    assert done.stderr == (f"roadmapctl: {folder / name}:{line}:{column}: неизвестный код правила «{code}» в {where}; "
                           "список правил: roadmapctl rules\n")


@pytest.mark.parametrize("text, line, column, reason", [
    ('select = ["RM6"\nignore = []\n', 2, 1, "список не закрыт скобкой «]»"),
    ("strict true\n", 1, 8, "после ключа ожидается «=»"),
    ('ignore = ["RM605"]\nignore = ["RM602"]\n', 2, 19, "значение этого ключа уже задано выше"),
    # tomllib points after «\\U», where the hex digits of an escape were expected
    ('spelling-words = "C:\\Users\\Методист\\слова.txt"\n', 1, 23,
     ("обратная косая черта «\\» в строке в двойных кавычках; пишите путь через «/», удваивайте «\\\\» "
      "или возьмите строку в одинарные кавычки")),
])
def test_a_broken_configuration_in_russian_with_its_line(folder, text, line, column, reason):
    (folder / "roadmapctl.toml").write_text(text, encoding="utf-8")
    done = run("check", "моя карта.yaml", cwd=folder)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == f"roadmapctl: {folder / 'roadmapctl.toml'}:{line}:{column}: настройки не читаются как TOML: {reason}\n"


@pytest.mark.parametrize("text, line, message", [
    ('select = ["RM6"]\nstrictt = true\n', 2,
     "неизвестный параметр «strictt»; допустимы: ignore, per-file-ignores, select, spelling-words, strict"),
    ('[per-file-ignores]\n"моя карта.yaml" = 5\n', 2,
     "«моя карта.yaml» должен быть списком кодов правил, например [\"RM601\"]"),
    ('strict = "да"\n', 1, "«strict» должен быть true или false"),
])
def test_a_wrong_setting_is_told_with_its_line(folder, text, line, message):
    (folder / "roadmapctl.toml").write_text(text, encoding="utf-8")
    done = run("check", "моя карта.yaml", cwd=folder)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"roadmapctl: {folder / 'roadmapctl.toml'}:{line}:1: {message}\n"


_TOML_PIECES = st.sampled_from(['a', '=', ' ', '"', "'", '[', ']', '{', '}', ',', '\n', '1', '.', '\\', 'ключ', '#',
                                'true', '2021-13-01', 'x = 1\n', '[t]\n'])


@settings(max_examples=300, deadline=None)
@given(st.lists(_TOML_PIECES, max_size=20).map("".join))
def test_any_toml_error_is_told_in_russian_with_a_place_in_the_file(text):
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = _toml_error("C:\\Дорожные карты\\roadmapctl.toml", text, str(exc))
    else:
        return
    head = "C:\\Дорожные карты\\roadmapctl.toml:"
    assert message.startswith(head)
    line, column, rest = message[len(head):].split(":", 2)
    lines = text.split("\n")
    assert 1 <= int(line) <= len(lines)
    assert 1 <= int(column) <= len(lines[int(line) - 1]) + 1
    assert rest.startswith(" настройки не читаются как TOML: ")
    reason = rest.removeprefix(" настройки не читаются как TOML: ")
    assert not any(word in reason for word in ("Expected", "Invalid", "Cannot", "line", "column")), reason


# -- completion ---------------------------------------------------------------------------------

def test_completion_install_speaks_russian(tmp_path):
    home = tmp_path / "Домашняя папка"
    home.mkdir()
    done = run("--install-completion", "bash", cwd=tmp_path, env={"HOME": str(home)})
    assert done.returncode == 0, done.stderr
    script = home / ".bash_completions" / "roadmapctl.sh"
    assert done.stdout == (f"Автодополнение для bash установлено: {script}\n"
                           "Оно заработает в новом окне терминала (или после перезапуска оболочки).\n")
    assert f"source '{script}'" in (home / ".bashrc").read_text(encoding="utf-8")
    assert "complete -o default -F _roadmapctl_completion roadmapctl" in script.read_text(encoding="utf-8")
