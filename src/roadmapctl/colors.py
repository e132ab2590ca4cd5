"""Terminal colours (ANSI SGR codes) for the text outputs of ``check``, ``diff`` and the like."""

from __future__ import annotations

RED, GREEN, YELLOW, BOLD, DIM, CYAN, RESET = (
    "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[1m", "\x1b[2m", "\x1b[36m", "\x1b[0m",
)
STRIKE = "\x1b[9m"  # crossed out: a deleted word reads as deleted without colour too


def paint(text: str, style: str, color: bool) -> str:
    """``text`` in ``style`` (one of the codes above) when ``color`` is on; empty text stays empty."""
    return f"{style}{text}{RESET}" if color and text else text
