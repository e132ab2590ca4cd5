"""Terminal colours (ANSI SGR codes) for the text outputs of ``check``, ``diff`` and the like."""

from __future__ import annotations

from collections.abc import Mapping

RED, GREEN, YELLOW, BOLD, DIM, CYAN, RESET = (
    "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[1m", "\x1b[2m", "\x1b[36m", "\x1b[0m",
)
STRIKE = "\x1b[9m"  # crossed out: a deleted word reads as deleted without colour too


def paint(text: str, style: str, color: bool) -> str:
    """``text`` in ``style`` (one of the codes above) when ``color`` is on; empty text stays empty."""
    return f"{style}{text}{RESET}" if color and text else text


def wanted(option: bool | None, to_file: bool, terminal: bool, environ: Mapping[str, str]) -> bool:
    """Whether a text output is painted, as CI tools decide it (ruff, pytest, yamllint):

    1. ``--color`` / ``--no-color`` as given;
    2. never into a file (``--output-file``);
    3. ``NO_COLOR`` set and not empty: no colour (https://no-color.org);
    4. ``FORCE_COLOR`` set and not empty: colour even when the output is not a terminal, e.g. in
       a CI log (https://force-color.org);
    5. otherwise colour only on a terminal.
    """
    if option is not None:
        return option
    if to_file:
        return False
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return terminal
