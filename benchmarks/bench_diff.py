"""Benchmark (not a test): `roadmapctl diff` from 1,000 to 50,000 activities, as whole processes.

For each size two versions of a generated roadmap are written: sections of 50 activities with
varied texts; the new version drops 2% of the activities, adds 2%, moves 1% to another section
and, with ``--rewrite 0.1`` (the default), rewrites 10% of the texts in similar wording (a word
replaced, two swapped), so that the rewritten rows must be paired by similarity. Each command
runs in its own process; its CPU time (user + system) and peak resident memory come from
``os.wait4``. The growth exponent is the least-squares slope of log(CPU above start-up) against
log(n) (1.0 is linear; n log n from 1,000 to 50,000 is about 1.1).

The named alternative, run the same way on the same files: a line diff of the two YAML texts with
Python's ``difflib.unified_diff`` (which knows nothing of activities, moves or renumbering). With
``--src DIR`` the roadmapctl sources are taken from DIR (e.g. an earlier version exported with
``git archive``) instead of this checkout, to compare two versions of the algorithm.

    python benchmarks/bench_diff.py [--sizes 1000 5000 20000 50000] [--rewrite 0.1] [--repeat 3]

The load average of the machine is printed beside every figure; the figures are medians of
``--repeat`` runs, and the spread (max − min) / median is printed with them.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_WORDS = ("анализ мониторинг семинар совещание вебинар курсы методический учитель руководитель школа "
         "организация результат оценка качество обучение программа план отчёт проект развитие "
         "поддержка работа родители ученики математика русский язык чтение навыки функциональная "
         "грамотность диагностика контроль проверка консультация собеседование практикум тренинг "
         "педагог директор заместитель наставник сетевое взаимодействие пара партнёр кадры сайт "
         "размещение информация материалы рекомендации совет объединение конкурс олимпиада "
         "подготовка экзамен итоговая аттестация ВПР ОГЭ ЕГЭ внеурочная деятельность кружок "
         "библиотека цифровая среда оборудование ремонт питание здоровье безопасность")
WORDS = _WORDS.split()
DEADLINES = ["Март 2021 года", "ежеквартально", "до 1 сентября 2021 года", "В течение 2021-2022 учебного года",
             "Апрель – май 2022 года", "постоянно"]
PARTIES = [["РУО"], ["ИМЦ РУО", "ОО"], ["ИАС РУО"], []]


def _text(rng: random.Random, serial: int) -> str:
    words = rng.sample(WORDS, rng.randint(5, 9))
    words.insert(rng.randint(0, len(words)), f"№{serial}")  # every text its own (a rare word)
    return " ".join(words).capitalize()


def _rewrite(rng: random.Random, text: str) -> str:
    words = text.split()
    k = rng.randrange(len(words))
    words[k] = rng.choice(WORDS)
    if len(words) > 3:
        a, b = rng.sample(range(len(words)), 2)
        words[a], words[b] = words[b], words[a]
    return " ".join(words)


def versions(n: int, rewrite: float, seed: int = 29) -> tuple[list[list[str]], list[list[str]]]:
    """The old and the new version as sections of activity texts."""
    rng = random.Random(seed)
    old = [[_text(rng, s * 50 + j) for j in range(min(50, n - s * 50))] for s in range(math.ceil(n / 50))]
    new = [list(section) for section in old]
    serial = n + 1
    for section in new:
        for k in range(len(section)):
            if rng.random() < rewrite:
                section[k] = _rewrite(rng, section[k])
        for _ in range(sum(rng.random() < 0.02 for _ in section)):
            section.pop(rng.randrange(len(section)))
    for section in new:
        for _ in range(sum(rng.random() < 0.02 for _ in range(50))):
            section.insert(rng.randint(0, len(section)), _text(rng, serial))
            serial += 1
    for _ in range(n // 100):
        a, b = rng.randrange(len(new)), rng.randrange(len(new))
        if new[a]:
            new[b].insert(rng.randint(0, len(new[b])), new[a].pop(rng.randrange(len(new[a]))))
    return old, new


def roadmap(sections: list[list[str]]) -> str:
    import yaml

    data = yaml.safe_load((ROOT / "roadmaps" / "baunt-2021-2022.yaml").read_text(encoding="utf-8"))
    table = data["таблицы"][0]
    out = []
    for s, texts in enumerate(sections, 1):
        items = []
        for j, text in enumerate(texts, 1):
            k = s * 50 + j
            item = {"номер": f"{s}.{j}.", "мероприятие": text, "ответственные": PARTIES[k % len(PARTIES)],
                    "срок": DEADLINES[k % len(DEADLINES)]}
            if not item["ответственные"]:
                del item["ответственные"]
            items.append(item)
        out.append({"номер": f"{s}.", "название": f"Раздел {s}", "мероприятия": items})
    table["разделы"] = out
    table.pop("мероприятия", None)
    data["таблицы"] = [table]
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)


def measure(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """CPU seconds (user + system), peak RSS in MB and exit code of ``cmd`` in a new process."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert proc.stderr is not None
    error = proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{cmd[:4]} failed ({code}): {error.decode()[:500]}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code


