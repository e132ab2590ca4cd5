"""RM7xx: spelling of official text — unknown words, abbreviation and name variants.

The words come from ``spelling.tokens``; what is a Russian word, from ``spelling.lexicon``
(pymorphy3's dictionary, loaded on the first word a rule asks about, then hunspell's ru_RU forms).
Two words glued by a lost space are caught by the lexicon's ``splits`` («учебномугоду») and, for
words with a capital inside («вНовгородской», «РоссийскойФедерации») or capitalised ones that
would pass for names («Псковскойобласти»), here. Names are not misspellings: a
capitalised word inside a sentence, a surname beside initials and the words of the roadmap's
own directory (participants, schools, pairs, authority, municipality) are names. Their slips
are caught another way: by comparing the spellings of one roadmap with each other (RM702, RM703).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Iterable

from yaml.nodes import MappingNode, ScalarNode

from roadmapctl.check.diagnostics import Severity
from roadmapctl.check.registration import Finding, rule
from roadmapctl.loading.document import scalar_text
from roadmapctl.spelling.lexicon import (
    INFLECTION_ENDINGS,
    SHORT_FORMS,
    domain_abbreviations,
)
from roadmapctl.spelling.tokens import Word, glued_to_numbers, tokenize
from roadmapctl.textutil import fold_case, plural, within_one_edit

# parts of the document that name people, schools and bodies: their capitalised words are names
_DIRECTORY_KEYS = frozenset({"участники", "школы", "пары", "орган", "муниципалитет", "регион"})
_INITIALS_BEFORE = re.compile(r"(?:[А-ЯЁ]\.[ \u00a0]?){1,2}[ \u00a0]?$")
_INITIALS_AFTER = re.compile(r"^[ \u00a0]?(?:[А-ЯЁ]\.[ \u00a0]?){1,2}")
_VOWELS = frozenset("аеёиоуыэюяАЕЁИОУЫЭЮЯ")
_CAMEL = re.compile(r"[а-яё][А-ЯЁ]")  # a capital after a small letter: two words glued («вНовгородской»)
# the suffix and ending of a name («Витим|ская», «Репьев|ского»): not a word glued to the name;
# nor is the first part of a compound name, joined by «о» or «е» («Горно|уральского», «Красно|полянской»)
_NAME_SUFFIX = re.compile(r"(?:ск|цк|ов|ев|ин)(?:ий|ый|ая|ое|ие|ые|ого|ому|ой|им|ым|их|ых|ими|ыми|ую|ом|а|у|е|ы)")
_CAMEL_PIECES = re.compile(r"[А-ЯЁа-яё][а-яё]*")
# a preposition, conjunction or particle of one letter glued to the next word («вНовгородской»)
_GLUE_SHORT = frozenset(("в", "с", "к", "о", "у", "и", "а"))
_GAP = re.compile(r"[ \u00a0]*\n?[ \u00a0]*")


@dataclass(slots=True)
class _Occurrence:
    word: Word
    node: ScalarNode
    # whether the word opens a sentence, and whether it stands beside initials (a name); None:
    # not looked at yet (a capitalised word's context is read only when a rule asks)
    starts: bool | None = False
    initials: bool | None = False
    words: list | None = None  # every word of the scalar (for a word torn in two), and this one's index
    index: int = 0

    @property
    def sentence_start(self) -> bool:
        if self.starts is None:
            self.starts = _sentence_start(self.node.value, self.word.start)
        return self.starts

    @property
    def name(self) -> bool:
        """Beside initials: a surname."""
        if self.initials is None:
            self.initials = _beside_initials(self.node.value, self.word)
        return self.initials


@dataclass
class _Spelling:
    """The words of one document, classified once for the three rules."""

    lower: list[_Occurrence] = field(default_factory=list)                    # words in lower case the lexicon lacks
    titled: list[_Occurrence] = field(default_factory=list)
    capitals: list[_Occurrence] = field(default_factory=list)
    camel: list[_Occurrence] = field(default_factory=list)                    # «вНовгородской», «РоссийскойФедерации»
    directory: frozenset[str] = frozenset()                                   # folded names of the directory
    directory_words: dict[str, str] = field(default_factory=dict)             # folded → as written
    abbreviations: set[str] = field(default_factory=set)                      # folded abbreviations of the document


def _is_title(text: str) -> bool:
    """«Витимская», «Усть-Джигиндинская», «А-Ключинская»: each part capitalised, the rest lower."""
    parts = text.split("-")
    return all(p[:1].isupper() and p[1:].islower() for p in parts if len(p) > 1) and text[:1].isupper() and any(len(p) > 1 for p in parts)


def _is_capitals(text: str) -> bool:
    letters = text.replace("-", "")
    return len(letters) > 1 and letters.isupper()


_WORD_BEFORE_DOT = re.compile(r"([^\W\d_]+)\.$")


def _sentence_start(text: str, start: int) -> bool:
    begin = max(0, start - 40)
    before = text[begin:start].rstrip(" \t\u00a0«\"„“(")
    if not before:
        return begin == 0
    if before.endswith("\n"):
        return True
    last = before[-1]
    if last in "!?…":
        return True
    if last in "-–—•" and (len(before) == 1 or before[-2] == "\n"):
        return True  # a bullet at the start of a line
    if last == ".":
        previous = _WORD_BEFORE_DOT.search(before)
        if previous is None:
            return True  # «1.1. Создание …»: a number and a dot open a sentence
        word = previous.group(1)
        return len(word) > 1 and fold_case(word) not in SHORT_FORMS and not word.isupper()
    return False


def _beside_initials(text: str, word: Word) -> bool:
    """«Гомбоева В.М.», «А.А.Реана», «Е.В.ТАРАБАНОВА»: a surname."""
    return bool(_INITIALS_BEFORE.search(text[max(0, word.start - 8):word.start])
                or _INITIALS_AFTER.match(text[word.end:word.end + 8]))


def _directory_names(ctx) -> dict[str, str]:
    names: dict[str, str] = {}

    def add(text: str) -> None:
        for word in tokenize(text):
            for part in word.text.split("-"):
                if len(part) > 1 and part[:1].isupper():
                    names.setdefault(fold_case(part), part)

    root = ctx.doc.root
    if isinstance(root, MappingNode):
        for key_node, value in root.value:
            if scalar_text(key_node) == "участники" and isinstance(value, MappingNode):
                for party_key, _party in value.value:
                    if isinstance(party_key, ScalarNode):
                        add(party_key.value)
    for path, node in ctx.text_scalars():
        if (path and path[0] in _DIRECTORY_KEYS) or "фио" in path:
            add(node.value)
    return names


# What a word is for the spelling rules, by its spelling alone (``_kind``): remembered per lexicon,
# so that each distinct word of a document (and of the documents a process checks) is judged once.
_SKIP, _KNOWN, _LOWER, _HYPHENED, _CAPITALS, _TITLED, _CAMEL_WORD = range(7)
_SHORT = 8  # added to the kind: the word is a short form when a dot follows it («ул.»)
_kinds: dict[frozenset[str], dict[str, int]] = {}
_TEXT, _BROKEN = itemgetter(2), itemgetter(4)  # Word.text, Word.broken (read in C)


def _kind(written: str, known) -> int:
    kind = _KNOWN
    if len(written) < 2:
        return _SKIP
    if written.islower():
        if "-" in written and len(written.replace("-", "")) < 2:
            kind = _SKIP
        elif not known(written):
            kind = _LOWER  # unless it is a broken word whose solid form is known: see _collect
    elif _is_capitals(written):
        kind = _CAPITALS
    elif _is_title(written):
        kind = _TITLED
    elif "-" in written and written[1:].islower():
        # «Санитарно-эпидемиологические» at the start of a name or a sentence: its parts after
        # the first are ordinary words
        if not known(written):
            kind = _HYPHENED
    elif "-" not in written and _CAMEL.search(written):
        kind = _CAMEL_WORD
    return kind + (_SHORT if fold_case(written) in SHORT_FORMS else 0)


def _word_kinds(lex) -> dict[str, int]:
    kinds = _kinds.get(lex.entries)
    if kinds is None or len(kinds) > 200_000:
        kinds = _kinds[lex.entries] = {}
    return kinds


def _collect(ctx) -> _Spelling:
    result = _Spelling()
    result.directory_words = _directory_names(ctx)
    result.directory = frozenset(result.directory_words)
    lex = _lexicon(ctx)
    known = lex.known
    kinds = _word_kinds(lex)
    lower, titled, capitals, camel = result.lower, result.titled, result.capitals, result.camel
    for _path, node in ctx.text_scalars():
        text = node.value
        words = tokenize(text)
        judged = list(map(kinds.get, map(_TEXT, words)))  # looked up in C; most words are known
        if judged.count(_KNOWN) == len(judged):
            continue
        for index, kind in enumerate(judged):
            if kind == _KNOWN:
                continue
            word = words[index]
            written = word.text
            if kind is None:
                kind = kinds[written] = _kind(written, known)
            if kind >= _SHORT:
                if text[word.end:word.end + 1] == ".":
                    continue  # «Кл. руководитель», «ул. Ленина»: a short form
                kind -= _SHORT
            if kind <= _KNOWN:
                continue
            if kind == _LOWER:
                if not (word.broken and known(word.solid)):
                    lower.append(_Occurrence(word, node, words=words, index=index))
            elif kind == _HYPHENED:
                lower.append(_Occurrence(word, node, words=words, index=index))
            elif kind == _CAPITALS:
                capitals.append(_Occurrence(word, node, words=words, index=index))
                result.abbreviations.add(fold_case(written))
            elif kind == _TITLED:
                titled.append(_Occurrence(word, node, None, None, words, index))
            else:
                camel.append(_Occurrence(word, node, words=words, index=index))
    return result


def _counts(ctx) -> Counter:
    """How often each word (folded) occurs in the document: suggestions prefer the document's words."""
    written: Counter = Counter()
    for _path, node in ctx.text_scalars():
        written.update(_written_words(node.value))
    counts: Counter = Counter()
    for word, count in written.items():  # each spelling folded once
        counts[fold_case(word)] += count
    return counts


