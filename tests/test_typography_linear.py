"""RM602 and RM603 scan each text once (issue 29): the linear scans find exactly what the
earlier back-reference regex and the earlier bracket stack found, on hand-picked texts and on
generated ones (the earlier implementations are kept here as the reference)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from roadmapctl.check.rules.typography import (
    _ENUMERATOR,
    _OPENERS,
    _PAIRS,
    _repeats,
    _unbalanced,
)

# The reference: the regex RM602 used before (quadratic on long texts with many words).
_REPEAT = re.compile(r"(?<![^\W\d_])((?:[^\W\d_]+[ \u00a0]+){0,3}[^\W\d_]+)[ \u00a0]+\1(?![^\W\d_])", re.IGNORECASE)


def reference_repeats(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(1)) for m in _REPEAT.finditer(text.replace("\n", " "))]


def linear_repeats(text: str) -> list[tuple[int, int, str]]:
    return [(start, end, text[start:middle].replace("\n", " ")) for start, end, middle in _repeats(text)]


def reference_unbalanced(text: str) -> list[tuple[int, str]]:
    stack: list[tuple[str, int]] = []
    problems: list[tuple[int, str]] = []
    for index, char in enumerate(text):
        if char in _OPENERS:
            stack.append((char, index))
        elif char in _PAIRS:
            opener = _PAIRS[char]
            if char == ")" and not any(o == "(" for o, _ in stack) and _ENUMERATOR.search(text, 0, index + 1):
                continue
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == opener:
                    del stack[k]
                    break
            else:
                problems.append((index, char))
    for opener, index in stack:
        rest = text[index + 1:].rstrip(" .;,")
        if opener == "«" and rest.endswith("»") and rest.count("«") == rest.count("»") and rest.count("«") >= 1:
            continue
        problems.append((index, opener))
    straight = [i for i, c in enumerate(text) if c == '"']
    if len(straight) % 2:
        problems.append((straight[-1], '"'))
    return sorted(problems)


def test_doubled_words_and_phrases_by_hand():
    assert linear_repeats("МБОУ МБОУ «Витимская СОШ»") == [(0, 9, "МБОУ")]
    text = "член рабочей группы член рабочей группы"
    assert linear_repeats(text) == [(0, len(text), "член рабочей группы")]
    assert linear_repeats("Анализ анализ результатов") == [(0, 13, "Анализ")]  # case aside
    assert linear_repeats("МБОУ МБОУШ") == []  # a longer word is not a repeat
    assert linear_repeats("МБОУ,  МБОУ") == []  # only spaces between the two
    assert linear_repeats("план\nплан работы") == [(0, 9, "план")]  # a line break reads as a space
    assert linear_repeats("в школе и в школе") == []  # «и» between them
    assert linear_repeats("работа в школе в школе") == [(7, 22, "в школе")]
    assert linear_repeats("и и и") == [(0, 3, "и")]  # no overlaps: the third «и» stays alone
    assert linear_repeats("2021 2021 год") == []  # numbers are not words


def test_unbalanced_by_hand():
    assert _unbalanced("МО «Баунтовский район»") == []
    assert _unbalanced("МО «Баунтовский эвенкийский район") == [(3, "«")]
    assert _unbalanced("МКУ «Управление образования МО «Баунтовский район»") == []  # the coinciding quote
    assert _unbalanced("1) план; 2) отчёт") == []  # list markers
    assert _unbalanced("план)") == [(4, ")")]
    assert _unbalanced('МБОУ "Школа') == [(5, '"')]
    assert _unbalanced("((((") == [(0, "("), (1, "("), (2, "("), (3, "(")]


_PIECES = st.sampled_from(["МБОУ", "мбоу", "план", "работы", "и", "в", "СОШ", "2021", " ", " ", "  ", "\u00a0", "\n",
                           ",", ".", "«", "»", "(", ")", "1)", "а)", '"', "„", "“", "; "])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_linear_repeats_find_what_the_regex_found(text):
    assert linear_repeats(text) == reference_repeats(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_linear_brackets_find_what_the_stack_found(text):
    assert _unbalanced(text) == reference_unbalanced(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_on_any_text(text):
    assert linear_repeats(text) == reference_repeats(text)
    assert _unbalanced(text) == reference_unbalanced(text)
