"""Benchmark: what spelling (RM7xx) costs `roadmapctl check`, against `check-jsonschema`.

Builds the same ~2,500-file corpus as bench_check.py (copies of the bundled five, each with its
own municipality name) and times, in one run:
  * roadmapctl check DIR                    (every rule, spelling included, both cores)
  * roadmapctl check --ignore RM7 DIR       (the same without spelling)
  * check-jsonschema --schemafile SCHEMA F… (schema only: it does less)
then one file with spelling. It prints wall time (the target is on wall time) and the CPU time
of the child processes (steadier on a shared machine), and the ratios:
  check with spelling / check-jsonschema  — target ≤ 0.5
  one-file check with spelling            — target < 0.5 s

Run:  python benchmarks/bench_spelling.py [--files 2500] [--repeat 3]
Needs the bench extra: pip install '.[bench]'
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import ROOT, make_corpus, timed, tool  # noqa: E402


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
        print(f"corpus: {len(files)} files, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB; median of {args.repeat} runs")
        spelling = timed([roadmapctl, "check", tmp], args.repeat)
        plain = timed([roadmapctl, "check", "--ignore", "RM7", tmp], args.repeat)
        theirs = timed([cjs, "--schemafile", schema, *map(str, files)], args.repeat)
        print(f"  {'':38} {'wall':>8} {'CPU':>8}")
        print(f"  {'roadmapctl check (spelling included)':38} {spelling[0]:7.2f}s {spelling[1]:7.2f}s")
        print(f"  {'roadmapctl check --ignore RM7':38} {plain[0]:7.2f}s {plain[1]:7.2f}s")
        print(f"  {'check-jsonschema (schema only)':38} {theirs[0]:7.2f}s {theirs[1]:7.2f}s")
        print(f"  ratio check with spelling / check-jsonschema: wall {spelling[0] / theirs[0]:.2f}, "
              f"CPU {spelling[1] / theirs[1]:.2f}  (target ≤ 0.5)")
        print(f"  spelling's share of check: wall {spelling[0] / plain[0] - 1:+.0%}, CPU {spelling[1] / plain[1] - 1:+.0%}")
    for name in ("baunt-2021-2022.yaml", "slavsk-2022-2023.yaml"):
        one = str(ROOT / "roadmaps" / name)
        wall, cpu = timed([roadmapctl, "check", one], args.repeat * 3)
        wall_plain, _ = timed([roadmapctl, "check", "--ignore", "RM7", one], args.repeat * 3)
        print(f"one file {name}: check {wall:.3f} s wall ({cpu:.3f} s CPU), without spelling {wall_plain:.3f} s  (target < 0.5 s)")


if __name__ == "__main__":
    main()