def _written_words(text: str) -> Iterable[str]:
    """``words_of(text)`` from the words ``tokenize`` found (remembered per text): each word as
    written, the two halves of a word broken at a line end apart."""
    words = tokenize(text)
    if "\u2010" not in text and "\u2011" not in text and not any(map(_BROKEN, words)):
        return map(_TEXT, words)  # each word's text is the text as written
    out: list[str] = []
    for word in words:
        if word.broken:
            second = len(word.text) - (word.head_end - word.start) - 1  # after the break's hyphen
            out += (text[word.start:word.head_end], text[word.end - second:word.end])
        else:
            out.append(text[word.start:word.end])
    return out


def _spelling(ctx) -> _Spelling:
    return ctx.shared("spelling", _collect)


def _lexicon(ctx):
    from roadmapctl.spelling.lexicon import lexicon

    return lexicon(tuple(ctx.config.spelling_words) if ctx.config is not None else ())


def _names_match(word: str, names: set[str] | frozenset[str]) -> bool:
    """A form of a directory name: «Абанского» for «Абанский», «Витимской» for «Витимская»."""
    folded = fold_case(word)
    if folded in names:
        return True
    for name in _by_beginning(frozenset(names)).get(folded[:4], ()):
        shortest = min(len(name), len(folded))
        need = max(4, shortest - 3)
        if shortest >= need and folded[:need] == name[:need] and abs(len(name) - len(folded)) <= 3:
            return True
    return False


