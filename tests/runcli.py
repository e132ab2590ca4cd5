"""Running the whole command line in this process (``roadmapctl.cli.main``, with its guard), for
tests that run many commands (the fuzz test) and cannot afford a new interpreter each time."""

from __future__ import annotations

import sys

from click.testing import CliRunner


def run_in_process(*args, stdin: bytes | None = None) -> tuple[int, bytes, bytes]:
    """Exit code, standard output and standard error of ``roadmapctl ARGS``."""
    from roadmapctl.cli import main

    try:  # click < 8.2 mixes the error stream into the output unless told not to
        runner = CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 always keeps them apart
        runner = CliRunner()
    saved = sys.argv
    with runner.isolation(input=stdin) as streams:
        out, err = streams[0], streams[1]
        sys.argv = ["roadmapctl", *map(str, args)]
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        finally:
            sys.argv = saved
        return code, out.getvalue(), err.getvalue()
