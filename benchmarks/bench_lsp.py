"""Benchmark: how soon `roadmapctl lsp` shows new findings after a change.

An LSP client (pygls's LanguageClient) starts the server over stdio, opens a generated roadmap
(300 activities by default, with a few typical defects), then changes one activity again and
again and measures the time from sending `didChange` to receiving the `publishDiagnostics` of
that version — any debounce included. Two kinds of change: typing inside a line (a doubled word
appears and goes), and a line added to the activity and removed again (every later position
moves). Goals (issue 29): 50 ms at 300 activities, 300 ms at 3,000. The named alternative is
what an editor without a language server does: run `roadmapctl check FILE` as a subprocess after
each change; the ratio is printed. In this process it also compares the CPU time of the
server's incremental check (check/incremental.py) with a whole check of the same text. It
times a hover sent right after each change, which the server answers from its last analysis.
The load average is printed beside every figure: the machine may be shared.

Run:  python benchmarks/bench_lsp.py [--activities 300] [--changes 30]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

from roadmapctl.lsp.server import DEBOUNCE_SECONDS

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
GOALS_MS = {300: 50, 3000: 300}
DEBOUNCE_MS = round(DEBOUNCE_SECONDS * 1000)


def make_roadmap(activities: int) -> str:
    """A roadmap of ``activities`` numbered rows in sections of ten, each with a deadline and parties."""
    head = """\
версия_формата: 1
орган:
  наименование: Управление образования администрации района
муниципалитет: Примерный муниципальный район
название: Дорожная карта поддержки школ с низкими образовательными результатами
период: 2021-2022
участники:
  РУО:
    полное: Районное управление образования
    вид: орган
  ИМЦ:
    вид: организация
  ОО:
    вид: группа
таблицы:
  - колонки:
      - {поле: номер, заголовок: № п/п}
      - {поле: мероприятие, заголовок: Мероприятие}
      - {поле: срок, заголовок: Срок}
      - {поле: ответственные, заголовок: Ответственные}
      - {поле: ожидаемый_результат, заголовок: Ожидаемый результат}
    разделы:
