"""Benchmark: `roadmapctl check` against `check-jsonschema` on a country-sized corpus.

Makes ~2,500 roadmap files from the bundled five (each a copy with its own municipality name),
then times, in one run:
  * roadmapctl check DIR                    (every rule, both cores)
  * check-jsonschema --schemafile SCHEMA F… (schema only: it does less)
and one file with each (plus yamllint when installed), and prints the ratios.

Run:  python benchmarks/bench_check.py [--files 2500] [--repeat 3]
Needs the bench extra: pip install '.[bench]'
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    candidate = BIN / name
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    if not found:
        sys.exit(f"{name} is not installed: pip install '.[bench]'")
    return found


def make_corpus(target: Path, count: int) -> list[Path]:
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


# Both tools run as installed programs do: with their bytecode cached (some environments set
# PYTHONDONTWRITEBYTECODE, which would make an editable install recompile itself on every run).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str], repeat: int, ok=(0, 1)) -> float:
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)  # warm-up
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
        runs.append(time.perf_counter() - start)
        if proc.returncode not in ok:
            sys.exit(f"{cmd[0]} failed ({proc.returncode}): {proc.stderr.decode()[:500]}")
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    roadmapctl = tool("roadmapctl")
    cjs = tool("check-jsonschema")
    schema = str(ROOT / "schema" / "roadmap.schema.json")
    with tempfile.TemporaryDirectory() as tmp:
        files = make_corpus(Path(tmp), args.files)
        one = str(ROOT / "roadmaps" / "baunt-2021-2022.yaml")
        print(f"corpus: {len(files)} files, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB; median of {args.repeat} runs")
        ours = timed([roadmapctl, "check", tmp], args.repeat)
        theirs = timed([cjs, "--schemafile", schema, *map(str, files)], args.repeat)
        print(f"  roadmapctl check (all rules, 2 cores): {ours:8.2f} s")
        print(f"  check-jsonschema (schema only):       {theirs:8.2f} s")
        print(f"  ratio roadmapctl / check-jsonschema:  {ours / theirs:8.2f}  (target ≤ 0.5)")
        one_ours = timed([roadmapctl, "check", one], args.repeat * 3)
        one_theirs = timed([cjs, "--schemafile", schema, one], args.repeat * 3)
        print(f"one file: roadmapctl {one_ours:.3f} s, check-jsonschema {one_theirs:.3f} s, ratio {one_ours / one_theirs:.2f} (target < 1)")
        yamllint = shutil.which("yamllint") or (str(BIN / "yamllint") if (BIN / "yamllint").exists() else None)
        if yamllint:
            print(f"one file: yamllint {timed([yamllint, one], args.repeat * 3):.3f} s (syntax and style only)")


if __name__ == "__main__":
    main()
