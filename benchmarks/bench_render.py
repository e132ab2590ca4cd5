"""Benchmark of ``roadmapctl render`` (not a test): the bundled roadmaps to DOCX, HTML and Markdown.

    .venv/bin/python benchmarks/bench_render.py [--repeat N] [ROADMAP ...]

For each roadmap it prints the time per document (best of N runs) of our three formats, and in the
same run the time of two named alternatives producing the same table:

* "python-docx plain": a python-docx document of the same rows through python-docx's own table API
  (``add_table``, ``cell.text``, ``merge``), without our formatting (no ГОСТ page, fonts, header
  row repetition or fixed widths) — what one would write first;
* "pandoc md→docx": pandoc converting our Markdown to DOCX (when ``pandoc`` is installed; Debian:
  ``apt-get install pandoc``), a tool whose whole job is document conversion.

Ratios are ours / alternative (below 1 means we are faster). The target is under 2 s in total for
the five roadmaps in all three formats (the models loaded once; load time is printed apart).

    .venv/bin/python benchmarks/bench_render.py --memory 50000

instead measures the peak memory (``ru_maxrss`` of a new process) of ``render --to docx`` and
``export --format ics`` on a generated roadmap of that many activities (``bench_resources.py``'s),
against the floor of loading the same roadmap alone; the target is at most 3 times the floor.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import best  # noqa: E402

TARGET_SECONDS = 2.0


def plain_python_docx(view) -> bytes:
    """The same table with python-docx's high-level API and no formatting of ours."""
    import docx

    document = docx.Document()
    for block in view.blocks:
        for line in block.lines:
            document.add_paragraph(line)
    document.add_heading(view.title, level=1)
    for para in view.preamble:
        document.add_paragraph(para.line)
    for table in view.tables:
        rows = [r for r in table.rows]
        grid = document.add_table(rows=1 + len(rows), cols=len(table.headers))
        grid.style = "Table Grid"
        for cell, header in zip(grid.rows[0].cells, table.headers):
            cell.text = header
        for index, row in enumerate(rows, 1):
            cells = grid.rows[index].cells
            if row.is_section:
                merged = cells[0].merge(cells[-1])
                merged.text = row.heading
            else:
                for cell, content in zip(cells, row.cells):
                    cell.text = content.text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pandoc_docx(markdown: bytes) -> bytes:
    proc = subprocess.run(["pandoc", "--from", "gfm", "--to", "docx", "--output", "-"], input=markdown,
                          capture_output=True, check=True)
    return proc.stdout


