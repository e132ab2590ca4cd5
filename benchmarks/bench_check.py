"""Benchmark: `roadmapctl check` against `check-jsonschema` on a country-sized corpus.

Makes ~2,500 roadmap files from the bundled five (each a copy with its own municipality name),
then times, in one run:
  * roadmapctl check DIR                    (every rule, both cores)
  * check-jsonschema --schemafile SCHEMA F… (schema only: it does less)
and one file with each (plus yamllint when installed), and prints the ratios.

and, with ``--floor``, the CPU of ``roadmapctl check`` (this checkout's sources, every rule) against
the parse floor — the same files only parsed with PyYAML's C loader — as whole processes (each source tree as a
wheel installs it, with the validator's generated code: see ``_as_installed``): a first
run (an empty result cache), a run with ``--no-cache``, and a repeat run over unchanged files (the
cache filled by the first); the load average is printed beside every figure.

With ``--floor --baseline SRC`` the first run and the ``--no-cache`` run of another source tree
(e.g. ``git archive`` of an older commit, unpacked) are measured in the same loop, for a ratio of
before and after under the same load.

Run:  python benchmarks/bench_check.py [--files 2500] [--repeat 3] [--floor [--baseline SRC]]
Needs the bench extra: pip install '.[bench]' (not for --floor)
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import BIN, ROOT, make_corpus, timed, tool  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--floor", action="store_true", help="only the comparison with the parse floor")
    parser.add_argument("--baseline", type=Path, help="with --floor: also the check of this source tree (its src folder)")
    args = parser.parse_args()
    if args.floor:
        floor(args.files, args.repeat, args.baseline)
        return
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


PARSE = ("import sys, yaml\n"
         "for name in sys.argv[1:]:\n"
         "    with open(name, 'rb') as f:\n"
         "        yaml.load(f, Loader=yaml.CSafeLoader)\n")


def _cpu(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """CPU seconds (user + system, with the command's worker processes) and the load before it."""
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"{cmd[:4]} failed ({proc.returncode}): {proc.stderr.decode()[:500]}")
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, load


def _as_installed(env: dict[str, str]) -> None:
    """The source tree of ``env``'s PYTHONPATH as a wheel installs it: with the validator's code
    generated at build time (``roadmapctl/document/_validator.py``, ignored by git), so that the
    check does not compile it at every start as it does in a bare checkout."""
    subprocess.run([sys.executable, "-m", "roadmapctl.document.validator_code"], env=env, check=True,
                   stdout=subprocess.DEVNULL)


def floor(count: int, repeat: int, baseline: Path | None = None) -> None:
    python = sys.executable
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT / "src")
    other = {**env, "PYTHONPATH": str(baseline.resolve())} if baseline is not None else None
    for tree in (env, other):
        if tree is not None:
            _as_installed(tree)
    with tempfile.TemporaryDirectory() as tmp:
        files = make_corpus(Path(tmp) / "карты", count)
        names = [str(f) for f in files]
        folder = str(Path(tmp) / "карты")
        check = [python, "-m", "roadmapctl", "check", folder]
        _cpu([python, "-c", PARSE, *names], env)  # warm-up: the files in the page cache, bytecode written
        _cpu(check + ["--no-cache"], env)
        if other is not None:
            _cpu(check + ["--no-cache"], other)
        runs: dict[str, list[tuple[float, float]]] = {"floor": [], "first": [], "no-cache": [], "repeat": []}
        if other is not None:
            runs.update({"baseline first": [], "baseline no-cache": []})
        for k in range(repeat):
            runs["floor"].append(_cpu([python, "-c", PARSE, *names], env))
            runs["no-cache"].append(_cpu(check + ["--no-cache"], env))
            fresh = {**env, "XDG_CACHE_HOME": str(Path(tmp) / f"кэш {k}")}
            runs["first"].append(_cpu(check, fresh))
            runs["repeat"].append(_cpu(check, fresh))
            if other is not None:
                runs["baseline no-cache"].append(_cpu(check + ["--no-cache"], other))
                runs["baseline first"].append(_cpu(check, {**other, "XDG_CACHE_HOME": str(Path(tmp) / f"кэш базы {k}")}))
        print(f"corpus: {count} files, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB; median of {repeat} runs, "
              "CPU seconds (user + system, whole processes)")
        base = statistics.median(c for c, _ in runs["floor"])
        labels = {"floor": "PyYAML C loader, parse only (the floor)", "first": "roadmapctl check, first run (empty cache)",
                  "no-cache": "roadmapctl check --no-cache", "repeat": "roadmapctl check, repeat run (cache filled)",
                  "baseline first": "baseline's check, first run (empty cache)",
                  "baseline no-cache": "baseline's check --no-cache"}
        for name, values in runs.items():
            cpus = [c for c, _ in values]
            median = statistics.median(cpus)
            spread = (max(cpus) - min(cpus)) / median if median else 0.0
            loads = ", ".join(f"{load:.1f}" for _, load in values)
            print(f"  {labels[name]:<45} {median:7.2f} s  ×{median / base:5.2f} of the floor  (spread {spread:.0%}; load {loads})")


if __name__ == "__main__":
    main()
