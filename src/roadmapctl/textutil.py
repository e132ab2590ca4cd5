"""Small text helpers shared by consumers: normalisation and a bounded edit distance."""

from __future__ import annotations

import re

_NOT_ALNUM = re.compile(r"[^0-9a-zа-я]+")


def fold(text: str) -> str:
    """Lower case, ё → е, only letters and digits: for comparing names written differently."""
    return _NOT_ALNUM.sub("", text.lower().replace("ё", "е"))


def digits(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\d+", text))


def distance(a: str, b: str, limit: int = 3) -> int:
    """Optimal-string-alignment (Damerau) distance, or ``limit + 1`` when it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        best = current[0]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def words(text: str) -> list[str]:
    return re.findall(r"[0-9A-Za-zА-Яа-яЁё]+", text)


def plural(n: int, one: str, few: str, many: str) -> str:
    """Russian plural: plural(1, "раз", "раза", "раз") → "1 раз", 3 → "3 раза", 8 → "8 раз"."""
    tail = n % 100
    if 11 <= tail <= 14:
        word = many
    elif n % 10 == 1:
        word = one
    elif 2 <= n % 10 <= 4:
        word = few
    else:
        word = many
    return f"{n} {word}"
