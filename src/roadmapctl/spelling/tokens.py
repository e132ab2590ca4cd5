"""The word tokenizer of the spelling rules: Russian words with their places in the text.

A word is a run of Cyrillic letters, hyphenated compounds included («психолого-педагогический»,
«Усть-Джигиндинская»). A run of letters that touches a digit, a Latin letter or an underscore
(«2020-2023гг», «5-х», «COVID-19», «неobjективности») is a code, not a word, and is skipped. A
word broken by a hyphen at a line break (a YAML folded scalar turns «психолого-⏎педагогический»
into «психолого- педагогический») is one word with ``broken`` set: both its spellings (with and
without the hyphen) are for the dictionary to judge.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
_HYPHENS = "-\u2010\u2011"
# Cyrillic letters, hyphenated, in a run of letters, digits and underscores («\w», hyphens
# joining) that holds nothing else: a run with a digit, a Latin letter or "_" is a code
_WORD_RUN = re.compile(rf"(?<!\w)(?<!\w[{_HYPHENS}])[{CYRILLIC}]+(?:[{_HYPHENS}][{CYRILLIC}]+)*(?!\w)(?![{_HYPHENS}]\w)")
# a hyphen, then spaces or one line break: the gap between the halves of a word broken at a line end
_BREAK = re.compile(rf"[{_HYPHENS}](?:[ \t\u00a0]+\n?[ \t\u00a0]*|\n[ \t\u00a0]*)")


class Word(NamedTuple):
    start: int          # offset of the first letter in the text
    end: int            # offset after the last letter
    text: str           # the word; a broken word is joined with a plain hyphen («психолого-педагогический»)
    head_end: int       # end of the part before a line-break hyphen (== end when not broken)
    broken: bool = False

    @property
    def parts(self) -> list[str]:
        return self.text.split("-")

    @property
    def solid(self) -> str:
        """A broken word without the hyphen of its break («оце- ночных» → «оценочных»)."""
        if not self.broken:
            return self.text
        head = self.head_end - self.start
        return self.text[:head] + self.text[head + 1:]


def _normal_hyphens(text: str) -> str:
    if "\u2010" not in text and "\u2011" not in text:
        return text
    return text.replace("\u2010", "-").replace("\u2011", "-")


def tokenize(text: str) -> list[Word]:
    """The Russian words of ``text`` in order; codes and numbers are left out. Texts are read
    again and again (every check of an edited file in the editor): their words are remembered."""
    return list(_tokenize(text))


@lru_cache(maxsize=16384)
def _tokenize(text: str) -> tuple[Word, ...]:
    words: list[Word] = []
    matches = list(_WORD_RUN.finditer(text))
    count = len(matches)
    index = 0
    size = len(text)
    while index < count:
        match = matches[index]
        index += 1
        start, end = match.span()
        joined = _normal_hyphens(match.group())
        # «психолого-⏎педагогический» folded to «психолого- педагогический»: one word
        if end < size and text[end] in _HYPHENS and index < count:
            after = matches[index]
            if after.group()[0].islower() and _BREAK.fullmatch(text, end, after.start()):
                words.append(Word(start, after.end(), joined + "-" + _normal_hyphens(after.group()), end, True))
                index += 1
                continue
        words.append(Word(start, end, joined, end, False))
    return tuple(words)


def words_of(text: str) -> list[str]:
    """Just the words of ``text`` as written, each part of a broken word apart (for counting)."""
    return _WORD_RUN.findall(text)


class Glued(NamedTuple):
    """A word written against a number without a space: «2015учебного», «от20.05.2014»."""

    start: int          # offset of the first character of the glued pair
    end: int            # offset after its last character
    split: int          # offset where the space belongs
    word: str           # the word of the pair («учебного», «от»)


# a number glued to a word after it («2011-2013годах») or a word glued to a number after it
# («на2014-2018», «от20.05.2014»); a hyphen between them («5-х», «1-й») is an ordinary form
_NUMBER_THEN_WORD = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)([а-яё]{3,})(?!\w)")
_WORD_THEN_NUMBER = re.compile(rf"(?<![{_HYPHENS}\w])([А-ЯЁа-яё][а-яё]+)(\d+(?:[.,]\d+)*)(?![\w])")


def glued_to_numbers(text: str) -> list[Glued]:
    """Words glued to a number in ``text`` (the tokenizer leaves them out as codes), in order.

    Only lower-case words (a capitalised one before a number) are taken: «МБОУ2», «ФЗ-273» and
    «COVID-19» are codes, «5-х» has its hyphen.
    """
    return list(_glued_to_numbers(text)) if _DIGIT.search(text) else []


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=16384)
def _glued_to_numbers(text: str) -> tuple[Glued, ...]:
    found = [Glued(m.start(), m.end(), m.end(1), m.group(2)) for m in _NUMBER_THEN_WORD.finditer(text)]
    found += [Glued(m.start(), m.end(), m.end(1), m.group(1)) for m in _WORD_THEN_NUMBER.finditer(text)]
    return tuple(sorted(found))

