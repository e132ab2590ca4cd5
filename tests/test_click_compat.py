"""The CLI starts on every Click the range admits: on the lowest declared (which defines
``click.utils.get_binary_stream``), on today's (which deprecates it, a warning at every start)
and on a Click without it, as Click 9 will be (typer 0.19 imports it)."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from conftest import ROOT

WITHOUT_THE_NAMES = """
import click.utils
def _gone(name):
    raise AttributeError(name)
click.utils.__getattr__ = _gone  # Click 8.2+ answers the deprecated names from here
for name in ("get_binary_stream", "get_text_stream"):
    vars(click.utils).pop(name, None)  # Click 8.1 defines them
try:
    click.utils.get_binary_stream
except AttributeError:
    pass
else:
    raise SystemExit("the simulation of Click 9 failed")
import sys
sys.argv = ["roadmapctl", "--version"]
from roadmapctl.cli import main
main()
"""


def _python(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, timeout=120)


def test_the_cli_starts_on_a_click_without_get_binary_stream():
    done = _python("-c", WITHOUT_THE_NAMES)
    assert (done.returncode, done.stdout, done.stderr) == (0, "roadmapctl 0.1.0\n", "")


def test_no_deprecation_warning_at_start():
    done = _python("-W", "error::DeprecationWarning", "-m", "roadmapctl", "--version")
    assert (done.returncode, done.stdout, done.stderr) == (0, "roadmapctl 0.1.0\n", "")


def test_the_given_back_functions_behave_as_clicks():
    from roadmapctl.cli import click_compat

    buffer = io.BytesIO()

    class Std:
        def __init__(self) -> None:
            self.buffer = buffer

    saved = sys.stdout
    sys.stdout = Std()  # type: ignore[assignment]
    try:
        assert click_compat._binary_stream("stdout") is buffer
        text = click_compat._text_stream("stdout", encoding="utf-8")
        text.write("Дорожная карта\n")
        text.flush()
    finally:
        sys.stdout = saved
    assert buffer.getvalue() == "Дорожная карта\n".encode("utf-8")
    with pytest.raises(TypeError):
        click_compat._binary_stream("stdnothing")
