"""``python -m roadmapctl`` and the ``roadmapctl`` console script (``run``): Ctrl-C while the
program is still starting — its libraries loading, the commands being built — ends with a
Russian line and exit code 130, never a Python traceback."""

import sys


def _interrupted() -> None:
    sys.stderr.write("\nroadmapctl: прервано пользователем\n")
    sys.stderr.flush()
    raise SystemExit(130)


def run() -> None:
    try:
        from roadmapctl.cli import main

        main()
    except KeyboardInterrupt:
        _interrupted()


if __name__ == "__main__":
    run()