def repeated(cmd: list[str], env: dict[str, str], repeat: int) -> tuple[float, float, float, float]:
    """Median CPU, its relative spread, peak RSS (max) and the load average before the runs."""
    load = os.getloadavg()[0]
    runs = [measure(cmd, env) for _ in range(repeat)]
    cpus = [r[0] for r in runs]
    median = statistics.median(cpus)
    return median, (max(cpus) - min(cpus)) / median if median else 0.0, max(r[1] for r in runs), load


def slope(points: list[tuple[int, float]]) -> float:
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(max(v, 1e-3)) for _, v in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


DIFFLIB = ("import difflib, sys\n"
           "a = open(sys.argv[1], encoding='utf-8').readlines()\n"
           "b = open(sys.argv[2], encoding='utf-8').readlines()\n"
           "sys.stdout.writelines(difflib.unified_diff(a, b))\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000, 50000])
    parser.add_argument("--rewrite", type=float, default=0.1, help="share of texts rewritten (default 0.1)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the roadmapctl sources to run")
    parser.add_argument("--no-alternative", action="store_true", help="skip the difflib runs")
    options = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(options.src.resolve())}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    python = sys.executable
    startup, _, _, load = repeated([python, "-m", "roadmapctl", "--version"], env, 3)
    print(f"sources: {options.src}; rewritten: {options.rewrite:.0%}; median of {options.repeat} runs")
    print(f"start-up (roadmapctl --version): {startup:.3f} s CPU (load {load:.1f}); subtracted before fitting")
    ours: list[tuple[int, float]] = []
    theirs: list[tuple[int, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in options.sizes:
            old, new = versions(n, options.rewrite)
            a, b = Path(tmp) / f"старая {n}.yaml", Path(tmp) / f"новая {n}.yaml"
            a.write_text(roadmap(old), encoding="utf-8")
            b.write_text(roadmap(new), encoding="utf-8")
            if max(a.stat().st_size, b.stat().st_size) > 16_000_000:
                sys.exit(f"n = {n}: the generated roadmap exceeds the 16 MB limit of a roadmap file")
            cpu, spread, rss, load = repeated([python, "-m", "roadmapctl", "diff", str(a), str(b)], env, options.repeat)
            ours.append((n, max(cpu - startup, 1e-3)))
            line = (f"n = {n:>6} ({b.stat().st_size / 1e6:4.1f} MB): roadmapctl diff {cpu:7.2f} s CPU "
                    f"(spread {spread:.0%}), {rss:6.0f} MB peak, load {load:.1f}")
            if not options.no_alternative:
                alt, alt_spread, alt_rss, alt_load = repeated([python, "-c", DIFFLIB, str(a), str(b)], env, options.repeat)
                theirs.append((n, alt))
                line += (f" | difflib.unified_diff {alt:7.2f} s CPU (spread {alt_spread:.0%}), {alt_rss:5.0f} MB,"
                         f" load {alt_load:.1f} | ratio {cpu / alt:5.2f}")
            print(line, flush=True)
    if len(ours) > 1:
        print(f"CPU growth exponent (least squares, {options.sizes[0]}..{options.sizes[-1]}): roadmapctl diff "
              f"{slope(ours):.2f} (goal ≤ 1.2)" + (f", difflib {slope(theirs):.2f}" if theirs else ""))


if __name__ == "__main__":
    main()
