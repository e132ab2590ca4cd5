"""Resource benchmark (not a test): peak memory and CPU time of every command on generated roadmaps
of 10,000 and 50,000 activities, each against the parse floor measured in the same run.

    python benchmarks/bench_resources.py [--sizes 10000 50000] [--only check,fmt] [--repeat 1]
                                         [--timeout 1200] [--no-pdf]

Every command runs as a user runs it: ``python -m roadmapctl ...`` in a new process. Its peak
resident memory is the ``ru_maxrss`` that ``wait4`` reports for it (the largest of the process and
the processes it waited for), its CPU time the user + system time of the same ``wait4``. The floor
is a whole process too: Python that imports PyYAML and loads the same file with the C loader
(``yaml.load(f, Loader=yaml.CSafeLoader)``) and does nothing else. The ratio columns are
command / floor; the memory goal is a ratio of at most 3 for every command at every size
(issue 29). The load average (1 minute) before each run is printed beside its figures, because the
machine may be shared: memory does not depend on the load, CPU time little, wall time much.

The commands: ``check``, ``fmt``, ``mark``, ``render`` to md, html and docx, ``export`` to ics,
``report`` (table and xlsx), ``diff`` against a copy with every tenth activity rewritten, and
``import`` of the rendered DOCX and of a PDF printed from it by LibreOffice (``soffice``; skipped
with ``--no-pdf``, when LibreOffice is missing, when printing takes longer than the timeout, or when
the PDF has more pages than the import accepts (400).

A source checkout has no compiled schema validator (``_validator.py``, which the wheel carries and
.gitignore leaves out); the script writes it first, as ``python -m roadmapctl.document.validator_code``
does, so that the figures are an installed program's and not those of compiling it at every start.

The roadmap is generated: the Baunt header and table columns, sections of 50 activities with real
deadline phrases and responsible parties, short texts so that 50,000 activities stay under the
16 MB limit of a roadmap file.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DEADLINES = ["Март 2021 года", "ежеквартально", "до 1 сентября 2021 года", "В течение 2021-2022 учебного года",
             "Апрель – май 2022 года", "постоянно"]
PARTIES = [["РУО"], ["ИМЦ РУО", "ОО"], ["ИАС РУО"], []]
GOAL = 3.0

FLOOR = ("import sys, yaml\n"
         "with open(sys.argv[1], 'rb') as f:\n"
         "    yaml.load(f, Loader=yaml.CSafeLoader)\n")


def make_roadmap(n: int, rewrite: bool = False) -> str:
    """A roadmap of ``n`` activities; with ``rewrite`` every tenth activity's text is changed."""
    import yaml

    data = yaml.safe_load((ROOT / "roadmaps" / "baunt-2021-2022.yaml").read_text(encoding="utf-8"))
    table = data["таблицы"][0]
    sections = []
    for s in range(1, math.ceil(n / 50) + 1):
        items = []
        for j in range(1, min(50, n - (s - 1) * 50) + 1):
            k = (s * 50 + j)
            text = f"Семинар {s}.{j} для руководителей ОО"
            if rewrite and k % 10 == 0:
                text = f"Совещание {s}.{j} с заместителями директоров"
            item: dict[str, object] = {
                "номер": f"{s}.{j}.",
                "мероприятие": text,
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


Command = Callable[[Path, Path], list]
COMMANDS: dict[str, Command] = {
    "check": lambda rm, d: ["check", "--no-cache", rm],
    "fmt": lambda rm, d: ["fmt", rm],
    "mark": lambda rm, d: ["mark", rm, "1.1", "--note", "Отметка", "--date", "2021-05-20"],
    "render-md": lambda rm, d: ["render", rm, "--to", "md", "-o", d / "a.md", "--force"],
    "render-html": lambda rm, d: ["render", rm, "--to", "html", "-o", d / "a.html", "--force"],
    "render-docx": lambda rm, d: ["render", rm, "--to", "docx", "-o", d / "a.docx", "--force"],
    "export-ics": lambda rm, d: ["export", rm, "-f", "ics", "-o", d / "a.ics"],
    "report-table": lambda rm, d: ["report", rm, "--as-of", "2021-06-01", "-o", d / "r.txt", "--force"],
    "report-xlsx": lambda rm, d: ["report", rm, "--as-of", "2021-06-01", "-f", "xlsx", "-o", d / "r.xlsx", "--force"],
    "diff": lambda rm, d: ["diff", d / "roadmap.yaml", d / "rewritten.yaml", "-o", d / "diff.txt", "--force"],
    "import-docx": lambda rm, d: ["import", d / "a.docx", "-o", d / "from-docx.yaml", "--force"],
    "import-pdf": lambda rm, d: ["import", d / "a.pdf", "-o", d / "from-pdf.yaml", "--force"],
}


class Run:
    """One finished process: wall seconds, CPU seconds, peak memory in MB, exit code, load before."""

    def __init__(self, argv: list[str], timeout: float) -> None:
        self.load = os.getloadavg()[0]
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        started = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - started > timeout:
                proc.kill()
                _pid, status, usage = os.wait4(proc.pid, 0)
                self.wall, self.cpu, self.mb, self.code = math.inf, math.inf, math.nan, -1
                return
            time.sleep(0.02)
        self.wall = time.perf_counter() - started
        self.cpu = usage.ru_utime + usage.ru_stime
        self.mb = usage.ru_maxrss / 1024
        self.code = os.waitstatus_to_exitcode(status)


def repeated(argv: list[str], repeat: int, timeout: float) -> Run:
    """The run with the median peak memory of ``repeat`` runs (memory hardly varies between runs)."""
    runs = [Run(argv, timeout) for _ in range(repeat)]
    runs.sort(key=lambda r: (r.mb if not math.isnan(r.mb) else math.inf))
    return runs[len(runs) // 2]


def make_pdf(docx: Path, folder: Path, timeout: float) -> str:
    """Print ``docx`` to ``a.pdf`` beside it with LibreOffice; an empty string or why not."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return "LibreOffice (soffice) is not installed"
    try:
        subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
                       check=True, capture_output=True, timeout=timeout, start_new_session=True)
    except subprocess.TimeoutExpired:
        return f"LibreOffice took longer than {timeout:.0f} s to print the DOCX"
    except subprocess.CalledProcessError as error:
        return f"LibreOffice failed (exit {error.returncode})"
    if not (folder / "a.pdf").exists():
        return "LibreOffice wrote no PDF"
    import pypdfium2

    from roadmapctl.importer.pdf_reader import MAX_PAGES

    pages = len(pypdfium2.PdfDocument(str(folder / "a.pdf")))
    if pages > MAX_PAGES:  # the import refuses it by design, in Russian, before reading a page
        return f"the PDF has {pages} pages, over the import's limit of {MAX_PAGES}"
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 50000])
    parser.add_argument("--only", default=",".join(COMMANDS))
    parser.add_argument("--repeat", type=int, default=1, help="runs per command; the median is shown")
    parser.add_argument("--timeout", type=float, default=1200.0)
    parser.add_argument("--no-pdf", action="store_true")
    options = parser.parse_args()
    chosen = [c for c in options.only.split(",") if c]
    if options.no_pdf and "import-pdf" in chosen:
        chosen.remove("import-pdf")
    unknown = [c for c in chosen if c not in COMMANDS]
    if unknown:
        sys.exit(f"unknown commands: {', '.join(unknown)}; known: {', '.join(COMMANDS)}")
    if not (ROOT / "src" / "roadmapctl" / "document" / "_validator.py").exists():
        # an installed wheel carries the schema's compiled validator; a source checkout makes it by hand
        print("writing src/roadmapctl/document/_validator.py, as the wheel carries it "
              "(python -m roadmapctl.document.validator_code)", flush=True)
        subprocess.run([sys.executable, "-m", "roadmapctl.document.validator_code"], check=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, stdout=subprocess.DEVNULL)
    worst: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in options.sizes:
            folder = Path(tmp) / str(n)
            folder.mkdir()
            text = make_roadmap(n)
            source = folder / "roadmap.yaml"
            source.write_text(text, encoding="utf-8")
            (folder / "rewritten.yaml").write_text(make_roadmap(n, rewrite=True), encoding="utf-8")
            floor = repeated([sys.executable, "-c", FLOOR, str(source)], max(options.repeat, 3), options.timeout)
            print(f"\nn = {n} activities: {len(text.encode()) / 1e6:.1f} MB of YAML", flush=True)
            print(f"  {'command':<13} {'peak MB':>8} {'× floor':>8} {'CPU s':>8} {'× floor':>8} {'wall s':>8}  load  exit",
                  flush=True)
            print(f"  {'floor':<13} {floor.mb:8.0f} {1:8.2f} {floor.cpu:8.2f} {1:8.2f} {floor.wall:8.2f} {floor.load:5.1f}  "
                  f"{floor.code}   (PyYAML C loader, whole process)", flush=True)
            ratios = []
            for name in chosen:
                note = ""
                if name in ("import-docx", "import-pdf") and not (folder / "a.docx").exists():
                    Run([sys.executable, "-m", "roadmapctl", *map(str, COMMANDS["render-docx"](source, folder))],
                        options.timeout)
                if name == "import-pdf" and not (folder / "a.pdf").exists():
                    why = make_pdf(folder / "a.docx", folder, options.timeout)
                    if why:
                        print(f"  {name:<13} skipped: {why}", flush=True)
                        continue
                    note = f"  ({(folder / 'a.pdf').stat().st_size / 1e6:.1f} MB PDF)"
                working = folder / "work.yaml"
                shutil.copy(source, working)
                run = repeated([sys.executable, "-m", "roadmapctl", *map(str, COMMANDS[name](working, folder))],
                               options.repeat, options.timeout)
                ratio = run.mb / floor.mb
                ratios.append(ratio)
                ok = run.code in (0, 1) if name in ("check", "diff", "report-table", "report-xlsx") else run.code == 0
                verdict = ("" if ok else "  FAILED") + ("" if ratio <= GOAL else f"  over {GOAL:.0f}×")
                print(f"  {name:<13} {run.mb:8.0f} {ratio:8.2f} {run.cpu:8.2f} {run.cpu / floor.cpu:8.2f} "
                      f"{run.wall:8.2f} {run.load:5.1f}  {run.code}{verdict}{note}", flush=True)
            worst[n] = max(ratios, default=math.nan)
    print()
    for n, ratio in worst.items():
        met = "met" if ratio <= GOAL else "NOT met"
        print(f"n = {n}: the largest peak is {ratio:.2f}× the floor's; goal ≤ {GOAL:.0f}× {met}")
    if worst:
        print(f"median of the worst ratios: {statistics.median(worst.values()):.2f}")


if __name__ == "__main__":
    main()
