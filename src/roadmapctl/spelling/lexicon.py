"""What words are Russian: pymorphy3's dictionary, the domain word list and the repository's lists.

pymorphy3's Russian dictionary (OpenCorpora, package pymorphy3-dicts-ru) holds every inflected
form of ~400,000 words in a DAWG. Whether a word is known is a walk of that DAWG (``_words()``,
loaded in a few milliseconds on the first word a spelling rule asks about, once per process);
«е» written for «ё» is accepted, as pymorphy3 does. The full pymorphy3 analyzer
(``analyzer()``) is loaded only to rank suggestions, i.e. when a file has a misspelling.

pymorphy3's dictionary is the first opinion; a word it lacks is looked up in the forms of
hunspell's ru_RU dictionary (the one LibreOffice Writer underlines with; ``ru_RU/`` beside this
module holds it with its licence, and the list of its forms pymorphy3 lacks, read on the first
word pymorphy3 does not know). A word is unknown only when neither dictionary knows it.

The domain list (``words.txt`` beside this module) and a repository's lists hold words the
dictionary lacks. An entry covers its inflected forms: «вебинар» covers «вебинарах»,
«внутришкольный» covers «внутришкольной» (the entry's ending is replaced by any of the
inflection endings of Russian nouns and adjectives). Capitalised entries of the domain list
(``ШНОР``, ``СОШ``) are the field's abbreviations.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from roadmapctl.openers import WORD_LIST_MAX_BYTES
from roadmapctl.textutil import fold_case, within_one_edit

_LOWER = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
# particles written after a hyphen: «кто-то», «где-либо», «всё-таки», «давай-ка»
_PARTICLES = frozenset({"то", "либо", "нибудь", "ка", "таки", "де", "с"})
# endings that turn the combining form of a compound's first part back into a word:
# «психолого-» ← «психологический», «медико-» ← «медицинский» is in the domain list
_COMBINING_ENDINGS = ("ический", "ческий", "ский", "ный", "ий", "ый", "ой")


# short forms written with a dot («г. Мценска», «ул. Ленина», «5 кл.», «Кл. руководитель»): not
# misspellings, and a dot after them does not end a sentence (so none of them is a word that
# often ends one: «час», «рук», «тел» are left out)
SHORT_FORMS = frozenset((
    "г", "гг", "им", "ул", "пос", "п", "с", "д", "обл", "р", "т", "е", "см", "ср", "св", "руб",
    "тыс", "млн", "млрд", "ст", "пр", "др", "мкр", "кв", "каб", "корп", "пгт", "стр", "рис",
    "табл", "кл", "уч", "зам", "нач", "зав", "отв", "пед", "доп", "чел", "просп", "пер", "пл",
    "наб", "нед", "ч", "шк", "яз", "лит", "физ", "хим", "биол", "геогр", "ист", "общ", "англ",
    "нем", "иностр", "информ", "муниц", "гос", "соц", "техн", "эл", "офиц", "напр", "вкл", "искл",
))
# words a glued word may hold although shorter than three letters («вобразовательные», «требованияк»)
_SHORT_WORDS = frozenset((
    "в", "с", "к", "о", "у", "и", "а", "на", "по", "за", "из", "от", "до", "не", "же", "ли", "бы",
    "об", "со", "ко", "во",
))


class WordListError(Exception):
    """A repository word list that cannot be read (a folder, not UTF-8, not readable)."""


# inflection endings of Russian nouns and adjectives (the empty ending included)
_ENDINGS = frozenset(
    "а я о е ё ы и у ю ь й ом ем ём ой ей ою ею ам ям ах ях ами ями ов ев ёв ью ия ию ии ие ья ьи ье ьё ьев ьям ьях ьями "
    "ый ий ая яя ое ее ые ие ого его ому ему ым им ых их ую юю ыми ими".split()) | {""}
INFLECTION_ENDINGS = _ENDINGS
_PAYLOAD_SEPARATOR = b"\x01"


@cache
def _words():
    """The word-form DAWG of pymorphy3's Russian dictionary (keys: word, separator, payload)."""
    import dawg_python
    import pymorphy3_dicts_ru

    return dawg_python.DAWG().load(os.path.join(pymorphy3_dicts_ru.get_path(), "words.dawg")).dct


