"""RM6xx: typography of official text — mixed alphabets, doubled words, quotes, HTML, spaces."""

from __future__ import annotations

import re

from roadmapctl.check.diagnostics import Fix, Severity
from roadmapctl.check.registration import Finding, rule
from roadmapctl.document import fields

_WORD = re.compile(r"[A-Za-zА-Яа-яЁё]+")
_CYR = re.compile(r"[А-Яа-яЁё]")
_LAT = re.compile(r"[A-Za-z]")
# Latin letters that look like Cyrillic ones, and their Cyrillic twins.
_HOMOGLYPHS = str.maketrans("AaBCcEeHKMOoPpTXxyu", "АаВСсЕеНКМОоРрТХхуи")


@rule("RM601", "mixed-alphabet", Severity.WARNING, "Латинские буквы внутри русского слова", """
При наборе в другой раскладке или копировании из PDF в русские слова попадают латинские
буквы: «неobjективности», «MБОУ» с латинской M. На вид слово почти не отличается, но поиск,
сортировка и проверка орфографии его не находят.

Неправильно:
    мероприятие: Профилактика неobjективности оценивания

Правильно:
    мероприятие: Профилактика необъективности оценивания
""", stage="document", scope="activity")
def mixed_alphabet(ctx):
    for _path, node in ctx.text_scalars():
        if not _LAT.search(node.value) or not _CYR.search(node.value):
            continue  # nearly every text: one scan in C, not word by word
        for match in _WORD.finditer(node.value):
            word = match.group()
            if _CYR.search(word) and _LAT.search(word):
                latin = sorted(set(_LAT.findall(word)))
                twins = word.translate(_HOMOGLYPHS)
                hint = (f"замените на «{twins}»" if not _LAT.search(twins)
                        else "замените латинские буквы " + ", ".join(f"«{c}»" for c in latin) + " русскими")
                yield Finding(ctx.locate(node, match.start(), match.end()),
                              f"в слове «{word}» смешаны русские и латинские буквы ({', '.join(latin)})", hint)


# one to four words, then the same words again (case aside), separated only by spaces
_LETTERS = re.compile(r"[^\W\d_]+")
_SPACES_ONLY = " \u00a0"
_PHRASE = 4  # words in a repeated phrase at most


