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
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import BIN, ROOT, make_corpus, timed, tool  # noqa: E402


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
        ours, _ = timed([roadmapctl, "check", tmp], args.repeat)
        theirs, _ = timed([cjs, "--schemafile", schema, *map(str, files)], args.repeat)
        print(f"  roadmapctl check (all rules, 2 cores): {ours:8.2f} s")
        print(f"  check-jsonschema (schema only):       {theirs:8.2f} s")
        print(f"  ratio roadmapctl / check-jsonschema:  {ours / theirs:8.2f}  (target ≤ 0.5)")
        one_ours, _ = timed([roadmapctl, "check", one], args.repeat * 3)
        one_theirs, _ = timed([cjs, "--schemafile", schema, one], args.repeat * 3)
        print(f"one file: roadmapctl {one_ours:.3f} s, check-jsonschema {one_theirs:.3f} s, ratio {one_ours / one_theirs:.2f} (target < 1)")
        yamllint = shutil.which("yamllint") or (str(BIN / "yamllint") if (BIN / "yamllint").exists() else None)
        if yamllint:
            print(f"one file: yamllint {timed([yamllint, one], args.repeat * 3)[0]:.3f} s (syntax and style only)")


if __name__ == "__main__":
    main()