def in_dictionary(word: str) -> bool:
    """Whether the lower-case ``word`` is a form in the dictionary («е» may stand for «ё»)."""
    dct = _words()
    index = dct.follow_bytes(word.encode("utf-8") + _PAYLOAD_SEPARATOR, dct.ROOT)
    if index is not None:
        return True
    return "е" in word and _walk(dct, dct.ROOT, word, 0)


def _walk(dct, index: int, word: str, position: int) -> bool:
    while position < len(word):
        char = word[position]
        if char == "е":
            following = dct.follow_bytes("ё".encode("utf-8"), index)
            if following is not None and _walk(dct, following, word, position + 1):
                return True
        index = dct.follow_bytes(char.encode("utf-8"), index)
        if index is None:
            return False
        position += 1
    return dct.follow_bytes(_PAYLOAD_SEPARATOR, index) is not None


@cache
def _hunspell_forms() -> bytes:
    """The forms of hunspell's ru_RU that pymorphy3's dictionary lacks: lower case, one a line,
    sorted by their UTF-8 bytes, read once (about 10 ms: no set is built, ``in_hunspell`` searches
    the sorted lines).

    ``ru_RU/forms.txt.gz`` is made from ``ru_RU.aff``/``ru_RU.dic`` by ``tools/hunspell_forms.py``
    (the dictionary has suffix rules only, so its forms can be listed exactly; the test checks
    the list against spylls, the Python port of hunspell). Loading the dictionary itself through
    spylls takes 1.5–7 s.
    """
    import gzip

    return gzip.decompress((Path(__file__).with_name("ru_RU") / "forms.txt.gz").read_bytes())


def in_hunspell(word: str) -> bool:
    """Whether hunspell's ru_RU (the dictionary of LibreOffice Writer) knows the lower-case ``word``:
    a binary search of the sorted lines of ``_hunspell_forms``."""
    data = _hunspell_forms()
    wanted = word.encode("utf-8")
    low, high = 0, len(data)
    while low < high:
        middle = (low + high) // 2
        start = data.rfind(b"\n", 0, middle) + 1
        end = data.find(b"\n", start)
        if end < 0:
            end = len(data)
        line = data[start:end]
        if line == wanted:
            return True
        if line < wanted:
            low = end + 1
        else:
            high = start
    return False


def _stem(entry: str) -> str:
    """An entry without its inflection ending («внутришкольный» → «внутришкольн»)."""
    for size in (3, 2, 1):
        if len(entry) - size >= 3 and entry[-size:] in _ENDINGS:
            return entry[:-size]
    return entry


@cache
def analyzer():
    """The process's pymorphy3 analyzer (imported and loaded on first use)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def _read_entries(text: str) -> list[str]:
    entries = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return entries


@cache
def domain_entries() -> tuple[str, ...]:
    return tuple(_read_entries((Path(__file__).with_name("words.txt")).read_text(encoding="utf-8")))


@cache
def domain_abbreviations() -> frozenset[str]:
    """The field's abbreviations in capitals (СОШ, ШНОР, ЦНППМ …) from the domain list."""
    return frozenset(e.replace("ё", "е") for e in domain_entries() if e.isupper() and len(e) > 1)


@lru_cache(maxsize=64)
def _user_entries(path: str, stamp: tuple[int, int]) -> tuple[str, ...]:
    return tuple(_read_entries(read_word_list(Path(path)) or ""))


