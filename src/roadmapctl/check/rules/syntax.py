"""RM0xx: the file itself — readability, YAML syntax, duplicate keys, tags."""

from __future__ import annotations

from yaml.nodes import MappingNode, ScalarNode

from roadmapctl.check.diagnostics import Severity
from roadmapctl.check.registration import Finding, declare, rule
from roadmapctl.loading.document import STANDARD_TAGS, scalar_text
from roadmapctl.spans import Span

declare(
    "RM001", "unreadable-file", Severity.ERROR,
    "Файл не читается как YAML в UTF-8",
    """
Файл должен быть текстом в кодировке UTF-8 (с BOM или без) и правильным YAML. Правило сообщает
о синтаксических ошибках (незакрытая кавычка, табуляция в отступе, двоеточие внутри значения без
кавычек), о файлах в кодировке Windows-1251 или UTF-16, о двоичных данных, управляющих символах,
слишком глубокой вложенности и «бомбах» из ссылок &якорь/*ссылка. Пока такая ошибка есть,
остальные проверки файла не выполняются.

Неправильно:
    мероприятие: Проблема: низкие результаты

Правильно:
    мероприятие: "Проблема: низкие результаты"
""",
)


@rule(
    "RM002", "duplicate-key", Severity.ERROR,
    "Ключ повторяется в одном словаре",
    """
Если ключ записан в одном словаре дважды, YAML молча оставляет последнее значение, и первое
пропадает. Правило указывает на второе вхождение ключа.

Неправильно:
    срок: Март 2021 года
    срок: Апрель 2021 года

Правильно:
    срок: Апрель 2021 года
""",
    stage="document",
    scope="activity",
    names_lines=True,
)
def duplicate_key(ctx):
    if ctx.doc.root is None:
        return
    for node in ctx.nodes():
        if isinstance(node, MappingNode):
            names = [key.value if key.__class__ is ScalarNode else scalar_text(key) for key, _value in node.value]
            if len(set(names)) == len(names):
                continue  # every key once (nearly every mapping): nothing to report
            first: dict[str, int] = {}
            for (key, _value), name in zip(node.value, names):
                if name in first:
                    yield Finding(
                        Span.of_node(key),
                        f"ключ «{name}» уже есть в этом словаре (строка {first[name]}); YAML оставит только последнее значение, "
                        "а первое будет потеряно",
                        "объедините значения или удалите лишний ключ",
                    )
                else:
                    first[name] = key.start_mark.line + 1


@rule(
    "RM003", "yaml-tag", Severity.ERROR,
    "Тег YAML (!!…) не поддерживается",
    """
Теги вида `!!python/object` или `!local` создают в программах объекты и могут выполнять код.
roadmapctl их никогда не выполняет и сообщает о них как об ошибке: в дорожной карте нужны
только обычные значения.

Неправильно:
    срок: !!python/object/apply:os.system ["echo"]

Правильно:
    срок: Март 2021 года
""",
    stage="document",
    scope="activity",
)
def yaml_tag(ctx):
    if ctx.doc.root is None or "!" not in ctx.source.text:
        return  # a tag is written with "!": without one there is nothing to walk
    for node in ctx.nodes():
        tag = node.tag or ""
        if tag not in STANDARD_TAGS:
            yield Finding(Span.of_node(node), f"тег «{tag.replace('tag:yaml.org,2002:', '!!')}» не поддерживается и не выполняется; удалите его")


@rule(
    "RM004", "control-character", Severity.ERROR,
    "Управляющий символ в значении",
    """
Управляющие символы (коды U+0000–U+001F, кроме табуляции и перевода строки, U+007F–U+009F и
символы смены направления письма U+202A–U+202E, U+2066–U+2069) не видны в тексте, но ломают
документы Word и Excel, календари и вывод в терминал. В файл они попадают через экранирование в
двойных кавычках («\\u0001», «\\e») или при копировании из других программ. roadmapctl
показывает их в своих выводах видимыми знаками (␁, ␛), а правило указывает значение, где они есть.

Неправильно:
    мероприятие: "Совещание\\u0007 с руководителями ОО"

Правильно:
    мероприятие: Совещание с руководителями ОО
""",
    stage="document",
    scope="activity",
)
def control_character(ctx):
    from roadmapctl.writing import has_control, visible_char

    if ctx.doc.root is None:
        return
    text = ctx.source.text
    if "\\" not in text and not has_control(text):
        return  # a value holds a control character only as typed or through a "\\" escape
    for node in ctx.nodes():
        if isinstance(node, ScalarNode):
            found = has_control(node.value)
            if found:
                char = found.group()
                yield Finding(
                    Span.of_node(node),
                    f"в значении есть управляющий символ U+{ord(char):04X} ({visible_char(char)}) на месте "
                    f"{found.start() + 1}; он невидим в тексте и ломает документы",
                    "удалите его или замените пробелом",
                )