def _repeats(text: str) -> list[tuple[int, int, int]]:
    """(start, end, end of the first phrase) of each phrase of one to four words repeated at once
    (the longest first, case aside, the same spaces between the words; a line break reads as a
    space), left to right without overlaps. Linear: neighbouring words are compared, not the text
    against a back-reference."""
    words = _LETTERS.findall(text.lower())
    if len(set(words)) == len(words):
        return []  # no word twice in the whole text (most texts; a set built in C)
    if not any(any(map(str.__eq__, words, words[k:])) for k in range(1, _PHRASE + 1)):
        return []  # no word again within four words: nothing can repeat (most texts; compared in C)
    text = text.replace("\n", " ")
    runs = [m.span() for m in _LETTERS.finditer(text)]
    lowered = [text[a:b].lower() for a, b in runs]
    n = len(runs)

    def joined(k: int) -> bool:
        """The words k and k+1 are separated by spaces only (asked only where two words match)."""
        gap = text[runs[k][1]:runs[k + 1][0]]
        return bool(gap) and not gap.strip(_SPACES_ONLY)

    out: list[tuple[int, int, int]] = []
    i = 0
    while i < n:
        for size in range(min(_PHRASE, (n - i) // 2), 0, -1):
            if lowered[i] != lowered[i + size] or not all(joined(k) for k in range(i, i + 2 * size - 1)):
                continue
            first = text[runs[i][0]:runs[i + size - 1][1]]
            second = text[runs[i + size][0]:runs[i + 2 * size - 1][1]]
            if first.lower() == second.lower():
                out.append((runs[i][0], runs[i + 2 * size - 1][1], runs[i + size - 1][1]))
                i += 2 * size
                break
        else:
            i += 1
    return out


@rule("RM602", "doubled-word", Severity.WARNING, "Слово или оборот повторён дважды подряд", """
Повтор слова («МБОУ МБОУ») или оборота («член рабочей группы член рабочей группы») — обычная
опечатка при правке документа.

Неправильно:
    ожидаемый_результат: 2021 г. - МБОУ МБОУ «Витимская СОШ»

Правильно:
    ожидаемый_результат: 2021 г. - МБОУ «Витимская СОШ»
""", stage="document", fix="safe", scope="activity")
def doubled_word(ctx):
    for _path, node in ctx.text_scalars():
        text = node.value
        if " " not in text:
            continue
        for start, end, middle in _repeats(text):
            phrase = text[start:middle].replace("\n", " ")
            if len(phrase) < 2:
                continue  # "и и" aside, one-letter repeats are too often list artefacts
            edit = ctx.fragment_edit(node, start, end, phrase)
            fix = Fix(f"Оставить одно «{phrase}»", (edit,)) if edit else None
            yield Finding(ctx.locate(node, start, end),
                          f"«{phrase}» повторено дважды подряд", f"оставьте одно «{phrase}»", fix)


_PAIRS = {"»": "«", ")": "(", "“": "„"}
_OPENERS = {"«", "(", "„"}
_ENUMERATOR = re.compile(r"(?:^|[\s,;:])(?:\d{1,2}|[а-яa-z])\)$")


_BRACKETS = re.compile("[«»()„“]")
_MARKS = re.compile('[«»()„“"]')  # what RM603 looks at: a text without any is skipped


def _unbalanced(text: str) -> list[tuple[int, str]]:
    """Positions of quotes and brackets without a partner. Linear: an open bracket or quote
    waits on the stack of its own kind, and a closing one takes the nearest of its kind
    (brackets and quotes may interleave)."""
    open_at: dict[str, list[int]] = {opener: [] for opener in _OPENERS}
    problems: list[tuple[int, str]] = []
    for found in _BRACKETS.finditer(text):  # only the quotes and brackets, not every character
        index, char = found.start(), found.group()
        if char in _OPENERS:
            open_at[char].append(index)
        elif char in _PAIRS:
            waiting = open_at[_PAIRS[char]]
            if char == ")" and not waiting and _ENUMERATOR.search(text, max(0, index - 3), index + 1):
                continue  # "1) …", "а) …": a list marker, not a bracket (the marker is 4 characters at most)
            if waiting:
                waiting.pop()
            else:
                problems.append((index, char))
    closing_at = len(text.rstrip(" .;,"))  # where the text ends but for trailing punctuation
    inner = None
    for opener, positions in open_at.items():
        for index in positions:
            if opener == "«":
                if inner is None:
                    inner = _QuoteCounts(text, closing_at)
                if inner.closed_by_inner(index):
                    continue  # «МО «Район» — the coinciding closing quote is omitted, an accepted convention
            problems.append((index, opener))
    straight = text.count('"')
    if straight % 2:
        problems.append((text.rindex('"'), '"'))
    return sorted(problems)


class _QuoteCounts:
    """For an unclosed «: does the rest of the text end with » and hold as many « as » (at least
    one)? Counted once per text, so that many unclosed quotes stay linear."""

    def __init__(self, text: str, end: int):
        self.end = end
        self.ends_with_closing = end > 0 and text[end - 1] == "»"
        self.after: list[int] = [0] * (len(text) + 1)  # after[i]: count(«) - count(») in text[i:end]
        self.opening_after: list[int] = [0] * (len(text) + 1)  # count(«) in text[i:end]
        balance = opening = 0
        for i in range(end - 1, -1, -1):
            if text[i] == "«":
                balance += 1
                opening += 1
            elif text[i] == "»":
                balance -= 1
            self.after[i] = balance
            self.opening_after[i] = opening

    def closed_by_inner(self, index: int) -> bool:
        start = index + 1
        if start >= self.end or not self.ends_with_closing:
            return False
        return self.after[start] == 0 and self.opening_after[start] >= 1


_NAMES = {"«": "открывающая кавычка «", "»": "закрывающая кавычка »", "(": "открывающая скобка (", ")": "закрывающая скобка )",
          '"': 'кавычка "', "„": "открывающая кавычка „", "“": "закрывающая кавычка “"}


@rule("RM603", "unbalanced-quotes", Severity.WARNING, "Непарные кавычки или скобки", """
Кавычка или скобка открыта, но не закрыта (или наоборот): «Институт развития образования без
закрывающей кавычки, МБОУ "Усть-Джигиндинская ООШ» с разными кавычками. В официальном тексте
названия организаций берутся в кавычки-«ёлочки» парно. Запись «МО «Район» с одной
закрывающей кавычкой в конце названия допустима и не отмечается.

Неправильно:
    ответственные: [ГБОУ ОО ДПО «Институт развития образования]

Правильно:
    ответственные: [ГБОУ ОО ДПО «Институт развития образования»]
""", stage="document", scope="activity")
def unbalanced_quotes(ctx):
    for _path, node in ctx.text_scalars():
        text = node.value
        if not _MARKS.search(text):
            continue
        for index, char in _unbalanced(text):
            yield Finding(ctx.locate(node, index, index + 1), f"{_NAMES[char]} без пары",
                          "поставьте парную кавычку или скобку" if char != '"' else "используйте парные кавычки-«ёлочки»")


_HTML = re.compile(r"</?(?:b|i|u|p|br|ul|ol|li|span|div|strong|em|font|table|tr|td|th|sup|sub|a)\b[^<>]*>|&(?:nbsp|amp|lt|gt|quot|laquo|raquo|ndash|mdash);", re.IGNORECASE)


@rule("RM604", "html-remnant", Severity.WARNING, "Остатки разметки HTML в тексте", """
При копировании из веб-страниц и конвертеров в текст попадают теги `<p>`, `<b>`, `<ul>` и
сущности `&nbsp;`. В документе они напечатаются как есть.

Неправильно:
    мероприятие: <p>Разработка планов сопровождения</p>

Правильно:
    мероприятие: Разработка планов сопровождения
""", stage="document", scope="activity")
def html_remnant(ctx):
    for _path, node in ctx.text_scalars():
        if "<" not in node.value and "&" not in node.value:
            continue
        for match in _HTML.finditer(node.value):
            yield Finding(ctx.locate(node, match.start(), match.end()), f"остаток разметки HTML «{match.group()}»", "удалите его")


# (pattern, finding, hint, fix: its title and what it puts in place of the spaces, or None)
_SPACES = [
    (re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)"), "двойной пробел", "оставьте один пробел",
     ("Оставить один пробел", lambda spaces: spaces[0])),
    (re.compile(r"(?<=[^\s,.;:!?])[ \u00a0]+(?=[,;:!?)»]|\.(?!\.))"), "пробел перед знаком препинания", "уберите пробел", None),
    (re.compile(r"(?<=[«(])[ \u00a0]+"), "пробел после открывающей кавычки или скобки", "уберите пробел", None),
    (re.compile(r"[ \u00a0\t]+$", re.MULTILINE), "пробел в конце строки", "уберите его",
     ("Убрать пробел в конце", lambda spaces: "")),
    (re.compile(r"^[ \u00a0\t]+", re.MULTILINE), "пробел в начале строки", "уберите его",
     ("Убрать пробел в начале", lambda spaces: "")),
]


def _is_name(path: list) -> bool:
    """Whether the scalar at ``path`` is a name other values refer to or match by spelling."""
    return bool(path) and (path[0] in _NAME_SECTIONS or any(part in _REF_KEYS for part in path if isinstance(part, str)))


_NAME_SECTIONS = frozenset({"участники", "школы", "пары"})
_REF_KEYS = frozenset({fields.RESPONSIBLE.key, "синонимы"})


# Where any of _SPACES may match (a cheap test that lets most texts skip the five patterns): two
# spaces, a space before a closing sign or a line break, after an opening one or a line break
# (each branch starts with a character class, which the regex engine scans for fast), or at
# either end. Non-breaking spaces count as spaces, as in the patterns.
_SPACING_HINT = re.compile(r"\s[,;:!?)».\n]|[«(\n]\s|[ \u00a0]{2}")


def _may_space(text: str) -> bool:
    return bool(_SPACING_HINT.search(text)) or text[:1].isspace() or text[-1:].isspace()


@rule("RM605", "spacing", Severity.WARNING, "Лишние пробелы", """
Двойные пробелы, пробелы в начале и в конце текста, пробел перед запятой или закрывающей
кавычкой («дорожная »), после открывающей скобки. В напечатанном документе они видны как
неровные интервалы.

Неправильно:
    срок: Январь , ежегодно

Правильно:
    срок: Январь, ежегодно
""", stage="document", fix="safe", scope="activity")
def spacing(ctx):
    for path, node in ctx.text_scalars():
        text = node.value
        # a name (a party's reference or synonym, a school): the same spelling must change in the
        # directory and in every reference at once, which one edit cannot do — found, not fixed
        if not _may_space(text):
            continue
        fixable = not _is_name(path)
        for pattern, what, hint, fixing in _SPACES:
            for match in pattern.finditer(text):
                fix = None
                if fixing is not None and fixable and match.end() > match.start():
                    title, replace = fixing
                    edit = ctx.fragment_edit(node, match.start(), match.end(), replace(match.group()))
                    fix = Fix(title, (edit,)) if edit else None
                yield Finding(ctx.locate(node, match.start(), max(match.end(), match.start() + 1)), what, hint, fix)


# A Cyrillic letter standing alone between words; "п/п", "г." and "а)" are not alone. The letter
# comes first (a class the regex engine scans for fast; the letters that are words are left out
# of it), then what stands before it.
_ONE_LETTER_WORDS = frozenset("авиксоуяАВИКСОУЯ")
_LONE_LETTER = re.compile("([" + "".join(sorted(set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
                                                 - _ONE_LETTER_WORDS)) + r"])(?<![\w./\-].)(?![\w./)\-])")


@rule("RM606", "stray-letter", Severity.WARNING, "Одиночная буква между словами", """
Одна буква, которая не является словом русского языка («в», «к», «с», «у», «о», «и», «а», «я»),
между словами — обычно след правки: недописанное или недостёртое слово («компетентности
х педагогов»). Буква после числа («2021 г»), в сокращениях («п/п», «г.») и в нумерации
перечня («а)») не отмечается.

Неправильно:
    ожидаемый_результат: Повышение профессиональной компетентности х педагогов

Правильно:
    ожидаемый_результат: Повышение профессиональной компетентности педагогов
""", stage="document", scope="activity")
def stray_letter(ctx):
    for _path, node in ctx.text_scalars():
        text = node.value
        for match in _LONE_LETTER.finditer(text):
            letter = match.group(1)
            if letter in _ONE_LETTER_WORDS:
                continue
            back = match.start() - 1
            while back >= 0 and text[back].isspace():  # no copy of the text before: stays linear
                back -= 1
            if back >= 0 and text[back].isdigit():
                continue  # "2021 г", "5 л"
            yield Finding(ctx.locate(node, match.start(), match.end()),
                          f"одиночная буква «{letter}» между словами: похоже на опечатку", "удалите её или допишите слово")
