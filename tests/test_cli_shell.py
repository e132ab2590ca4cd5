"""What users of ruff and yamllint expect at the shell: ``--version`` alone, completion scripts for
bash, zsh, fish and PowerShell, and completion of the values of ``--format`` and ``--to``."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from roadmapctl import __version__


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "roadmapctl", *args], capture_output=True, text=True,
                          encoding="utf-8", env=full_env, timeout=60)


def test_version_alone_prints_the_version():
    result = run("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"roadmapctl {__version__}\n"


def test_help_describes_completion_in_russian():
    result = run("--help")
    assert result.returncode == 0
    assert "--install-completion" in result.stdout
    assert "Установить автодополнение" in result.stdout
    assert "Install completion" not in result.stdout


def test_help_lists_every_command_and_each_has_its_module():
    # a command module that fails to import must not silently drop its command from the program
    from pathlib import Path

    import roadmapctl.cli as cli

    result = run("--help")
    listed = result.stdout.split("Команды:", 1)[1].split()
    names = [word for word in listed if word.isascii() and word.isalpha() and word.islower()]
    assert names == ["check", "rules", "explain", "export", "render", "report", "site", "mark", "diff", "fmt",
                     "import", "new", "schema", "lsp"]
    modules = {p.stem for p in Path(cli.__file__).parent.glob("*.py")} - {"__init__", "common", "i18n", "click_compat"}
    assert modules == set(cli.COMMAND_MODULES)


SCRIPT_MARKS = {
    "bash": "complete -o default -F _roadmapctl_completion roadmapctl",
    "zsh": "#compdef roadmapctl",
    "fish": "complete --command roadmapctl",
    "powershell": "Register-ArgumentCompleter",
}


@pytest.mark.parametrize("shell", sorted(SCRIPT_MARKS))
def test_completion_script_for_each_shell(shell):
    # the shell is named explicitly, as a user does on a machine where it cannot be detected
    result = run("--show-completion", shell, env={"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert result.returncode == 0, result.stderr
    assert SCRIPT_MARKS[shell] in result.stdout


def complete(shell: str, words: str) -> str:
    env = {"_ROADMAPCTL_COMPLETE": f"complete_{shell}", "_TYPER_COMPLETE_ARGS": words}
    if shell == "bash":
        env.update(COMP_WORDS=words, COMP_CWORD=str(len(words.split()) - (0 if words.endswith(" ") else 1)))
    if shell == "fish":
        env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    if shell == "powershell":
        env["_TYPER_COMPLETE_WORD_TO_COMPLETE"] = "" if words.endswith(" ") else words.split()[-1]
    result = run(env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "powershell"])
def test_commands_complete_in_every_shell(shell):
    out = complete(shell, "roadmapctl re")
    assert "render" in out and "report" in out
    assert "check" not in out.replace("roadmapctl", "") or shell == "powershell"


@pytest.mark.parametrize(
    "words, expected",
    [
        ("roadmapctl check --format ", ["text", "concise", "json", "github", "gitlab", "sarif"]),
        ("roadmapctl check --format g", ["github", "gitlab"]),
        ("roadmapctl render r.yaml --to ", ["docx", "html", "md"]),
        ("roadmapctl report --format x", ["xlsx"]),
        ("roadmapctl export --format ", ["json", "ics"]),
        ("roadmapctl diff --format m", ["md"]),
    ],
)
def test_option_values_complete(words, expected):
    out = complete("bash", words).split()
    assert out == expected
