"""The shortcuts check takes for speed answer as the plain definitions they replace.

Each shortcut is compared, on generated texts, with a plain definition written out here: the
bounded edit distance with a full table, the pre-test of RM605 against its five patterns, the
lone-letter search of RM606 against the search it replaced, the words counted for suggestions
against the tokenizer's own word search, and the node walk without a memory of seen nodes
against the one with it.
"""

from __future__ import annotations

import re

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from roadmapctl.check.rules.spelling import _written_words
from roadmapctl.check.rules.typography import _LONE_LETTER, _ONE_LETTER_WORDS, _SPACES, _may_space
from roadmapctl.loading.document import walk_nodes
from roadmapctl.spelling.tokens import words_of
from roadmapctl.textutil import distance


def _plain_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance by the full table, capped at ``limit + 1``."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        table[i][0] = i
    for j in range(len(b) + 1):
        table[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1,
                              table[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    return min(table[len(a)][len(b)], limit + 1)


names = st.text(alphabet="абвгоa1", max_size=9)


@settings(max_examples=600, deadline=None)
@given(a=names, b=names, limit=st.integers(0, 3))
def test_distance_is_the_full_table(a, b, limit):
    assert distance(a, b, limit) == _plain_distance(a, b, limit)


@settings(max_examples=300, deadline=None)
@given(middle_a=names, middle_b=names, head=names, tail=names)
def test_distance_of_names_alike_at_both_ends(middle_a, middle_b, head, tail):
    a, b = head + middle_a + tail, head + middle_b + tail
    assert distance(a, b, 2) == _plain_distance(a, b, 2)


def test_distance_written_out():
    assert distance("ЦНППМ", "ЦНППИМ", 2) == 1  # a letter more inside
    assert distance("управление образования", "управление образованя", 2) == 1
    assert distance("abcd", "badc", 3) == 2  # two swaps
    assert distance("abc", "abcdef", 2) == 3  # more than the limit: limit + 1


spaced = st.text(alphabet=" \u00a0\t\nаб;:!?)».,«(", max_size=12)


@settings(max_examples=800, deadline=None)
@given(text=spaced)
def test_spacing_pretest_misses_no_finding(text):
    if any(pattern.search(text) for pattern, *_rest in _SPACES):
        assert _may_space(text)


def test_spacing_pretest_written_out():
    assert _may_space("текст ;")          # a space before a sign
    assert _may_space("«\u00a0текст»")    # after an opening quote
    assert _may_space(" текст")           # at the start
    assert _may_space("текст\t")          # at the end
    assert _may_space("строка \nдругая")  # at a line's end
    assert _may_space("срок:\u00a0\u00a0март")  # two non-breaking spaces
    assert _may_space("январь\u00a0, ежегодно")  # a non-breaking space before a comma
    assert not _may_space("Обычный текст, без лишних пробелов.")


_OLD_LONE_LETTER = re.compile(r"(?<![\w./\-])([А-Яа-яЁё])(?![\w./)\-])")


@settings(max_examples=800, deadline=None)
@given(text=st.text(alphabet="абвхХЁё ./-)\n1_x", max_size=10))
def test_lone_letter_search_is_the_old_one(text):
    old = [m.span() for m in _OLD_LONE_LETTER.finditer(text) if m.group(1) not in _ONE_LETTER_WORDS]
    assert [m.span() for m in _LONE_LETTER.finditer(text)] == old


def test_lone_letter_written_out():
    text = "компетентности х педагогов, п/п, 2021 г, в школе"
    assert [m.group(1) for m in _LONE_LETTER.finditer(text)] == ["х", "г"]  # «в» is a word; RM606 skips «г» after a number


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet="абвАБ-\u2010\u2011 \n1x_", max_size=14))
def test_counted_words_are_the_tokenizer_search(text):
    assert list(_written_words(text)) == words_of(text)


def test_counted_words_written_out():
    assert list(_written_words("психолого-\n  педагогический и 5-х")) == ["психолого", "педагогический", "и"]


@settings(max_examples=200, deadline=None)
@given(data=st.recursive(st.text(alphabet="аб1", max_size=3),
                         lambda children: st.lists(children, max_size=3)
                         | st.dictionaries(st.text(alphabet="вг", min_size=1, max_size=2), children, max_size=3),
                         max_leaves=12))
def test_walk_without_aliases_is_the_walk(data):
    root = yaml.compose(yaml.safe_dump(data, allow_unicode=True), Loader=yaml.CSafeLoader)
    assert [id(n) for n in walk_nodes(root, aliases=False)] == [id(n) for n in walk_nodes(root)]


def test_spacing_with_non_breaking_spaces_is_found():
    """Two non-breaking spaces, or one before a comma: the old pre-test let RM605 skip them."""
    from roadmapctl.check.runner import check_source
    from roadmapctl.loading import Source

    text = 'мероприятие: "Январь\u00a0, ежегодно"\nсрок: "март\u00a0\u00a0ежегодно"\n'
    found = [(d.span.line, d.span.column, d.span.end_line, d.span.end_column, d.message)
             for d in check_source(Source(name="C:\\Карты\\пробелы.yaml", text=text)) if d.code == "RM605"]
    assert found == [(1, 21, 1, 22, "пробел перед знаком препинания"), (2, 12, 2, 14, "двойной пробел")]
