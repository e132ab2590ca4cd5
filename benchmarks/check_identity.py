"""Whether a change to ``check``'s speed left its findings byte-identical.

Builds a corpus — the bundled roadmaps, the fuzz corpus of the tests, and seeded mutations of
each roadmap (doubled words, Latin letters in Russian words, typos, glued words, stray letters,
extra spaces, lost quotes, HTML, party names spelt another way) in folders whose names have
Cyrillic letters and spaces — and prints (or saves) ``roadmapctl check --format json --no-cache``
over it, run from the sources given by ``--src``. Save the output of the code before a change,
then compare the code after it:

    python benchmarks/check_identity.py --src /tmp/before/src --save /tmp/before.json
    python benchmarks/check_identity.py --against /tmp/before.json

The mutations are seeded: the same corpus every run.
"""

from __future__ import annotations

import argparse
import difflib
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_VALUE_LINE = re.compile(r"^(\s*(?:- )?[а-яё_]+: )(.{12,})$")
_WORD = re.compile(r"[А-Яа-яЁё]{4,}")
_LATIN_TWINS = {"о": "o", "а": "a", "е": "e", "с": "c", "р": "p", "х": "x", "М": "M", "О": "O"}


def _mutate(value: str, rng: random.Random) -> str:
    """``value`` with one slip of the kinds check's text rules look for."""
    words = list(_WORD.finditer(value))
    kind = rng.randrange(12)
    if not words:
        return value + "  "
    word = rng.choice(words)
    a, b = word.span()
    text = word.group()
    if kind == 0:  # a doubled word
        return value[:b] + " " + text + value[b:]
    if kind == 1:  # a Latin letter inside a Russian word
        for cyr, lat in _LATIN_TWINS.items():
            if cyr in text:
                return value[:a] + text.replace(cyr, lat, 1) + value[b:]
        return value
    if kind == 2:  # a letter lost
        k = rng.randrange(1, len(text) - 1)
        return value[:a] + text[:k] + text[k + 1:] + value[b:]
    if kind == 3:  # two letters swapped
        k = rng.randrange(1, len(text) - 2)
        return value[:a] + text[:k] + text[k + 1] + text[k] + text[k + 2:] + value[b:]
    if kind == 4:  # two words glued
        return value[:b] + value[b + 1:] if value[b:b + 1] == " " else value
    if kind == 5:  # a stray letter
        return value[:b] + " х" + value[b:]
    if kind == 6:  # a double space
        return value[:b] + "  " + value[b:].lstrip(" ")
    if kind == 7:  # a space before a comma
        return value.replace(",", " ,", 1)
    if kind == 8:  # a lost closing quote
        return value.replace("»", "", 1)
    if kind == 9:  # HTML
        return value[:a] + "<b>" + text + "</b>" + value[b:]
    if kind == 10:  # a word in capitals
        return value[:a] + text.upper() + value[b:]
    return value[:a] + text + text[-1] + value[b:]  # a letter doubled


def _mutated(text: str, rng: random.Random, count: int) -> str:
    lines = text.split("\n")
    candidates = [k for k, line in enumerate(lines) if _VALUE_LINE.match(line) and not line.lstrip().startswith("#")]
    for k in rng.sample(candidates, min(count, len(candidates))):
        match = _VALUE_LINE.match(lines[k])
        assert match is not None
        head, value = match.groups()
        if value[:1] in "[{\"'|>&*!":
            if value.startswith("[") and value.endswith("]") and '"' not in value:  # a list of parties: one spelt another way
                inner = value[1:-1]
                if len(inner) > 4:
                    k2 = rng.randrange(1, len(inner) - 1)
                    if inner[k2] not in ",[]{}" and inner[k2 - 1] not in ",[]{}":
                        value = "[" + inner[:k2] + inner[k2 + 1:] + "]"
            lines[k] = head + value
            continue
        lines[k] = head + _mutate(value, rng)
    return "\n".join(lines)


def make_corpus(target: Path, variants: int = 8, slips: int = 40) -> None:
    """The bundled roadmaps, the fuzz corpus and ``variants`` mutated copies of each roadmap."""
    rng = random.Random(29)
    plain = target / "карты как есть"
    plain.mkdir(parents=True)
    for path in sorted((ROOT / "roadmaps").glob("*.yaml")):
        (plain / path.name).write_bytes(path.read_bytes())
    fuzz = target / "фаззинг"
    fuzz.mkdir()
    for path in sorted((ROOT / "tests" / "fixtures" / "fuzz-corpus").glob("*.yaml")):
        (fuzz / path.name).write_bytes(path.read_bytes())
    mutated = target / "с опечатками"
    mutated.mkdir()
    for path in sorted((ROOT / "roadmaps").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        for k in range(variants):
            (mutated / f"{path.stem} вариант {k}.yaml").write_text(_mutated(text, rng, slips), encoding="utf-8")


def run(src: Path, folder: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(src)
    proc = subprocess.run([sys.executable, "-m", "roadmapctl", "check", "--format", "json", "--no-cache", "."],
                          cwd=folder, env=env, capture_output=True, check=False)
    if proc.returncode not in (0, 1):
        sys.exit(f"check failed ({proc.returncode}): {proc.stderr.decode()[:500]}")
    return proc.stdout.decode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the sources to run (default: this checkout's)")
    parser.add_argument("--save", type=Path, help="write the output here")
    parser.add_argument("--against", type=Path, help="compare the output with this saved one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        make_corpus(Path(tmp))
        output = run(args.src.resolve(), Path(tmp))
    findings = output.count('"code"')
    if args.save:
        args.save.write_text(output, encoding="utf-8")
        print(f"saved: {len(output)} characters, {findings} findings")
    if args.against:
        before = args.against.read_text(encoding="utf-8")
        if before == output:
            print(f"identical: {len(output)} characters, {findings} findings")
            return
        diff = difflib.unified_diff(before.splitlines(), output.splitlines(), "before", "after", lineterm="", n=1)
        print("\n".join(list(diff)[:80]))
        sys.exit("the findings differ")
    if not args.save and not args.against:
        sys.stdout.write(output)


if __name__ == "__main__":
    main()
