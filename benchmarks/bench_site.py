"""Benchmark of ``roadmapctl site`` for a big region (not a test).

    .venv/bin/python benchmarks/bench_site.py [--count 2500] [--sample 40] [--jobs N]

Makes ``count`` roadmaps from the bundled five (each with its own municipality name), builds the
site of all of them once, and prints its wall and CPU time, its size (the whole folder, the index
page and its JSON index) and the number of files. In the same run, two named alternatives:

* "render --to html, one at a time": ``roadmapctl render FILE --to html -o FILE.html`` run once
  per roadmap, as a script would without ``site`` (timed on ``sample`` roadmaps and scaled to
  ``count``); it makes only the appendix pages — no status, report, calendar, DOCX or index;
* "render --to html, one command": ``roadmapctl render DIR --to html -o OUT`` over all the
  roadmaps in one process: the appendix pages alone.

Ratios are site / alternative. The target is the whole site of 2,500 roadmaps in under a minute.

    .venv/bin/python benchmarks/bench_site.py --breakdown 20

instead prints where one roadmap's share of the site spends its CPU time (in this process, on
``--breakdown`` roadmaps of the same corpus, after one to warm up): loading, the report's rows,
each file to download, and the whole share (``site.build_site.part_of``, with its page).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import ENV, ROOT, _children_cpu, make_corpus, tool

TARGET_SECONDS = 60.0


def once(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU time (the command and its worker processes) of one run of ``cmd``; exits
    when it fails. The source tree comes first on the path, so that this checkout is measured."""
    env = {**ENV, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), ENV.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    cpu = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd[:3])} failed ({proc.returncode}): {proc.stderr.decode()[:500]}")
    return wall, _children_cpu() - cpu


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def breakdown(count: int) -> None:
    """CPU milliseconds a roadmap of each step of its share of the site, in this process."""
    from collections import defaultdict
    from datetime import date

    sys.path.insert(0, str(ROOT / "src"))
    from roadmapctl.document.pipeline import load_path
    from roadmapctl.export import export_roadmaps
    from roadmapctl.render import build as render_view
    from roadmapctl.render.formats import FORMATS
    from roadmapctl.render.options import Options
    from roadmapctl.report.formats import render as render_report
    from roadmapctl.report.items import build_report
    from roadmapctl.site.build_site import part_of

    day = date(2021, 6, 1)
    spent: dict[str, float] = defaultdict(float)

    def tick(name: str, step, *args):
        start = time.process_time()
        result = step(*args)
        spent[name] += time.process_time() - start
        return result

    style = Options().style()
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        files = [str(p) for p in make_corpus(Path(tmp), count + 1)]
        for index, path in enumerate(files):
            roadmap = tick("load", lambda p: load_path(p).roadmap, path)
            report = tick("report rows", build_report, [roadmap], day)
            tick("отчёт.html", render_report, report, "html")
            view = tick("appendix view", render_view, roadmap)
            tick("приложение.html", FORMATS["html"].write, view, style, None)
            tick("приложение.docx", FORMATS["docx"].write, view, style, None)
            tick("сроки.ics", export_roadmaps, [roadmap], "ics")
            tick("whole share", part_of, (path, f"s{index}", day, 30))
            if index == 0:
                spent.clear()  # the first one imports the libraries and compiles the templates
    print(f"CPU per roadmap, {count} roadmaps (load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores):")
    for name, seconds in spent.items():
        print(f"  {name:16} {1000 * seconds / count:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2500)
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--breakdown", type=int, default=0, metavar="N")
    args = parser.parse_args()
    if args.breakdown:
        breakdown(args.breakdown)
        return
    roadmapctl = tool("roadmapctl")
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        base = Path(tmp)
        corpus = base / "карты региона"
        files = make_corpus(corpus, args.count)
        out = base / "сайт"
        cmd = [roadmapctl, "site", str(corpus), "-o", str(out), "--as-of", "2021-06-01"]
        if args.jobs:
            cmd += ["--jobs", str(args.jobs)]
        once([roadmapctl, "site", str(ROOT / "roadmaps"), "-o", str(base / "warm-up")])  # caches (the schema's code)
        load = os.getloadavg()[0]
        wall, cpu = once(cmd)
        size, count = folder_size(out)
        index = (out / "index.html").read_bytes()
        data = re.search(rb'id="site-data">(.*?)</script>', index, re.DOTALL)
        entries = len(json.loads(data.group(1))["roadmaps"]) if data else 0
        print(f"site of {args.count} roadmaps: {wall:.1f} s wall, {cpu:.1f} s CPU "
              f"({'under' if wall < TARGET_SECONDS else 'OVER'} the {TARGET_SECONDS:.0f} s target); "
              f"load {load:.1f} before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores")
        print(f"  {count} files, {size / 1e6:.1f} MB; index.html {len(index) / 1e3:.0f} kB, "
              f"its JSON index {len(data.group(1)) / 1e3 if data else 0:.0f} kB for {entries} roadmaps")
        wall_again, cpu_again = once(cmd)
        print(f"  built again over the previous site (nothing changed): {wall_again:.1f} s wall, {cpu_again:.1f} s CPU; "
              f"load {os.getloadavg()[0]:.1f}")

        sample = files[: args.sample]
        single = base / "one at a time"
        single.mkdir()
        total = 0.0
        for path in sample:
            w, _ = once([roadmapctl, "render", str(path), "--to", "html", "-o", str(single / f"{path.stem}.html")])
            total += w
        per = total / len(sample)
        scaled = per * args.count
        print(f"render --to html, one at a time: {per * 1000:.0f} ms a roadmap, {scaled:.0f} s for {args.count} "
              f"(scaled from {len(sample)}); site / it = {wall / scaled:.2f}")
        together = base / "one command"
        w, _ = once([roadmapctl, "render", str(corpus), "--to", "html", "-o", str(together)])
        print(f"render --to html, one command: {w:.1f} s for {args.count}; site / it = {wall / w:.2f}")
    print(f"(roadmapctl: {roadmapctl}; source tree {ROOT})")


if __name__ == "__main__":
    main()
