"""Resource benchmark (not a test): time and peak memory of the commands on generated roadmaps of
500, 5,000 and 50,000 activities, with the growth exponent between sizes.

    .venv/bin/python benchmarks/bench_resources.py [--sizes 500 5000 50000] [--timeout 900] [--only check,render-docx]

Each command runs as a user runs it (``python -m roadmapctl ...`` in a new process); its wall time
and peak resident memory (``ru_maxrss`` of the child) are measured. For two sizes n1 < n2 with
times t1, t2 the growth exponent is log(t2/t1) / log(n2/n1): 1.0 is linear. The yardstick it is
compared with is n log n, whose exponent over the same sizes is printed beside it ("n log n");
the ratio column is measured / n log n, and a command is marked SLOW when its exponent exceeds
the n log n exponent by more than 0.25 (start-up time makes small sizes look cheaper, so the
measured exponent of a linear command lies between 0 and 1; the start-up time, measured with
``roadmapctl --version``, is subtracted before the exponent is taken). Memory exponents are printed the
same way. The roadmap is generated: the Baunt header and table columns, sections of 50
activities with real deadline phrases and responsible parties, short texts so that 50,000
activities stay under the 16 MB limit of a roadmap file.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DEADLINES = ["Март 2021 года", "ежеквартально", "до 1 сентября 2021 года", "В течение 2021-2022 учебного года",
             "Апрель – май 2022 года", "постоянно"]
PARTIES = [["РУО"], ["ИМЦ РУО", "ОО"], ["ИАС РУО"], []]


def make_roadmap(n: int) -> str:
    import yaml

    data = yaml.safe_load((ROOT / "roadmaps" / "baunt-2021-2022.yaml").read_text(encoding="utf-8"))
    table = data["таблицы"][0]
    sections = []
    for s in range(1, math.ceil(n / 50) + 1):
        items = []
        for j in range(1, min(50, n - (s - 1) * 50) + 1):
            k = (s * 50 + j)
            item = {
                "номер": f"{s}.{j}.",
                "мероприятие": f"Семинар {s}.{j} для руководителей ОО",
                "ответственные": PARTIES[k % len(PARTIES)],
                "срок": DEADLINES[k % len(DEADLINES)],
                "ожидаемый_результат": "Повышение компетентности",
            }
            if not item["ответственные"]:
                del item["ответственные"]
            if k % 7 == 0:
                item["статус"] = "в работе"
                item["отметки"] = [{"дата": "2021-04-01", "текст": "Семинар проведён"}]
            items.append(item)
        sections.append({"номер": f"{s}.", "название": f"Раздел {s}", "мероприятия": items})
    table["разделы"] = sections
    table.pop("мероприятия", None)
    data["таблицы"] = [table]
    return "# yaml-language-server: $schema=../schema/roadmap.schema.json\n" + yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, width=100)


COMMANDS = {
    "check": lambda rm, out: ["check", rm],
    "render-docx": lambda rm, out: ["render", rm, "--to", "docx", "-o", out / "a.docx", "--force"],
    "render-md": lambda rm, out: ["render", rm, "--to", "md", "-o", out / "a.md", "--force"],
    "report-table": lambda rm, out: ["report", rm, "--as-of", "2021-06-01", "-o", out / "r.txt", "--force"],
    "report-xlsx": lambda rm, out: ["report", rm, "--as-of", "2021-06-01", "-f", "xlsx", "-o", out / "r.xlsx", "--force"],
    "fmt": lambda rm, out: ["fmt", rm],
    "mark": lambda rm, out: ["mark", rm, "1.1", "--note", "Отметка", "--date", "2021-05-20"],
    "import": lambda rm, out: ["import", out / "a.docx", "-o", out / "imported.yaml", "--force"],
}


def run(args: list, timeout: float) -> tuple[float, float, int]:
    """Wall seconds, peak memory in MB, exit code of one command in a new process."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "roadmapctl", *map(str, args)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            os.wait4(proc.pid, 0)
            return math.inf, math.nan, -1
        time.sleep(0.02)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def exponent(n1: int, n2: int, v1: float, v2: float) -> float:
    if not (v1 > 0 and v2 > 0) or math.isinf(v2):
        return math.inf
    return math.log(v2 / v1) / math.log(n2 / n1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000, 50000])
    parser.add_argument("--timeout", type=float, default=900.0)
    parser.add_argument("--only", default=",".join(COMMANDS))
    options = parser.parse_args()
    chosen = [c for c in options.only.split(",") if c]
    results: dict[str, list[tuple[float, float, int]]] = {c: [] for c in chosen}
    startup = min(run(["--version"], 60)[0] for _ in range(3))
    print(f"start-up of the interpreter and the CLI (roadmapctl --version): {startup:.2f} s; "
          "the exponents are computed on the time above it", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for n in options.sizes:
            folder = Path(tmp) / str(n)
            folder.mkdir()
            text = make_roadmap(n)
            source = folder / "roadmap.yaml"
            source.write_text(text, encoding="utf-8")
            print(f"n = {n}: {len(text) / 1024 / 1024:.1f} МБ YAML", flush=True)
            for name in chosen:
                if name == "import" and not (folder / "a.docx").exists():
                    run(COMMANDS["render-docx"](source, folder), options.timeout)
                working = folder / "work.yaml"
                shutil.copy(source, working)
                seconds, memory, code = run(COMMANDS[name](working, folder), options.timeout)
                results[name].append((seconds, memory, code))
                flag = "" if code in (0, 1) and name != "import" or code == 0 else "  FAILED"
                print(f"  {name:<13} {seconds:8.2f} s {memory:8.0f} MB  exit {code}{flag}", flush=True)
    sizes = options.sizes
    print()
    print(f"{'command':<13} " + " ".join(f"{'t ' + str(n):>10}" for n in sizes)
          + "   exponent (time; memory) per step, n log n reference, ratio")
    worst = 0.0
    for name in chosen:
        row = results[name]
        cells = " ".join(f"{t:10.2f}" for t, _m, _c in row)
        steps = []
        for i in range(1, len(sizes)):
            n1, n2 = sizes[i - 1], sizes[i]
            e_time = exponent(n1, n2, max(row[i - 1][0] - startup, 0.05), max(row[i][0] - startup, 0.05))
            e_mem = exponent(n1, n2, row[i - 1][1], row[i][1])
            reference = math.log((n2 * math.log(n2)) / (n1 * math.log(n1))) / math.log(n2 / n1)
            verdict = "SLOW" if e_time > reference + 0.25 else "ok"
            if row[i][2] not in (0, 1) or row[i - 1][2] not in (0, 1):
                verdict = "FAILED (exit code)"
            worst = max(worst, e_time - reference)
            steps.append(f"{n1}→{n2}: {e_time:.2f}; {e_mem:.2f} (n log n {reference:.2f}, ratio {e_time / reference:.2f}) {verdict}")
        print(f"{name:<13} {cells}   " + " | ".join(steps))
    print(f"\nworst excess over n log n: {worst:+.2f}")


if __name__ == "__main__":
    main()
