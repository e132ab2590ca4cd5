"""Fuzzing every command in this process: hypothesis mutates the bundled roadmaps (bytes, lines,
indentation, value types, anchors and aliases, unicode) and each mutant goes through check,
render, report, export, fmt, mark and diff. Whatever the input:

* no internal error and no traceback, the exit code is 0, 1 or 2;
* no command hangs (each has a time budget, enforced by an alarm);
* nothing is written outside the given output (the folder is compared before and after), and a
  command that only reads leaves its input byte for byte as it was.

Every input that ever failed is kept in ``tests/fixtures/fuzz-corpus/`` and replayed here. To
keep a new failing example, set ROADMAPCTL_FUZZ_SAVE=1: it is then written into that folder.
The number of examples is small by default (the suite must stay fast on two cores);
ROADMAPCTL_FUZZ_EXAMPLES raises it for a longer run.
"""

from __future__ import annotations

import hashlib
import os
import signal
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import roadmap_files
from runcli import run_in_process

CORPUS = Path(__file__).parent / "fixtures" / "fuzz-corpus"
BUDGET = 30.0  # seconds for one command on one input; the slowest (render docx) takes ~1 s
EXAMPLES = int(os.environ.get("ROADMAPCTL_FUZZ_EXAMPLES", "12"))
ORIGINALS = [p.read_bytes() for p in roadmap_files()]


class Hang(Exception):
    pass


