"""External programs are bounded: LibreOffice runs in its own process group and, on timeout, the
whole group is killed (soffice.bin and its helpers, not only the launcher)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from roadmapctl.importer.convert import run_bounded


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups are a POSIX thing")
def test_a_timed_out_program_is_killed_with_its_children(tmp_path):
    pid_file = tmp_path / "child pid"
    # a launcher that starts a long-lived child, as soffice starts soffice.bin, then waits
    script = (f"import subprocess, sys, time; p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)']); "
              f"open({str(pid_file)!r}, 'w').write(str(p.pid)); time.sleep(120)")
    started = time.monotonic()
    with pytest.raises(subprocess.TimeoutExpired):
        run_bounded([sys.executable, "-c", script], 3, dict(os.environ))
    assert time.monotonic() - started < 60
    child = int(pid_file.read_text(encoding="utf-8"))
    for _ in range(100):  # the kill is delivered at once; reaping by init may take a moment
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        if _zombie(child):
            break
        time.sleep(0.05)
    else:
        pytest.fail(f"the child {child} outlived the timeout")


def _zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().split(")")[-1].split()[0] == "Z"
    except OSError:
        return True


def test_a_program_that_ends_gives_its_exit_code():
    assert run_bounded([sys.executable, "-c", "raise SystemExit(3)"], 60, dict(os.environ)) == 3
