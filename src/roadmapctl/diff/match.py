"""Pairing the activities of two versions of a roadmap.

An activity keeps its identity through a renumbering: pairs are found first by identical text
(same number first), then by number when the texts are still alike, then by text similarity, and
last by number alone among what is left. A pair whose numbers differ is a move ("moved").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations

from roadmapctl.document.model import Placed
from roadmapctl.textutil import fold_case

SIMILAR = 0.6  # similarity from which two texts are taken for the same activity
SAME_NUMBER = 0.35  # with the same number (and table) less similarity is enough
_WORD = re.compile(r"\w+", re.UNICODE)


def folded_words(text: str) -> list[str]:
    """The words of ``text`` (runs of word characters), each as :func:`fold_case` gives it."""
    return [fold_case(w) for w in _WORD.findall(text or "")]


def normalized(text: str) -> str:
    return " ".join(folded_words(text))


def similarity(a: str, b: str) -> float:
    """A token-based ratio in [0, 1]: the better of the word-sequence ratio and the token-set
    (Dice) ratio, so that reordered words and small edits both still read as the same text."""
    return _similarity(folded_words(a), folded_words(b))


def _similarity(wa: list[str], wb: list[str], sa: set | None = None, sb: set | None = None) -> float:
    if not wa and not wb:
        return 1.0
    if not wa or not wb:
        return 0.0
    sa = set(wa) if sa is None else sa
    sb = set(wb) if sb is None else sb
    dice = 2 * len(sa & sb) / (len(sa) + len(sb))
    if dice < 0.2:
        return dice
    sequence = SequenceMatcher(None, wa, wb, autojunk=False).ratio()
    return max(sequence, dice)


BEST = 8  # old texts scored per new text at most (besides the one under the same key)
SCAN = 512  # entries of the word index read per new text at most, rarest words first


RARE_WORDS = 6  # the rarest words of a text whose pairs the index also knows it by


def _terms(distinct: set[str], frequency: Counter[str]) -> set[str]:
    """What the index knows a text by: its words, and the pairs (in any order) of its rarest
    words known to the index. A pair is rare even where every word is common (texts made of the
    usual vocabulary), and survives reordered words."""
    rare = sorted((w for w in distinct if w in frequency), key=lambda w: (frequency[w], w))[:RARE_WORDS]
    return distinct | {f"{a} {b}" for a, b in combinations(sorted(rare), 2)}


def _likely(words: set[str], postings: dict[str, list[int]]) -> list[int]:
    """The old texts (by index) that share most of the rarest of ``words`` (words and pairs of
    words), at most :data:`BEST`, found by reading at most :data:`SCAN` entries of the index
    ``postings`` (term → old indices, ascending): rare terms name few texts and say the most, so
    they are read first."""
    hits: dict[int, int] = {}
    budget = SCAN
    for word in sorted((w for w in words if w in postings), key=lambda w: (len(postings[w]), w)):
        found = postings[word]
        for i in found[:budget]:
            hits[i] = hits.get(i, 0) + 1
        budget -= len(found)
        if budget <= 0:
            break
    return sorted(hits, key=lambda i: (-hits[i], i))[:BEST]


@dataclass
class Pair:
    old: Placed | None
    new: Placed | None
    score: float = 1.0

    @property
    def moved(self) -> bool:
        return self.old is not None and self.new is not None and self.old.activity.number != self.new.activity.number


def _key(placed: Placed) -> tuple[int, str]:
    return placed.table_index, placed.activity.number.strip()


def pair_up(old: list[tuple[object, str]], new: list[tuple[object, str]]) -> list[tuple[int | None, int | None, float]]:
    """Pair items given as (key, text): the same key and text; the same text; similar texts
    (a shared key lowers the bar); the same key. Returns (old index, new index, score) in the new
    order, each unpaired old item right after the pair that preceded it in the old order."""
    old_left = set(range(len(old)))
    new_left = set(range(len(new)))
    paired: dict[int, int] = {}  # new index → old index
    scores: dict[int, float] = {}

    def take(i: int, j: int, score: float) -> None:
        old_left.discard(i)
        new_left.discard(j)
        paired[j] = i
        scores[j] = score

    old_words = [folded_words(text) for _, text in old]
    new_words = [folded_words(text) for _, text in new]
    old_sets = [set(w) for w in old_words]
    new_sets = [set(w) for w in new_words]
    old_text = [" ".join(w) for w in old_words]
    new_text = [" ".join(w) for w in new_words]

    def score(i: int, j: int) -> float:
        return _similarity(old_words[i], new_words[j], old_sets[i], new_sets[j])

    # 1. The same key and the same text.
    by_key: dict[object, list[int]] = {}
    for i, (key, _) in enumerate(old):
        if key is not None:
            by_key.setdefault(key, []).append(i)
    for j, (key, _) in enumerate(new):
        for i in by_key.get(key, []) if key is not None else []:
            if i in old_left and old_text[i] == new_text[j]:
                take(i, j, 1.0)
                break

    # 2. The same text under another key: a renumbering or a move (in document order).
    by_text: dict[str, list[int]] = {}
    for i in sorted(old_left, reverse=True):
        by_text.setdefault(old_text[i], []).append(i)  # the first in document order last
    for j in sorted(new_left):
        same_text = by_text.get(new_text[j]) if new_text[j] else None
        if same_text:
            take(same_text.pop(), j, 1.0)

    # 3. The best remaining pairs by similarity; a shared key lowers the bar and counts for more.
    #    Only likely pairs are scored: for each new text the old ones that share its rarest words
    #    (and the one under its key), the best few of them (no comparison of every pair).
    frequency = Counter(word for i in old_left for word in old_sets[i])
    postings: dict[str, list[int]] = {}
    for i in sorted(old_left):
        for term in _terms(old_sets[i], frequency):
            postings.setdefault(term, []).append(i)
    candidates: list[tuple[float, int, int]] = []
    for j in sorted(new_left):
        likely = _likely(_terms(new_sets[j], frequency), postings)
        key = new[j][0]
        if key is not None:
            likely.extend(i for i in by_key.get(key, []) if i in old_left and i not in likely)
        for i in likely:
            value = score(i, j)
            same = key is not None and old[i][0] == key
            if value >= (SAME_NUMBER if same else SIMILAR):
                candidates.append((value + (0.1 if same else 0.0), i, j))
    candidates.sort(key=lambda c: (-c[0], c[2], c[1]))
    for value, i, j in candidates:
        if i in old_left and j in new_left:
            take(i, j, min(value, 1.0))

    # 4. What is left under the same key is the same row rewritten.
    for j in sorted(new_left):
        key = new[j][0]
        for i in by_key.get(key, []) if key is not None else []:
            if i in old_left:
                take(i, j, score(i, j))
                break

    out: list[tuple[int | None, int | None, float]] = []
    after: dict[int, list[int]] = {}
    old_to_new = {i: j for j, i in paired.items()}
    anchor = -1
    for i in range(len(old)):
        if i in old_to_new:
            anchor = old_to_new[i]
        else:
            after.setdefault(anchor, []).append(i)
    out.extend((i, None, 0.0) for i in after.get(-1, []))
    for j in range(len(new)):
        out.append((paired.get(j), j, scores.get(j, 0.0)))
        out.extend((i, None, 0.0) for i in after.get(j, []))
    return out


def match_activities(old: list[Placed], new: list[Placed]) -> list[Pair]:
    """Every activity of both versions in exactly one pair, in the order of the new document."""
    found = pair_up([(_key(p), p.activity.text) for p in old], [(_key(p), p.activity.text) for p in new])
    return [Pair(old[i] if i is not None else None, new[j] if j is not None else None, score) for i, j, score in found]
