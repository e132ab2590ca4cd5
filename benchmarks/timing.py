"""What the benchmark scripts share: finding the programs they compare, a corpus of roadmaps,
and timing a command or a function the same way everywhere."""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

# Programs run as installed programs do: with their bytecode cached (some environments set
# PYTHONDONTWRITEBYTECODE, which would make an editable install recompile itself on every run).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def tool(name: str) -> str:
    """The program ``name`` of this virtual environment, else of the PATH; exits when missing."""
    candidate = BIN / name
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    if not found:
        sys.exit(f"{name} is not installed: pip install '.[bench]'")
    return found


def make_corpus(target: Path, count: int) -> list[Path]:
    """``count`` roadmap files made from the bundled five, each with its own municipality name."""
    sources = sorted((ROOT / "roadmaps").glob("*.yaml"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    files = []
    for i in range(count):
        text = texts[i % len(texts)]
        folder = target / f"region{i % 85:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"mun{i:04d}.yaml"
        path.write_text(text.replace("муниципалитет: ", f"муниципалитет: №{i} ", 1), encoding="utf-8")
        files.append(path)
    return files


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], repeat: int, ok=(0, 1)) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system of the command and its workers) of
    ``cmd`` after one warm-up run; exits when it fails (an exit code outside ``ok``)."""
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)  # warm-up
    walls, cpus = [], []
    for _ in range(repeat):
        cpu = _children_cpu()
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
        walls.append(time.perf_counter() - start)
        cpus.append(_children_cpu() - cpu)
        if proc.returncode not in ok:
            sys.exit(f"{cmd[0]} failed ({proc.returncode}): {proc.stderr.decode()[:500]}")
    return statistics.median(walls), statistics.median(cpus)


def best(fn, repeat: int) -> tuple[float, object]:
    """The fastest of ``repeat`` calls of ``fn`` in seconds, and its result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result
