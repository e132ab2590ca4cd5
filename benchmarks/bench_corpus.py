"""How much of the real corpus `import` reads right (tests/data/corpus, copied from the project's
development corpus with each document's source address).

For every corpus table it imports the file and compares the result with the hand-written
``expected.json``: rows found, rows right (number, activity, deadline and responsible all right;
a section row: a section with its title), approval mark, title and period right. Then it reads
every real deadline text of ``deadlines.tsv`` with the deadline reader's public entry
(``roadmapctl.deadlines.read_deadline``, what ``roadmapctl explain`` uses) and counts those read
rather than refused. The named alternative is the table reader's refusal: a file the importer
refuses counts as 0 rows found (a refusal is reported, never rows invented).

Run from the repository root:  PYTHONPATH=src python benchmarks/bench_corpus.py [-v] [--against REV]

``--against REV`` measures a named alternative in the same run: the importer of another git
revision (``git archive REV``: its sources and resources, e.g. the previous release or ``main``) on the same corpus copy,
and prints both sets of figures side by side with their differences.
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the importer measured: this tree's, or another revision's (--against) when run as a child
sys.path.insert(0, os.environ.get("BENCH_CORPUS_SRC", str(ROOT / "src")))
sys.path.insert(0, str(ROOT / "tests"))

from corpus_tables import (  # noqa: E402
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

from roadmapctl.importer import ImportFailure, import_bytes  # noqa: E402


def tables(verbose: bool, quiet: bool = False) -> dict[str, int]:
    totals = {"rows": 0, "found": 0, "right": 0, "approval": 0, "title": 0, "period": 0, "periods": 0, "refused": 0}
    say = _silent if quiet else print  # the child of --against reports its totals only
    say(f"{'файл':<46} {'строк':>5} {'найдено':>7} {'верно':>5}  гриф название период")
    for name, want in expected().items():
        rows = want["rows"]
        totals["rows"] += len(rows)
        try:
            result = import_bytes(document_text(name), name)
        except ImportFailure as exc:
            totals["refused"] += 1
            say(f"{name[:46]:<46} {len(rows):>5} {'отказ':>7} {0:>5}  {str(exc)[len(name) + 2:][:90]}")
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
        say(f"{name[:46]:<46} {len(rows):>5} {found:>7} {right:>5}  {mark[approval]:>4} {mark[title]:>8} {mark[period]:>6}")
        if verbose:
            for w, m in zip(rows, matched):
                if m is None or not row_right(w, m):
                    say(f"    ожидалось {w.get('number')} «{w['activity_first6']}» срок={w.get('deadline')!r} "
                          f"отв={w.get('responsible')!r}")
                    if m is not None:
                        say(f"    получено  {m.number} «{m.text[:50]}» срок={m.deadline!r} отв={m.responsible!r}")
            if not title:
                say(f"    название: {result.data.get('название')!r}")
            if not approval:
                say(f"    гриф: {result.data.get('утверждение')!r} {result.data.get('приложение')!r} {result.data.get('приказ')!r}")
            if period is False:
                say(f"    период: {result.data.get('период')!r}")
    n = len(expected())
    say(f"\nстрок в корпусе: {totals['rows']}; найдено: {totals['found']} ({100 * totals['found'] / totals['rows']:.0f}%); "
          f"все четыре поля верны: {totals['right']} ({100 * totals['right'] / totals['rows']:.0f}%)")
    say(f"файлов: {n}; отказано: {totals['refused']}; гриф верен: {totals['approval']}/{n}; "
          f"название верно: {totals['title']}/{n}; период верен: {totals['period']}/{totals['periods']} "
          "(файлы, где документ называет период)")
    return totals


def _silent(*_args: object, **_kwargs: object) -> None:
    return None


def _period_text(stated: str) -> str:
    years = sorted({int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", stated)})
    if not years:
        return str(date.today().year)
    if "учебн" in stated and len(years) == 2:
        return f"{years[0]}-{years[1]} учебный год"
    return f"{years[0]}-{years[-1]}" if len(years) > 1 else str(years[0])


def deadlines(verbose: bool) -> int:
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
    return read


def against(revision: str, mine: dict[str, int]) -> None:
    """The same measurement with another revision's importer, side by side with this tree's."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        env = dict(os.environ, BENCH_CORPUS_SRC=str(Path(tmp) / "src"), PYTHONPATH=str(Path(tmp) / "src"))
        child = subprocess.run([sys.executable, __file__, "--json"], capture_output=True, text=True, env=env, check=True)
    theirs = json.loads(child.stdout.strip().splitlines()[-1])
    print(f"\nсравнение с импортом ревизии {revision} (на той же копии корпуса):")
    names = {"found": "строк найдено", "right": "строк верно (все четыре поля)", "refused": "файлов отказано",
             "approval": "гриф верен", "title": "название верно", "period": "период верен", "deadlines": "сроков прочитано"}
    print(f"  {'':<32} {revision[:12]:>12} {'это дерево':>12} {'разница':>8}")
    for key, name in names.items():
        print(f"  {name:<32} {theirs[key]:>12} {mine[key]:>12} {mine[key] - theirs[key]:>+8}")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    verbose = "-v" in arguments
    if "--json" in arguments:
        totals = tables(False, quiet=True)
        totals["deadlines"] = deadlines(False)
        sys.stdout.write(json.dumps(totals) + "\n")
        sys.exit(0)
    totals = tables(verbose)
    totals["deadlines"] = deadlines(verbose)
    if "--against" in arguments:
        against(arguments[arguments.index("--against") + 1], totals)