def user_entries(path: str) -> tuple[str, ...]:
    """The entries of a repository word list; a list that does not exist yet is empty."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return ()
    except OSError as exc:
        raise WordListError(f"{path}: не удалось прочитать словарь: {exc.strerror or exc}") from None
    return _user_entries(path, (info.st_mtime_ns, info.st_size))  # read_word_list refuses a folder


@dataclass(frozen=True)
class Lexicon:
    """The dictionary plus word lists, with per-process caches of verdicts."""

    entries: frozenset[str]  # folded entries of the domain and repository lists
    stems: frozenset[str] = frozenset()  # the entries without their endings

    def known(self, word: str) -> bool:
        """Whether ``word`` (any case) is a Russian word: dictionary, lists, compounds."""
        return _known(self, fold_case(word))

    def unknown_parts(self, word: str) -> list[tuple[int, str]]:
        """(offset, part) for the parts of an unknown compound that are not words («педагогги»)."""
        return _failing_parts(self, fold_case(word)) if "-" in word else []

    def splits(self, word: str, shortest: int = 3, prefer: dict[str, int] | None = None) -> list[str]:
        """Two known words glued by a lost space («учебномугоду» → «учебному году»), best first.

        Each part is a word of the dictionaries of at least ``shortest`` letters, or a
        preposition, conjunction or particle («в», «к», «на»). Splits whose parts the same
        roadmap uses come first, then the most even ones.
        """
        folded = fold_case(word)
        if len(folded) > LONGEST_WORD:
            return []
        prefer = prefer or {}
        found = []
        for i in range(1, len(folded)):
            head, tail = folded[:i], folded[i:]
            if not all(part in _SHORT_WORDS or (len(part) >= shortest and self.known(part)) for part in (head, tail)):
                continue
            found.append((-(prefer.get(head, 0) + prefer.get(tail, 0)), -min(len(head), len(tail)), i))
        return [word[:i] + " " + word[i:] for *_key, i in sorted(found)]

    def near(self, word: str) -> bool:
        """Whether ``word`` (an unknown word in capitals) is plausibly a slip in a known word: one
        edit from a known word with the same first letter («МЕРОПРИЯТИИЙ», «ПОСТАНОВЛЕНИЕЕ»), or
        two known words of four letters or more glued («АДМИНИСТРАЦИЯПСКОВСКОЙ»). A word that
        only ends otherwise than a known one — a letter more or less at the end (not a doubled
        one), or another last letter — is a name's form («ТАСЕЕВО» beside «тасеев», «ИРБЕЯ» beside
        «ирбек»). A word in capitals that is no slip is taken for a name or an abbreviation."""
        folded = fold_case(word)
        for other in _one_edit_words(folded):
            if other[:1] != folded[:1]:
                continue
            if len(folded) == len(other) + 1 and folded.startswith(other) and folded[-1] != folded[-2]:
                continue
            if len(other) == len(folded) + 1 and other.startswith(folded):
                continue  # «ТАСЕЕВО» beside «тасеевой»
            if len(folded) == len(other) and folded[:-1] == other[:-1]:
                continue
            return True
        return any(min(len(p) for p in s.split(" ")) >= 4 for s in self.splits(word, shortest=4))

    def suggestions(self, word: str, limit: int = 3, prefer: dict[str, int] | None = None) -> list[str]:
        """Known words one edit away (letter missing, extra, replaced or two swapped), best first;
        two edits away when there is none one edit away (words of five letters and longer).
        Two words glued by a lost space (``splits``) come before them.

        The dictionary has no word frequencies; among equally near words, a word the same
        roadmap uses elsewhere (``prefer``: folded word → count) comes first, then one with the
        same first letter (slips rarely touch it), then one that only adds or drops letters (a
        missed or doubled letter is the commonest slip), then the one the dictionary finds likelier
        (pymorphy3's estimate of its most probable reading).
        """
        glued = self.splits(word, prefer=prefer)
        # a glued preposition («вобразовательные», «требованияк») comes first; another split
        # («учебномугоду»), only when no word is one edit away («отделному» is «отдельному»,
        # not «отдел ному»)
        lead = [g for g in glued if any(fold_case(part) in _SHORT_WORDS for part in g.split(" "))][:1]
        if not lead and not _one_edit_words(word.lower()):
            lead = glued[:2]
        found = _candidates(self, word.lower())
        prefer = prefer or {}
        first = fold_case(word)[:1]
        folded = fold_case(word)

        def cheap(c: str):
            return (-prefer.get(fold_case(c), 0), c[:1] != first, not (_within(folded, fold_case(c)) or _within(fold_case(c), folded)))

        ranked = sorted(found, key=lambda c: (cheap(c), c))
        if any(cheap(a) == cheap(b) for a, b in zip(ranked[:limit], ranked[1:limit + 1])):
            # a tie the cheap keys cannot break: ask the analyzer (loaded only now)
            ranked = sorted(found, key=lambda c: (cheap(c), -_likelihood(c), c))
        return (lead + [_same_case(word, c) for c in ranked])[:limit]


def lexicon(user_lists: tuple[str, ...] = ()) -> Lexicon:
    """The lexicon for a configuration's word lists (files re-read when they change)."""
    return _lexicon(tuple((path, user_entries(path)) for path in user_lists))


@lru_cache(maxsize=32)
def _lexicon(lists: tuple[tuple[str, tuple[str, ...]], ...]) -> Lexicon:
    entries = {fold_case(e) for e in domain_entries() if not (e.isupper() and len(e) > 1)}
    for _path, items in lists:
        entries.update(fold_case(e) for e in items)
    return Lexicon(frozenset(entries), frozenset(_stem(e) for e in entries))


_verdicts: dict[tuple[frozenset, str], bool] = {}


def _known(lex: Lexicon, word: str) -> bool:
    key = (lex.entries, word)  # the set itself (its hash is cached): a verdict holds for its lists only
    verdict = _verdicts.get(key)
    if verdict is None:
        verdict = _decide(lex, word)
        if len(_verdicts) > 200_000:
            _verdicts.clear()
        _verdicts[key] = verdict
    return verdict


def _listed(lex: Lexicon, word: str) -> bool:
    if word in lex.entries:
        return True
    for size in range(0, 5):
        if len(word) - size < 3:
            break
        if word[len(word) - size:] in _ENDINGS and word[:len(word) - size] in lex.stems:
            return True
    return False


def _decide(lex: Lexicon, word: str) -> bool:
    if in_dictionary(word) or _listed(lex, word):
        return True
    if "-" in word and not _failing_parts(lex, word):
        return True
    return in_hunspell(word)


def _failing_parts(lex: Lexicon, word: str) -> list[tuple[int, str]]:
    """(offset, part) for each part of a hyphenated compound that is not a word of its place."""
    parts = word.split("-")
    failing = []
    offset = 0
    for position, part in enumerate(parts):
        ok = bool(part) and (
            (len(part) == 1 and position == 0)  # «А-Ключинская»: an initial letter
            or (position > 0 and part in _PARTICLES)
            or _known(lex, part)
            or (position < len(parts) - 1 and _combining_form(lex, part))
        )
        if not ok:
            failing.append((offset, part))
        offset += len(part) + 1
    return failing


def _combining_form(lex: Lexicon, part: str) -> bool:
    """«психолого» of «психолого-педагогический»: a stem ending in -о/-е of a known adjective."""
    if len(part) < 3 or part[-1] not in "ое":
        return False
    stem = part[:-1]
    return any(in_dictionary(stem + ending) or (stem + ending) in lex.entries for ending in _COMBINING_ENDINGS)


# Longer than any word of the dictionaries (about 35 letters) or two of them glued: such a "word"
# («ааааа…» of a megabyte) is neither split nor one edit from a word — each try costs its length,
# so trying every position was quadratic (32 KB of one letter: 5 s).
LONGEST_WORD = 64


@lru_cache(maxsize=4096)
def _one_edit_words(word: str) -> frozenset[str]:
    """Dictionary words one edit from ``word``: a letter missing, extra, replaced, two swapped.

    The DAWG is walked once along ``word``; each edit is tried from the node of its prefix, so
    only the letters the dictionary has at that point are followed.
    """
    if len(word) > LONGEST_WORD:
        return frozenset()
    dct = _words()
    nodes = [dct.ROOT]
    for char in word:
        index = dct.follow_bytes(char.encode("utf-8"), nodes[-1]) if nodes[-1] is not None else None
        nodes.append(index)

    def ends(index, rest: str) -> bool:
        return index is not None and dct.follow_bytes(rest.encode("utf-8") + _PAYLOAD_SEPARATOR, index) is not None

    found = set()
    for i in range(len(word) + 1):
        node = nodes[i]
        if node is None:
            break
        head, rest = word[:i], word[i:]
        if rest and ends(node, rest[1:]):
            found.add(head + rest[1:])
        if len(rest) > 1 and rest[0] != rest[1] and ends(node, rest[1] + rest[0] + rest[2:]):
            found.add(head + rest[1] + rest[0] + rest[2:])
        for letter in _LOWER:
            child = dct.follow_bytes(letter.encode("utf-8"), node)
            if child is None:
                continue
            if ends(child, rest):
                found.add(head + letter + rest)
            if rest and letter != rest[0] and ends(child, rest[1:]):
                found.add(head + letter + rest[1:])
    found.discard(word)
    return frozenset(w for w in found if len(w) > 1)


@lru_cache(maxsize=1024)
def _two_edit_words(word: str) -> frozenset[str]:
    """Dictionary words two edits from ``word`` (asked only when none is one edit away).

    The first edit is kept only while the dictionary has words that begin like the edited
    text up to the edit, so only a few hundred first edits are extended by a second one.
    """
    dct = _words()
    variants = set()
    for i in range(len(word) + 1):
        head, rest = word[:i], word[i:]
        node = dct.follow_bytes(head.encode("utf-8"), dct.ROOT)
        if node is None:
            break
        if rest:
            variants.add(head + rest[1:])
        if len(rest) > 1:
            variants.add(head + rest[1] + rest[0] + rest[2:])
        for letter in _LOWER:
            child = dct.follow_bytes(letter.encode("utf-8"), node)
            if child is None:
                continue
            # keep an edit only if the dictionary goes on with the next letter or two of the word
            if dct.follow_bytes(rest[:2].encode("utf-8"), child) is not None:
                variants.add(head + letter + rest)
            if rest and letter != rest[0] and dct.follow_bytes(rest[1:3].encode("utf-8"), child) is not None:
                variants.add(head + letter + rest[1:])
    variants.discard(word)
    found: set[str] = set()
    for variant in variants:
        found.update(_one_edit_words(variant))
    found.discard(word)
    return frozenset(found)


def _candidates(lex: Lexicon, word: str) -> frozenset[str]:
    return _candidates_for(lex.entries, word)


@lru_cache(maxsize=4096)
def _candidates_for(entries: frozenset[str], word: str) -> frozenset[str]:
    found = set(_one_edit_words(word))
    folded = fold_case(word)
    found.update(e for e in entries if "-" not in e and abs(len(e) - len(folded)) <= 1 and e != folded
                 and within_one_edit(e, folded))
    if not found and len(word) >= 5:
        found = set(_two_edit_words(word))
    return frozenset(found)


@lru_cache(maxsize=4096)
def _likelihood(word: str) -> float:
    parses = analyzer().parse(word)
    return max((p.score for p in parses), default=0.0)


def _within(short: str, long: str) -> bool:
    """Whether ``short`` is ``long`` with some letters left out."""
    letters = iter(long)
    return all(char in letters for char in short)


def _same_case(original: str, word: str) -> str:
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def read_word_list(path: Path) -> str | None:
    """The text of the word list at ``path``, or None when there is none yet."""
    from roadmapctl.openers import OpenError, read_regular

    if not path.exists():
        return None
    if path.is_dir():
        raise WordListError(f"{path}: это папка, а словарь должен быть файлом")
    try:
        return read_regular(path, WORD_LIST_MAX_BYTES).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise WordListError(f"{path}: словарь должен быть в кодировке UTF-8") from None
    except OpenError as exc:
        raise WordListError(f"{path}: не удалось прочитать словарь: {exc.message}") from None


def merge_word_list(text: str | None, words) -> tuple[str, int]:
    """The word list ``text`` with ``words`` added, and how many of them were new.

    Existing entries stay (with their end-of-line comments); comment lines move to the top;
    entries are sorted in Russian alphabetical order («ё» beside «е»), one a line, so the
    result is the same for the same words whatever order they came in.
    """
    header: list[str] = []
    existing: list[str] = []
    for line in (text or "").splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        (header if stripped.startswith("#") else existing).append(stripped)
    known = {fold_case(e.split("#", 1)[0].strip()) for e in existing}
    new: dict[str, str] = {}
    for word in words:
        if fold_case(word) not in known:
            new.setdefault(fold_case(word), word)
    entries = sorted(set(existing) | set(new.values()), key=_order)
    return "\n".join(header + entries) + "\n", len(new)


def _order(entry: str) -> tuple[str, str]:
    return (fold_case(entry), entry)
