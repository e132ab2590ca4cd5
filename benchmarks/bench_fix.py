"""``check --fix`` on a roadmap with thousands of double spaces: all fixes applied in one pass
and read once (``fixes._all_at_once``) against the named alternative, the one-by-one loop that
reads the text again after every fix (``fixes._one_by_one``, what ``--fix`` did before). One
run, both ways, the same input; prints the times and their ratio.

    PYTHONPATH=src python benchmarks/bench_fix.py [activities]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from roadmapctl.check.fixes import _all_at_once, _one_by_one, wanted  # noqa: E402
from roadmapctl.check.runner import check_source  # noqa: E402
from roadmapctl.loading import Source  # noqa: E402

HEAD = (ROOT / "roadmaps" / "aban-2020-2023.yaml").read_text(encoding="utf-8").split("таблицы:")[0]


def roadmap(count: int) -> str:
    rows = []
    for i in range(1, count + 1):
        rows.append(f'      - номер: "{i}."\n'
                    f"        мероприятие: Проведение  методического  семинара  для  учителей  школы  номер {i}\n"
                    "        срок: Март 2021 года\n"
                    "        ожидаемый_результат: Семинар  проведён\n")
    return (HEAD + "таблицы:\n  - колонки:\n      - {поле: номер, заголовок: № п/п}\n"
            "      - {поле: мероприятие, заголовок: Мероприятие}\n      - {поле: срок, заголовок: Срок}\n"
            "      - {поле: ожидаемый_результат, заголовок: Результат}\n    мероприятия:\n" + "".join(rows))


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 150  # the old loop is quadratic: 150 activities take it seconds
    text = roadmap(count)
    fixable = [d for d in check_source(Source(name="b.yaml", text=text)) if wanted(d, False)]
    print(f"{len(text) // 1024} KB, {len(fixable)} fixes in the first pass")
    started = time.perf_counter()
    _, at_once = _all_at_once("b.yaml", text, fixable)
    one_pass = time.perf_counter() - started
    started = time.perf_counter()
    _taken, by_one = _one_by_one("b.yaml", text, fixable)
    old = time.perf_counter() - started
    assert at_once == by_one, "the two ways must give the same text"
    print(f"all at once: {one_pass:.2f} s; one by one (the old loop): {old:.2f} s; ratio {old / one_pass:.0f}x")


if __name__ == "__main__":
    main()