"""
    deadlines = ["Март 2021 года", "ежеквартально", "до 10 числа каждого месяца", "В течение учебного года",
                 "Сентябрь 2021 – май 2022", "ежегодно, август"]
    out = [head]
    sections = (activities + 9) // 10
    number = 0
    for s in range(1, sections + 1):
        out.append(f"      - номер: \"{s}.\"\n        название: Раздел {s} — методическая работа\n        мероприятия:\n")
        for a in range(1, 11):
            number += 1
            if number > activities:
                break
            text = f"Проведение  семинара для педагогов по теме {number}" if number % 50 == 0 else \
                f"Проведение семинара для педагогов по теме {number}"
            out.append(
                f"          - номер: \"{s}.{a}.\"\n"
                f"            мероприятие: {text}\n"
                f"            срок: {deadlines[number % len(deadlines)]}\n"
                f"            ответственные: [РУО, {'ИМЦ' if number % 7 else 'ИМЦЦ'}]\n"
                f"            ожидаемый_результат: Повышение профессиональной компетентности педагогов\n")
    return "".join(out)


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux /proc), or None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def variants(text: str) -> dict[str, list[str]]:
    """The texts each kind of change sends, in turn."""
    return {
        "typing in a line": [text.replace("по теме 17\n", "по теме теме 17\n"), text.replace("по теме 17\n", "по теме 17 \n")],
        "a line added and removed": [text.replace("по теме 17\n", "по теме 17\n            # уточнить тему\n"), text],
    }


async def lsp_latencies(path: Path, text: str, changes: int, sent_texts: list[str]) -> tuple[list[float], int, float | None, list[float]]:
    client = LanguageClient("bench", "1")
    arrived: dict[int, float] = {}
    counts: dict[int, int] = {}
    event = asyncio.Event()

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(ls, params):  # pygls passes itself to a parameter named ls
        arrived[params.version] = time.perf_counter()
        counts[params.version] = len(params.diagnostics)
        event.set()

    async def wait_for(version: int) -> None:
        while version not in arrived:
            event.clear()
            await asyncio.wait_for(event.wait(), 30)

    await client.start_io(sys.executable, "-m", "roadmapctl", "lsp", env=ENV)
    await client.initialize_async(lsp.InitializeParams(capabilities=lsp.ClientCapabilities()))
    client.initialized(lsp.InitializedParams())
    uri = path.as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)))
    await wait_for(1)
    latencies = []
    hovers = []  # a hover sent right after the change
    deadline_line = text.splitlines().index(next(x for x in text.splitlines() if x.endswith("по теме 17"))) + 1
    cpu_before = cpu_seconds(client._server.pid)
    for version in range(2, changes + 2):
        changed = sent_texts[version % len(sent_texts)]
        sent = time.perf_counter()
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=uri, version=version), [lsp.TextDocumentContentChangeWholeDocument(text=changed)]))
        asked = time.perf_counter()
        await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(deadline_line, 20)))
        hovers.append((time.perf_counter() - asked) * 1000)
        await wait_for(version)
        latencies.append((arrived[version] - sent) * 1000)
        await asyncio.sleep(0.05)
    cpu_after = cpu_seconds(client._server.pid)
    server_cpu = (cpu_after - cpu_before) * 1000 / changes if cpu_before is not None and cpu_after is not None else None
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return latencies, counts[1], server_cpu, hovers


def subprocess_latencies(path: Path, changes: int) -> list[float]:
    runs = []
    for _ in range(changes):
        start = time.perf_counter()
        # --no-cache: after a real change the file is new to the result cache
        subprocess.run([sys.executable, "-m", "roadmapctl", "check", "--no-color", "--no-cache", str(path)],
                       check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
        runs.append((time.perf_counter() - start) * 1000)
    return runs


def cpu_per_check(text: str, sent_texts: list[str], runs: int = 10) -> tuple[float, float, str]:
    """Median CPU time in this process of a whole check of a changed text and of the incremental
    check the server runs (what the server spends; load on the machine aside), and how the
    incremental one was made."""
    import gc

    from roadmapctl.check.incremental import IncrementalCheck
    from roadmapctl.lsp.analysis import analyze
    from roadmapctl.lsp.server import GC_THRESHOLDS

    gc.set_threshold(*GC_THRESHOLDS)  # as the server runs
    engine = IncrementalCheck("roadmap.yaml")
    analyze(text, "roadmap.yaml", engine=engine)
    whole, partial, how = [], [], set()
    for run in range(runs):
        changed = sent_texts[run % len(sent_texts)]
        start = time.process_time()
        analyze(changed, "roadmap.yaml")
        whole.append((time.process_time() - start) * 1000)
        start = time.process_time()
        analyze(changed, "roadmap.yaml", engine=engine)
        partial.append((time.process_time() - start) * 1000)
        how.add(engine.last)
    return statistics.median(whole), statistics.median(partial), "/".join(sorted(how))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=300)
    parser.add_argument("--changes", type=int, default=30)
    args = parser.parse_args()
    goal = GOALS_MS.get(args.activities)
    met = True
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roadmap.yaml"
        text = make_roadmap(args.activities)
        path.write_text(text, encoding="utf-8")
        print(f"roadmap: {args.activities} activities, {len(text.splitlines())} lines; debounce {DEBOUNCE_MS} ms")
        for kind, sent_texts in variants(text).items():
            load = os.getloadavg()[0]
            latencies, findings, server_cpu, hovers = asyncio.run(lsp_latencies(path, text, args.changes, sent_texts))
            whole, partial, how = cpu_per_check(text, sent_texts)
            median = statistics.median(latencies)
            print(f"\n{kind} ({findings} findings on open):")
            print(f"  roadmapctl lsp, change → new diagnostics: median {median:.0f} ms, worst {max(latencies):.0f} ms "
                  f"over {len(latencies)} changes (load average {load:.1f} before, {os.getloadavg()[0]:.1f} after)"
                  + (f"; goal ≤ {goal} ms" if goal else ""))
            if server_cpu is not None:
                print(f"  the server process used {server_cpu:.0f} ms of CPU per change (check + JSON-RPC)")
            print(f"  in this process: incremental check {partial:.0f} ms of CPU ({how}), whole check {whole:.0f} ms: "
                  f"{whole / partial:.1f}x less (load average {os.getloadavg()[0]:.1f})")
            print(f"  a hover sent right after a change: median {statistics.median(hovers):.0f} ms, worst {max(hovers):.0f} ms")
            met = met and (goal is None or median <= goal)
        load = os.getloadavg()[0]
        cli = subprocess_latencies(path, max(5, args.changes // 3))
    cli_median = statistics.median(cli)
    print(f"\nroadmapctl check as a subprocess per change: median {cli_median:.0f} ms (load average {load:.1f})")
    print(f"ratio: the server's median latency is {cli_median / median:.1f}x shorter (the last kind of change)")
    if goal is not None:
        print("goal met" if met else "GOAL MISSED")


if __name__ == "__main__":
    main()
