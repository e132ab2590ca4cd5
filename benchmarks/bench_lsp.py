"""Benchmark: how soon `roadmapctl lsp` shows new findings after a change, on a 300-activity roadmap.

An LSP client (pygls's LanguageClient) starts the server over stdio, opens a generated roadmap
of 300 activities (with a few typical defects), then changes one activity's text again and again
and measures the time from sending `didChange` to receiving the `publishDiagnostics` of that
version — debounce included. Target: 200 ms. The named alternative is what an editor without a
language server does: run `roadmapctl check FILE` as a subprocess after each change; the ratio
is printed. It also times a hover sent right after each change (before the new findings), which
the server answers from its last analysis instead of re-running it; the load average is printed
beside every figure.

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
TARGET_MS = 200
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


async def lsp_latencies(path: Path, text: str, changes: int) -> tuple[list[float], int, float | None, list[float]]:
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
        # a person types: one activity's text changes (a doubled word appears and goes)
        changed = text.replace("по теме 17\n", "по теме теме 17\n" if version % 2 else "по теме 17 \n")
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


def cpu_per_check(text: str, runs: int = 10) -> float:
    """CPU time of one re-check in this process (what the server spends; load on the machine aside)."""
    from roadmapctl.lsp.analysis import analyze

    analyze(text, "roadmap.yaml")
    times = []
    for _ in range(runs):
        start = time.process_time()
        analyze(text, "roadmap.yaml")
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=300)
    parser.add_argument("--changes", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roadmap.yaml"
        text = make_roadmap(args.activities)
        path.write_text(text, encoding="utf-8")
        load = os.getloadavg()[0]
        latencies, findings, server_cpu, hovers = asyncio.run(lsp_latencies(path, text, args.changes))
        cli = subprocess_latencies(path, max(5, args.changes // 3))
        cpu = cpu_per_check(text)
    lsp_median, lsp_worst = statistics.median(latencies), max(latencies)
    cli_median = statistics.median(cli)
    print(f"roadmap: {args.activities} activities, {len(text.splitlines())} lines, {findings} findings on open")
    print(f"roadmapctl lsp, change → new diagnostics: median {lsp_median:.0f} ms, worst {lsp_worst:.0f} ms "
          f"over {len(latencies)} changes (debounce included; target ≤ {TARGET_MS} ms)")
    print(f"  of which checking: {cpu:.0f} ms of CPU per change; the rest is debounce "
          f"({DEBOUNCE_MS} ms), JSON-RPC and waiting for a core (load average now {os.getloadavg()[0]:.1f})")
    if server_cpu is not None:
        print(f"  the server process used {server_cpu:.0f} ms of CPU per change (check + JSON-RPC): on an idle "
              f"core the latency is about {server_cpu + DEBOUNCE_MS:.0f} ms")
    print(f"a hover sent right after a change: median {statistics.median(hovers):.0f} ms, worst {max(hovers):.0f} ms "
          f"(load average before the run {load:.1f})")
    print(f"roadmapctl check as a subprocess per change: median {cli_median:.0f} ms")
    print(f"ratio: the server is {cli_median / lsp_median:.1f}x faster than a check subprocess")
    print("target met" if lsp_median <= TARGET_MS else "TARGET MISSED")


if __name__ == "__main__":
    main()
