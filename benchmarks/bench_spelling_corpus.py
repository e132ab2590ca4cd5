"""Benchmark: the spelling rules (RM7xx) on real official text, beside hunspell's ru_RU alone.

The texts are the 22 prose passages and the 16 table excerpts of the corpus
(``tests/data/corpus/prose/`` and ``tables/``, copied from the shared corpus with their source
addresses). ``prose/misspellings.json`` lists by hand every error of the passages (the corpus's
own list); ``tables/misspellings.json`` the errors of the tables (labelled for roadmapctl, see
its ``_about``). Each text is put into a roadmap as its preamble (one line of the text a line of
the preamble) and checked with the RM7xx rules only; the same passage is then checked by hunspell alone
(every Russian word of it, each part of a compound apart, looked up in the ru_RU dictionary that
LibreOffice uses and roadmapctl ships), as the red underline of a word processor would.

A finding is an *error found* when its word is (part of) an error listed for its text, and a
*false alarm* otherwise. The errors a dictionary can detect are the listed misspellings and
words glued by a lost space or hyphen and abbreviations in lower case, when they are made of
Russian letters and the digits they are glued to («особрнадзор», «учебномугоду», «на2014-2018»,
«моу»); real-word errors («Иода» for «года»), codes («COVID-9»), encoding garbage and a
spaced dash are out of a dictionary's reach.

Goals (issue 24): false alarms at most 10 % of findings, fewer false alarms per 1,000 words than
hunspell alone, every dictionary-detectable error found.

Run:  python benchmarks/bench_spelling_corpus.py [--verbose]
Needs spylls (the test and bench extras) for the hunspell column.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from roadmapctl.check.config import Config  # noqa: E402
from roadmapctl.check.runner import check_source  # noqa: E402
from roadmapctl.loading import Source  # noqa: E402
from roadmapctl.spelling.tokens import tokenize, words_of  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus"
# the passages and tables; each folder's misspellings.json lists its errors
SETS = (("prose", CORPUS / "prose"), ("tables", CORPUS / "tables"))
HEAD = """\
версия_формата: 1
орган:
  наименование: Управление образования
муниципалитет: город Примерск
название: Дорожная карта
период: 2021-2022
преамбула: |2-
"""
TAIL = """\
таблицы:
  - колонки:
      - {поле: номер, заголовок: № п/п}
      - {поле: мероприятие, заголовок: Мероприятие}
    мероприятия:
      - номер: "1."
        мероприятие: Совещание
"""
_QUOTED = re.compile(r"«([^»]+)»")
_DETECTABLE_KINDS = frozenset({"misspelling", "missing space", "missing hyphen", "lower-case abbreviation"})
# an error a dictionary can see is made of Russian letters, with digits it is glued to («на2014-2018»)
_RUSSIAN = re.compile(r"(?=.*[А-Яа-яЁё]{2})[А-Яа-яЁё0-9.,]+(?:-[А-Яа-яЁё0-9.,]+)*")


def passage(path: Path) -> str:
    """A passage or table without its source line (and a table's form line)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.startswith(("# source:", "# form:")))


def as_roadmap(text: str) -> str:
    body = "\n".join("  " + line if line.strip() else "" for line in text.splitlines())
    return HEAD + body + "\n" + TAIL


def roadmapctl_words(texts: dict[str, str]) -> dict[str, list[str]]:
    """The words the RM7xx rules report in each text (the first «…» of each message)."""
    config = Config(select=("RM7",))
    found: dict[str, list[str]] = {}
    for name, text in texts.items():
        words = found.setdefault(name, [])
        for diagnostic in check_source(Source("passage.yaml", as_roadmap(text)), config):
            match = _QUOTED.search(diagnostic.message)
            if match is None or not diagnostic.code.startswith("RM7"):
                raise SystemExit(f"{name}: {diagnostic.code} {diagnostic.message}")
            words.append(match.group(1))
    return found


def hunspell_words(texts: dict[str, str]) -> dict[str, list[str]]:
    """The words hunspell (spylls, ru_RU) rejects in each text: each part of a compound apart."""
    from spylls.hunspell import Dictionary  # type: ignore[import-untyped]

    dictionary = Dictionary.from_files(str(ROOT / "src" / "roadmapctl" / "spelling" / "ru_RU" / "ru_RU"))
    found: dict[str, list[str]] = {}
    for name, text in texts.items():
        words = found.setdefault(name, [])
        for word in tokenize(text):
            for part in word.text.split("-"):
                if len(part) > 1 and not dictionary.lookup(part):
                    words.append(part)
    return found


def score(found: dict[str, list[str]], errors: dict[str, list[str]]) -> tuple[int, int, set[tuple[str, str]]]:
    """(true findings, false alarms, errors found as (file, word))."""
    true = false = 0
    hit: set[tuple[str, str]] = set()
    for name, words in found.items():
        for word in words:
            matching = [e for e in errors.get(name, []) if word.lower() in e.lower()]
            if matching:
                true += 1
                hit.update((name, e) for e in matching)
            else:
                false += 1
    return true, false, hit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every finding")
    args = parser.parse_args()
    for label, folder in SETS:
        report(label, folder, args.verbose)


def report(label: str, folder: Path, verbose: bool) -> None:
    listed = json.loads((folder / "misspellings.json").read_text(encoding="utf-8"))
    errors: dict[str, list[str]] = {}
    detectable: set[tuple[str, str]] = set()
    for entry in listed["errors"]:
        errors.setdefault(entry["file"], []).append(entry["word"])
        if entry["kind"] in _DETECTABLE_KINDS and _RUSSIAN.fullmatch(entry["word"]):
            detectable.add((entry["file"], entry["word"]))
    texts = {path.name: passage(path) for path in sorted(folder.glob("*.txt"))}
    words = sum(len(words_of(text)) for text in texts.values())
    print(f"{label}: {len(texts)} texts, {words} words, {len(listed['errors'])} listed errors, "
          f"{len(detectable)} detectable by a dictionary")
    for tool, check in (("roadmapctl RM7xx", roadmapctl_words), ("hunspell ru_RU alone", hunspell_words)):
        found = check(texts)
        true, false, hit = score(found, errors)
        total = true + false
        share = f"{100 * false / total:.0f} %" if total else "—"
        print(f"  {tool:22} findings {total:4}  errors found {len(hit & detectable):3}/{len(detectable)}"
              f"  false alarms {false:4} ({share} of findings, {1000 * false / words:.1f} per 1,000 words)")
        missed = sorted(detectable - hit)
        if missed:
            print("    missed: " + ", ".join(f"{w} ({n[:2]})" for n, w in missed))
        if verbose:
            for name, found_words in found.items():
                for word in found_words:
                    mark = "ok   " if any(word.lower() in e.lower() for e in errors.get(name, [])) else "FALSE"
                    print(f"    {mark} {name[:2]} {word}")


if __name__ == "__main__":
    main()
