"""Build ``src/roadmapctl/spelling/ru_RU/forms.txt.gz``: the word forms of hunspell's ru_RU
dictionary (``ru_RU.aff``/``ru_RU.dic`` beside it, LibreOffice's) that pymorphy3's dictionary lacks.

hunspell's ru_RU uses suffixes only (no prefixes, no compounding, no continuation classes), so
its forms are each stem of ``ru_RU.dic`` and the stem with each suffix rule of each of its
flags whose condition the stem meets. The spelling rules read this list (~10 ms to load,
searched by bisection) instead of loading the dictionary through spylls (1.5–7 s a process);
``tests/test_spelling_corpus.py`` checks the list against spylls, the Python port of hunspell.

Run after replacing ru_RU.aff/ru_RU.dic:  python tools/hunspell_forms.py
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "src" / "roadmapctl" / "spelling" / "ru_RU"


def suffix_rules(aff: str) -> dict[str, list[tuple[str, str, re.Pattern[str]]]]:
    """flag → (strip, add, condition at the end of the stem) of each SFX rule."""
    rules: dict[str, list[tuple[str, str, re.Pattern[str]]]] = {}
    for line in aff.splitlines():
        fields = line.split()
        if len(fields) >= 5 and fields[0] == "SFX":
            flag, strip, add, condition = fields[1], fields[2], fields[3], fields[4]
            strip = "" if strip == "0" else strip
            add = "" if add == "0" else add.split("/")[0]
            rules.setdefault(flag, []).append((strip, add, re.compile("(?:" + condition + ")$")))
        elif fields[:1] == ["PFX"]:
            raise SystemExit("ru_RU.aff has prefixes: this expansion handles suffixes only")
    return rules


def forms(aff: str, dic: str):
    """Every word form the dictionary accepts (as written in it; hunspell also accepts them
    capitalised and in capitals)."""
    rules = suffix_rules(aff)
    for line in dic.splitlines()[1:]:
        stem, _slash, flags = line.strip().partition("/")
        if not stem:
            continue
        yield stem
        for flag in flags:
            for strip, add, condition in rules.get(flag, ()):
                if condition.search(stem) and stem.endswith(strip):
                    yield stem[:len(stem) - len(strip)] + add


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from roadmapctl.spelling.lexicon import in_dictionary

    aff = (HERE / "ru_RU.aff").read_text(encoding="utf-8")
    dic = (HERE / "ru_RU.dic").read_text(encoding="utf-8")
    everything = {form.lower() for form in forms(aff, dic)}
    missing = sorted(form.encode("utf-8") for form in everything if not in_dictionary(form))  # bytes order: binary search
    data = b"".join(form + b"\n" for form in missing)
    (HERE / "forms.txt.gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{len(everything)} forms in ru_RU, {len(missing)} of them not in pymorphy3's dictionary")


if __name__ == "__main__":
    main()
