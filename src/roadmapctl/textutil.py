"""Small text helpers shared by consumers: normalisation, a bounded edit distance, Russian plurals
and the user's dates (``ru_date`` writes them, ``read_date`` reads them)."""

from __future__ import annotations

import re
from datetime import date
from collections.abc import Sequence
from functools import lru_cache

_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_NOT_ALNUM = re.compile(r"[^0-9a-zа-я]+")


def fold_case(text: str) -> str:
    """Lower case, «ё» as «е»: the form words are compared in."""
    return text.lower().replace("ё", "е")


def fold_to_alnum(text: str) -> str:
    """:func:`fold_case`, then only letters and digits: for comparing names written differently."""
    return _NOT_ALNUM.sub("", fold_case(text))


def digits(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\d+", text))


def common_ends(a: Sequence, b: Sequence) -> tuple[int, int]:
    """How many items ``a`` and ``b`` share at their start, and then at their end (the end is
    counted only in what the start left, so the two never overlap)."""
    shortest = min(len(a), len(b))
    head = 0
    while head < shortest and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < shortest - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head, tail


def distance(a: str, b: str, limit: int = 3) -> int:
    """Optimal-string-alignment (Damerau) distance, or ``limit + 1`` when it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    # a common beginning and end change no distance: only the differing middle is aligned
    # (names compared are mostly alike, so the table shrinks from their length to a few letters)
    head, tail = common_ends(a, b)
    if head or tail:
        a, b = a[head:len(a) - tail], b[head:len(b) - tail]
    previous2: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        best = current[0]
        for j, cb in enumerate(b, 1):  # the smallest of three (or four) by comparisons, not min()
            value = previous[j] + 1
            other = current[j - 1] + 1
            if other < value:
                value = other
            other = previous[j - 1] + (ca != cb)
            if other < value:
                value = other
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                other = previous2[j - 2] + 1
                if other < value:
                    value = other
            current[j] = value
            if value < best:
                best = value
        if best > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def within_one_edit(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion, substitution or
    transposition of two neighbouring letters (optimal string alignment distance <= 1)."""
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    m = min(la, lb)
    while i < m and a[i] == b[i]:
        i += 1
    if i == m:
        return True  # equal, or one extra letter at the end
    if la == lb:
        if a[i + 1:] == b[i + 1:]:
            return True  # substitution
        return (i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i]
                and a[i + 2:] == b[i + 2:])  # transposition
    if la > lb:
        return a[i + 1:] == b[i:]
    return a[i:] == b[i + 1:]


def words(text: str) -> list[str]:
    """The runs of Russian or Latin letters and digits, as written."""
    return re.findall(r"[0-9A-Za-zА-Яа-яЁё]+", text)


def plural_word(n: int, one: str, few: str, many: str) -> str:
    """The Russian form of a word for ``n``: 1 раз, 3 раза, 8 раз, 11 раз, 21 раз."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def plural(n: int, one: str, few: str, many: str) -> str:
    """``n`` with its word: plural(3, "раз", "раза", "раз") → "3 раза"."""
    return f"{n} {plural_word(n, one, few, many)}"


@lru_cache(maxsize=4096)
def _spelt(text: str) -> tuple[tuple[str, ...], str, str, tuple[str, ...]]:
    """What ``near_spelling`` compares of a name, worked out once per name (each name is compared
    with every other): its numbers, the name with a small first letter, its letters and digits
    folded, its words in lower case."""
    return digits(text), text[:1].lower() + text[1:], fold_to_alnum(text), tuple(w.lower() for w in words(text))


def near_spelling(a: str, b: str) -> bool:
    """Two different spellings that very likely name the same party (or thing): the same letters and
    digits apart from case, ё and punctuation, a small edit distance, or one word whose ending differs.
    Different numbers («№2» / «№3») or a capital at the start alone are never near."""
    numbers_a, capless_a, fa, wa = _spelt(a)
    numbers_b, capless_b, fb, wb = _spelt(b)
    if numbers_a != numbers_b:
        return False  # «Средняя школа №2» and «№3» are different schools
    if capless_a == capless_b:
        return False  # only the capital at the start of a cell differs: that is fine
    if fa == fb:
        return True
    if min(len(fa), len(fb)) >= 6 and distance(fa, fb, 2) <= (1 if min(len(fa), len(fb)) < 12 else 2):
        return True
    if len(wa) == len(wb) >= 2:
        differing = [(x, y) for x, y in zip(wa, wb) if x != y]
        if len(differing) == 1:
            x, y = differing[0]
            common = 0
            while common < min(len(x), len(y)) and x[common] == y[common]:
                common += 1
            return common >= 4 and min(len(x), len(y)) >= 7
    return False


def ru_date(day: date) -> str:
    """The Russian numeric date ДД.ММ.ГГГГ: 05.03.2021 (a four-digit year, zeros in front)."""
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


class DateError(ValueError):
    """A date the user typed that cannot be read (the message is Russian)."""


def read_date(text: str) -> date:
    """A date the user typed: ГГГГ-ММ-ДД (2021-05-20) or ДД.ММ.ГГГГ (20.05.2021, as ``ru_date``
    writes it); DateError when it is neither or there is no such day."""
    value = text.strip()
    try:
        match = _DMY.match(value)
        if match:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if _ISO.fullmatch(value):
            return date.fromisoformat(value)
    except ValueError:
        raise DateError(f"такой даты нет: «{text}»") from None
    raise DateError(f"дата «{text}» не распознана; пишите ГГГГ-ММ-ДД или ДД.ММ.ГГГГ, например 2021-05-20")
