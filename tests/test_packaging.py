"""The built wheel carries the licence its metadata names (pip wheel of this repository)."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT


def test_the_wheel_carries_the_licence(tmp_path):
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", str(ROOT), "-w", str(tmp_path)],
                          capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0 and "hatchling" in done.stderr and ("satisf" in done.stderr or "connect" in done.stderr):
        pytest.skip(f"the build backend (hatchling) cannot be installed here: {done.stderr.strip()[-200:]}")
    assert done.returncode == 0, done.stderr
    [wheel] = tmp_path.glob("roadmapctl-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        [licence] = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
        text = archive.read(licence).decode("utf-8")
        [metadata] = [n for n in names if n.endswith(".dist-info/METADATA")]
        fields = archive.read(metadata).decode("utf-8").split("\n\n", 1)[0].splitlines()
    assert text.startswith("MIT License\n")
    assert text == (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "License-Expression: MIT" in fields
    assert "License-File: LICENSE" in fields
