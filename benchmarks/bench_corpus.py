"""How much of the real corpus `import` reads right (tests/data/corpus, copied from the project's
development corpus with each document's source address).

For every corpus table it imports the file and compares the result with the hand-written
``expected.json``: rows found, rows right (number, activity, deadline and responsible all right;
a section row: a section with its title), approval mark, title and period right. Then it reads
every real deadline text of ``deadlines.tsv`` with the deadline reader's public entry
(``roadmapctl.deadlines.read_deadline``, what ``roadmapctl explain`` uses) and counts those read
rather than refused. The named alternative is the table reader's refusal: a file the importer
refuses counts as 0 rows found (a refusal is reported, never rows invented).

Run from the repository root:  PYTHONPATH=src python benchmarks/bench_corpus.py [-v]
"""

from __future__ import annotations

import csv
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from corpus_tables import (
    CORPUS,
    approval_right,
    document_text,
    expected,
    imported_rows,
    match_rows,
    period_right,
    row_right,
    title_right,
)

from roadmapctl.importer import ImportFailure, import_bytes


def tables(verbose: bool) -> None:
    totals = {"rows": 0, "found": 0, "right": 0, "approval": 0, "title": 0, "period": 0, "periods": 0, "refused": 0}
    print(f"{'файл':<46} {'строк':>5} {'найдено':>7} {'верно':>5}  гриф название период")
    for name, want in expected().items():
        rows = want["rows"]
        totals["rows"] += len(rows)
        try:
            result = import_bytes(document_text(name), name)
        except ImportFailure as exc:
            totals["refused"] += 1
            print(f"{name[:46]:<46} {len(rows):>5} {'отказ':>7} {0:>5}  {str(exc)[len(name) + 2:][:90]}")
            continue
        got = imported_rows(result.data)
        matched = match_rows(rows, got)
        found = sum(1 for m in matched if m is not None)
        right = sum(1 for w, m in zip(rows, matched) if m is not None and row_right(w, m))
        approval = approval_right(want["approval"], result.data)
        title = title_right(want["title"], result.data)
        period = period_right(want["period"], result.data)
        totals["found"] += found
        totals["right"] += right
        totals["approval"] += approval
        totals["title"] += title
        if period is not None:
            totals["periods"] += 1
            totals["period"] += period
        mark = {True: "да", False: "нет", None: "—"}
        print(f"{name[:46]:<46} {len(rows):>5} {found:>7} {right:>5}  {mark[approval]:>4} {mark[title]:>8} {mark[period]:>6}")
        if verbose:
            for w, m in zip(rows, matched):
                if m is None or not row_right(w, m):
                    print(f"    ожидалось {w.get('number')} «{w['activity_first6']}» срок={w.get('deadline')!r} "
                          f"отв={w.get('responsible')!r}")
                    if m is not None:
                        print(f"    получено  {m.number} «{m.text[:50]}» срок={m.deadline!r} отв={m.responsible!r}")
            if not title:
                print(f"    название: {result.data.get('название')!r}")
            if not approval:
                print(f"    гриф: {result.data.get('утверждение')!r} {result.data.get('приложение')!r} {result.data.get('приказ')!r}")
            if period is False:
                print(f"    период: {result.data.get('период')!r}")
    n = len(expected())
    print(f"\nстрок в корпусе: {totals['rows']}; найдено: {totals['found']} ({100 * totals['found'] / totals['rows']:.0f}%); "
          f"все четыре поля верны: {totals['right']} ({100 * totals['right'] / totals['rows']:.0f}%)")
    print(f"файлов: {n}; отказано: {totals['refused']}; гриф верен: {totals['approval']}/{n}; "
          f"название верно: {totals['title']}/{n}; период верен: {totals['period']}/{totals['periods']} "
          "(файлы, где документ называет период)")


def _period_text(stated: str) -> str:
    years = sorted({int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", stated)})
    if not years:
        return str(date.today().year)
    if "учебн" in stated and len(years) == 2:
        return f"{years[0]}-{years[1]} учебный год"
    return f"{years[0]}-{years[-1]}" if len(years) > 1 else str(years[0])


def deadlines(verbose: bool) -> None:
    from roadmapctl.deadlines import Kind, read_deadline
    from roadmapctl.document.schedule import period_or_reason

    with (CORPUS / "deadlines.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    read = 0
    for row in rows:
        span, _reason = period_or_reason(_period_text(row["period"]))
        assert span is not None
        term = read_deadline(row["phrase"].replace("\\n", "\n"), span)
        ok = term.kind not in (Kind.UNKNOWN, Kind.MISSING)
        read += ok
        if verbose and not ok:
            print(f"    не прочитан: «{row['phrase']}»")
    print(f"сроки корпуса (deadlines.tsv): прочитано {read} из {len(rows)} ({100 * read / len(rows):.0f}%), "
          f"отказано {len(rows) - read}")


if __name__ == "__main__":
    verbose = "-v" in sys.argv[1:]
    tables(verbose)
    deadlines(verbose)
