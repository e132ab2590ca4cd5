"""Every bundled roadmap against its seed text: rows, texts, deadlines and parties as written."""

from __future__ import annotations

import re

import pytest

from roadmapctl.document.build import build_roadmap
from roadmapctl.loading import load_path

from conftest import ROADMAPS, SEEDS

# file → (seed, numbered rows per table), counts from the issue, read off the documents by hand
EXPECTED = {
    "baunt-2021-2022.yaml": ("000_23b71da14f8a7190.txt", [63]),
    "mtsensk-2021-2022.yaml": ("001_f0c28d3495ab3f3d.txt", [40]),
    "tula-2020-2021.yaml": ("002_820e2fa0cfbfe82f.txt", [21]),
    "slavsk-2022-2023.yaml": ("003_06c0dded78004c3d.txt", [16, 8]),
    "aban-2020-2023.yaml": ("004_daa938e4f0d2d9c4.txt", [30]),
}


def normalize(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.replace("**", " ").replace("***", " ")
    return re.sub(r"\s+", " ", text).strip()


def pieces_needed(text: str, haystack: str, limit: int = 6, shortest: int = 15) -> int:
    """How many contiguous pieces of the seed ``text`` is made of: a row split by a page break
    and joined back is two long pieces; an edited word breaks the text into short ones."""
    text = normalize(text)
    count = 0
    while text:
        count += 1
        if count > limit:
            return count
        low, high = 0, len(text)
        while low < high:  # longest prefix present in the seed
            mid = (low + high + 1) // 2
            if text[:mid] in haystack:
                low = mid
            else:
                high = mid - 1
        if low == 0 or (low < min(shortest, len(text))):
            return limit + 1
        text = text[low:].strip()
    return count


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def pair(request):
    seed, counts = EXPECTED[request.param]
    roadmap = build_roadmap(load_path(ROADMAPS / request.param))
    return roadmap, normalize((SEEDS / seed).read_text(encoding="utf-8")), counts


def test_all_five_roadmaps_are_bundled():
    assert sorted(p.name for p in ROADMAPS.glob("*.yaml")) == sorted(EXPECTED)


def test_numbered_rows_per_table(pair):
    roadmap, _seed, counts = pair
    per_table = [0] * len(roadmap.tables)
    for placed in roadmap.placed_activities():
        per_table[placed.table_index] += 1
    assert per_table == counts


def test_total_is_178_rows():
    total = sum(len(list(build_roadmap(load_path(ROADMAPS / name)).activities())) for name in EXPECTED)
    assert total == 178


def test_every_activity_number_stands_at_a_row_start_in_the_seed(pair):
    roadmap, _seed, _counts = pair
    seed_name = EXPECTED[roadmap.file.split("/")[-1]][0]
    raw = (SEEDS / seed_name).read_text(encoding="utf-8")
    starts = {line.split("\t", 1)[0].strip() for line in raw.splitlines() if "\t" in line}
    for activity in roadmap.activities():
        assert activity.number in starts, activity.number


def test_texts_are_as_written_in_the_seed(pair):
    roadmap, seed, _counts = pair
    for activity in roadmap.activities():
        assert pieces_needed(activity.text, seed) <= 2, (activity.number, activity.text)
        for item in activity.subitems:
            assert pieces_needed(item.text, seed) <= 2, (activity.number, item.text)
        if activity.result:
            assert pieces_needed(activity.result, seed) <= 2, (activity.number, activity.result)
        if activity.deadline:
            assert normalize(activity.deadline) in seed, (activity.number, activity.deadline)


def test_party_names_are_as_written_in_the_seed(pair):
    roadmap, seed, _counts = pair
    for activity in roadmap.activities():
        for ref in activity.responsible:
            assert pieces_needed(ref.name, seed) <= 2, (activity.number, ref.name)


def test_section_titles_are_as_written(pair):
    roadmap, seed, _counts = pair
    for _index, path in roadmap.sections():
        assert normalize(path[-1].title) in seed, path[-1].title


def test_bundled_roadmaps_are_in_the_canonical_layout():
    from roadmapctl.format import format_bytes

    for path in sorted(ROADMAPS.glob("*.yaml")):
        data = path.read_bytes()
        assert format_bytes(data, str(path)) == data, f"{path.name}: run roadmapctl fmt roadmaps/"