@contextmanager
def budget(seconds: float):
    def expired(_signum, _frame):
        raise Hang(f"no answer in {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _listing(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def commands(path: Path, out: Path) -> list[tuple[list, bool, set[str]]]:
    """(arguments, whether the command may change the input, the files it may create in out/)."""
    other = path.with_name("other.yaml")
    return [
        (["check", path], False, set()),
        (["check", path, "-f", "sarif", "-o", out / "check.sarif"], False, {"check.sarif"}),
        (["render", path, "--to", "md"], False, set()),
        (["render", path, "--to", "docx", "-o", out / "a.docx"], False, {"a.docx"}),
        (["render", path, "--to", "html", "-o", out / "a.html"], False, {"a.html"}),
        (["report", path, "--as-of", "2021-06-01"], False, set()),
        (["report", path, "--as-of", "2021-06-01", "-f", "md"], False, set()),
        (["report", path, "--as-of", "2021-06-01", "-f", "xlsx", "-o", out / "r.xlsx"], False, {"r.xlsx"}),
        (["report", path, "--as-of", "2021-06-01", "-f", "csv", "-o", out / "r.csv"], False, {"r.csv"}),
        (["export", path, "-f", "ics", "-o", out / "c.ics"], False, {"c.ics"}),
        (["export", path, "-f", "json"], False, set()),
        (["diff", other, path], False, set()),
        (["fmt", "--check", path], False, set()),
        (["mark", path, "1", "--note", "Отметка", "--date", "2021-05-20"], True, set()),
        (["fmt", path], True, set()),
    ]


def exercise(data: bytes, folder: Path) -> list[str]:
    """Run every command on ``data``; the problems found, empty when all is well."""
    problems = []
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "rm.yaml"
    out = folder / "out"
    out.mkdir(exist_ok=True)
    path.with_name("other.yaml").write_bytes(ORIGINALS[0])
    for args, edits, creates in commands(path, out):
        path.write_bytes(data)
        before = _listing(folder)
        started = time.monotonic()
        try:
            with budget(BUDGET):
                code, stdout, stderr = run_in_process(*args)
        except Hang as exc:
            problems.append(f"{args[0]} {' '.join(map(str, args[2:]))}: {exc}")
            continue
        shown = " ".join(str(a).replace(str(folder) + "/", "") for a in args)
        err = stderr.decode("utf-8", errors="replace")
        if code not in (0, 1, 2):
            problems.append(f"{shown}: exit code {code}")
        if "внутренняя ошибка" in err or "Traceback" in err:
            problems.append(f"{shown}: {err.strip()[-400:]}")
        if b"\x1b" in stdout + stderr and "--color" not in args:
            problems.append(f"{shown}: a raw ESC byte on the terminal")
        after = _listing(folder)
        allowed = {f"out/{name}" for name in creates} | ({"rm.yaml"} if edits else set())
        changed = {name for name in set(before) | set(after) if before.get(name) != after.get(name)}
        if changed - allowed:
            problems.append(f"{shown}: wrote outside its output: {sorted(changed - allowed)}")
        if time.monotonic() - started > BUDGET:
            problems.append(f"{shown}: took {time.monotonic() - started:.1f} s")
    return problems


# --- mutations ------------------------------------------------------------------------------

UNICODE = ["\x00", "\x01", "\x1b[2J", "\x7f", "\x85", "\u2028", "\u202e", "\ufeff", "\ud7ff", "\U0001f600", "\u00a0", "х х х", "«", "\t"]
VALUES = ["1.10", "4.10", "08", "yes", "~", "null", "[]", "{}", "[1, [2, [3]]]", "2021-02-30", "9999-12-31", "0001-01-01",
          "=1+2", "\"\\e]0;t\\a\"", "&a [*a]", "*nowhere", "!!python/object:os.system x", "'", "\"", "-", "? a", "|", ">-", "\"\\r\""]


@st.composite
def mutants(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(ORIGINALS)))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["byte", "delete", "insert", "line-dup", "line-drop", "indent", "value", "unicode", "alias"]))
        lines = bytes(data).split(b"\n")
        index = draw(st.integers(0, max(0, len(lines) - 1)))
        if kind == "byte" and data:
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        elif kind == "delete" and data:
            start = draw(st.integers(0, len(data) - 1))
            del data[start : start + draw(st.integers(1, 200))]
        elif kind == "insert":
            data[draw(st.integers(0, len(data))) : 0] = draw(st.binary(min_size=1, max_size=20))
        elif kind == "line-dup":
            lines.insert(index, lines[index])
            data = bytearray(b"\n".join(lines))
        elif kind == "line-drop":
            del lines[index]
            data = bytearray(b"\n".join(lines))
        elif kind == "indent":
            lines[index] = b" " * draw(st.integers(0, 12)) + lines[index].lstrip(b" ")
            data = bytearray(b"\n".join(lines))
        elif kind in ("value", "unicode", "alias"):
            line = lines[index].decode("utf-8", errors="replace")
            key, colon, _value = line.partition(": ")
            if not colon:
                key, colon = line.rstrip(":"), ": "
            if kind == "value":
                value = draw(st.sampled_from(VALUES))
            elif kind == "unicode":
                value = _value[: len(_value) // 2] + draw(st.sampled_from(UNICODE)) + _value[len(_value) // 2 :]
            else:
                value = draw(st.sampled_from(["&x " + _value, "*x", "&r [*r]", "&m {k: *m}"]))
            lines[index] = f"{key}{colon}{value}".encode("utf-8", errors="surrogatepass")
            data = bytearray(b"\n".join(lines))
    return bytes(data)


def _save(data: bytes) -> None:
    if os.environ.get("ROADMAPCTL_FUZZ_SAVE") == "1":
        (CORPUS / f"found-{hashlib.sha256(data).hexdigest()[:12]}.yaml").write_bytes(data)


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, derandomize="ROADMAPCTL_FUZZ_EXAMPLES" not in os.environ, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=mutants())
def test_no_mutant_breaks_a_command(tmp_path_factory, data):
    problems = exercise(data, tmp_path_factory.mktemp("fuzz"))
    if problems:
        _save(data)
    assert not problems, "\n".join(problems) + f"\ninput: {data[:2000]!r}"


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.yaml")))
def test_the_corpus_of_past_failures_stays_fixed(tmp_path, name):
    problems = exercise((CORPUS / name).read_bytes(), tmp_path / "run")
    assert not problems, "\n".join(problems)


def test_the_corpus_is_there():
    assert len(list(CORPUS.glob("*.yaml"))) >= 10


# --- by class: file kinds and environments ---------------------------------------------------
# Each case that ever failed (issue 30: a FIFO hung diff --git, /dev/zero exhausted memory, a name
# that is not UTF-8 gave an internal error, a 3 GB file was read whole, a relative XDG_CACHE_HOME
# ran a planted validator) is a row of these tables, replayed on every run.

