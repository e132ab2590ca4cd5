"""The five seed documents (tests/fixtures/seeds, tab-separated text as extracted from Word) in
the other text forms a user brings: cells separated by «|» must import to exactly the same
activities; one cell per line (empty cells lost, as when copying from a PDF viewer) must give
every row and, for nearly all of them, the same texts, deadlines and responsible parties."""

from __future__ import annotations

import pytest

from roadmapctl.importer import import_bytes

from conftest import SEEDS, activities_by_number

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _key(text: str, name: str) -> dict:
    data = import_bytes(text.encode("utf-8"), name).data
    return {number: (a["мероприятие"], a.get("срок"), a.get("ответственные"), a.get("ожидаемый_результат"))
            for number, a in activities_by_number(data).items()}


def _pipes(raw: str) -> str:
    return "\n".join(("| " + " | ".join(line.split("\t")) + " |") if "\t" in line else line for line in raw.split("\n"))


def _one_cell_per_line(raw: str) -> str:
    return "\n".join("\n".join(c.strip() for c in line.split("\t") if c.strip()) if "\t" in line else line
                     for line in raw.split("\n"))


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.name[:3] for p in SEED_FILES])
def test_pipe_form_imports_the_same(path):
    raw = path.read_text(encoding="utf-8")
    assert _key(_pipes(raw), path.name) == _key(raw, path.name)


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.name[:3] for p in SEED_FILES])
def test_one_cell_per_line_finds_every_row(path):
    raw = path.read_text(encoding="utf-8")
    expected = _key(raw, path.name)
    got = _key(_one_cell_per_line(raw), path.name)
    assert list(got) == list(expected)  # every activity, in order, with its number
    texts = sum(1 for n in expected if got[n][0] == expected[n][0])
    whole = sum(1 for n in expected if got[n][:3] == expected[n][:3])
    assert texts >= 0.9 * len(expected)
    assert whole >= 0.85 * len(expected)
