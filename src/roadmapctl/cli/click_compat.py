"""Click 8.1 to 9: typer 0.19 imports ``click.utils.get_binary_stream`` and ``get_text_stream``,
which Click 8.2+ deprecates (a warning at every start) and Click 9 removes (typer would fail at
import). Imported before typer: where Click no longer defines the two names, they are given back,
Click's own private functions when it has them, else the same few lines of ours."""

from __future__ import annotations

import sys
from typing import IO, Any

import click.utils

NAMES = ("get_binary_stream", "get_text_stream")


def _binary_stream(name: str) -> IO[bytes]:
    stream = {"stdin": sys.stdin, "stdout": sys.stdout, "stderr": sys.stderr}.get(name)
    if stream is None:
        raise TypeError(f"Unknown standard stream '{name}'")
    return stream.buffer


def _text_stream(name: str, encoding: str | None = None, errors: str | None = "strict") -> IO[str]:
    import io

    return io.TextIOWrapper(_binary_stream(name), encoding=encoding, errors=errors, line_buffering=True)


def install() -> None:
    """Give ``click.utils`` the two names typer imports, where Click does not define them itself."""
    namespace: dict[str, Any] = vars(click.utils)
    fallback = {"get_binary_stream": _binary_stream, "get_text_stream": _text_stream}
    for name in NAMES:
        if name not in namespace:  # Click 8.2+: only a deprecated module __getattr__ (or nothing: Click 9)
            namespace[name] = namespace.get(f"_{name}", fallback[name])


install()
