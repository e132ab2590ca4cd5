"""Deadline reading: roadmapctl's grammar side by side with dateparser on the seed phrases.

Run from the repository root:

    .venv/bin/python benchmarks/bench_deadlines.py [--rounds 7]

The phrases and their periods are the hand-written table of tests/test_deadlines_seed_phrases.py
(every deadline text listed in docs/deadlines.md).  At the end it prints the reading figures of the
three held-out sets of tests/test_deadlines_heldout.py (right / wrong without a warning / read
otherwise with a warning / refused), and the load average beside the speed figures.  Empty deadlines are left out: there is
nothing to read in them.  dateparser is called as ``dateparser.parse(text, languages=["ru"],
settings=...)`` with the settings that make its answer comparable to the rules instead of
filling what is not written from today: a month ends on its last day
(``PREFER_DAY_OF_MONTH="last"``), a year on its last month (``PREFER_MONTH_OF_YEAR="last"``),
and a month without a year is the first one on or after the period's start
(``PREFER_DATES_FROM="future"`` from ``RELATIVE_BASE`` = the period's first day, rule 3).  Its
answer agrees with the rules when it is the due day they give (or no date at all for a
schedule such as "по графику").
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import os
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _test_module(name: str) -> types.ModuleType:
    path = ROOT / "tests" / f"{name}.py"
    sys.path.insert(0, str(ROOT / "tests"))
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None  # a .py file always has both
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_seed_cases():
    module = _test_module("test_deadlines_seed_phrases")
    cases = [(c[1], module.PERIODS[c[0]], c[2], c[4], c[0]) for c in module.SEED_CASES if c[1]]
    return cases


def heldout_figures() -> list[str]:
    """Issue 23's measure on the hand-written sets: read right / read wrong without a warning /
    read otherwise with a warning / refused (the verdict is the tests' own ``_verdict``)."""
    module = _test_module("test_deadlines_heldout")
    lines = []
    for label, cases in (("held-out set 1", module.CASES), ("held-out set 2", module.SECOND),
                         ("held-out set 3", module.THIRD)):
        verdicts = [module._verdict(case) for case in cases]
        counts = ", ".join(f"{v} {verdicts.count(v)}" for v in ("right", "wrong", "warned",
                                                               "refused"))
        lines.append(f"{label} ({len(cases)} phrasings): {counts}")
    return lines


def seconds_per_phrase(func, calls, repeat: int) -> float:
    """CPU time of one call of ``func``, from ``repeat`` passes over ``calls``.

    CPU time of this process (not wall-clock time): on a shared machine the time spent
    waiting for a core would otherwise be counted against whichever reader happened to wait."""
    start = time.process_time()
    for _ in range(repeat):
        for args in calls:
            func(*args)
    return (time.process_time() - start) / (repeat * len(calls))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7,
                        help="measuring rounds, alternating the two readers; the best round "
                             "of each counts (default 7)")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT / "src"))
    from roadmapctl.deadlines import Kind, read_deadline

    try:
        import dateparser
    except ImportError:
        print("dateparser is not installed: pip install 'roadmapctl[bench]'")
        return 2

    cases = load_seed_cases()
    ours_args = [(text, period) for text, period, *_ in cases]
    theirs_args = [(text, period) for text, period, *_ in cases]

    def dp(text, period):
        settings = {"PREFER_DAY_OF_MONTH": "last", "PREFER_MONTH_OF_YEAR": "last",
                    "PREFER_DATES_FROM": "future",
                    "RELATIVE_BASE": datetime.datetime.combine(period.start, datetime.time())}
        return dateparser.parse(text, languages=["ru"], settings=settings)

    # Warm up both (dateparser loads its language data on the first call).
    for text, period in ours_args:
        read_deadline(text, period)
    for text, period in theirs_args:
        dp(text, period)

    # Alternate the two readers round by round and keep each one's best round, so that a
    # busy machine slows both alike instead of skewing the ratio.
    ours_best = theirs_best = float("inf")
    for _ in range(max(1, args.rounds)):
        ours_best = min(ours_best, seconds_per_phrase(read_deadline, ours_args, 20))
        theirs_best = min(theirs_best, seconds_per_phrase(dp, theirs_args, 1))
    ours, theirs = 1 / ours_best, 1 / theirs_best

    understood = answered = right = 0
    missed, wrong = [], []
    for text, period, _kind, due, seed in cases:
        term = read_deadline(text, period)
        if term.kind not in (Kind.UNKNOWN, Kind.MISSING):
            understood += 1
        got = dp(text, period)
        got = got.date().isoformat() if got is not None else None
        answered += got is not None
        if got == due:
            right += 1  # the due day, or no date for a schedule ("по графику")
        elif got is None:
            missed.append((seed, text, due))
        else:
            wrong.append((seed, text, due or "no date (schedule)", got))

    n = len(cases)
    load = os.getloadavg()
    print(f"load average (1, 5, 15 min): {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} "
          f"on {os.cpu_count()} cores")
    print(f"seed phrases (non-empty): {n}")
    print(f"roadmapctl read_deadline : {ours:12,.0f} phrases/s; understood {understood}/{n}")
    print(f"dateparser.parse (ru)    : {theirs:12,.0f} phrases/s; returned a date for "
          f"{answered}/{n}; agrees with the rules on {right}/{n}")
    print(f"throughput ratio         : {ours / theirs:12.1f}x")
    print()
    print(f"dateparser missed ({len(missed)}):")
    for seed, text, expected in missed:
        print(f"  {seed}  {text!r}  (expected {expected})")
    print(f"dateparser wrong ({len(wrong)}):")
    for seed, text, expected, got in wrong:
        print(f"  {seed}  {text!r}  expected {expected}, got {got}")
    print()
    for line in heldout_figures():
        print(line)
    return 0 if understood == n else 1


if __name__ == "__main__":
    sys.exit(main())
