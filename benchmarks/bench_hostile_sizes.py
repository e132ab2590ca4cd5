"""Hostile sizes: every text rule of ``check``, the word diff and the deadline reader on one value
of 256 KB and of 1 MB, in many shapes (unknown words, brackets, double spaces, « - », one
1 MB word …). Linear time shows as a ratio near 4 between the two sizes (a quadratic path as 16).

Compared in the same run with a named alternative:

* ``check``: the parse floor, PyYAML's ``yaml.load`` with the C loader of the same file (what no
  check can go below); printed as how many times the floor ``check`` takes;
* word diff: ``difflib.SequenceMatcher`` over the same tokens (the previous word diff), at 16 KB
  only — at 1 MB it does not finish in minutes.

CPU time (``time.process_time``) is measured, with the load average printed beside it: the
machine may be shared.

    .venv/bin/python benchmarks/bench_hostile_sizes.py [--sizes 262144 1048576] [--only SHAPE …]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

HEAD = """версия_формата: 1
орган:
  наименование: Управление образования
муниципалитет: город Примерск
название: Дорожная карта
период: 2021-2022
участники:
  РУО:
    вид: орган
таблицы:
  - колонки:
      - {поле: номер, заголовок: №}
      - {поле: мероприятие, заголовок: Мероприятие}
      - {поле: срок, заголовок: Срок}
    мероприятия:
      - номер: "1."
"""

SHAPES = {
    "unknown words": lambda i: f"сдлкфж{i} ",
    "open brackets": lambda i: "(",
    "close brackets": lambda i: ")",
    "quotes": lambda i: "«",
    "double spaces": lambda i: "слово  ",
    "spaced dashes": lambda i: " - ",
    "dates": lambda i: "01.02.2021 ",
    "latin in words": lambda i: "шкoла ",
    "capitals": lambda i: "ШКОЛЛА ",
    "glued words": lambda i: "учебномугоду ",
    "addresses": lambda i: f"http://a.ru/{i} ",
    "one word": lambda i: "а",
}


def value(shape: str, size: int) -> str:
    out, i, total = [], 0, 0
    while total < size:
        piece = SHAPES[shape](i)
        out.append(piece)
        total += len(piece.encode("utf-8"))
        i += 1
    return "".join(out)


def cpu(function) -> float:
    started = time.process_time()
    function()
    return time.process_time() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[256 * 1024, 1024 * 1024])
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    import yaml

    from roadmapctl.check.runner import check_path
    from roadmapctl.deadlines import parse_period, read_deadline
    from roadmapctl.diff.changes import _TOKEN, word_diff

    small, big = args.sizes
    period = parse_period("2021-2022")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    print(f"load average {os.getloadavg()[0]:.1f}; CPU seconds at {small // 1024} KB and {big // 1024} KB")
    print(f"{'shape':16} {'check small':>12} {'check big':>10} {'ratio':>6} {'× floor':>8} "
          f"{'diff big':>9} {'ratio':>6} {'deadline big':>13}")
    with tempfile.TemporaryDirectory() as folder:
        for shape in args.only or SHAPES:
            row = []
            floors = []
            for size in (small, big):
                text = value(shape, size)
                path = Path(folder) / "карта.yaml"
                path.write_text(HEAD + f"        мероприятие: {json.dumps(text, ensure_ascii=False)}\n"
                                f"        срок: {json.dumps(text, ensure_ascii=False)}\n", encoding="utf-8")
                row.append(cpu(lambda path=path: check_path(str(path))))
                floors.append(cpu(lambda path=path: yaml.load(path.read_bytes(), Loader=loader)))
            words = value(shape, big).split(" ")
            changed = " ".join(w + "я" if n % 50 == 0 else w for n, w in enumerate(words))
            old_small, old_big = value(shape, small), value(shape, big)
            diff_small = cpu(lambda a=old_small, b=changed[:small]: word_diff(a, b))
            diff_big = cpu(lambda a=old_big, b=changed: word_diff(a, b))
            deadline = cpu(lambda a=old_big: read_deadline(a, period))
            print(f"{shape:16} {row[0]:12.2f} {row[1]:10.2f} {row[1] / max(row[0], 1e-3):6.1f} "
                  f"{row[1] / max(floors[1], 1e-3):8.1f} {diff_big:9.2f} {diff_big / max(diff_small, 1e-3):6.1f} "
                  f"{deadline:13.3f}", flush=True)
    from difflib import SequenceMatcher

    text = value("unknown words", 16 * 1024)
    changed = " ".join(w + "я" if n % 50 == 0 else w for n, w in enumerate(text.split(" ")))
    a, b = _TOKEN.findall(text), _TOKEN.findall(changed)
    theirs = cpu(lambda: SequenceMatcher(None, a, b, autojunk=False).get_opcodes())
    ours = cpu(lambda: word_diff(text, changed))
    print(f"word diff of 16 KB, 2 % of words changed: difflib {theirs:.2f} s, ours {ours:.3f} s, "
          f"ratio {theirs / max(ours, 1e-4):.0f}× (load {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