KINDS = ["fifo", "device", "outside-link", "huge-sparse", "non-utf8-name", "cyrillic name with spaces", "control-name"]


def _special(kind: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "rm.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "outside-link":
        outside = folder.parent / "вне папки.yaml"
        outside.write_bytes(ORIGINALS[0])
        path.symlink_to(outside)
    elif kind == "huge-sparse":
        with open(path, "wb") as handle:
            handle.truncate(3 * 1024**3)
    elif kind == "non-utf8-name":
        path = folder / os.fsdecode(b"\xff\xfe rm.yaml")
        path.write_bytes(ORIGINALS[0])
    elif kind == "control-name":  # ESC, BEL and a bidirectional override in the name
        path = folder / "x\x1b[31m\x07\u202e rm.yaml"
        path.write_bytes(ORIGINALS[0])
    else:
        path = folder / "дорожная карта 2021.yaml"
        path.write_bytes(ORIGINALS[0])
    return path


def _kind_problems(path: Path, out: Path) -> list[str]:
    problems = []
    # beside the commands on a roadmap: the site (a name that was not UTF-8 ended its build with
    # an internal error, and one with ESC reached its pages raw) and import (its messages)
    more: list[tuple[list, bool, set[str]]] = [(["site", path, "-o", out / "site"], False, set()),
                                               (["import", path, "-o", out / "imported.yaml"], False, set())]
    for args, _edits, _creates in commands(path, out) + more:
        shown = " ".join(str(a) for a in args[:1] + args[2:4])
        try:
            with budget(BUDGET):
                code, stdout, stderr = run_in_process(*args)
        except Hang as exc:
            problems.append(f"{shown}: {exc}")
            continue
        err = stderr.decode("utf-8", errors="replace")
        if code not in (0, 1, 2):
            problems.append(f"{shown}: exit code {code}")
        if "внутренняя ошибка" in err or "Traceback" in err:
            problems.append(f"{shown}: {err.strip()[-300:]}")
        if b"\x1b" in stdout + stderr or "\u202e".encode() in stdout + stderr:
            problems.append(f"{shown}: a raw ESC or bidirectional override on the terminal")
    site = out / "site"
    for page in sorted(site.rglob("*")) if site.is_dir() else []:
        if page.suffix in (".html", ".js", ".json") and (b"\x1b" in page.read_bytes() or "\u202e".encode() in page.read_bytes()):
            problems.append(f"site: a raw ESC or bidirectional override in {page.relative_to(site)}")
    return problems


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs, devices and byte names are POSIX things")
@pytest.mark.parametrize("kind", KINDS)
def test_every_command_on_every_kind_of_file(tmp_path, kind):
    try:
        path = _special(kind, tmp_path / "run")
    except (OSError, UnicodeError):
        pytest.skip(f"this file system cannot make a {kind}")
    out = tmp_path / "run" / "out"
    out.mkdir()
    (tmp_path / "run" / "other.yaml").write_bytes(ORIGINALS[0])
    assert _kind_problems(path, out) == []


@pytest.mark.parametrize("env", [{"HOME": "home", "XDG_CACHE_HOME": ".cache", "XDG_CONFIG_HOME": "cfg"},
                                 {"HOME": "/nonexistent/дом", "XDG_CACHE_HOME": "/nonexistent/кэш"},
                                 {"XDG_CACHE_HOME": ""}])
def test_environments_neither_break_a_command_nor_leave_files(tmp_path, monkeypatch, env):
    """Relative or missing XDG and HOME paths: nothing is created in the working folder (a
    relative XDG path is ignored, per its specification) and no command breaks."""
    work = tmp_path / "клон"
    work.mkdir()
    (work / "rm.yaml").write_bytes(ORIGINALS[0])
    monkeypatch.chdir(work)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    from roadmapctl.document import schema

    schema.fast_validator.cache_clear()
    for args in (["check", "rm.yaml"], ["render", "rm.yaml", "--to", "md"], ["report", "rm.yaml", "-f", "md"]):
        code, _out, err = run_in_process(*args)
        shown = err.decode("utf-8", errors="replace")
        assert code in (0, 1) and "внутренняя ошибка" not in shown, shown
    assert sorted(p.name for p in work.iterdir()) == ["rm.yaml"]