def memory(size: int) -> int:
    import os
    import tempfile

    from bench_resources import make_roadmap

    def peak(args: list[str]) -> tuple[float, float, int]:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        proc = subprocess.Popen([sys.executable, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        _pid, status, usage = os.wait4(proc.pid, 0)
        return usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)

    with tempfile.TemporaryDirectory(prefix="bench-render-") as tmp:
        source = Path(tmp) / "карта.yaml"
        source.write_text(make_roadmap(size), encoding="utf-8")
        floor, cpu, code = peak(["-c", f"from roadmapctl.document.pipeline import load_path; load_path({str(source)!r})"])
        print(f"{size} activities: loading alone {floor:.0f} MB ({cpu:.1f} s CPU, exit {code}); load {os.getloadavg()[0]:.1f}")
        worst = 0.0
        for name, args in (("render --to docx", ["render", str(source), "--to", "docx", "-o", str(Path(tmp) / "a.docx")]),
                           ("export --format ics", ["export", str(source), "--format", "ics", "-o", str(Path(tmp) / "a.ics")])):
            mb, cpu, code = peak(["-m", "roadmapctl", *args])
            worst = max(worst, mb / floor)
            print(f"  {name:20} {mb:6.0f} MB = {mb / floor:.2f} x the floor ({cpu:.1f} s CPU, exit {code}); load {os.getloadavg()[0]:.1f}")
    print(f"target: at most 3 x the floor: {'OK' if worst <= 3 else 'OVER'}")
    return 0 if worst <= 3 else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=sorted(str(p) for p in (ROOT / "roadmaps").glob("*.yaml")))
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement; the best is kept")
    parser.add_argument("--memory", type=int, default=0, metavar="ACTIVITIES", help="measure peak memory instead")
    args = parser.parse_args()
    if args.memory:
        return memory(args.memory)

    start = time.perf_counter()
    from roadmapctl.document.pipeline import require_roadmap
    from roadmapctl.render import build, render
    from roadmapctl.render.options import Options

    import_time = time.perf_counter() - start
    start = time.perf_counter()
    roadmaps = [require_roadmap(p).roadmap for p in args.paths]
    load_time = time.perf_counter() - start
    # Warm up: the first DOCX imports python-docx, the first text format compiles its template.
    warm_start = time.perf_counter()
    for fmt in ("docx", "html", "md"):
        render(roadmaps[0], fmt)
    warm_time = time.perf_counter() - warm_start

    have_pandoc = shutil.which("pandoc") is not None
    header = f"{'roadmap':24} {'docx':>8} {'html':>8} {'md':>8} {'plain':>8} {'ratio':>6}"
    if have_pandoc:
        header += f" {'pandoc':>8} {'ratio':>6}"
    print(header)
    totals = {"docx": 0.0, "html": 0.0, "md": 0.0, "plain": 0.0, "pandoc": 0.0}
    sizes = []
    for path, roadmap in zip(args.paths, roadmaps):
        row = {}
        for fmt in ("docx", "html", "md"):
            row[fmt], data = best(lambda fmt=fmt, roadmap=roadmap: render(roadmap, fmt, Options()), args.repeat)
            sizes.append(len(data))
        view = build(roadmap)
        row["plain"], _ = best(lambda view=view: plain_python_docx(view), args.repeat)
        line = f"{Path(path).stem:24} {row['docx'] * 1000:7.1f}ms {row['html'] * 1000:6.1f}ms {row['md'] * 1000:6.1f}ms {row['plain'] * 1000:6.1f}ms {row['docx'] / row['plain']:6.2f}"
        if have_pandoc:
            markdown = render(roadmap, "md")
            row["pandoc"], _ = best(lambda markdown=markdown: pandoc_docx(markdown), max(1, args.repeat // 2))
            line += f" {row['pandoc'] * 1000:6.1f}ms {row['docx'] / row['pandoc']:6.2f}"
        print(line)
        for key, value in row.items():
            totals[key] += value
    ours = totals["docx"] + totals["html"] + totals["md"]
    print()
    print(f"import {import_time * 1000:.0f} ms, load {len(roadmaps)} roadmaps {load_time * 1000:.0f} ms, "
          f"first render of each format (imports, templates) {warm_time * 1000:.0f} ms")
    print(f"ours, {len(roadmaps)} roadmaps x 3 formats: {ours:.3f} s "
          f"(docx {totals['docx']:.3f} s, html {totals['html']:.3f} s, md {totals['md']:.3f} s); "
          f"median document {statistics.median(sizes) / 1024:.0f} KiB")
    print(f"DOCX vs python-docx plain: {totals['docx']:.3f} s / {totals['plain']:.3f} s = {totals['docx'] / totals['plain']:.2f}")
    if have_pandoc:
        print(f"DOCX vs pandoc md→docx:    {totals['docx']:.3f} s / {totals['pandoc']:.3f} s = {totals['docx'] / totals['pandoc']:.2f}")
    else:
        print("pandoc is not installed: that comparison is skipped (Debian: apt-get install pandoc)")
    cold = import_time + load_time + warm_time + ours
    verdict = "OK" if cold < TARGET_SECONDS else "OVER"
    print(f"total with imports, loading and first renders: {cold:.3f} s (target < {TARGET_SECONDS:.0f} s): {verdict}")
    return 0 if cold < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
