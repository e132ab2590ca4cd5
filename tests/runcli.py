"""Running the whole command line in this process (``roadmapctl.cli.main``, with its guard), for
tests that run many commands (the fuzz test) and cannot afford a new interpreter each time."""

from __future__ import annotations

import sys

from click.testing import CliRunner


def _forget_files() -> None:
    """Clear what a process remembers of files it read (configuration, a user's templates), so that
    a run sees the files as a new process would."""
    from roadmapctl.check.config import config_for_dir
    from roadmapctl.render.templating import _environment

    config_for_dir.cache_clear()
    _environment.cache_clear()


def run_in_process(*args, stdin: bytes | None = None) -> tuple[int, bytes, bytes]:
    """Exit code, standard output and standard error of ``roadmapctl ARGS``."""
    from roadmapctl.cli import main

    _forget_files()
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
            sys.stdout.flush()  # what was written through sys.stdout.write is still in its buffer
            sys.stderr.flush()
        return code, out.getvalue(), err.getvalue()