@lru_cache(maxsize=64)
def _by_beginning(names: frozenset[str]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for name in sorted(names):
        index.setdefault(name[:4], []).append(name)
    return index


def _is_known_abbreviation(text: str, spelling: _Spelling, document: bool = True) -> bool:
    """An abbreviation of the domain list, or (``document``) one the document writes in capitals."""
    upper = text.upper().replace("Ё", "Е")
    return upper in domain_abbreviations() or (document and fold_case(text) in spelling.abbreviations)


def _shown(occurrence: _Occurrence, end: int | None = None) -> str:
    word = occurrence.word
    return re.sub(r"\s+", " ", occurrence.node.value[word.start:word.end if end is None else end])


def _span(ctx, occurrence: _Occurrence, end: int | None = None):
    word = occurrence.word
    return ctx.locate(occurrence.node, word.start, word.head_end if end is None else end)


def unknown_words(ctx):
    """(occurrence, suggestions, how) for every word the dictionary and the lists do not know.

    ``how`` is None for a word to correct, ``"abbreviation"`` for a known abbreviation written in
    lower case («Сош»), or the second half of a word torn by a space («оце ночных»).
    """
    spelling = _spelling(ctx)
    lex = _lexicon(ctx)
    candidates: list[_Occurrence] = list(spelling.lower)
    glued: list[tuple[_Occurrence, list[str], str]] = []
    for occurrence in spelling.titled:
        text = occurrence.word.text
        if "-" not in text and _is_known_abbreviation(text, spelling):
            candidates.append(occurrence)  # «Сош» for «СОШ»: wherever it stands
            continue
        if lex.known(text):
            continue  # a known word is no candidate below, nor two glued (_glued_name): its context is not read
        if occurrence.sentence_start and not occurrence.name and not all(
                _names_match(part, spelling.directory) for part in text.split("-") if len(part) > 1):
            candidates.append(occurrence)
        elif len(text) >= 10 and not occurrence.name:  # a shorter word is never two glued (_glued_name)
            glued.extend(_glued_name(occurrence, lex, spelling))
    titled: set[str] | None = None
    for occurrence in spelling.capitals:
        letters = occurrence.word.text.replace("-", "")
        if not (len(letters) >= 7 and sum(c in _VOWELS for c in letters) / len(letters) >= 0.3
                and not _is_known_abbreviation(letters, spelling, document=False)):
            continue
        if titled is None:
            titled = {fold_case(o.word.text) for o in spelling.titled}
        if (fold_case(occurrence.word.text) not in titled
                and not _names_match(occurrence.word.text, spelling.directory)
                and not _beside_initials(occurrence.node.value, occurrence.word)):
            candidates.append(occurrence)  # a word in capitals («МУНИЦИПАЛЬНЫЙ»), not an abbreviation or a name
    for occurrence in spelling.camel:
        pieces = _CAMEL_PIECES.findall(occurrence.word.text)
        if not lex.known(occurrence.word.text) and all(
                fold_case(p) in _GLUE_SHORT or (len(p) >= 2 and lex.known(p)) for p in pieces):
            glued.append((occurrence, [" ".join(pieces)], "glued"))
    glued.extend(_glued_to_numbers(ctx, lex))
    candidates.sort(key=lambda o: (o.node.start_mark.index, o.word.start))
    consumed: set[tuple[int, int]] = set()
    out = list(glued)
    for occurrence in candidates:
        word = occurrence.word
        if (id(occurrence.node), word.start) in consumed:
            continue
        if lex.known(word.text) or (word.broken and lex.known(word.solid)):
            continue
        if "-" not in word.text and not _is_capitals(word.text) and _is_known_abbreviation(word.text, spelling):
            out.append((occurrence, [word.text.upper()], "abbreviation"))
            continue
        if _is_capitals(word.text) and not lex.near(word.text):
            continue  # a name or an abbreviation in capitals: no slip of a known word («ЕМЕЛЬЯНОВО»)
        if "-" in word.text and not word.broken:
            part = _unknown_part(occurrence, lex)
            if part is not None:
                out.append((part, lex.suggestions(part.word.text, prefer=ctx.shared("spelling-counts", _counts)), None))
                continue
        split = _split_partner(occurrence, lex)
        if split is not None:
            first, second = split
            consumed.add((id(second.node), second.word.start))
            out.append((first, [first.word.text + second.word.text], second))
            continue
        out.append((occurrence, lex.suggestions(word.solid if word.broken else word.text,
                                                prefer=ctx.shared("spelling-counts", _counts)), None))
    out.sort(key=lambda found: (found[0].node.start_mark.index, found[0].word.start))
    return out


def _glued_to_numbers(ctx, lex):
    """«2011-2013годах», «на2014-2018»: a known word glued to a number (not a short form: «5кл»)."""
    for _path, node in ctx.text_scalars():
        text = node.value
        for glued in glued_to_numbers(text):
            folded = fold_case(glued.word)
            if folded in SHORT_FORMS or not lex.known(glued.word):
                continue
            piece = _Occurrence(Word(glued.start, glued.end, text[glued.start:glued.end], glued.end), node)
            yield piece, [text[glued.start:glued.split] + " " + text[glued.split:glued.end]], "glued"


def _glued_name(occurrence: _Occurrence, lex, spelling: _Spelling):
    """A capitalised word inside a sentence is a name, unless it, or a part of it, is two words of
    five letters or more glued by a lost space («Псковскойобласти», «Санитарно-эпидемиологическихправил»)."""
    text = occurrence.word.text
    if len(text) < 10 or lex.known(text) or _names_match(text, spelling.directory):
        return []
    offset = 0
    for part in text.split("-"):
        if len(part) >= 10 and not lex.known(part):
            splits = [s for s in lex.splits(part, shortest=5)
                      if not _NAME_SUFFIX.fullmatch(s.split(" ")[1]) and s.split(" ")[0][-1] not in "оеОЕ"]
            if splits:
                start = occurrence.word.start + offset
                piece = _Occurrence(Word(start, start + len(part), part, start + len(part)), occurrence.node)
                return [(piece, splits[:1], "glued")]
        offset += len(part) + 1
    return []


def _unknown_part(occurrence: _Occurrence, lex) -> _Occurrence | None:
    """The one misspelt part of a compound («педагогги» of «педагогги-психологи»), or None."""
    failing = lex.unknown_parts(occurrence.word.text)
    if len(failing) != 1:
        return None
    offset, _folded = failing[0]
    start = occurrence.word.start + offset
    text = occurrence.word.text[offset:offset + len(_folded)]
    return _Occurrence(Word(start, start + len(text), text, start + len(text)), occurrence.node,
                       occurrence.sentence_start, occurrence.name)


def _split_partner(here: _Occurrence, lex):
    """A word torn by a space or a line break («оце ночных»): its two halves, or None."""
    words, index = here.words, here.index
    pairs = []
    if words is not None and index + 1 < len(words):
        pairs.append((here, _Occurrence(words[index + 1], here.node, words=words, index=index + 1)))
    if words is not None and index > 0:
        pairs.append((_Occurrence(words[index - 1], here.node, words=words, index=index - 1), here))
    for first, second in pairs:
        gap = first.node.value[first.word.end:second.word.start]
        if gap and _GAP.fullmatch(gap) and second.word.text[:1].islower() and "-" not in first.word.text + second.word.text:
            if lex.known(first.word.text + second.word.text):
                return first, second
    return None


@rule("RM701", "unknown-word", Severity.WARNING, "Слово с ошибкой: его нет в словаре русского языка", """
Слово, которого нет ни в словарях русского языка (pymorphy3 и ru_RU, словарь LibreOffice), ни
в словаре предметной области, который поставляется с roadmapctl, ни в словаре проекта. Обычно
это опечатка: пропущенная, лишняя или заменённая буква, переставленные буквы — или два слова,
слитые без пробела («учебномугоду», «РоссийскойФедерации», «2011-2013годах»). Предлагаются ближайшие известные
слова: для слитных слов — написание с пробелом, затем отличающиеся одной буквой, среди них —
те, что встречаются в этой же дорожной карте.

Не считаются ошибкой: имена собственные (слово с прописной буквы внутри предложения, фамилия
рядом с инициалами, слова из справочника участников и школ), аббревиатуры прописными буквами,
сокращения с точкой («г.», «ул.», «Кл. руководитель»), латинские слова и коды, числа. Слово
прописными от семи букв с гласными проверяется как слово, если оно похоже на опечатку в
известном слове («МУНИЦЫПАЛЬНОГО», «МЕРОПРИЯТИИЙ»). Буква «е» вместо «ё» не ошибка. Слово, разорванное переносом
строки с дефисом («психолого-⏎педагогический»), проверяется целиком; слово, разорванное
пробелом («оце ночных»), отмечается с предложением написать его слитно.

Верное слово, которого нет в словаре, добавьте в словарь проекта: параметр `spelling-words` в
настройках и `roadmapctl check --add-words`.

Неправильно:
    мероприятие: Расмотрение результатов оленочных процедур

Правильно:
    мероприятие: Рассмотрение результатов оценочных процедур
""", stage="document")
def unknown_word(ctx):
    hint = "исправьте опечатку; верное слово добавьте в словарь проекта (roadmapctl check --add-words)"
    for occurrence, suggestions, second in unknown_words(ctx):
        if second == "abbreviation":
            yield Finding(_span(ctx, occurrence),
                          f"аббревиатура «{_shown(occurrence)}» написана строчными буквами: возможно, имелось в виду «{suggestions[0]}»?",
                          "напишите аббревиатуру прописными буквами")
            continue
        if second == "glued":
            yield Finding(_span(ctx, occurrence),
                          f"в «{_shown(occurrence)}» пропущен пробел: возможно, имелось в виду «{suggestions[0]}»?",
                          "разделите слова пробелом")
            continue
        if second is not None:
            yield Finding(ctx.locate(occurrence.node, occurrence.word.start, occurrence.word.end),
                          f"слово «{_shown(occurrence, second.word.end)}» разорвано: возможно, имелось в виду «{suggestions[0]}»?",
                          "напишите слово слитно")
            continue
        message = f"слова «{_shown(occurrence)}» нет в словаре"
        if suggestions:
            message += ": возможно, имелось в виду " + " или ".join(f"«{s}»" for s in suggestions) + "?"
        yield Finding(_span(ctx, occurrence), message, hint)


def _variants(groups: dict[str, list[_Occurrence]], authoritative, near) -> list[tuple[_Occurrence, str, list[_Occurrence], bool]]:
    """(occurrence, the other spelling, its occurrences, tie) for each occurrence of a suspicious spelling.

    Of two spellings ``near`` each other, the one that is not ``authoritative`` is suspicious;
    when both or neither are, the rarer one; when they are equally frequent, both.
    """
    names = sorted(groups, key=lambda k: (_first_position(groups[k]), k))
    flagged: dict[str, tuple[str, bool]] = {}
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if not near(a, b):
                continue
            trusted_a, trusted_b = authoritative(a), authoritative(b)
            if trusted_a and trusted_b:
                continue
            count_a, count_b = len(groups[a]), len(groups[b])
            if trusted_a != trusted_b:
                suspects = [b] if trusted_a else [a]
            elif count_a != count_b:
                suspects = [b] if count_a > count_b else [a]
            else:
                suspects = [a, b]
            for suspect in suspects:
                other = b if suspect == a else a
                flagged.setdefault(suspect, (other, len(suspects) == 2))
    out = []
    for suspect, (other, tie) in flagged.items():
        for occurrence in groups[suspect]:
            out.append((occurrence, other, groups[other], tie))
    return out


def _first_position(occurrences: list[_Occurrence]) -> tuple[int, int]:
    if not occurrences:
        return (1 << 30, 0)  # a name only the directory's keys spell
    first = occurrences[0]
    return (first.node.start_mark.index, first.word.start)


def _one_edit(a: str, b: str) -> bool:
    return a != b and within_one_edit(a, b)


@rule("RM702", "abbreviation-variant", Severity.WARNING, "Аббревиатура отличается одной буквой от другой аббревиатуры той же карты", """
Аббревиатуры прописными буквами не проверяются по словарю, но опечатка в них заметна по
соседству: «ШПРО» в карте, где 15 раз написано «ШНРО», — почти наверняка «ШНРО». Правило
сравнивает аббревиатуры одной дорожной карты между собой (из трёх букв и длиннее): если две
отличаются одной буквой (пропущена, лишняя, заменена или переставлена), отмечается та, которой
нет в словаре предметной области (СОШ, ООШ, ШНОР, ЦНППМ …), а если обе там есть или обеих нет —
более редкая; при равенстве отмечаются обе. Не отмечаются две известные аббревиатуры («ООШ» и
«СОШ», «ЕГЭ» и «ОГЭ», «НОО» и «ООО»), слова прописными из словаря русского языка («ШКОЛА» и
«ШКОЛЫ»), написания, которые отличаются только окончанием («СЕВЕРОДВИНСК» и «СЕВЕРОДВИНСКА»)
или буквой в начале или в конце («ИРО» и «НИРО»), и две незнакомые трёхбуквенные аббревиатуры,
встретившиеся по разу.

Неправильно:
    мероприятие: Анализ результатов ШПРО   # а везде в карте — «ШНРО»

Правильно:
    мероприятие: Анализ результатов ШНРО
""", stage="document")
def abbreviation_variant(ctx):
    groups: dict[str, list[_Occurrence]] = {}
    lex = _lexicon(ctx)
    known = domain_abbreviations()
    for occurrence in _spelling(ctx).capitals:  # an abbreviation of three letters or more, without a hyphen
        text = occurrence.word.text
        if len(text) >= 3 and "-" not in text:
            groups.setdefault(text, []).append(occurrence)
    # a word in capitals («ШКОЛА», «РЕСПУБЛИКИ») is a word, not an abbreviation: RM701 checks it
    for text in [t for t in groups if t.replace("Ё", "Е") not in known and lex.known(t)]:
        del groups[text]
    for occurrence, other, others, tie in _variants(groups, lambda a: a.replace("Ё", "Е") in known, _abbreviation_slip):
        word = occurrence.word.text
        if tie and len(word) < 4:
            continue  # two unknown three-letter abbreviations, once each: most likely two bodies
        if tie:
            message = (f"аббревиатуры «{word}» и «{other}» (строка {_line(ctx, others)}) отличаются одной буквой: "
                       "возможно, одна из них написана с опечаткой")
        else:
            message = f"аббревиатура «{word}» отличается одной буквой от «{other}» ({plural(len(others), 'раз', 'раза', 'раз')} в этой карте): возможно, опечатка"
        yield Finding(_span(ctx, occurrence), message, f"проверьте, не «{other}» ли имелось в виду")


def _abbreviation_slip(a: str, b: str) -> bool:
    """Two abbreviations one letter apart inside, a plausible slip: «ШПРО» and «ШНРО», «ЦНППИМ» and
    «ЦНППМ». «СЕВЕРОДВИНСК» and «СЕВЕРОДВИНСКА» are forms of one word in capitals."""
    if not _one_edit(a, b):
        return False
    common = len(os.path.commonprefix([a, b]))
    tails = (fold_case(a[common:]), fold_case(b[common:]))
    if common >= 4 and all(t in INFLECTION_ENDINGS for t in tails):
        return False
    shorter, longer = sorted((a, b), key=len)
    # a letter more at the start or the end makes another abbreviation: «ИРО» and «НИРО» (the
    # institute of one region), «ЦНППМ» and «ЦНППМП»
    return not (len(shorter) < len(longer) and (longer.startswith(shorter) or longer.endswith(shorter)))


def _line(ctx, occurrences: list[_Occurrence]) -> int:
    return _span(ctx, occurrences[0]).line


def _name_near(a: str, b: str) -> bool:
    """Spellings of one name differing in one letter of the stem («Почетская» / «Почесткая»).

    Forms of one name differ in the ending («Петров» / «Петрова»): the last three letters must
    be the same, so that only slips inside the stem are compared.
    """
    return len(a) >= 5 and len(b) >= 5 and a[-3:] == b[-3:] and _one_edit(a, b)


@rule("RM703", "name-variant", Severity.WARNING, "Имя собственное написано в карте по-разному", """
Имена собственные (фамилии, названия школ и сёл) не проверяются по словарю, но опечатку в них
видно по другому написанию того же имени в этой же карте: «Почесткая СОШ» при «Почетской СОШ»
в списке школ, «Н.В. Кириева» и «Н.В. Киршева» в соседних строках. Правило сравнивает слова с
прописной буквы, которых нет в словаре, друг с другом и со справочником карты (участники,
школы, пары): если два написания отличаются одной буквой в основе слова (окончания не
сравниваются: «Петров» и «Петрова» — формы одной фамилии), отмечается то, которого нет в
справочнике, а если в справочнике нет обоих — более редкое; при равенстве отмечаются оба.

Неправильно:
    школы: [Почетская СОШ]
    ...
    ожидаемый_результат: 55,5 % (+Почесткая СОШ)

Правильно:
    ожидаемый_результат: 55,5 % (+Почетская СОШ)
""", stage="document")
def name_variant(ctx):
    spelling = _spelling(ctx)
    lex = _lexicon(ctx)
    groups: dict[str, list[_Occurrence]] = {}
    for occurrence in spelling.titled:
        text = occurrence.word.text
        for part in text.split("-"):
            if len(part) >= 5 and part[:1].isupper() and not lex.known(part):
                groups.setdefault(part, []).append(occurrence)
    directory = spelling.directory
    present = {fold_case(k) for k in groups}
    for folded, written in sorted(spelling.directory_words.items()):
        if folded not in present and len(written) >= 5:
            groups[written] = []
    for occurrence, other, others, tie in _variants(groups, lambda a: fold_case(a) in directory, _name_near):
        word = occurrence.word.text
        if tie:
            message = (f"«{word}» и «{other}» (строка {_line(ctx, others)}) отличаются одной буквой: "
                       "возможно, одно имя написано по-разному")
        else:
            where = "в справочнике карты" if fold_case(other) in directory else "в другом месте карты"
            message = f"«{word}» отличается одной буквой от «{other}» ({where}): возможно, опечатка в имени"
        yield Finding(_span(ctx, occurrence), message, "проверьте, как пишется имя, и напишите его везде одинаково")


def words_to_add(source, config) -> set[str]:
    """The words RM701 reports in ``source`` as unknown (lower case), for the repository's word list.

    Abbreviations in lower case and torn words are misspellings, not words, and are left out;
    so are words under ``noqa`` and files where RM701 is not selected.
    """
    from roadmapctl.check.context import Context
    from roadmapctl.check.diagnostics import Diagnostic
    from roadmapctl.check.suppress import Suppressions
    from roadmapctl.document.pipeline import load_source

    if not config.selects("RM701", source.name):
        return set()
    loaded = load_source(source)
    if loaded.document is None:
        return set()
    ctx = Context(loaded, config)
    suppressions = Suppressions.parse(source)
    words = set()
    for occurrence, _suggestions, how in unknown_words(ctx):
        if how is not None:
            continue
        probe = Diagnostic(source.name, _span(ctx, occurrence), "RM701", Severity.WARNING, "")
        if not suppressions.suppresses(probe):
            words.add(occurrence.word.text.lower())  # a word broken at a line-end hyphen: the compound
    return words
