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
""", stage="document")
def mixed_alphabet(ctx):
    for _path, node in ctx.text_scalars():
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
_REPEAT = re.compile(r"(?<![^\W\d_])((?:[^\W\d_]+[ \u00a0]+){0,3}[^\W\d_]+)[ \u00a0]+\1(?![^\W\d_])", re.IGNORECASE)


@rule("RM602", "doubled-word", Severity.WARNING, "Слово или оборот повторён дважды подряд", """
Повтор слова («МБОУ МБОУ») или оборота («член рабочей группы член рабочей группы») — обычная
опечатка при правке документа.

Неправильно:
    ожидаемый_результат: 2021 г. - МБОУ МБОУ «Витимская СОШ»

Правильно:
    ожидаемый_результат: 2021 г. - МБОУ «Витимская СОШ»
""", stage="document", fix="safe")
def doubled_word(ctx):
    for _path, node in ctx.text_scalars():
        text = node.value
        if " " not in text:
            continue
        for match in _REPEAT.finditer(text.replace("\n", " ")):
            phrase = match.group(1)
            if len(phrase) < 2:
                continue  # "и и" aside, one-letter repeats are too often list artefacts
            edit = ctx.fragment_edit(node, match.start(), match.end(), phrase)
            fix = Fix(f"Оставить одно «{phrase}»", (edit,)) if edit else None
            yield Finding(ctx.locate(node, match.start(), match.end()),
                          f"«{phrase}» повторено дважды подряд", f"оставьте одно «{phrase}»", fix)


_PAIRS = {"»": "«", ")": "(", "“": "„"}
_OPENERS = {"«", "(", "„"}
_ENUMERATOR = re.compile(r"(?:^|[\s,;:])(?:\d{1,2}|[а-яa-z])\)$")


def _unbalanced(text: str) -> list[tuple[int, str]]:
    """Positions of quotes and brackets without a partner."""
    stack: list[tuple[str, int]] = []
    problems: list[tuple[int, str]] = []
    for index, char in enumerate(text):
        if char in _OPENERS:
            stack.append((char, index))
        elif char in _PAIRS:
            opener = _PAIRS[char]
            if char == ")" and not any(o == "(" for o, _ in stack) and _ENUMERATOR.search(text, 0, index + 1):
                continue  # "1) …", "а) …": a list marker, not a bracket
            # close the nearest matching opener (brackets and quotes may interleave)
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == opener:
                    del stack[k]
                    break
            else:
                problems.append((index, char))
    for opener, index in stack:
        if opener == "«" and _closed_by_inner(text, index):
            continue  # «МО «Район» — the coinciding closing quote is omitted, an accepted convention
        problems.append((index, opener))
    straight = [i for i, c in enumerate(text) if c == '"']
    if len(straight) % 2:
        problems.append((straight[-1], '"'))
    return sorted(problems)


def _closed_by_inner(text: str, index: int) -> bool:
    rest = text[index + 1:].rstrip(" .;,")
    return rest.endswith("»") and rest.count("«") == rest.count("»") and rest.count("«") >= 1


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
""", stage="document")
def unbalanced_quotes(ctx):
    for _path, node in ctx.text_scalars():
        text = node.value
        if not any(c in text for c in "«»()\"„“"):
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
""", stage="document")
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


@rule("RM605", "spacing", Severity.WARNING, "Лишние пробелы", """
Двойные пробелы, пробелы в начале и в конце текста, пробел перед запятой или закрывающей
кавычкой («дорожная »), после открывающей скобки. В напечатанном документе они видны как
неровные интервалы.

Неправильно:
    срок: Январь , ежегодно

Правильно:
    срок: Январь, ежегодно
""", stage="document", fix="safe")
def spacing(ctx):
    for path, node in ctx.text_scalars():
        text = node.value
        # a name (a party's reference or synonym, a school): the same spelling must change in the
        # directory and in every reference at once, which one edit cannot do — found, not fixed
        fixable = not _is_name(path)
        if "  " not in text and " ," not in text and not re.search(r"\s[;:!?)».]|[«(]\s|^\s|\s$", text, re.MULTILINE):
            continue
        for pattern, what, hint, fixing in _SPACES:
            for match in pattern.finditer(text):
                fix = None
                if fixing is not None and fixable and match.end() > match.start():
                    title, replace = fixing
                    edit = ctx.fragment_edit(node, match.start(), match.end(), replace(match.group()))
                    fix = Fix(title, (edit,)) if edit else None
                yield Finding(ctx.locate(node, match.start(), max(match.end(), match.start() + 1)), what, hint, fix)


# A Cyrillic letter standing alone between words; "п/п", "г." and "а)" are not alone.
_LONE_LETTER = re.compile(r"(?<![\w./\-])([А-Яа-яЁё])(?![\w./)\-])")
_ONE_LETTER_WORDS = frozenset("авиксоуяАВИКСОУЯ")


@rule("RM606", "stray-letter", Severity.WARNING, "Одиночная буква между словами", """
Одна буква, которая не является словом русского языка («в», «к», «с», «у», «о», «и», «а», «я»),
между словами — обычно след правки: недописанное или недостёртое слово («компетентности
х педагогов»). Буква после числа («2021 г»), в сокращениях («п/п», «г.») и в нумерации
перечня («а)») не отмечается.

Неправильно:
    ожидаемый_результат: Повышение профессиональной компетентности х педагогов

Правильно:
    ожидаемый_результат: Повышение профессиональной компетентности педагогов
""", stage="document")
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
