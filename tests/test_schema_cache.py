"""The compiled validator cache: only the user's own, unaltered file is ever executed, and no
trouble with the cache folder (an unreadable home) stops a command."""

from __future__ import annotations

import hashlib
import os
import stat

import fastjsonschema
import pytest

from roadmapctl.document import schema


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    schema.fast_validator.cache_clear()
    yield tmp_path / "roadmapctl"
    schema.fast_validator.cache_clear()


def _cached(folder):
    [path] = folder.glob("validator_*.py")
    return path


def test_the_cache_is_private(cache_home):
    assert callable(schema.fast_validator())
    assert stat.S_IMODE(cache_home.stat().st_mode) == 0o700
    path = _cached(cache_home)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text(encoding="utf-8").startswith("# roadmapctl validator sha256=")


def _plant(path, body: str, digest_ok: bool = True) -> None:
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest() if digest_ok else "0" * 64
    path.write_text(f"# roadmapctl validator sha256={digest}\n{body}", encoding="utf-8")


def test_an_altered_or_foreign_writable_cache_is_never_executed(cache_home, tmp_path):
    schema.fast_validator()
    path = _cached(cache_home)
    marker = tmp_path / "executed"
    planted = f"open({str(marker)!r}, 'w').write('x')\ndef validate(data):\n    return data\n"
    _plant(path, planted, digest_ok=False)
    schema.fast_validator.cache_clear()
    schema.fast_validator()
    assert not marker.exists()
    _plant(path, planted)
    path.chmod(0o666)  # anyone may write it: not ours alone
    schema.fast_validator.cache_clear()
    schema.fast_validator()
    assert not marker.exists()
    cache_home.chmod(0o777)
    path.chmod(0o600)
    schema.fast_validator.cache_clear()
    schema.fast_validator()
    assert not marker.exists()


def test_an_unreadable_cache_folder_does_not_stop_validation(tmp_path, monkeypatch):
    """Every file-system call under the home folder fails with EACCES, as for a user whose home
    cannot be read (root is not stopped by permissions, so the calls are made to fail)."""
    home = str(tmp_path / "home")
    monkeypatch.setenv("XDG_CACHE_HOME", home)
    for name in ("stat", "lstat", "mkdir", "open"):
        real = getattr(os, name)

        def denied(path, *args, _real=real, **kwargs):
            if str(path).startswith(home):
                raise PermissionError(13, "Permission denied", str(path))
            return _real(path, *args, **kwargs)

        monkeypatch.setattr(os, name, denied)
    schema.fast_validator.cache_clear()
    try:
        assert callable(schema.fast_validator())
    finally:
        schema.fast_validator.cache_clear()


def test_an_unreadable_home_does_not_stop_check(tmp_path):
    """As a user whose home folder cannot be read (as root: run as nobody)."""
    import subprocess
    import sys

    from conftest import ROADMAPS

    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0)
    tmp_path.chmod(0o755)
    as_root = os.geteuid() == 0
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", ""), "PYTHONPATH": os.pathsep.join(sys.path)}
    try:
        if as_root and not os.access(sys.executable, os.X_OK, effective_ids=False):
            pytest.skip("the interpreter is not usable by an unprivileged user here")
        proc = subprocess.run(
            [sys.executable, "-m", "roadmapctl", "check", str(ROADMAPS / "tula-2020-2021.yaml")],
            env=env, capture_output=True, preexec_fn=(lambda: os.setuid(65534)) if as_root else None, cwd="/",
        )
    except PermissionError:
        pytest.skip("the interpreter is not usable by an unprivileged user here")
    finally:
        home.chmod(0o755)
    err = proc.stderr.decode("utf-8", errors="replace")
    if as_root and "Permission denied" in err and "roadmapctl" not in err:
        pytest.skip("the interpreter itself is not readable by an unprivileged user here")
    assert proc.returncode == 0, err
    assert "внутренняя ошибка" not in err


def test_code_cached_by_another_fastjsonschema_version_is_not_run(cache_home, monkeypatch):
    """Two environments share the user's cache folder: code that fastjsonschema 2.19 generated
    (it let 2021-13-01 pass as a date) must not answer for today's version, and vice versa."""
    monkeypatch.setattr(schema, "_fastjsonschema_version", lambda: "2.19.0")
    schema.fast_validator()
    [old] = cache_home.glob("validator_*.py")
    _plant(old, "def validate(data):\n    return data\n")  # what an old, lenient validator does
    schema.fast_validator.cache_clear()
    monkeypatch.setattr(schema, "_fastjsonschema_version", lambda: "2.21.2")
    validate = schema.fast_validator()
    assert len(list(cache_home.glob("validator_*.py"))) == 2
    with pytest.raises(fastjsonschema.JsonSchemaValueException):
        validate({"версия_формата": "не число"})
